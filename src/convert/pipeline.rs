//! The conversion pipeline: a sink of the checking engine that receives the source's decoded
//! records in file order and writes the converted file, feeding every written byte to a checker of
//! the target profile.
//!
//! The first records are held back until the mapping can be decided: the header, the first
//! [`SAMPLE_ROWS`] data rows (samples for the suggestion) and the source's encoding (the output
//! keeps it when the target accepts it). A file that stays ASCII is decided after
//! [`MAX_PENDING_RECORDS`] records or [`MAX_PENDING_BYTES`] bytes at the latest, so memory stays
//! bounded. Every decision depends on the records only, never on how the input was chunked.

use crate::check::{Checker, RecordInfo, RecordRole, Sink};
use crate::convert::codes::ChangeReason;
use crate::convert::damage::CutNumbers;
use crate::convert::encode::{EncodeEvent, TextEncoder};
use crate::convert::frame::{Framing, Writer};
use crate::convert::layout::{resolve, Layout};
use crate::convert::messages::Issue;
use crate::convert::options::ConvertOptions;
use crate::convert::result::{At, Log};
use crate::convert::rows::{convert_row, RowPlace};
use crate::convert::suggest::suggest_mapping;
use crate::convert::Mapping;
use crate::decode::{Bom, TextEncoding};
use crate::profile::{normalize_label, BomPolicy, Delimiter, LineEndingKind, Profile};
use crate::report::{render, Code, Finding};

/// Data rows given to the suggestion as samples.
pub(crate) const SAMPLE_ROWS: usize = 100;
/// Most records held back before the mapping is decided.
pub(crate) const MAX_PENDING_RECORDS: usize = 4096;
/// Most bytes held back before the mapping is decided.
pub(crate) const MAX_PENDING_BYTES: usize = 4 << 20;

/// Codes of the reading engine that mean the source cannot be read as it is meant.
const SOURCE_ERRORS: &[Code] = &[
    Code::EmptyFile,
    Code::InvalidPreamble,
    Code::MissingHeader,
    Code::EncodingUnknown,
    Code::EncodingError,
    Code::TextAfterQuote,
    Code::UnclosedQuote,
    Code::FieldTooLong,
    Code::TooManyFields,
    Code::RecordTooLong,
];

/// What is fixed before the first byte.
pub(crate) struct Settings {
    pub target: Profile,
    pub source: Option<Profile>,
    pub options: ConvertOptions,
    pub substitutions: std::collections::BTreeMap<char, String>,
    pub source_bom: Option<Bom>,
    pub source_line_ending: Option<LineEndingKind>,
}

/// The output once decided.
struct Writing {
    layout: Layout,
    writer: Writer,
    /// Source rows of blank records not yet known to be in the middle or at the end.
    blanks: Vec<u64>,
    /// Fields from here on have no label (trailing empty columns, or cells beyond the header).
    trailing_from: usize,
    /// Fields before `trailing_from` whose label is empty.
    blank_labels: Vec<usize>,
    /// Per dropped source column (`layout.dropped`): the rows that have a value in it.
    dropped_rows: Vec<u64>,
    /// Values that look cut to 15 digits, reported at the end when their column was cut.
    cut_numbers: CutNumbers,
}

/// The sink.
pub(crate) struct Pipeline {
    pub(crate) settings: Settings,
    pub(crate) log: Log,
    pub(crate) checker: Option<Checker>,
    output: Vec<u8>,
    pub(crate) source_encoding: Option<TextEncoding>,
    source_delimiter: Option<u8>,
    preamble: Vec<Vec<String>>,
    header: Option<(u64, Vec<String>)>,
    pending: Vec<(RecordRole, u64, Vec<String>)>,
    pending_bytes: usize,
    pending_data: usize,
    writing: Option<Writing>,
    pub(crate) mapping: Option<Mapping>,
    pub(crate) rows: u64,
}

/// The delimiter a byte stands for.
pub(crate) fn delimiter_of(byte: u8) -> Delimiter {
    match byte {
        b'\t' => Delimiter::Tab,
        b';' => Delimiter::Semicolon,
        _ => Delimiter::Comma,
    }
}

/// `value` with its character `char_index` (1-based) replaced by `with`, as far as a change shows
/// it: the first characters only (see `truncate_value`; two more, so an empty `with` still shows
/// that the value goes on). A cell of 100,000 characters none of which the target can encode
/// costs no more per character than a short one.
fn replace_char(value: &str, char_index: u32, with: &str) -> String {
    let shown_end = value
        .char_indices()
        .nth(crate::report::MAX_VALUE_CHARS + 2)
        .map_or(value.len(), |(i, _)| i);
    let shown = value.get(..shown_end).unwrap_or(value);
    let target = (char_index as usize).checked_sub(1);
    match target.and_then(|i| shown.char_indices().nth(i)) {
        Some((start, c)) => {
            let (before, after) = (shown.get(..start), shown.get(start + c.len_utf8()..));
            format!("{}{with}{}", before.unwrap_or(""), after.unwrap_or(""))
        }
        None => shown.to_string(),
    }
}

impl Pipeline {
    pub(crate) fn new(settings: Settings, log: Log, checker: Checker) -> Self {
        Pipeline {
            source_encoding: settings.options.source_encoding,
            settings,
            log,
            checker: Some(checker),
            output: Vec::new(),
            source_delimiter: None,
            preamble: Vec::new(),
            header: None,
            pending: Vec::new(),
            pending_bytes: 0,
            pending_data: 0,
            writing: None,
            mapping: None,
            rows: 0,
        }
    }

    /// Takes the bytes written so far.
    pub(crate) fn take_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.output)
    }

    fn ready(&self) -> bool {
        self.header.is_some()
            && ((self.pending_data >= SAMPLE_ROWS && self.source_encoding.is_some())
                || self.pending.len() >= MAX_PENDING_RECORDS
                || self.pending_bytes >= MAX_PENDING_BYTES)
    }

    /// The output's framing and encoding.
    pub(crate) fn output_format(&self) -> (TextEncoding, Framing) {
        let s = &self.settings;
        let target = &s.target.file;
        let writable = |e: TextEncoding| e.is_ascii_compatible();
        let encoding = s.options.encoding.unwrap_or_else(|| {
            self.source_encoding
                .filter(|src| writable(*src) && target.encodings.iter().any(|a| a.includes(*src)))
                .or_else(|| target.encodings.iter().copied().find(|e| writable(*e)))
                .unwrap_or(TextEncoding::Utf8)
        });
        let bom = encoding == TextEncoding::Utf8
            && s.options.bom.unwrap_or(match target.bom {
                BomPolicy::Required => true,
                BomPolicy::Forbidden => false,
                BomPolicy::Optional => match self.source_encoding {
                    None | Some(TextEncoding::Utf8) => s.source_bom == Some(Bom::Utf8),
                    Some(_) => true,
                },
            });
        let delimiter = s.options.delimiter.unwrap_or_else(|| {
            self.source_delimiter
                .map(delimiter_of)
                .filter(|d| target.delimiters.contains(d))
                .or_else(|| target.delimiters.first().copied())
                .unwrap_or(Delimiter::Comma)
        });
        let line_ending = s.options.line_ending.unwrap_or_else(|| {
            let source = s.source_line_ending;
            if target.line_endings.is_empty() {
                // CR alone is the one style many readers do not take (`cr-line-endings`).
                source
                    .filter(|l| *l != LineEndingKind::Cr)
                    .unwrap_or(LineEndingKind::Crlf)
            } else {
                source
                    .filter(|l| target.line_endings.contains(l))
                    .or_else(|| target.line_endings.first().copied())
                    .unwrap_or(LineEndingKind::Crlf)
            }
        });
        (
            encoding,
            Framing {
                delimiter: delimiter.byte(),
                line_ending,
                bom,
            },
        )
    }

    fn same_profile(&self) -> bool {
        self.settings
            .source
            .as_ref()
            .is_some_and(|s| s.id == self.settings.target.id)
    }

    /// Decides the mapping and the output, writes the preamble and the header, then the records
    /// held back.
    fn decide(&mut self) {
        if self.writing.is_some() {
            return;
        }
        let labels = self
            .header
            .as_ref()
            .map(|(_, l)| l.clone())
            .unwrap_or_default();
        let header_row = self.header.as_ref().map(|(row, _)| *row);
        let mapping = match &self.settings.options.mapping {
            Some(m) => m.clone(),
            None => {
                let samples: Vec<Vec<String>> = self
                    .pending
                    .iter()
                    .filter(|(role, ..)| *role == RecordRole::Data)
                    .take(SAMPLE_ROWS)
                    .map(|(_, _, f)| f.clone())
                    .collect();
                suggest_mapping(
                    &labels,
                    &samples,
                    self.settings.source.as_ref(),
                    &self.settings.target,
                )
            }
        };
        let layout = resolve(
            &mapping,
            &labels,
            self.settings.source.as_ref(),
            &self.settings.target,
        );
        for (issue, source_column, column) in layout.issues.clone() {
            let at = At {
                source_column,
                column,
                ..At::default()
            };
            self.log.issue(&at, issue, None);
        }
        self.mapping = Some(mapping);
        let (encoding, framing) = self.output_format();
        let encoder = TextEncoder::new(encoding, self.settings.substitutions.clone());
        let mut writer = Writer::new(framing, encoder);
        let delimiter = char::from(framing.delimiter).to_string();
        let same = self.same_profile();
        let target = &self.settings.target;
        for (i, rule) in target.file.preamble.iter().enumerate() {
            let kept = self
                .preamble
                .get(i)
                .map(|fields| fields.join(&delimiter))
                .filter(|line| same && line.starts_with(&rule.starts_with));
            let line = kept.unwrap_or_else(|| rule.starts_with.clone());
            let events = writer.line(&line);
            let at = At {
                output_row: Some(writer.next_row() - 1),
                ..At::default()
            };
            let events = events.into_iter().map(|e| (0, e));
            report_events(&mut self.log, &at, &line, events, &[], encoding);
        }
        for (k, c) in layout.columns.iter().enumerate() {
            let Some(raw) = c.raw_label.as_deref().filter(|raw| *raw != c.label) else {
                continue;
            };
            let at = At {
                row: header_row,
                output_row: Some(writer.next_row()),
                column: Some(c.target.name.clone()),
                column_index: Some(u32::try_from(k + 1).unwrap_or(u32::MAX)),
                ..At::default()
            };
            let reason = if raw.contains('\u{FEFF}') {
                ChangeReason::BomRemoved
            } else {
                ChangeReason::Trimmed
            };
            self.log.label_change(&at, reason, raw, &c.label);
        }
        let mut cells: Vec<String> = layout.columns.iter().map(|c| c.label.clone()).collect();
        if let (Some(prefix), Some(first)) = (&target.header.label_prefix, cells.first_mut()) {
            *first = format!("{prefix}{first}");
        }
        let at = At {
            row: header_row,
            output_row: Some(writer.next_row()),
            ..At::default()
        };
        for marker in &target.header.markers {
            let spellings: Vec<String> = std::iter::once(&marker.label)
                .chain(&marker.aliases)
                .map(|l| normalize_label(l, true))
                .collect();
            let in_source = labels
                .iter()
                .find(|l| spellings.contains(&normalize_label(l, true)))
                .map(|l| l.trim().to_string());
            let needed = marker.required_for.iter().any(|e| e.includes(encoding));
            match (needed, in_source) {
                (true, Some(label)) if same => cells.push(label),
                (true, None) => {
                    let label = marker.label.clone();
                    self.log
                        .label_change(&at, ChangeReason::HeaderMarkerAdded, "", &label);
                    cells.push(label);
                }
                (true, Some(_)) => cells.push(marker.label.clone()),
                // The marker would make the target read the file in another encoding.
                (false, Some(label)) => {
                    self.log
                        .label_change(&at, ChangeReason::HeaderMarkerRemoved, &label, "");
                }
                (false, None) => {}
            }
        }
        let events = writer.record(&cells);
        report_events(&mut self.log, &at, "", events, &cells, encoding);
        let trailing_from = labels
            .iter()
            .rposition(|l| !normalize_label(l, true).is_empty())
            .map_or(0, |i| i + 1);
        let blank_labels = labels
            .iter()
            .take(trailing_from)
            .enumerate()
            .filter(|(_, l)| normalize_label(l, true).is_empty())
            .map(|(i, _)| i)
            .collect();
        if labels.len() > trailing_from {
            let at = At {
                row: header_row,
                output_row: Some(1 + target.file.preamble.len() as u64),
                ..At::default()
            };
            let before = delimiter.repeat(labels.len() - trailing_from);
            self.log
                .change(&at, ChangeReason::TrailingCellsRemoved, &before, "");
        }
        self.writing = Some(Writing {
            dropped_rows: vec![0; layout.dropped.len()],
            cut_numbers: CutNumbers::default(),
            layout,
            writer,
            blanks: Vec::new(),
            trailing_from,
            blank_labels,
        });
        self.flush_output();
        let pending = std::mem::take(&mut self.pending);
        self.pending_bytes = 0;
        self.pending_data = 0;
        for (role, row, fields) in pending {
            self.process(role, row, &fields);
        }
    }

    fn flush_output(&mut self) {
        let Some(w) = self.writing.as_mut() else {
            return;
        };
        let bytes = w.writer.drain();
        if let Some(checker) = self.checker.as_mut() {
            checker.push(&bytes);
        }
        self.output.extend_from_slice(&bytes);
    }

    fn process(&mut self, role: RecordRole, row: u64, fields: &[String]) {
        let header_row = self.header.as_ref().map_or(0, |(r, _)| *r);
        match role {
            RecordRole::Preamble | RecordRole::Header => {}
            RecordRole::Blank if row < header_row => {
                let at = At {
                    row: Some(row),
                    ..At::default()
                };
                self.log.change(&at, ChangeReason::BlankRowRemoved, "", "");
            }
            RecordRole::Blank => {
                if let Some(w) = self.writing.as_mut() {
                    w.blanks.push(row);
                }
            }
            RecordRole::Data => {
                self.flush_blanks(false);
                self.data_row(row, fields);
            }
        }
    }

    /// Blank rows seen since the last data row: removed (logged) or written.
    fn flush_blanks(&mut self, at_end: bool) {
        let Some(w) = self.writing.as_mut() else {
            return;
        };
        let blanks = std::mem::take(&mut w.blanks);
        let repairs = self.settings.options.repairs;
        let (remove, reason) = if at_end {
            (repairs.trailing_empty, ChangeReason::TrailingLinesRemoved)
        } else {
            (repairs.blank_rows, ChangeReason::BlankRowRemoved)
        };
        for row in blanks {
            if remove {
                let at = At {
                    row: Some(row),
                    ..At::default()
                };
                self.log.change(&at, reason, "", "");
            } else {
                w.writer.record::<&str>(&[]);
            }
        }
        self.flush_output();
    }

    fn data_row(&mut self, row: u64, fields: &[String]) {
        let Some(w) = self.writing.as_mut() else {
            return;
        };
        for ((i, _), rows) in w.layout.dropped.iter().zip(w.dropped_rows.iter_mut()) {
            let value = fields
                .get(*i)
                .map_or("", |v| v.trim_matches(crate::rules::whitespace::is_space));
            if !value.is_empty() {
                *rows += 1;
            }
        }
        let extra = fields.get(w.trailing_from..).unwrap_or(&[]);
        let beyond = w
            .blank_labels
            .iter()
            .filter_map(|i| fields.get(*i).map(|f| (*i, f)))
            .chain(
                extra
                    .iter()
                    .enumerate()
                    .map(|(k, f)| (w.trailing_from + k, f)),
            );
        for (i, value) in beyond {
            if !value.is_empty() {
                let at = At {
                    row: Some(row),
                    column_index: None,
                    source_column: Some(format!("#{}", i + 1)),
                    ..At::default()
                };
                self.log.issue(&at, Issue::ExtraCellDropped, Some(value));
            }
        }
        if !extra.is_empty() && extra.iter().all(String::is_empty) {
            let at = At {
                row: Some(row),
                output_row: Some(w.writer.next_row()),
                ..At::default()
            };
            let before = char::from(w.writer.framing().delimiter)
                .to_string()
                .repeat(extra.len());
            self.log
                .change(&at, ChangeReason::TrailingCellsRemoved, &before, "");
        }
        let place = RowPlace {
            row,
            output_row: w.writer.next_row(),
        };
        let values = convert_row(
            &w.layout,
            fields,
            &place,
            &self.settings.options.repairs,
            &mut self.log,
            &mut w.cut_numbers,
        );
        if values.iter().all(String::is_empty) {
            // Nothing of this row reaches the target: written, it would be a blank line.
            let at = At {
                row: Some(row),
                ..At::default()
            };
            self.log.change(&at, ChangeReason::BlankRowRemoved, "", "");
            return;
        }
        let events = w.writer.record(&values);
        let at = At {
            row: Some(row),
            output_row: Some(place.output_row),
            ..At::default()
        };
        let encoding = w.writer.encoder().encoding();
        for (k, event) in events {
            let column = w.layout.columns.get(k);
            let at = At {
                column: column.map(|c| c.target.name.clone()),
                column_index: Some(u32::try_from(k + 1).unwrap_or(u32::MAX)),
                source_column: column.and_then(|c| c.source_label.clone()),
                ..at.clone()
            };
            let value = values.get(k).map_or("", String::as_str);
            report_event(&mut self.log, at, value, event, encoding);
        }
        self.rows += 1;
        self.flush_output();
    }

    /// Reports the malformed byte sequences found while decoding a source of a given encoding.
    pub(crate) fn report_malformed(
        &mut self,
        encoding: TextEncoding,
        malformed: Vec<(u64, String)>,
    ) {
        for (byte, bytes) in malformed {
            let kind = crate::report::Kind::EncodingError { encoding, bytes };
            let rendered = render(&kind, self.settings.options.lang, None);
            let at = At {
                byte: Some(byte),
                ..At::default()
            };
            let issue = Issue::SourceError {
                message: rendered.message,
                help: rendered.help,
            };
            self.log.issue(&at, issue, None);
        }
    }

    /// Ends the input: decides if not yet done, handles the blank lines at the end, reports the
    /// numbers Excel cut (per column, as the check decides) and the source columns left out,
    /// each a warning when a row had a value in it.
    pub(crate) fn finish_input(&mut self) {
        self.decide();
        self.flush_blanks(true);
        let Some(w) = self.writing.as_mut() else {
            return;
        };
        for column in std::mem::take(&mut w.cut_numbers).finish() {
            // Every value of a column has the same column and brackets; past the held ones, only
            // the rows are known.
            let like = column.held.first().map(|cut| {
                let at = At {
                    row: None,
                    output_row: None,
                    byte: None,
                    char_index: None,
                    ..cut.at.clone()
                };
                (at, cut.brackets_added)
            });
            for cut in column.held {
                let issue = Issue::DigitsTruncated {
                    brackets_added: cut.brackets_added,
                };
                self.log.issue(&cut.at, issue, Some(&cut.value));
            }
            let Some((mut at, brackets_added)) = like else {
                continue;
            };
            for place in column.beyond {
                at.row = Some(place.row);
                at.output_row = Some(place.output_row);
                self.log
                    .issue(&at, Issue::DigitsTruncated { brackets_added }, None);
            }
        }
        for ((_, label), rows) in w.layout.dropped.iter().zip(&w.dropped_rows) {
            let at = At {
                source_column: Some(label.clone()),
                ..At::default()
            };
            self.log
                .issue(&at, Issue::ColumnDropped { rows: *rows }, None);
        }
    }
}

/// Logs what the encoder met in header or preamble cells.
fn report_events(
    log: &mut Log,
    at: &At,
    line: &str,
    events: impl IntoIterator<Item = (usize, EncodeEvent)>,
    cells: &[String],
    encoding: TextEncoding,
) {
    for (k, event) in events {
        let value = cells.get(k).map_or(line, String::as_str);
        let at = At {
            column_index: (!cells.is_empty()).then(|| u32::try_from(k + 1).unwrap_or(u32::MAX)),
            ..at.clone()
        };
        report_event(log, at, value, event, encoding);
    }
}

fn report_event(log: &mut Log, at: At, value: &str, event: EncodeEvent, encoding: TextEncoding) {
    match event {
        EncodeEvent::Unrepresentable {
            ch,
            char_index,
            byte,
        } => {
            let at = At {
                char_index: Some(char_index),
                byte: Some(byte),
                ..at
            };
            log.issue(&at, Issue::Unrepresentable { ch, encoding }, Some(value));
            let after = replace_char(value, char_index, "?");
            log.change(&at, ChangeReason::UnrepresentableReplaced, value, &after);
        }
        EncodeEvent::Substituted {
            ch: _,
            with,
            char_index,
        } => {
            let at = At {
                char_index: Some(char_index),
                ..at
            };
            let after = replace_char(value, char_index, &with);
            log.change(&at, ChangeReason::Substituted, value, &after);
        }
        EncodeEvent::Cp932Only { ch, char_index } => {
            let at = At {
                char_index: Some(char_index),
                ..at
            };
            log.issue(&at, Issue::Cp932Only { ch }, Some(value));
        }
    }
}

impl Sink for Pipeline {
    fn finding(&mut self, finding: Finding) {
        let code = finding.kind.code();
        if !SOURCE_ERRORS.contains(&code) {
            return;
        }
        let column = finding.place.column.as_deref().map(str::trim);
        let rendered = render(&finding.kind, self.settings.options.lang, column);
        let at = At {
            row: finding.place.row,
            source_column: column.map(str::to_string),
            byte: finding.place.byte,
            ..At::default()
        };
        let issue = Issue::SourceError {
            message: rendered.message,
            help: rendered.help,
        };
        self.log.issue(&at, issue, finding.value.as_deref());
    }

    fn end_record(&mut self, record: &RecordInfo<'_>) {
        if self.source_delimiter.is_none() {
            self.source_delimiter = Some(record.delimiter);
        }
        match record.role {
            RecordRole::Preamble => {
                self.preamble.push(record.fields.to_vec());
                return;
            }
            RecordRole::Header if self.header.is_none() => {
                let mut labels = record.fields.to_vec();
                let prefix = self
                    .settings
                    .source
                    .as_ref()
                    .and_then(|p| p.header.label_prefix.clone());
                if let (Some(prefix), Some(first)) = (prefix, labels.first_mut()) {
                    if let Some(rest) = first.strip_prefix(prefix.as_str()) {
                        *first = rest.to_string();
                    }
                }
                self.header = Some((record.row, labels));
            }
            _ => {}
        }
        if self.writing.is_some() {
            self.process(record.role, record.row, record.fields);
            return;
        }
        if record.role != RecordRole::Header {
            // Each held field costs its text and a `String` (a row of 4,096 empty fields is
            // 4 KiB of text but 96 KiB held).
            self.pending_bytes += record.fields.iter().map(String::len).sum::<usize>()
                + std::mem::size_of_val(record.fields);
            if record.role == RecordRole::Data {
                self.pending_data += 1;
            }
            self.pending
                .push((record.role, record.row, record.fields.to_vec()));
        }
        if self.ready() {
            self.decide();
        }
    }

    fn wants_fields(&self) -> bool {
        true
    }

    fn encoding_decided(&mut self, encoding: TextEncoding) {
        // A source encoding given by the user was decoded before reading: keep it.
        if self.settings.options.source_encoding.is_none() {
            self.source_encoding = Some(encoding);
        }
        if self.ready() {
            self.decide();
        }
    }
}
