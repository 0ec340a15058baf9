//! What it checks: lines before the header (FLAT's differential-import identification line).
//! Why: FLAT decides between differential and total import from line 1; a file without it is a
//! total import, which deletes every user not in the file.
//! Example: a differential file starting with `#email` → `invalid-preamble` on row 1.

use crate::profile::PreambleLine;
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::InvalidPreamble];

/// Checks one preamble line (its fields joined back with the delimiter).
pub(crate) fn check(line: &str, rule: &PreambleLine) -> Option<Kind> {
    (!line.starts_with(rule.starts_with.as_str())).then(|| Kind::InvalidPreamble {
        starts_with: rule.starts_with.clone(),
        description: rule.description.clone(),
    })
}
