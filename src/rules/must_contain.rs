//! What it checks: character classes a value must contain at least once (password policies:
//! learningBOX needs a letter and a digit; CELF's policy is a tenant setting).
//! Why: the system rejects the password, and the row with it, only after the upload.
//! Example: learningBOX `Password` = `abcdefgh` → `missing-character-class` (half-width digits).

use crate::profile::CharClass;
use crate::report::{Code, Kind};
use crate::rules::chars::in_class;

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::MissingCharacterClass];

/// Reports every class the value lacks.
pub(crate) fn check(value: &str, classes: &[CharClass], out: &mut Vec<Kind>) {
    for class in classes {
        if !value.chars().any(|c| in_class(c, *class)) {
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
