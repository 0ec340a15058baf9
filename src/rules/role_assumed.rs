//! What it checks: a file of a bundle whose role was recognised (not given), when its header fits
//! several roles alike and its name tells none of them apart.
//! Why: CELF's users file with its optional columns removed has the groups file's header
//! (`id,name`); the file is then checked as the role whose every column is there (groups), and
//! if it is the other file every finding is about the wrong file. The note says which role was
//! assumed and how to say otherwise: the role given, or a word of the role in the file name.
//! Example: `export.csv` with header `id,name` in bundle `celf` → checked as `groups`,
//! `role-assumed`; `users.csv` with the same header → checked as `users`, no note.

use std::sync::Arc;

use crate::bundle::{recognize_labels, Candidate};
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::RoleAssumed];

/// What the check of a recognised bundle file knows of the bundle's roles.
#[derive(Debug, Clone)]
pub(crate) struct RoleCheck {
    /// The role the file is checked as.
    pub role: String,
    /// Every role of the bundle, as recognition sees them.
    pub roles: Arc<[Candidate]>,
}

/// The note when recognition, given the file's header `labels` and name, assumed `check.role`
/// among roles alike; nothing when the header or the name told the role.
pub(crate) fn check(labels: &[String], file_name: Option<&str>, check: &RoleCheck) -> Option<Kind> {
    let found = recognize_labels(labels, file_name, &check.roles)?;
    if found.role != check.role || found.alike.is_empty() {
        return None;
    }
    Some(Kind::RoleAssumed {
        role: check.role.clone(),
        alike: found
            .alike
            .iter()
            .map(|c| (c.role.clone(), c.hints.first().cloned()))
            .collect(),
    })
}
