//! Value checks of two common shapes, answered without running them: a column whose only check is
//! a list of allowed values (IWpro `language`), and a list whose items need only be allowed values
//! (IWpro `option`). A value that passes has no finding; any other value goes through
//! [`check_value`](super::check_value), which says what is wrong. The shape is decided once per
//! column, with the rules' own tests.

use crate::profile::CompiledChecks;
use crate::rules::{list, one_of};

/// How a column's value checks can be answered directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Shortcut {
    /// They cannot: run them.
    #[default]
    None,
    /// A value must be one of a list of values, and that is all.
    OneOf,
    /// A list (of values joined by one ASCII byte) whose items must be one of a list of values.
    ListOfOneOf,
}

impl Shortcut {
    /// The shortcut for `checks`.
    pub(crate) fn of(checks: &CompiledChecks) -> Shortcut {
        if one_of_only(checks) {
            return Shortcut::OneOf;
        }
        // With a list, `check_value` runs only the length and the list checks.
        match &checks.list {
            Some(rule)
                if checks.length.is_none()
                    && rule.separator.len() == 1
                    && rule.separator.is_ascii()
                    && one_of_only(&rule.item) =>
            {
                Shortcut::ListOfOneOf
            }
            _ => Shortcut::None,
        }
    }

    /// Whether `check_value(value, checks, false, _)` finds nothing, if this shortcut can tell
    /// (`false`: it cannot, or something is wrong).
    pub(crate) fn passes(self, value: &str, checks: &CompiledChecks) -> bool {
        match self {
            Shortcut::None => false,
            Shortcut::OneOf => checks.one_of.as_ref().is_some_and(|(values, ignore_case)| {
                one_of::allowed(value.as_bytes(), values, *ignore_case)
            }),
            Shortcut::ListOfOneOf => checks
                .list
                .as_deref()
                .is_some_and(|rule| list::items_allowed(value, rule)),
        }
    }
}

/// Whether a list of allowed values is the only check that `check_value` runs (without control
/// characters).
fn one_of_only(checks: &CompiledChecks) -> bool {
    checks.one_of.is_some() && super::at_most_one_of(checks)
}
