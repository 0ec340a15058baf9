// The npm package in headless Chromium without a bundler: a plain <script type="module">, the
// explicit-init build, and the Web Worker helper (progress, cancel, failures). Reports equal the
// CLI's `--format json`.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  EXAMPLE,
  JS,
  basename,
  cliReports,
  consumerDir,
  fixtureSets,
  join,
  launchChromium,
  newPage,
  readFileSync,
  serve,
} from "./helpers.mjs";

let browser;
let server;
let sets;

before(async () => {
  server = await serve({
    "/pkg/": join(consumerDir(), "node_modules/csv-preflight"),
    "/page/": join(JS, "browser"),
  });
  browser = await launchChromium();
  sets = fixtureSets().map(({ profile, files }) => ({
    profile,
    files: files.map((path) => ({ path, name: basename(path), base64: readFileSync(path).toString("base64") })),
    expected: cliReports(profile, files),
  }));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage() {
  const { page, errors } = await newPage(browser);
  await page.goto(`${server.url}/page/index.html`);
  await page.waitForSelector("body[data-ready=yes]", { state: "attached" });
  return { page, errors };
}

// Runs in the page: base64 → bytes.
const BYTES = `(b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))`;

describe("a plain <script type=module> page", () => {
  test("check() gives the CLI's report for every fixture", async () => {
    const { page, errors } = await openPage();
    for (const set of sets) {
      const reports = await page.evaluate(
        ({ set, BYTES }) => {
          const bytes = eval(BYTES);
          return set.files.map((f) => {
            const result = window.csvPreflight.check(bytes(f.base64), { profile: set.profile, fileName: f.name });
            return result.type === "success" ? result.report : result;
          });
        },
        { set: { profile: set.profile, files: set.files }, BYTES },
      );
      reports.forEach((report, i) => assert.deepEqual(report, set.expected[i], set.files[i].path));
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a Checker fed from Blob.stream() gives the CLI's report for every fixture", async () => {
    const { page, errors } = await openPage();
    for (const set of sets) {
      const reports = await page.evaluate(
        async ({ set, BYTES }) => {
          const bytes = eval(BYTES);
          const out = [];
          for (const f of set.files) {
            const checker = new window.csvPreflight.Checker({ profile: set.profile, fileName: f.name });
            const reader = new Blob([bytes(f.base64)]).stream().getReader();
            for (;;) {
              const { done, value } = await reader.read();
              if (done) break;
              // Odd-sized pieces of every chunk.
              for (let at = 0; at < value.length; at += 5) checker.push(value.subarray(at, at + 5));
            }
            out.push(checker.finish());
          }
          return out;
        },
        { set: { profile: set.profile, files: set.files }, BYTES },
      );
      reports.forEach((report, i) => assert.deepEqual(report, set.expected[i], set.files[i].path));
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("csv-preflight/web: the build with an explicit init", async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/page/index.html`);
    const bytes = readFileSync(EXAMPLE).toString("base64");
    const report = await page.evaluate(
      async ({ bytes, BYTES }) => {
        const web = await import("/pkg/web/csv_preflight.js");
        await web.default();
        const result = web.check(eval(BYTES)(bytes), { profile: "fujifilm-iwpro/add-users", fileName: "add-users_example.csv" });
        return result.report;
      },
      { bytes, BYTES },
    );
    assert.deepEqual(report, cliReports("fujifilm-iwpro/add-users", [EXAMPLE])[0]);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("checkFile in a Web Worker", () => {
  test("resolves to the CLI's report, with progress up to the file's size", async () => {
    const { page, errors } = await openPage();
    for (const set of sets.filter((s) => s.profile === "fujifilm-iwpro/add-users")) {
      for (const [i, f] of set.files.entries()) {
        const { report, progress } = await page.evaluate(
          async ({ f, profile, BYTES }) => {
            const progress = [];
            const file = new File([eval(BYTES)(f.base64)], f.name);
            const report = await window.checkFile(file, { profile, fileName: f.name }, {
              onProgress: (p) => progress.push(p),
            });
            return { report, progress };
          },
          { f, profile: set.profile, BYTES },
        );
        assert.deepEqual(report, set.expected[i], f.path);
        const size = readFileSync(f.path).length;
        assert.deepEqual(progress.at(-1), { bytes: size, records: report.detected.records, total: size });
      }
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a large file: progress while it runs, and cancel through an AbortSignal", async () => {
    const { page, errors } = await openPage();
    const outcome = await page.evaluate(async () => {
      const header = "mail_address,family_name,given_name,language\r\n";
      const rows = [];
      for (let i = 0; i < 400_000; i++) rows.push(`user${i}@example.com,山田,太郎,ja\r\n`);
      const file = new Blob([header, ...rows]);
      const controller = new AbortController();
      const seen = [];
      const started = performance.now();
      try {
        await window.checkFile(file, { profile: "fujifilm-iwpro/add-users" }, {
          signal: controller.signal,
          onProgress: (p) => {
            seen.push(p);
            if (seen.length === 2) controller.abort();
          },
        });
        return { resolved: true };
      } catch (error) {
        // A new check runs fine after a cancelled one.
        const small = await window.checkFile(new Blob([header, "a@example.com,山田,太郎,ja\r\n"]), {
          profile: "fujifilm-iwpro/add-users",
        });
        return {
          resolved: false,
          name: error.name,
          progress: seen.map((p) => [p.bytes, p.total]),
          size: file.size,
          ms: performance.now() - started,
          after: small.summary.rows,
        };
      }
    });
    assert.equal(outcome.resolved, false);
    assert.equal(outcome.name, "AbortError");
    assert.equal(outcome.progress.length, 2);
    const [[first, total], [second]] = outcome.progress;
    assert.equal(total, outcome.size);
    assert.ok(0 < first && first < second && second < total, JSON.stringify(outcome.progress));
    assert.equal(outcome.after, 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("an onProgress that throws stops the check and rejects with its error, which is not left uncaught", async () => {
    const { page, errors } = await openPage();
    let workers = 0;
    page.on("worker", () => workers++);
    const outcome = await page.evaluate(async () => {
      const header = "mail_address,family_name,given_name,language\r\n";
      const rows = [];
      for (let i = 0; i < 400_000; i++) rows.push(`user${i}@example.com,山田,太郎,ja\r\n`);
      const file = new Blob([header, ...rows]);
      let calls = 0;
      const thrown = new Error("the progress bar is gone");
      const result = await window
        .checkFile(file, { profile: "fujifilm-iwpro/add-users" }, {
          onProgress: () => {
            calls++;
            throw thrown;
          },
        })
        .then(() => "resolved", (error) => (error === thrown ? "rejected with it" : String(error)));
      // Whatever the worker had sent before it was ended is not passed on.
      await new Promise((r) => setTimeout(r, 300));
      return { result, calls };
    });
    assert.deepEqual(outcome, { result: "rejected with it", calls: 1 });
    for (let i = 0; i < 50 && page.workers().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(page.workers().length, 0);
    assert.equal(workers, 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("with the system's export as `baseline`: the CLI's --baseline report; an unusable export rejects", async () => {
    const dir = join(JS, "../fixtures/flat-users-total");
    const [upload, exported] = ["plan-total.tsv", "export.tsv"].map((name) => ({
      name,
      base64: readFileSync(join(dir, name)).toString("base64"),
    }));
    const [expected] = cliReports("flat/users-total", [join(dir, upload.name)], ["--baseline", join(dir, exported.name)]);
    const { page, errors } = await openPage();
    const outcome = await page.evaluate(
      async ({ upload, exported, BYTES }) => {
        const bytes = eval(BYTES);
        const file = new File([bytes(upload.base64)], upload.name);
        const options = { profile: "flat/users-total", fileName: upload.name };
        const report = await window.checkFile(file, options, { baseline: new Blob([bytes(exported.base64)]) });
        const failure = await window
          .checkFile(file, options, { baseline: new Blob(["#name\tpermission\r\n"]) })
          .then(() => "resolved", (e) => ({ name: e.name, kind: e.kind }));
        return { report, failure };
      },
      { upload, exported, BYTES },
    );
    assert.ok(expected.plan);
    assert.deepEqual(outcome.report, expected);
    assert.deepEqual(outcome.failure, { name: "CsvPreflightError", kind: "invalidBaseline" });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("options are read as `check` reads them (a proxy works, a bigint rejects); nothing sent leaves no worker", async () => {
    const { page, errors } = await openPage();
    const outcome = await page.evaluate(async () => {
      const header = "mail_address,family_name,given_name,language\r\n";
      const file = new Blob([header, "a@example.com,山田,太郎,ja\r\n"]);
      // A reactive store's proxy (Vue, MobX), which a worker cannot be sent as it is.
      const proxied = new Proxy({ profile: "fujifilm-iwpro/add-users" }, {});
      const report = await window.checkFile(file, proxied);
      const failure = await window
        .checkFile(file, { profile: "fujifilm-iwpro/add-users", maxDiagnostics: 10n })
        .catch((e) => ({ name: e.name, kind: e.kind, message: e.message }));
      const unsent = await window.checkFile(new Proxy(file, {}), { profile: "fujifilm-iwpro/add-users" }).catch((e) => e.name);
      return { valid: report.valid, failure, unsent };
    });
    assert.deepEqual(outcome, {
      valid: true,
      failure: {
        name: "CsvPreflightError",
        kind: "invalidOptions",
        message: "invalid options: the options cannot be written as JSON",
      },
      unsent: "DataCloneError",
    });
    // Every worker was ended, the one that could not be sent its request too.
    for (let i = 0; i < 50 && page.workers().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(page.workers().length, 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a Map, a Set or NaN in the options rejects with check's failure, a reactive proxy's too", async () => {
    const { page, errors } = await openPage();
    const outcome = await page.evaluate(async () => {
      const header = "mail_address,family_name,given_name,language\r\n";
      const file = new Blob([header, "a@example.com,山田,太郎,ja\r\n", "b@example.com,山田,花子,ja\r\n"]);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const profile = "fujifilm-iwpro/add-users";
      const out = [];
      for (const options of [
        { profile, params: new Map([["availableSeats", 1]]) },
        new Proxy({ profile, params: new Proxy(new Map([["availableSeats", 1]]), {}) }, {}),
        { profile, params: { allowedEmailDomains: new Set(["other.com"]) } },
        { profile, maxDiagnostics: NaN },
        new Map([["profile", profile]]),
      ]) {
        const checked = window.csvPreflight.check(bytes, options);
        const rejected = await window.checkFile(file, options).then(
          (report) => ({ resolved: report.valid }),
          (e) => ({ name: e.name, kind: e.kind, message: e.message, detail: e.detail }),
        );
        out.push({ checked: checked.error, rejected });
      }
      return out;
    });
    const failure = (message) => ({
      kind: "invalidOptions",
      message: `invalid options: ${message}`,
      detail: { kind: "invalidOptions", message },
    });
    const params = "params must be a plain object such as { availableSeats: 100 }, not a Map (Object.fromEntries(map) makes one)";
    const expected = [
      params,
      params,
      "params.allowedEmailDomains must be an array, not a Set ([...set] makes one)",
      "maxDiagnostics must be a finite number, not NaN",
      'options must be a plain object such as { profile: "fujifilm-iwpro/add-users" }, not a Map (Object.fromEntries(map) makes one)',
    ].map((message) => ({ checked: failure(message), rejected: { name: "CsvPreflightError", ...failure(message) } }));
    assert.deepEqual(outcome, expected);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("options that are not an object reject as check fails; a file that is not a Blob rejects on the page", async () => {
    const { page, errors } = await openPage();
    let workers = 0;
    page.on("worker", () => workers++);
    const caught = `(e) => ({ name: e.name, kind: e.kind, message: e.message })`;
    const options = await page.evaluate(async (caught) => {
      const file = new Blob(["mail_address\r\n"]);
      const out = [];
      for (const bad of [null, undefined, 5]) out.push(await window.checkFile(file, bad).catch(eval(caught)));
      return out;
    }, caught);
    const invalid = {
      name: "CsvPreflightError",
      kind: "invalidOptions",
      message: 'invalid options: options must be an object such as { profile: "fujifilm-iwpro/add-users" }',
    };
    assert.deepEqual(options, [invalid, invalid, invalid]);
    const started = workers;
    const files = await page.evaluate(async (caught) => {
      const options = { profile: "fujifilm-iwpro/add-users" };
      const file = new Blob(["mail_address\r\n"]);
      const out = [];
      for (const [bad, baseline] of [[new Uint8Array(3)], [null], ["a.csv"], [{ size: 3 }], [file, new ArrayBuffer(3)]]) {
        out.push(await window.checkFile(bad, options, { baseline }).catch(eval(caught)));
      }
      return out;
    }, caught);
    const typeError = (message) => ({ name: "TypeError", kind: undefined, message });
    assert.deepEqual(files, [
      typeError("checkFile: file must be a File or a Blob, not a Uint8Array (new Blob([bytes]) makes one)"),
      typeError("checkFile: file must be a File or a Blob, not null"),
      typeError("checkFile: file must be a File or a Blob, not a string"),
      typeError("checkFile: file must be a File or a Blob, not a plain object"),
      typeError("checkFile: baseline must be a File or a Blob, not an ArrayBuffer (new Blob([bytes]) makes one)"),
    ]);
    assert.equal(workers, started, "no worker started for a file that is not a Blob");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("an already aborted signal, and an unknown profile, reject", async () => {
    const { page, errors } = await openPage();
    const outcome = await page.evaluate(async () => {
      const file = new Blob(["mail_address\r\n"]);
      const out = {};
      const controller = new AbortController();
      controller.abort(new Error("stop"));
      await window.checkFile(file, { profile: "fujifilm-iwpro/add-users" }, { signal: controller.signal })
        .catch((e) => (out.aborted = e.message));
      await window.checkFile(file, { profile: "acme/users" }).catch((e) => {
        out.failure = { name: e.name, kind: e.kind, message: e.message, detail: e.detail };
      });
      return out;
    });
    assert.deepEqual(outcome, {
      aborted: "stop",
      failure: {
        name: "CsvPreflightError",
        kind: "unknownProfile",
        message: 'unknown profile "acme/users"',
        detail: { kind: "unknownProfile", id: "acme/users" },
      },
    });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
