//! Per-record work: preamble lines, the header, blank rows, and the cells of data rows.

use std::sync::Arc;

use crate::check::engine::BlankRun;
use crate::check::{Engine, RecordInfo, RecordRole, Sink};
use crate::profile::ValuePolicy;
use crate::read::{QuoteProblem, Record};
use crate::report::{truncate_value, Kind, Place};
use crate::rules::{
    brackets, check_value, encoding, header, limits, preamble, presence, row_rule, structure,
    whitespace,
};

impl<S: Sink> Engine<S> {
    fn place(&self, record: &Record, file_col: Option<usize>) -> Place {
        let position = record.position();
        Place {
            row: Some(position.record),
            line: Some(position.line),
            byte: Some(
                file_col
                    .and_then(|c| record.field_offset(c))
                    .unwrap_or(position.byte),
            ),
            column: file_col.and_then(|c| self.label(c)),
            column_index: file_col.map(|c| (c + 1) as u32),
        }
    }

    /// Decodes field `i` into `out`, reporting malformed bytes at their exact offsets.
    fn decode_field(&mut self, record: &Record, i: usize, out: &mut String) {
        out.clear();
        let bytes = record.field(i).unwrap_or(&[]);
        let field_start = record.field_offset(i).unwrap_or(0);
        let content_start = field_start + u64::from(record.was_quoted(i));
        let decoded = self.decoder.decode(bytes);
        out.push_str(&decoded.text);
        let malformed: Vec<(u64, String)> = decoded
            .malformed
            .iter()
            .map(|m| {
                let end = (m.offset + m.len).min(bytes.len());
                let bad = bytes.get(m.offset..end).unwrap_or(&[]);
                (content_start + m.offset as u64, encoding::hex(bad))
            })
            .collect();
        for (byte, hex) in malformed {
            let mut place = self.place(record, Some(i));
            place.byte = Some(byte);
            let encoding = self.decoder.encoding();
            self.emit(
                Kind::EncodingError {
                    encoding,
                    bytes: hex,
                },
                place,
                Some(truncate_value(out)),
                None,
            );
        }
        // UTF-16 files: malformed code units found by the transcoder, attributed by offset.
        let next_start = record.field_offset(i + 1).unwrap_or(record.end_offset());
        while let Some(&(offset, len)) = self.utf16_errors.front() {
            if offset >= next_start {
                break;
            }
            self.utf16_errors.pop_front();
            let mut place = self.place(record, Some(i));
            place.byte = Some(offset);
            let kind = Kind::EncodingError {
                encoding: self.decoder.encoding(),
                bytes: format!("{len} byte(s)"),
            };
            self.emit(kind, place, Some(truncate_value(out)), None);
        }
    }

    fn decode_all(&mut self, record: &Record) -> Vec<String> {
        let mut texts = std::mem::take(&mut self.texts);
        texts.resize(record.len(), String::new());
        texts.truncate(record.len());
        for (i, text) in texts.iter_mut().enumerate() {
            self.decode_field(record, i, text);
        }
        texts
    }

    fn end_record(&mut self, role: RecordRole, texts: &[String]) {
        let delimiter = self.delimiter.map_or(b',', |d| d.byte());
        let info = RecordInfo {
            role,
            fields: texts,
            had_error: self.row_has_error,
            delimiter,
        };
        self.sink.end_record(&info);
        self.row_has_error = false;
    }

    /// Handles one record once the encoding is known (or the record is ASCII).
    pub(super) fn process(&mut self, record: &Record) {
        let row = record.position().record;
        let preamble_len = self.profile.preamble.len() as u64;
        let blank = record.is_blank_line() || structure::is_blank(record.fields());
        if row <= preamble_len {
            let texts = self.decode_all(record);
            let delim = self.delimiter.map_or(",", |d| {
                if d.byte() == b'\t' {
                    "\t"
                } else if d.byte() == b';' {
                    ";"
                } else {
                    ","
                }
            });
            let line = texts.join(delim);
            if let Some(rule) = self.profile.preamble.get((row - 1) as usize).cloned() {
                if let Some(kind) = preamble::check(&line, &rule) {
                    let place = self.place(record, None);
                    self.emit(kind, place, Some(truncate_value(&line)), None);
                }
            }
            self.end_record(RecordRole::Preamble, &texts);
            self.texts = texts;
            return;
        }
        if blank {
            self.blank_row(record);
            let texts = if self.sink.wants_fields() {
                self.decode_all(record)
            } else {
                Vec::new()
            };
            self.end_record(RecordRole::Blank, &texts);
            self.texts = texts;
            return;
        }
        if self.header.is_none() {
            // Blank rows before the header are reported as blank rows, not trailing lines.
            self.finish_blank_run(false);
            self.read_header(record);
            return;
        }
        self.finish_blank_run(false);
        self.data_row(record);
    }

    fn blank_row(&mut self, record: &Record) {
        let position = record.position();
        let keep = self.options.max_diagnostics.max(1);
        let run = self.blank_run.get_or_insert(BlankRun {
            places: Vec::new(),
            count: 0,
        });
        run.count += 1;
        if run.places.len() < keep {
            run.places
                .push((position.record, position.line, position.byte));
        }
    }

    /// Reports the pending blank rows: as blank rows in the middle, or one trailing-lines finding.
    pub(super) fn finish_blank_run(&mut self, at_end: bool) {
        let Some(run) = self.blank_run.take() else {
            return;
        };
        let (row, line, byte) = run.places.first().copied().unwrap_or_default();
        if at_end && self.header.is_some() {
            let place = Place {
                row: Some(row),
                line: Some(line),
                byte: Some(byte),
                ..Place::default()
            };
            self.emit(
                Kind::TrailingBlankLines { count: run.count },
                place,
                None,
                None,
            );
            self.row_has_error = false;
            return;
        }
        for k in 0..run.count {
            // Blank rows are one line each; positions past the kept ones are derived.
            let kept = run.places.get(k as usize).copied();
            let place = Place {
                row: Some(kept.map_or(row + k, |p| p.0)),
                line: Some(kept.map_or(line + k, |p| p.1)),
                byte: kept.map(|p| p.2),
                ..Place::default()
            };
            self.emit(Kind::BlankRow, place, None, None);
        }
        self.row_has_error = false;
    }

    fn read_header(&mut self, record: &Record) {
        let row = record.position().record;
        let mut texts = self.decode_all(record);
        let mut labels = texts.clone();
        if let (Some(prefix), Some(first)) = (self.profile.label_prefix.clone(), labels.first_mut())
        {
            match first.strip_prefix(prefix.as_str()) {
                Some(rest) => *first = rest.to_string(),
                None => {
                    let kind = Kind::InvalidPreamble {
                        starts_with: prefix.clone(),
                        description: crate::profile::Text {
                            en: "the header line starts with this character".into(),
                            ja: "ヘッダー行はこの文字で始まります".into(),
                        },
                    };
                    let place = self.place(record, None);
                    self.emit(kind, place, Some(truncate_value(first)), None);
                }
            }
        }
        let (map, findings) = header::match_header(&labels, &self.profile, self.decoder.encoding());
        self.header = Some(map);
        self.header_row = Some(row);
        for (kind, file_col, name, severity) in findings {
            let mut place = self.place(record, file_col);
            if name.is_some() {
                place.column = name;
            }
            let value = file_col
                .and_then(|c| texts.get(c))
                .map(|v| truncate_value(v));
            self.emit(kind, place, value, severity);
        }
        self.structure_findings(record);
        self.end_record(RecordRole::Header, &texts);
        texts.clear();
        self.texts = texts;
    }

    /// Quote problems and limits, for any non-blank record.
    fn structure_findings(&mut self, record: &Record) {
        for problem in record.problems() {
            let (kind, byte, line, field) = structure::quote_problem(problem);
            let mut place = self.place(record, Some(field));
            place.byte = Some(byte);
            place.line = Some(line);
            self.emit(kind, place, None, None);
        }
        let limit = self.options.limits.max_field_bytes;
        let truncated: Vec<usize> = record.truncated_fields().collect();
        for field in truncated {
            let place = self.place(record, Some(field));
            self.emit(limits::field_too_long(limit), place, None, None);
        }
        if let Some(kind) =
            limits::too_many_fields(self.options.limits.max_fields, record.total_fields())
        {
            let place = self.place(record, None);
            self.emit(kind, place, None, None);
        }
    }

    fn data_row(&mut self, record: &Record) {
        let row = record.position().record;
        self.data_rows += 1;
        self.structure_findings(record);
        let (width, tail) = self
            .header
            .as_ref()
            .map_or((0, 0), |h| (h.labels.len(), h.optional_tail));
        if let Some(kind) = structure::ragged(width, tail, record.total_fields()) {
            let first_extra = (record.total_fields() > width).then_some(width);
            let place = self.place(record, first_extra.filter(|c| *c < record.len()));
            self.emit(kind, place, None, None);
        }
        let mut texts = self.decode_all(record);
        for slot in self.row_values.iter_mut() {
            *slot = None;
        }
        let by_file: Vec<Option<usize>> = self
            .header
            .as_ref()
            .map(|h| h.by_file.clone())
            .unwrap_or_default();
        for (file_col, profile_col) in by_file.iter().enumerate() {
            let Some(col) = *profile_col else { continue };
            let swallowed = record.problems().iter().any(
                |p| matches!(p, QuoteProblem::UnclosedQuote { field, .. } if *field == file_col),
            );
            if swallowed {
                // The rest of the file became this value: checking it would only repeat the cause.
                continue;
            }
            let value = texts.get(file_col).map(String::as_str).unwrap_or("");
            self.check_cell(record, file_col, col, value);
        }
        self.row_rules(record);
        self.unique_keys(record, row);
        self.end_record(RecordRole::Data, &texts);
        texts.clear();
        self.texts = texts;
    }

    fn check_cell(&mut self, record: &Record, file_col: usize, col: usize, raw: &str) {
        let Some(column) = self.profile.columns.get(col) else {
            return;
        };
        let mut out = std::mem::take(&mut self.scratch);
        out.clear();
        let trimmed = whitespace::check(raw, &mut out);
        let value = if column.brackets {
            brackets::unwrap(trimmed, &mut out)
        } else {
            trimmed
        };
        if let Some(slot) = self.row_values.get_mut(col) {
            *slot = Some(value.to_string());
        }
        let masked = column.masked.iter().any(|m| m == value);
        if !masked && presence::check(value, column.value, &mut out) {
            check_value(value, &column.checks, &mut out);
        }
        if !out.is_empty() {
            let place = self.place(record, Some(file_col));
            let shown = (!raw.is_empty()).then(|| truncate_value(raw));
            for kind in out.drain(..) {
                self.emit(kind, place.clone(), shown.clone(), None);
            }
        }
        self.scratch = out;
    }

    fn row_rules(&mut self, record: &Record) {
        if self.profile.row_rules.is_empty() {
            return;
        }
        let rules = self.profile.row_rules.clone();
        for rule in &rules {
            let values = &self.row_values;
            let cell = |i: usize| values.get(i).cloned().flatten();
            if let Some(kind) = row_rule::check(rule, &cell) {
                let file_col = self
                    .header
                    .as_ref()
                    .and_then(|h| h.by_profile.get(rule.column).copied().flatten());
                let mut place = self.place(record, file_col);
                if file_col.is_none() {
                    place.column = self
                        .profile
                        .columns
                        .get(rule.column)
                        .map(|c| Arc::clone(&c.name));
                }
                let value = self
                    .row_values
                    .get(rule.column)
                    .cloned()
                    .flatten()
                    .map(|v| truncate_value(&v));
                self.emit(kind, place, value.filter(|v| !v.is_empty()), rule.severity);
            }
        }
    }

    fn unique_keys(&mut self, record: &Record, row: u64) {
        for k in 0..self.unique.len() {
            let Some(key) = self.profile.unique.get(k) else {
                continue;
            };
            let parts: Option<Vec<&str>> = key
                .columns
                .iter()
                .map(|c| {
                    self.row_values
                        .get(*c)
                        .and_then(|v| v.as_deref())
                        .filter(|v| !v.is_empty())
                })
                .collect();
            let Some(parts) = parts else { continue };
            let names: Vec<String> = key
                .columns
                .iter()
                .filter_map(|c| self.profile.columns.get(*c))
                .map(|c| c.name.to_string())
                .collect();
            let first_col = key.columns.first().and_then(|c| {
                self.header
                    .as_ref()
                    .and_then(|h| h.by_profile.get(*c).copied().flatten())
            });
            let value = parts.join(" + ");
            let found = self
                .unique
                .get_mut(k)
                .and_then(|index| index.check(&parts, row, &names));
            if let Some(kind) = found {
                let place = self.place(record, first_col);
                self.emit(kind, place, Some(truncate_value(&value)), None);
            }
        }
    }
}
