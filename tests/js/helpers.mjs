// Shared by the tests of the npm package: the package as npm would install it, the CLI as the
// reference, the fixtures, a static file server and headless Chromium.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const JS = join(ROOT, "tests/js");
export const PKG = process.env.CSV_PREFLIGHT_PKG ?? join(ROOT, "pkg");
/** The package's one WebAssembly module: the Node.js glue loads it from web/ too (share-wasm.mjs). */
export const PKG_WASM = join(PKG, "web/csv_preflight_bg.wasm");
export const BIN = join(JS, "node_modules/.bin");
export const EXAMPLE = join(ROOT, "examples/add-users_example.csv");
export const OWN_FIXTURES = join(JS, "fixtures");

let consumer;

/**
 * A directory whose node_modules/csv-preflight holds what `npm pack` puts in the tarball (so the
 * `files` list is tested too), for code that imports "csv-preflight" by name.
 */
export function consumerDir() {
  if (consumer) return consumer;
  if (!existsSync(join(PKG, "package.json"))) {
    throw new Error(`${PKG} has no package.json: run bash pkg-template/build.sh first`);
  }
  const dir = mkdtempSync(join(tmpdir(), "csv-preflight-consumer-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const packed = JSON.parse(
    execFileSync("npm", ["pack", PKG, "--pack-destination", dir, "--json", "--loglevel=error"], {
      encoding: "utf8",
    }),
  );
  const target = join(dir, "node_modules/csv-preflight");
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", join(dir, packed[0].filename), "-C", target, "--strip-components=1"]);
  consumer = dir;
  return dir;
}

/** Copies `from` (a directory of tests/js) into the consumer directory as `name`. */
export function copyIntoConsumer(from, name) {
  const to = join(consumerDir(), name);
  cpSync(join(JS, from), to, { recursive: true });
  return to;
}

/** Runs the CLI (`cargo run`): { status, stdout (text), stderr }. */
export function cli(args) {
  const run = spawnSync("cargo", ["run", "--quiet", "--bin", "csv-preflight", "--", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`csv-preflight ${args.join(" ")} failed (${run.status}): ${run.stderr}`);
  }
  return run;
}

/** The CLI's `--format json` reports of `files` (one per file). */
export function cliReports(profile, files, extra = []) {
  const { stdout } = cli(["check", "--profile", profile, "--format", "json", ...extra, ...files]);
  const parsed = JSON.parse(stdout);
  return files.length === 1 ? [parsed] : parsed;
}

/** The built-in profile ids, as the CLI lists them (bundles of several files left out). */
export function builtinIds() {
  return cli(["profiles"])
    .stdout.split("\n")
    .filter((line) => line.trim() && !line.includes("(bundle"))
    .map((line) => line.split(/\s+/)[0]);
}

/**
 * The engine's fixtures for every built-in profile (tests/fixtures/<id with "/" as "-">/*.csv),
 * the example file, and this directory's own: [{ profile, files: [path...] }].
 */
export function fixtureSets() {
  const sets = [];
  for (const id of builtinIds()) {
    const dir = join(ROOT, "tests/fixtures", id.replaceAll("/", "-"));
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir)
      .filter((f) => [".csv", ".tsv", ".txt"].includes(extname(f)))
      .sort()
      .map((f) => join(dir, f));
    if (files.length) sets.push({ profile: id, files });
  }
  sets.push({
    profile: "fujifilm-iwpro/add-users",
    files: [EXAMPLE, join(OWN_FIXTURES, "add-users_multibyte.csv")],
  });
  return sets;
}

/** A report as the CLI prints it: the same keys in the same order, two-space indented. */
export function pretty(report) {
  return JSON.stringify(report, null, 2);
}

export { basename, join, readFileSync };

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".csv": "text/csv",
};

/** Serves `routes` ({ "/prefix/": directory }) on 127.0.0.1; resolves to { url, close }. */
export function serve(routes) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    const prefix = Object.keys(routes).find((p) => path.startsWith(p));
    const file = prefix && resolve(routes[prefix], "." + path.slice(prefix.length - 1));
    if (!file || !file.startsWith(resolve(routes[prefix])) || !existsSync(file)) {
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
      const { port } = server.address();
      ok({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

/** Headless Debian Chromium through playwright-core. */
export async function launchChromium() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
      "--disable-default-apps",
    ],
  });
}

/** A page that fails the test on any uncaught error or console error. */
export async function newPage(browser) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { page, errors };
}
