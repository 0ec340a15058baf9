//! What it checks: the licence limit on the records after import, counted as the system counts
//! (CELF: users of the web apps only and suspended users are not counted).
//! Why: "You cannot create users exceeding the number of licensed users."
//! Without the current export only the file's own counted rows are known: a lower bound, exact
//! for a replacing import.
//! Example: 11 counted users with `licensedUsers` = 10 → `seat-limit-exceeded`.

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::SeatLimitExceeded];

/// Compares the counted records with the limit.
pub(crate) fn check(counted: u64, limit: Option<u64>, after_import: bool) -> Option<Kind> {
    let limit = limit?;
    (counted > limit).then_some(Kind::SeatLimitExceeded {
        limit,
        counted,
        after_import,
    })
}
