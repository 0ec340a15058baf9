//! `digits-truncated`, decided per column: a number of more than 15 digits whose tail is zeros is
//! what Excel leaves of a longer one, but a real 16-digit card number ends in 0 one time in ten.
//! So the cut values of a column are held and reported at the end of the file, unless a long
//! number of the same column ends otherwise: Excel did not cut that column (the decision is
//! [`LongNumbers`], shared with the converter). Values with leading zeros were text to Excel (it
//! drops them from numbers), and date columns (Canon's `YYYYMMDDhhmmssmmm` at midnight) are not
//! looked at. Past the first 1,000 of a column only the row of each is held (the memory bound):
//! those findings have the row and the column, not the line, the byte or the value, and every
//! one is counted and given to the sink.

use super::engine::Core;
use super::Sink;
use crate::read::Record;
use crate::report::{truncate_value, Kind, Place};
use crate::rules::excel_damage::LongNumbers;

/// The long numbers of every profile column, with where each cut-looking value is and the value
/// as shown (past the first ones of a column, its row).
pub(super) type ColumnsLongNumbers = LongNumbers<(Place, String), u64>;

impl Core {
    /// Notes the value of a filled cell (profile column `col`, file column `file_col`) if it is a
    /// long number. The caller tests the length first: most values are short.
    pub(super) fn note_long_number(
        &mut self,
        record: &Record,
        (file_col, col): (usize, usize),
        raw: &str,
    ) {
        let dated = self
            .profile
            .columns
            .get(col)
            .is_some_and(|c| !c.checks.date_formats.is_empty());
        if dated {
            return;
        }
        // Taken out for the call, so that `hold` can read the engine (a move, not a copy).
        let mut long_numbers = std::mem::take(&mut self.long_numbers);
        long_numbers.note(
            col,
            raw,
            || (self.place(record, Some(file_col)), truncate_value(raw)),
            || record.position().record,
        );
        self.long_numbers = long_numbers;
    }

    /// Reports the held values of every column that no long number showed uncut (bounded: a column
    /// of a million does not wait in `pending`).
    pub(super) fn finish_long_numbers(&mut self, sink: &mut dyn Sink) {
        for column in std::mem::take(&mut self.long_numbers).finish() {
            // Every value of a column is in the same file column.
            let like = column.held.first().map(|(place, _)| Place {
                column: place.column.clone(),
                column_index: place.column_index,
                ..Place::default()
            });
            for (place, value) in column.held {
                self.emit_bounded(sink, Kind::DigitsTruncated, place, Some(value));
            }
            let Some(like) = like else {
                continue;
            };
            for row in column.beyond {
                let place = Place {
                    row: Some(row),
                    ..like.clone()
                };
                self.emit_bounded(sink, Kind::DigitsTruncated, place, None);
            }
        }
    }
}
