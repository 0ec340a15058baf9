//! Value checks of three common shapes, answered without running them: a column whose only check
//! is a list of allowed values (IWpro `language`), a list whose items need only be allowed values
//! (IWpro `option`), and an e-mail address of any domain (IWpro `mail_address`). A value that
//! passes has no finding; any other value goes through [`check_value`](super::check_value), which
//! says what is wrong. The shape is decided once per column, with the rules' own tests.

use crate::profile::{CompiledChecks, CompiledLength, ValueType};
use crate::rules::{email, list, one_of};

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
    /// An e-mail address, of any domain, perhaps with a length rule that every plain address
    /// meets.
    Email,
}

impl Shortcut {
    /// The shortcut for `checks`.
    pub(crate) fn of(checks: &CompiledChecks) -> Shortcut {
        if one_of_only(checks) {
            return Shortcut::OneOf;
        }
        if email_only(checks) {
            return Shortcut::Email;
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
            Shortcut::Email => email::plain(value),
        }
    }
}

/// Whether a list of allowed values is the only check that `check_value` runs (without control
/// characters).
fn one_of_only(checks: &CompiledChecks) -> bool {
    checks.one_of.is_some() && super::at_most_one_of(checks)
}

/// Whether the e-mail rule, without allowed domains, is the only check that `check_value` runs
/// (without control characters) on a plain address (see [`email::plain`]): a length rule in
/// characters may be there too if every plain address meets it (6 to 64 characters). The
/// destructuring is exhaustive: a new kind of check must be counted here.
fn email_only(checks: &CompiledChecks) -> bool {
    let CompiledChecks {
        length,
        chars,
        allow_control_chars: _,
        one_of,
        pattern,
        kind,
        max_digits: _,
        date_formats: _,
        flag_values: _,
        email_domains,
        list,
        not_one_of,
        must_contain,
    } = checks;
    let length_met = match length {
        None => true,
        Some(CompiledLength { min, max, bytes_in }) => {
            bytes_in.is_none()
                && !matches!(min, Some(m) if *m > 6)
                && !matches!(max, Some(m) if *m < 64)
        }
    };
    *kind == Some(ValueType::Email)
        && email_domains.is_empty()
        && length_met
        && chars.is_none()
        && one_of.is_none()
        && pattern.is_none()
        && list.is_none()
        && not_one_of.is_none()
        && must_contain.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::check_value;

    fn email(length: Option<(Option<u32>, Option<u32>)>, domains: &[&str]) -> CompiledChecks {
        CompiledChecks {
            kind: Some(ValueType::Email),
            length: length.map(|(min, max)| CompiledLength {
                min,
                max,
                bytes_in: None,
            }),
            email_domains: domains.iter().map(|d| d.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn e_mail_columns_of_any_domain_take_the_shortcut() {
        assert_eq!(Shortcut::of(&email(None, &[])), Shortcut::Email);
        assert_eq!(
            Shortcut::of(&email(Some((Some(6), Some(250))), &[])),
            Shortcut::Email
        );
        // A domain list, a length a plain address may break, or another check: no shortcut.
        assert_eq!(Shortcut::of(&email(None, &["example.com"])), Shortcut::None);
        assert_eq!(
            Shortcut::of(&email(Some((None, Some(63))), &[])),
            Shortcut::None
        );
        assert_eq!(
            Shortcut::of(&email(Some((Some(7), None)), &[])),
            Shortcut::None
        );
        let mut with_digit = email(None, &[]);
        with_digit.must_contain = vec![crate::profile::CharClass::AsciiDigit];
        assert_eq!(Shortcut::of(&with_digit), Shortcut::None);
    }

    #[test]
    fn a_value_the_e_mail_shortcut_passes_has_no_finding() {
        let checks = email(Some((Some(6), Some(64))), &[]);
        let values = [
            "a@b.cd",
            "user0000012@example.co.jp",
            "taro.yamada@mail-1.example.com",
            &format!("{}@example.com", "a".repeat(52)),
            &format!("{}@example.com", "a".repeat(53)),
            "a@b.c",
            "a@b",
            "taro@example.com.",
            "t.yamada+iw@example.jp",
            "山田@example.jp",
        ];
        let mut passed = 0;
        for value in values {
            let mut out = Vec::new();
            check_value(value, &checks, false, &mut out);
            if Shortcut::Email.passes(value, &checks) {
                passed += 1;
                assert!(out.is_empty(), "{value}: {out:?}");
            }
        }
        assert_eq!(passed, 4);
    }
}
