// The way to the fixed file: "Fixed file…" (and the verdict's repair button) open the conversion
// panel (convert.js) for the selected file; conversions are jobs in the queue, like checks.
import { ConvertPanel, convertRequest } from "./convert.js";
import { $, announce } from "./dom.js";
import { download } from "./downloads.js";
import { failureText, t } from "./i18n.js";

/** `{ start(entry, mapping), finish(entry, request, result), freshen(entry), render() }` */
export function createFixedFile(page) {
  const { state } = page;
  const panel = new ConvertPanel({
    run: (entry, mapping) => start(entry, mapping),
    download: (name, blob) => download(name, blob),
    titleOf: (id) => page.titleOf(id),
  });

  $("verdict-fix-button").addEventListener("click", () => $("download-fixed").click());
  $("download-fixed").addEventListener("click", () => {
    const entry = page.selectedEntry();
    if (!entry?.report) return;
    entry.showConversion = true;
    start(entry, null);
    $("convert-panel").scrollIntoView({ block: "nearest" });
    $("convert-heading").focus?.();
  });

  function start(entry, mapping) {
    if (page.settings.focusInvalid(entry)) return;
    const request = convertRequest(entry, {
      lang: state.lang,
      params: page.settings.paramsFor(entry),
      mapping,
      ...panel.settings(),
    });
    state.queue = state.queue.filter((job) => !(job.kind === "convert" && job.entry === entry));
    page.queue.enqueue("convert", entry, request);
    render();
  }

  function finish(entry, request, result) {
    const { lang } = state;
    const name = entry.file.name;
    if (result.type === "success") {
      entry.conversion = { target: request.to, lang: request.options.lang, mapping: result.result.mapping, result: result.result, bytes: result.bytes };
      announce(t(lang, `convert.status.${result.result.status}`, { name: result.result.fileName }));
    } else if (result.type === "failure") {
      entry.conversion = { target: request.to, lang: request.options.lang, error: result.error };
      announce(t(lang, "error.convert", { name, message: failureText(lang, entry.conversion.error) }));
    }
    if (entry === page.selectedEntry()) render();
  }

  /** Whether a conversion of `entry` is running or waiting. */
  function converting(entry) {
    return Boolean(entry && (state.busy?.entry === entry && state.busy.kind === "convert" || state.queue.some((job) => job.entry === entry && job.kind === "convert")));
  }

  /** Converts the shown file again when its messages are in another language than the page's. */
  function freshen(entry) {
    const c = entry?.conversion;
    // A conversion for another target is not shown (its mapping would not fit the selected one).
    if (!entry?.showConversion || !c || c.target !== entry.profileId || c.lang === state.lang || converting(entry)) return;
    start(entry, c.mapping ?? null);
  }

  function render() {
    const entry = page.selectedEntry();
    const busy = converting(entry);
    $("download-fixed").disabled = !entry?.report;
    // A file without a record (empty, or not text: an image, a workbook…) has nothing to convert.
    $("fixed-file").hidden = Boolean(entry?.report && !entry.report.detected.records);
    panel.render(entry, page.profileById.get(entry?.profileId), state.lang, busy);
    const c = entry?.conversion;
    const error = $("results-error");
    if (c?.error && c.target === entry.profileId) {
      error.hidden = false;
      error.textContent = t(state.lang, "error.convert", { name: entry.file.name, message: failureText(state.lang, c.error) });
    }
  }

  return { start, finish, freshen, render };
}
