// Entry point of the single-file build (www/dist/csv-preflight.html), which also works opened from
// disk (file://): the engine is inlined as base64 and the worker's code as text, started from a
// Blob. (A browser that refuses the worker makes the runner check in the page, in small slices.)
import wasmBase64 from "csv-preflight-wasm-base64";
import workerSource from "csv-preflight-worker-source";
import { start } from "./app.js";

let workerUrl;

start({
  build: "single-file",
  async loadModule() {
    return WebAssembly.compile(fromBase64(wasmBase64));
  },
  createWorker() {
    workerUrl ??= URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
    return new Worker(workerUrl, { name: "csv-preflight" });
  },
});

function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
