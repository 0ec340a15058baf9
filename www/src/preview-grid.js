// "In the file": the rows around the selected diagnostic as a grid (read again from the File by
// preview.js), the header as its head, the diagnostic's cell marked and scrolled into view.
import { $, el } from "./dom.js";
import { num, t } from "./i18n.js";
import { readAround } from "./preview.js";
import { columnName } from "./table.js";

/** `{ clear(), show(diagnostic) }` */
export function createPreview(page) {
  const { state } = page;

  function clear() {
    state.previewToken += 1;
    $("preview-grid").replaceChildren();
    $("preview-grid").hidden = true;
    $("preview-where").textContent = t(state.lang, "preview.hint");
    $("preview-note").hidden = true;
  }

  async function show(diag) {
    const entry = page.selectedEntry();
    if (!entry?.report || !diag) return clear();
    // A later selection wins over a slower read of an earlier one.
    const token = ++state.previewToken;
    const { lang } = state;
    let result = null;
    try {
      result = await readAround(entry.file, entry.report.detected, diag);
    } catch {
      result = null;
    }
    if (token !== state.previewToken) return;
    const where = $("preview-where");
    const grid = $("preview-grid");
    const note = $("preview-note");
    if (!result || !result.rows.length) {
      grid.hidden = true;
      where.textContent = t(lang, "preview.unreadable");
      note.hidden = true;
      return;
    }
    where.textContent = diag.row
      ? columnName(diag)
        ? t(lang, "preview.whereColumn", { row: num(lang, diag.row), line: num(lang, diag.line ?? diag.row), column: columnName(diag) })
        : t(lang, "preview.where", { row: num(lang, diag.row), line: num(lang, diag.line ?? diag.row) })
      : t(lang, "preview.file");
    note.hidden = result.exact;
    note.textContent = t(lang, "preview.approx");
    // The engine reads the line after the profile's preamble lines as the header.
    const headerRow = (page.profileById.get(entry.report.profile)?.file?.preamble?.length ?? 0) + 1;
    grid.replaceChildren(previewTable(lang, result, entry.report.detected.header ?? [], headerRow));
    grid.hidden = false;
    const bad = grid.querySelector(".bad");
    if (bad && bad.offsetLeft + bad.offsetWidth > grid.clientWidth) {
      grid.scrollLeft = Math.max(0, bad.offsetLeft - grid.clientWidth / 3);
    }
    reveal();
  }

  return { clear, show };
}

/** Scrolls the page just enough to show the preview, keeping the selected row in view. */
function reveal() {
  const grid = $("preview-grid").getBoundingClientRect();
  const row = document.querySelector("#diag-body tr.selected")?.getBoundingClientRect();
  const overflow = grid.bottom + 16 - window.innerHeight;
  if (overflow <= 0 || !row) return;
  const room = row.top - 96;
  const by = Math.min(overflow, room);
  if (by > 0) window.scrollBy({ top: by });
}

function previewTable(lang, result, header, headerRow) {
  const width = Math.max(header.length, ...result.rows.map((r) => r.cells.length));
  const tableEl = document.createElement("table");
  tableEl.className = "grid";
  const thead = document.createElement("thead");
  const headRow = document.createElement("tr");
  headRow.append(el("th", "", "corner"));
  for (let c = 0; c < width; c++) {
    const th = el("th", "");
    th.scope = "col";
    th.append(el("span", String(c + 1), "colnum"), " ", header[c] ?? "");
    if (result.column === c) th.classList.add("bad-col");
    headRow.append(th);
  }
  thead.append(headRow);
  const tbody = document.createElement("tbody");
  for (const row of result.rows) {
    // The header row is the grid's head: not shown again, unless the diagnostic is on it.
    if (row.row === headerRow && !row.target) continue;
    const tr = document.createElement("tr");
    tr.dataset.previewRow = String(row.row);
    if (row.target) tr.className = "target";
    const th = el("th", num(lang, row.row), "rownum");
    th.scope = "row";
    tr.append(th);
    for (let c = 0; c < width; c++) {
      const td = el("td", row.cells[c] ?? "");
      if (c >= row.cells.length) td.classList.add("absent");
      if (row.target && result.column === c) {
        td.classList.add("bad");
        td.setAttribute("aria-current", "true");
      }
      tr.append(td);
    }
    tbody.append(tr);
  }
  tableEl.append(thead, tbody);
  return tableEl;
}
