// What npm installs: the tarball carries the WebAssembly module once, in web/, and the Node.js
// build's glue reads it from there (pkg-template/share-wasm.mjs). The Node.js entry points working
// from the installed package is what node.test.mjs shows; this pins the layout that makes it so.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";

import { consumerDir, join } from "./helpers.mjs";

test("the installed package holds one .wasm, which the Node.js glue loads", () => {
  const installed = join(consumerDir(), "node_modules/csv-preflight");
  const wasm = readdirSync(installed, { recursive: true }).filter((f) => f.endsWith(".wasm"));
  assert.deepEqual(wasm, ["web/csv_preflight_bg.wasm"]);
  const glue = readFileSync(join(installed, "node/csv_preflight.js"), "utf8");
  const paths = glue.match(/^const wasmPath = .*$/gm);
  assert.deepEqual(paths, ["const wasmPath = `${__dirname}/../web/csv_preflight_bg.wasm`;"]);
});
