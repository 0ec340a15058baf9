// The progress card: which job runs (a check, the result CSV, a conversion), how far it is, and
// Cancel.
import { $ } from "./dom.js";
import { bytes, num, t } from "./i18n.js";

/** `{ show(job), update(entry, progress, size), hide(), refocus() }` */
export function createProgress(page) {
  const { state } = page;
  const progressBar = $("progress-bar");

  function show(job) {
    const { lang } = state;
    const name = job.entry.file.name;
    $("progress").hidden = false;
    $("progress").dataset.kind = job.kind;
    $("progress-label").textContent =
      t(lang, job.kind === "check" ? "progress.label" : job.kind === "convert" ? "progress.convert" : "progress.csv", { name });
    $("progress-detail").textContent = "";
    if (job.kind === "check") progressBar.value = 0;
    else progressBar.removeAttribute("value");
  }

  function update(entry, progress, size = entry.file.size) {
    const { lang } = state;
    const fraction = Math.min(1, progress.bytes / (size || 1));
    progressBar.value = fraction;
    $("progress-detail").textContent = t(lang, "progress.detail", {
      done: bytes(lang, progress.bytes),
      total: bytes(lang, size),
      percent: new Intl.NumberFormat(lang, { style: "percent" }).format(fraction),
      rows: num(lang, Math.max(0, progress.records - 1)),
    });
  }

  function hide() {
    $("progress").hidden = true;
  }

  /**
   * Where the focus goes once a cancelled job has ended (Cancel hides with its card): to Check; when
   * Check is disabled (the selected file waits, or is checked next), to that file in the list, whose
   * status says so.
   */
  function refocus() {
    const check = $("check-button");
    if (!check.disabled) return check.focus();
    ($("file-list").querySelector('.file-item[aria-current="true"]') ?? $("choose-button")).focus();
  }

  $("cancel-button").addEventListener("click", () => page.queue.cancel());

  return { show, update, hide, refocus };
}
