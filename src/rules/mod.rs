//! The rules. One rule per file; each declares the codes it can emit in `CODES`, and
//! [`RULES`] lists them all (a test checks that every code belongs to exactly one rule).
//!
//! Value rules are plain functions over a decoded cell (`&str`) pushing [`Kind`]s; the engine in
//! `check.rs` adds positions and severities. File, header and structure rules live here too, and
//! are driven by the engine at the point of the stream where they can be decided.

pub(crate) mod blank_default;
pub(crate) mod brackets;
pub(crate) mod chars;
pub(crate) mod control_chars;
pub(crate) mod date;
pub(crate) mod delete_match;
pub(crate) mod dialect;
pub(crate) mod distinct;
pub(crate) mod email;
pub(crate) mod encoding;
pub(crate) mod excel_damage;
pub(crate) mod file_name;
pub(crate) mod flag;
pub(crate) mod foreign_key;
pub(crate) mod formula;
pub(crate) mod header;
pub(crate) mod key_conflict;
pub(crate) mod length;
pub(crate) mod limits;
pub(crate) mod list;
pub(crate) mod must_contain;
pub(crate) mod new_records;
pub(crate) mod not_one_of;
pub(crate) mod not_text;
pub(crate) mod number;
pub(crate) mod one_of;
pub(crate) mod pattern;
pub(crate) mod preamble;
pub(crate) mod presence;
pub(crate) mod read_only;
pub(crate) mod role_assumed;
pub(crate) mod row_count;
pub(crate) mod row_rule;
pub(crate) mod seats;
pub(crate) mod shortcut;
pub(crate) mod structure;
pub(crate) mod unique;
pub(crate) mod whitespace;
pub(crate) mod width;

use crate::profile::{CompiledChecks, ValueType};
use crate::report::{Code, Kind};

/// Every rule with the codes it can emit.
pub const RULES: &[(&str, &[Code])] = &[
    ("blank_default", blank_default::CODES),
    ("brackets", brackets::CODES),
    ("chars", chars::CODES),
    ("control_chars", control_chars::CODES),
    ("date", date::CODES),
    ("delete_match", delete_match::CODES),
    ("dialect", dialect::CODES),
    ("distinct", distinct::CODES),
    ("email", email::CODES),
    ("encoding", encoding::CODES),
    ("excel_damage", excel_damage::CODES),
    ("file_name", file_name::CODES),
    ("flag", flag::CODES),
    ("formula", formula::CODES),
    ("foreign_key", foreign_key::CODES),
    ("header", header::CODES),
    ("key_conflict", key_conflict::CODES),
    ("length", length::CODES),
    ("limits", limits::CODES),
    ("list", list::CODES),
    ("must_contain", must_contain::CODES),
    ("new_records", new_records::CODES),
    ("not_one_of", not_one_of::CODES),
    ("not_text", not_text::CODES),
    ("row_count", row_count::CODES),
    ("number", number::CODES),
    ("one_of", one_of::CODES),
    ("pattern", pattern::CODES),
    ("preamble", preamble::CODES),
    ("presence", presence::CODES),
    ("read_only", read_only::CODES),
    ("role_assumed", role_assumed::CODES),
    ("row_rule", row_rule::CODES),
    ("seats", seats::CODES),
    ("structure", structure::CODES),
    ("unique", unique::CODES),
    ("whitespace", whitespace::CODES),
];

/// Whether the checks hold nothing but the control-character rule (a plain text column).
pub(crate) fn only_control_chars(checks: &CompiledChecks) -> bool {
    checks.one_of.is_none() && at_most_one_of(checks)
}

/// Whether the checks hold nothing but the control-character rule and, perhaps, a list of allowed
/// values. The destructuring is exhaustive: a new kind of check must be counted here.
pub(crate) fn at_most_one_of(checks: &CompiledChecks) -> bool {
    let CompiledChecks {
        length,
        chars,
        allow_control_chars: _,
        one_of: _,
        pattern,
        kind,
        max_digits: _,
        date_formats: _,
        flag_values: _,
        email_domains: _,
        list,
        not_one_of,
        must_contain,
    } = checks;
    length.is_none()
        && chars.is_none()
        && pattern.is_none()
        && kind.is_none()
        && list.is_none()
        && not_one_of.is_none()
        && must_contain.is_empty()
}

/// Runs every value check of a column (or list item) on a non-empty value. `suspicious` is false
/// when the value is known to hold no control character (its whole record was scanned).
pub(crate) fn check_value(
    value: &str,
    checks: &CompiledChecks,
    suspicious: bool,
    out: &mut Vec<Kind>,
) {
    if suspicious && !checks.allow_control_chars {
        control_chars::check(value, out);
    }
    if let Some(list) = &checks.list {
        // The list rule runs the item checks on every item; the whole value only gets its length.
        if let Some(length) = &checks.length {
            length::check(value, length, out);
        }
        list::check(value, list, suspicious, out);
        return;
    }
    if let Some(length) = &checks.length {
        length::check(value, length, out);
    }
    if let Some(chars) = &checks.chars {
        chars::check(value, chars, out);
    }
    must_contain::check(value, &checks.must_contain, out);
    if let Some((values, ignore_case)) = &checks.one_of {
        one_of::check(value, values, *ignore_case, out);
    }
    if let Some((values, ignore_case, reason)) = &checks.not_one_of {
        not_one_of::check(value, values, *ignore_case, reason, out);
    }
    if let Some((regex, description)) = &checks.pattern {
        pattern::check(value, regex, description, out);
    }
    match checks.kind {
        Some(ValueType::Email) => email::check(value, &checks.email_domains, out),
        Some(ValueType::Digits) => number::check_digits(value, checks.max_digits, out),
        Some(ValueType::Integer) => number::check_integer(value, checks.max_digits, out),
        Some(ValueType::Flag) => flag::check(value, &checks.flag_values, out),
        Some(ValueType::Date) => date::check(value, &checks.date_formats, out),
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_belongs_to_exactly_one_rule() {
        for &code in Code::ALL {
            let owners: Vec<&str> = RULES
                .iter()
                .filter(|(_, codes)| codes.contains(&code))
                .map(|(name, _)| *name)
                .collect();
            assert_eq!(owners.len(), 1, "{code} is declared by {owners:?}");
        }
    }
}
