// The package's TypeScript types, used strictly by a consumer (tests/js/types/consumer.ts, and
// subpaths.ts for the subpath entries), checked by tsc --noEmit with Node.js resolution (the `node`
// export condition; consumer.cts too, through `require`), with bundler resolution (the default
// condition) and with the older `node10` resolution, which reads no `exports` (the subpaths through
// `typesVersions`), against the package as npm installs it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { BIN, consumerDir, copyIntoConsumer, join } from "./helpers.mjs";

for (const config of ["tsconfig.node.json", "tsconfig.bundler.json", "tsconfig.node10.json"]) {
  test(`tsc --noEmit -p ${config}`, () => {
    const dir = copyIntoConsumer("types", "types");
    const run = spawnSync(join(BIN, "tsc"), ["--noEmit", "-p", join(dir, config)], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
}

// The README as the package ships it: every JavaScript and TypeScript example type-checks as a
// module in a strict project (bundler resolution, the README's free names declared in
// types/readme-globals.d.ts). Left out: implicit `any` parameters (TS7006), since a JavaScript
// example's parameters have no types.
test("the README's examples type-check under strict", () => {
  const dir = copyIntoConsumer("types", "types");
  const readme = readFileSync(join(consumerDir(), "node_modules/csv-preflight/README.md"), "utf8");
  const examples = [...readme.matchAll(/^```(?:js|ts)\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  assert.ok(examples.length >= 8, `only ${examples.length} examples`);
  const files = examples.map((code, i) => {
    const name = `readme-${i + 1}.ts`;
    writeFileSync(join(dir, name), `${code}\nexport {};\n`);
    return name;
  });
  const config = {
    compilerOptions: {
      target: "es2022",
      module: "esnext",
      moduleResolution: "bundler",
      lib: ["es2022", "dom", "dom.iterable", "esnext.disposable"],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    },
    files: ["readme-globals.d.ts", ...files],
  };
  writeFileSync(join(dir, "tsconfig.readme.json"), JSON.stringify(config, null, 2));
  const run = spawnSync(join(BIN, "tsc"), ["--noEmit", "--pretty", "false", "-p", join(dir, "tsconfig.readme.json")], {
    encoding: "utf8",
  });
  const errors = (run.stdout + run.stderr).split("\n").filter((line) => line.trim() && !line.includes("error TS7006"));
  const shown = errors.map((line) => {
    const example = /readme-(\d+)\.ts/.exec(line);
    return example ? `${line}\n    in: ${examples[Number(example[1]) - 1].split("\n").slice(0, 3).join(" / ")}` : line;
  });
  assert.deepEqual(shown, []);
});

// The types' comments come from the Rust doc comments (tsify, wasm-bindgen): none may read as
// rustdoc's link syntax ("[`Error`]", "[`resultCsv`](result_csv)") in an editor's hover.
test("the .d.ts files carry no rustdoc links", () => {
  const pkg = join(consumerDir(), "node_modules/csv-preflight");
  const leaks = [];
  for (const dir of ["node", "web", "worker"]) {
    for (const name of readdirSync(join(pkg, dir)).filter((n) => /\.d\.m?ts$/.test(n))) {
      readFileSync(join(pkg, dir, name), "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (/\[`[^`]+`\]/.test(line)) leaks.push(`${dir}/${name}:${i + 1}: ${line.trim()}`);
        });
    }
  }
  assert.deepEqual(leaks, []);
});
