//! What it checks: control characters inside a value (NUL, tab, line feeds, C1 controls).
//! Why: import screens reject them or store invisible garbage; a line break inside a cell (Alt+Enter
//! in Excel) splits a user record in many systems.
//! Example: `Yamada\tTaro` → `control-character` (tab, U+0009).

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::ControlCharacter];

/// Whether `text` may contain a control character: it has a C0 control, DEL, or 0xC2 (the lead
/// byte of every C1 control). Values are almost always clean, and this byte scan (a fold without
/// early exit: a branch-free loop) says so cheaply, for a cell or a whole record at once.
pub(crate) fn suspicious(text: &str) -> bool {
    text.bytes()
        .fold(false, |hit, b| hit | (b < 0x20) | (b == 0x7F) | (b == 0xC2))
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
}
