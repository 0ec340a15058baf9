// The verdict at the top of the results: valid or not, for which file and format, and, when the
// converter repairs some of the findings, the button to the fixed file.
import { $ } from "./dom.js";
import { t } from "./i18n.js";

/** Codes whose cause the converter (the fixed file) repairs or maps away. */
const REPAIRABLE = new Set([
  "encoding-not-accepted",
  "bom-required",
  "bom-forbidden",
  "line-ending-not-accepted",
  "mixed-line-endings",
  "cr-line-endings",
  "stray-bom",
  "missing-header-marker",
  "header-marker-mismatch",
  "missing-label",
  "extra-label",
  "untrimmed-label",
  "untrimmed-value",
  "blank-row",
  "trailing-blank-lines",
  "file-name-mismatch",
  "invalid-date",
]);

export function renderVerdict(page, entry, report) {
  const { lang } = page.state;
  const verdict = $("verdict");
  verdict.className = `verdict ${report.valid ? "verdict-ok" : "verdict-bad"}`;
  $("verdict-text").textContent = report.valid ? t(lang, "summary.valid") : t(lang, "summary.invalid");
  $("verdict-file").textContent = `${entry.file.name} · ${page.profileById.get(report.profile)?.title[lang] ?? report.profile}`;
  // Point at the converter when it repairs some of the findings (an Excel Shift_JIS file, a
  // header in another layout…): the file's own help says how to fix it by hand.
  const repairable = Object.keys(report.summary.byCode).filter((code) => REPAIRABLE.has(code));
  const fix = $("verdict-fix");
  fix.hidden = report.valid || !repairable.length || !report.detected.records;
  $("verdict-fix-button").textContent = t(lang, "summary.repairable");
}
