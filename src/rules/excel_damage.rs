//! What it checks: values Excel has already damaged in a way that shows in the value alone: a long
//! number saved in scientific notation (`1.23E+11`), and one cut to 15 significant digits
//! (`1234567890123450000`).
//! Why: Excel shows an ID or card number of 12 digits or more as `1.23457E+11` and saves it so;
//! the digits after the first few are gone, and every rule that only reads characters passes it
//! (a learningBOX login ID may contain `.` and `+`) or advises removing the letters, which makes a
//! wrong ID. A number typed or pasted into a cell formatted as a number keeps 15 significant digits,
//! the rest become zeros, and a digits rule passes it. Only the original system still has the
//! digits. The cut one is a warning like the other, decided per column at the end of the file
//! ([`LongNumbers`], used by `check::long_numbers`): a real 16-digit number ends in 0 one time in
//! ten, and one long number of the column with other last digits shows that Excel did not cut it.
//! Example: Login ID `1.23E+11` → `scientific-notation`; card number `1234567890123450000` →
//! `digits-truncated`. The converter finds these with the same predicate and the same per-column
//! decision, and the damage that needs the column's facts (lost leading zeros, values turned into
//! dates).

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
enum LongNumber {
    /// Everything after the 15th digit is a zero: what Excel leaves of a longer number.
    Cut,
    /// Another digit after the 15th: Excel did not cut it.
    Whole,
}

/// Whether `value` is a number of more than 15 digits, cut or whole; `None` for anything else,
/// and for a value with leading zeros (Excel drops them from numbers: it held the value as text,
/// and did not cut it). [`LongNumbers`] decides per column: a column where one long number is
/// whole was not cut.
fn long_number(value: &str) -> Option<LongNumber> {
    if value.len() <= EXCEL_DIGITS || value.starts_with('0') || !digits(value) {
        return None;
    }
    Some(if truncated(value) {
        LongNumber::Cut
    } else {
        LongNumber::Whole
    })
}

/// Cut-looking values held whole per column until the end of the file; past them, only a brief
/// (a row number) is held.
const MAX_HELD: usize = 1000;

/// The long numbers of one column.
#[derive(Debug)]
struct ColumnLongNumbers<T, B> {
    /// A long number of the column ends in other digits than zeros: nothing there was cut.
    uncut: bool,
    /// What the caller reports of each of the first [`MAX_HELD`] cut-looking values.
    held: Vec<T>,
    /// What the caller keeps of each later one.
    beyond: Vec<B>,
}

/// The cut-looking values of one column, at the end of the file: the first ones whole, the rest
/// as briefs (in the order noted, after them).
#[derive(Debug)]
pub(crate) struct CutColumn<T, B> {
    /// The first [`MAX_HELD`], as the caller reports them.
    pub held: Vec<T>,
    /// The rest, each as its brief; only when `held` is full.
    pub beyond: Vec<B>,
}

/// The per-column decision of `digits-truncated`, shared by the check and the converter: the
/// cut-looking values of a column are held (reported at the end of the file) unless a long
/// number of the same column is whole. The caller leaves out the columns that hold dates (a
/// date-time at midnight ends in zeros).
///
/// Every cut-looking value is kept, so that counts and rows are exact: the first [`MAX_HELD`] of
/// a column whole (`T`: place and value), the rest as a brief `B` (the row numbers, 8 or 16
/// bytes). So a column held costs at most `MAX_HELD` `T`s and one `B` per later value of 16
/// bytes or more in the file: at most one byte held for each two of the input.
#[derive(Debug)]
pub(crate) struct LongNumbers<T, B> {
    columns: Vec<ColumnLongNumbers<T, B>>,
}

impl<T, B> Default for LongNumbers<T, B> {
    fn default() -> Self {
        LongNumbers {
            columns: Vec::new(),
        }
    }
}

impl<T, B> LongNumbers<T, B> {
    /// Notes `value` of column `col`; `hold` makes what is reported of it, `brief` what is kept of
    /// it once the column holds [`MAX_HELD`]; they are called only for a cut-looking value of a
    /// column that no whole long number has cleared (a rare case).
    pub(crate) fn note(
        &mut self,
        col: usize,
        value: &str,
        hold: impl FnOnce() -> T,
        brief: impl FnOnce() -> B,
    ) {
        let Some(number) = long_number(value) else {
            return;
        };
        if self.columns.len() <= col {
            self.columns.resize_with(col + 1, || ColumnLongNumbers {
                uncut: false,
                held: Vec::new(),
                beyond: Vec::new(),
            });
        }
        let Some(column) = self.columns.get_mut(col) else {
            return;
        };
        match number {
            LongNumber::Cut if column.uncut => {}
            LongNumber::Cut if column.held.len() < MAX_HELD => column.held.push(hold()),
            LongNumber::Cut => column.beyond.push(brief()),
            LongNumber::Whole => {
                column.uncut = true;
                column.held = Vec::new();
                column.beyond = Vec::new();
            }
        }
    }

    /// The values to report, column by column (the columns with none left out).
    pub(crate) fn finish(self) -> impl Iterator<Item = CutColumn<T, B>> {
        self.columns
            .into_iter()
            .filter(|c| !c.held.is_empty())
            .map(|c| CutColumn {
                held: c.held,
                beyond: c.beyond,
            })
    }
}

/// Whether `s` is one or more ASCII digits.
pub(crate) fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Significant digits Excel keeps of a number.
const EXCEL_DIGITS: usize = 15;

/// `1234567890123450000`: only digits, more than 15 significant ones (after any leading zeros), and
/// every one after the 15th a zero: what Excel keeps of a longer number.
fn truncated(value: &str) -> bool {
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

    #[test]
    fn a_column_with_one_whole_long_number_was_not_cut() {
        let never = || -> u64 { unreachable!("the column holds fewer") };
        let mut numbers = LongNumbers::default();
        numbers.note(2, "1234567890123450", || "a", never);
        numbers.note(0, "1234567890123450", || "b", never);
        numbers.note(0, "123", || unreachable!("not a long number"), never);
        numbers.note(
            0,
            "0001234567890123450",
            || unreachable!("leading zeros"),
            never,
        );
        numbers.note(2, "1234567890123456", || unreachable!("whole"), never);
        numbers.note(
            2,
            "2234567890123450",
            || unreachable!("column cleared"),
            never,
        );
        numbers.note(0, "2234567890123450000", || "c", never);
        let columns: Vec<_> = numbers.finish().collect();
        assert_eq!(columns.len(), 1);
        assert_eq!(columns[0].held, ["b", "c"]);
        assert!(columns[0].beyond.is_empty());
    }

    #[test]
    fn past_the_held_values_a_brief_of_each_is_kept() {
        let mut many = LongNumbers::default();
        for row in 0..MAX_HELD as u64 + 5 {
            many.note(0, "1234567890123450", || row, || row);
        }
        let columns: Vec<_> = many.finish().collect();
        assert_eq!(columns.len(), 1);
        assert_eq!(columns[0].held.len(), MAX_HELD);
        assert_eq!(columns[0].held.last(), Some(&(MAX_HELD as u64 - 1)));
        let beyond: Vec<u64> = (MAX_HELD as u64..MAX_HELD as u64 + 5).collect();
        assert_eq!(columns[0].beyond, beyond);

        // A whole long number clears the briefs too.
        many = LongNumbers::default();
        for row in 0..MAX_HELD as u64 + 5 {
            many.note(0, "1234567890123450", || row, || row);
        }
        many.note(0, "1234567890123451", || 0, || 0);
        assert_eq!(many.finish().count(), 0);
    }
}
