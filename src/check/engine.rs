//! The engine's state and its stream plumbing: prelude, tokenizer, encoding decision, finish.

use std::collections::VecDeque;
use std::sync::Arc;

use crate::check::ahead::{Ahead, KeyHashes};
use crate::check::prelude::{Prelude, SNIFF_WINDOW};
use crate::check::{CheckOptions, Context, Progress, Sink};
use crate::decode::{identify, Bom, FieldDecoder, TextEncoding, Utf16Transcoder};
use crate::error::{Error, ErrorKind};
use crate::plan::Tracker;
use crate::profile::{Compiled, Delimiter, Profile};
use crate::read::{Record, Tokenizer};
use crate::report::{Detected, Finding, Kind, Place, Severity};
use crate::rules::header::HeaderMap;
use crate::rules::{dialect, encoding, file_name, role_assumed, row_count, unique::UniqueIndex};

/// Non-ASCII bytes collected before the encoding is decided.
const EVIDENCE_BYTES: usize = 16 * 1024;
/// Most records held back while the encoding is undecided.
const MAX_QUEUED_RECORDS: usize = 4096;
/// Most bytes held back while the encoding is undecided (content and per-field bookkeeping).
const MAX_QUEUED_BYTES: usize = 4 << 20;
/// What a held record costs per field besides its content (`Record`'s end, start, quoted).
const HELD_BYTES_PER_FIELD: usize = 24;

/// Whether the encoding is known yet.
pub(super) enum EncodingState {
    /// Only ASCII seen so far (every ASCII-compatible candidate reads it the same).
    Undecided,
    /// Non-ASCII seen: records are held back while evidence is collected.
    Collecting {
        queue: VecDeque<Record>,
        queued_bytes: usize,
        evidence: Vec<u8>,
    },
    /// Decided.
    Known,
}

/// A run of blank rows not yet known to be in the middle or at the end of the file.
pub(super) struct BlankRun {
    /// Row, line and byte of the first rows of the run (at most `max_diagnostics` of them).
    pub places: Vec<(u64, u64, u64)>,
    pub count: u64,
}

/// The engine: every rule and all the stream plumbing, compiled once; where its output goes is
/// passed to the calls that reach it (`&mut dyn Sink`), so that the four kinds of output (report,
/// result CSV, export index, conversion) do not each compile a copy of it (the three extra copies
/// were 104 KB of the optimized wasm).
pub(crate) struct Core {
    pub(super) profile: Compiled,
    pub(super) options: CheckOptions,
    /// Findings not yet given to the sink: they go before its next call (see [`Core::flush`]), so
    /// that the per-cell code never needs the sink.
    pub(super) pending: Vec<Finding>,
    /// Whether the sink wants each record, and its decoded fields (asked once).
    pub(super) wants_records: bool,
    pub(super) wants_fields: bool,
    /// Data rows with an error.
    pub(super) rows_with_errors: u64,
    pub(super) prelude: Option<Prelude>,
    pub(super) tokenizer: Option<Tokenizer>,
    pub(super) transcoder: Option<Utf16Transcoder>,
    pub(super) transcoded: Vec<u8>,
    pub(super) utf16_errors: VecDeque<(u64, usize)>,
    pub(super) bom: Option<Bom>,
    pub(super) delimiter: Option<Delimiter>,
    /// The index of the file's type in `profile.file_types`, decided with the delimiter.
    pub(super) file_type: Option<usize>,
    /// The file's first bytes are a workbook's, an archive's or an image's: it is not read.
    pub(super) not_text: bool,
    pub(super) encoding_state: EncodingState,
    pub(super) decoder: FieldDecoder,
    pub(super) ascii_only: bool,
    pub(super) header: Option<HeaderMap>,
    pub(super) header_row: Option<u64>,
    pub(super) blank_run: Option<BlankRun>,
    pub(super) data_rows: u64,
    pub(super) unique: Vec<UniqueIndex>,
    /// Records held back so that their keys' slots load together (once the header is read).
    pub(super) ahead: Ahead,
    /// The hashes of the held records' keys, and which held record is being processed.
    pub(super) key_hashes: KeyHashes,
    pub(super) bytes: u64,
    pub(super) records: u64,
    /// Whether the current record has produced an error.
    pub(super) row_has_error: bool,
    /// Profile columns whose values row rules or unique keys need.
    pub(super) stored_columns: Vec<bool>,
    /// Profile columns where an empty cell has no finding.
    pub(super) quiet_when_empty: Vec<bool>,
    /// Per file column, what to do with its cells (set with the header).
    pub(super) cell_plans: Vec<super::cells::CellPlan>,
    /// Trimmed value per stored profile column of the current row (buffers reused).
    pub(super) row_values: Vec<String>,
    /// Whether the current row reached the column.
    pub(super) row_filled: Vec<bool>,
    /// Decoded fields of the current record, for sinks that want them.
    pub(super) texts: Vec<String>,
    /// A copy of the current record with its fields decoded, when it is in a legacy encoding
    /// (buffers reused).
    pub(super) legacy_record: Record,
    pub(super) scratch: Vec<Kind>,
    /// Keys, baseline, references, seats and distinct values (when the check needs them).
    pub(super) tracker: Option<Tracker>,
    /// A line before the header was the header itself (`PreambleIsHeader`): the next line's
    /// findings as a header are not reported.
    pub(super) preamble_is_header: bool,
    /// Per profile column, its long numbers (`digits-truncated`; grown on the first one).
    pub(super) long_numbers: super::long_numbers::ColumnsLongNumbers,
    /// A bundle file's recognised role, checked against its header at the end.
    pub(super) role_check: Option<crate::rules::role_assumed::RoleCheck>,
}

/// The engine with where its output goes: what the checker, the result CSV, the export reader and
/// the converter hold.
pub(crate) struct Engine<S: Sink> {
    core: Core,
    sink: S,
}

impl<S: Sink> Engine<S> {
    pub(crate) fn new(profile: &Profile, options: CheckOptions, sink: S) -> Result<Self, Error> {
        Self::with_context(profile, options, sink, Context::default())
    }

    /// An engine that also knows the system's export and the other files of a bundle.
    pub(crate) fn with_context(
        profile: &Profile,
        options: CheckOptions,
        mut sink: S,
        context: Context,
    ) -> Result<Self, Error> {
        let core = Core::new(profile, options, &mut sink, context)?;
        Ok(Engine { core, sink })
    }

    /// Feeds the next chunk of the file (any size).
    pub(crate) fn push(&mut self, chunk: &[u8]) {
        self.core.push(&mut self.sink, chunk);
    }

    /// The sink, for pipelines that drain its output while the stream runs (conversion).
    pub(crate) fn sink_mut(&mut self) -> &mut S {
        &mut self.sink
    }

    /// Bytes pushed and records read.
    pub(crate) fn progress(&self) -> Progress {
        self.core.progress()
    }

    /// Keeps every profile column's value per row (the export reader indexes them all).
    pub(crate) fn store_all_columns(&mut self) {
        self.core.store_all_columns();
    }

    /// Ends the input: the sink, the profile id, the file name and what was detected.
    pub(crate) fn finish(mut self) -> (S, String, Option<String>, Detected) {
        let (id, file_name, detected) = self.core.finish(&mut self.sink);
        (self.sink, id, file_name, detected)
    }
}

impl Core {
    fn new(
        profile: &Profile,
        options: CheckOptions,
        sink: &mut dyn Sink,
        mut context: Context,
    ) -> Result<Self, Error> {
        options.limits.checked()?;
        if let Some(b) = &context.baseline {
            if b.profile_id() != profile.id {
                return Err(Error::new(ErrorKind::InvalidBaseline {
                    message: format!(
                        "the baseline was read for profile \"{}\", not \"{}\"",
                        b.profile_id(),
                        profile.id
                    ),
                }));
            }
        }
        let compiled = Compiled::new(profile, &options.params)?;
        let (max_keys, file_size) = (options.limits.max_unique_keys, options.file_size);
        let unique = compiled
            .unique
            .iter()
            .map(|u| UniqueIndex::new(u.ignore_case, max_keys, file_size))
            .collect();
        let columns = compiled.columns.len();
        let mut stored_columns = vec![false; columns];
        let mut store = |c: usize| {
            if let Some(slot) = stored_columns.get_mut(c) {
                *slot = true;
            }
        };
        for rule in &compiled.row_rules {
            store(rule.column);
            for cond in &rule.when {
                if let crate::profile::CondTest::Column { column, .. } = cond {
                    store(*column);
                }
            }
        }
        for key in &compiled.unique {
            key.columns.iter().for_each(|c| store(*c));
        }
        let role_check = context.role_check.take();
        let tracker = context.tracker(&compiled, options.limits.max_unique_keys);
        if let Some(t) = &tracker {
            t.needed_columns().into_iter().for_each(&mut store);
        }
        let quiet_when_empty = super::cells::quiet_when_empty(&compiled);
        let mut engine = Core {
            profile: compiled,
            options,
            pending: Vec::new(),
            wants_records: sink.wants_records(),
            wants_fields: sink.wants_fields(),
            rows_with_errors: 0,
            prelude: Some(Prelude::default()),
            tokenizer: None,
            transcoder: None,
            transcoded: Vec::new(),
            utf16_errors: VecDeque::new(),
            bom: None,
            delimiter: None,
            file_type: None,
            not_text: false,
            encoding_state: EncodingState::Undecided,
            decoder: FieldDecoder::new(TextEncoding::Utf8),
            ascii_only: true,
            header: None,
            header_row: None,
            blank_run: None,
            data_rows: 0,
            unique,
            ahead: Ahead::default(),
            key_hashes: KeyHashes::default(),
            bytes: 0,
            records: 0,
            row_has_error: false,
            quiet_when_empty,
            cell_plans: Vec::new(),
            stored_columns,
            row_values: vec![String::new(); columns],
            row_filled: vec![false; columns],
            texts: Vec::new(),
            legacy_record: Record::default(),
            scratch: Vec::new(),
            tracker,
            long_numbers: Default::default(),
            preamble_is_header: false,
            role_check,
        };
        if let (Some(name), Some((pattern, example))) = (
            engine.options.file_name.clone(),
            engine.profile.file_name.clone(),
        ) {
            if let Some(kind) = file_name::check(&name, &pattern, &example) {
                engine.emit(kind, Place::default(), None, None);
            }
        }
        if let Some(name) = engine.options.file_name.clone() {
            if let Some(kind) = file_name::check_extension(&name, &engine.profile.file_types) {
                engine.emit(kind, Place::default(), None, None);
            }
        }
        engine.flush(sink);
        Ok(engine)
    }

    /// Whether the file column (1-based, as in a [`Place`]) is a profile column that holds
    /// secrets: its values stay out of the report.
    fn is_secret(&self, column_index: Option<u32>) -> bool {
        let Some(file_col) = column_index.and_then(|i| (i as usize).checked_sub(1)) else {
            return false;
        };
        self.header
            .as_ref()
            .and_then(|h| h.by_file.get(file_col).copied().flatten())
            .and_then(|col| self.profile.columns.get(col))
            .is_some_and(|c| c.secret)
    }

    /// Emits a finding with the profile's severity (or `severity`), noting errors of the current row.
    pub(super) fn emit(
        &mut self,
        kind: Kind,
        place: Place,
        value: Option<String>,
        severity: Option<Severity>,
    ) {
        let severity = severity.unwrap_or_else(|| self.profile.severity(kind.code()));
        if severity == Severity::Error && place.row.is_some() {
            self.row_has_error = true;
        }
        let value = value.filter(|_| !self.is_secret(place.column_index));
        self.pending.push(Finding {
            kind,
            severity,
            place,
            value,
        });
    }

    /// Findings `emit_bounded` lets wait before it hands them to the sink.
    const PENDING_BOUND: usize = 1024;

    /// Emits like [`Core::emit`] from a loop that may emit without bound (a run of blank rows,
    /// the cut numbers of a column): the findings are handed to the sink, in the same order, once
    /// [`Core::PENDING_BOUND`] wait, so a million of them never wait at once.
    pub(super) fn emit_bounded(
        &mut self,
        sink: &mut dyn Sink,
        kind: Kind,
        place: Place,
        value: Option<String>,
    ) {
        self.emit(kind, place, value, None);
        if self.pending.len() >= Self::PENDING_BOUND {
            self.flush(sink);
        }
    }

    /// Gives the pending findings to the sink, in order. Called before every other call to the
    /// sink and when a chunk or the input ends, so the sink sees exactly the order of a direct
    /// call per finding.
    #[inline]
    pub(super) fn flush(&mut self, sink: &mut dyn Sink) {
        if self.pending.is_empty() {
            return;
        }
        for finding in self.pending.drain(..) {
            sink.finding(finding);
        }
    }

    fn push(&mut self, sink: &mut dyn Sink, chunk: &[u8]) {
        self.bytes = self.bytes.saturating_add(chunk.len() as u64);
        if let Some(prelude) = self.prelude.as_mut() {
            // Exactly the window's bytes, however the input is chunked: the decisions read them
            // all (a header line longer than the window is cut at the same byte every time).
            let room = SNIFF_WINDOW.saturating_sub(prelude.buf.len());
            let (head, rest) = chunk.split_at(room.min(chunk.len()));
            prelude.buf.extend_from_slice(head);
            if prelude.buf.len() >= SNIFF_WINDOW {
                self.end_prelude(sink);
                self.feed(sink, rest, false);
            }
        } else {
            self.feed(sink, chunk, false);
        }
        self.flush(sink);
    }

    /// Feeds bytes past the prelude to the tokenizer (through the UTF-16 transcoder if any).
    pub(super) fn feed(&mut self, sink: &mut dyn Sink, bytes: &[u8], last: bool) {
        let Some(mut tokenizer) = self.tokenizer.take() else {
            return;
        };
        if let Some(transcoder) = self.transcoder.as_mut() {
            let mut out = std::mem::take(&mut self.transcoded);
            out.clear();
            let mut errors = Vec::new();
            transcoder.push(bytes, last, &mut out, &mut errors);
            self.utf16_errors.extend(errors);
            tokenizer.feed_lending(&out, &mut |record| self.take_record(sink, record));
            self.transcoded = out;
        } else {
            tokenizer.feed_lending(bytes, &mut |record| self.take_record(sink, record));
        }
        if last {
            tokenizer.finish_lending(&mut |record| self.take_record(sink, record));
        }
        // Every record read is processed before `push` returns.
        self.release_records(sink);
        self.tokenizer = Some(tokenizer);
    }

    fn progress(&self) -> Progress {
        Progress {
            bytes: self.bytes,
            records: self.records,
        }
    }

    /// Routes a record: straight through once the encoding is known, held back while it is not.
    #[inline]
    pub(super) fn on_record(&mut self, sink: &mut dyn Sink, record: &Record) {
        self.records = record.position().record;
        match &mut self.encoding_state {
            EncodingState::Known => self.process(sink, record),
            EncodingState::Undecided if !record.has_non_ascii() => self.process(sink, record),
            EncodingState::Undecided => {
                self.encoding_state = EncodingState::Collecting {
                    queue: VecDeque::new(),
                    queued_bytes: 0,
                    evidence: Vec::new(),
                };
                self.hold(sink, record);
            }
            EncodingState::Collecting { .. } => self.hold(sink, record),
        }
    }

    fn hold(&mut self, sink: &mut dyn Sink, record: &Record) {
        let EncodingState::Collecting {
            queue,
            queued_bytes,
            evidence,
        } = &mut self.encoding_state
        else {
            return;
        };
        for (i, field) in record.fields().enumerate() {
            if evidence.len() < EVIDENCE_BYTES && field.iter().any(|b| !b.is_ascii()) {
                // A cut field may end inside a character (of up to 4 bytes in any encoding).
                let field = match record.was_cut(i) {
                    true => field
                        .get(..field.len().saturating_sub(3))
                        .unwrap_or_default(),
                    false => field,
                };
                evidence.extend_from_slice(field);
                evidence.push(b'\n');
            }
        }
        // A held record costs its content and, per field, an end, a start and a quote flag: a row
        // of 4,096 empty fields is 4 KiB of text but 70 KiB held.
        *queued_bytes +=
            record.fields().map(<[u8]>::len).sum::<usize>() + record.len() * HELD_BYTES_PER_FIELD;
        queue.push_back(record.clone());
        if evidence.len() >= EVIDENCE_BYTES
            || queue.len() >= MAX_QUEUED_RECORDS
            || *queued_bytes >= MAX_QUEUED_BYTES
        {
            self.decide(sink);
        }
    }

    /// Decides the encoding from the evidence and processes the held-back records.
    pub(super) fn decide(&mut self, sink: &mut dyn Sink) {
        let state = std::mem::replace(&mut self.encoding_state, EncodingState::Known);
        let EncodingState::Collecting {
            queue, evidence, ..
        } = state
        else {
            return;
        };
        self.ascii_only = false;
        let id = identify(&evidence);
        self.set_encoding(id.encoding);
        self.flush(sink);
        sink.encoding_decided(id.encoding);
        // A header read while the text was still ASCII gets its markers checked now.
        self.check_markers();
        if !id.decodes_strictly && id.encoding != TextEncoding::Utf8 {
            self.emit(
                Kind::EncodingUnknown { guess: id.encoding },
                Place::default(),
                None,
                None,
            );
        }
        for record in queue {
            self.process(sink, &record);
        }
    }

    /// Fixes the encoding and checks it against the profile.
    pub(super) fn set_encoding(&mut self, encoding: TextEncoding) {
        self.decoder = FieldDecoder::new(encoding);
        let mut out = std::mem::take(&mut self.scratch);
        out.clear();
        encoding::check(
            encoding,
            self.bom,
            &self.profile.encodings,
            self.profile.bom,
            &mut out,
        );
        for kind in out.drain(..) {
            self.emit(kind, Place::default(), None, None);
        }
        self.scratch = out;
    }

    fn finish(mut self, sink: &mut dyn Sink) -> (String, Option<String>, Detected) {
        if self.prelude.is_some() {
            self.end_prelude(sink);
        }
        self.feed(sink, &[], true);
        if matches!(self.encoding_state, EncodingState::Collecting { .. }) {
            self.decide(sink);
        }
        let bom_len = self.bom.map_or(0, |b| b.len() as u64);
        let empty = self.bytes <= bom_len;
        if empty {
            self.emit(Kind::EmptyFile, Place::default(), None, None);
        } else if !self.not_text {
            if matches!(self.encoding_state, EncodingState::Undecided) && self.transcoder.is_none()
            {
                // Only ASCII: valid in every accepted ASCII-compatible encoding; only the BOM rule applies.
                let accepted = self
                    .profile
                    .encodings
                    .first()
                    .copied()
                    .unwrap_or(TextEncoding::Utf8);
                let as_if = if accepted.is_ascii_compatible() {
                    accepted
                } else {
                    TextEncoding::Utf8
                };
                self.set_encoding(as_if);
                self.encoding_state = EncodingState::Known;
            }
            self.finish_blank_run(sink, true);
            self.finish_long_numbers(sink);
            if self.header.is_none() {
                self.emit(Kind::MissingHeader, Place::default(), None, None);
            } else {
                self.check_role();
                let mut out = Vec::new();
                row_count::check(
                    self.data_rows,
                    self.profile.max_rows,
                    self.profile.require_rows,
                    &mut out,
                );
                for kind in out {
                    self.emit(kind, Place::default(), None, None);
                }
                self.finish_tracking(sink);
            }
        }
        let stats = self
            .tokenizer
            .as_ref()
            .map(|t| *t.line_endings())
            .unwrap_or_default();
        // The file type's line endings, or the profile's.
        let file_type = self.file_type.and_then(|i| self.profile.file_types.get(i));
        let accepted = file_type.map_or(&self.profile.line_endings, |t| &t.line_endings);
        for (kind, first) in dialect::check_line_endings(&stats, accepted) {
            let place = Place {
                byte: first.map(|(byte, _)| byte),
                line: first.map(|(_, line)| line),
                ..Place::default()
            };
            self.emit(kind, place, None, None);
        }
        let detected = Detected {
            encoding: if empty || self.not_text {
                None
            } else {
                Some(self.decoder.encoding())
            },
            bom: self.bom,
            delimiter: self.delimiter,
            line_ending: dialect::dominant(&stats),
            mixed_line_endings: stats.styles() > 1,
            header: self
                .header
                .as_ref()
                .map(|h| h.labels.iter().map(|l| l.to_string()).collect())
                .unwrap_or_default(),
            bytes: self.bytes,
            records: self.records,
        };
        self.flush(sink);
        sink.counted(self.data_rows, self.rows_with_errors);
        (self.profile.id, self.options.file_name, detected)
    }

    /// Says when a bundle file's recognised role was assumed among roles alike.
    fn check_role(&mut self) {
        let (Some(check), Some(header)) = (self.role_check.take(), &self.header) else {
            return;
        };
        let labels: Vec<String> = header.labels.iter().map(|l| l.to_string()).collect();
        let name = self.options.file_name.as_deref();
        if let Some(kind) = role_assumed::check(&labels, name, &check) {
            self.emit(kind, Place::default(), None, None);
        }
    }

    /// The header label of a file column, if any.
    pub(super) fn label(&self, file_col: usize) -> Option<Arc<str>> {
        self.header
            .as_ref()
            .and_then(|h| h.labels.get(file_col).cloned())
    }
}
