// The queue of jobs: files are checked one after another (a bundle's files as one check), and the
// result CSV and conversions wait their turn too. Each job runs through the runner (in the worker,
// else in the page) and its result goes to its file's entry.
import { bundleGroup, bundleRequest } from "./bundles.js";
import { announce } from "./dom.js";
import { saveResultCsv } from "./downloads.js";
import { failureText, t } from "./i18n.js";

/** `{ enqueue(kind, entry, options), stop(entry), cancel(), freshen(entry) }` */
export function createQueue(page) {
  const { state, runner } = page;

  function enqueue(kind, entry, options) {
    if (kind === "check") {
      state.queue = state.queue.filter((job) => !(job.kind === "check" && job.entry === entry));
      if (entry.status !== "checking") entry.status = "queued";
    }
    state.queue.push({ kind, entry, options });
    page.files.render();
    pump();
  }

  async function pump() {
    if (state.busy) return;
    const job = state.queue.shift();
    if (!job) return;
    if (job.kind === "check" && page.settings.invalid(job.entry)) {
      // A setting that cannot be used is never dropped silently: the check waits until it is fixed.
      job.entry.status = "blocked";
      page.files.render();
      if (job.entry === page.selectedEntry()) page.results.render();
      pump();
      return;
    }
    state.busy = job;
    const { entry } = job;
    const options = job.kind === "check" ? page.settings.optionsFor(entry) : job.options ?? entry.options;
    if (job.kind === "check") {
      entry.status = "checking";
      page.files.render();
      if (entry === page.selectedEntry()) page.results.render();
    }
    page.progress.show(job);
    if (job.kind === "convert" && entry === page.selectedEntry()) page.fixedFile.render();
    // A check uses the export chosen now; the result CSV, the one its report was made with.
    const baseline = job.kind === "check" ? page.baseline.of(entry) : job.kind === "resultCsv" ? entry.baseline : undefined;
    const group = job.kind === "check" ? bundleGroup(page, entry) : null;
    job.group = group;
    const total = group ? group.members.reduce((n, m) => n + m.entry.file.size, 0) : entry.file.size;
    const progress = (p) => page.progress.update(entry, p, total);
    if (group) {
      for (const { entry: member } of group.members) member.status = "checking";
      page.files.render();
    }
    const result = group
      ? await runner.run("bundle", null, bundleRequest(page, group), progress)
      : await runner.run(job.kind, entry.file, options, progress, baseline);
    document.documentElement.dataset.runner = runner.where;
    state.busy = null;
    page.progress.hide();
    if (group) finishBundle(group, entry, result);
    else if (job.kind === "check") {
      entry.bundled = null;
      finishCheck(entry, options, result, baseline);
    }
    else if (job.kind === "convert") page.fixedFile.finish(entry, options, result);
    else saveResultCsv(state.lang, entry, result);
    if (state.refocus) {
      state.refocus = false;
      page.progress.refocus();
    }
    pump();
  }

  function finishCheck(entry, options, result, baseline) {
    // A file removed while it was checked: its check was cancelled, and the others go on.
    if (!state.files.includes(entry)) return;
    const { lang } = state;
    const name = entry.file.name;
    if (result.type === "success") {
      entry.report = result.report;
      entry.options = options;
      entry.baseline = baseline;
      entry.error = null;
      entry.status = "done";
      const verdict = result.report.valid ? t(lang, "summary.valid") : t(lang, "summary.invalid");
      announce(t(lang, "progress.finished", { name, verdict }));
    } else if (result.type === "cancelled") {
      entry.status = waiting(entry) ? "queued" : "cancelled";
      announce(t(lang, "progress.cancelled", { name }));
    } else {
      entry.status = "failed";
      entry.error = result.error;
      announce(t(lang, "error.check", { name, message: failureText(lang, entry.error) }));
    }
    page.files.render();
    if (entry === page.selectedEntry()) {
      page.results.render();
      page.settings.renderStale();
      freshen(entry);
    }
  }

  /** A bundle check (run for `jobEntry`): each member gets its file's report, or the failure. */
  function finishBundle(group, jobEntry, result) {
    const entries = group.members.map((m) => m.entry);
    if (result.type === "cancelled") {
      finishCheck(jobEntry, page.settings.optionsFor(jobEntry), result, page.baseline.of(jobEntry));
      for (const e of entries) if (e.status === "checking" || e.status === "queued") e.status = waiting(e) ? "queued" : "cancelled";
      page.files.render();
      return;
    }
    // The other members were checked too: their queued checks would only repeat this one.
    state.queue = state.queue.filter((job) => !(job.kind === "check" && entries.includes(job.entry)));
    for (const { role, entry } of group.members) {
      const names = entries.filter((e) => e !== entry).map((e) => e.file.name);
      const file = result.type === "success" ? result.report.files.find((f) => f.role === role) : null;
      const missing = { type: "failure", error: { kind: "crash", message: `no report for ${role}` } };
      const outcome = file ? { type: "success", report: file.report } : result.type === "success" ? missing : result;
      entry.bundled = file ? { title: group.bundle.title, names } : null;
      finishCheck(entry, page.settings.optionsFor(entry), outcome, page.baseline.of(entry));
    }
  }

  /**
   * Stops the jobs of an entry taken out of the list. Only its jobs stop: the queue goes on with
   * the other files, and those that were being checked together with it (a bundle) are checked
   * again without it.
   */
  function stop(entry) {
    state.queue = state.queue.filter((job) => job.entry !== entry);
    const running = state.busy?.group?.members.map((m) => m.entry) ?? [state.busy?.entry];
    if (running.includes(entry)) {
      runner.cancel();
      for (const other of running) if (other !== entry) enqueue("check", other);
    }
  }

  /** Cancel: stops the running job (the one the progress shows); the other files' checks go on. */
  function cancel() {
    // The button hides when the job ends: the focus moves on then (progress.refocus), not to the top
    // of the page.
    state.refocus = true;
    // Cancel stops the job it is shown with (as removing its file does); the other files' checks go
    // on. A bundle's check is one job: its other files' waiting checks would only run it again.
    const members = state.busy?.group?.members.map((m) => m.entry) ?? [];
    state.queue = state.queue.filter((job) => !(job.kind === "check" && members.includes(job.entry)));
    runner.cancel();
  }

  /** Whether a check of the entry is waiting in the queue. */
  function waiting(entry) {
    return state.queue.some((job) => job.entry === entry && job.kind === "check");
  }

  /** Re-checks the entry when its messages are in another language than the page's. */
  function freshen(entry) {
    if (entry?.report && entry.options?.lang !== state.lang && !waiting(entry) && state.busy?.entry !== entry) enqueue("check", entry);
  }

  return { enqueue, stop, cancel, freshen };
}
