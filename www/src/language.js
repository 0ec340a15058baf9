// The page's language (English or Japanese): the switch in the top bar, the choice kept in
// localStorage, and everything shown again in the new language.
import { LANGS, t, translate } from "./i18n.js";

const LANG_KEY = "csv-preflight.lang";

/** The language chosen on an earlier visit, if any. */
export function storedLang() {
  try {
    const lang = localStorage.getItem(LANG_KEY);
    return LANGS.includes(lang) ? lang : null;
  } catch {
    return null;
  }
}

/**
 * The language switch's buttons. Not every `[data-lang]`: the results section carries the language
 * its shown result was checked in as `data-lang` too (and got the buttons' `aria-pressed`).
 */
function langButtons() {
  return document.querySelectorAll(".lang-switch button[data-lang]");
}

/** Translates the page's static text (the parts in index.html) and marks the pressed button. */
export function applyLang(lang) {
  document.documentElement.lang = lang;
  translate(document, lang);
  document.title = t(lang, "doc.title");
  for (const button of langButtons()) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
  }
}

/** Wires the language switch: `{ set(lang) }`. */
export function createLanguage(page) {
  function set(lang) {
    page.state.lang = lang;
    applyLang(lang);
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Storage may be unavailable (file://, private mode): the choice then lasts for this visit.
    }
    page.settings.renderProfiles();
    page.files.render();
    page.settings.render();
    page.results.render();
    page.table.setLang(lang);
    // The engine writes the messages: the shown file is checked (and converted) again in `lang`.
    page.queue.freshen(page.selectedEntry());
    page.fixedFile.freshen(page.selectedEntry());
  }

  for (const button of langButtons()) {
    button.addEventListener("click", () => set(button.dataset.lang));
  }
  return { set };
}
