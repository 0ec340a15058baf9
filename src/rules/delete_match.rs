//! What it checks: rows of a delete import (FLAT differential import, "Delete"): every row must
//! match the system's record exactly in every column, or the whole import fails.
//! Why: "Import cannot be performed if even a single item does not match." — one stale tag fails
//! the deletion of everyone.
//! Example: `tag` = `Sales` where the export has `sales` → `delete-mismatch`.

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::DeleteMismatch, Code::BaselineMissing];

/// The finding for a delete row: `found` is `false` when the key is not in the export; `differs`
/// is the first column whose value differs.
pub(crate) fn check(found: bool, differs: Option<&str>) -> Option<Kind> {
    if !found {
        return Some(Kind::DeleteMismatch { column: None });
    }
    differs.map(|c| Kind::DeleteMismatch {
        column: Some(c.to_string()),
    })
}

/// The note for a delete import checked without the export.
pub(crate) fn without_baseline() -> Kind {
    Kind::BaselineMissing
}
