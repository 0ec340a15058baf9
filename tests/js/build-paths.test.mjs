// The .wasm keeps the source paths of its panic locations. They must not name the machine that
// built the package: pkg-template/build.sh writes the dependencies' CARGO_HOME as /cargo, the
// standard library's paths are /rustc/<commit>/ (and /rust/deps/ for the crates it vendors), the
// crate's own are relative. So the package carries no user name or home directory, and the same
// sources give the same bytes anywhere.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { test } from "node:test";

import { PKG_WASM, ROOT } from "./helpers.mjs";

/** Absolute paths of Rust sources, as they appear in the module's data. */
const SOURCE_PATH = /(?<![\w.@+-])\/[\w.@+-]+(?:\/[\w.@+-]+)*\/[\w.@+-]+\.rs\b/g;

test("the .wasm names no path of the machine that built it", () => {
  const text = readFileSync(PKG_WASM).toString("latin1");
  const paths = text.match(SOURCE_PATH) ?? [];
  const dependencies = paths.filter((p) => p.startsWith("/cargo/registry/src/"));
  assert.ok(dependencies.length > 0, "the dependencies' panic locations are written as /cargo/");
  for (const path of paths) {
    // The standard library's own, and the crates it vendors, as the Rust project built them.
    assert.match(path, /^\/(cargo\/registry\/src|rustc\/[0-9a-f]{40}|rust\/deps)\//, path);
  }
  const machine = [homedir(), ROOT, process.env.CARGO_HOME].filter((p) => p && p.length > 1);
  for (const local of machine) {
    assert.equal(text.includes(local), false, `the module contains ${local}`);
  }
});
