// Builds the demo page from www/ and the npm package's `web` build (pkg/web, see
// pkg-template/build.sh) with esbuild:
//
//   www/dist/index.html, app.js, worker.js, style.css, favicon.svg, csv_preflight_bg.wasm
//       the site, for any static server; CSP: only the page's own files
//   www/dist/csv-preflight.html
//       one self-contained file that also works opened from disk (file://): the engine inlined as
//       base64, the worker's code as text (started from a Blob), the script and the styles allowed
//       by their SHA-256 hashes in the CSP
//
// Usage (from the repository root, after the package is built): node www/build.mjs
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WWW = join(ROOT, "www");
const SRC = join(WWW, "src");
const DIST = join(WWW, "dist");
const PKG = resolve(ROOT, process.env.CSV_PREFLIGHT_PKG ?? "pkg");
const GLUE = join(PKG, "web/csv_preflight.js");
const WASM = join(PKG, "web/csv_preflight_bg.wasm");

const require = createRequire(join(ROOT, "tests/js/package.json"));
const esbuild = require("esbuild");

for (const file of [GLUE, WASM]) {
  if (!existsSync(file)) throw new Error(`${file} is missing: build the package first (bash pkg-template/build.sh)`);
}

/** Resolves the page's imports of the package and of the single-file build's inlined assets. */
function assets(inline = {}) {
  return {
    name: "csv-preflight-assets",
    setup(build) {
      build.onResolve({ filter: /^csv-preflight\/web$/ }, () => ({ path: GLUE }));
      build.onResolve({ filter: /^csv-preflight-(wasm-base64|worker-source)$/ }, (args) => ({
        path: args.path,
        namespace: "inline",
      }));
      build.onLoad({ filter: /.*/, namespace: "inline" }, (args) => ({
        contents: `export default ${JSON.stringify(inline[args.path])};`,
        loader: "js",
      }));
    },
  };
}

const common = {
  bundle: true,
  minify: true,
  legalComments: "none",
  target: ["chrome109", "firefox115", "safari16"],
  logLevel: "warning",
  write: false,
  // wasm-bindgen's glue locates the .wasm with import.meta.url only when init() gets no module;
  // the page always passes the compiled module.
  define: { "import.meta.url": '"about:invalid"' },
};

async function bundle(entry, options) {
  const result = await esbuild.build({ ...common, entryPoints: [join(SRC, entry)], ...options });
  return result.outputFiles[0].text;
}

rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });

// The worker is a classic script (no imports): it runs from a URL or from a Blob alike.
const worker = await bundle("worker.js", { format: "iife", plugins: [assets()] });
const site = await bundle("main.js", {
  format: "esm",
  plugins: [assets()],
  define: {}, // keep import.meta.url: main.js locates worker.js and the .wasm next to app.js
});
writeFileSync(join(DIST, "worker.js"), worker);
writeFileSync(join(DIST, "app.js"), site);
copyFileSync(WASM, join(DIST, "csv_preflight_bg.wasm"));
for (const file of ["index.html", "style.css", "favicon.svg"]) copyFileSync(join(WWW, file), join(DIST, file));

// ---- the single file ----------------------------------------------------------------------------

const inlineScript = safeInScript(
  await bundle("inline.js", {
    format: "esm",
    plugins: [
      assets({
        "csv-preflight-wasm-base64": readFileSync(WASM).toString("base64"),
        "csv-preflight-worker-source": worker,
      }),
    ],
  }),
);
const css = (await esbuild.transform(readFileSync(join(WWW, "style.css"), "utf8"), { loader: "css", minify: true })).code;
const favicon = `data:image/svg+xml,${encodeURIComponent(readFileSync(join(WWW, "favicon.svg"), "utf8").trim())}`;
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha256(inlineScript)} 'wasm-unsafe-eval'`,
  "worker-src blob:",
  `style-src ${sha256(css)}`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

let html = readFileSync(join(WWW, "index.html"), "utf8");
html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
html = replaceOnce(html, /<link rel="icon" href="favicon.svg" type="image\/svg\+xml">/, `<link rel="icon" href="${favicon}" type="image/svg+xml">`);
html = replaceOnce(html, /<link rel="stylesheet" href="style.css">/, `<style>${css}</style>`);
html = replaceOnce(html, /<script type="module" src="app.js"><\/script>/, `<script type="module">${inlineScript}</script>`);
writeFileSync(join(DIST, "csv-preflight.html"), html);

const size = (file) => `${(statSync(join(DIST, file)).size / 1024).toFixed(0)} KiB`;
console.log(
  `www/dist: index.html, app.js ${size("app.js")}, worker.js ${size("worker.js")}, ` +
    `csv_preflight_bg.wasm ${size("csv_preflight_bg.wasm")}; csv-preflight.html ${size("csv-preflight.html")} (single file)`,
);

function replaceOnce(text, pattern, replacement) {
  const matches = text.match(new RegExp(pattern.source, "g")) ?? [];
  if (matches.length !== 1) throw new Error(`www/index.html: expected one ${pattern}, found ${matches.length}`);
  return text.replace(pattern, () => replacement);
}

/** Makes a script safe to inline in HTML (`</script` and `<!--` only occur inside strings here). */
function safeInScript(code) {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "\\x3C!--");
}
