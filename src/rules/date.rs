//! What it checks: dates in one of the system's formats (Canon `accountExpires` = `YYYYMMDD`).
//! Why: Excel turns `20250105` into `2025/1/5` when it opens a CSV, and systems reject that.
//! Example: `2025/1/5` where `YYYYMMDD` is required → `invalid-date`; `20230229` is told apart
//! as a date that does not exist (a typing mistake, not Excel's).

use crate::profile::DateFormat;
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::InvalidDate];

/// Reports a value that is not a real date in any of the formats.
pub(crate) fn check(value: &str, formats: &[DateFormat], out: &mut Vec<Kind>) {
    if !formats.iter().any(|f| f.matches(value)) {
        out.push(Kind::InvalidDate {
            formats: formats.iter().map(|f| f.as_str().to_string()).collect(),
            no_such_date: formats.iter().any(|f| f.names_no_date(value)),
        });
    }
}
