//! What it checks: whether a cell may, must or must not hold a value (the column's `value` policy).
//! Why: a missing e-mail fails the row; a value in a column the manual says "need not be entered"
//! or that the system ignores is a warning, because the administrator probably expects it to count.
//! Example: IWpro `company_name` filled → `value-not-needed` (warning).

use crate::profile::ValuePolicy;
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[
    Code::MissingValue,
    Code::MustBeEmpty,
    Code::ValueNotNeeded,
    Code::ValueIgnored,
];

/// Checks presence; returns whether the value checks should run on the value.
pub(crate) fn check(value: &str, policy: ValuePolicy, out: &mut Vec<Kind>) -> bool {
    let filled = !value.is_empty();
    match (policy, filled) {
        (ValuePolicy::Required, false) => {
            out.push(Kind::MissingValue);
            false
        }
        (_, false) => false,
        (ValuePolicy::Required | ValuePolicy::Optional | ValuePolicy::RequiredWhenNew, true) => {
            true
        }
        (ValuePolicy::NotNeeded, true) => {
            out.push(Kind::ValueNotNeeded);
            true
        }
        (ValuePolicy::Ignored, true) => {
            out.push(Kind::ValueIgnored);
            false
        }
        (ValuePolicy::Empty, true) => {
            out.push(Kind::MustBeEmpty);
            false
        }
        (ValuePolicy::ReadOnly, true) => false,
    }
}
