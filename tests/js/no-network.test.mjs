// Nothing in the package can reach the network (issue 7): a WebAssembly module can only call the
// JavaScript functions it imports, so its import list is the whole of what it can do outside its
// own memory. This test lists the imports of every build and requires each to be one of the
// reviewed, side-effect-free shims below (object, array and typed-array construction, JSON, type
// checks, errors). A new import fails the test until someone reviews what it can do and adds it.
// It also checks the JavaScript glue: the only network call is the `web` build's `fetch` of its own
// `csv_preflight_bg.wasm` during initialisation (the demo page passes the module instead).
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { PKG, PKG_WASM } from "./helpers.mjs";

/** Reviewed wasm-bindgen shims, by name without the hash suffix. None performs I/O. */
const ALLOWED = new Set([
  "__wbg_set", // Reflect.set / array or map element set
  "__wbg_String", // String(value)
  "__wbg_new", // new Object / Array / Uint8Array / Error
  "__wbg_length", // typed array length
  "__wbg_prototypesetcall", // Uint8Array.prototype.set (copy bytes in)
  "__wbg_new_from_slice", // new Uint8Array from wasm memory (copy bytes out)
  "__wbg_subarray",
  "__wbg_instanceof_Uint8Array",
  "__wbg_instanceof_ArrayBuffer",
  "__wbg_stringify", // JSON.stringify (options are read as JSON)
  "__wbg_isArray",
  "__wbg_keys", // Object.keys (options are looked through for what JSON would drop)
  "__wbg_get", // Reflect.get (an option's value; no function is ever called: no Function.prototype.call)
  "__wbg_get_unchecked", // array[i]
  "__wbg_instanceof_Map", // a Map or a Set as an option value is an error, not {}
  "__wbg_instanceof_Set",
  "__wbg___wbindgen_number_get", // NaN or Infinity as an option value is an error, not null
  "__wbg___wbindgen_is_function", // whether an option value has toJSON
  "__wbg___wbindgen_typeof", // typeof, for a message ("roles[0] is a number")
  "__wbg_set_name", // error.name = "CsvPreflightError"
  "__wbg___wbindgen_string_get",
  "__wbg___wbindgen_throw",
  "__wbg___wbindgen_rethrow", // throw value: the panic hook's typed error (src/bindings/panic.rs)
  "__wbg___wbindgen_reinit", // sets a flag: the glue starts a fresh instance before the next call
  "__wbg___wbindgen_is_null",
  "__wbg___wbindgen_is_object",
  "__wbg___wbindgen_is_string",
  "__wbg___wbindgen_is_undefined",
  "__wbg_Number",
  "__wbg_Error",
  "__wbindgen_init_externref_table",
  "__wbindgen_generic", // wasm-bindgen's own cast/closure helpers
]);

const NETWORK = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|RTCPeerConnection|WebTransport)\b/;

// One module serves both builds (pkg-template/share-wasm.mjs): its imports are what either build's
// glue hands it.
test("every import of the wasm module is a reviewed, I/O-free shim", () => {
  const wasm = readFileSync(PKG_WASM);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
  assert.ok(imports.length > 0);
  for (const { module, name, kind } of imports) {
    assert.equal(module, "./csv_preflight_bg.js", `${name} comes from ${module}`);
    assert.equal(kind, "function", name);
    const base = name.replace(/_[0-9a-f]{16}$/, "");
    assert.ok(ALLOWED.has(base), `unreviewed import ${name}: check what it can do, then allow it`);
    assert.doesNotMatch(name, NETWORK);
  }
});

test("the JavaScript glue makes no network call but the web build's fetch of its own .wasm", () => {
  const files = [];
  for (const dir of ["node", "web", "worker"]) {
    for (const f of readdirSync(join(PKG, dir))) {
      if (/\.(m?js)$/.test(f)) files.push(join(PKG, dir, f));
    }
  }
  const calls = [];
  for (const file of files) {
    readFileSync(file, "utf8").split("\n").forEach((line, i) => {
      if (NETWORK.test(line) && !/^\s*(\/\/|\*)/.test(line) && !/failed to fetch Wasm/.test(line)) {
        calls.push(`${file.slice(PKG.length + 1)}:${i + 1}: ${line.trim()}`);
      }
    });
  }
  assert.equal(calls.length, 1, calls.join("\n"));
  assert.match(calls[0], /^web\/csv_preflight\.js:\d+: module_or_path = fetch\(module_or_path\);$/);
  const glue = readFileSync(join(PKG, "web/csv_preflight.js"), "utf8");
  assert.match(glue, /module_or_path = new URL\('csv_preflight_bg\.wasm', import\.meta\.url\);/);
});
