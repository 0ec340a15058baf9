// The two jobs the page runs on a file, written once for both places they run: the Web Worker
// (worker.js) and, where a worker cannot start, the page itself (runner.js, yielding between chunks).
// `api` is the package's `web` build, already initialized.

/**
 * Streams `file` through a `Checker` in slices of `chunkSize` bytes and returns the report.
 * `onProgress({ bytes, records })` is called at most every 50 ms; `pause()` is awaited after every
 * slice (the page yields to the event loop there) and `cancelled()` stops the check.
 */
export async function checkJob(api, file, options, { chunkSize, onProgress, pause, cancelled }) {
  let checker;
  try {
    checker = new api.Checker(options);
  } catch (error) {
    return { type: "failure", error: failureOf(error) };
  }
  try {
    let last = 0;
    for (let start = 0; start < file.size; start += chunkSize) {
      const slice = new Uint8Array(await file.slice(start, start + chunkSize).arrayBuffer());
      if (cancelled()) return { type: "cancelled" };
      checker.push(slice);
      const now = performance.now();
      if (now - last >= 50) {
        last = now;
        onProgress(checker.progress);
      }
      await pause();
      if (cancelled()) return { type: "cancelled" };
    }
    onProgress(checker.progress);
    const report = checker.finish();
    checker = undefined;
    return { type: "success", report };
  } finally {
    checker?.free();
  }
}

/** The result CSV of `file` (the whole file is read: the package's `resultCsv` takes one buffer). */
export async function resultCsvJob(api, file, options) {
  const input = new Uint8Array(await file.arrayBuffer());
  const result = api.resultCsv(input, options);
  if (result.type !== "success") return { type: "failure", error: result.error };
  return { type: "success", bytes: result.bytes, encoding: result.encoding };
}

function failureOf(error) {
  return {
    kind: error?.kind ?? "crash",
    message: String(error?.message ?? error),
  };
}

/** `file` converted by the package's `convert` (`request`: `{ to, options }`). */
export async function convertJob(api, file, request) {
  const input = new Uint8Array(await file.arrayBuffer());
  const outcome = api.convert(input, request.to, request.options);
  if (outcome.type !== "success") return { type: "failure", error: outcome.error };
  return { type: "success", bytes: outcome.bytes, result: outcome.result };
}
