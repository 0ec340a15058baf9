// The report's downloads: the JSON report (written here) and the result CSV (made by the engine, a
// "resultCsv" job in the queue), and how the page saves a Blob as a file.
import { $, announce } from "./dom.js";
import { failureText, t } from "./i18n.js";

/** Wires the Result CSV and JSON report buttons to the selected file. */
export function wireDownloads(page) {
  $("download-csv").addEventListener("click", () => {
    const entry = page.selectedEntry();
    if (entry?.report) page.queue.enqueue("resultCsv", entry);
  });
  $("download-json").addEventListener("click", () => {
    const entry = page.selectedEntry();
    if (!entry?.report) return;
    const text = `${JSON.stringify(entry.report, null, 2)}\n`;
    download(`${stem(entry.file.name)}_report.json`, new Blob([text], { type: "application/json" }));
  });
}

/** Saves what a finished "resultCsv" job made, or says why it made nothing. */
export function saveResultCsv(lang, entry, result) {
  if (result.type !== "success") {
    if (result.type === "failure") announce(t(lang, "error.check", { name: entry.file.name, message: failureText(lang, result.error) }));
    return;
  }
  // The result keeps the input's delimiter: a tab-separated one named .csv would open in Excel
  // with every row in column A (Excel splits .csv files on commas).
  const tab = entry.report?.detected?.delimiter === "tab";
  const name = `${stem(entry.file.name)}_result.${tab ? "tsv" : "csv"}`;
  download(name, new Blob([result.bytes], { type: tab ? "text/tab-separated-values" : "text/csv" }));
}

export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function stem(name) {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}
