// The list of files (card 1): files chosen or dropped, one of them selected (its results are
// shown), each with its size, format and status, and × to remove it; "Remove all".
import { $, span } from "./dom.js";
import { bytes, num, t } from "./i18n.js";
import { suggestProfile } from "./suggest.js";

/** `{ render() }` */
export function createFileList(page) {
  const { state } = page;

  const input = $("file-input");
  $("choose-button").addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    add([...input.files]);
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
    add([...event.dataTransfer.files]);
  });

  async function add(chosen) {
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
        profileId: old?.chosen ? old.profileId : page.profiles[0].id,
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
        page.queue.stop(old);
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
        entry.suggestion = await suggestProfile(entry.file, page.api, page.profiles);
      } catch {
        entry.suggestion = { best: null, matched: 0, total: 0, nameMatches: false, ties: [], unread: true };
      }
      if (!state.files.includes(entry)) continue; // removed, or replaced, meanwhile
      if (entry.suggestion.best && !entry.chosen) entry.profileId = entry.suggestion.best;
      if (entry === page.selectedEntry()) page.settings.render();
      page.queue.enqueue("check", entry);
    }
  }

  function select(entry) {
    state.selected = entry?.id ?? null;
    render();
    page.settings.render();
    page.results.render();
    page.queue.freshen(entry);
    page.fixedFile.freshen(entry);
  }

  function remove(entry) {
    const index = state.files.indexOf(entry);
    state.files.splice(index, 1);
    page.queue.stop(entry);
    if (state.selected === entry.id) select(state.files[Math.min(index, state.files.length - 1)] ?? null);
    else render();
  }

  $("remove-all").addEventListener("click", () => {
    state.queue = [];
    state.files = [];
    if (state.busy) page.runner.cancel();
    select(null);
    $("choose-button").focus();
  });

  function render() {
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
      const meta = span(`${bytes(lang, entry.file.size)} · ${page.titleOf(entry.profileId)}`, "file-meta");
      const status = statusOf(entry);
      const badge = span(t(lang, status.key, status.vars), `status status-${status.tone}`);
      button.append(name, meta, badge);
      button.addEventListener("click", () => select(entry));
      const removeButton = document.createElement("button");
      removeButton.type = "button";
      removeButton.className = "remove";
      removeButton.dataset.fileId = String(entry.id);
      removeButton.textContent = "×";
      removeButton.setAttribute("aria-label", t(lang, "files.remove", { name: entry.file.name }));
      removeButton.title = removeButton.getAttribute("aria-label");
      removeButton.addEventListener("click", () => {
        const index = state.files.indexOf(entry);
        remove(entry);
        // Focus goes to the × of the file now in its place, else of the one before, else to the picker.
        const buttons = list.querySelectorAll(".remove");
        (buttons[Math.min(index, buttons.length - 1)] ?? $("choose-button")).focus();
      });
      li.append(button, removeButton);
      list.append(li);
    }
    if (focused) list.querySelector(`.${focused.classList[0]}[data-file-id="${focused.dataset.fileId}"]`)?.focus();
    page.settings.renderStale();
  }

  function statusOf(entry) {
    if (entry.status === "checking") return { key: "status.checking", tone: "busy" };
    if (entry.status === "queued") return { key: "status.queued", tone: "muted" };
    if (entry.status === "failed") return { key: "status.failed", tone: "error" };
    if (entry.status === "cancelled") return { key: "status.cancelled", tone: "muted" };
    if (entry.status === "blocked") return { key: "status.blocked", tone: "warn" };
    if (entry.report && page.settings.stale(entry)) return { key: "status.stale", tone: "warn" };
    if (entry.report?.valid) return { key: "status.valid", tone: "ok" };
    if (entry.report) {
      const n = entry.report.summary.errors;
      return { key: n === 1 ? "status.invalid1" : "status.invalid", vars: { n: num(state.lang, n) }, tone: "error" };
    }
    return { key: "status.queued", tone: "muted" };
  }

  return { render };
}

function sameFile(a, b) {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

function hasFiles(event) {
  return [...(event.dataTransfer?.types ?? [])].includes("Files");
}
