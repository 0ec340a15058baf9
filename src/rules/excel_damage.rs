//! What it checks: values Excel has already damaged in a way that shows in the value alone: a long
//! number saved in scientific notation (`1.23E+11`), and one cut to 15 significant digits
//! (`1234567890123450000`).
//! Why: Excel shows an ID or card number of 12 digits or more as `1.23457E+11` and saves it so;
//! the digits after the first few are gone, and every rule that only reads characters passes it
//! (a learningBOX login ID may contain `.` and `+`) or advises removing the letters, which makes a
//! wrong ID. A number typed or pasted into a cell formatted as a number keeps 15 significant digits,
//! the rest become zeros, and a digits rule passes it. Only the original system still has the
//! digits. The cut one is a warning like the other, decided per column at the end of the file
//! (`check::long_numbers`): a real 16-digit number ends in 0 one time in ten, and one long number
//! of the column with other last digits shows that Excel did not cut it.
//! Example: Login ID `1.23E+11` → `scientific-notation`; card number `1234567890123450000` →
//! `digits-truncated`. The converter finds these (with this module's predicates) and the damage
//! that needs the column's facts (lost leading zeros, values turned into dates).

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::ScientificNotation, Code::DigitsTruncated];

/// Checks a filled cell. Only a value that starts as a number does can be one (the engine's
/// quick path, `check::quick`, leaves such values to the full check). A scientific value has a
/// letter and a cut one has none, so a value is never both.
pub(crate) fn check(value: &str) -> Option<Kind> {
    match value.as_bytes().first() {
        Some(b'0'..=b'9' | b'+' | b'-') if scientific(value) => Some(Kind::ScientificNotation),
        _ => None,
    }
}

/// A number of more than 15 digits, as far as one value tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LongNumber {
    /// Everything after the 15th digit is a zero: what Excel leaves of a longer number.
    Cut,
    /// Another digit after the 15th: Excel did not cut it.
    Whole,
}

/// Whether `value` is a number of more than 15 digits, cut or whole; `None` for anything else,
/// and for a value with leading zeros (Excel drops them from numbers: it held the value as text,
/// and did not cut it). The engine decides per column (`check::long_numbers`): a column where
/// one long number is whole was not cut.
pub(crate) fn long_number(value: &str) -> Option<LongNumber> {
    if value.len() <= EXCEL_DIGITS || value.starts_with('0') || !digits(value) {
        return None;
    }
    Some(if truncated(value) {
        LongNumber::Cut
    } else {
        LongNumber::Whole
    })
}

/// Whether `s` is one or more ASCII digits.
pub(crate) fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Significant digits Excel keeps of a number.
const EXCEL_DIGITS: usize = 15;

/// `1234567890123450000`: only digits, more than 15 significant ones (after any leading zeros), and
/// every one after the 15th a zero: what Excel keeps of a longer number.
pub(crate) fn truncated(value: &str) -> bool {
    // Most digit values are shorter: the length is the cheap test.
    if value.len() <= EXCEL_DIGITS || !digits(value) {
        return false;
    }
    let significant = value.trim_start_matches('0');
    significant.len() > EXCEL_DIGITS
        && significant
            .get(EXCEL_DIGITS..)
            .is_some_and(|tail| tail.bytes().all(|b| b == b'0'))
}

/// `1.23E+11`, `-4E-5`, `1,23E+11` (a decimal comma): Excel's "General" format for a number too
/// long for the cell.
pub(crate) fn scientific(value: &str) -> bool {
    let v = value.strip_prefix(['+', '-']).unwrap_or(value);
    let Some((mantissa, exponent)) = v.split_once(['E', 'e']) else {
        return false;
    };
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    let mantissa_ok = match mantissa.split_once(['.', ',']) {
        Some((int, frac)) => int.len() == 1 && digits(int) && digits(frac),
        None => mantissa.len() == 1 && digits(mantissa),
    };
    mantissa_ok && digits(exponent) && exponent.len() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_numbers_excel_saved_in_scientific_notation() {
        for value in [
            "1.23E+11",
            "1.23457E+12",
            "4E-05",
            "1,5E+12",
            "-1.2e+15",
            "+9E+9",
        ] {
            assert_eq!(check(value), Some(Kind::ScientificNotation), "{value}");
        }
        for value in [
            "",
            "ABE+1",
            "E+11",
            "12E+11",
            "1.2E+1234",
            "1.23E",
            "taro@example.com",
            "2026-11-23",
            "1.5",
            "1e",
        ] {
            assert_eq!(check(value), None, "{value}");
        }
    }

    #[test]
    fn tells_long_numbers_cut_to_15_digits_from_whole_ones() {
        for value in [
            "1234567890123450000",
            // `1`, then fifteen zeros: the one after the 15th digit is a zero.
            "1000000000000000",
            "1234567890123450",
        ] {
            assert_eq!(long_number(value), Some(LongNumber::Cut), "{value}");
            assert!(truncated(value), "{value}");
        }
        for value in ["1234567890123456", "1234567890123450001"] {
            assert_eq!(long_number(value), Some(LongNumber::Whole), "{value}");
        }
        for value in [
            "123456789012345",
            // Leading zeros: text to Excel, which drops them from numbers.
            "0001234567890123450",
            "0000000000000000",
            "0001234",
            "12345678901234500000x",
            "1234567890123450000 ",
            "-1234567890123450000",
            "1.23450000000000000E+18",
        ] {
            assert_eq!(long_number(value), None, "{value}");
            assert_eq!(check(value).is_some(), scientific(value), "{value}");
        }
        assert_eq!(check("1234567890123450000"), None, "decided per column");
        assert_eq!(check("1.2345E+18"), Some(Kind::ScientificNotation));
    }
}
