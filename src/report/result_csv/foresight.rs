//! A first pass over the input, so that the result CSV's rows can show what the engine tells only
//! later: the errors about the header or the whole file (line endings and the row count are known
//! at the end, Canon's `CharSet:UTF8` marker from the first row that shows UTF-8) and the findings
//! it makes about a row after the row has ended (`blank-row` at the next user, the
//! `trailing-blank-lines` at the end, `digits-truncated` per column at the end). The check runs
//! twice; the result CSV is made on demand, and the rows need the whole truth.

use std::collections::HashMap;

use super::file_errors::FileErrors;
use crate::check::{RecordInfo, RecordRole, Sink};
use crate::decode::Lang;
use crate::report::{Finding, Severity};

/// Late row findings kept at most: a file of a million empty lines between users would otherwise
/// hold a finding per line (rows past it are written without theirs).
pub(super) const MAX_LATE_FINDINGS: usize = 100_000;

/// Whether a finding about `row` is about the header, a line before it or the whole file: until
/// the header is read (`header_row`), every finding is.
pub(super) fn about_file(row: Option<u64>, header_row: Option<u64>) -> bool {
    match (row, header_row) {
        (Some(row), Some(header)) => row <= header,
        _ => true,
    }
}

/// What the first pass learnt.
pub(super) struct Foresight {
    /// The language the file errors' messages are rendered in.
    lang: Lang,
    /// Errors about the header, a line before it, or the whole file.
    pub file_errors: FileErrors,
    /// Findings made about a row after it ended, by row.
    late: HashMap<u64, Vec<Finding>>,
    /// Late findings kept.
    kept: usize,
    /// The header's row, once read.
    header_row: Option<u64>,
    /// The row of the last record read.
    last_row: Option<u64>,
}

impl Foresight {
    /// A first pass whose messages are in `lang`.
    pub fn new(lang: Lang) -> Self {
        Foresight {
            lang,
            file_errors: FileErrors::default(),
            late: HashMap::new(),
            kept: 0,
            header_row: None,
            last_row: None,
        }
    }

    /// Takes the late findings about `row`.
    pub fn take_late(&mut self, row: u64) -> Vec<Finding> {
        self.late.remove(&row).unwrap_or_default()
    }
}

impl Sink for Foresight {
    fn finding(&mut self, finding: Finding) {
        let row = finding.place.row;
        if about_file(row, self.header_row) && finding.severity == Severity::Error {
            self.file_errors.add(&finding, self.lang);
        }
        if let Some(row) = row.filter(|r| Some(*r) <= self.last_row) {
            if self.kept < MAX_LATE_FINDINGS {
                self.kept += 1;
                self.late.entry(row).or_default().push(finding);
            }
        }
    }

    fn end_record(&mut self, record: &RecordInfo<'_>) {
        self.last_row = Some(record.row);
        if record.role == RecordRole::Header {
            self.header_row = Some(record.row);
        }
    }
}
