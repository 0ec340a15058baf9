//! What it checks: constraints between the columns of one row, and between a column and a tenant
//! parameter ("when login IDs are turned off, the sign-in column must be blank").
//! Why: the manuals state such rules in prose; the profile states them as data.
//! Example: learningBOX with `loginIdDisabled` = true and a login ID filled → `row-constraint`.

use crate::profile::{all_hold, CompiledRowRule};
use crate::report::{Code, Expectation, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::RowConstraint];

/// Checks one rule; `cell(i)` is the (trimmed) value of profile column `i`, `None` when the column
/// is not in the file. Returns the finding for the constrained column.
pub(crate) fn check<'a>(
    rule: &CompiledRowRule,
    cell: &dyn Fn(usize) -> Option<&'a str>,
) -> Option<Kind> {
    if !all_hold(&rule.when, cell) {
        return None;
    }
    let value = cell(rule.column).unwrap_or_default();
    let expect = match rule.filled {
        Some(true) if value.is_empty() => Some(Expectation::Filled),
        Some(false) if !value.is_empty() => Some(Expectation::Empty),
        _ if !rule.one_of.is_empty()
            && !value.is_empty()
            && !rule.one_of.iter().any(|v| v == value) =>
        {
            Some(Expectation::OneOf(rule.one_of.clone()))
        }
        _ => None,
    }?;
    Some(Kind::RowConstraint {
        reason: rule.reason.clone(),
        expect,
    })
}
