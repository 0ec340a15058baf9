// The fixed file: the selected file converted to the selected target profile by the engine's
// `convert` (run through the runner, in the worker), with its outcome, the mapping step (shown when
// the source is not already the target's format), the characters the target encoding cannot hold,
// the change log (paged) and the downloads (the converted bytes; the mapping as JSON when one was
// involved).
import { ENCODINGS, count, num, t } from "./i18n.js";

/** Most changes kept by the engine for the log (the counts stay exact). */
export const MAX_CHANGES = 5000;
const PAGE = 50;
/** Most findings listed per table (the DOM stays small; the counts say how many there are). */
const MAX_LISTED = 200;

const $ = (id) => document.getElementById(id);

/** Today's local date as YYYY-MM-DD. */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The options of `convert` for an entry (the job's `options`: `{ to, options }`). */
export function convertRequest(entry, { lang, params, mapping, force, date }) {
  const options = {
    from: "auto",
    lang,
    params,
    force,
    date: date || null,
    sourceFileName: entry.file.name,
    maxChanges: MAX_CHANGES,
  };
  if (mapping) options.mapping = mapping;
  return { to: entry.profileId, options };
}

/** A mapping entry in words ("← 氏名", "join: A + B", "constant: ja"). */
function describe(lang, column) {
  if (!column) return t(lang, "mapping.none");
  if (column.from !== undefined && column.from !== null) return `← ${column.from}`;
  if (column.join) return t(lang, "mapping.join", { columns: column.join.join(" + ") });
  if (column.split) return t(lang, "mapping.split", { column: column.split.from, part: t(lang, `mapping.part.${column.split.part}`) });
  if (column.constant !== undefined && column.constant !== null) return t(lang, "mapping.constant", { value: column.constant });
  return t(lang, "mapping.none");
}

export class ConvertPanel {
  /**
   * @param {object} hooks
   * @param {(entry, mapping) => void} hooks.run converts the entry again (with a mapping, or suggested)
   * @param {(name, blob) => void} hooks.download
   * @param {(id) => string} hooks.titleOf a profile's title in the page's language
   */
  constructor(hooks) {
    this.hooks = hooks;
    this.titleOf = hooks.titleOf;
    this.entry = null;
    this.page = 0;
    this.lang = "en";
    this.targetColumns = [];
    $("convert-date").value = today();
    $("convert-run").addEventListener("click", () => this.entry && this.hooks.run(this.entry, this.entry.conversion?.mapping ?? null));
    $("mapping-apply").addEventListener("click", () => this.entry && this.hooks.run(this.entry, this.editedMapping()));
    // The date is part of the file's name: a shown file converts again rather than keep the old name.
    $("convert-date").addEventListener("change", () => {
      if (this.entry && this.result) this.hooks.run(this.entry, this.entry.conversion.mapping ?? null);
    });
    $("convert-download").addEventListener("click", () => {
      const c = this.entry?.conversion;
      if (!c?.bytes?.length) return;
      this.hooks.download(c.result.fileName, new Blob([c.bytes], { type: "text/csv" }));
    });
    $("mapping-download").addEventListener("click", () => {
      const c = this.entry?.conversion;
      if (!c) return;
      const text = `${JSON.stringify(this.editedMapping(), null, 2)}\n`;
      const stem = c.result.fileName.replace(/\.[^.]*$/, "");
      this.hooks.download(`${stem}_mapping.json`, new Blob([text], { type: "application/json" }));
    });
    $("changes-prev").addEventListener("click", () => this.turn(-1));
    $("changes-next").addEventListener("click", () => this.turn(1));
  }

  /** The settings of the panel: force and date. */
  settings() {
    return { force: $("convert-force").checked, date: $("convert-date").value };
  }

  turn(by) {
    this.page += by;
    this.renderChanges();
  }

  /**
   * Shows the entry's conversion. `profile` is the target profile (its columns make the mapping
   * rows); `busy` says a conversion of this entry is running.
   */
  render(entry, profile, lang, busy) {
    this.lang = lang;
    const panel = $("convert-panel");
    const c = entry?.conversion && entry.conversion.target === entry.profileId ? entry.conversion : null;
    if (this.entry !== entry || this.result !== c?.result) this.page = 0;
    if (c?.result && this.result !== c.result) panel.dataset.results = String((this.count = (this.count ?? 0) + 1));
    this.entry = entry;
    this.result = c?.result ?? null;
    panel.hidden = !entry?.showConversion;
    if (panel.hidden) return;
    this.targetColumns = (profile?.columns ?? []).map((col) => col.name);
    $("convert-heading").textContent = t(lang, "convert.heading", { title: profile?.title?.[lang] ?? entry.profileId });
    panel.dataset.state = busy ? "converting" : c ? (c.error ? "failed" : c.result.status) : "";
    $("convert-run").disabled = Boolean(busy);
    $("mapping-apply").disabled = Boolean(busy);
    $("convert-body").hidden = !c;
    const outcome = $("convert-outcome");
    if (busy) outcome.textContent = t(lang, "convert.running");
    if (!c) {
      if (!busy) outcome.textContent = "";
      return;
    }
    if (c.error) {
      $("convert-body").hidden = true;
      $("convert-refusal").hidden = true;
      panel.dataset.state = "failed";
      return;
    }
    const r = c.result;
    outcome.className = `convert-outcome convert-${r.status}`;
    outcome.textContent = t(lang, `convert.status.${r.status}`, { name: r.fileName });
    const refusal = $("convert-refusal");
    refusal.hidden = !r.refusal;
    refusal.textContent = r.refusal ? refusalText(lang, r) : "";
    const s = r.summary;
    const source = r.source.profile === "header" ? t(lang, "convert.source.header") : this.titleOf(r.source.profile);
    $("convert-format").textContent = t(lang, "convert.format", {
      source: t(lang, "convert.source", { name: source, format: formatText(lang, r.source) }),
      output: formatText(lang, r.output),
      rows: count(lang, "convert.rows", s.rows),
      errors: count(lang, "convert.errors", s.errors + (r.report?.summary?.errors ?? 0)),
      warnings: count(lang, "convert.warnings", s.warnings + (r.report?.summary?.warnings ?? 0)),
    });
    const download = $("convert-download");
    download.textContent = t(lang, "convert.download", { name: r.fileName });
    download.disabled = !c.bytes?.length;
    download.hidden = !c.bytes?.length;
    this.renderMapping(entry, r);
    this.renderFindings(r, profile);
    this.renderChanges();
  }

  /** The mapping step: one row per target column, its source chosen with a select. */
  renderMapping(entry, r) {
    const lang = this.lang;
    const step = $("mapping-step");
    // A file already in the target's layout needs no mapping, unless some of its columns were
    // matched by name or meaning (columns the target does not know by their labels).
    const identity = r.mapping.columns.every((c) => !c.suggestedBy || c.suggestedBy === "identity");
    step.hidden = r.source.profile === r.mapping.to && identity && !entry.editedMapping;
    // The mapping JSON is for reuse (`--map`, the next file): a file that needed no mapping has none
    // worth saving.
    $("mapping-download").hidden = step.hidden;
    const body = $("mapping-body");
    body.replaceChildren();
    const labels = [...new Set([...(entry.report?.detected?.header ?? []), ...r.mapping.columns.flatMap((c) => [c.from, ...(c.join ?? []), c.split?.from])])].filter(
      (label) => typeof label === "string" && label !== "",
    );
    const byTarget = new Map(r.mapping.columns.map((c) => [c.target, c]));
    const targets = [...new Set([...this.targetColumns, ...r.mapping.columns.map((c) => c.target)])];
    targets.forEach((target, index) => {
      const current = byTarget.get(target) ?? null;
      const tr = document.createElement("tr");
      tr.dataset.target = target;
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = target;
      th.id = `map-target-${index}`;
      const select = document.createElement("select");
      select.className = "mapping-select";
      select.setAttribute("aria-labelledby", th.id);
      select.append(new Option(t(lang, "mapping.none"), ""));
      const complex = current && (current.join || current.split);
      if (complex) select.append(new Option(describe(lang, current), "keep"));
      for (const label of labels) select.append(new Option(`← ${label}`, `from:${label}`));
      select.append(new Option(t(lang, "mapping.constantOption"), "constant"));
      const constant = document.createElement("input");
      constant.type = "text";
      constant.className = "mapping-constant";
      constant.setAttribute("aria-label", t(lang, "mapping.constantLabel", { target }));
      if (!current) select.value = "";
      else if (complex) select.value = "keep";
      else if (current.from !== undefined && current.from !== null) select.value = `from:${current.from}`;
      else if (current.constant !== undefined && current.constant !== null) {
        select.value = "constant";
        constant.value = current.constant;
      }
      constant.hidden = select.value !== "constant";
      select.addEventListener("change", () => {
        constant.hidden = select.value !== "constant";
        if (!constant.hidden) constant.focus();
      });
      const cell = document.createElement("td");
      cell.className = "mapping-cell";
      cell.append(select, constant);
      const how = document.createElement("td");
      how.className = "muted small mapping-how";
      how.textContent = current?.suggestedBy ? t(lang, `mapping.by.${current.suggestedBy}`) : "";
      tr.append(th, cell, how);
      tr._original = current;
      body.append(tr);
    });
  }

  /** The mapping as edited in the selects. */
  editedMapping() {
    const r = this.entry?.conversion?.result;
    if (!r) return null;
    const columns = [];
    for (const tr of $("mapping-body").querySelectorAll("tr")) {
      const target = tr.dataset.target;
      const value = tr.querySelector("select").value;
      const original = tr._original;
      if (!value) {
        // "(left empty)" is an entry without a source: the engine writes the column, empty. Left
        // out of the mapping, the column would be left out of the file.
        if (original) columns.push(original.from == null && !original.join && !original.split && original.constant == null ? original : { target });
        continue;
      }
      if (value === "keep") columns.push(original);
      else if (value === "constant") {
        const text = tr.querySelector("input").value;
        columns.push(original && original.constant === text ? original : { target, constant: text });
      } else {
        const from = value.slice(5);
        columns.push(original && original.from === from ? original : { target, from });
      }
    }
    if (this.entry) this.entry.editedMapping = true;
    return { formatVersion: 1, from: r.mapping.from, to: r.mapping.to, columns };
  }

  /**
   * Everything the conversion found (Excel damage, dropped columns, characters the target encoding
   * cannot hold, …) and what the re-check of the converted file found, each with its place, the
   * message and the hint.
   */
  renderFindings(r, profile) {
    const lang = this.lang;
    const recheck = (r.report?.diagnostics ?? []).filter((d) => d.severity !== "info");
    $("recheck-heading").textContent = t(lang, "convert.recheck", { title: profile?.title?.[lang] ?? r.output.profile });
    fillFindings("convert-diags", r.diagnostics, r.summary.errors + r.summary.warnings + r.summary.infos, lang, (d) => [
      d.column ?? d.sourceColumn ?? "",
      [d.charIndex ? t(lang, "convert.char", { n: d.charIndex }) : "", d.byte != null ? t(lang, "convert.byte", { n: num(lang, d.byte) }) : ""]
        .filter(Boolean)
        .join(", "),
    ]);
    const s = r.report?.summary;
    fillFindings("recheck-diags", recheck, s ? s.errors + s.warnings : recheck.length, lang, (d) => [d.column || (d.columnIndex ? `#${d.columnIndex}` : ""), ""]);
  }

  renderChanges() {
    const r = this.result;
    const body = $("changes-body");
    body.replaceChildren();
    if (!r) return;
    const lang = this.lang;
    const pages = Math.max(1, Math.ceil(r.changes.length / PAGE));
    this.page = Math.min(Math.max(0, this.page), pages - 1);
    const shown = r.changes.slice(this.page * PAGE, (this.page + 1) * PAGE);
    for (const change of shown) {
      const tr = document.createElement("tr");
      tr.dataset.reason = change.reason;
      const texts = [change.row ?? "", change.column ?? change.sourceColumn ?? "", change.before, change.after];
      ["row", "column", "before", "after"].forEach((key, i) => tr.append(cell(String(texts[i]), t(lang, `convert.${key}`))));
      const reason = cell(change.message, t(lang, "convert.reason"));
      reason.title = change.reason;
      tr.append(reason);
      body.append(tr);
    }
    $("changes-count").textContent = r.summary.changes
      ? r.changesCapped
        ? t(lang, "convert.changesCapped", { n: num(lang, r.summary.changes), kept: num(lang, r.changes.length) })
        : count(lang, "convert.changesCount", r.summary.changes)
      : t(lang, "convert.noChanges");
    $("changes-page").textContent = t(lang, "convert.page", { page: num(lang, this.page + 1), pages: num(lang, pages) });
    $("changes-prev").disabled = this.page === 0;
    $("changes-next").disabled = this.page >= pages - 1;
  }
}

function cell(text, label) {
  const td = document.createElement("td");
  td.textContent = text;
  // The narrow layout shows each row as a card: every cell carries its column's name.
  if (label) td.dataset.label = label;
  return td;
}

/**
 * Lists `diagnostics` (at most MAX_LISTED of `total`) in the table body `#id` and shows its box.
 * `place(d)` gives the column and the position within the value.
 */
function fillFindings(id, diagnostics, total, lang, place) {
  $(`${id}-box`).hidden = !diagnostics.length;
  const body = $(id);
  body.replaceChildren();
  const label = (key) => t(lang, `convert.${key}`);
  for (const d of diagnostics.slice(0, MAX_LISTED)) {
    const [column, position] = place(d);
    const tr = document.createElement("tr");
    tr.dataset.code = d.code;
    tr.dataset.severity = d.severity;
    tr.dataset.row = d.row == null ? "" : String(d.row);
    tr.className = `sev-${d.severity}`;
    const code = cell("", label("code"));
    const badge = document.createElement("span");
    badge.className = `badge badge-${d.severity}`;
    badge.textContent = t(lang, `severity.${d.severity}`);
    const name = document.createElement("code");
    name.textContent = d.code;
    code.append(badge, " ", name);
    const value = cell(d.value ?? "", label("value"));
    if (position) {
      const at = document.createElement("span");
      at.className = "muted small";
      at.textContent = ` (${position})`;
      value.append(at);
    }
    tr.append(
      cell(d.row == null ? t(lang, "diag.file") : num(lang, d.row), label("row")),
      cell(column, label("column")),
      code,
      value,
      cell(d.message, label("message")),
      cell(d.help ?? "", label("help")),
    );
    tr.lastElementChild.classList.add("help");
    tr.children[4].classList.add("message");
    body.append(tr);
  }
  const more = $(`${id}-more`);
  more.hidden = total <= MAX_LISTED && diagnostics.length <= MAX_LISTED;
  more.textContent = t(lang, "convert.more", { shown: num(lang, Math.min(MAX_LISTED, diagnostics.length)), n: num(lang, total) });
}

/** An encoding, its BOM, delimiter and line ending in words ("Shift_JIS (CP932) · comma · CRLF"). */
function formatText(lang, f) {
  const parts = [
    f.encoding ? ENCODINGS[f.encoding] ?? f.encoding : "ASCII",
    f.bom ? "BOM" : "",
    f.delimiter ? t(lang, `delimiter.${f.delimiter}`) : "",
    f.lineEnding ? f.lineEnding.toUpperCase() : "",
  ];
  return parts.filter(Boolean).join(lang === "ja" ? "・" : " · ");
}

/**
 * Why the file was refused (or written only because forced): the errors by code. The lists of
 * diagnostics may be capped, so the counts come from the summaries' `byCode`, which count every
 * severity: a code's errors are its count less its notes and warnings listed. (Row-level codes have
 * one severity; a code that is an error in one place and a warning in another, such as a missing
 * label, is a file-level one, and those are always listed. The engine's own sentence counts a
 * code's warnings too.)
 */
export function refusalText(lang, r) {
  const byCode = new Map();
  for (const [diagnostics, counts] of [[r.diagnostics, r.summary.byCode], [r.report?.diagnostics ?? [], r.report?.summary?.byCode]]) {
    const errors = new Map();
    const others = new Map();
    for (const d of diagnostics) {
      const tally = d.severity === "error" ? errors : others;
      tally.set(d.code, (tally.get(d.code) ?? 0) + 1);
    }
    for (const [code, listed] of errors) {
      byCode.set(code, (byCode.get(code) ?? 0) + (counts?.[code] ?? listed) - (others.get(code) ?? 0));
    }
  }
  const total = r.summary.errors + (r.report?.summary?.errors ?? 0);
  const list = [...byCode].map(([code, n]) => `${code} ×${num(lang, n)}`);
  // A code none of whose errors is listed is missing from the breakdown: it then says it is partial.
  if ([...byCode.values()].reduce((a, b) => a + b, 0) < total) list.push("…");
  const vars = { errors: count(lang, "convert.errors", total), list: list.join(lang === "ja" ? "、" : ", ") };
  return t(lang, r.status === "forced" ? "convert.refusal.forced" : "convert.refusal.refused", vars);
}
