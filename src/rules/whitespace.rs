//! What it checks: spaces (half-width or ideographic) at the start or end of a value.
//! Why: invisible in Excel, but `taro@example.com ` is a different login than `taro@example.com`.
//! The other rules then check the trimmed value, so one stray space gives one diagnostic. Where
//! the column's characters exclude the space (Canon lists the half-width space among `uid`'s
//! invalid characters; `dept_id` takes digits only), the space is that rule's finding instead.
//! Example: ` 山田` → `untrimmed-value` (warning); `yamada ` in Canon's `uid` →
//! `forbidden-character` (error).

use crate::profile::{CompiledChecks, ValueType};
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::UntrimmedValue];

/// A half-width or an ideographic (full-width) space: what trimming removes everywhere.
pub(crate) fn is_space(c: char) -> bool {
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

/// After [`check`] trimmed `raw` to `trimmed`: when the column's characters do not allow the
/// spaces that were removed and the system rejects what they break (`rejects`: the code is an
/// error in this profile), they are reported as the characters rule (or the digits rule) reports
/// them, in place of the `untrimmed-value` warning. Whether a system trims is not documented; the
/// seeds list the characters each column accepts. Where that rule is only a warning (IWpro's
/// e-mail characters, borrowed from another product), the more telling `untrimmed-value` stays.
pub(crate) fn spaces_not_allowed(
    raw: &str,
    trimmed: &str,
    checks: &CompiledChecks,
    rejects: impl Fn(Code) -> bool,
    out: &mut Vec<Kind>,
) {
    if trimmed.is_empty() || trimmed.len() == raw.len() {
        return;
    }
    let lead = raw.len() - raw.trim_start_matches(is_space).len();
    let trail = raw.len() - raw.trim_end_matches(is_space).len();
    let edges = format!(
        "{}{}",
        raw.get(..lead).unwrap_or(""),
        raw.get(raw.len() - trail..).unwrap_or("")
    );
    // A list's first and last items hold the spaces around the whole value.
    let checks = checks.list.as_ref().map_or(checks, |list| &list.item);
    let mut found = Vec::new();
    if let Some(chars) = &checks.chars {
        super::chars::check(&edges, chars, &mut found);
    } else if checks.kind == Some(ValueType::Digits) {
        super::number::check_digits(&edges, None, &mut found);
    }
    if found.is_empty() || !found.iter().all(|kind| rejects(kind.code())) {
        return;
    }
    if out.last() == Some(&Kind::UntrimmedValue) {
        out.pop();
    }
    out.extend(found);
}
