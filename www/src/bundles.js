// Files checked together: the roles of one bundle (CELF's users, groups, affiliations) are one
// check when the list has a file for more than one of them (the first file of each role).

/** The files checked together with `entry`, `{ bundle, members: [{ role, entry }] }`, or null. */
export function bundleGroup(page, entry) {
  const mine = page.roleOf.get(entry.profileId);
  if (!mine) return null;
  const members = [];
  for (const { role, profile } of mine.bundle.roles) {
    const member = profile === entry.profileId ? entry : page.state.files.find((f) => f.profileId === profile);
    if (member) members.push({ role, entry: member });
  }
  return members.length >= 2 ? { bundle: mine.bundle, members } : null;
}

/** The bundle job of `group`: every member's file, settings and export. */
export function bundleRequest(page, group) {
  const options = group.members.map(({ entry }) => page.settings.optionsFor(entry));
  const params = Object.assign({}, ...options.map((o) => o.params));
  return {
    options: { bundle: group.bundle.id, params, lang: page.state.lang, maxDiagnostics: options[0].maxDiagnostics },
    files: group.members.map(({ role, entry }) => ({ role, file: entry.file, name: entry.file.name, recognized: !entry.chosen })),
    baselines: group.members
      .filter(({ entry }) => page.baseline.of(entry))
      .map(({ role, entry }) => ({ role, file: page.baseline.of(entry), options: page.settings.optionsFor(entry) })),
  };
}
