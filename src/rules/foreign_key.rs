//! What it checks: references between the files of a bundle (CELF affiliations → groups and
//! users): each must name a record of the referenced file, or of the system's current export when
//! that stays (no replacement).
//! Why: "An error will occur if a group ID or user ID that is not registered is specified."
//! Memory: the referenced keys are 64-bit hashes (`crate::hash`), collected while the referenced file is
//! read, capped like the unique-key index.
//! Example: affiliation `group9,user1` without a group `group9` → `foreign-key`.

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::ForeignKey, Code::ReferenceUnchecked];

/// The finding for a reference found in none of the key sets.
pub(crate) fn check(found: bool, role: &str) -> Option<Kind> {
    (!found).then(|| Kind::ForeignKey {
        role: role.to_string(),
    })
}

/// The note for references that nothing could resolve.
pub(crate) fn unchecked(role: &str, columns: &[String]) -> Kind {
    Kind::ReferenceUnchecked {
        role: role.to_string(),
        columns: columns.to_vec(),
    }
}
