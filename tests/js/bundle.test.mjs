// Bundles through the npm package (`bundles`, `bundleRole`, `BundleChecker`): CELF's users, groups
// and affiliations checked together give the CLI's `check --profile celf ... --format json`,
// baselines included, and misuse fails with typed errors.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { before, describe, test } from "node:test";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, cli, consumerDir, join, pretty } from "./helpers.mjs";

let api;

before(async () => {
  const dir = consumerDir();
  writeFileSync(join(dir, "bundle-entry.mjs"), 'export * from "csv-preflight";\n');
  api = await import(pathToFileURL(join(dir, "bundle-entry.mjs")).href);
});

const celf = (name) => join(ROOT, "tests/fixtures/celf", name);
const FILES = { users: celf("users.csv"), groups: celf("groups.csv"), affiliations: celf("affiliations-dangling.csv") };

/** The CLI's bundle report for `paths` (roles recognised by header), with `extra` arguments. */
function cliBundle(paths, extra = []) {
  return JSON.parse(cli(["check", "--profile", "celf", "--format", "json", ...extra, ...paths]).stdout);
}

/** Checks `files` ({ role: path }) through a BundleChecker, in chunks of `size` bytes. */
function checkBundle(files, size, baselines = {}) {
  const checker = new api.BundleChecker({ bundle: "celf" }, Object.keys(files));
  for (const [role, path] of Object.entries(baselines)) {
    const baseline = new api.Baseline({ profile: `celf/${role}` });
    baseline.push(readFileSync(path));
    baseline.end();
    checker.setBaseline(role, baseline);
    baseline.free();
  }
  for (const role of checker.order()) {
    checker.begin(role, basename(files[role]));
    const bytes = readFileSync(files[role]);
    for (let at = 0; at < bytes.length; at += size) checker.push(bytes.subarray(at, at + size));
    checker.end();
  }
  return checker.finish();
}

/** Asserts that `fn` throws a CsvPreflightError of `kind` whose message contains `text`. */
function throwsKind(fn, kind, text) {
  assert.throws(fn, (error) => {
    assert.equal(error.name, "CsvPreflightError");
    assert.equal(error.kind, kind, error.message);
    assert.ok(error.message.includes(text), error.message);
    return true;
  });
}

describe("bundles", () => {
  test("order() lists the roles given, in checking order; bytes without a current file throw", () => {
    const checker = new api.BundleChecker({ bundle: "celf" }, ["affiliations", "users"]);
    assert.deepEqual(checker.order(), ["users", "affiliations"]);
    const message = "no file to push to: call begin(role, fileName) first";
    throwsKind(() => checker.push(new Uint8Array([0x69, 0x64, 0x0a])), "invalidOptions", message);
    checker.begin("users", "users.csv");
    checker.push(readFileSync(FILES.users));
    checker.end();
    throwsKind(() => checker.push(new Uint8Array([0x69, 0x64, 0x0a])), "invalidOptions", message);
    checker.free();
  });

  test("bundles() lists CELF with its roles; bundleRole recognises each file by its header", () => {
    const [only, ...rest] = api.bundles();
    assert.deepEqual(rest, []);
    assert.equal(only.id, "celf");
    assert.deepEqual(
      only.roles.map((r) => `${r.role}=${r.profile}`),
      ["users=celf/users", "groups=celf/groups", "affiliations=celf/affiliations"],
    );
    for (const [role, path] of Object.entries(FILES)) {
      assert.equal(api.bundleRole(readFileSync(path), { bundle: "celf" }), role, path);
    }
    assert.equal(api.bundleRole(new TextEncoder().encode("mail_address,family_name\r\n"), { bundle: "celf" }), undefined);
  });

  test("an id,name file: bundleRole reads the name; an assumed role is a role-assumed warning, as the CLI's", () => {
    const bytes = new TextEncoder().encode("id,name\r\nuser01,Taro\r\n");
    const role = (name) => api.bundleRole(bytes, { bundle: "celf" }, name);
    assert.deepEqual(
      ["users.csv", "ユーザー.csv", "groups.csv", "グループ.csv", "export.csv", undefined].map(role),
      ["users", "users", "groups", "groups", "groups", "groups"],
    );
    const dir = consumerDir();
    const path = join(dir, "export.csv");
    writeFileSync(path, bytes);
    const expected = cliBundle([path]);
    assert.deepEqual(expected.files[0].report.diagnostics.map((d) => d.code), ["role-assumed"]);
    const check = (recognized) => {
      const checker = new api.BundleChecker({ bundle: "celf" }, ["groups"]);
      checker.begin("groups", "export.csv", recognized);
      checker.push(bytes);
      return checker.finish();
    };
    assert.deepEqual(check(true), expected);
    // A role the caller chose is not second-guessed.
    assert.deepEqual(check(undefined).files[0].report.diagnostics, []);
  });

  test("the three files, whole and in 7-byte chunks: the CLI's report, dangling references included", () => {
    const expected = cliBundle(Object.values(FILES));
    // Without the exports, IDs outside the files may be registered already: warnings, not errors.
    assert.equal(expected.valid, true);
    for (const size of [7, 1 << 20]) {
      const report = checkBundle(FILES, size);
      assert.deepEqual(report, expected, `${size}-byte chunks`);
      assert.equal(pretty(report), pretty(expected), "key order");
    }
    const codes = expected.files.flatMap((f) => f.report.diagnostics.map((d) => `${f.role}:${d.code}`));
    assert.deepEqual(codes, ["affiliations:reference-outside-file", "affiliations:reference-outside-file"]);
  });

  test("against the exports of users and groups: the CLI's --baseline ROLE=FILE report", () => {
    const baselines = { users: celf("users-export.csv"), groups: celf("groups-export.csv") };
    const expected = cliBundle(Object.values(FILES), [
      "--baseline",
      `users=${baselines.users}`,
      "--baseline",
      `groups=${baselines.groups}`,
    ]);
    assert.deepEqual(checkBundle(FILES, 1 << 20, baselines), expected);
    assert.notDeepEqual(expected, cliBundle(Object.values(FILES)), "the exports change the report");
  });

  test("the declared roles are the files given: each once, every one, and no other", () => {
    const declared = new api.BundleChecker({ bundle: "celf" }, ["users", "groups", "affiliations"]);
    throwsKind(() => declared.finish(), "invalidOptions",
      'no file was given for the declared roles "users", "groups", "affiliations" (declare only the roles whose files are given)');
    const partly = new api.BundleChecker({ bundle: "celf" }, ["users", "groups"]);
    partly.begin("users", "users.csv");
    partly.push(readFileSync(FILES.users));
    partly.end();
    throwsKind(() => partly.finish(), "invalidOptions", 'no file was given for the declared role "groups"');
    const other = new api.BundleChecker({ bundle: "celf" }, ["affiliations"]);
    throwsKind(() => other.begin("users", "users.csv"), "invalidOptions",
      'role "users" was not declared when the check was prepared (declared: affiliations)');
    other.free();
    throwsKind(() => new api.BundleChecker({ bundle: "celf" }, ["users", "users"]), "invalidOptions",
      'role "users" is declared twice: one file per role');
    const names = 'roles must be an array of role names such as ["users", "groups"]; ';
    throwsKind(() => new api.BundleChecker({ bundle: "celf" }, [1]), "invalidOptions", `${names}roles[0] is a number`);
    throwsKind(() => new api.BundleChecker({ bundle: "celf" }, ["users", null]), "invalidOptions", `${names}roles[1] is null`);
    throwsKind(() => new api.BundleChecker({ bundle: "celf" }, "users"), "invalidOptions", `${names}got a string`);
    throwsKind(() => new api.BundleChecker({ bundle: "celf" }), "invalidOptions", `${names}got undefined`);
  });

  test("misuse fails with typed errors", () => {
    throwsKind(() => new api.BundleChecker({ bundle: "acme" }, ["users"]), "unknownProfile", "acme");
    throwsKind(() => new api.BundleChecker({ bundle: "celf" }, ["staff"]), "invalidOptions", "no role \"staff\"");
    throwsKind(() => new api.BundleChecker({ bundle: "celf", nope: 1 }, ["users"]), "invalidOptions", "nope");
    throwsKind(() => new api.BundleChecker({ bundle: "celf", params: { nope: 1 } }, ["users"]), "unknownParameter", "nope");
    const checker = new api.BundleChecker({ bundle: "celf" }, ["users", "affiliations"]);
    throwsKind(() => checker.begin("affiliations", "a.csv"), "invalidOptions", 'check "users" before "affiliations"');
    checker.begin("users", "u.csv");
    const baseline = new api.Baseline({ profile: "celf/users" });
    baseline.push(readFileSync(celf("users-export.csv")));
    baseline.end();
    throwsKind(() => checker.setBaseline("users", baseline), "invalidOptions", "before the first file");
  });
});
