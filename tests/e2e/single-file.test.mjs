// The single-file build (www/dist/csv-preflight.html) opened from disk (file://): the engine and
// the worker are inlined, the CSP allows only the inlined script and styles (by hash), and where a
// browser refuses workers the page checks in slices and stays responsive.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, afterEach, before, describe, test } from "node:test";
import {
  DIST,
  chooseFiles,
  cliReport,
  cliResultCsv,
  fixture,
  launch,
  openPage,
  reportTriples,
  screenshot,
  shownTriples,
} from "./helpers.mjs";
import { longestFrameGap, millionRows } from "./large.mjs";

const URL_ = pathToFileURL(join(DIST, "csv-preflight.html")).href;
let browser;
const opened = [];

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const { context, requests, errors } of opened.splice(0)) {
    await context.close();
    const foreign = requests.filter((url) => url !== URL_ && !url.startsWith("blob:") && !url.startsWith("data:"));
    assert.deepEqual(foreign, [], "the single file loads nothing but itself");
    assert.deepEqual(errors, [], "no error, console error or CSP violation");
  }
});

/** A browser that refuses workers for pages opened from disk. */
function refuseWorkers() {
  globalThis.Worker = function Worker() {
    throw new DOMException("workers are not allowed here", "SecurityError");
  };
}

async function open({ noWorkers, ...options } = {}) {
  const session = await openPage(browser, URL_, { ...options, init: noWorkers ? refuseWorkers : undefined });
  opened.push(session);
  return session;
}

describe("the single-file build from file://", () => {
  test("is one file with the engine inlined and a hash-based CSP", () => {
    const html = readFileSync(join(DIST, "csv-preflight.html"), "utf8");
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval';/);
    assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+';/);
    assert.match(csp, /worker-src blob:/);
    assert.doesNotMatch(csp, /'self'|'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+stylesheet/);
  });

  test("checks files in a Blob worker: the CLI's diagnostics and result CSV bytes", async () => {
    const { page } = await open({ locale: "ja-JP" });
    assert.equal(await page.getAttribute("html", "data-build"), "single-file");
    const files = [fixture("fujifilm-iwpro-add-users", "shift-jis.csv"), fixture("fujifilm-iwpro-add-users", "language.csv")];
    await chooseFiles(page, files, { lang: "ja" });
    assert.equal(await page.getAttribute("html", "data-runner"), "worker");
    for (const [i, file] of files.entries()) {
      await page.click(`.file-item >> nth=${i}`);
      await page.waitForSelector(`#results[data-state="done"][data-file="${file.split("/").pop()}"]`);
      const report = cliReport(file, "fujifilm-iwpro/add-users", ["--lang", "ja"]);
      assert.deepEqual(await shownTriples(page), reportTriples(report));
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
      const bytes = readFileSync(await download.path());
      assert.ok(bytes.equals(cliResultCsv(file, "fujifilm-iwpro/add-users", ["--lang", "ja"])), file);
    }
    await page.click("#diag-body tr[data-row='3']");
    await page.waitForSelector('#preview-grid tr.target[data-preview-row="3"] td.bad');
    await screenshot(page, "single-file-ja", { fullPage: true });
  });

  test("without workers it checks in the page, stays responsive, and Cancel works", { timeout: 120000 }, async () => {
    const { page } = await open({ noWorkers: true });
    const file = fixture("fujifilm-iwpro-add-users", "invalid-email.csv");
    await chooseFiles(page, [file]);
    assert.equal(await page.getAttribute("html", "data-runner"), "page");
    assert.deepEqual(await shownTriples(page), reportTriples(cliReport(file, "fujifilm-iwpro/add-users")));

    await page.setInputFiles("#file-input", millionRows().path);
    await page.waitForFunction(() => Number(document.getElementById("progress-bar").value) > 0.02, null, { timeout: 60000 });
    // The check of the whole file takes about 2 s here: the screenshot and the measure come early
    // enough that Cancel still finds it running.
    await screenshot(page, "single-file-in-page-progress");
    const gap = await longestFrameGap(page, 500);
    console.log(`longest frame gap while checking in the page: ${gap} ms`);
    assert.ok(gap < 300, `the page froze for ${gap} ms while checking in the page`);
    await page.click("#cancel-button");
    await page.waitForSelector("#progress", { state: "hidden" });
    assert.equal(await page.textContent(".file-item >> nth=1 >> .status"), "cancelled");
  });
});
