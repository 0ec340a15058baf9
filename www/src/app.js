// The demo page: files in, profile suggested, checked in a worker with progress and Cancel, results
// as a summary, a filtered and paged diagnostics table, a preview of the file around the selected
// diagnostic, and downloads. Everything runs in this page; nothing is sent anywhere.
//
// `start(env)` is called by the entry point of each build: main.js (the served site: the engine and
// the worker are files next to the page) and inline.js (the single HTML file: both are inlined).
// It loads the engine and puts the page together from its parts, which share one `page` object
// (the state, the engine's profiles, and each part's functions under its name):
//
//   page.files       file-list.js    the list of files, the selected one
//   page.settings    settings.js     format, tenant settings, stale note, Check
//   page.baseline    baseline.js     the system's current export
//   page.queue       queue.js        checks, result CSVs and conversions, one after another
//   page.progress    progress.js     the progress card and Cancel
//   page.results     results.js      the results card (verdict.js, summary.js, plan.js)
//   page.fixedFile   fixed-file.js   the conversion panel (convert.js)
//   page.table       table.js        the diagnostics table, filters and pager
//   page.preview     preview-grid.js the rows around the selected diagnostic
import * as api from "csv-preflight/web";
import { createBaseline } from "./baseline.js";
import { $ } from "./dom.js";
import { wireDownloads } from "./downloads.js";
import { createFileList } from "./file-list.js";
import { createFixedFile } from "./fixed-file.js";
import { browserLang, t } from "./i18n.js";
import { applyLang, createLanguage, storedLang } from "./language.js";
import { createPreview } from "./preview-grid.js";
import { createProgress } from "./progress.js";
import { createQueue } from "./queue.js";
import { createResults } from "./results.js";
import { Runner } from "./runner.js";
import { createSettings } from "./settings.js";
import { DiagnosticsTable } from "./table.js";

/**
 * @param {object} env
 * @param {() => Promise<WebAssembly.Module>} env.loadModule
 * @param {() => Worker} env.createWorker
 * @param {string} env.build "site" or "single-file"
 */
export async function start(env) {
  const state = {
    lang: storedLang() ?? browserLang(),
    files: [],
    selected: null,
    params: {},
    /** The system's current export (a File) by profile id, for the profiles that have a key. */
    baselines: {},
    queue: [],
    busy: null,
    nextId: 1,
    previewToken: 0,
    /** The entry whose report the diagnostics table shows. */
    tableEntry: null,
  };
  document.documentElement.dataset.build = env.build;
  applyLang(state.lang);

  let module;
  try {
    module = await env.loadModule();
    api.initSync({ module });
  } catch (error) {
    const alert = $("load-error");
    alert.textContent = t(state.lang, "error.load", { message: String(error?.message ?? error) });
    alert.hidden = false;
    return;
  }
  const profiles = api.profiles().map((info) => ({ ...api.profile(info.id).profile, info }));
  const profileById = new Map(profiles.map((p) => [p.id, p]));
  const page = {
    state,
    api,
    profiles,
    profileById,
    /** Profile id → the bundle it is a role of (CELF's users, groups, affiliations), and the role. */
    roleOf: new Map(api.bundles().flatMap((bundle) => bundle.roles.map((r) => [r.profile, { bundle, role: r.role }]))),
    runner: new Runner({ module, api, createWorker: env.createWorker }),
    table: new DiagnosticsTable((diag) => page.preview.show(diag)),
    selectedEntry: () => state.files.find((f) => f.id === state.selected) ?? null,
    /** A profile's title in the page's language (its id when it has none). */
    titleOf(id) {
      const p = profileById.get(id);
      return p?.title[state.lang] ?? p?.title.en ?? id;
    },
  };
  page.runner.warmUp();
  page.fixedFile = createFixedFile(page);
  page.language = createLanguage(page);
  page.files = createFileList(page);
  page.settings = createSettings(page);
  page.baseline = createBaseline(page);
  page.queue = createQueue(page);
  page.progress = createProgress(page);
  page.results = createResults(page);
  page.preview = createPreview(page);
  wireDownloads(page);

  page.settings.renderProfiles();
  page.files.render();
  page.settings.render();
  page.results.render();
  page.preview.clear();
  document.documentElement.dataset.ready = "true";
}
