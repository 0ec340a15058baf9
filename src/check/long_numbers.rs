//! `digits-truncated`, decided per column: a number of more than 15 digits whose tail is zeros is
//! what Excel leaves of a longer one, but a real 16-digit card number ends in 0 one time in ten.
//! So the cut values of a column are held (at most [`MAX_HELD`]) and reported at the end of the
//! file, unless a long number of the same column ends otherwise: Excel did not cut that column.
//! Values with leading zeros were text to Excel (it drops them from numbers), and date columns
//! (Canon's `YYYYMMDDhhmmssmmm` at midnight) are not looked at.

use super::engine::Core;
use crate::read::Record;
use crate::report::{truncate_value, Kind, Place};
use crate::rules::excel_damage::{self, LongNumber};

/// Cut-looking values held per column until the end of the file.
const MAX_HELD: usize = 1000;

/// The long numbers seen in one column.
#[derive(Default)]
pub(super) struct ColumnLongNumbers {
    /// A long number of the column ends in other digits than zeros: nothing there was cut.
    uncut: bool,
    /// Where the cut-looking values are, and the values as shown.
    held: Vec<(Place, String)>,
}

impl Core {
    /// Notes the value of a filled cell (profile column `col`, file column `file_col`) if it is a
    /// long number. The caller tests the length first: most values are short.
    pub(super) fn note_long_number(
        &mut self,
        record: &Record,
        (file_col, col): (usize, usize),
        raw: &str,
    ) {
        let Some(number) = excel_damage::long_number(raw) else {
            return;
        };
        let dated = self
            .profile
            .columns
            .get(col)
            .is_some_and(|c| !c.checks.date_formats.is_empty());
        if dated {
            return;
        }
        if self.long_numbers.len() <= col {
            self.long_numbers.resize_with(col + 1, Default::default);
        }
        let uncut = match self.long_numbers.get(col) {
            Some(c) => c.uncut,
            None => return,
        };
        match number {
            LongNumber::Cut if !uncut => {
                let place = self.place(record, Some(file_col));
                if let Some(c) = self.long_numbers.get_mut(col) {
                    if c.held.len() < MAX_HELD {
                        c.held.push((place, truncate_value(raw)));
                    }
                }
            }
            LongNumber::Cut => {}
            LongNumber::Whole => {
                if let Some(c) = self.long_numbers.get_mut(col) {
                    c.uncut = true;
                    c.held = Vec::new();
                }
            }
        }
    }

    /// Reports the held values of every column that no long number showed uncut.
    pub(super) fn finish_long_numbers(&mut self) {
        for column in std::mem::take(&mut self.long_numbers) {
            for (place, value) in column.held {
                self.emit(Kind::DigitsTruncated, place, Some(value), None);
            }
        }
    }
}
