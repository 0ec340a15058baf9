//! Per-record work: preamble lines, the header, blank rows, and the cells of data rows.

use crate::check::engine::{BlankRun, Core, EncodingState};
use crate::check::{RecordInfo, RecordRole, Sink};
use crate::decode::{Malformed, TextEncoding};
use crate::read::Record;
use crate::report::{truncate_value, Code, Kind, Place};
use crate::rules::{encoding, header, limits, preamble, structure};

impl Core {
    pub(super) fn place(&self, record: &Record, file_col: Option<usize>) -> Place {
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
    pub(super) fn decode_field(&mut self, record: &Record, i: usize, out: &mut String) {
        out.clear();
        let bytes = record.field(i).unwrap_or(&[]);
        let field_start = record.field_offset(i).unwrap_or(0);
        let content_start = field_start + u64::from(record.was_quoted(i));
        let encoding = self.decoder.encoding();
        let decoded = self.decoder.decode_stored(bytes, record.was_cut(i));
        out.push_str(&decoded.text);
        let findings = malformed_findings(content_start, bytes, decoded.malformed, encoding);
        for (byte, kind) in findings {
            let mut place = self.place(record, Some(i));
            place.byte = Some(byte);
            self.emit(kind, place, Some(truncate_value(out)), None);
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

    #[inline]
    pub(super) fn end_record(&mut self, sink: &mut dyn Sink, role: RecordRole, texts: &[String]) {
        if role == RecordRole::Data && self.row_has_error {
            self.rows_with_errors += 1;
        }
        // Every record's findings go to the sink before the next record's, so that a whole file
        // held in memory does not hold all its findings too.
        self.flush(sink);
        if !self.wants_records {
            self.row_has_error = false;
            return;
        }
        let delimiter = self.delimiter.map_or(b',', |d| d.byte());
        let data = role == RecordRole::Data;
        let info = RecordInfo {
            role,
            fields: texts,
            delimiter,
            row: self.records,
            values: if data { &self.row_values } else { &[] },
            filled: if data { &self.row_filled } else { &[] },
        };
        sink.end_record(&info);
        self.row_has_error = false;
    }

    /// Handles one record once the encoding is known (or the record is ASCII).
    pub(super) fn process(&mut self, sink: &mut dyn Sink, record: &Record) {
        let row = record.position().record;
        // Records held back while the encoding was undecided are processed after later ones were
        // read: `RecordInfo::row` must be this record's row, not the last one read.
        self.records = row;
        let preamble_len = self.profile.preamble.len() as u64;
        // A blank row: an empty line, or only empty cells (`,,,,` rows are what Excel writes for
        // formatted but empty rows).
        let blank = record.is_blank_line() || !record.has_content();
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
                if let Some(mut kind) = preamble::check(&line, &rule) {
                    if self.looks_like_header(&texts) {
                        if let Kind::InvalidPreamble {
                            starts_with,
                            description,
                        } = kind
                        {
                            kind = Kind::PreambleIsHeader {
                                starts_with,
                                description,
                            };
                            self.preamble_is_header = true;
                        }
                    }
                    let place = self.place(record, None);
                    self.emit(kind, place, Some(truncate_value(&line)), None);
                }
            }
            self.end_record(sink, RecordRole::Preamble, &texts);
            self.texts = texts;
            return;
        }
        if blank {
            self.blank_row(record);
            let texts = if self.wants_fields {
                self.decode_all(record)
            } else {
                Vec::new()
            };
            self.end_record(sink, RecordRole::Blank, &texts);
            self.texts = texts;
            return;
        }
        if self.header.is_none() {
            // Blank rows before the header are reported as blank rows, not trailing lines.
            self.finish_blank_run(sink, false);
            self.read_header(sink, record);
            return;
        }
        self.finish_blank_run(sink, false);
        if self.repeats_header(record) {
            // Its cells get their findings too (the row would be imported as a user); this one
            // says why they are wrong.
            let bom = record
                .field(0)
                .is_some_and(|f| f.starts_with(b"\xEF\xBB\xBF"));
            let place = self.place(record, None);
            self.emit(Kind::RepeatedHeader { bom }, place, None, None);
        }
        self.data_row(sink, record);
    }

    /// Whether the fields of a line before the header are the header itself: every one names a
    /// column of the profile (the first after the label prefix, FLAT's `#`).
    fn looks_like_header(&self, texts: &[String]) -> bool {
        let prefix = self.profile.label_prefix.as_deref();
        !texts.is_empty()
            && texts.iter().enumerate().all(|(i, text)| {
                let label = match prefix.filter(|_| i == 0) {
                    Some(prefix) => text.strip_prefix(prefix).unwrap_or(text),
                    None => text,
                };
                self.profile.column_for_label(label).is_some()
            })
    }

    /// Whether a data record repeats the header's labels (files joined: the second one's header,
    /// often with its byte order mark, is left in the middle). The first field is compared as bytes
    /// first, so a user row costs one short comparison.
    #[inline]
    fn repeats_header(&self, record: &Record) -> bool {
        let Some(header) = &self.header else {
            return false;
        };
        let Some(first) = header.labels.first() else {
            return false;
        };
        let field = record.field(0).unwrap_or(&[]);
        let field = field.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(field);
        let field = match &self.profile.label_prefix {
            Some(prefix) => field.strip_prefix(prefix.as_bytes()).unwrap_or(field),
            None => field,
        };
        // The rest as bytes too: labels in a legacy encoding's non-ASCII text are not found, and
        // no field is decoded twice (decoding reports malformed bytes).
        field == first.as_bytes()
            && record.len() == header.labels.len()
            && header
                .labels
                .iter()
                .enumerate()
                .skip(1)
                .all(|(i, label)| record.field(i) == Some(label.as_bytes()))
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
    /// Called for every record, and there are almost never any: the test is inlined, the work not.
    #[inline(always)]
    pub(super) fn finish_blank_run(&mut self, sink: &mut dyn Sink, at_end: bool) {
        if self.blank_run.is_some() {
            self.report_blank_run(sink, at_end);
        }
    }

    #[inline(never)]
    fn report_blank_run(&mut self, sink: &mut dyn Sink, at_end: bool) {
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
            let tab = self.delimiter == Some(crate::profile::Delimiter::Tab);
            self.emit_bounded(sink, Kind::BlankRow { tab }, place, None);
        }
        self.row_has_error = false;
    }

    fn read_header(&mut self, sink: &mut dyn Sink, record: &Record) {
        let row = record.position().record;
        let mut texts = self.decode_all(record);
        let mut labels = texts.clone();
        if let (Some(prefix), Some(first)) = (self.profile.label_prefix.clone(), labels.first_mut())
        {
            match first.strip_prefix(prefix.as_str()) {
                Some(rest) => *first = rest.to_string(),
                // The header was a line earlier (`PreambleIsHeader` says so): this is a user.
                None if self.preamble_is_header => {}
                None => {
                    let kind = Kind::MissingLabelPrefix {
                        prefix: prefix.clone(),
                        first: truncate_value(first.trim()),
                    };
                    let place = self.place(record, None);
                    self.emit(kind, place, Some(truncate_value(first)), None);
                }
            }
        }
        let (map, findings) = header::match_header(&labels, &self.profile);
        self.cell_plans = super::cells::cell_plans(
            &map.by_file,
            &self.quiet_when_empty,
            &self.stored_columns,
            &self.profile,
        );
        self.key_hashes = super::ahead::KeyHashes::new(&self.profile, &map);
        self.header = Some(map);
        self.header_row = Some(row);
        if matches!(self.encoding_state, EncodingState::Known) {
            self.check_markers();
        }
        // The header was a line earlier and this is a user: what is wrong with it as a header
        // would only repeat `PreambleIsHeader` in other words.
        let findings = if self.preamble_is_header {
            Vec::new()
        } else {
            findings
        };
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
        self.end_record(sink, RecordRole::Header, &texts);
        texts.clear();
        self.texts = texts;
    }

    /// Header markers that the file's encoding needs (Canon `CharSet:UTF8`) or that declare
    /// another encoding, once both the header and the encoding are known.
    pub(super) fn check_markers(&mut self) {
        let (Some(map), Some(row)) = (self.header.as_ref(), self.header_row) else {
            return;
        };
        let findings = header::marker_findings(map, &self.profile, self.decoder.encoding());
        // The encoding is often known only from a later record (the first non-ASCII byte): the
        // finding is the header's, so the record being read must not count as a row with errors.
        let current_row_has_error = self.row_has_error;
        for kind in findings {
            let place = Place {
                row: Some(row),
                ..Place::default()
            };
            self.emit(kind, place, None, None);
        }
        self.row_has_error = current_row_has_error;
    }

    /// Quote problems and limits, for any non-blank record. Called for every record, and almost
    /// every record has none: the test is inlined, the reporting not. The test must name every
    /// condition `report_structure` reports (a new structure finding goes in both). Checks of the
    /// whole engine fail if it does not: the fixtures' snapshots (`quotes.csv`) for quote
    /// problems, tests/hostile.rs for the limits.
    #[inline(always)]
    pub(super) fn structure_findings(&mut self, record: &Record) {
        let clean = record.total_problems() == 0
            && record.truncated_fields().next().is_none()
            && !record.record_truncated()
            && record.total_fields() <= self.options.limits.max_fields;
        if !clean {
            self.report_structure(record);
        }
    }

    #[inline(never)]
    fn report_structure(&mut self, record: &Record) {
        // One finding per cell and kind, at its first quote: `Team "A"` has two stray quotes and
        // one mistake.
        let mut last: Option<(Code, usize)> = None;
        for problem in record.problems() {
            let (kind, byte, line, field) = structure::quote_problem(problem);
            if last.replace((kind.code(), field)) == Some((kind.code(), field)) {
                continue;
            }
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
        let limit = self.options.limits.max_record_bytes;
        if let Some(kind) = limits::record_too_long(limit, record.record_truncated()) {
            let place = self.place(record, None);
            self.emit(kind, place, None, None);
        }
    }
}

/// Malformed sequences of one cell reported each at its offset; the rest are one finding, so
/// that a cell of a million bad bytes does not hold a million findings at once.
pub(super) const MALFORMED_PER_CELL: usize = 16;

/// The findings for the malformed sequences of a cell whose content starts at byte
/// `content_start` of the file: each of the first [`MALFORMED_PER_CELL`], then one for the rest
/// at the offset of the first of them.
pub(super) fn malformed_findings(
    content_start: u64,
    bytes: &[u8],
    malformed: &[Malformed],
    encoding: TextEncoding,
) -> Vec<(u64, Kind)> {
    let (each, rest) = malformed.split_at(malformed.len().min(MALFORMED_PER_CELL));
    let mut out: Vec<(u64, Kind)> = each
        .iter()
        .map(|m| {
            let end = (m.offset + m.len).min(bytes.len());
            let bad = bytes.get(m.offset..end).unwrap_or(&[]);
            let kind = Kind::EncodingError {
                encoding,
                bytes: encoding::hex(bad),
            };
            (content_start + m.offset as u64, kind)
        })
        .collect();
    if let Some(first) = rest.first() {
        let count = rest.len() as u64;
        out.push((
            content_start + first.offset as u64,
            Kind::MoreEncodingErrors { encoding, count },
        ));
    }
    out
}
