// Runs the page's jobs (jobs.js) one at a time in a Web Worker, so that the page never freezes, and
// cancels by terminating the worker. Where no worker can start (a browser that refuses workers for
// a page opened from disk), the same jobs run in the page itself in small slices that yield to the
// event loop, so the page stays usable and Cancel still works.
import { bundleJob, checkJob, convertJob, resultCsvJob } from "./jobs.js";

const READY_TIMEOUT = 10000;
const LOCAL_CHUNK = 256 * 1024;
const LOCAL_SLICE_MS = 12;

export class Runner {
  /**
   * @param {object} env
   * @param {WebAssembly.Module} env.module the compiled engine, shared with every worker
   * @param {object} env.api the package's `web` build, initialized in the page (the fallback)
   * @param {() => Worker} env.createWorker
   */
  constructor({ module, api, createWorker }) {
    this.module = module;
    this.api = api;
    this.createWorker = createWorker;
    this.worker = null;
    this.local = false;
    this.current = null;
    this.seq = 0;
  }

  /** Where jobs run: "worker" or "page". */
  get where() {
    return this.local ? "page" : "worker";
  }

  /** Starts a worker now, so that the first check does not wait for it. */
  warmUp() {
    this.#worker().catch(() => undefined);
  }

  /**
   * Runs `kind` ("check", "resultCsv" or "convert") on `file` (a check against `baseline`, the
   * system's current export, when given), or "bundle" on the files of `options` (see
   * `bundleJob`); resolves to the job's result, or to `{ type: "cancelled" }` after `cancel()`.
   */
  async run(kind, file, options, onProgress = () => undefined, baseline = undefined) {
    if (this.current) throw new Error("a job is already running");
    const id = ++this.seq;
    const job = { id, cancelled: false, settle: null };
    this.current = job;
    try {
      const worker = await this.#worker();
      if (job.cancelled) return { type: "cancelled" };
      if (worker) return await this.#inWorker(worker, job, kind, file, options, onProgress, baseline);
      return await this.#inPage(job, kind, file, options, onProgress, baseline);
    } finally {
      if (this.current === job) this.current = null;
    }
  }

  /** Stops the running job (its promise resolves to `{ type: "cancelled" }`). */
  cancel() {
    const job = this.current;
    if (!job) return;
    job.cancelled = true;
    if (this.worker) {
      this.worker.terminate();
      this.worker = null;
    }
    job.settle?.({ type: "cancelled" });
  }

  async #worker() {
    if (this.local) return null;
    if (this.worker) return this.worker;
    if (!this.starting) {
      this.starting = this.#start().finally(() => {
        this.starting = null;
      });
    }
    return this.starting;
  }

  async #start() {
    let worker;
    try {
      worker = this.createWorker();
    } catch {
      this.local = true;
      return null;
    }
    const ready = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), READY_TIMEOUT);
      worker.onmessage = (event) => {
        if (event.data?.type === "ready") {
          clearTimeout(timer);
          resolve(true);
        }
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        clearTimeout(timer);
        resolve(false);
      };
      worker.postMessage({ type: "init", module: this.module });
    });
    if (!ready) {
      worker.terminate();
      this.local = true;
      return null;
    }
    this.worker = worker;
    return worker;
  }

  #inWorker(worker, job, kind, file, options, onProgress, baseline) {
    return new Promise((resolve) => {
      const settle = (result) => {
        job.settle = null;
        worker.onmessage = null;
        worker.onerror = null;
        resolve(result);
      };
      job.settle = settle;
      worker.onmessage = (event) => {
        const message = event.data;
        if (message.id !== job.id) return;
        if (message.type === "progress") onProgress(message.progress);
        else settle(message);
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        worker.terminate();
        if (this.worker === worker) this.worker = null;
        settle({ type: "failure", error: { kind: "crash", message: event.message || "the worker stopped" } });
      };
      worker.postMessage({ type: kind, id: job.id, file, options, baseline });
    });
  }

  async #inPage(job, kind, file, options, onProgress, baseline) {
    const cancelled = () => job.cancelled;
    const result = new Promise((resolve) => {
      job.settle = resolve;
    });
    const work = (async () => {
      if (kind === "resultCsv") {
        await nextTask();
        return resultCsvJob(this.api, file, options, baseline);
      }
      if (kind === "convert") {
        await nextTask();
        return convertJob(this.api, file, options);
      }
      let sliceStart = performance.now();
      const slices = {
        chunkSize: LOCAL_CHUNK,
        onProgress,
        cancelled,
        pause: async () => {
          if (performance.now() - sliceStart >= LOCAL_SLICE_MS) {
            await nextTask();
            sliceStart = performance.now();
          }
        },
      };
      if (kind === "bundle") return bundleJob(this.api, options, slices);
      return checkJob(this.api, file, options, { ...slices, baseline });
    })();
    work.then(
      (value) => job.settle?.(value),
      (error) =>
        job.settle?.({ type: "failure", error: { kind: error?.kind ?? "crash", message: String(error?.message ?? error) } }),
    );
    return result;
  }
}

/** Resolves in a later task, letting the browser paint and handle input. */
function nextTask() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
