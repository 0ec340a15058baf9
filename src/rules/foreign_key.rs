//! What it checks: references between the files of a bundle (CELF affiliations → groups and
//! users): each must name a record of the referenced file, or of the system's current export when
//! that stays (no replacement).
//! Why: "An error will occur if a group ID or user ID that is not registered is specified."
//! Memory: the referenced keys are 64-bit hashes (`crate::hash`), collected while the referenced file is
//! read, capped like the unique-key index.
//! Example: affiliation `group9,user1` without a group `group9` → `foreign-key`.
//! When the referenced file is given without the system's current export (and does not replace
//! the registered records), an ID outside the file may be registered already: those references
//! are counted into one `reference-outside-file` warning instead, which names the first five
//! distinct IDs and their rows.

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[
    Code::ForeignKey,
    Code::ReferenceUnchecked,
    Code::ReferenceOutsideFile,
];

/// The finding for a reference found in none of the key sets.
pub(crate) fn check(found: bool, role: &str) -> Option<Kind> {
    (!found).then(|| Kind::ForeignKey {
        role: role.to_string(),
    })
}

/// Distinct IDs a `reference-outside-file` warning names, each with its first row.
pub(crate) const MAX_EXAMPLES: usize = 5;

/// The warning for `count` references that name no record of the referenced file, while the
/// records already registered are unknown; `examples`: the first distinct IDs and their rows
/// (the first [`MAX_EXAMPLES`] are shown; any after them means there are more).
pub(crate) fn outside_file(
    role: &str,
    columns: &[String],
    count: u64,
    examples: &[(String, u64)],
) -> Kind {
    Kind::ReferenceOutsideFile {
        role: role.to_string(),
        columns: columns.to_vec(),
        count,
        examples: examples.iter().take(MAX_EXAMPLES).cloned().collect(),
        more_ids: examples.len() > MAX_EXAMPLES,
    }
}

/// The note for references that nothing could resolve.
pub(crate) fn unchecked(role: &str, columns: &[String]) -> Kind {
    Kind::ReferenceUnchecked {
        role: role.to_string(),
        columns: columns.to_vec(),
    }
}
