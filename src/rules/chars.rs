//! What it checks: characters outside the allowed classes, and characters the system forbids.
//! Why: login IDs and device user names accept only half-width letters, digits and a few symbols;
//! a full-width letter typed with the Japanese input mode on looks right but is rejected.
//! Example: Canon `uid` = `yamada taro` → `forbidden-character` (space).

use crate::profile::{CharClass, CompiledChars};
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::InvalidCharacter, Code::ForbiddenCharacter];

/// Whether `ch` belongs to `class`.
pub(crate) fn in_class(ch: char, class: CharClass) -> bool {
    match class {
        CharClass::AsciiLetter => ch.is_ascii_alphabetic(),
        CharClass::AsciiDigit => ch.is_ascii_digit(),
        CharClass::AsciiUpper => ch.is_ascii_uppercase(),
        CharClass::AsciiLower => ch.is_ascii_lowercase(),
        CharClass::AsciiSymbol => ch.is_ascii_punctuation(),
        CharClass::Space => ch == ' ',
        CharClass::AsciiPrintable => (' '..='~').contains(&ch),
        CharClass::Latin9 => {
            let mut buf = [0u8; 4];
            !encoding_rs::ISO_8859_15.encode(ch.encode_utf8(&mut buf)).2 && !ch.is_control()
        }
    }
}

/// Reports the first forbidden and the first not-allowed character.
pub(crate) fn check(value: &str, rule: &CompiledChars, out: &mut Vec<Kind>) {
    if let Some(ch) = value.chars().find(|c| rule.forbid.contains(c)) {
        out.push(Kind::ForbiddenCharacter { ch });
        return;
    }
    if rule.allow.is_empty() {
        return;
    }
    let allowed = |ch: char| {
        ch.is_control() // reported by the control-character rule
            || rule.extra.contains(ch)
            || rule.allow.iter().any(|class| in_class(ch, *class))
    };
    if let Some(ch) = value.chars().find(|c| !allowed(*c)) {
        out.push(Kind::InvalidCharacter {
            ch,
            allowed: rule.allow.clone(),
            extra: rule.extra.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> CompiledChars {
        CompiledChars {
            allow: vec![CharClass::AsciiLetter, CharClass::AsciiDigit],
            extra: "-_.".to_string(),
            forbid: vec![' ', '@'],
        }
    }

    fn run(value: &str) -> Vec<Kind> {
        let mut out = Vec::new();
        check(value, &rule(), &mut out);
        out
    }

    #[test]
    fn allows_classes_and_extra() {
        assert!(run("yamada-taro_01.x").is_empty());
    }

    #[test]
    fn forbidden_wins_and_full_width_is_invalid() {
        assert_eq!(run("a b"), vec![Kind::ForbiddenCharacter { ch: ' ' }]);
        assert!(matches!(
            run("ｙａｍａｄａ")[..],
            [Kind::InvalidCharacter { ch: 'ｙ', .. }]
        ));
        assert!(matches!(
            run("a#b")[..],
            [Kind::InvalidCharacter { ch: '#', .. }]
        ));
    }
}
