// The target system (card 2): the format of the selected file (suggested from its header, or
// chosen), its tenant settings, whether the shown report is stale, and the Check button.
import { $ } from "./dom.js";
import { quote, t } from "./i18n.js";
import { invalidParam, paramValues, renderParams } from "./params.js";
import { bundleGroup } from "./bundles.js";

/** Most diagnostics kept for the table (the counts in the summary are always exact). */
const MAX_DIAGNOSTICS = 200000;

/** `{ renderProfiles(), render(), renderStale(), invalid(entry), optionsFor(entry), stale(entry) }` */
export function createSettings(page) {
  const { state, profiles, profileById } = page;

  const profileSelect = $("profile-select");
  function renderProfiles() {
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

  profileSelect.addEventListener("change", () => {
    const entry = page.selectedEntry();
    if (!entry) {
      render(); // no file yet: the tenant settings of the chosen format can be filled in first
      return;
    }
    entry.profileId = profileSelect.value;
    entry.chosen = true;
    render();
    page.files.render();
    page.queue.enqueue("check", entry);
  });

  /** The format chosen now: the selected file's, else the select's (no file yet). */
  function currentProfileId() {
    return page.selectedEntry()?.profileId ?? profileSelect.value;
  }

  function render() {
    const entry = page.selectedEntry();
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
        page.files.render();
      },
      // The files that waited for a setting to be fixed are checked once it is.
      () => state.files.filter((f) => f.status === "blocked" && !invalid(f)).forEach((f) => page.queue.enqueue("check", f)),
    );
    page.baseline.render(profile);
    renderStale();
  }

  function reasonText(entry) {
    const { lang } = state;
    const s = entry.suggestion;
    if (!s) return "";
    const parts = [];
    const titleOf = page.titleOf;
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
      const titles = (ids) => ids.map((id) => quote(lang, titleOf(id))).join(lang === "ja" ? "、" : ", ");
      if (s.hint) parts.push(t(lang, "profile.reason.hint", { word: s.hint, titles: titles(s.alike ?? []) }));
      if (s.ties.length) parts.push(t(lang, "profile.reason.ties", { n: s.ties.length, titles: titles(s.ties) }));
      for (const { id, hint } of s.tieHints ?? []) parts.push(t(lang, "profile.reason.tieHint", { word: hint, title: titleOf(id) }));
    }
    return parts.join(lang === "ja" ? "" : " ");
  }

  /** The first setting of the entry's format (or of its bundle's) whose value cannot be used, or null. */
  function invalid(entry) {
    for (const { entry: member } of bundleGroup(page, entry)?.members ?? [{ entry }]) {
      const parameter = invalidParam(profileById.get(member.profileId).parameters ?? [], state.params[member.profileId] ?? {});
      if (parameter) return parameter;
    }
    return null;
  }

  /** The tenant settings of the entry's format, as the engine takes them. */
  function paramsFor(entry) {
    return paramValues(profileById.get(entry.profileId).parameters ?? [], state.params[entry.profileId] ?? {});
  }

  /** The options of the entry's check with the current settings. */
  function optionsFor(entry) {
    return {
      profile: entry.profileId,
      params: paramsFor(entry),
      lang: state.lang,
      fileName: entry.file.name,
      maxDiagnostics: MAX_DIAGNOSTICS,
    };
  }

  /** Whether the entry's report was made with other settings than the current ones. */
  function stale(entry) {
    if (!entry.options) return false;
    if (entry.baseline !== page.baseline.of(entry)) return true;
    const now = optionsFor(entry);
    return JSON.stringify({ ...now, lang: "" }) !== JSON.stringify({ ...entry.options, lang: "" });
  }

  function renderStale() {
    const entry = page.selectedEntry();
    // A failed check ran with the current settings: its error is the news, not the older report's age.
    const isStale = Boolean(entry?.report && stale(entry) && entry.status !== "checking" && entry.status !== "failed");
    const unusable = entry && invalid(entry);
    $("stale-note").hidden = !isStale && !unusable;
    $("stale-note").textContent = t(state.lang, unusable ? "check.invalid" : "check.stale");
    const button = $("check-button");
    button.textContent = t(state.lang, entry?.report ? "check.again" : "check.button");
    button.disabled = !entry || entry.status === "checking" || entry.status === "queued";
    button.classList.toggle("primary", !entry?.report || isStale);
  }

  /** Takes the focus to the first unusable setting of the entry's format: true if there is one. */
  function focusInvalid(entry) {
    const parameter = invalid(entry);
    if (parameter) document.getElementById(`param-${parameter.name}`)?.focus();
    return Boolean(parameter);
  }

  $("check-button").addEventListener("click", () => {
    const entry = page.selectedEntry();
    if (!entry) return;
    if (!focusInvalid(entry)) page.queue.enqueue("check", entry);
  });

  return { renderProfiles, render, renderStale, currentProfileId, invalid, focusInvalid, paramsFor, optionsFor, stale };
}
