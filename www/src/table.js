// The diagnostics table: filters (severity, code, column), paging (the DOM holds one page, so
// hundreds of thousands of diagnostics stay fast), keyboard navigation (arrow keys move between
// rows and select, Page Up/Down change pages), and a selection that drives the file preview.
import { num, t } from "./i18n.js";

const NO_COLUMN = "\u0000";
/** The header of each cell, for the card layout of narrow screens. */
const LABELS = ["diag.th.row", "diag.th.column", "diag.th.code", "diag.th.value", "diag.th.message", "diag.th.help"];
/** Filter values of columns known only by their index (an empty header cell): never a label. */
const AT_INDEX = "\u0001";

/** A diagnostic's column for people: its label, else "#index" (an empty header cell), else "". */
export function columnName(d) {
  return d.column || (d.columnIndex ? `#${d.columnIndex}` : "");
}

/** The column filter's value of a diagnostic. */
function columnKey(d) {
  return d.column || (d.columnIndex ? `${AT_INDEX}${d.columnIndex}` : NO_COLUMN);
}

export class DiagnosticsTable {
  /** @param {(diag: object | null) => void} onSelect */
  constructor(onSelect) {
    this.onSelect = onSelect;
    this.el = {
      severity: byId("filter-severity"),
      code: byId("filter-code"),
      column: byId("filter-column"),
      pageSize: byId("page-size"),
      count: byId("diag-count"),
      first: byId("page-first"),
      prev: byId("page-prev"),
      next: byId("page-next"),
      last: byId("page-last"),
      pageInfo: byId("page-info"),
      table: byId("diagnostics"),
      caption: byId("diag-caption"),
      body: byId("diag-body"),
      empty: byId("diag-empty"),
    };
    this.report = null;
    this.lang = "en";
    this.view = new Int32Array(0);
    this.page = 0;
    this.selected = -1;
    for (const select of [this.el.severity, this.el.code, this.el.column]) {
      select.addEventListener("change", () => this.#filter());
    }
    this.el.pageSize.addEventListener("change", () => {
      this.page = 0;
      this.#render();
    });
    this.el.first.addEventListener("click", () => this.#goto(0));
    this.el.prev.addEventListener("click", () => this.#goto(this.page - 1));
    this.el.next.addEventListener("click", () => this.#goto(this.page + 1));
    this.el.last.addEventListener("click", () => this.#goto(Infinity));
    this.el.body.addEventListener("click", (event) => {
      const tr = event.target.closest("tr[data-index]");
      if (tr) this.#select(tr, false);
    });
    this.el.body.addEventListener("keydown", (event) => this.#key(event));
  }

  get pageSize() {
    return Number(this.el.pageSize.value) || 100;
  }

  /**
   * Shows `report` (keeps the filters that still apply). `keep`, a diagnostic of the report shown
   * before (the same file checked again, in another language), stays selected, on its page, when
   * the new report has it.
   */
  setReport(report, fileName, lang, keep = null) {
    this.report = report;
    this.fileName = fileName;
    this.lang = lang;
    this.selected = keep ? report.diagnostics.findIndex((d) => sameDiagnostic(d, keep)) : -1;
    this.page = 0;
    this.#options();
    this.#filter();
    const at = this.view.indexOf(this.selected);
    if (at < 0) this.selected = -1;
    else this.#goto(Math.floor(at / this.pageSize));
  }

  /** The selected diagnostic, or null. */
  get selectedDiagnostic() {
    return this.selected >= 0 ? this.report.diagnostics[this.selected] : null;
  }

  /** Re-renders the labels in `lang`. */
  setLang(lang) {
    this.lang = lang;
    if (!this.report) return;
    this.#options();
    this.#render();
  }

  /** Applies the filters programmatically (used by the summary's code list). */
  filterBy({ code, severity }) {
    if (code !== undefined) this.el.code.value = code;
    if (severity !== undefined) this.el.severity.value = severity;
    this.#filter();
  }

  #options() {
    const { report, lang } = this;
    const keep = (select) => select.value;
    const code = keep(this.el.code);
    const column = keep(this.el.column);
    const byCode = Object.entries(report.summary.byCode).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    this.el.code.replaceChildren(new Option(t(lang, "diag.code.all"), ""));
    for (const [name, count] of byCode) this.el.code.append(new Option(`${name} (${num(lang, count)})`, name));
    const columns = new Map();
    for (const d of report.diagnostics) {
      const key = columnKey(d);
      columns.set(key, (columns.get(key) ?? 0) + 1);
    }
    this.el.column.replaceChildren(new Option(t(lang, "diag.column.all"), ""));
    for (const [name, count] of [...columns].sort((a, b) => b[1] - a[1])) {
      const text =
        name === NO_COLUMN ? t(lang, "diag.column.none") : name.startsWith(AT_INDEX) ? t(lang, "diag.column.blank", { n: name.slice(1) }) : name;
      this.el.column.append(new Option(`${text} (${num(lang, count)})`, name));
    }
    this.el.code.value = byCode.some(([name]) => name === code) ? code : "";
    this.el.column.value = columns.has(column) ? column : "";
  }

  #filter() {
    const diagnostics = this.report?.diagnostics ?? [];
    const severity = this.el.severity.value;
    const code = this.el.code.value;
    const column = this.el.column.value;
    const view = new Int32Array(diagnostics.length);
    let n = 0;
    for (let i = 0; i < diagnostics.length; i++) {
      const d = diagnostics[i];
      if (severity && d.severity !== severity) continue;
      if (code && d.code !== code) continue;
      if (column && columnKey(d) !== column) continue;
      view[n++] = i;
    }
    this.view = view.subarray(0, n);
    this.page = 0;
    this.#render();
  }

  #goto(page) {
    const pages = Math.max(1, Math.ceil(this.view.length / this.pageSize));
    this.page = Math.min(Math.max(0, page), pages - 1);
    this.#render();
  }

  #render() {
    const { lang } = this;
    const diagnostics = this.report?.diagnostics ?? [];
    const total = this.view.length;
    const size = this.pageSize;
    const pages = Math.max(1, Math.ceil(total / size));
    this.page = Math.min(this.page, pages - 1);
    const from = this.page * size;
    const to = Math.min(total, from + size);
    this.el.caption.textContent = t(lang, "diag.caption", { name: this.fileName ?? "" });
    this.el.count.textContent = total
      ? t(lang, "diag.count", { from: num(lang, from + 1), to: num(lang, to), total: num(lang, total) })
      : "";
    this.el.pageInfo.textContent = t(lang, "diag.page", { page: num(lang, this.page + 1), pages: num(lang, pages) });
    this.el.first.disabled = this.el.prev.disabled = this.page === 0;
    this.el.next.disabled = this.el.last.disabled = this.page >= pages - 1;
    this.el.empty.hidden = total > 0;
    this.el.empty.textContent = diagnostics.length ? t(lang, "diag.countNone") : t(lang, "diag.noDiagnostics");
    this.el.table.hidden = total === 0;

    const fragment = document.createDocumentFragment();
    let focusable = null;
    for (let k = from; k < to; k++) {
      const index = this.view[k];
      const tr = this.#row(diagnostics[index], index);
      if (index === this.selected) {
        tr.classList.add("selected");
        tr.setAttribute("aria-current", "true");
        focusable = tr;
      }
      fragment.append(tr);
    }
    this.el.body.replaceChildren(fragment);
    (focusable ?? this.el.body.firstElementChild)?.setAttribute("tabindex", "0");
  }

  #row(d, index) {
    const { lang } = this;
    const tr = document.createElement("tr");
    tr.dataset.index = String(index);
    tr.dataset.row = d.row == null ? "" : String(d.row);
    tr.dataset.column = d.column ?? "";
    tr.dataset.code = d.code;
    tr.dataset.severity = d.severity;
    tr.tabIndex = -1;
    tr.className = `sev-${d.severity}`;

    const row = cell("td", d.row == null ? t(lang, "diag.file") : num(lang, d.row), "num");
    const column = cell("td", columnName(d) || "—", "col");
    if (d.column && d.columnIndex) {
      const index = document.createElement("span");
      index.className = "muted";
      index.textContent = ` #${d.columnIndex}`;
      column.append(index);
    }
    const code = document.createElement("td");
    code.className = "code";
    const badge = cell("span", t(lang, `severity.${d.severity}`), `badge badge-${d.severity}`);
    const name = cell("code", d.code);
    code.append(badge, " ", name);
    const value = document.createElement("td");
    value.className = "value";
    if (d.value != null && d.value !== "") value.append(cell("code", d.value));
    const message = cell("td", d.message, "message");
    if (d.systemCode) message.append(" ", cell("span", d.systemCode, "muted small"));
    tr.append(row, column, code, value, message, cell("td", d.help ?? "", "help"));
    // The narrow layout shows each row as a card: every cell carries its column's name.
    LABELS.forEach((key, i) => (tr.children[i].dataset.label = t(lang, key)));
    return tr;
  }

  #select(tr, focus = true) {
    for (const other of this.el.body.querySelectorAll("tr.selected")) {
      other.classList.remove("selected");
      other.removeAttribute("aria-current");
    }
    for (const other of this.el.body.querySelectorAll('tr[tabindex="0"]')) other.tabIndex = -1;
    tr.classList.add("selected");
    // A plain table has no selection in ARIA (aria-selected needs a grid role): the row is "current".
    tr.setAttribute("aria-current", "true");
    tr.tabIndex = 0;
    if (focus) tr.focus();
    this.selected = Number(tr.dataset.index);
    this.onSelect(this.report.diagnostics[this.selected]);
  }

  #key(event) {
    const tr = event.target.closest("tr[data-index]");
    if (!tr) return;
    let next = null;
    switch (event.key) {
      case "ArrowDown":
        next = tr.nextElementSibling;
        break;
      case "ArrowUp":
        next = tr.previousElementSibling;
        break;
      case "Home":
        next = this.el.body.firstElementChild;
        break;
      case "End":
        next = this.el.body.lastElementChild;
        break;
      case "Enter":
      case " ":
        next = tr;
        break;
      case "PageDown":
      case "PageUp": {
        event.preventDefault();
        this.#goto(this.page + (event.key === "PageDown" ? 1 : -1));
        this.el.body.firstElementChild?.focus();
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    if (next) this.#select(next);
  }
}

/** The same finding in two reports of one file (their messages may be in different languages). */
function sameDiagnostic(a, b) {
  return a.code === b.code && a.severity === b.severity && a.row === b.row && a.columnIndex === b.columnIndex && a.byte === b.byte;
}

function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el;
}

function cell(tag, text, className) {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}
