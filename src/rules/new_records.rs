//! What it checks: values that only new records need (CELF: "password — mandatory only for new
//! registration"). With the system's current export the row's key tells whether the record is new;
//! without it a blank is only a warning.
//! Why: a new user without a password fails the import; an existing one keeps the current password.
//! Example: CELF `password` blank for an ID not in the export → `missing-value`; without an export
//! → `required-for-new` (warning).

use crate::report::{Code, Kind};

/// Codes this rule emits (`missing-value` for known new records belongs to the presence rule).
pub(crate) const CODES: &[Code] = &[Code::RequiredForNew];

/// Checks a blank value; `is_new` is `None` when there is no baseline to tell.
pub(crate) fn check(blank: bool, is_new: Option<bool>) -> Option<Kind> {
    match (blank, is_new) {
        (true, None) => Some(Kind::RequiredForNew),
        (true, Some(true)) => Some(Kind::MissingValue),
        _ => None,
    }
}
