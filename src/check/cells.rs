//! The hot path: the cells of a data row. Fields are decoded in place (valid UTF-8 is borrowed,
//! never copied), checked, and only the values that row rules and unique keys need are kept.

use std::sync::Arc;

use crate::check::engine::Core;
use crate::check::legacy;
use crate::check::records::malformed_findings;
use crate::check::{quick, RecordRole, Sink};
use crate::decode::{Decoded, FieldDecoder, TextEncoding};
use crate::profile::{Compiled, Delimiter, ValuePolicy};
use crate::read::{QuoteProblem, Record};
use crate::report::{truncate_value, Kind, Severity};
use crate::rules::shortcut::Shortcut;
use crate::rules::{
    blank_default, brackets, check_value, excel_damage, formula, only_control_chars, presence,
    row_rule, structure, whitespace,
};

/// Which value checks a cell needs, from what is known of its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ValueChecks {
    /// All of them.
    All,
    /// All but the control-character rule (the record has none).
    NoControls,
    /// None: the record has no control character, and the column no other value check.
    Skip,
}

/// The findings of one cell of profile column `col` (pushed to `out`) and the value a row keeps:
/// trimmed, and without its brackets.
fn cell_findings<'a>(
    profile: &Compiled,
    col: usize,
    raw: &'a str,
    checks: ValueChecks,
    out: &mut Vec<Kind>,
) -> &'a str {
    let Some(column) = profile.columns.get(col) else {
        return raw;
    };
    formula::check(raw, out);
    let trimmed = whitespace::check(raw, out);
    // Spaces alone look empty; a required column says it is missing instead.
    if trimmed.is_empty() && !raw.is_empty() && column.value != ValuePolicy::Required {
        out.push(Kind::OnlySpaces);
    }
    let rejects = |code| profile.severity(code) == Severity::Error;
    whitespace::spaces_not_allowed(raw, trimmed, &column.checks, rejects, out);
    let value = if column.brackets {
        brackets::unwrap(trimmed, out)
    } else {
        trimmed
    };
    blank_default::check(value, column.when_blank.as_ref(), out);
    let masked = column.masked.iter().any(|m| m == value);
    if !masked && presence::check(value, column.value, out) && checks != ValueChecks::Skip {
        let suspicious = checks == ValueChecks::All;
        check_value(value, &column.checks, suspicious, out);
    }
    value
}

/// Whether fields in `enc` reach the engine as UTF-8 (UTF-16 is transcoded before tokenizing).
fn decodes_as_utf8(enc: TextEncoding) -> bool {
    matches!(
        enc,
        TextEncoding::Utf8 | TextEncoding::Utf16Le | TextEncoding::Utf16Be
    )
}

/// What the engine does with the cells of one file column, decided when the header is read.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct CellPlan {
    /// The profile column the file column is, if any.
    col: Option<usize>,
    /// Whether an empty cell of it has no finding.
    quiet_when_empty: bool,
    /// Whether its only value check is the control-character rule.
    plain: bool,
    /// Whether a filled cell with ordinary edges gets no finding before its value checks, and
    /// keeps its value (see `quick`).
    quick: bool,
    /// How its value checks can be answered directly.
    shortcut: Shortcut,
    /// Whether the value of its profile column is kept (for row rules, keys or the tracker).
    stored: bool,
}

impl CellPlan {
    /// The plan of a file column that is no profile column (such as one past the header).
    const NONE: CellPlan = CellPlan {
        col: None,
        quiet_when_empty: false,
        plain: false,
        quick: false,
        shortcut: Shortcut::None,
        stored: false,
    };

    /// Keeps the values of the column from now on, if it is a profile column.
    pub(super) fn store(&mut self) {
        self.stored = self.col.is_some();
    }
}

/// The cell plan of every file column.
pub(super) fn cell_plans(
    by_file: &[Option<usize>],
    quiet_when_empty: &[bool],
    stored_columns: &[bool],
    profile: &Compiled,
) -> Vec<CellPlan> {
    by_file
        .iter()
        .map(|&col| CellPlan {
            col,
            quiet_when_empty: col
                .is_some_and(|c| quiet_when_empty.get(c).copied().unwrap_or(false)),
            plain: col
                .and_then(|c| profile.columns.get(c))
                .is_some_and(|c| only_control_chars(&c.checks)),
            quick: col.is_some_and(|c| quick_column(profile, c)),
            shortcut: col
                .and_then(|c| profile.columns.get(c))
                .map_or(Shortcut::None, |c| Shortcut::of(&c.checks)),
            stored: col.is_some_and(|c| stored_columns.get(c).copied().unwrap_or(false)),
        })
        .collect()
}

/// Whether filled cells of profile column `col` with ordinary edges can go straight to their
/// value checks (see `quick`): the column masks nothing and has no brackets, and its policy has no
/// finding for a filled value and checks it (asked of the presence rule itself).
fn quick_column(profile: &Compiled, col: usize) -> bool {
    let mut out = Vec::new();
    profile.columns.get(col).is_some_and(|column| {
        quick::plain_shape(column) && presence::check("a", column.value, &mut out) && out.is_empty()
    })
}

/// About the cells of one data row.
struct Cells {
    /// Cells to visit: the record's, or the header's width if the record is shorter.
    count: usize,
    /// The field an unclosed quote swallowed.
    swallowed: Option<usize>,
    /// Whether the sink wants the decoded fields.
    wants_fields: bool,
}

/// Per profile column, whether an empty cell has no finding (decided once: most cells of an import
/// file are empty, and most columns allow that).
pub(super) fn quiet_when_empty(profile: &Compiled) -> Vec<bool> {
    let mut out = Vec::new();
    (0..profile.columns.len())
        .map(|col| {
            out.clear();
            cell_findings(profile, col, "", ValueChecks::All, &mut out);
            out.is_empty()
        })
        .collect()
}

impl Core {
    /// The cells of a data row.
    pub(super) fn data_row(&mut self, sink: &mut dyn Sink, record: &Record) {
        let row = record.position().record;
        self.data_rows += 1;
        self.structure_findings(record);
        let (width, tail) = self
            .header
            .as_ref()
            .map_or((0, 0), |h| (h.labels.len(), h.optional_tail));
        let tab = self.delimiter == Some(Delimiter::Tab);
        if let Some(kind) = structure::ragged(width, tail, record.total_fields(), tab) {
            let first_extra = (record.total_fields() > width).then_some(width);
            let place = self.place(record, first_extra.filter(|c| *c < record.len()));
            self.emit(kind, place, None, None);
        }
        // Only stored columns are ever filled (`keep_value`). Not `fill(false)`: in wasm that is a
        // `memory.fill`, which V8 runs as a call out of the module.
        for (filled, stored) in self.row_filled.iter_mut().zip(&self.stored_columns) {
            *filled &= !*stored;
        }
        let mut texts = std::mem::take(&mut self.texts);
        texts.clear();
        // The field an unclosed quote swallowed: the rest of the file became its value, and checking
        // it would only repeat the cause.
        let swallowed = record.problems().iter().find_map(|p| match p {
            QuoteProblem::UnclosedQuote { field, .. } => Some(*field),
            _ => None,
        });
        let cells = Cells {
            count: record.len().max(width),
            swallowed,
            wants_fields: self.wants_fields,
        };
        // Valid UTF-8 (or ASCII in any encoding) is validated once per record, not per field.
        let enc = self.decoder.encoding();
        let whole = (self.utf16_errors.is_empty()
            && (decodes_as_utf8(enc) || !record.has_non_ascii()))
        .then(|| record.utf8())
        .flatten();
        // A legacy encoding's record with non-ASCII bytes is checked through a copy with its
        // fields decoded (see `legacy`).
        let legacy_text = whole.is_none()
            && self.utf16_errors.is_empty()
            && !decodes_as_utf8(enc)
            && legacy::decode_whole();
        let mut legacy = legacy_text.then(|| std::mem::take(&mut self.legacy_record));
        let fields = match (whole, &mut legacy) {
            (Some(text), _) => Some((record, text)),
            (None, Some(copy)) => self.decoded_copy(record, copy),
            (None, None) => None,
        };
        // One call of each: the cell loop is compiled once.
        match fields {
            Some((record, text)) => self.text_cells(record, text, &cells, &mut texts),
            None => self.decoded_cells(record, &cells, &mut texts),
        }
        if let Some(copy) = legacy {
            self.legacy_record = copy;
        }
        self.row_rules(record);
        self.unique_keys(record, row);
        self.track_row(record);
        self.end_record(sink, RecordRole::Data, &texts);
        self.texts = texts;
    }

    /// Checks the cells of a record whose content is `text`, valid UTF-8 as a whole (see
    /// [`Record::utf8`]): no decoding, and no scan for control characters of its own (see
    /// [`Record::may_have_controls`]).
    fn text_cells(&mut self, record: &Record, text: &str, cells: &Cells, texts: &mut Vec<String>) {
        let suspicious = record.may_have_controls();
        let plans = std::mem::take(&mut self.cell_plans);
        for file_col in 0..cells.count {
            let plan = plans.get(file_col).unwrap_or(&CellPlan::NONE);
            let range = record.field_range(file_col).unwrap_or_default();
            if range.is_empty() {
                self.empty_cell(record, file_col, plan, cells, texts);
                continue;
            }
            let value = text.get(range).unwrap_or_default();
            if cells.wants_fields {
                texts.push(value.to_string());
            }
            if let Some(col) = plan.col.filter(|_| cells.swallowed != Some(file_col)) {
                let checks = match (suspicious, plan.plain) {
                    (true, _) => ValueChecks::All,
                    (false, false) => ValueChecks::NoControls,
                    (false, true) => ValueChecks::Skip,
                };
                let quick =
                    plan.quick && checks != ValueChecks::All && quick::ordinary_edges(value);
                match (quick, checks) {
                    (true, ValueChecks::Skip) => self.keep_planned(plan, col, value),
                    (true, _) if self.shortcut_passes(plan.shortcut, col, value) => {
                        self.keep_planned(plan, col, value)
                    }
                    (true, _) => self.check_value_only(record, (file_col, col), value),
                    (false, _) => self.check_cell(record, (file_col, col), value, checks),
                }
            }
        }
        self.cell_plans = plans;
    }

    /// An empty cell: most cells of an import file are, and only the presence rule applies.
    #[inline]
    fn empty_cell(
        &mut self,
        record: &Record,
        file_col: usize,
        plan: &CellPlan,
        cells: &Cells,
        texts: &mut Vec<String>,
    ) {
        if cells.wants_fields && file_col < record.len() {
            texts.push(String::new());
        }
        match plan.col {
            Some(col) if plan.quiet_when_empty => self.keep_planned(plan, col, ""),
            Some(col) => self.check_cell(record, (file_col, col), "", ValueChecks::All),
            None => {}
        }
    }

    /// Checks the cells of a record field by field, decoding each and reporting malformed bytes.
    fn decoded_cells(&mut self, record: &Record, cells: &Cells, texts: &mut Vec<String>) {
        let enc = self.decoder.encoding();
        let mut decoder = std::mem::replace(&mut self.decoder, FieldDecoder::new(enc));
        let plans = std::mem::take(&mut self.cell_plans);
        for file_col in 0..cells.count {
            let plan = plans.get(file_col).unwrap_or(&CellPlan::NONE);
            let bytes = record.field(file_col).unwrap_or(&[]);
            if bytes.is_empty() && self.utf16_errors.is_empty() {
                self.empty_cell(record, file_col, plan, cells, texts);
                continue;
            }
            let decoded = decoder.decode_stored(bytes, record.was_cut(file_col));
            if !decoded.malformed.is_empty() || !self.utf16_errors.is_empty() {
                self.report_malformed(record, file_col, bytes, &decoded, enc);
            }
            if cells.wants_fields && file_col < record.len() {
                texts.push(decoded.text.to_string());
            }
            if let Some(col) = plan.col.filter(|_| cells.swallowed != Some(file_col)) {
                self.check_cell(record, (file_col, col), &decoded.text, ValueChecks::All);
            }
        }
        self.cell_plans = plans;
        self.decoder = decoder;
    }

    /// Reports malformed byte sequences of a field at their exact offsets (and UTF-16 errors that
    /// the transcoder found inside the field).
    fn report_malformed(
        &mut self,
        record: &Record,
        file_col: usize,
        bytes: &[u8],
        decoded: &Decoded<'_>,
        enc: TextEncoding,
    ) {
        let content_start =
            record.field_offset(file_col).unwrap_or(0) + u64::from(record.was_quoted(file_col));
        let shown = truncate_value(&decoded.text);
        for (byte, kind) in malformed_findings(content_start, bytes, decoded.malformed, enc) {
            let mut place = self.place(record, Some(file_col));
            place.byte = Some(byte);
            self.emit(kind, place, Some(shown.clone()), None);
        }
        let next_start = record
            .field_offset(file_col + 1)
            .unwrap_or(record.end_offset());
        while let Some(&(offset, len)) = self.utf16_errors.front() {
            if offset >= next_start {
                break;
            }
            self.utf16_errors.pop_front();
            let mut place = self.place(record, Some(file_col));
            place.byte = Some(offset);
            let kind = Kind::EncodingError {
                encoding: enc,
                bytes: format!("{len} byte(s)"),
            };
            self.emit(kind, place, Some(shown.clone()), None);
        }
    }

    fn check_cell(
        &mut self,
        record: &Record,
        (file_col, col): (usize, usize),
        raw: &str,
        checks: ValueChecks,
    ) {
        self.scratch.clear();
        if let Some(kind) = excel_damage::check(raw) {
            self.scratch.push(kind);
        }
        // Most cells are short or start otherwise: two cheap tests before the call.
        if raw.len() > 15 && matches!(raw.as_bytes().first(), Some(b'1'..=b'9')) {
            self.note_long_number(record, (file_col, col), raw);
        }
        let value = cell_findings(&self.profile, col, raw, checks, &mut self.scratch);
        self.keep_value(col, value);
        if !self.scratch.is_empty() {
            self.emit_cell_findings(record, file_col, raw);
        }
    }

    /// Whether `shortcut` tells that the value checks of profile column `col` pass `value`.
    #[inline]
    fn shortcut_passes(&self, shortcut: Shortcut, col: usize, value: &str) -> bool {
        let column = self.profile.columns.get(col);
        column.is_some_and(|c| shortcut.passes(value, &c.checks))
    }

    /// [`Engine::check_cell`] for a filled cell that only its value checks can flag (see `quick`),
    /// of a record without control characters.
    fn check_value_only(&mut self, record: &Record, (file_col, col): (usize, usize), value: &str) {
        self.scratch.clear();
        if let Some(column) = self.profile.columns.get(col) {
            check_value(value, &column.checks, false, &mut self.scratch);
        }
        self.keep_value(col, value);
        if !self.scratch.is_empty() {
            self.emit_cell_findings(record, file_col, value);
        }
    }

    /// Emits the findings `check_cell` left in `scratch` (the rare case, kept out of its way).
    #[cold]
    fn emit_cell_findings(&mut self, record: &Record, file_col: usize, raw: &str) {
        let mut out = std::mem::take(&mut self.scratch);
        let place = self.place(record, Some(file_col));
        let shown = (!raw.is_empty()).then(|| truncate_value(raw));
        for kind in out.drain(..) {
            self.emit(kind, place.clone(), shown.clone(), None);
        }
        self.scratch = out;
    }

    /// Keeps the value of profile column `col` when row rules, keys or the tracker need it.
    #[inline]
    fn keep_value(&mut self, col: usize, value: &str) {
        if self.stored_columns.get(col).copied().unwrap_or(false) {
            if let (Some(slot), Some(filled)) =
                (self.row_values.get_mut(col), self.row_filled.get_mut(col))
            {
                slot.clear();
                slot.push_str(value);
                *filled = true;
            }
        }
    }

    /// [`Engine::keep_value`] for a cell of a file column with this plan: it tells, without a
    /// lookup, whether the value is kept at all (most are not).
    #[inline]
    fn keep_planned(&mut self, plan: &CellPlan, col: usize, value: &str) {
        if plan.stored {
            self.keep_value(col, value);
        }
    }

    /// The kept value of profile column `col` in the current row.
    fn row_value(&self, col: usize) -> Option<&str> {
        match self.row_filled.get(col) {
            Some(true) => self.row_values.get(col).map(String::as_str),
            _ => None,
        }
    }

    fn row_rules(&mut self, record: &Record) {
        for r in 0..self.profile.row_rules.len() {
            let Some(rule) = self.profile.row_rules.get(r) else {
                continue;
            };
            let Some(kind) = row_rule::check(rule, &|i| self.row_value(i)) else {
                continue;
            };
            let (column, severity) = (rule.column, rule.severity);
            let file_col = self
                .header
                .as_ref()
                .and_then(|h| h.by_profile.get(column).copied().flatten());
            let mut place = self.place(record, file_col);
            if file_col.is_none() {
                place.column = self
                    .profile
                    .columns
                    .get(column)
                    .map(|c| Arc::clone(&c.name));
            }
            let value = self
                .row_value(column)
                .filter(|v| !v.is_empty())
                .map(truncate_value);
            self.emit(kind, place, value, severity);
        }
    }

    fn unique_keys(&mut self, record: &Record, row: u64) {
        for k in 0..self.unique.len() {
            let Some(key) = self.profile.unique.get(k) else {
                continue;
            };
            let complete = key
                .columns
                .iter()
                .all(|c| self.row_value(*c).is_some_and(|v| !v.is_empty()));
            if !complete {
                continue;
            }
            let values = &self.row_values;
            let value = |c: &usize| values.get(*c).map_or("", String::as_str);
            let hashed = match key.columns[..] {
                [c] => self.key_hashes.get(k, record, value(&c)),
                _ => None,
            };
            let read = record.end_offset();
            let found = match (self.unique.get_mut(k), hashed) {
                (Some(index), Some(hash)) => index.check_hash(hash, row, read, &key.names),
                (Some(index), None) => {
                    index.check(key.columns.iter().map(value), row, read, &key.names)
                }
                (None, _) => None,
            };
            if let Some(kind) = found {
                let first_col = key.columns.first().and_then(|c| {
                    self.header
                        .as_ref()
                        .and_then(|h| h.by_profile.get(*c).copied().flatten())
                });
                let shown: Vec<&str> = key
                    .columns
                    .iter()
                    .filter_map(|c| self.row_value(*c))
                    .collect();
                let value = truncate_value(&shown.join(" + "));
                let place = self.place(record, first_col);
                self.emit(kind, place, Some(value), None);
            }
        }
    }
}
