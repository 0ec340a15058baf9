//! What it checks: read-only columns (Canon `uuid`, `dc`, the digests) edited against the system's
//! current export: a different value for an existing record, or any value for a new one.
//! Why: the device keeps its own value; an edit there is lost or, worse, was meant for another user.
//! Example: Canon `uuid` changed for an existing `uid` → `read-only-changed` (warning).

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::ReadOnlyChanged];

/// Compares a non-empty read-only value with the record's: `current` is `None` for a new record.
pub(crate) fn check(value_hash: u32, current: Option<u32>) -> Option<Kind> {
    match current {
        None => Some(Kind::ReadOnlyChanged { new_record: true }),
        Some(h) if h != value_hash => Some(Kind::ReadOnlyChanged { new_record: false }),
        Some(_) => None,
    }
}
