// Messages between `checkFile` (page) and `worker.js` (Web Worker).
import type { CheckOptions, Failure, Progress, Report } from "../web/csv_preflight.js";

/** Page → worker: the one request a worker serves. */
export interface CheckRequest {
  file: Blob;
  options: CheckOptions;
  /** The target system's current export, read before the file (see `Baseline`). */
  baseline?: Blob;
}

/** Worker → page. */
export type WorkerMessage =
  | { type: "progress"; progress: Progress }
  | { type: "done"; report: Report }
  | { type: "failure"; error: Failure }
  | { type: "crash"; message: string };
