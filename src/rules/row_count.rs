//! What it checks: the number of data rows: none at all, or more than the system or the tenant
//! allows (IWpro: more users than free seats fails with E000000003).
//! Why: the import fails as a whole, usually after a long upload.
//! Example: 120 rows with `availableSeats` = 100 → `too-many-rows`.

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::NoDataRows, Code::TooManyRows];

/// Checks the row count at the end of the file.
pub(crate) fn check(rows: u64, max: Option<u64>, require_rows: bool, out: &mut Vec<Kind>) {
    if rows == 0 && require_rows {
        out.push(Kind::NoDataRows);
    }
    if let Some(max) = max {
        if rows > max {
            out.push(Kind::TooManyRows { max, rows });
        }
    }
}
