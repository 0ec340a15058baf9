// The package's TypeScript types, used strictly by a consumer (tests/js/types/consumer.ts), checked
// by tsc --noEmit with Node.js resolution (the `node` export condition; consumer.cts too, through
// `require`) and with bundler resolution (the default condition), against the package as npm
// installs it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { BIN, copyIntoConsumer, join } from "./helpers.mjs";

for (const config of ["tsconfig.node.json", "tsconfig.bundler.json"]) {
  test(`tsc --noEmit -p ${config}`, () => {
    const dir = copyIntoConsumer("types", "types");
    const run = spawnSync(join(BIN, "tsc"), ["--noEmit", "-p", join(dir, config)], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
}
