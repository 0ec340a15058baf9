// Entry point of the served site (www/dist/): the engine (csv_preflight_bg.wasm) and the worker
// (worker.js) are files next to the page, loaded from the page's own origin.
import { start } from "./app.js";

start({
  build: "site",
  async loadModule() {
    const url = new URL("csv_preflight_bg.wasm", import.meta.url);
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch {
      // A server that does not send application/wasm: compile from the bytes instead.
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      return WebAssembly.compile(await response.arrayBuffer());
    }
  },
  createWorker() {
    return new Worker(new URL("worker.js", import.meta.url), { name: "csv-preflight" });
  },
});
