//! The repairs: small rewrites of a value that cannot change what it means. Each function returns
//! the repaired value, or `None` when there is nothing to repair; the pipeline logs every change.
//!
//! What a repair may do depends on the target column: [`TargetColumn`] sums up what the profile
//! says about it (only half-width characters, accepted values, date formats, brackets, masks).

use crate::convert::dates::{read_excel_date, write_best};
use crate::profile::{CharClass, Column, DateFormat, ValueChecks, ValuePolicy, ValueType};
use crate::rules::whitespace::is_space;
use crate::rules::width::{is_wide, narrow};

/// What conversion needs to know about a target column.
#[derive(Debug, Clone, Default)]
pub(crate) struct TargetColumn {
    /// The column's name.
    pub name: String,
    /// Its profile's rules allow only ASCII characters.
    pub ascii_only: bool,
    /// A password: spaces may be part of it, so it is never trimmed.
    pub password: bool,
    /// Accepted values and whether case is ignored (for a list: of each item).
    pub one_of: Option<(Vec<String>, bool)>,
    /// The list separator when the value is a list.
    pub list_separator: Option<String>,
    /// For date columns: the accepted formats.
    pub date_formats: Vec<String>,
    /// The width of a fixed-width number, when the profile knows it.
    pub fixed_width: Option<u32>,
    /// Canon-style `[...]` brackets.
    pub brackets: bool,
    /// Placeholders that stand for "keep the current value".
    pub masked: Vec<String>,
    /// Every row needs a value.
    pub required: bool,
}

fn ascii_class(c: CharClass) -> bool {
    !matches!(c, CharClass::Latin9)
}

fn literal_u32(v: &Option<crate::profile::ParamOr<u32>>) -> Option<u32> {
    match v {
        Some(crate::profile::ParamOr::Value(n)) => Some(*n),
        _ => None,
    }
}

/// Whether a value's rules admit only ASCII characters.
fn checks_ascii_only(c: &ValueChecks) -> bool {
    if let Some(list) = &c.list {
        return list.separator.is_ascii() && checks_ascii_only(&list.item);
    }
    let typed = matches!(
        c.kind,
        Some(ValueType::Email | ValueType::Digits | ValueType::Integer | ValueType::Date)
    ) || (c.kind == Some(ValueType::Flag)
        && (c.flag_values.is_empty() || c.flag_values.iter().all(|v| v.is_ascii())));
    let by_chars = c.chars.as_ref().is_some_and(|ch| {
        !ch.allow.is_empty() && ch.allow.iter().all(|a| ascii_class(*a)) && ch.extra.is_ascii()
    });
    let by_list = c
        .one_of
        .as_ref()
        .is_some_and(|o| !o.values.is_empty() && o.values.iter().all(|v| v.is_ascii()));
    typed || by_chars || by_list
}

/// `\d{N}` or `[0-9]{N}`: a fixed number of digits.
fn pattern_width(regex: &str) -> Option<u32> {
    let inner = regex
        .strip_prefix("\\d{")
        .or_else(|| regex.strip_prefix("[0-9]{"))?;
    inner.strip_suffix('}')?.parse().ok()
}

impl TargetColumn {
    /// Sums up a profile column.
    pub(crate) fn new(column: &Column) -> TargetColumn {
        let c = &column.check;
        let (one_of, list_separator) = match &c.list {
            Some(list) => (
                list.item
                    .one_of
                    .as_ref()
                    .map(|o| (o.values.clone(), o.ignore_case)),
                Some(list.separator.clone()),
            ),
            None => (
                c.one_of.as_ref().map(|o| (o.values.clone(), o.ignore_case)),
                None,
            ),
        };
        let numeric = matches!(c.kind, Some(ValueType::Digits | ValueType::Integer))
            || c.chars
                .as_ref()
                .is_some_and(|ch| ch.allow == [CharClass::AsciiDigit] && ch.extra.is_empty());
        let fixed_width = c
            .pattern
            .as_ref()
            .and_then(|p| pattern_width(&p.regex))
            .or_else(|| {
                let l = c.length.as_ref()?;
                let (min, max) = (literal_u32(&l.min)?, literal_u32(&l.max)?);
                (numeric && min == max).then_some(min)
            });
        let title = column
            .title
            .as_ref()
            .map(|t| format!("{} {}", t.en, t.ja))
            .unwrap_or_default();
        let words = format!("{} {}", column.name, title).to_lowercase();
        TargetColumn {
            name: column.name.clone(),
            ascii_only: checks_ascii_only(c),
            password: words.contains("password") || words.contains("パスワード"),
            one_of,
            list_separator,
            date_formats: if c.kind == Some(ValueType::Date) {
                c.date_formats.clone()
            } else {
                Vec::new()
            },
            fixed_width,
            brackets: column.brackets,
            masked: column.masked.clone(),
            required: column.value == ValuePolicy::Required,
        }
    }

    /// Whether the column holds dates.
    pub(crate) fn is_date(&self) -> bool {
        !self.date_formats.is_empty()
    }
}

/// Removes byte order marks inside the value.
pub(crate) fn strip_bom(value: &str) -> Option<String> {
    value
        .contains('\u{FEFF}')
        .then(|| value.replace('\u{FEFF}', ""))
}

/// Removes half-width and ideographic spaces at both ends.
pub(crate) fn trim(value: &str) -> Option<String> {
    let trimmed = value.trim_matches(is_space);
    (trimmed.len() != value.len()).then(|| trimmed.to_string())
}

/// Full-width ASCII (U+FF01–FF5E) and the ideographic space to half-width.
pub(crate) fn half_width(value: &str) -> Option<String> {
    if !value.chars().any(is_wide) {
        return None;
    }
    Some(value.chars().map(narrow).collect())
}

/// The only accepted value equal to `item` but for ASCII case.
fn case_match<'a>(item: &str, values: &'a [String]) -> Option<&'a str> {
    if values.iter().any(|v| v == item) {
        return None;
    }
    let mut found = values.iter().filter(|v| v.eq_ignore_ascii_case(item));
    match (found.next(), found.next()) {
        (Some(only), None) => Some(only.as_str()),
        _ => None,
    }
}

/// Corrects the case of a value (or of each list item) to the one accepted value it matches.
pub(crate) fn letter_case(value: &str, column: &TargetColumn) -> Option<String> {
    let (values, ignore_case) = column.one_of.as_ref()?;
    if *ignore_case || value.is_empty() {
        return None;
    }
    match &column.list_separator {
        None => case_match(value, values).map(str::to_string),
        Some(sep) => {
            let mut changed = false;
            let items: Vec<&str> = value
                .split(sep.as_str())
                .map(|item| match case_match(item, values) {
                    Some(fixed) => {
                        changed = true;
                        fixed
                    }
                    None => item,
                })
                .collect();
            changed.then(|| items.join(sep))
        }
    }
}

/// Rewrites a year-first date that the column does not accept in its best accepted format.
pub(crate) fn excel_date(value: &str, column: &TargetColumn) -> Option<String> {
    if value.is_empty() || !column.is_date() {
        return None;
    }
    let accepted = column
        .date_formats
        .iter()
        .filter_map(|f| DateFormat::parse(f))
        .any(|f| f.matches(value));
    if accepted {
        return None;
    }
    let dt = read_excel_date(value)?;
    write_best(&dt, &column.date_formats)
}

/// Pads a value made of digits with zeros to `width`.
pub(crate) fn zero_pad(value: &str, width: u32) -> Option<String> {
    let width = width as usize;
    (!value.is_empty() && value.len() < width && value.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{}{value}", "0".repeat(width - value.len())))
}

/// Canon's rule: a value starting with `0`, with more than 12 digits, or already in brackets is
/// written in brackets.
pub(crate) fn needs_brackets(value: &str) -> bool {
    let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    (digits && ((value.len() > 1 && value.starts_with('0')) || value.len() > 12))
        || (value.len() >= 2 && value.starts_with('[') && value.ends_with(']'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::builtin;

    fn column(profile: &str, name: &str) -> TargetColumn {
        let p = builtin(profile).unwrap();
        TargetColumn::new(p.columns.iter().find(|c| c.name == name).unwrap())
    }

    #[test]
    fn classifies_target_columns() {
        let mail = column("fujifilm-iwpro/add-users", "mail_address");
        assert!(mail.ascii_only && mail.required && !mail.password);
        assert!(!column("fujifilm-iwpro/add-users", "family_name").ascii_only);
        let option = column("fujifilm-iwpro/add-users", "option");
        assert!(option.ascii_only);
        assert_eq!(option.list_separator.as_deref(), Some("|"));
        let password = column("canon/users", "password");
        assert!(password.password && password.brackets && !password.masked.is_empty());
        assert!(column("canon/users", "accountExpires").is_date());
        assert!(column("canon/users", "dept_id").ascii_only);
    }

    #[test]
    fn repairs_that_cannot_change_meaning() {
        assert_eq!(trim(" 山田\u{3000}").as_deref(), Some("山田"));
        assert_eq!(trim("山田"), None);
        assert_eq!(strip_bom("\u{FEFF}taro").as_deref(), Some("taro"));
        assert_eq!(
            half_width("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ").as_deref(),
            Some("taro@example.com")
        );
        assert_eq!(half_width("０１２\u{3000}３").as_deref(), Some("012 3"));
        let language = column("fujifilm-iwpro/add-users", "language");
        assert_eq!(letter_case("JA", &language).as_deref(), Some("ja"));
        assert_eq!(letter_case("ja", &language), None);
        let option = column("fujifilm-iwpro/add-users", "option");
        assert_eq!(
            letter_case("ncs001|NCS003", &option).as_deref(),
            Some("NCS001|NCS003")
        );
        let expires = column("canon/users", "accountExpires");
        assert_eq!(
            excel_date("2025/1/5", &expires).as_deref(),
            Some("20250105")
        );
        assert_eq!(excel_date("20250105", &expires), None);
        assert_eq!(zero_pad("123", 5).as_deref(), Some("00123"));
        assert_eq!(zero_pad("12a", 5), None);
        assert!(needs_brackets("0123") && needs_brackets("1234567890123"));
        assert!(needs_brackets("[abc]") && !needs_brackets("123") && !needs_brackets("0"));
    }
}
