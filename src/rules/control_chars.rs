//! What it checks: control characters inside a value (NUL, tab, line feeds, C1 controls).
//! Why: import screens reject them or store invisible garbage; a line break inside a cell (Alt+Enter
//! in Excel) splits a user record in many systems.
//! Example: `Yamada\tTaro` → `control-character` (tab, U+0009).

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::ControlCharacter];

/// Whether `text` may contain a control character: it has a C0 control, DEL, or 0xC2 (the lead
/// byte of every C1 control); see [`crate::lanes::may_have_controls`].
pub(crate) fn suspicious(text: &str) -> bool {
    crate::lanes::may_have_controls(text.as_bytes())
}

/// Reports the first control character of the value.
pub(crate) fn check(value: &str, out: &mut Vec<Kind>) {
    if !suspicious(value) {
        return;
    }
    if let Some(ch) = value.chars().find(|c| c.is_control()) {
        out.push(Kind::ControlCharacter { ch });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nul_tab_and_c1() {
        for (value, ch) in [("a\0b", '\0'), ("a\tb", '\t'), ("a\u{85}", '\u{85}')] {
            let mut out = Vec::new();
            check(value, &mut out);
            assert_eq!(out, vec![Kind::ControlCharacter { ch }]);
        }
        let mut out = Vec::new();
        check("山田 太郎", &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn suspects_exactly_the_texts_with_a_suspicious_byte() {
        let clean = "abcdefghijklmnopqrstu";
        assert!(!suspicious(clean) && !suspicious("") && !suspicious("山田 太郎 Müller ~"));
        for ch in [
            '\0', '\t', '\n', '\u{1F}', '\u{7F}', '\u{80}', '\u{85}', '\u{A0}',
        ] {
            for at in 0..=clean.len() {
                let text = format!("{}{ch}{}", &clean[..at], &clean[at..]);
                assert!(suspicious(&text), "{text:?}");
            }
        }
    }
}
