//! What it checks: control characters inside a value (NUL, tab, line feeds, C1 controls).
//! Why: import screens reject them or store invisible garbage; a line break inside a cell (Alt+Enter
//! in Excel) splits a user record in many systems.
//! Example: `Yamada\tTaro` → `control-character` (tab, U+0009).

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::ControlCharacter];

/// Whether `text` may contain a control character: it has a C0 control, DEL, or 0xC2 (the lead
/// byte of every C1 control). Values are almost always clean, and this scan says so cheaply, for a
/// cell or a whole record at once: 8 bytes at a time, without an early exit (wasm has no SIMD by
/// default, but 64-bit integers).
pub(crate) fn suspicious(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let mut hits = 0u64;
    for word in words.by_ref() {
        hits |= suspicious_bytes(u64::from_le_bytes(word.try_into().unwrap_or_default()));
    }
    hits != 0
        || words
            .remainder()
            .iter()
            .any(|&b| b < 0x20 || b == 0x7F || b == 0xC2)
}

/// Flags (in their high bits) bytes of `w` below 0x20, or equal to 0x7F or 0xC2. A byte above a
/// flagged one may be flagged wrongly, but a word is flagged only if one of its bytes is.
fn suspicious_bytes(w: u64) -> u64 {
    const fn splat(b: u8) -> u64 {
        b as u64 * 0x0101_0101_0101_0101
    }
    let (ones, high) = (splat(1), splat(0x80));
    let zero = |x: u64| x.wrapping_sub(ones) & !x & high;
    let below_space = w.wrapping_sub(splat(0x20)) & !w & high;
    below_space | zero(w ^ splat(0x7F)) | zero(w ^ splat(0xC2))
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
