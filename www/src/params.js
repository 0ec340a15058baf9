// The form of a profile's tenant parameters (licensed seats, allowed e-mail domains, ...). Inputs
// keep what the user typed; `paramValues` turns it into the `params` option of a check (a setting
// left empty is not passed, so the profile's default applies).
import { t } from "./i18n.js";

/**
 * Renders the inputs of `parameters` into `container`; `raw` holds what was typed, by name, and
 * `onChange(name, text)` is called on every edit.
 */
export function renderParams(container, parameters, raw, lang, onChange) {
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
    input.addEventListener(input.tagName === "SELECT" ? "change" : "input", () => onChange(parameter.name, input.value));
    const note = document.createElement("span");
    note.className = "field-note";
    note.id = `${id}-note`;
    note.textContent = noteFor(parameter, lang);
    input.setAttribute("aria-describedby", note.id);
    field.append(label, input, note);
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
  if (parameter.type === "integer") {
    input.type = "number";
    input.min = "0";
    input.step = "1";
    input.inputMode = "numeric";
  } else {
    input.type = "text";
  }
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

/** The `params` option for a check: typed values of the settings that are filled in. */
export function paramValues(parameters, raw) {
  const params = {};
  for (const parameter of parameters) {
    const text = String(raw[parameter.name] ?? "").trim();
    if (!text) continue;
    switch (parameter.type) {
      case "integer": {
        if (/^\d+$/.test(text)) params[parameter.name] = Number(text);
        break;
      }
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
