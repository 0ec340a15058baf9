// Shared by the demo page's end-to-end tests: the built site (www/dist, see www/build.sh), a static
// server on 127.0.0.1 that records every request, headless Debian Chromium through playwright-core,
// the CLI as the reference, and screenshots saved under artifacts/e2e/ (not committed).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { after, afterEach, before } from "node:test";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = join(ROOT, "www/dist");
export const FIXTURES = join(ROOT, "tests/fixtures");
export const ARTIFACTS = join(ROOT, "artifacts/e2e");
export const TMP = mkdtempSync(join(tmpdir(), "csv-preflight-e2e-"));


export function fixture(dir, name) {
  return join(FIXTURES, dir, name);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
};

/** Serves www/dist on 127.0.0.1: { url, origin, requests (paths asked for), close }. */
export function serveDist() {
  if (!existsSync(join(DIST, "index.html"))) throw new Error("www/dist is missing: run bash www/build.sh");
  const requests = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    requests.push(path);
    const file = resolve(DIST, `.${path === "/" ? "/index.html" : path}`);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    response.end(readFileSync(file));
  });
  return new Promise((ok) => {
    server.listen(0, "127.0.0.1", () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      ok({ url: `${origin}/`, origin, requests, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

/** Headless Debian Chromium (never a downloaded browser): the package tests' launcher. */
import { launchChromium } from "../js/helpers.mjs";

export { launchChromium as launch };

/**
 * Opens `url` in a fresh context (running `init` in the page before its own scripts): { page,
 * context, requests (every URL the page asked for), errors (uncaught errors, console errors and
 * warnings, CSP violations) }.
 */
export async function openPage(browser, url, { locale = "en-US", viewport = { width: 1366, height: 900 }, init } = {}) {
  const context = await browser.newContext({ locale, viewport, acceptDownloads: true });
  const requests = [];
  const errors = [];
  context.on("request", (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`pageerror: ${error}`));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") errors.push(`console ${message.type()}: ${message.text()}`);
  });
  if (init) await page.addInitScript(init);
  await page.goto(url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30000 });
  return { page, context, requests, errors };
}

/** Chooses `files` with the page's file input and waits for the first one's result. */
export async function chooseFiles(page, files, wait = {}) {
  await page.setInputFiles("#file-input", files);
  return waitForResult(page, { file: basename(files[0]), ...wait });
}

/** Waits until the results show `file` checked (against `profile`, in `lang`, when given). */
export async function waitForResult(page, { file, profile, lang, timeout = 30000 }) {
  let selector = `#results[data-state="done"][data-file="${file}"]`;
  if (profile) selector += `[data-profile="${profile}"]`;
  if (lang) selector += `[data-lang="${lang}"]`;
  await page.waitForSelector(selector, { timeout, state: "attached" });
}

/** The (row, column, code) triples the table shows, over every page, sorted. */
export async function shownTriples(page) {
  await page.selectOption("#page-size", "500");
  const triples = [];
  for (;;) {
    triples.push(
      ...(await page.$$eval("#diag-body tr", (rows) =>
        rows.map((tr) => `${tr.dataset.row}|${tr.dataset.column}|${tr.dataset.code}`),
      )),
    );
    if (await page.isDisabled("#page-next")) break;
    await page.click("#page-next");
  }
  return triples.sort();
}

/** The (row, column, code) triples of a report, as the table writes them, sorted. */
export function reportTriples(report) {
  return report.diagnostics.map((d) => `${d.row ?? ""}|${d.column ?? ""}|${d.code}`).sort();
}

/** Runs the CLI (the reference): { status, stdout, stderr }. */
export function cli(args, { encoding = "utf8" } = {}) {
  const run = spawnSync("cargo", ["run", "--quiet", "--bin", "csv-preflight", "--", ...args], {
    cwd: ROOT,
    encoding,
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`csv-preflight ${args.join(" ")} failed (${run.status}): ${run.stderr}`);
  }
  return run;
}

/** The CLI's JSON report of one file. */
export function cliReport(file, profile, extra = []) {
  return JSON.parse(cli(["check", "--profile", profile, "--format", "json", ...extra, file]).stdout);
}

/** The bytes of the CLI's `--result-csv` for one file. */
export function cliResultCsv(file, profile, extra = []) {
  const out = join(TMP, `${basename(file)}.${Date.now()}.result.csv`);
  cli(["check", "--profile", profile, "--format", "json", "--result-csv", out, "--overwrite", ...extra, file]);
  return readFileSync(out);
}

/** Saves a screenshot as a test artifact: artifacts/e2e/<name>.png. */
export async function screenshot(page, name, options = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, ...options });
  return path;
}

/**
 * The WCAG contrast ratio of the element's text colour against the background it is drawn on (its
 * own, else the nearest ancestor's that is not transparent), from the computed styles.
 */
export function contrastRatio(page, selector) {
  return page.$eval(selector, (element) => {
    const rgba = (text) => (text.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]) => {
      const linear = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    let back = element;
    while (back && (rgba(getComputedStyle(back).backgroundColor)[3] ?? 1) === 0) back = back.parentElement;
    const background = back ? rgba(getComputedStyle(back).backgroundColor) : [255, 255, 255];
    const style = getComputedStyle(element);
    // A translucent text or element would blend with what is behind it: this measure would not hold.
    if (Number(style.opacity) !== 1 || (rgba(style.color)[3] ?? 1) !== 1) throw new Error(`${selector}: translucent text`);
    const [light, dark] = [luminance(rgba(style.color)), luminance(background)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  });
}

/** Requests that left the page's own origin (blob: and data: URLs stay in the page). */
export function foreignRequests(requests, origin) {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:"));
}

/**
 * Serves www/dist and starts the browser for the test file that calls it (its `before`/`after`),
 * and returns `open(options)`, which opens the served page. Every page opened is closed after its
 * test, which fails if the page requested anything outside its origin or logged an error.
 */
export function servedPage() {
  let server;
  let browser;
  const opened = [];
  before(async () => {
    server = await serveDist();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const { context, requests, errors } of opened.splice(0)) {
      await context.close();
      assert.deepEqual(foreignRequests(requests, server.origin), [], "no request may leave the page's origin");
      assert.deepEqual(errors, [], "no error, console error or CSP violation");
    }
  });
  return async function open(options) {
    const session = await openPage(browser, server.url, options);
    opened.push(session);
    return session;
  };
}
