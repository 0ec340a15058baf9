// Checks against the target system's current export through the npm package (`Baseline`,
// `Checker.withBaseline`, `checkWithBaseline`): the same reports, plan included, as the CLI's
// `--baseline`, and typed failures when the export cannot be used.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { ROOT, basename, cli, cliReports, consumerDir, join, pretty } from "./helpers.mjs";

let api;
const scratch = mkdtempSync(join(tmpdir(), "csv-preflight-baseline-test-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

before(async () => {
  const dir = consumerDir();
  writeFileSync(join(dir, "baseline-entry.mjs"), 'export * from "csv-preflight";\n');
  api = await import(pathToFileURL(join(dir, "baseline-entry.mjs")).href);
});

const fixture = (dir, name) => join(ROOT, "tests/fixtures", dir, name);

/** Upload and export pairs that the Rust tests plan with (FLAT total, Canon, learningBOX). */
const PAIRS = [
  { profile: "flat/users-total", dir: "flat-users-total", exportName: "export.tsv", upload: "plan-total.tsv", exportRows: 5 },
  { profile: "canon/users", dir: "canon-users", exportName: "export.csv", upload: "plan-upload.csv", exportRows: 3 },
  { profile: "learningbox/users", dir: "learningbox-users", exportName: "export.csv", upload: "plan-upload.csv", exportRows: 3 },
];

/** Reads `path` into a new Baseline for `profile`, in chunks of `size` bytes. */
function readBaseline(path, profile, size) {
  const bytes = readFileSync(path);
  const baseline = new api.Baseline({ profile });
  for (let at = 0; at < bytes.length; at += size) baseline.push(bytes.subarray(at, at + size));
  return { baseline, own: baseline.end() };
}

/** Asserts that `fn` throws a CsvPreflightError of `kind` whose message contains `text`. */
function throwsKind(fn, kind, text) {
  assert.throws(fn, (error) => {
    assert.equal(error.name, "CsvPreflightError");
    assert.equal(error.kind, kind, error.message);
    assert.equal(error.detail.kind, kind);
    assert.ok(error.message.includes(text), error.message);
    return true;
  });
}

describe("checks against an export", () => {
  for (const { profile, dir, exportName, upload, exportRows } of PAIRS) {
    test(`${profile}: the CLI's --baseline report, whole buffer and streamed`, () => {
      const exportPath = fixture(dir, exportName);
      const uploadPath = fixture(dir, upload);
      const [expected] = cliReports(profile, [uploadPath], ["--baseline", exportPath]);
      assert.ok(expected.plan, "the CLI's report has a plan");
      for (const size of [5, 1 << 20]) {
        const { baseline, own } = readBaseline(exportPath, profile, size);
        assert.equal(own.summary.rows, exportRows, `${exportName}: rows of the export`);
        const options = { profile, fileName: basename(uploadPath) };
        const result = api.checkWithBaseline(readFileSync(uploadPath), options, baseline);
        assert.equal(result.type, "success", JSON.stringify(result));
        assert.deepEqual(result.report, expected);
        assert.equal(pretty(result.report), pretty(expected), "key order");
        // One baseline serves any number of checks.
        const checker = api.Checker.withBaseline(options, baseline);
        const bytes = readFileSync(uploadPath);
        for (let at = 0; at < bytes.length; at += 7) checker.push(bytes.subarray(at, at + 7));
        assert.deepEqual(checker.finish(), expected);
        baseline.free();
      }
    });
  }

  for (const { profile, dir, exportName, upload } of PAIRS) {
    test(`${profile}: the result CSV has the bytes of the CLI's --result-csv with --baseline`, () => {
      const exportPath = fixture(dir, exportName);
      const uploadPath = fixture(dir, upload);
      const out = join(scratch, "result.csv");
      cli(["check", "--profile", profile, "--format", "json", "--baseline", exportPath, "--result-csv", out, "--overwrite", uploadPath]);
      const { baseline } = readBaseline(exportPath, profile, 1 << 20);
      const options = { profile, fileName: basename(uploadPath) };
      const result = api.resultCsvWithBaseline(readFileSync(uploadPath), options, baseline);
      assert.equal(result.type, "success", JSON.stringify(result));
      assert.deepEqual(Buffer.from(result.bytes), readFileSync(out));
      const plain = api.resultCsv(readFileSync(uploadPath), options);
      const differs = !Buffer.from(plain.bytes).equals(readFileSync(out));
      // The export adds findings to these uploads (read-only columns, login IDs, delete mode).
      assert.equal(differs, profile !== "flat/users-total", "the export's findings are in the rows");
      baseline.free();
    });
  }

  test("without the export, the same upload has no plan", () => {
    const uploadPath = fixture("flat-users-total", "plan-total.tsv");
    const result = api.check(readFileSync(uploadPath), { profile: "flat/users-total" });
    assert.equal(result.type, "success");
    assert.equal("plan" in result.report, false);
  });
});

describe("an export that cannot be used fails with a typed error", () => {
  test("a baseline that is still being read, or read for another profile", () => {
    const exportPath = fixture("flat-users-total", "export.tsv");
    const baseline = new api.Baseline({ profile: "flat/users-total" });
    baseline.push(readFileSync(exportPath));
    const upload = readFileSync(fixture("flat-users-total", "plan-total.tsv"));
    throwsKind(() => api.Checker.withBaseline({ profile: "flat/users-total" }, baseline), "invalidBaseline", "call end() first");
    const early = api.checkWithBaseline(upload, { profile: "flat/users-total" }, baseline);
    assert.equal(early.type, "failure");
    assert.equal(early.error.kind, "invalidBaseline");
    baseline.end();
    throwsKind(() => baseline.push(new Uint8Array([1])), "invalidBaseline", "already ended");
    throwsKind(() => baseline.end(), "invalidBaseline", "already ended");
    throwsKind(() => api.Checker.withBaseline({ profile: "canon/users" }, baseline), "invalidBaseline", "flat/users-total");
  });

  test("an export without the key column, an unknown profile, an unknown parameter", () => {
    const baseline = new api.Baseline({ profile: "flat/users-total" });
    baseline.push(new TextEncoder().encode("#name\tpermission\r\nTaro\tuser\r\n"));
    throwsKind(() => baseline.end(), "invalidBaseline", "cannot be matched");
    throwsKind(() => new api.Baseline({ profile: "acme/users" }), "unknownProfile", "acme/users");
    throwsKind(() => new api.Baseline({ profile: "flat/users-total", params: { nope: 1 } }), "unknownParameter", "nope");
  });
});
