// The entry point for browsers and bundlers (Vite, webpack, Rollup, esbuild): wasm-bindgen's `web`
// build, initialized here with a top-level await, so that importers need no init call. The .wasm is
// located with `new URL("csv_preflight_bg.wasm", import.meta.url)`, which bundlers understand.
// (`csv-preflight/web` is the same build without the top-level await: call its default export.)
import init from "./csv_preflight.js";

await init();

export * from "./csv_preflight.js";
