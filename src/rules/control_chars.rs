//! What it checks: control characters inside a value (NUL, tab, line feeds, C1 controls).
//! Why: import screens reject them or store invisible garbage; a line break inside a cell (Alt+Enter
//! in Excel) splits a user record in many systems.
//! Example: `Yamada\tTaro` → `control-character` (tab, U+0009).

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::ControlCharacter];

/// Reports the first control character of the value.
pub(crate) fn check(value: &str, out: &mut Vec<Kind>) {
    // Values are almost always clean, and the scan says so cheaply.
    if !crate::lanes::may_have_controls(value.as_bytes()) {
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
