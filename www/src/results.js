// The results card (3) of the selected file: what state it is in (none, checking, cancelled,
// blocked, failed, done) and, once checked, the verdict, the summary, the plan, the fixed file, the
// diagnostics table and the preview.
import { $ } from "./dom.js";
import { failureText, t } from "./i18n.js";
import { renderPlan } from "./plan.js";
import { renderSummary } from "./summary.js";
import { renderVerdict } from "./verdict.js";

/** `{ render() }` */
export function createResults(page) {
  const { state, table } = page;

  function render() {
    const entry = page.selectedEntry();
    const { lang } = state;
    const section = $("results");
    const report = entry?.report ?? null;
    section.dataset.state = !entry
      ? "empty"
      : entry.status === "checking" || entry.status === "queued"
        ? "checking"
        : entry.status === "failed"
          ? "failed"
          : report
            ? "done"
            : entry.status;
    section.dataset.file = entry?.file.name ?? "";
    section.dataset.profile = entry?.options?.profile ?? "";
    section.dataset.lang = entry?.options?.lang ?? "";
    section.dataset.valid = report ? String(report.valid) : "";
    const empty = $("results-empty");
    empty.hidden = Boolean(report) || entry?.status === "failed";
    const name = entry?.file.name;
    empty.textContent = !entry
      ? t(lang, "results.empty")
      : entry.status === "cancelled"
        ? t(lang, "progress.cancelled", { name })
        : entry.status === "blocked"
          ? t(lang, "results.blocked", { name })
          : t(lang, "progress.label", { name }) + "…";
    $("results-error").hidden = entry?.status !== "failed";
    $("results-error").textContent = entry?.error ? t(lang, "error.check", { name: entry.file.name, message: failureText(lang, entry.error) }) : "";
    // After a failed check the older report would look like the answer to this one.
    $("results-body").hidden = !report || entry.status === "failed";
    if (!report || entry.status === "failed") {
      $("convert-panel").hidden = true;
      return;
    }
    if (table.report !== report) {
      // The same file checked again (in another language, say): its selected diagnostic stays.
      const keep = state.tableEntry === entry ? table.selectedDiagnostic : null;
      state.tableEntry = entry;
      table.setReport(report, entry.file.name, entry.options.lang, keep);
      if (table.selectedDiagnostic) page.preview.show(table.selectedDiagnostic);
      else page.preview.clear();
    }
    renderVerdict(page, entry, report);
    renderSummary(page, entry, report);
    renderPlan(lang, report.plan);
    page.fixedFile.render();
  }

  return { render };
}
