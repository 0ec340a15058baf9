//! Values Excel has already damaged, found but never repaired: the original digits are gone, and
//! only the original system has them.
//!
//! - `1.23E+11`: a long number shown and saved in scientific notation;
//! - `1234567890123450000`: more than 15 digits, the rest zeros (Excel keeps 15): decided per
//!   column at the end of the file with the check's own rule ([`LongNumbers`]), so the values are
//!   held as [`CutNumber`]s, not found by [`detect`];
//! - `123` in a column of 5 digits: leading zeros dropped;
//! - `2-Jan`, `Jan-02`, `1月2日`, or `2025/1/2` in a column that holds no dates: a value Excel read
//!   as a date.

use crate::convert::dates::read_excel_date;
use crate::convert::messages::Issue;
use crate::convert::repairs::TargetColumn;
use crate::convert::result::At;
use crate::convert::rows::RowPlace;
use crate::rules::excel_damage::{digits, scientific, LongNumbers};

/// A value that looks cut to 15 significant digits, held until the end of the file.
#[derive(Debug)]
pub(crate) struct CutNumber {
    /// Where it is.
    pub at: At,
    /// The value as Excel left it (truncated for display).
    pub value: String,
    /// The target's brackets were added to it: the output looks repaired, and is not.
    pub brackets_added: bool,
}

/// The cut-looking values of the converted file, per column (the check's decision: a column where
/// one long number ends otherwise was not cut); past the first ones of a column, only their rows.
pub(crate) type CutNumbers = LongNumbers<CutNumber, RowPlace>;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_day(value: &str) -> bool {
    let day = |s: &str| digits(s) && s.len() <= 2;
    if let Some((a, b)) = value.split_once('-') {
        // 2-Jan (from 1-2 or 2/1), Jan-02 (from 1-2 read as month-year).
        return (day(a) && MONTHS.contains(&b)) || (MONTHS.contains(&a) && day(b));
    }
    // 1月2日 (Japanese Excel).
    value
        .strip_suffix('日')
        .and_then(|v| v.split_once('月'))
        .is_some_and(|(m, d)| day(m) && day(d))
}

/// Finds the damage Excel may have done to a value of the column.
pub(crate) fn detect(value: &str, column: &TargetColumn) -> Option<Issue> {
    if value.is_empty() || !value.is_ascii() && !value.contains(['月', '日']) {
        return None;
    }
    if scientific(value) {
        return Some(Issue::ScientificNotation);
    }
    if let Some(width) = column.fixed_width {
        if digits(value) && (value.len() as u64) < u64::from(width) {
            return Some(Issue::LeadingZerosLost {
                digits: value.len(),
                width,
            });
        }
    }
    if !column.is_date()
        && (month_day(value) || (column.ascii_only && read_excel_date(value).is_some()))
    {
        return Some(Issue::ValueBecameDate);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(ascii_only: bool, width: Option<u32>) -> TargetColumn {
        TargetColumn {
            ascii_only,
            fixed_width: width,
            ..TargetColumn::default()
        }
    }

    #[test]
    fn finds_what_excel_did() {
        let any = col(false, None);
        assert_eq!(detect("1.23E+11", &any), Some(Issue::ScientificNotation));
        assert_eq!(detect("4E-05", &any), Some(Issue::ScientificNotation));
        assert_eq!(detect("1,5E+12", &any), Some(Issue::ScientificNotation));
        assert_eq!(detect("ABE+1", &any), None);
        assert_eq!(detect("E+11", &any), None);
        // Decided per column, not here.
        assert_eq!(detect("1234567890123450000", &any), None);
        assert_eq!(detect("1234567890123456", &any), None);
        assert_eq!(detect("123456789012345", &any), None);
        assert_eq!(
            detect("123", &col(true, Some(5))),
            Some(Issue::LeadingZerosLost {
                digits: 3,
                width: 5
            })
        );
        assert_eq!(detect("00123", &col(true, Some(5))), None);
        assert_eq!(detect("2-Jan", &any), Some(Issue::ValueBecameDate));
        assert_eq!(detect("Jan-02", &any), Some(Issue::ValueBecameDate));
        assert_eq!(detect("1月2日", &any), Some(Issue::ValueBecameDate));
        assert_eq!(
            detect("2025/1/2", &col(true, None)),
            Some(Issue::ValueBecameDate)
        );
        assert_eq!(detect("2025/1/2", &any), None);
        assert_eq!(detect("山田", &any), None);
        let date = TargetColumn {
            date_formats: vec!["YYYYMMDD".into()],
            ..TargetColumn::default()
        };
        assert_eq!(detect("2-Jan", &date), None);
        assert_eq!(detect("20240401093000000", &date), None);
        assert_eq!(
            detect("2.02404E+16", &date),
            Some(Issue::ScientificNotation)
        );
    }
}
