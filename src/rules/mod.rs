//! The rules. One rule per file; each declares the codes it can emit in `CODES`, and
//! [`RULES`] lists them all (a test checks that every code belongs to exactly one rule).
//!
//! Value rules are plain functions over a decoded cell (`&str`) pushing [`Kind`]s; the engine in
//! `check.rs` adds positions and severities. File, header and structure rules live here too, and
//! are driven by the engine at the point of the stream where they can be decided.

pub(crate) mod brackets;
pub(crate) mod chars;
pub(crate) mod control_chars;
pub(crate) mod date;
pub(crate) mod dialect;
pub(crate) mod email;
pub(crate) mod encoding;
pub(crate) mod file_name;
pub(crate) mod flag;
pub(crate) mod header;
pub(crate) mod length;
pub(crate) mod limits;
pub(crate) mod list;
pub(crate) mod number;
pub(crate) mod one_of;
pub(crate) mod pattern;
pub(crate) mod preamble;
pub(crate) mod presence;
pub(crate) mod row_count;
pub(crate) mod row_rule;
pub(crate) mod structure;
pub(crate) mod unique;
pub(crate) mod whitespace;

use crate::profile::{CompiledChecks, ValueType};
use crate::report::{Code, Kind};

/// Every rule with the codes it can emit.
pub const RULES: &[(&str, &[Code])] = &[
    ("brackets", brackets::CODES),
    ("chars", chars::CODES),
    ("control_chars", control_chars::CODES),
    ("date", date::CODES),
    ("dialect", dialect::CODES),
    ("email", email::CODES),
    ("encoding", encoding::CODES),
    ("file_name", file_name::CODES),
    ("flag", flag::CODES),
    ("header", header::CODES),
    ("length", length::CODES),
    ("limits", limits::CODES),
    ("list", list::CODES),
    ("row_count", row_count::CODES),
    ("number", number::CODES),
    ("one_of", one_of::CODES),
    ("pattern", pattern::CODES),
    ("preamble", preamble::CODES),
    ("presence", presence::CODES),
    ("row_rule", row_rule::CODES),
    ("structure", structure::CODES),
    ("unique", unique::CODES),
    ("whitespace", whitespace::CODES),
];

/// Runs every value check of a column (or list item) on a non-empty value.
pub(crate) fn check_value(value: &str, checks: &CompiledChecks, out: &mut Vec<Kind>) {
    if !checks.allow_control_chars {
        control_chars::check(value, out);
    }
    if let Some(list) = &checks.list {
        // The list rule runs the item checks on every item; the whole value only gets its length.
        if let Some(length) = &checks.length {
            length::check(value, length, out);
        }
        list::check(value, list, out);
        return;
    }
    if let Some(length) = &checks.length {
        length::check(value, length, out);
    }
    if let Some(chars) = &checks.chars {
        chars::check(value, chars, out);
    }
    if let Some((values, ignore_case)) = &checks.one_of {
        one_of::check(value, values, *ignore_case, out);
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
