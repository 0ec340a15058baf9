// A Vite 7 production build of a tiny app that imports the package by name (tests/js/vite-app),
// then the built app in headless Chromium: `check` on the main thread and `checkFile` in the
// bundled worker give the CLI's report.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { build } from "vite";
import {
  EXAMPLE,
  cliReports,
  copyIntoConsumer,
  join,
  launchChromium,
  newPage,
  readFileSync,
  serve,
} from "./helpers.mjs";

let app;
let browser;

before(async () => {
  app = copyIntoConsumer("vite-app", "vite-app");
  mkdirSync(join(app, "public"), { recursive: true });
  copyFileSync(EXAMPLE, join(app, "public/add-users_example.csv"));
  await build({ root: app, logLevel: "warn", configFile: false, build: { outDir: join(app, "dist") } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test("the build emits the wasm and the worker as assets", () => {
  const assets = readdirSync(join(app, "dist/assets"));
  const wasm = assets.filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, assets.join(", "));
  assert.ok(assets.some((f) => /^worker-.*\.js$/.test(f)), assets.join(", "));
  assert.equal(
    readFileSync(join(app, "dist/assets", wasm[0])).length,
    readFileSync(join(app, "../node_modules/csv-preflight/web/csv_preflight_bg.wasm")).length,
  );
});

test("the built app checks on the main thread and in the worker", async () => {
  const server = await serve({ "/": join(app, "dist") });
  try {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/index.html`);
    await page.waitForSelector("body[data-done=yes]", { state: "attached" });
    const results = await page.evaluate(() => window.results);
    const [expected] = cliReports("fujifilm-iwpro/add-users", [EXAMPLE]);
    assert.deepEqual(results.whole, { type: "success", report: expected });
    assert.deepEqual(results.viaWorker, expected);
    const size = readFileSync(EXAMPLE).length;
    assert.deepEqual(results.progress.at(-1), { bytes: size, records: expected.detected.records, total: size });
    assert.ok(results.ids.includes("fujifilm-iwpro/add-users"));
    assert.deepEqual(errors, []);
  } finally {
    await server.close();
  }
});
