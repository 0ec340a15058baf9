//! What it checks: the length of a value, in characters or in bytes of the system's storage
//! encoding (Canon stores passwords in ISO-8859-15: a character it cannot hold is an error too).
//! Why: systems truncate or reject long values; byte limits bite CJK text three times as hard.
//! Example: a 251-character `mail_address` where IWpro allows 250 → `too-long`.

use crate::profile::CompiledLength;
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::TooLong, Code::TooShort, Code::UnencodableCharacter];

/// Whether a bound holds (true without one).
fn fits(bound: Option<u32>, len: usize, holds: impl Fn(usize, usize) -> bool) -> bool {
    match bound {
        Some(bound) => holds(bound as usize, len),
        None => true,
    }
}

/// Checks the length of a non-empty value.
pub(crate) fn check(value: &str, rule: &CompiledLength, out: &mut Vec<Kind>) {
    let (actual, bytes_in) = match rule.bytes_in {
        // A value has at most as many characters as bytes, and at least a quarter as many.
        None if fits(rule.max, value.len(), |max, len| len <= max)
            && fits(rule.min, value.len() / 4, |min, len| len >= min) =>
        {
            return
        }
        None => (value.chars().count(), None),
        Some(enc) if enc == encoding_rs::UTF_8 => (value.len(), Some(enc.name().to_string())),
        Some(enc) => {
            let (bytes, _, unmappable) = enc.encode(value);
            if unmappable {
                if let Some(ch) = value.chars().find(|c| {
                    let mut buf = [0u8; 4];
                    enc.encode(c.encode_utf8(&mut buf)).2
                }) {
                    out.push(Kind::UnencodableCharacter {
                        ch,
                        encoding: enc.name().to_string(),
                    });
                }
                return;
            }
            (bytes.len(), Some(enc.name().to_string()))
        }
    };
    let actual = u32::try_from(actual).unwrap_or(u32::MAX);
    if let Some(max) = rule.max {
        if actual > max {
            out.push(Kind::TooLong {
                max,
                actual,
                bytes_in,
            });
            return;
        }
    }
    if let Some(min) = rule.min {
        if actual < min {
            out.push(Kind::TooShort {
                min,
                actual,
                bytes_in,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(value: &str, rule: &CompiledLength) -> Vec<Kind> {
        let mut out = Vec::new();
        check(value, rule, &mut out);
        out
    }

    #[test]
    fn counts_characters_not_bytes() {
        let rule = CompiledLength {
            min: Some(3),
            max: Some(4),
            bytes_in: None,
        };
        assert!(run("山田太郎", &rule).is_empty());
        assert_eq!(
            run("山田太郎様", &rule),
            vec![Kind::TooLong {
                max: 4,
                actual: 5,
                bytes_in: None
            }]
        );
        assert_eq!(
            run("ab", &rule),
            vec![Kind::TooShort {
                min: 3,
                actual: 2,
                bytes_in: None
            }]
        );
    }

    #[test]
    fn counts_bytes_in_an_encoding_and_flags_unencodable() {
        // Canon stores passwords in ISO-8859-15: one byte per character, the rest cannot be stored.
        let latin9 = encoding_rs::Encoding::for_label(b"iso-8859-15").unwrap();
        let rule = CompiledLength {
            min: None,
            max: Some(4),
            bytes_in: Some(latin9),
        };
        assert!(run("pässw", &rule)
            .iter()
            .any(|k| matches!(k, Kind::TooLong { actual: 5, .. })));
        assert_eq!(
            run("pass山", &rule),
            vec![Kind::UnencodableCharacter {
                ch: '山',
                encoding: latin9.name().to_string()
            }]
        );
    }
}
