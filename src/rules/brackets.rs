//! What it checks: Canon's `[...]` rule. Values that start with `0` or have more than 12 digits must
//! be written in brackets; the checks run on the value inside them.
//! Why: without brackets Excel drops leading zeros and rounds long numbers; a value that needed
//! brackets and has none is the sign Excel has already been there.
//! Example: `dept_id` = `0123` → `missing-brackets` (warning); `[0123]` passes.

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::MissingBrackets];

/// Unwraps a bracketed value, or reports one that needed brackets; returns the value to check.
pub(crate) fn unwrap<'a>(value: &'a str, out: &mut Vec<Kind>) -> &'a str {
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        return inner;
    }
    let numeric = value.bytes().all(|b| b.is_ascii_digit());
    if numeric && ((value.len() > 1 && value.starts_with('0')) || value.len() > 12) {
        out.push(Kind::MissingBrackets);
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unwraps_and_flags() {
        let mut out = Vec::new();
        assert_eq!(unwrap("[0123]", &mut out), "0123");
        assert_eq!(unwrap("123", &mut out), "123");
        assert!(out.is_empty());
        assert_eq!(unwrap("0123", &mut out), "0123");
        assert_eq!(unwrap("1234567890123", &mut out), "1234567890123");
        assert_eq!(out, vec![Kind::MissingBrackets, Kind::MissingBrackets]);
    }
}
