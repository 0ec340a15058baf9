//! What it checks: constraints between the columns of one row, and between a column and a tenant
//! parameter ("when login IDs are turned off, the sign-in column must be blank").
//! Why: the manuals state such rules in prose; the profile states them as data.
//! Example: learningBOX with `loginIdDisabled` = true and a login ID filled → `row-constraint`.

use crate::profile::{CompiledRowRule, CondTest};
use crate::report::{Code, Expectation, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::RowConstraint];

/// Checks one rule; `cell(i)` is the (trimmed) value of profile column `i`, `None` when the column
/// is not in the file. Returns the finding for the constrained column.
pub(crate) fn check(
    rule: &CompiledRowRule,
    cell: &dyn Fn(usize) -> Option<String>,
) -> Option<Kind> {
    let holds = rule.when.iter().all(|cond| match cond {
        CondTest::Constant(b) => *b,
        CondTest::Column {
            column,
            equals,
            filled,
        } => {
            let value = cell(*column).unwrap_or_default();
            let equals_ok = equals.is_empty() || equals.iter().any(|e| *e == value);
            let filled_ok = filled.is_none_or(|f| f == !value.is_empty());
            equals_ok && filled_ok
        }
    });
    if !holds {
        return None;
    }
    let value = cell(rule.column).unwrap_or_default();
    let expect = match rule.filled {
        Some(true) if value.is_empty() => Some(Expectation::Filled),
        Some(false) if !value.is_empty() => Some(Expectation::Empty),
        _ if !rule.one_of.is_empty() && !value.is_empty() && !rule.one_of.contains(&value) => {
            Some(Expectation::OneOf(rule.one_of.clone()))
        }
        _ => None,
    }?;
    Some(Kind::RowConstraint {
        reason: rule.reason.clone(),
        expect,
    })
}
