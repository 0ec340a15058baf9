// The form of a profile's tenant parameters (licensed seats, allowed e-mail domains, ...). Inputs
// keep what the user typed; `paramValues` turns it into the `params` option of a check (a setting
// left empty is not passed, so the profile's default applies). A value that cannot be used (a
// licence count of -5) is never dropped silently: the field says why (`paramError`), and the page
// does not check with the settings until it is fixed.
import { t } from "./i18n.js";

/**
 * Renders the inputs of `parameters` into `container`; `raw` holds what was typed, by name,
 * `onChange(name, text)` is called on every edit and `onCommit()` when a value is committed (the
 * field left, Enter, a choice made).
 */
export function renderParams(container, parameters, raw, lang, onChange, onCommit) {
  container.replaceChildren();
  if (!parameters.length) {
    const p = document.createElement("p");
    p.className = "muted";
    p.textContent = t(lang, "params.none");
    container.append(p);
    return;
  }
  const hint = document.createElement("p");
  hint.className = "muted small";
  hint.textContent = t(lang, "params.hint");
  container.append(hint);
  const grid = document.createElement("div");
  grid.className = "param-grid";
  for (const parameter of parameters) {
    const id = `param-${parameter.name}`;
    const field = document.createElement("div");
    field.className = "field";
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = parameter.title?.[lang] ?? parameter.name;
    const input = inputFor(parameter, lang);
    input.id = id;
    input.name = parameter.name;
    input.dataset.param = parameter.name;
    input.value = raw[parameter.name] ?? "";
    const error = document.createElement("span");
    error.className = "field-error";
    error.id = `${id}-error`;
    const showError = () => {
      const key = paramError(parameter, input.value);
      error.hidden = !key;
      error.textContent = key ? t(lang, key) : "";
      if (key) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    };
    showError();
    input.addEventListener(input.tagName === "SELECT" ? "change" : "input", () => {
      showError();
      onChange(parameter.name, input.value);
    });
    input.addEventListener("change", () => onCommit());
    const note = document.createElement("span");
    note.className = "field-note";
    note.id = `${id}-note`;
    note.textContent = noteFor(parameter, lang);
    input.setAttribute("aria-describedby", `${error.id} ${note.id}`);
    field.append(label, input, error, note);
    grid.append(field);
  }
  container.append(grid);
}

function inputFor(parameter, lang) {
  if (parameter.type === "boolean" || (parameter.type === "string" && parameter.values?.length)) {
    const select = document.createElement("select");
    const choices =
      parameter.type === "boolean"
        ? [["true", t(lang, "params.yes")], ["false", t(lang, "params.no")]]
        : parameter.values.map((v) => [v, v]);
    select.append(new Option(t(lang, "params.unset"), ""));
    for (const [value, text] of choices) select.append(new Option(text, value));
    return select;
  }
  const input = document.createElement("input");
  input.autocomplete = "off";
  input.spellcheck = false;
  // A number field would turn what is not a number into "" before the page could say so.
  input.type = "text";
  if (parameter.type === "integer") input.inputMode = "numeric";
  return input;
}

function noteFor(parameter, lang) {
  const parts = [];
  if (parameter.type === "stringList") parts.push(t(lang, "params.list"));
  if (parameter.default !== undefined && parameter.default !== null) {
    let value = parameter.default;
    if (typeof value === "boolean") value = t(lang, value ? "params.yes" : "params.no");
    if (Array.isArray(value)) value = value.join(", ");
    parts.push(t(lang, "params.default", { value }));
  }
  return parts.join(" · ");
}

/** A number as typed, full-width digits (a Japanese input method's) made ASCII. */
function digits(text) {
  return String(text ?? "").normalize("NFKC").trim();
}

/** Why a setting's text cannot be used (the key of the message), or null. */
export function paramError(parameter, text) {
  const value = digits(text);
  if (parameter.type === "integer" && value && !(/^\d+$/.test(value) && Number.isSafeInteger(Number(value)))) return "params.invalid.integer";
  return null;
}

/** The first of `parameters` whose text in `raw` cannot be used, or null. */
export function invalidParam(parameters, raw) {
  return parameters.find((parameter) => paramError(parameter, raw[parameter.name])) ?? null;
}

/** The `params` option for a check: typed values of the settings that are filled in. */
export function paramValues(parameters, raw) {
  const params = {};
  for (const parameter of parameters) {
    const text = String(raw[parameter.name] ?? "").trim();
    if (!text || paramError(parameter, text)) continue;
    switch (parameter.type) {
      case "integer":
        params[parameter.name] = Number(digits(text));
        break;
      case "boolean":
        params[parameter.name] = text === "true";
        break;
      case "stringList":
        params[parameter.name] = text.split(/[,、，\s]+/).filter(Boolean);
        break;
      default:
        params[parameter.name] = text;
    }
  }
  return params;
}
