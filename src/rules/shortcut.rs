//! Value checks of three common shapes, answered without running them: a column whose only check
//! is a list of allowed values (IWpro `language`), a list whose items need only be allowed values
//! (IWpro `option`), and an e-mail address of any domain (IWpro `mail_address`). A value that
//! passes has no finding; any other value goes through [`check_value`](super::check_value), which
//! says what is wrong. The shape is decided once per column, with the rules' own tests.

use crate::profile::{CompiledChars, CompiledChecks, CompiledLength, ValueType};
use crate::rules::{chars, email, list, one_of};

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
    /// An e-mail address, of any domain, perhaps with a length rule and a character rule that
    /// every plain address meets.
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
/// characters may be there too if every plain address meets it (6 to 64 characters), and so may a
/// character rule (IWpro's user-ID characters). The destructuring is exhaustive: a new kind of
/// check must be counted here.
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
        && chars.as_ref().map_or(true, plain_characters_allowed)
        && one_of.is_none()
        && pattern.is_none()
        && list.is_none()
        && not_one_of.is_none()
        && must_contain.is_empty()
}

/// Whether `rule` allows every character of a plain address, asked of the character rule itself
/// (it tests each character on its own, so passing them all at once covers every address).
fn plain_characters_allowed(rule: &CompiledChars) -> bool {
    let mut out = Vec::new();
    chars::check(email::PLAIN_ALPHABET, rule, &mut out);
    out.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::CharClass;
    use crate::report::Kind;
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

    fn with_chars(extra: &str, forbid: &[char]) -> CompiledChecks {
        CompiledChecks {
            chars: Some(CompiledChars {
                allow: vec![CharClass::AsciiLetter, CharClass::AsciiDigit],
                extra: extra.to_string(),
                forbid: forbid.to_vec(),
            }),
            ..email(Some((None, Some(250))), &[])
        }
    }

    #[test]
    fn a_character_rule_keeps_the_shortcut_only_if_every_plain_address_meets_it() {
        // IWpro's user-ID characters: letters, digits and @ . - _.
        assert_eq!(Shortcut::of(&with_chars("@.-_", &[])), Shortcut::Email);
        // Without the hyphen, or with the dot forbidden, a plain address may break the rule.
        assert_eq!(Shortcut::of(&with_chars("@._", &[])), Shortcut::None);
        assert_eq!(Shortcut::of(&with_chars("@.-_", &['.'])), Shortcut::None);
    }

    #[test]
    fn with_the_user_id_characters_a_value_the_shortcut_passes_has_no_finding() {
        let checks = with_chars("@.-_", &[]);
        let mut passed = 0;
        for value in [
            "user0000012@example.co.jp",
            "taro.yamada@mail-1.example.com",
            "t_yamada@example.jp",
            "t.yamada+iw@example.jp",
        ] {
            let mut out = Vec::new();
            check_value(value, &checks, false, &mut out);
            if Shortcut::Email.passes(value, &checks) {
                passed += 1;
                assert!(out.is_empty(), "{value}: {out:?}");
            } else if value.contains('+') {
                assert!(
                    matches!(out.as_slice(), [Kind::InvalidCharacter { ch: '+', .. }]),
                    "{value}: {out:?}"
                );
            }
        }
        assert_eq!(passed, 2);
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
