//! A first pass over the input, so that the result CSV's rows can show what the engine tells only
//! later: the errors about the header or the whole file (line endings and the row count are known
//! at the end, Canon's `CharSet:UTF8` marker from the first row that shows UTF-8) and the findings
//! it makes about a row after the row has ended (`blank-row` at the next user, the
//! `trailing-blank-lines` at the end, `digits-truncated` per column at the end). The check runs
//! twice; the result CSV is made on demand, and the rows need the whole truth.

use std::collections::HashMap;

use crate::check::{RecordInfo, RecordRole, Sink};
use crate::report::{Finding, Severity};

/// Late row findings kept at most: a file of a million empty lines between users would otherwise
/// hold a finding per line (rows past it are written without theirs).
pub(super) const MAX_LATE_FINDINGS: usize = 100_000;

/// What the first pass learnt.
#[derive(Default)]
pub(super) struct Foresight {
    /// Errors about the header, a line before it, or the whole file, in the order found.
    pub file_errors: Vec<Finding>,
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
    /// Takes the late findings about `row`.
    pub fn take_late(&mut self, row: u64) -> Vec<Finding> {
        self.late.remove(&row).unwrap_or_default()
    }
}

impl Sink for Foresight {
    fn finding(&mut self, finding: Finding) {
        let row = finding.place.row;
        // Until the header is read every finding is about it, a line before it or the file.
        let about_file = match (row, self.header_row) {
            (Some(row), Some(header)) => row <= header,
            _ => true,
        };
        if about_file && finding.severity == Severity::Error {
            self.file_errors.push(finding.clone());
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
