// Patches wasm-bindgen's generated glue (the pinned 0.2.130) where it is unsound after a reset.
// Usage: node pkg-template/patch-glue.mjs <dir holding csv_preflight.js>...
//
// After a panic the glue starts a fresh instance of the module (src/bindings/panic.rs). Methods of
// objects made by the old instance throw "Invalid stale object", but `free()` (and
// `[Symbol.dispose]`, the same function) does not check: it would hand the old instance's pointer
// to the new instance's allocator and free memory the new instance is using. A stale object's
// memory went away with its instance, so freeing it must do nothing. The build fails if the glue
// no longer has the expected shape (a new wasm-bindgen must be looked at again).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const FREE = /^( +)free\(\) \{\n\1 {4}const ptr = this\.__destroy_into_raw\(\);\n/gm;

for (const dir of process.argv.slice(2)) {
  const file = join(dir, "csv_preflight.js");
  const glue = readFileSync(file, "utf8");
  if (!glue.includes("let __wbg_instance_id = 0;")) {
    throw new Error(`${file}: no instance tracking; is the panic hook (schedule_reinit) still in?`);
  }
  let found = 0;
  const patched = glue.replace(FREE, (head, indent) => {
    found++;
    const body = `${indent}    `;
    return (
      `${indent}free() {\n` +
      `${body}// csv-preflight (pkg-template/patch-glue.mjs): a stale object's memory went with its instance.\n` +
      `${body}if (this.__wbg_inst !== undefined && this.__wbg_inst !== __wbg_instance_id) {\n` +
      `${body}    this.__destroy_into_raw();\n` +
      `${body}    return;\n` +
      `${body}}\n` +
      `${body}const ptr = this.__destroy_into_raw();\n`
    );
  });
  const classes = (glue.match(/^export class |^class /gm) ?? []).length;
  if (found === 0 || found !== classes) {
    throw new Error(`${file}: patched ${found} free() of ${classes} classes; the glue changed shape`);
  }
  writeFileSync(file, patched);
}
