// Points wasm-bindgen's `nodejs` glue at the module of the `web` build, so that the package
// carries the .wasm once (build.sh checks that wasm-bindgen wrote the same bytes for both).
// Usage: node pkg-template/share-wasm.mjs <dir holding the nodejs csv_preflight.js> <relative dir>
//
// The glue (the pinned 0.2.130) reads its module with
//     const wasmPath = `${__dirname}/csv_preflight_bg.wasm`;
// The build fails if that line is not there exactly once (a new wasm-bindgen must be looked at
// again).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, shared] = process.argv.slice(2);
if (!dir || !shared || !/^[\w./-]+$/.test(shared)) {
  throw new Error("usage: share-wasm.mjs <glue dir> <relative dir of the shared .wasm>");
}
const file = join(dir, "csv_preflight.js");
const glue = readFileSync(file, "utf8");
const LINE = "const wasmPath = `${__dirname}/csv_preflight_bg.wasm`;";
const found = glue.split(LINE).length - 1;
if (found !== 1) {
  throw new Error(`${file}: the module's path is set ${found} times, not once; the glue changed shape`);
}
const line = `const wasmPath = \`\${__dirname}/${shared}/csv_preflight_bg.wasm\`;`;
writeFileSync(file, glue.replace(LINE, line));
