//! What it checks: flags such as `0`/`1` (CELF `administrator?`, Canon `accountDisabled`).
//! Why: `TRUE`, `yes` or a blank that the system reads as something else.
//! Example: `administrator?` = `TRUE` → `invalid-flag`.

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::InvalidFlag];

/// Reports a value that is not one of the flag values.
pub(crate) fn check(value: &str, allowed: &[String], out: &mut Vec<Kind>) {
    if !allowed.iter().any(|v| v == value) {
        out.push(Kind::InvalidFlag {
            allowed: allowed.to_vec(),
        });
    }
}
