// Patches wasm-bindgen's generated glue (the pinned 0.2.130) where it is unsound after a reset or
// after an object is used up.
// Usage: node pkg-template/patch-glue.mjs <dir holding csv_preflight.js>...
//
// After a panic the glue starts a fresh instance of the module (src/bindings/panic.rs), in
// `__wbg_call_guard()`, and bumps the instance id that marks objects of the old instance as stale.
// The generated functions call the guard only just before entering the module: after their stale
// check, and after copying string arguments into the old instance's memory. So the first call after
// a panic passed an old object's pointer, or a string's, to the new instance (a trap, or worse, a
// read of unrelated memory). Each function now calls the guard first; the later call does nothing.
//
// - `free()` (also `[Symbol.dispose]`, so `using`) does nothing for a stale object (its memory went
//   with its instance: freeing it would hand its pointer to the new instance's allocator) or for
//   one already used up (`finish()` takes the object, and a second `free()` must not throw from
//   `using`'s dispose and hide the result).
// - Any other method of a used-up object throws a plain message instead of wasm-bindgen's "null
//   pointer passed to rust"; so does passing a freed object as an argument (a freed `Baseline` to
//   `Checker.withBaseline`), in `_assertClass`. These errors, and `_assertClass`'s "expected
//   instance of Baseline", are `CsvPreflightError`s (kind "invalidOptions") like the library's.
// - A method of an object made before a reset throws a `CsvPreflightError` of kind "internal"
//   saying to make the object again, in place of the glue's plain "Invalid stale object from
//   previous Wasm instance": that check is written inline before the module is entered, so no
//   Rust code can make it one of the library's errors.
//
// The build fails if the glue no longer has the expected shape (a new wasm-bindgen must be looked
// at again).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const GUARD = "__wbg_call_guard();";
const CLASS = /^(?:export )?class (\w+) \{$/;
// A class member (indented 4) or a top-level function.
const MEMBER = /^ {4}(static |get |set )?([\w$]+)\(.*\) \{$/;
const FUNCTION = /^(?:export )?function [\w$]+\(.*\) \{$/;
const NOTE = "// csv-preflight (pkg-template/patch-glue.mjs):";
const ASSERT_CLASS = `function _assertClass(instance, klass) {
    if (!(instance instanceof klass)) {
        throw new Error(\`expected instance of \${klass.name}\`);
    }
}`;
// The misuse errors the glue throws carry the shape of the library's own (src/bindings/outcome.rs):
// name "CsvPreflightError", kind and detail, so that \`isCsvPreflightError\` and \`error.kind\` work.
const MISUSE = "__csvPreflightMisuse";
const STALE_THROW = "throw new Error('Invalid stale object from previous Wasm instance');";
const STALE = "__csvPreflightStale";
const ASSERT_LIVE = `${NOTE} misuse of the API, as a CsvPreflightError (kind "invalidOptions").
function ${MISUSE}(message) {
    const error = new Error(message);
    error.name = "CsvPreflightError";
    error.kind = "invalidOptions";
    error.detail = { kind: "invalidOptions", message };
    return error;
}

${NOTE} an object of the instance before a reset, as a CsvPreflightError (kind "internal").
function ${STALE}(className) {
    const message = \`this \${className} was made before csv-preflight restarted after an internal error: make a new one\`;
    const error = new Error(message);
    error.name = "CsvPreflightError";
    error.kind = "internal";
    error.detail = { kind: "internal", message };
    return error;
}

function _assertClass(instance, klass) {
    if (!(instance instanceof klass)) {
        throw ${MISUSE}(\`expected instance of \${klass.name}\`);
    }
    ${NOTE} a freed argument named, not "null pointer passed to rust".
    if (instance.__wbg_ptr === 0) throw ${MISUSE}(\`this \${klass.name} was finished or freed: make a new one\`);
}`;

for (const dir of process.argv.slice(2)) {
  const file = join(dir, "csv_preflight.js");
  const glue = readFileSync(file, "utf8");
  if (!glue.includes("let __wbg_instance_id = 0;")) {
    throw new Error(`${file}: no instance tracking; is the panic hook (schedule_reinit) still in?`);
  }
  if (glue.split(ASSERT_CLASS).length !== 2) {
    throw new Error(`${file}: _assertClass changed shape`);
  }
  const { text, guarded, frees, stale } = patch(glue.replace(ASSERT_CLASS, ASSERT_LIVE).split("\n"));
  const calls = glue.split(GUARD).length - 1;
  const classes = (glue.match(/^export class |^class /gm) ?? []).length;
  const staleChecks = glue.split(STALE_THROW).length - 1;
  if (guarded === 0 || guarded !== calls || frees !== classes || stale === 0 || stale !== staleChecks) {
    throw new Error(
      `${file}: guarded ${guarded} of ${calls} calls, patched ${frees} free() of ${classes} classes, ${stale} of ${staleChecks} stale checks; the glue changed shape`,
    );
  }
  writeFileSync(file, text);
}

/**
 * The class of the object a stale check tests (`test`, with the line before it, `before`), or
 * null when the glue does not look as expected.
 */
function staleOwner(test = "", before = "", className) {
  if (test.trim().startsWith("if (this.__wbg_inst !== undefined")) return className;
  const argument = /^if \(\((\w+)\)\.__wbg_inst !== undefined/.exec(test.trim());
  const asserted = /^_assertClass\((\w+), (\w+)\);$/.exec(before.trim());
  return argument && asserted && argument[1] === asserted[1] ? asserted[2] : null;
}

/** Rewrites every function of the glue that enters the module (see the top of this file). */
function patch(lines) {
  const out = [];
  let className = null;
  let guarded = 0;
  let frees = 0;
  let stale = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === STALE_THROW) {
      // The object tested on the line before: `this`, or an argument `_assertClass` just checked.
      const owner = staleOwner(lines[i - 1], lines[i - 2], className);
      if (owner) {
        out.push(line.replace(STALE_THROW, `throw ${STALE}("${owner}");`));
        stale++;
        continue;
      }
    }
    out.push(line);
    const opened = CLASS.exec(line);
    if (opened) className = opened[1];
    if (line === "}") className = null;
    const member = className ? MEMBER.exec(line) : null;
    const topLevel = FUNCTION.test(line);
    if (!member && !topLevel) continue;
    const indent = member ? "    " : "";
    const end = lines.indexOf(`${indent}}`, i + 1);
    const body = lines.slice(i + 1, end);
    if (!body.some((l) => l.trim() === GUARD)) continue;
    const inner = `${indent}    `;
    out.push(`${inner}${GUARD} ${NOTE} a reset first, so no old pointer reaches the new instance.`);
    guarded++;
    const [, kind, name] = member ?? [];
    if (!member || kind === "static " || name === "constructor") continue;
    if (name === "free") {
      out.push(
        `${inner}if (this.__wbg_ptr === 0 || (this.__wbg_inst !== undefined && this.__wbg_inst !== __wbg_instance_id)) {`,
        `${inner}    ${NOTE} used up, freed, or stale (its memory went with its instance).`,
        `${inner}    this.__destroy_into_raw();`,
        `${inner}    return;`,
        `${inner}}`,
      );
      frees++;
    } else {
      out.push(
        `${inner}if (this.__wbg_ptr === 0) throw ${MISUSE}("this ${className} was finished or freed: make a new one");`,
      );
    }
  }
  return { text: out.join("\n"), guarded, frees, stale };
}

