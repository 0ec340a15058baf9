// The Web Worker behind `checkFile`: streams the file through a `Checker` and posts progress, then
// the report. It runs one request; the page terminates it when done or cancelled.
import init, { Baseline, Checker } from "../web/csv_preflight.js";
import type { Failure } from "../web/csv_preflight.js";
import type { CheckRequest, WorkerMessage } from "./protocol.js";

/** Least time between two progress messages, in milliseconds. */
const PROGRESS_INTERVAL = 50;

interface WorkerScope {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
}
const scope = globalThis as unknown as WorkerScope;
const ready = init();

function failureOf(error: unknown): Failure | undefined {
  // The Checker constructor (a bad profile or option) and a panic (kind "internal") throw an Error
  // that carries a Failure's fields.
  if (error instanceof Error && "kind" in error && "detail" in error) {
    return { kind: error.kind, message: error.message, detail: error.detail } as Failure;
  }
  return undefined;
}

/**
 * `options` with the file's size as `fileSize` unless they give one: the checker then sizes its
 * indexes once (a hint; see `CheckOptions.fileSize`). Anything but a plain object (`null`,
 * `undefined`, a string) is left as it is, for the checker's own typed failure.
 */
function sized(options: CheckRequest["options"], size: number): CheckRequest["options"] {
  if (typeof options !== "object" || options === null || Object.getPrototypeOf(options) !== Object.prototype) {
    return options;
  }
  return { ...options, fileSize: options.fileSize ?? size };
}

/** Reads the system's export into a `Baseline` (its own report is not passed on). */
async function readBaseline(file: Blob, options: CheckRequest["options"]): Promise<Baseline> {
  const baseline = new Baseline(options);
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    baseline.push(value);
  }
  baseline.end();
  return baseline;
}

async function run({ file, options, baseline }: CheckRequest): Promise<void> {
  await ready;
  const checked = sized(options, file.size);
  const checker = baseline
    ? Checker.withBaseline(checked, await readBaseline(baseline, options))
    : new Checker(checked);
  const reader = file.stream().getReader();
  let last = performance.now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    checker.push(value);
    const now = performance.now();
    if (now - last >= PROGRESS_INTERVAL) {
      last = now;
      scope.postMessage({ type: "progress", progress: checker.progress });
    }
  }
  const report = checker.finish();
  // The last records are read when the input ends: the final progress comes from the report.
  const { bytes, records } = report.detected;
  scope.postMessage({ type: "progress", progress: { bytes, records } });
  scope.postMessage({ type: "done", report });
}

scope.onmessage = (event) => {
  run(event.data).catch((error: unknown) => {
    const failure = failureOf(error);
    scope.postMessage(failure ? { type: "failure", error: failure } : { type: "crash", message: String(error) });
  });
};
