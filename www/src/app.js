// The demo page: files in, profile suggested, checked in a worker with progress and Cancel, results
// as a summary, a filtered and paged diagnostics table, a preview of the file around the selected
// diagnostic, and downloads. Everything runs in this page; nothing is sent anywhere.
//
// `start(env)` is called by the entry point of each build: main.js (the served site: the engine and
// the worker are files next to the page) and inline.js (the single HTML file: both are inlined).
import * as api from "csv-preflight/web";
import { ConvertPanel, convertRequest } from "./convert.js";
import { BOMS, ENCODINGS, LANGS, browserLang, bytes, failureText, num, quote, t, translate } from "./i18n.js";
import { invalidParam, paramValues, renderParams } from "./params.js";
import { readAround } from "./preview.js";
import { Runner } from "./runner.js";
import { suggestProfile } from "./suggest.js";
import { DiagnosticsTable, columnName } from "./table.js";

/** The plan's lists whose keys are named (who is added, changed, deleted), and how many of each. */
const PLAN_KEYS = ["add", "update", "delete", "rejected"];
/** Codes whose cause the converter (the fixed file) repairs or maps away. */
const REPAIRABLE = new Set([
  "encoding-not-accepted",
  "bom-required",
  "bom-forbidden",
  "line-ending-not-accepted",
  "mixed-line-endings",
  "stray-bom",
  "missing-header-marker",
  "header-marker-mismatch",
  "missing-label",
  "extra-label",
  "untrimmed-value",
  "blank-row",
  "trailing-blank-lines",
  "file-name-mismatch",
  "invalid-date",
]);
const MAX_PLAN_KEYS = 20;

/** Most diagnostics kept for the table (the counts in the summary are always exact). */
const MAX_DIAGNOSTICS = 200000;
const LANG_KEY = "csv-preflight.lang";

const $ = (id) => document.getElementById(id);

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
  setLang(state.lang, false);

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
  /** Profile id → the bundle it is a role of (CELF's users, groups, affiliations), and the role. */
  const roleOf = new Map(api.bundles().flatMap((bundle) => bundle.roles.map((r) => [r.profile, { bundle, role: r.role }])));
  const runner = new Runner({ module, api, createWorker: env.createWorker });
  runner.warmUp();
  const table = new DiagnosticsTable((diag) => showPreview(diag));
  const convertPanel = new ConvertPanel({
    run: (entry, mapping) => startConvert(entry, mapping),
    download: (name, blob) => download(name, blob),
    titleOf: (id) => titleOf(id),
  });

  // ---- language -------------------------------------------------------------------------------

  function setLang(lang, rerender = true) {
    state.lang = lang;
    document.documentElement.lang = lang;
    translate(document, lang);
    document.title = t(lang, "doc.title");
    for (const button of document.querySelectorAll("[data-lang]")) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
    }
    if (!rerender) return;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Storage may be unavailable (file://, private mode): the choice then lasts for this visit.
    }
    renderProfileSelect();
    renderFiles();
    renderSetup();
    renderResults();
    table.setLang(lang);
    freshen(selectedEntry());
    freshenConversion(selectedEntry());
  }

  for (const button of document.querySelectorAll("[data-lang]")) {
    button.addEventListener("click", () => setLang(button.dataset.lang));
  }

  // ---- files ----------------------------------------------------------------------------------

  const input = $("file-input");
  $("choose-button").addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    addFiles([...input.files]);
    input.value = "";
  });
  const dropzone = $("dropzone");
  let dragDepth = 0;
  document.addEventListener("dragenter", (event) => {
    if (!hasFiles(event)) return;
    dragDepth += 1;
    dropzone.classList.add("dragging");
  });
  document.addEventListener("dragleave", () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (!dragDepth) dropzone.classList.remove("dragging");
  });
  document.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("drop", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth = 0;
    dropzone.classList.remove("dragging");
    addFiles([...event.dataTransfer.files]);
  });

  async function addFiles(chosen) {
    // The same file chosen again (same name, size and date) would only be checked twice. A file of
    // the same name as one listed before takes its place (the user fixed the file and chose it
    // again), with the format chosen for it, if one was. (Files of one drop may share a name: files
    // of several systems from several folders.)
    const listed = [...state.files];
    const again = [];
    const replaced = [];
    const added = [];
    for (const file of chosen) {
      const old = listed.find((f) => f.file.name === file.name && state.files.includes(f));
      if (old && sameFile(old.file, file)) {
        again.push(file.name);
        continue;
      }
      const entry = {
        id: state.nextId++,
        file,
        profileId: old?.chosen ? old.profileId : profiles[0].id,
        suggestion: null,
        chosen: Boolean(old?.chosen),
        status: "queued",
        report: null,
        options: null,
        error: null,
      };
      added.push(entry);
      if (!old) state.files.push(entry);
      else {
        replaced.push(file.name);
        state.files.splice(state.files.indexOf(old), 1, entry);
        stopJobs(old);
      }
    }
    const notes = [];
    if (again.length) notes.push(t(state.lang, "files.duplicate", { names: again.join(", ") }));
    if (replaced.length) notes.push(t(state.lang, "files.replaced", { names: replaced.join(", ") }));
    $("files-note").hidden = !notes.length;
    $("files-note").textContent = notes.join(" ");
    if (!added.length) return;
    select(added[0]);
    for (const entry of added) {
      try {
        entry.suggestion = await suggestProfile(entry.file, api, profiles);
      } catch {
        entry.suggestion = { best: null, matched: 0, total: 0, nameMatches: false, ties: [], unread: true };
      }
      if (!state.files.includes(entry)) continue; // removed, or replaced, meanwhile
      if (entry.suggestion.best && !entry.chosen) entry.profileId = entry.suggestion.best;
      if (entry === selectedEntry()) renderSetup();
      enqueue("check", entry);
    }
  }

  function selectedEntry() {
    return state.files.find((f) => f.id === state.selected) ?? null;
  }

  function select(entry) {
    state.selected = entry?.id ?? null;
    renderFiles();
    renderSetup();
    renderResults();
    freshen(entry);
    freshenConversion(entry);
  }

  function removeFile(entry) {
    const index = state.files.indexOf(entry);
    state.files.splice(index, 1);
    stopJobs(entry);
    if (state.selected === entry.id) select(state.files[Math.min(index, state.files.length - 1)] ?? null);
    else renderFiles();
  }

  /**
   * Stops the jobs of an entry taken out of the list. Only its jobs stop: the queue goes on with
   * the other files, and those that were being checked together with it (a bundle) are checked
   * again without it.
   */
  function stopJobs(entry) {
    state.queue = state.queue.filter((job) => job.entry !== entry);
    const running = state.busy?.group?.members.map((m) => m.entry) ?? [state.busy?.entry];
    if (running.includes(entry)) {
      runner.cancel();
      for (const other of running) if (other !== entry) enqueue("check", other);
    }
  }

  $("remove-all").addEventListener("click", () => {
    state.queue = [];
    state.files = [];
    if (state.busy) runner.cancel();
    select(null);
    $("choose-button").focus();
  });

  function renderFiles() {
    const list = $("file-list");
    const { lang } = state;
    // The list is drawn anew: a focused file or × keeps the focus.
    const focused = list.contains(document.activeElement) ? document.activeElement : null;
    list.replaceChildren();
    $("files-empty").hidden = state.files.length > 0;
    $("remove-all").hidden = state.files.length < 2;
    for (const entry of state.files) {
      const li = document.createElement("li");
      li.className = "file-entry";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "file-item";
      button.dataset.fileId = String(entry.id);
      if (entry.id === state.selected) button.setAttribute("aria-current", "true");
      const name = span(entry.file.name, "file-name");
      const meta = span(`${bytes(lang, entry.file.size)} · ${titleOf(entry.profileId)}`, "file-meta");
      const status = statusOf(entry);
      const badge = span(t(lang, status.key, status.vars), `status status-${status.tone}`);
      button.append(name, meta, badge);
      button.addEventListener("click", () => select(entry));
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "remove";
      remove.dataset.fileId = String(entry.id);
      remove.textContent = "×";
      remove.setAttribute("aria-label", t(lang, "files.remove", { name: entry.file.name }));
      remove.title = remove.getAttribute("aria-label");
      remove.addEventListener("click", () => {
        const index = state.files.indexOf(entry);
        removeFile(entry);
        // Focus goes to the × of the file now in its place, else of the one before, else to the picker.
        const buttons = list.querySelectorAll(".remove");
        (buttons[Math.min(index, buttons.length - 1)] ?? $("choose-button")).focus();
      });
      li.append(button, remove);
      list.append(li);
    }
    if (focused) list.querySelector(`.${focused.classList[0]}[data-file-id="${focused.dataset.fileId}"]`)?.focus();
    renderStale();
  }

  function statusOf(entry) {
    if (entry.status === "checking") return { key: "status.checking", tone: "busy" };
    if (entry.status === "queued") return { key: "status.queued", tone: "muted" };
    if (entry.status === "failed") return { key: "status.failed", tone: "error" };
    if (entry.status === "cancelled") return { key: "status.cancelled", tone: "muted" };
    if (entry.status === "blocked") return { key: "status.blocked", tone: "warn" };
    if (entry.report && stale(entry)) return { key: "status.stale", tone: "warn" };
    if (entry.report?.valid) return { key: "status.valid", tone: "ok" };
    if (entry.report) {
      const n = entry.report.summary.errors;
      return { key: n === 1 ? "status.invalid1" : "status.invalid", vars: { n: num(state.lang, n) }, tone: "error" };
    }
    return { key: "status.queued", tone: "muted" };
  }

  // ---- profile and parameters -----------------------------------------------------------------

  const profileSelect = $("profile-select");
  function renderProfileSelect() {
    const value = profileSelect.value;
    profileSelect.replaceChildren();
    const systems = new Map();
    for (const p of profiles) {
      if (!systems.has(p.system)) systems.set(p.system, []);
      systems.get(p.system).push(p);
    }
    for (const [system, list] of systems) {
      const group = document.createElement("optgroup");
      group.label = system;
      for (const p of list) group.append(new Option(p.title[state.lang] ?? p.id, p.id));
      profileSelect.append(group);
    }
    profileSelect.value = value || profiles[0].id;
  }
  renderProfileSelect();

  profileSelect.addEventListener("change", () => {
    const entry = selectedEntry();
    if (!entry) {
      renderSetup(); // no file yet: the tenant settings of the chosen format can be filled in first
      return;
    }
    entry.profileId = profileSelect.value;
    entry.chosen = true;
    renderSetup();
    renderFiles();
    enqueue("check", entry);
  });

  function renderSetup() {
    const entry = selectedEntry();
    const { lang } = state;
    const profileId = entry?.profileId ?? profileSelect.value ?? profiles[0].id;
    profileSelect.value = profileId;
    for (const option of profileSelect.options) {
      const p = profileById.get(option.value);
      const suggested = entry?.suggestion?.best === option.value;
      option.textContent = (p.title[lang] ?? p.id) + (suggested ? ` — ${t(lang, "profile.suggested")}` : "");
    }
    $("profile-reason").textContent = entry ? reasonText(entry) : "";
    const profile = profileById.get(profileId);
    state.params[profileId] ??= {};
    renderParams(
      $("params-body"),
      profile.parameters ?? [],
      state.params[profileId],
      lang,
      (name, text) => {
        state.params[profileId][name] = text;
        renderStale();
        renderFiles();
      },
      // The files that waited for a setting to be fixed are checked once it is.
      () => state.files.filter((f) => f.status === "blocked" && !invalidSetting(f)).forEach((f) => enqueue("check", f)),
    );
    renderBaseline(profile);
    renderStale();
  }

  /** The export field: only for profiles with a key (the others cannot be compared with one). */
  function renderBaseline(profile) {
    const keyed = Boolean(profile.key);
    const chosen = keyed ? state.baselines[profile.id] : undefined;
    $("baseline-field").hidden = !keyed;
    $("baseline-clear").hidden = !chosen;
    $("baseline-name").textContent = t(state.lang, chosen ? "baseline.chosen" : "baseline.none", { name: chosen?.name });
    $("baseline-input").value = "";
  }

  function setBaseline(file) {
    const profileId = selectedEntry()?.profileId ?? profileSelect.value;
    if (file) state.baselines[profileId] = file;
    else delete state.baselines[profileId];
    renderSetup();
    renderFiles();
  }
  $("baseline-input").addEventListener("change", (event) => setBaseline(event.target.files?.[0]));
  $("baseline-choose").addEventListener("click", () => $("baseline-input").click());
  $("baseline-clear").addEventListener("click", () => {
    setBaseline(undefined);
    $("baseline-choose").focus();
  });

  /**
   * The files checked together with `entry`: when its format is a role of a bundle and the list
   * has a file for another of its roles (the first file of each role), `{ bundle, members }`.
   */
  function bundleGroup(entry) {
    const mine = roleOf.get(entry.profileId);
    if (!mine) return null;
    const members = [];
    for (const { role, profile } of mine.bundle.roles) {
      const member = profile === entry.profileId ? entry : state.files.find((f) => f.profileId === profile);
      if (member) members.push({ role, entry: member });
    }
    return members.length >= 2 ? { bundle: mine.bundle, members } : null;
  }

  /** The bundle job of `group`: every member's file, settings and export. */
  function bundleRequest(group) {
    const params = {};
    for (const { entry } of group.members) Object.assign(params, optionsFor(entry).params);
    return {
      options: { bundle: group.bundle.id, params, lang: state.lang, maxDiagnostics: MAX_DIAGNOSTICS },
      files: group.members.map(({ role, entry }) => ({ role, file: entry.file, name: entry.file.name })),
      baselines: group.members
        .filter(({ entry }) => baselineFor(entry))
        .map(({ role, entry }) => ({ role, file: baselineFor(entry), options: optionsFor(entry) })),
    };
  }

  /** The export the entry is checked against, if its profile has a key and one was added. */
  function baselineFor(entry) {
    return profileById.get(entry.profileId)?.key ? state.baselines[entry.profileId] : undefined;
  }

  function reasonText(entry) {
    const { lang } = state;
    const s = entry.suggestion;
    if (!s) return "";
    const parts = [];
    if (entry.chosen && entry.profileId !== s.best) parts.push(t(lang, "profile.chosen"));
    if (s.unread) parts.push(t(lang, "profile.reason.unread"));
    else if (s.empty) parts.push(t(lang, "profile.reason.empty"));
    else if (s.notText) parts.push(t(lang, "profile.reason.notText"));
    else if (!s.best) parts.push(t(lang, "profile.reason.none"));
    else if (s.byName) {
      parts.push(t(lang, "profile.reason.byName", { title: titleOf(s.best), matched: s.matched, total: s.total }));
    } else {
      parts.push(t(lang, "profile.reason.match", { matched: s.matched, total: s.total, title: titleOf(s.best) }));
      if (s.nameMatches) parts.push(t(lang, "profile.reason.name"));
      if (s.ties.length) parts.push(t(lang, "profile.reason.ties", { n: s.ties.length, titles: s.ties.map((id) => quote(lang, titleOf(id))).join(lang === "ja" ? "、" : ", ") }));
    }
    return parts.join(lang === "ja" ? "" : " ");
  }

  /** A profile's title in the page's language (its id when it has none). */
  function titleOf(id) {
    const p = profileById.get(id);
    return p?.title[state.lang] ?? p?.title.en ?? id;
  }

  /** The first setting of the entry's format (or of its bundle's) whose value cannot be used, or null. */
  function invalidSetting(entry) {
    for (const { entry: member } of bundleGroup(entry)?.members ?? [{ entry }]) {
      const parameter = invalidParam(profileById.get(member.profileId).parameters ?? [], state.params[member.profileId] ?? {});
      if (parameter) return parameter;
    }
    return null;
  }

  function optionsFor(entry) {
    const profile = profileById.get(entry.profileId);
    return {
      profile: entry.profileId,
      params: paramValues(profile.parameters ?? [], state.params[entry.profileId] ?? {}),
      lang: state.lang,
      fileName: entry.file.name,
      maxDiagnostics: MAX_DIAGNOSTICS,
    };
  }

  /** Whether the entry's report was made with other settings than the current ones. */
  function stale(entry) {
    if (!entry.options) return false;
    if (entry.baseline !== baselineFor(entry)) return true;
    const now = optionsFor(entry);
    return JSON.stringify({ ...now, lang: "" }) !== JSON.stringify({ ...entry.options, lang: "" });
  }

  function renderStale() {
    const entry = selectedEntry();
    // A failed check ran with the current settings: its error is the news, not the older report's age.
    const isStale = Boolean(entry?.report && stale(entry) && entry.status !== "checking" && entry.status !== "failed");
    const invalid = entry && invalidSetting(entry);
    $("stale-note").hidden = !isStale && !invalid;
    $("stale-note").textContent = t(state.lang, invalid ? "check.invalid" : "check.stale");
    const button = $("check-button");
    button.textContent = t(state.lang, entry?.report ? "check.again" : "check.button");
    button.disabled = !entry || entry.status === "checking" || entry.status === "queued";
    button.classList.toggle("primary", !entry?.report || isStale);
  }

  $("check-button").addEventListener("click", () => {
    const entry = selectedEntry();
    if (!entry) return;
    const invalid = invalidSetting(entry);
    if (invalid) document.getElementById(`param-${invalid.name}`)?.focus();
    else enqueue("check", entry);
  });

  /** Re-checks the entry when its messages are in another language than the page's. */
  function freshen(entry) {
    if (entry?.report && entry.options?.lang !== state.lang && !waiting(entry) && state.busy?.entry !== entry) enqueue("check", entry);
  }

  /** Whether a check of the entry is waiting in the queue. */
  function waiting(entry) {
    return state.queue.some((job) => job.entry === entry && job.kind === "check");
  }

  // ---- jobs -----------------------------------------------------------------------------------

  function enqueue(kind, entry, options) {
    if (kind === "check") {
      state.queue = state.queue.filter((job) => !(job.kind === "check" && job.entry === entry));
      if (entry.status !== "checking") entry.status = "queued";
    }
    state.queue.push({ kind, entry, options });
    renderFiles();
    pump();
  }

  async function pump() {
    if (state.busy) return;
    const job = state.queue.shift();
    if (!job) return;
    if (job.kind === "check" && invalidSetting(job.entry)) {
      // A setting that cannot be used is never dropped silently: the check waits until it is fixed.
      job.entry.status = "blocked";
      renderFiles();
      if (job.entry === selectedEntry()) renderResults();
      pump();
      return;
    }
    state.busy = job;
    const { entry } = job;
    const options = job.kind === "check" ? optionsFor(entry) : job.options ?? entry.options;
    if (job.kind === "check") {
      entry.status = "checking";
      renderFiles();
      if (entry === selectedEntry()) renderResults();
    }
    showProgress(job);
    if (job.kind === "convert" && entry === selectedEntry()) renderConversion();
    // A check uses the export chosen now; the result CSV, the one its report was made with.
    const baseline = job.kind === "check" ? baselineFor(entry) : job.kind === "resultCsv" ? entry.baseline : undefined;
    const group = job.kind === "check" ? bundleGroup(entry) : null;
    job.group = group;
    const total = group ? group.members.reduce((n, m) => n + m.entry.file.size, 0) : entry.file.size;
    const progress = (p) => updateProgress(entry, p, total);
    if (group) {
      for (const { entry: member } of group.members) member.status = "checking";
      renderFiles();
    }
    const result = group
      ? await runner.run("bundle", null, bundleRequest(group), progress)
      : await runner.run(job.kind, entry.file, options, progress, baseline);
    document.documentElement.dataset.runner = runner.where;
    state.busy = null;
    hideProgress();
    if (group) finishBundle(group, entry, result);
    else if (job.kind === "check") {
      entry.bundled = null;
      finishCheck(entry, options, result, baseline);
    }
    else if (job.kind === "convert") finishConvert(entry, options, result);
    else finishCsv(entry, result);
    if (state.refocus) {
      state.refocus = false;
      $("check-button").focus();
    }
    pump();
  }

  function finishCheck(entry, options, result, baseline) {
    // A file removed while it was checked: its check was cancelled, and the others go on.
    if (!state.files.includes(entry)) return;
    const { lang } = state;
    const name = entry.file.name;
    if (result.type === "success") {
      entry.report = result.report;
      entry.options = options;
      entry.baseline = baseline;
      entry.error = null;
      entry.status = "done";
      const verdict = result.report.valid ? t(lang, "summary.valid") : t(lang, "summary.invalid");
      announce(t(lang, "progress.finished", { name, verdict }));
    } else if (result.type === "cancelled") {
      entry.status = waiting(entry) ? "queued" : "cancelled";
      announce(t(lang, "progress.cancelled", { name }));
    } else {
      entry.status = "failed";
      entry.error = result.error;
      announce(t(lang, "error.check", { name, message: failureText(lang, entry.error) }));
    }
    renderFiles();
    if (entry === selectedEntry()) {
      renderResults();
      renderStale();
      freshen(entry);
    }
  }

  /** A bundle check (run for `jobEntry`): each member gets its file's report, or the failure. */
  function finishBundle(group, jobEntry, result) {
    const entries = group.members.map((m) => m.entry);
    if (result.type === "cancelled") {
      finishCheck(jobEntry, optionsFor(jobEntry), result, baselineFor(jobEntry));
      for (const e of entries) if (e.status === "checking" || e.status === "queued") e.status = waiting(e) ? "queued" : "cancelled";
      renderFiles();
      return;
    }
    // The other members were checked too: their queued checks would only repeat this one.
    state.queue = state.queue.filter((job) => !(job.kind === "check" && entries.includes(job.entry)));
    for (const { role, entry } of group.members) {
      const names = entries.filter((e) => e !== entry).map((e) => e.file.name);
      const file = result.type === "success" ? result.report.files.find((f) => f.role === role) : null;
      const missing = { type: "failure", error: { kind: "crash", message: `no report for ${role}` } };
      const outcome = file ? { type: "success", report: file.report } : result.type === "success" ? missing : result;
      entry.bundled = file ? { title: group.bundle.title, names } : null;
      finishCheck(entry, optionsFor(entry), outcome, baselineFor(entry));
    }
  }

  function finishCsv(entry, result) {
    if (result.type !== "success") {
      if (result.type === "failure") announce(t(state.lang, "error.check", { name: entry.file.name, message: failureText(state.lang, result.error) }));
      return;
    }
    // The result keeps the input's delimiter: a tab-separated one named .csv would open in Excel
    // with every row in column A (Excel splits .csv files on commas).
    const tab = entry.report?.detected?.delimiter === "tab";
    const name = `${stem(entry.file.name)}_result.${tab ? "tsv" : "csv"}`;
    download(name, new Blob([result.bytes], { type: tab ? "text/tab-separated-values" : "text/csv" }));
  }

  // ---- progress -------------------------------------------------------------------------------

  const progressBar = $("progress-bar");
  function showProgress(job) {
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

  function updateProgress(entry, progress, size = entry.file.size) {
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

  function hideProgress() {
    $("progress").hidden = true;
  }

  $("cancel-button").addEventListener("click", () => {
    // The button hides when the job ends: focus goes to Check, not to the top of the page.
    state.refocus = true;
    // Cancel stops the job it is shown with (as removing its file does); the other files' checks go
    // on. A bundle's check is one job: its other files' waiting checks would only run it again.
    const members = state.busy?.group?.members.map((m) => m.entry) ?? [];
    state.queue = state.queue.filter((job) => !(job.kind === "check" && members.includes(job.entry)));
    runner.cancel();
  });

  function announce(text) {
    $("status").textContent = text;
  }

  // ---- results --------------------------------------------------------------------------------

  function renderResults() {
    const entry = selectedEntry();
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
      if (table.selectedDiagnostic) showPreview(table.selectedDiagnostic);
      else clearPreview();
    }
    renderSummary(entry, report);
    renderConversion();
  }

  function renderSummary(entry, report) {
    const { lang } = state;
    const verdict = $("verdict");
    verdict.className = `verdict ${report.valid ? "verdict-ok" : "verdict-bad"}`;
    $("verdict-text").textContent = report.valid ? t(lang, "summary.valid") : t(lang, "summary.invalid");
    $("verdict-file").textContent = `${entry.file.name} · ${profileById.get(report.profile)?.title[lang] ?? report.profile}`;
    // Point at the converter when it repairs some of the findings (an Excel Shift_JIS file, a
    // header in another layout…): the file's own help says how to fix it by hand.
    const repairable = Object.keys(report.summary.byCode).filter((code) => REPAIRABLE.has(code));
    const fix = $("verdict-fix");
    fix.hidden = report.valid || !repairable.length || !report.detected.records;
    $("verdict-fix-button").textContent = t(lang, "summary.repairable");
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
        table.filterBy({ code, severity: "" });
        $("diag-heading").scrollIntoView({ block: "start" });
        $("filter-code").focus();
      });
      li.append(button);
      byCode.append(li);
    }
    if (!codes.length) byCode.append(el("li", t(lang, "diag.noDiagnostics"), "muted"));
    renderPlan(report.plan);
    const bundled = entry.bundled;
    $("bundle-note").hidden = !bundled;
    $("bundle-note").textContent = bundled
      ? t(lang, "bundle.note", { title: bundled.title[lang] ?? bundled.title.en, names: bundled.names.join(", ") })
      : "";
    const capped = $("capped-note");
    capped.hidden = !report.diagnosticsCapped;
    capped.textContent = t(lang, "summary.capped", { n: num(lang, report.diagnostics.length) });
  }

  /** What the import would do, against the export the file was checked with (if any). */
  function renderPlan(plan) {
    const { lang } = state;
    $("plan-box").hidden = !plan;
    const list = $("plan");
    list.replaceChildren();
    if (!plan) return;
    const records = num(lang, plan.baselineRecords);
    const rows = [
      ["baseline", plan.baselineCapped ? t(lang, "plan.capped", { n: records }) : records],
      ["add", num(lang, plan.add.count)],
      ["update", num(lang, plan.update.count)],
      ["unchanged", num(lang, plan.unchanged.count)],
      // A delete import with a rejected row fails as a whole: nothing is deleted yet.
      ["delete", num(lang, plan.delete.count), plan.mode === "delete" && plan.rejected.count ? "wouldDelete" : "delete"],
    ];
    if (plan.rejected.count) rows.push(["rejected", num(lang, plan.rejected.count)]);
    if (plan.rowsWithoutKey) rows.push(["withoutKey", num(lang, plan.rowsWithoutKey)]);
    rows.push(["after", num(lang, plan.recordsAfter)]);
    if (plan.seats) {
      const { counted, limit } = plan.seats;
      rows.push(["seats", limit == null ? num(lang, counted) : `${num(lang, counted)} / ${num(lang, limit)}`]);
    }
    for (const [key, value, label = key] of rows) {
      const row = document.createElement("div");
      row.dataset.plan = key;
      row.append(el("dt", t(lang, `plan.${label}`)), el("dd", value));
      const keys = PLAN_KEYS.includes(key) ? planKeys(lang, plan[key]) : "";
      if (keys) row.append(el("dd", keys, "plan-keys"));
      list.append(row);
    }
  }

  // ---- downloads ------------------------------------------------------------------------------

  $("download-csv").addEventListener("click", () => {
    const entry = selectedEntry();
    if (entry?.report) enqueue("resultCsv", entry);
  });
  $("download-json").addEventListener("click", () => {
    const entry = selectedEntry();
    if (!entry?.report) return;
    const text = `${JSON.stringify(entry.report, null, 2)}\n`;
    download(`${stem(entry.file.name)}_report.json`, new Blob([text], { type: "application/json" }));
  });

  // ---- the fixed file -------------------------------------------------------------------------

  $("verdict-fix-button").addEventListener("click", () => $("download-fixed").click());
  $("download-fixed").addEventListener("click", () => {
    const entry = selectedEntry();
    if (!entry?.report) return;
    entry.showConversion = true;
    startConvert(entry, null);
    $("convert-panel").scrollIntoView({ block: "nearest" });
    $("convert-heading").focus?.();
  });

  function startConvert(entry, mapping) {
    const invalid = invalidSetting(entry);
    if (invalid) {
      document.getElementById(`param-${invalid.name}`)?.focus();
      return;
    }
    const profile = profileById.get(entry.profileId);
    const request = convertRequest(entry, {
      lang: state.lang,
      params: paramValues(profile.parameters ?? [], state.params[entry.profileId] ?? {}),
      mapping,
      ...convertPanel.settings(),
    });
    state.queue = state.queue.filter((job) => !(job.kind === "convert" && job.entry === entry));
    enqueue("convert", entry, request);
    renderConversion();
  }

  function finishConvert(entry, request, result) {
    const { lang } = state;
    const name = entry.file.name;
    if (result.type === "success") {
      entry.conversion = { target: request.to, lang: request.options.lang, mapping: result.result.mapping, result: result.result, bytes: result.bytes };
      announce(t(lang, `convert.status.${result.result.status}`, { name: result.result.fileName }));
    } else if (result.type === "failure") {
      entry.conversion = { target: request.to, lang: request.options.lang, error: result.error };
      announce(t(lang, "error.convert", { name, message: failureText(lang, entry.conversion.error) }));
    }
    if (entry === selectedEntry()) renderConversion();
  }

  /** Whether a conversion of `entry` is running or waiting. */
  function converting(entry) {
    return Boolean(entry && (state.busy?.entry === entry && state.busy.kind === "convert" || state.queue.some((job) => job.entry === entry && job.kind === "convert")));
  }

  /** Converts the shown file again when its messages are in another language than the page's. */
  function freshenConversion(entry) {
    const c = entry?.conversion;
    // A conversion for another target is not shown (its mapping would not fit the selected one).
    if (!entry?.showConversion || !c || c.target !== entry.profileId || c.lang === state.lang || converting(entry)) return;
    startConvert(entry, c.mapping ?? null);
  }

  function renderConversion() {
    const entry = selectedEntry();
    const busy = converting(entry);
    $("download-fixed").disabled = !entry?.report;
    // A file without a record (empty, or not text: an image, a workbook…) has nothing to convert.
    $("fixed-file").hidden = Boolean(entry?.report && !entry.report.detected.records);
    convertPanel.render(entry, profileById.get(entry?.profileId), state.lang, busy);
    const c = entry?.conversion;
    const error = $("results-error");
    if (c?.error && c.target === entry.profileId) {
      error.hidden = false;
      error.textContent = t(state.lang, "error.convert", { name: entry.file.name, message: failureText(state.lang, c.error) });
    }
  }

  // ---- preview --------------------------------------------------------------------------------

  function clearPreview() {
    state.previewToken += 1;
    $("preview-grid").replaceChildren();
    $("preview-grid").hidden = true;
    $("preview-where").textContent = t(state.lang, "preview.hint");
    $("preview-note").hidden = true;
  }

  async function showPreview(diag) {
    const entry = selectedEntry();
    if (!entry?.report || !diag) return clearPreview();
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
    const headerRow = (profileById.get(entry.report.profile)?.file?.preamble?.length ?? 0) + 1;
    grid.replaceChildren(previewTable(result, entry.report.detected.header ?? [], headerRow));
    grid.hidden = false;
    const bad = grid.querySelector(".bad");
    if (bad && bad.offsetLeft + bad.offsetWidth > grid.clientWidth) {
      grid.scrollLeft = Math.max(0, bad.offsetLeft - grid.clientWidth / 3);
    }
    revealPreview();
  }

  /** Scrolls the page just enough to show the preview, keeping the selected row in view. */
  function revealPreview() {
    const grid = $("preview-grid").getBoundingClientRect();
    const row = document.querySelector("#diag-body tr.selected")?.getBoundingClientRect();
    const overflow = grid.bottom + 16 - window.innerHeight;
    if (overflow <= 0 || !row) return;
    const room = row.top - 96;
    const by = Math.min(overflow, room);
    if (by > 0) window.scrollBy({ top: by });
  }

  function previewTable(result, header, headerRow) {
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
      const th = el("th", num(state.lang, row.row), "rownum");
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

  // ---- go -------------------------------------------------------------------------------------

  renderFiles();
  renderSetup();
  renderResults();
  clearPreview();
  document.documentElement.dataset.ready = "true";
}

/** The first keys of a plan list ("a@x, b@x and 3 more"); the engine lists at most 100, counts all. */
function planKeys(lang, list) {
  if (!list?.count || !list.keys?.length) return "";
  const shown = list.keys.slice(0, MAX_PLAN_KEYS).join(lang === "ja" ? "、" : ", ");
  const more = list.count - Math.min(list.keys.length, MAX_PLAN_KEYS);
  return more > 0 ? t(lang, "plan.more", { keys: shown, n: num(lang, more) }) : shown;
}

function storedLang() {
  try {
    const lang = localStorage.getItem(LANG_KEY);
    return LANGS.includes(lang) ? lang : null;
  } catch {
    return null;
  }
}

function sameFile(a, b) {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

function hasFiles(event) {
  return [...(event.dataTransfer?.types ?? [])].includes("Files");
}

function stem(name) {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

function download(name, blob) {
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

function el(tag, text, className) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function span(text, className) {
  return el("span", text, className);
}
