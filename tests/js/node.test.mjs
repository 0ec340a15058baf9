// The npm package in Node.js, imported by name through its `exports`: every report equals the CLI's
// `--format json` for the same file, whole-buffer and streamed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import {
  EXAMPLE,
  OWN_FIXTURES,
  basename,
  builtinIds,
  cli,
  cliReports,
  consumerDir,
  fixtureSets,
  join,
  pretty,
} from "./helpers.mjs";

let api;
let sets;
const scratch = mkdtempSync(join(tmpdir(), "csv-preflight-node-test-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

before(async () => {
  const dir = consumerDir();
  writeFileSync(join(dir, "entry.mjs"), 'export * from "csv-preflight";\n');
  api = await import(pathToFileURL(join(dir, "entry.mjs")).href);
  sets = fixtureSets();
});

function checkWhole(path, profile, extra = {}) {
  const result = api.check(readFileSync(path), { profile, fileName: basename(path), ...extra });
  assert.equal(result.type, "success", JSON.stringify(result));
  return result.report;
}

function checkStreamed(path, profile, size) {
  const bytes = readFileSync(path);
  const checker = new api.Checker({ profile, fileName: basename(path) });
  for (let at = 0; at < bytes.length; at += size) checker.push(bytes.subarray(at, at + size));
  assert.deepEqual(checker.progress.bytes, bytes.length);
  return checker.finish();
}

/** Runs (with Node.js flags `flags`) a script that starts with `head` (how it gets `check`,
 * `readFileSync` and `basename`) and checks the example files as the CLI's `--format json` does,
 * and compares their output. */
function assertPrintsTheCliJson(name, head, flags = []) {
  const dir = consumerDir();
  writeFileSync(
    join(dir, name),
    [
      ...head,
      "const path = process.argv[2];",
      'const result = check(readFileSync(path), { profile: "fujifilm-iwpro/add-users", fileName: basename(path) });',
      'if (result.type !== "success") throw new Error(result.error.message);',
      'process.stdout.write(JSON.stringify(result.report, null, 2) + "\\n");',
    ].join("\n"),
  );
  for (const path of [EXAMPLE, join(OWN_FIXTURES, "add-users_multibyte.csv")]) {
    const js = execFileSync(process.execPath, [...flags, join(dir, name), path], { encoding: "utf8" });
    const { stdout } = cli(["check", "--profile", "fujifilm-iwpro/add-users", "--format", "json", path]);
    assert.equal(js, stdout, `${name}: ${path}`);
  }
}

describe("the contract", () => {
  test("import { check } from \"csv-preflight\" works without init and prints the CLI's JSON", () => {
    assertPrintsTheCliJson("contract.mjs", [
      'import { readFileSync } from "node:fs";',
      'import { basename } from "node:path";',
      'import { check } from "csv-preflight";',
    ]);
  });

  test("require(\"csv-preflight\") works too (CommonJS), and prints the CLI's JSON", () => {
    // Without `require` of ES modules, as in Node.js 18 and in 20 before 20.19 (and in test runners
    // with their own module loader): the `require` condition must lead to the CommonJS build.
    const flag = "--no-experimental-require-module";
    const flags = process.allowedNodeEnvironmentFlags.has(flag) ? [flag] : [];
    assertPrintsTheCliJson(
      "contract.cjs",
      [
        'const { readFileSync } = require("node:fs");',
        'const { basename } = require("node:path");',
        'const { check } = require("csv-preflight");',
      ],
      flags,
    );
  });

  test("import and require share one module, and so one wasm instance", () => {
    const dir = consumerDir();
    writeFileSync(
      join(dir, "both.mjs"),
      [
        'import { createRequire } from "node:module";',
        'import * as esm from "csv-preflight";',
        "const require = createRequire(import.meta.url);",
        'const cjs = require("csv-preflight");',
        "const names = Object.keys(esm).filter((name) => name !== \"default\");",
        "console.log(JSON.stringify({",
        '  resolved: require.resolve("csv-preflight"),',
        "  esm: names.sort(),",
        "  cjs: Object.keys(cjs).sort(),",
        "  different: names.filter((name) => esm[name] !== cjs[name]),",
        "}));",
      ].join("\n"),
    );
    const out = JSON.parse(execFileSync(process.execPath, [join(dir, "both.mjs")], { encoding: "utf8" }));
    assert.match(out.resolved, /\/node_modules\/csv-preflight\/node\/csv_preflight\.js$/);
    assert.deepEqual(out.esm, out.cjs);
    assert.ok(out.esm.includes("check") && out.esm.includes("Checker"), out.esm.join());
    assert.deepEqual(out.different, []);
  });

  test("the package resolves to the Node.js build through its exports", () => {
    const dir = consumerDir();
    writeFileSync(join(dir, "resolve.mjs"), 'console.log(import.meta.resolve("csv-preflight"));\n');
    const resolved = execFileSync(process.execPath, [join(dir, "resolve.mjs")], { encoding: "utf8" });
    assert.match(resolved.trim(), /\/node_modules\/csv-preflight\/node\/index\.mjs$/);
    const pkg = JSON.parse(readFileSync(join(dir, "node_modules/csv-preflight/package.json"), "utf8"));
    assert.equal(pkg.name, "csv-preflight");
    assert.equal(pkg.type, "module");
  });
});

describe("same reports as the CLI", () => {
  test("every fixture, whole buffer", () => {
    let count = 0;
    for (const { profile, files } of sets) {
      const expected = cliReports(profile, files);
      files.forEach((path, i) => {
        const report = checkWhole(path, profile);
        assert.deepEqual(report, expected[i], path);
        assert.equal(pretty(report), pretty(expected[i]), `${path}: key order`);
        count++;
      });
    }
    assert.ok(count >= 20, `only ${count} fixtures`);
  });

  test("every fixture, streamed through Checker in odd-sized chunks", () => {
    for (const { profile, files } of sets) {
      const expected = cliReports(profile, files);
      files.forEach((path, i) => {
        for (const size of [1, 7, 4093]) {
          assert.deepEqual(checkStreamed(path, profile, size), expected[i], `${path} in ${size}-byte chunks`);
        }
      });
    }
  });

  test("Japanese messages and a diagnostics cap", () => {
    for (const { profile, files } of sets) {
      const expected = cliReports(profile, files, ["--lang", "ja", "--max-diagnostics", "2"]);
      files.forEach((path, i) => {
        const report = checkWhole(path, profile, { lang: "ja", maxDiagnostics: 2 });
        assert.deepEqual(report, expected[i], path);
      });
    }
  });

  test("tenant parameters", () => {
    const profile = "fujifilm-iwpro/add-users";
    const [expected] = cliReports(profile, [EXAMPLE], [
      "--param", "allowedEmailDomains=example.com,example.org",
      "--param", "availableSeats=2",
    ]);
    const report = checkWhole(EXAMPLE, profile, {
      params: { allowedEmailDomains: ["example.com", "example.org"], availableSeats: 2 },
    });
    assert.deepEqual(report, expected);
    assert.ok(report.summary.byCode["too-many-rows"] === 1, JSON.stringify(report.summary));
  });

  test("a custom profile object, and its JSON text, as the CLI reads the profile file", () => {
    const profilePath = join(OWN_FIXTURES, "example-staff.profile.json");
    const csv = join(OWN_FIXTURES, "staff.csv");
    const [expected] = cliReports(profilePath, [csv]);
    const text = readFileSync(profilePath, "utf8");
    assert.deepEqual(checkWhole(csv, JSON.parse(text)), expected);
    assert.deepEqual(checkWhole(csv, text), expected);
    assert.deepEqual(
      expected.diagnostics.map((d) => [d.code, d.row, d.column]),
      [
        ["not-digits", 3, "id"],
        ["unique-error", 4, "id"],
        ["too-long", 4, "name"],
        ["missing-value", 5, "id"],
      ],
    );
  });

  test("the result CSV has the CLI's bytes", () => {
    for (const { profile, files } of sets.filter((s) => s.profile === "fujifilm-iwpro/add-users")) {
      for (const path of files) {
        const out = join(scratch, "result.csv");
        cli(["check", "--profile", profile, "--format", "json", "--result-csv", out, "--overwrite", path]);
        const result = api.resultCsv(readFileSync(path), { profile, fileName: basename(path) });
        assert.equal(result.type, "success");
        assert.deepEqual(Buffer.from(result.bytes), readFileSync(out), path);
        assert.equal(typeof result.encoding, "string");
      }
    }
  });

  test("profiles() and profile(id) match `profiles` and `profiles --json`", () => {
    const ids = builtinIds();
    const infos = api.profiles();
    assert.deepEqual(infos.map((p) => p.id), ids);
    for (const info of infos) {
      assert.equal(typeof info.title.en, "string");
      assert.equal(typeof info.title.ja, "string");
      const result = api.profile(info.id);
      assert.equal(result.type, "success");
      assert.deepEqual(result.profile, JSON.parse(cli(["profiles", "--json", info.id]).stdout));
      assert.deepEqual(info.parameters, result.profile.parameters ?? []);
    }
  });
});

describe("failures are typed values", () => {
  test("unknown profile, malformed profile, bad parameter, misspelt option", () => {
    const bytes = readFileSync(EXAMPLE);
    assert.deepEqual(api.check(bytes, { profile: "acme/users" }), {
      type: "failure",
      error: {
        kind: "unknownProfile",
        message: 'unknown profile "acme/users"',
        detail: { kind: "unknownProfile", id: "acme/users" },
      },
    });
    const bad = api.check(bytes, { profile: { formatVersion: 1, id: "x" } });
    assert.equal(bad.type, "failure");
    assert.equal(bad.error.kind, "invalidProfile");
    assert.match(bad.error.message, /^invalid profile: missing field `system`/);
    const param = api.check(bytes, { profile: "fujifilm-iwpro/add-users", params: { availableSeats: "x" } });
    assert.deepEqual(param.error.detail, {
      kind: "invalidParameter",
      name: "availableSeats",
      expected: "integer",
    });
    const option = api.check(bytes, { profile: "fujifilm-iwpro/add-users", filename: "a.csv" });
    assert.equal(option.error.kind, "invalidOptions");
    assert.match(option.error.message, /unknown field `filename`/);
    assert.equal(api.profile("acme/users").error.kind, "unknownProfile");
    for (const notAnId of [5, {}, undefined, null]) {
      assert.equal(api.profile(notAnId).error.message, 'invalid options: the profile id must be a string such as "fujifilm-iwpro/add-users"');
    }
    const limit = api.check(bytes, { profile: "fujifilm-iwpro/add-users", limits: { maxFieldbytes: 20 } });
    assert.equal(limit.error.kind, "invalidOptions");
    // Without "at line 1 column 40": a place in the JSON of the options, which the caller never wrote.
    assert.equal(
      limit.error.message,
      "invalid options: unknown field `maxFieldbytes`, expected one of `maxFieldBytes`, `maxFields`, `maxRecordBytes`, `maxUniqueKeys`",
    );
    const checker = new api.Checker({ profile: "fujifilm-iwpro/add-users" });
    assert.throws(() => checker.push("mail_address\r\n"), (error) => {
      assert.equal(error.name, "CsvPreflightError");
      assert.equal(error.kind, "invalidOptions");
      assert.equal(error.message, "invalid options: the input must be a Uint8Array or an ArrayBuffer");
      return true;
    });
    checker.free();
    assert.equal(api.resultCsv(bytes, { profile: "acme/users" }).error.kind, "unknownProfile");
  });

  test("a Map, a Set, NaN or Infinity in the options is a typed failure, never silently dropped", () => {
    const P = "fujifilm-iwpro/add-users";
    const rows = ["mail_address,family_name,given_name,language"];
    for (let i = 0; i < 5; i++) rows.push(`u${i}@example.com,a,b,ja`);
    const bytes = new TextEncoder().encode(rows.join("\r\n") + "\r\n");
    // As a plain object, the seat limit holds: 5 rows for 2 seats.
    const seats = api.check(bytes, { profile: P, params: { availableSeats: 2 } });
    assert.equal(seats.report.summary.byCode["too-many-rows"], 1);
    const title = { ...api.profile(P).profile, title: new Map([["en", "x"]]) };
    const cases = [
      [{ profile: P, params: new Map([["availableSeats", 2]]) },
        "params must be a plain object such as { availableSeats: 100 }, not a Map (Object.fromEntries(map) makes one)"],
      [{ profile: P, params: { allowedEmailDomains: new Set(["other.com"]) } },
        "params.allowedEmailDomains must be an array, not a Set ([...set] makes one)"],
      [{ profile: P, maxDiagnostics: NaN }, "maxDiagnostics must be a finite number, not NaN"],
      [{ profile: P, limits: { maxFieldBytes: Infinity } }, "limits.maxFieldBytes must be a finite number, not Infinity"],
      [{ profile: P, params: { allowedEmailDomains: ["a.com", -Infinity] } },
        "params.allowedEmailDomains[1] must be a finite number, not -Infinity"],
      [new Map([["profile", P]]),
        'options must be a plain object such as { profile: "fujifilm-iwpro/add-users" }, not a Map (Object.fromEntries(map) makes one)'],
      [{ profile: title }, "profile.title must be a plain object, not a Map (Object.fromEntries(map) makes one)"],
    ];
    const failure = (message) => ({
      kind: "invalidOptions",
      message: `invalid options: ${message}`,
      detail: { kind: "invalidOptions", message },
    });
    const throws = (fn, message) =>
      assert.throws(fn, (error) => {
        assert.equal(error.name, "CsvPreflightError");
        assert.deepEqual({ kind: error.kind, message: error.message, detail: error.detail }, failure(message));
        return true;
      });
    const flat = new api.Baseline({ profile: "flat/users-total" });
    flat.push(new TextEncoder().encode("#email\ttag\tpermission\r\n"));
    flat.end();
    for (const [options, message] of cases) {
      assert.deepEqual(api.check(bytes, options), { type: "failure", error: failure(message) });
      assert.deepEqual(api.resultCsv(bytes, options), { type: "failure", error: failure(message) });
      assert.deepEqual(api.checkWithBaseline(bytes, options, flat).error, failure(message));
      assert.deepEqual(api.resultCsvWithBaseline(bytes, options, flat).error, failure(message));
      throws(() => new api.Checker(options), message);
      throws(() => api.Checker.withBaseline(options, flat), message);
      throws(() => new api.Baseline(options), message);
    }
    flat.free();
    // The other readers of options: convert (its options and a profile object as its target),
    // bundles.
    assert.deepEqual(api.convert(bytes, P, { limits: { maxFields: NaN } }).error, failure("limits.maxFields must be a finite number, not NaN"));
    assert.deepEqual(api.convert(bytes, P, { substitutions: new Map() }).error, failure("substitutions must be a plain object, not a Map (Object.fromEntries(map) makes one)"));
    assert.deepEqual(api.convert(bytes, title).error, failure("profile.title must be a plain object, not a Map (Object.fromEntries(map) makes one)"));
    const bundleParams = { bundle: "celf", params: new Map() };
    const bundleMessage = "params must be a plain object such as { availableSeats: 100 }, not a Map (Object.fromEntries(map) makes one)";
    throws(() => new api.BundleChecker(bundleParams, ["users"]), bundleMessage);
    throws(() => api.bundleRole(bytes, bundleParams), bundleMessage);
    throws(() => new api.BundleChecker(new Map([["bundle", "celf"]]), ["users"]),
      'options must be a plain object such as { bundle: "celf" }, not a Map (Object.fromEntries(map) makes one)');
    // Dates and other values with toJSON are read as JSON writes them (not looked into).
    assert.equal(api.check(bytes, { profile: P, fileName: { toJSON: () => "add-users_1.csv" } }).report.fileName, "add-users_1.csv");
  });

  test("a limit below 1 is a typed failure, not a report of a missing header", () => {
    const P = "fujifilm-iwpro/add-users";
    const bytes = readFileSync(EXAMPLE);
    const failure = (message) => ({
      kind: "invalidOptions",
      message: `invalid options: ${message}`,
      detail: { kind: "invalidOptions", message },
    });
    for (const name of ["maxFieldBytes", "maxFields", "maxRecordBytes", "maxUniqueKeys"]) {
      const expected = failure(`limits.${name} must be at least 1, not 0`);
      const limits = { [name]: 0 };
      assert.deepEqual(api.check(bytes, { profile: P, limits }), { type: "failure", error: expected });
      assert.deepEqual(api.resultCsv(bytes, { profile: P, limits }).error, expected);
      assert.deepEqual(api.convert(bytes, P, { limits }).error, expected);
      for (const make of [() => new api.Checker({ profile: P, limits }), () => new api.BundleChecker({ bundle: "celf", limits }, ["users"])]) {
        assert.throws(make, (error) => {
          assert.equal(error.name, "CsvPreflightError");
          assert.deepEqual({ kind: error.kind, message: error.message, detail: error.detail }, expected);
          return true;
        });
      }
      // 1 is a bound like any other: what is beyond it is reported as such.
      assert.equal(api.check(bytes, { profile: P, limits: { [name]: 1 } }).type, "success");
    }
    const cut = api.check(bytes, { profile: P, limits: { maxFieldBytes: 1 } }).report.summary.byCode;
    assert.ok(cut["field-too-long"] > 0 && !cut["missing-header"], JSON.stringify(cut));
  });

  test("a finished or freed object: free() again does nothing (so `using` keeps the result), other calls say why", () => {
    const bytes = readFileSync(EXAMPLE);
    for (const make of [
      () => new api.Checker({ profile: "fujifilm-iwpro/add-users" }),
      () => new api.BundleChecker({ bundle: "celf" }, []), // no role declared: finish() has no file to wait for
    ]) {
      const used = make();
      assert.equal(typeof used.finish(), "object");
      used.free();
      used.free();
      used[Symbol.dispose]?.();
      const name = used.constructor.name;
      assert.throws(() => used.push(bytes), { message: `this ${name} was finished or freed: make a new one` });
      assert.throws(() => used.progress, { message: `this ${name} was finished or freed: make a new one` });
      assert.throws(() => used.finish(), { message: `this ${name} was finished or freed: make a new one` });
    }
    const baseline = new api.Baseline({ profile: "flat/users-total" });
    baseline.free();
    baseline.free();
    const freed = { message: "this Baseline was finished or freed: make a new one" };
    assert.throws(() => baseline.end(), freed);
    // Passed to another call: named too (wasm-bindgen said "null pointer passed to rust").
    const options = { profile: "flat/users-total" };
    assert.throws(() => api.Checker.withBaseline(options, baseline), freed);
    assert.throws(() => api.checkWithBaseline(bytes, options, baseline), freed);
    assert.throws(() => api.resultCsvWithBaseline(bytes, options, baseline), freed);
    const bundle = new api.BundleChecker({ bundle: "celf" }, ["users"]);
    assert.throws(() => bundle.setBaseline("users", baseline), freed);
    bundle.free();
  });

  test("isCsvPreflightError tells every error csv-preflight throws, misuse of an object included", async () => {
    const caught = (fn) => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      assert.fail("did not throw");
    };
    const misuse = (message) => ({
      name: "CsvPreflightError",
      kind: "invalidOptions",
      message,
      detail: { kind: "invalidOptions", message },
    });
    const shape = (error) => ({ name: error.name, kind: error.kind, message: error.message, detail: error.detail });
    const finished = new api.Checker({ profile: "fujifilm-iwpro/add-users" });
    finished.finish();
    const freed = new api.Baseline({ profile: "flat/users-total" });
    freed.free();
    const errors = {
      unknownProfile: caught(() => new api.Checker({ profile: "acme/users" })),
      finished: caught(() => finished.push(new Uint8Array(1))),
      freedArgument: caught(() => api.Checker.withBaseline({ profile: "flat/users-total" }, freed)),
      notABaseline: caught(() => api.checkWithBaseline(new Uint8Array(1), { profile: "flat/users-total" }, {})),
    };
    assert.deepEqual(shape(errors.unknownProfile).kind, "unknownProfile");
    assert.deepEqual(shape(errors.finished), misuse("this Checker was finished or freed: make a new one"));
    assert.deepEqual(shape(errors.freedArgument), misuse("this Baseline was finished or freed: make a new one"));
    assert.deepEqual(shape(errors.notABaseline), misuse("expected instance of Baseline"));
    for (const [what, error] of Object.entries(errors)) {
      assert.ok(error instanceof Error, what);
      assert.equal(api.isCsvPreflightError(error), true, what);
    }
    // checkFile's rejections (the class of csv-preflight/worker) are ones too.
    const dir = consumerDir();
    writeFileSync(join(dir, "worker-entry.mjs"), 'export * from "csv-preflight/worker";\n');
    const worker = await import(pathToFileURL(join(dir, "worker-entry.mjs")).href);
    const detail = { kind: "internal", message: "x" };
    assert.equal(api.isCsvPreflightError(new worker.CsvPreflightError({ kind: "internal", message: "x", detail })), true);
    const lookalike = { name: "CsvPreflightError", message: "x" };
    for (const other of [new Error("x"), new TypeError("x"), lookalike, "CsvPreflightError", null, undefined, 5]) {
      assert.equal(api.isCsvPreflightError(other), false, String(other));
    }
  });

  test("new Checker throws a CsvPreflightError carrying kind and detail", () => {
    assert.throws(
      () => new api.Checker({ profile: "acme/users" }),
      (error) => {
        assert.ok(error instanceof Error);
        assert.equal(error.name, "CsvPreflightError");
        assert.equal(error.message, 'unknown profile "acme/users"');
        assert.equal(error.kind, "unknownProfile");
        assert.deepEqual(error.detail, { kind: "unknownProfile", id: "acme/users" });
        return true;
      },
    );
  });

  test("a finished Checker cannot be used again", () => {
    const checker = new api.Checker({ profile: "fujifilm-iwpro/add-users" });
    checker.push(readFileSync(EXAMPLE));
    checker.finish();
    assert.throws(() => checker.push(new Uint8Array([1])));
    assert.throws(() => checker.finish());
  });
});

