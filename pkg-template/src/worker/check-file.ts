// `checkFile`: checks a File or Blob in a Web Worker, so that the page never freezes, with progress
// and cancellation. Browsers only (Node.js: use `Checker` with a file stream).
import type {
  CheckOptions,
  CsvPreflightError as ThrownError,
  ErrorKind,
  Failure,
  Progress,
  Report,
} from "../web/csv_preflight.js";
import type { CheckRequest, WorkerMessage } from "./protocol.js";

export type { CheckOptions, ErrorKind, Failure, Progress, Report };

/** How far a `checkFile` has got. */
export interface FileProgress extends Progress {
  /** The file's size in bytes (`bytes / total` is the fraction done). */
  total: number;
}

/** Options of `checkFile` beyond the check itself. */
export interface CheckFileOptions {
  /**
   * Called every 50 ms or so while the file is read, and once at the end. If it throws, the check
   * stops (its worker is ended) and the promise rejects with what it threw.
   */
  onProgress?: (progress: FileProgress) => void;
  /**
   * The target system's current export (see `Baseline`), read in the worker before the file: the
   * report then carries a `plan`, and the rules that need the export run. Progress covers the
   * file only.
   */
  baseline?: Blob;
  /** Aborting it stops the worker and rejects the promise with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * The check could not run: an unknown or invalid profile, a bad parameter or option, or (kind
 * `internal`) a bug in csv-preflight. The same type as the main entry's `CsvPreflightError`: an
 * `Error` with the fields of a `Failure`, so that testing `kind` narrows `detail`.
 */
export type CsvPreflightError = ThrownError;

/** The class of `checkFile`'s `CsvPreflightError`s: `error instanceof CsvPreflightError` narrows. */
export interface CsvPreflightErrorConstructor {
  /** The error for `failure` (its `message`, `kind` and `detail`). */
  new (failure: Failure): CsvPreflightError;
  readonly prototype: CsvPreflightError;
}

// A class's instances are one object type, whose `kind` and `detail` could not narrow each other:
// the class is exported under the union's constructor type instead (`instanceof` narrows to a
// constructor's `prototype` type). Its fields are those of the `failure` it is made from.
export const CsvPreflightError = class CsvPreflightError extends Error {
  /** Always `"CsvPreflightError"` (the main entry's `isCsvPreflightError` tells these too). */
  override readonly name = "CsvPreflightError" as const;
  /** What kind of failure. */
  readonly kind: Failure["kind"];
  /** The kind's own fields. */
  readonly detail: Failure["detail"];

  constructor(failure: Failure) {
    super(failure.message);
    this.kind = failure.kind;
    this.detail = failure.detail;
  }
} as unknown as CsvPreflightErrorConstructor;

/**
 * The options as `check` reads them, through JSON, as a value a worker can be sent: a reactive
 * proxy (Vue, MobX) or any other value that could not be sent becomes its plain value. What JSON
 * would silently change is kept for the worker's check to report as `check` does: a `Map` or a
 * `Set` (sent empty: the check names it, not its contents), `NaN` and `Infinity`. Not an object:
 * sent as it is, for the check's own typed failure.
 */
function plainOptions(options: CheckOptions): CheckOptions {
  if (typeof options !== "object" || options === null) return options;
  try {
    return plain(options, "", []) as CheckOptions;
  } catch {
    // A bigint, a cycle, or a toJSON that throws: as `check` reports a value JSON cannot write.
    const message = "the options cannot be written as JSON";
    throw new CsvPreflightError({
      kind: "invalidOptions",
      message: `invalid options: ${message}`,
      detail: { kind: "invalidOptions", message },
    });
  }
}

/**
 * `value` (the property `key` of its holder) as `JSON.stringify` sees it, but for a `Map`, a `Set`
 * and a number that is not finite; `inside`: the objects it is in. Throws where JSON throws (a
 * bigint, a cycle). What JSON leaves out (a function, a symbol, `undefined`) is `undefined`.
 */
function plain(value: unknown, key: string, inside: object[]): unknown {
  if ((typeof value === "object" && value !== null) || typeof value === "bigint") {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") value = toJSON.call(value, key);
  }
  if (typeof value === "function" || typeof value === "symbol") return undefined;
  if (typeof value === "bigint") throw new TypeError("a bigint");
  if (typeof value !== "object" || value === null) return value; // NaN and Infinity kept
  if (value instanceof Map) return new Map();
  if (value instanceof Set) return new Set();
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    return value.valueOf();
  }
  if (inside.includes(value)) throw new TypeError("a cycle");
  inside.push(value);
  let copy: unknown;
  if (Array.isArray(value)) {
    copy = value.map((item, i) => plain(item, String(i), inside) ?? null);
  } else {
    const object: Record<string, unknown> = {};
    for (const name of Object.keys(value)) {
      const item = plain((value as Record<string, unknown>)[name], name, inside);
      if (item !== undefined) object[name] = item;
    }
    copy = object;
  }
  inside.pop();
  return copy;
}

/** What a non-Blob `file` is, for the message (`a Uint8Array`, `null`, `a string`). */
function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value !== "object") return `a ${typeof value}`;
  const name = (value as object).constructor?.name;
  if (!name || name === "Object") return "a plain object";
  return `${/^[AEIO]/.test(name) ? "an" : "a"} ${name}`;
}

/** Whether `value` is a `Blob` (a `File` is one), from this realm or another (an iframe's). */
function isBlob(value: unknown): value is Blob {
  return value instanceof Blob || /^\[object (Blob|File)\]$/.test(Object.prototype.toString.call(value));
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("the check was aborted", "AbortError");
}

/**
 * Checks `file` against `options.profile` in a Web Worker, streaming it in chunks, and resolves to
 * the report (the same as `check` and the CLI give). Rejects with a `CsvPreflightError` when the
 * check cannot run, with the signal's reason when aborted, with what `onProgress` threw when it
 * throws, and with a `TypeError` when `file` or `baseline` is not a `Blob`.
 */
export function checkFile(
  file: Blob,
  options: CheckOptions,
  { onProgress, signal, baseline }: CheckFileOptions = {},
): Promise<Report> {
  return new Promise<Report>((resolve, reject) => {
    // On the calling side, before any worker starts: only a Blob can be streamed in the worker.
    for (const [name, value] of [["file", file], ["baseline", baseline ?? new Blob()]] as [string, unknown][]) {
      if (!isBlob(value)) {
        const hint = ArrayBuffer.isView(value) || value instanceof ArrayBuffer ? " (new Blob([bytes]) makes one)" : "";
        reject(new TypeError(`checkFile: ${name} must be a File or a Blob, not ${describe(value)}${hint}`));
        return;
      }
    }
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    let request: CheckRequest;
    try {
      const plain = plainOptions(options);
      request = baseline ? { file, options: plain, baseline } : { file, options: plain };
    } catch (error) {
      reject(error);
      return;
    }
    const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    const onAbort = () => {
      finish();
      reject(signal ? abortReason(signal) : undefined);
    };
    let finished = false;
    const finish = () => {
      finished = true;
      worker.terminate();
      signal?.removeEventListener("abort", onAbort);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      // A message the worker sent before it was ended: the promise is settled already.
      if (finished) return;
      switch (message.type) {
        case "progress":
          try {
            onProgress?.({ ...message.progress, total: file.size });
          } catch (error) {
            // The caller's own error: it ends the check, and is not left uncaught.
            finish();
            reject(error);
          }
          break;
        case "done":
          finish();
          resolve(message.report);
          break;
        case "failure":
          finish();
          reject(new CsvPreflightError(message.error));
          break;
        case "crash":
          finish();
          reject(new Error(`csv-preflight worker failed: ${message.message}`));
          break;
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      finish();
      reject(new Error(`csv-preflight worker failed: ${event.message || "could not start"}`));
    };
    try {
      worker.postMessage(request);
    } catch (error) {
      // Not sent (a value that cannot be cloned): no worker may be left running.
      finish();
      reject(error);
    }
  });
}
