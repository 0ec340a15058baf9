// The summary under the verdict: the counts, what was detected (encoding, BOM, delimiter, line
// ending, size), the codes found (each a filter of the table), and the notes on a bundle's check and
// on a capped list of diagnostics.
import { $, el } from "./dom.js";
import { BOMS, ENCODINGS, bytes, num, t } from "./i18n.js";

export function renderSummary(page, entry, report) {
  const { lang } = page.state;
  const s = report.summary;
  const counts = $("counts");
  counts.replaceChildren();
  for (const [key, value, tone] of [
    ["summary.errors", s.errors, s.errors ? "error" : ""],
    ["summary.warnings", s.warnings, s.warnings ? "warning" : ""],
    ["summary.infos", s.infos, ""],
    ["summary.rows", s.rows, ""],
    ["summary.rowsWithErrors", s.rowsWithErrors, s.rowsWithErrors ? "error" : ""],
  ]) {
    const item = document.createElement("div");
    item.className = `stat ${tone ? `stat-${tone}` : ""}`;
    item.dataset.stat = key.split(".")[1];
    item.append(el("dt", t(lang, key)), el("dd", num(lang, value)));
    counts.append(item);
  }
  const d = report.detected;
  const none = t(lang, "summary.none");
  const ending = d.lineEnding ? d.lineEnding.toUpperCase() : none;
  const detected = $("detected");
  detected.replaceChildren();
  for (const [key, value, attr] of [
    ["summary.encoding", d.encoding ? ENCODINGS[d.encoding] ?? d.encoding : none, "encoding"],
    ["summary.bom", d.bom ? BOMS[d.bom] ?? d.bom : none, "bom"],
    ["summary.delimiter", d.delimiter && d.bytes ? t(lang, `delimiter.${d.delimiter}`) : none, "delimiter"],
    ["summary.lineEnding", d.mixedLineEndings ? t(lang, "summary.mixed", { ending }) : ending, "line-ending"],
    ["summary.size", `${bytes(lang, d.bytes)} · ${t(lang, "summary.records", { n: num(lang, d.records) })}`, "size"],
  ]) {
    const row = document.createElement("div");
    row.dataset.detected = attr;
    row.append(el("dt", t(lang, key)), el("dd", value));
    detected.append(row);
  }
  // Nor a row to annotate: its result CSV would be a BOM alone.
  $("result-csv").hidden = !d.records;
  const byCode = $("by-code");
  byCode.replaceChildren();
  const codes = Object.entries(s.byCode).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [code, count] of codes) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "code-chip";
    button.dataset.code = code;
    button.append(el("code", code), el("span", num(lang, count), "count"));
    button.addEventListener("click", () => {
      page.table.filterBy({ code, severity: "" });
      $("diag-heading").scrollIntoView({ block: "start" });
      $("filter-code").focus();
    });
    li.append(button);
    byCode.append(li);
  }
  if (!codes.length) byCode.append(el("li", t(lang, "diag.noDiagnostics"), "muted"));
  const bundled = entry.bundled;
  $("bundle-note").hidden = !bundled;
  $("bundle-note").textContent = bundled
    ? t(lang, "bundle.note", { title: bundled.title[lang] ?? bundled.title.en, names: bundled.names.join(", ") })
    : "";
  const capped = $("capped-note");
  capped.hidden = !report.diagnosticsCapped;
  capped.textContent = t(lang, "summary.capped", { n: num(lang, report.diagnostics.length) });
}
