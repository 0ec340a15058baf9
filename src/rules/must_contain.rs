//! What it checks: character classes a value must contain at least once (password policies:
//! learningBOX needs a letter and a digit; CELF's policy is a tenant setting).
//! Why: the system rejects the password, and the row with it, only after the upload.
//! Example: learningBOX `Password` = `abcdefgh` → `missing-character-class` (half-width digits).

use crate::profile::CharClass;
use crate::report::{Code, Kind};
use crate::rules::chars::in_class;
use crate::rules::width::narrow;

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::MissingCharacterClass];

/// Reports every class the value lacks. A full-width character counts as its half-width form:
/// `Ｐａｓｓ１２３` has letters and digits, and its one problem is the width, which the
/// character rule reports (three errors for one mistake helped nobody).
pub(crate) fn check(value: &str, classes: &[CharClass], out: &mut Vec<Kind>) {
    for class in classes {
        if !value.chars().any(|c| in_class(narrow(c), *class)) {
            out.push(Kind::MissingCharacterClass { class: *class });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_a_letter_and_a_digit() {
        let classes = [CharClass::AsciiLetter, CharClass::AsciiDigit];
        let mut out = Vec::new();
        check("abc123", &classes, &mut out);
        assert!(out.is_empty());
        check("abcdefgh", &classes, &mut out);
        assert_eq!(
            out,
            vec![Kind::MissingCharacterClass {
                class: CharClass::AsciiDigit
            }]
        );
    }
}
