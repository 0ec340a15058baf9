// Suggests the target system of a file from its header (and its name), with the reason. Formats
// whose header is the same (CELF users reduced to "id,name", and CELF groups) are told apart by the
// words of the file's name their bundle role declares ("user", "group"), or listed as ties.
//
// The engine reads the header: the first 64 KiB of the file are checked against every built-in
// profile (cheap), so that the encoding, the delimiter and any preamble line are handled exactly as
// in the real check; the labels it found are then matched here against each profile's column names
// and aliases.

const HEAD = 64 * 1024;

/**
 * @param {File} file
 * @param {object} api the package's `web` build (initialized)
 * @param {object[]} profiles full profile objects (`profile(id).profile`), in the page's order
 * @returns {Promise<{ best: string | null, matched: number, total: number, nameMatches: boolean, ties: string[],
 *   byName?: boolean, hint?: string, alike?: string[], tieHints?: { id: string, hint: string }[],
 *   empty?: boolean, notText?: boolean }>} `byName`: the header is weak and the file name chose the
 *   profile; `hint`: the word of the file name that chose `best` among the formats `alike` whose
 *   header is the same; `tieHints`:
 *   the word that would choose each tie; `empty`: the file has no byte; `notText`: the engine
 *   found a workbook, an archive, a PDF or an image
 */
export async function suggestProfile(file, api, profiles) {
  if (!file.size) return { best: null, matched: 0, total: 0, nameMatches: false, ties: [], empty: true };
  let head = new Uint8Array(await file.slice(0, HEAD).arrayBuffer());
  if (file.size > HEAD) {
    const lastLf = head.lastIndexOf(0x0a);
    if (lastLf > 0) head = head.subarray(0, lastLf + 1);
  }
  const hints = new Map(api.bundles().flatMap((b) => b.roles.map((r) => [r.profile, r.fileNameHints ?? []])));
  const scored = [];
  for (const profile of profiles) {
    const result = api.check(head, { profile: profile.id, fileName: file.name, maxDiagnostics: 0 });
    if (result.type !== "success") continue;
    if (result.report.summary.byCode["not-text"]) return { best: null, matched: 0, total: 0, nameMatches: false, ties: [], notText: true };
    const labels = result.report.detected.header ?? [];
    const hint = (hints.get(profile.id) ?? []).find((h) => h && baseName(file.name).includes(h.toLowerCase()));
    scored.push({ id: profile.id, ...score(profile, labels), nameMatches: nameMatches(profile, file.name), hint });
  }
  // Best fit first: the header's fit, then a file name that follows the profile's pattern, then the
  // share of the profile's columns present (CELF groups "id, name" over CELF users' twelve columns).
  scored.sort(
    (a, b) => b.score - a.score || Number(b.nameMatches) - Number(a.nameMatches) || b.coverage - a.coverage,
  );
  const top = scored.find(meaningful);
  // The formats the header fits as well as the best: a guess among them is said to be one.
  const alike = top ? scored.filter((s) => meaningful(s) && s.score === top.score && s.nameMatches === top.nameMatches) : [];
  const hinted = alike.filter((s) => s.hint);
  if (alike.length > 1 && hinted.length === 1) {
    const [best] = hinted;
    return { best: best.id, matched: best.matched, total: best.total, nameMatches: best.nameMatches, ties: [], hint: best.hint, alike: alike.filter((s) => s !== best).map((s) => s.id) };
  }
  const best = top;
  if (!best) {
    // The header is no evidence: the file name may still be (IWpro's "add-users_….csv").
    const named = scored.find((s) => s.nameMatches);
    if (named) return { best: named.id, matched: named.matched, total: named.total, nameMatches: true, byName: true, ties: [] };
    return { best: null, matched: 0, total: scored[0]?.total ?? 0, nameMatches: false, ties: [] };
  }
  const others = alike.filter((s) => s !== best);
  const tieHints = others.filter((s) => (hints.get(s.id) ?? []).length).map((s) => ({ id: s.id, hint: hints.get(s.id)[0] }));
  return { best: best.id, matched: best.matched, total: best.total, nameMatches: best.nameMatches, ties: others.map((s) => s.id), tieHints };
}

/** The file's own name, lower case (a path's folders are no evidence). */
function baseName(name) {
  return name.split(/[\\/]/).pop().toLowerCase();
}

/**
 * Whether a header match is evidence of the format: at least half of the file's non-empty labels
 * are the profile's. Counting the profile's required columns instead would not do: learningBOX
 * requires none, so one shared label ("メールアドレス") would make any file "match" it, and a
 * check against a format whose columns are all optional passes almost anything. A weak header so
 * never earns a green verdict: without a suggestion the page checks against its first profile and
 * a file-name suggestion is an IWpro one, and IWpro rejects labels it does not know.
 */
function meaningful(s) {
  return s.matched > 0 && 2 * s.matched >= s.total;
}

/** How well `labels` fit `profile`: matched labels count, unknown labels and missing required columns cost. */
function score(profile, labels) {
  const ignoreCase = profile.header?.ignoreCase ?? false;
  const norm = (s) => (ignoreCase ? s.trim().toLowerCase() : s.trim());
  const prefix = profile.header?.labelPrefix ?? "";
  const known = new Map();
  for (const column of profile.columns) {
    for (const name of [column.name, ...(column.aliases ?? [])]) known.set(norm(name), column.name);
  }
  for (const marker of profile.header?.markers ?? []) {
    for (const name of [marker.label, ...(marker.aliases ?? [])]) known.set(norm(name), `marker:${marker.label}`);
  }
  const seen = new Set();
  let matched = 0;
  labels.forEach((label, i) => {
    let text = label;
    if (i === 0 && prefix && text.startsWith(prefix)) text = text.slice(prefix.length);
    const column = known.get(norm(text));
    if (column && !seen.has(column)) {
      seen.add(column);
      matched += 1;
    }
  });
  const total = labels.filter((l) => l.trim() !== "").length;
  const missingRequired = profile.columns.filter(
    (c) => (c.header ?? "required") === "required" && !seen.has(c.name),
  ).length;
  return {
    matched,
    total,
    score: 2 * matched - (total - matched) - 2 * missingRequired,
    coverage: matched / Math.max(1, profile.columns.length),
  };
}

function nameMatches(profile, name) {
  const pattern = profile.file?.fileName?.pattern;
  if (!pattern) return false;
  try {
    return new RegExp(`^(?:${pattern})$`, "u").test(name);
  } catch {
    return false;
  }
}
