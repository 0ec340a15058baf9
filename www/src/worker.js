// The page's Web Worker: receives the compiled WebAssembly module once, then runs one job at a time
// (`check` with progress, or `resultCsv`). The page cancels a job by terminating the worker. A
// thrown `CsvPreflightError` (kind `internal`: a panic, after which the module starts afresh)
// keeps its kind.
import * as api from "csv-preflight/web";
import { bundleJob, checkJob, convertJob, resultCsvJob } from "./jobs.js";

const CHUNK = 1 << 20;

self.onmessage = async (event) => {
  const message = event.data;
  try {
    switch (message.type) {
      case "init":
        api.initSync({ module: message.module });
        self.postMessage({ type: "ready" });
        break;
      case "check": {
        const result = await checkJob(api, message.file, message.options, {
          chunkSize: CHUNK,
          onProgress: (progress) => self.postMessage({ type: "progress", id: message.id, progress }),
          pause: () => undefined,
          cancelled: () => false,
          baseline: message.baseline,
        });
        self.postMessage({ ...result, id: message.id });
        break;
      }
      case "bundle": {
        const result = await bundleJob(api, message.options, {
          chunkSize: CHUNK,
          onProgress: (progress) => self.postMessage({ type: "progress", id: message.id, progress }),
          pause: () => undefined,
          cancelled: () => false,
        });
        self.postMessage({ ...result, id: message.id });
        break;
      }
      case "resultCsv":
      case "convert": {
        const job = message.type === "convert" ? convertJob : resultCsvJob;
        const result = await job(api, message.file, message.options, message.baseline);
        const transfer = result.type === "success" ? [result.bytes.buffer] : [];
        self.postMessage({ ...result, id: message.id }, transfer);
        break;
      }
    }
  } catch (error) {
    self.postMessage({
      type: "failure",
      id: message.id,
      error: { kind: error?.kind ?? "crash", message: String(error?.message ?? error) },
    });
  }
};
