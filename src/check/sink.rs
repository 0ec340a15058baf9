//! Where findings go: the report collector, or the result-CSV writer.

use crate::plan::{KeySet, Plan};
use crate::report::{Collector, Finding};

/// What a record was in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RecordRole {
    /// A line before the header.
    Preamble,
    /// The header row.
    Header,
    /// A user row.
    Data,
    /// An empty row.
    Blank,
}

/// A finished record.
pub(crate) struct RecordInfo<'a> {
    pub role: RecordRole,
    /// Decoded fields, only when the sink asked for them.
    pub fields: &'a [String],
    /// The file's delimiter byte.
    pub delimiter: u8,
    /// The record's spreadsheet row.
    pub row: u64,
    /// Data rows: the trimmed value per profile column (only columns the engine stores).
    pub values: &'a [String],
    /// Data rows: whether the row has a stored value for the profile column.
    pub filled: &'a [bool],
}

/// Receives the engine's output in file order.
pub(crate) trait Sink {
    /// A finding (row-level ones come before the `end_record` of their row).
    fn finding(&mut self, finding: Finding);
    /// A record is done (only called when [`Sink::wants_records`]).
    fn end_record(&mut self, _record: &RecordInfo<'_>) {}
    /// Whether `end_record` is wanted: the report collector only counts rows, which it gets from
    /// [`Sink::counted`], so the engine skips a call per row for it.
    fn wants_records(&self) -> bool {
        true
    }
    /// The end of the file: data rows, and those with an error.
    fn counted(&mut self, _rows: u64, _rows_with_errors: u64) {}
    /// Whether `end_record` needs the decoded fields.
    fn wants_fields(&self) -> bool {
        false
    }
    /// The end of the file: the plan (with a baseline) and the file's key hashes (when collected).
    fn tracked(&mut self, _plan: Option<Plan>, _keys: Option<KeySet>) {}
    /// The encoding was decided from the bytes (a BOM, UTF-16, or the first non-ASCII text); it
    /// comes before the first record that needed it. Never called for an ASCII-only file.
    fn encoding_decided(&mut self, _encoding: crate::decode::TextEncoding) {}
}

impl Sink for Collector {
    fn finding(&mut self, finding: Finding) {
        self.add(&finding);
    }

    fn wants_records(&self) -> bool {
        false
    }

    fn counted(&mut self, rows: u64, rows_with_errors: u64) {
        self.set_rows(rows, rows_with_errors);
    }

    fn tracked(&mut self, plan: Option<Plan>, keys: Option<KeySet>) {
        self.plan = plan;
        self.keys = keys;
    }
}
