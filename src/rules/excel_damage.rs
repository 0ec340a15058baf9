//! What it checks: values Excel has already damaged in a way that shows in the value alone: a long
//! number saved in scientific notation (`1.23E+11`).
//! Why: Excel shows an ID or card number of 12 digits or more as `1.23457E+11` and saves it so;
//! the digits after the first few are gone, and every rule that only reads characters passes it
//! (a learningBOX login ID may contain `.` and `+`) or advises removing the letters, which makes a
//! wrong ID. Only the original system still has the digits.
//! Example: Login ID `1.23E+11` → `scientific-notation`. The converter finds this and the damage
//! that needs the column's facts (lost leading zeros, cut digits, values turned into dates).

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::ScientificNotation];

/// Checks a filled cell. Only a value that starts as a number does can be one (the engine's
/// quick path, `check::quick`, leaves such values to the full check).
pub(crate) fn check(value: &str) -> Option<Kind> {
    let number_like = matches!(value.as_bytes().first(), Some(b'0'..=b'9' | b'+' | b'-'));
    (number_like && scientific(value)).then_some(Kind::ScientificNotation)
}

/// Whether `s` is one or more ASCII digits.
pub(crate) fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
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
}
