// The jobs the page runs on its files, written once for both places they run: the Web Worker
// (worker.js) and, where a worker cannot start, the page itself (runner.js, yielding between chunks).
// `api` is the package's `web` build, already initialized.

/**
 * Feeds `file` to `push` in slices of `chunkSize` bytes, calling `progress()` at most every 50 ms
 * and awaiting `pause()` after every slice. Resolves to false when `cancelled()` stopped it.
 */
async function streamFile(file, push, { chunkSize, pause, cancelled = () => false, progress = () => undefined }) {
  let last = 0;
  for (let start = 0; start < file.size; start += chunkSize) {
    const slice = new Uint8Array(await file.slice(start, start + chunkSize).arrayBuffer());
    if (cancelled()) return false;
    push(slice);
    const now = performance.now();
    if (now - last >= 50) {
      last = now;
      progress();
    }
    await pause();
    if (cancelled()) return false;
  }
  return true;
}

/**
 * Streams `file` through a `Checker` in slices of `chunkSize` bytes and returns the report; with
 * `baseline` (the system's current export, a File), against it: the report then has a `plan`.
 * `onProgress({ bytes, records })` is called at most every 50 ms; `pause()` is awaited after every
 * slice (the page yields to the event loop there) and `cancelled()` stops the check.
 */
export async function checkJob(api, file, options, { chunkSize, onProgress, pause, cancelled, baseline }) {
  let checker;
  let exported;
  // The file's size lets the check size its unique-key index once (a hint, as checkFile gives it).
  const sized = { ...options, fileSize: options.fileSize ?? file.size };
  try {
    if (baseline) {
      exported = await readBaseline(api, baseline, options, { chunkSize, pause });
      if (cancelled()) return { type: "cancelled" };
      checker = api.Checker.withBaseline(sized, exported);
    } else {
      checker = new api.Checker(sized);
    }
  } catch (error) {
    exported?.free();
    return { type: "failure", error: failureOf(error) };
  }
  try {
    const progress = () => onProgress(checker.progress);
    const read = await streamFile(file, (slice) => checker.push(slice), { chunkSize, pause, cancelled, progress });
    if (!read) return { type: "cancelled" };
    progress();
    const report = checker.finish();
    checker = undefined;
    return { type: "success", report };
  } finally {
    checker?.free();
    exported?.free();
  }
}

/**
 * The target system's current export (`baseline`, a File) read into the package's `Baseline` for
 * checks against `options.profile`. Throws the package's `CsvPreflightError` when it cannot be
 * used (no key column). The export's own findings are not shown: the page checks the upload.
 */
async function readBaseline(api, baseline, options, { chunkSize, pause }) {
  const exported = new api.Baseline(options);
  try {
    await streamFile(baseline, (slice) => exported.push(slice), { chunkSize, pause });
    exported.end();
    return exported;
  } catch (error) {
    exported.free();
    throw error;
  }
}

/**
 * The result CSV of `file` (the whole file is read: the package's `resultCsv` takes one buffer),
 * against `baseline` (the system's current export) when given, as the report was made.
 */
export async function resultCsvJob(api, file, options, baseline) {
  const input = new Uint8Array(await file.arrayBuffer());
  let result;
  if (baseline) {
    let exported;
    try {
      exported = await readBaseline(api, baseline, options, { chunkSize: 1 << 20, pause: () => undefined });
      result = api.resultCsvWithBaseline(input, options, exported);
    } catch (error) {
      return { type: "failure", error: failureOf(error) };
    } finally {
      exported?.free();
    }
  } else {
    result = api.resultCsv(input, options);
  }
  if (result.type !== "success") return { type: "failure", error: result.error };
  return { type: "success", bytes: result.bytes, encoding: result.encoding };
}

/**
 * The files of one bundle (CELF's users, groups, affiliations) checked together, references across
 * them resolved. `request`: `{ options: { bundle, ... }, files: [{ role, file, name, recognized }],
 * baselines: [{ role, file, options }] }` (the system's export of a role, read first). Resolves to
 * `{ type: "success", report }` with one report per file (`report.files[i].role`). `recognized`:
 * the role came from the suggestion, not from the admin (an assumed one is then a `role-assumed`
 * warning, as the CLI's).
 */
export async function bundleJob(api, request, { chunkSize, onProgress, pause, cancelled }) {
  let checker;
  const exported = [];
  try {
    checker = new api.BundleChecker(request.options, request.files.map((f) => f.role));
    for (const { role, file, options } of request.baselines ?? []) {
      const baseline = await readBaseline(api, file, options, { chunkSize, pause });
      exported.push(baseline);
      checker.setBaseline(role, baseline);
    }
    let started = 0;
    // `progress.records` counts every file's header; one is left for the page's "rows".
    const progress = () => {
      const { bytes, records } = checker.progress;
      onProgress({ bytes, records: Math.max(0, records - Math.max(0, started - 1)) });
    };
    for (const role of checker.order()) {
      const entry = request.files.find((f) => f.role === role);
      if (!entry) continue;
      checker.begin(role, entry.name, entry.recognized);
      started += 1;
      const read = await streamFile(entry.file, (slice) => checker.push(slice), { chunkSize, pause, cancelled, progress });
      if (!read) return { type: "cancelled" };
      checker.end();
    }
    progress();
    const report = checker.finish();
    checker = undefined;
    return { type: "success", report };
  } catch (error) {
    return { type: "failure", error: failureOf(error) };
  } finally {
    checker?.free();
    for (const baseline of exported) baseline.free();
  }
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
