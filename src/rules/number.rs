//! What it checks: digit strings (Canon `dept_id`, up to 7 digits) and whole numbers.
//! Why: full-width digits and Excel's number formatting (`1.23E+11`, `1,234`) are rejected.
//! Example: `dept_id` = `１２３` → `not-digits` with a hint about full-width digits.

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::NotDigits, Code::TooManyDigits, Code::NotAnInteger];

fn digit_count_check(digits: &str, max: Option<u32>, out: &mut Vec<Kind>) {
    if let Some(max) = max {
        let actual = u32::try_from(digits.len()).unwrap_or(u32::MAX);
        if actual > max {
            out.push(Kind::TooManyDigits { max, actual });
        }
    }
}

/// Half-width digits only.
pub(crate) fn check_digits(value: &str, max_digits: Option<u32>, out: &mut Vec<Kind>) {
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        let full_width = value.chars().any(|c| ('０'..='９').contains(&c));
        let scientific = crate::rules::excel_damage::scientific(value);
        out.push(Kind::NotDigits {
            full_width,
            scientific,
        });
        return;
    }
    digit_count_check(value, max_digits, out);
}

/// An optionally signed whole number.
pub(crate) fn check_integer(value: &str, max_digits: Option<u32>, out: &mut Vec<Kind>) {
    let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        out.push(Kind::NotAnInteger);
        return;
    }
    digit_count_check(digits, max_digits, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_integers() {
        let mut out = Vec::new();
        check_digits("0012345", Some(7), &mut out);
        assert!(out.is_empty());
        check_digits("12345678", Some(7), &mut out);
        assert_eq!(out, vec![Kind::TooManyDigits { max: 7, actual: 8 }]);
        out.clear();
        check_digits("１２３", None, &mut out);
        assert_eq!(
            out,
            vec![Kind::NotDigits {
                full_width: true,
                scientific: false
            }]
        );
        out.clear();
        check_digits("1.23457E+12", None, &mut out);
        assert_eq!(
            out,
            vec![Kind::NotDigits {
                full_width: false,
                scientific: true
            }]
        );
        out.clear();
        check_integer("-42", None, &mut out);
        assert!(out.is_empty());
        check_integer("1.23E+11", None, &mut out);
        assert_eq!(out, vec![Kind::NotAnInteger]);
    }
}
