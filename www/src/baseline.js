// The system's current export (optional, card 2): for a format with a key, the check compares the
// file with it and the results show the plan (who is added, changed, deleted). One per format.
import { $ } from "./dom.js";
import { t } from "./i18n.js";

/** `{ render(profile), of(entry) }` */
export function createBaseline(page) {
  const { state } = page;

  /** The export field: only for profiles with a key (the others cannot be compared with one). */
  function render(profile) {
    const keyed = Boolean(profile.key);
    const chosen = keyed ? state.baselines[profile.id] : undefined;
    $("baseline-field").hidden = !keyed;
    $("baseline-clear").hidden = !chosen;
    $("baseline-name").textContent = t(state.lang, chosen ? "baseline.chosen" : "baseline.none", { name: chosen?.name });
    $("baseline-input").value = "";
  }

  /** The export the entry is checked against, if its profile has a key and one was added. */
  function of(entry) {
    return page.profileById.get(entry.profileId)?.key ? state.baselines[entry.profileId] : undefined;
  }

  function set(file) {
    const profileId = page.settings.currentProfileId();
    if (file) state.baselines[profileId] = file;
    else delete state.baselines[profileId];
    page.settings.render();
    page.files.render();
  }
  $("baseline-input").addEventListener("change", (event) => set(event.target.files?.[0]));
  $("baseline-choose").addEventListener("click", () => $("baseline-input").click());
  $("baseline-clear").addEventListener("click", () => {
    set(undefined);
    $("baseline-choose").focus();
  });

  return { render, of };
}
