//! What it checks: spaces (half-width or ideographic) at the start or end of a value.
//! Why: invisible in Excel, but `taro@example.com ` is a different login than `taro@example.com`.
//! The other rules then check the trimmed value, so one stray space gives one diagnostic.
//! Example: ` 山田` → `untrimmed-value` (warning).

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::UntrimmedValue];

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// Reports surrounding spaces and returns the trimmed value.
pub(crate) fn check<'a>(value: &'a str, out: &mut Vec<Kind>) -> &'a str {
    // Byte test first: a space is 0x20, an ideographic space starts with 0xE3 and ends with 0x80.
    let bytes = value.as_bytes();
    let edge =
        |b: Option<&u8>, ideographic: u8| matches!(b, Some(&0x20)) || b == Some(&ideographic);
    if !edge(bytes.first(), 0xE3) && !edge(bytes.last(), 0x80) {
        return value;
    }
    let trimmed = value.trim_matches(is_space);
    if trimmed.len() != value.len() && !trimmed.is_empty() {
        out.push(Kind::UntrimmedValue);
    }
    trimmed
}
