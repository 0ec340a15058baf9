// A panic (a bug) inside the module must not kill it: the call throws a typed `CsvPreflightError`
// with kind "internal", and the next call works on a fresh instance. Proven on the test-only build
// with a `forcePanicForTest` export (tests/js/panic/build.sh), in Node.js and in headless Chromium,
// and through the worker helper `checkFile` (a chunk with a marker makes `Checker.push` panic).
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, test } from "node:test";
import { EXAMPLE, JS, ROOT, cliReports, join, launchChromium, newPage, readFileSync, serve } from "./helpers.mjs";

const OUT = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "test-panic-pkg");
if (!existsSync(join(OUT, "node/csv_preflight.js"))) {
  throw new Error(`${OUT} is missing: run bash tests/js/panic/build.sh first`);
}

const OPTIONS = { profile: "fujifilm-iwpro/add-users", fileName: "add-users_example.csv" };
const MESSAGE = /^internal error \(a bug in csv-preflight; please report it\): boom \d at src\/bindings\/panic\.rs:\d+$/;

// Runs in Node and, serialized, in the page: panics twice around normal calls and returns what
// every step gave. Each step's outcome is recorded, so one assertion shows the whole sequence.
async function scenario(api, bytes, options) {
  const outcome = (fn) => {
    try {
      return { value: fn() };
    } catch (e) {
      const { name, message, kind, detail } = e;
      return { thrown: { name, message, kind, detail } };
    }
  };
  const first = api.check(bytes, options);
  const stale = new api.Checker(options);
  stale.push(bytes.subarray(0, 10));
  const panic1 = outcome(() => api.forcePanicForTest("boom 1"));
  const afterPanic = api.check(bytes, options);
  const stalePush = outcome(() => stale.push(bytes.subarray(10)));
  // Freeing it must not touch the new instance's memory (pkg-template/patch-glue.mjs).
  const staleFree = outcome(() => stale.free());
  const fresh = new api.Checker(options);
  for (let at = 0; at < bytes.length; at += 7) fresh.push(bytes.subarray(at, at + 7));
  const streamed = fresh.finish();
  const old = new api.Checker(options);
  old.push(bytes.subarray(0, 10));
  const panic2 = outcome(() => api.forcePanicForTest("boom 2"));
  // The first calls after a panic are an old object's: the reset must come before its stale
  // check, or its pointer reaches the new instance (pkg-template/patch-glue.mjs).
  const oldFinish = outcome(() => old.finish()).thrown?.message;
  const oldFree = outcome(() => old.free());
  const profiles = api.profiles().length;
  const again = api.check(bytes, options);
  // And a string argument: copied into the new instance, not the old one.
  const panic3 = outcome(() => api.forcePanicForTest("boom 3"));
  const profileFirst = outcome(() => api.profile(options.profile).type);
  return {
    first,
    panic1,
    afterPanic,
    // The glue's stale check, made a CsvPreflightError (pkg-template/patch-glue.mjs).
    stalePush: stalePush.thrown,
    staleFree,
    streamed,
    again,
    panic2,
    oldFinish,
    oldFree,
    profiles,
    panic3,
    profileFirst,
  };
}

function assertRecovered(got, expected) {
  assert.deepEqual(got.first, { type: "success", report: expected });
  for (const [panic, n] of [
    [got.panic1, 1],
    [got.panic2, 2],
    [got.panic3, 3],
  ]) {
    assert.equal(panic.value, undefined, "a panic must throw");
    const { name, message, kind, detail } = panic.thrown;
    assert.equal(name, "CsvPreflightError");
    assert.equal(kind, "internal");
    assert.match(message, MESSAGE);
    assert.match(message, new RegExp(`boom ${n} at`));
    assert.deepEqual(detail, { kind: "internal", message: message.replace(/^[^:]*: /, "") });
  }
  assert.deepEqual(got.afterPanic, got.first, "the call after a panic works");
  const staleMessage =
    "this Checker was made before csv-preflight restarted after an internal error: make a new one";
  assert.deepEqual(got.stalePush, {
    name: "CsvPreflightError",
    message: staleMessage,
    kind: "internal",
    detail: { kind: "internal", message: staleMessage },
  });
  assert.deepEqual(got.staleFree, { value: undefined }, "freeing a stale Checker does nothing");
  assert.deepEqual(got.streamed, expected, "a Checker made after the panic works");
  assert.equal(got.oldFinish, staleMessage, "an old object first after a panic");
  assert.deepEqual(got.oldFree, { value: undefined });
  assert.deepEqual(got.profileFirst, { value: "success" }, "a string argument first after a panic");
  assert.deepEqual(got.again, got.first);
  assert.ok(got.profiles >= 10, "calls after a second panic work");
}

const bytes = readFileSync(EXAMPLE);
let expected;
before(() => {
  [expected] = cliReports(OPTIONS.profile, [EXAMPLE]);
});

test("Node.js: a panic throws CsvPreflightError(kind internal) and the next call works", async () => {
  const api = createRequire(import.meta.url)(join(OUT, "node/csv_preflight.js"));
  assertRecovered(await scenario(api, new Uint8Array(bytes), OPTIONS), expected);
});

describe("headless Chromium", () => {
  let browser;
  let server;
  before(async () => {
    server = await serve({ "/pkg/": OUT, "/page/": join(JS, "panic") });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("a panic throws CsvPreflightError(kind internal) and the next call works", async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/page/index.html`);
    await page.waitForSelector("body[data-ready=yes]", { state: "attached" });
    const got = await page.evaluate(
      async ({ source, b64, options }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        return (0, eval)(`(${source})`)(window.csvPreflight, bytes, options);
      },
      { source: scenario.toString(), b64: bytes.toString("base64"), options: OPTIONS },
    );
    assertRecovered(got, expected);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("checkFile: a panic in the worker rejects with CsvPreflightError(kind internal)", async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/page/index.html`);
    await page.waitForSelector("body[data-ready=yes]", { state: "attached" });
    const got = await page.evaluate(
      async ({ b64, options }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const settle = (promise) =>
          promise.then(
            (report) => ({ report }),
            (e) => ({ rejected: { isError: e instanceof Error, name: e.name, kind: e.kind, message: e.message } }),
          );
        const marker = new Blob(["csv-preflight: force a panic\r\nmail_address\r\n"]);
        const panicked = await settle(window.checkFile(marker, options));
        const after = await settle(window.checkFile(new Blob([bytes]), options));
        return { panicked, after };
      },
      { b64: bytes.toString("base64"), options: OPTIONS },
    );
    assert.equal(got.panicked.report, undefined);
    const { isError, name, kind, message } = got.panicked.rejected;
    assert.deepEqual({ isError, name, kind }, { isError: true, name: "CsvPreflightError", kind: "internal" });
    assert.match(
      message,
      /^internal error \(a bug in csv-preflight; please report it\): forced by the test marker at src\/bindings\/panic\.rs:\d+$/,
    );
    assert.deepEqual(got.after, { report: expected });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
