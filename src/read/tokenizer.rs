//! The tokenizer's state machine.

mod chunk_text;
mod simple;

// For the wasm run of its unit tests (`bindings::unit_tests`).
#[cfg(all(test, feature = "wasm", target_arch = "wasm32"))]
pub(crate) use chunk_text::tests as chunk_text_tests;
use chunk_text::ChunkText;

use super::record::*;

/// Scanner state between bytes (and between `feed` calls).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// No byte of the next record seen yet.
    StartRecord,
    /// At the start of a field (after a delimiter, or at record start).
    StartField,
    /// Inside an unquoted field (or after text following a closing quote).
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just saw a quote inside a quoted field: either `""` or the closing one.
    QuoteInQuoted,
    /// A record ended with CR; waiting to see whether LF follows.
    AfterCr,
}

/// Translates indexes in the current chunk to absolute offsets.
struct Cursor {
    utf16: bool,
    /// Absolute offset of chunk index 0.
    base: u64,
    /// UTF-16 mode: last resolved index and its offset.
    idx: usize,
    off: u64,
}

impl Cursor {
    fn new(mode: OffsetMode, base: u64) -> Self {
        Cursor {
            utf16: mode == OffsetMode::Utf16Transcoded,
            base,
            idx: 0,
            off: base,
        }
    }

    /// Absolute offset of `input[i]` (`i` may equal `input.len()`). Inlined for the common case,
    /// an offset per byte (twice per record of the fast path).
    #[inline(always)]
    fn at(&mut self, input: &[u8], i: usize) -> u64 {
        if !self.utf16 {
            return self.base.saturating_add(i as u64);
        }
        self.at_utf16(input, i)
    }

    /// [`Cursor::at`] for UTF-8 transcoded from UTF-16: offsets advance per character.
    #[inline(never)]
    fn at_utf16(&mut self, input: &[u8], i: usize) -> u64 {
        if i < self.idx {
            self.idx = 0;
            self.off = self.base;
        }
        let add: u64 = input
            .get(self.idx..i)
            .map_or(0, |s| s.iter().map(|&b| utf16_weight(b)).sum());
        self.off = self.off.saturating_add(add);
        self.idx = i;
        self.off
    }
}

/// Streaming RFC 4180 tokenizer. See the [module docs](crate::read).
#[derive(Debug, Clone)]
pub struct Tokenizer {
    cfg: TokenizerConfig,
    /// `cfg.max_fields`, at least 1.
    max_fields: usize,
    state: State,
    pub(super) record: Record,
    stats: LineEndingStats,
    /// Absolute offset of the next byte to be fed.
    offset: u64,
    /// Physical line of the next byte (a CR counts as soon as it is seen).
    line: u64,
    records: u64,
    /// Index of the current field (= fields completed in this record).
    field_index: usize,
    /// Content bytes seen in the current field (stored or not).
    field_len: usize,
    field_stored: bool,
    field_truncated: bool,
    /// `(byte, line)` of the current quoted field's opening quote.
    open_quote: (u64, u64),
    /// Inside a quoted field, the previous byte was CR (so an LF now does not
    /// start another line).
    quoted_prev_cr: bool,
    /// `(byte, line)` of the CR that put us in [`State::AfterCr`].
    pending_cr: (u64, u64),
    /// Bytes that end a run of unquoted content: delimiter, quote, CR, LF.
    stop_unquoted: [bool; 256],
    /// The longest record [`Tokenizer::simple_record`] takes, if the configuration allows it.
    max_simple_len: Option<usize>,
    /// Whether chunks are validated as UTF-8 for the fast path (until one is not).
    text_chunks: bool,
}

impl Tokenizer {
    /// Creates a tokenizer positioned at `config.start_offset`, line 1.
    pub fn new(config: TokenizerConfig) -> Self {
        let mut stop_unquoted = [false; 256];
        for b in [config.delimiter, config.quote, b'\r', b'\n'] {
            if let Some(slot) = stop_unquoted.get_mut(usize::from(b)) {
                *slot = true;
            }
        }
        Tokenizer {
            cfg: config,
            max_fields: config.max_fields.max(1),
            state: State::StartRecord,
            record: Record::default(),
            stats: LineEndingStats::default(),
            offset: config.start_offset,
            line: 1,
            records: 0,
            field_index: 0,
            field_len: 0,
            field_stored: false,
            field_truncated: false,
            open_quote: (0, 0),
            quoted_prev_cr: false,
            pending_cr: (0, 0),
            stop_unquoted,
            max_simple_len: simple::max_simple_len(&config),
            text_chunks: true,
        }
    }

    /// The configuration this tokenizer was created with.
    pub fn config(&self) -> &TokenizerConfig {
        &self.cfg
    }

    /// Record terminator statistics so far.
    pub fn line_endings(&self) -> &LineEndingStats {
        &self.stats
    }

    /// Absolute offset of the next byte to be fed.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Current physical line (1-based): the line of the next byte to be fed.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Number of records emitted so far.
    pub fn records(&self) -> u64 {
        self.records
    }

    /// Feeds the next chunk (any size, including empty) and calls `on_record`
    /// for every record completed in it. A record whose terminator is a CR at
    /// the very end of the chunk is emitted by the next call (or by
    /// [`Tokenizer::finish`]), once it is known whether an LF follows.
    pub fn feed(&mut self, input: &[u8], on_record: &mut dyn FnMut(&Record)) {
        self.feed_lending(input, &mut |record| on_record(record));
    }

    /// [`Tokenizer::feed`], lending each record mutably: the callback may take it and leave
    /// another in its place (any record: the next one starts by clearing it), so that a caller can
    /// hold records back without copying them.
    pub(crate) fn feed_lending(&mut self, input: &[u8], on_record: &mut dyn FnMut(&mut Record)) {
        let mut cur = Cursor::new(self.cfg.offset_mode, self.offset);
        let text = self.chunk_text(input);
        let quote = self.cfg.quote;
        let delim = self.cfg.delimiter;
        let mut i = 0usize;
        while let Some(&b) = input.get(i) {
            match self.state {
                State::StartRecord => {
                    let o = cur.at(input, i);
                    self.begin_record(o);
                    if let Some(next) = self.simple_record(input, text, i, &mut cur, on_record) {
                        i = next;
                        continue;
                    }
                    self.state = State::StartField;
                }
                State::StartField => {
                    let o = cur.at(input, i);
                    if b == quote {
                        self.start_field(o, true);
                        self.open_quote = (o, self.line);
                        self.quoted_prev_cr = false;
                        self.state = State::Quoted;
                        i += 1;
                    } else if b == delim {
                        self.start_field(o, false);
                        self.end_field();
                        i += 1;
                    } else if b == b'\r' || b == b'\n' {
                        self.record.blank = self.field_index == 0;
                        self.start_field(o, false);
                        self.end_field();
                        i = self.line_break(b, input, i, &mut cur, on_record);
                    } else {
                        self.start_field(o, false);
                        self.state = State::Unquoted;
                    }
                }
                State::Unquoted => {
                    let rest = input.get(i..).unwrap_or_default();
                    let stop = rest.iter().position(|&c| self.is_stop_unquoted(c));
                    let run = stop.unwrap_or(rest.len());
                    self.push_content(rest.get(..run).unwrap_or_default());
                    i += run;
                    let Some(&c) = input.get(i) else { break };
                    if c == quote {
                        let o = cur.at(input, i);
                        self.problem(QuoteProblem::StrayQuote {
                            byte: o,
                            line: self.line,
                            field: self.field_index,
                        });
                        self.push_content(&[c]);
                        i += 1;
                    } else if c == delim {
                        self.end_field();
                        i += 1;
                        // Fast path: the next field starts with an ordinary
                        // byte, so it is unquoted and we stay in this state.
                        match input.get(i) {
                            Some(&n) if !self.is_stop_unquoted(n) => {
                                let o = cur.at(input, i);
                                self.start_field(o, false);
                            }
                            _ => self.state = State::StartField,
                        }
                    } else {
                        self.end_field();
                        i = self.line_break(c, input, i, &mut cur, on_record);
                    }
                }
                State::Quoted => {
                    let rest = input.get(i..).unwrap_or_default();
                    let stop = memchr::memchr3(quote, b'\r', b'\n', rest);
                    let run = stop.unwrap_or(rest.len());
                    if run > 0 {
                        self.push_content(rest.get(..run).unwrap_or_default());
                        self.quoted_prev_cr = false;
                        i += run;
                    }
                    let Some(&c) = input.get(i) else { break };
                    if c == quote {
                        self.state = State::QuoteInQuoted;
                        self.quoted_prev_cr = false;
                    } else {
                        // CR or LF inside quotes: content, and a new physical
                        // line unless it is the LF of a CRLF.
                        let is_cr = c == b'\r';
                        if is_cr || !self.quoted_prev_cr {
                            self.line = self.line.saturating_add(1);
                        }
                        self.quoted_prev_cr = is_cr;
                        self.push_content(&[c]);
                    }
                    i += 1;
                }
                State::QuoteInQuoted => {
                    if b == quote {
                        // `""`: a literal quote.
                        self.push_content(&[b]);
                        self.state = State::Quoted;
                        i += 1;
                    } else if b == delim {
                        self.end_field();
                        self.state = State::StartField;
                        i += 1;
                    } else if b == b'\r' || b == b'\n' {
                        self.end_field();
                        i = self.line_break(b, input, i, &mut cur, on_record);
                    } else {
                        let o = cur.at(input, i);
                        self.problem(QuoteProblem::TextAfterClosingQuote {
                            byte: o,
                            line: self.line,
                            field: self.field_index,
                        });
                        // Not consumed: scanned as unquoted content.
                        self.state = State::Unquoted;
                    }
                }
                State::AfterCr => {
                    let (o, line) = self.pending_cr;
                    if b == b'\n' {
                        let end = cur.at(input, i + 1);
                        self.end_record(Some((LineEnding::Crlf, o, line)), end, on_record);
                        i += 1;
                    } else {
                        // Lone CR; this byte starts the next record.
                        let end = cur.at(input, i);
                        self.end_record(Some((LineEnding::Cr, o, line)), end, on_record);
                    }
                }
            }
        }
        self.offset = cur.at(input, input.len());
    }

    /// Signals the end of input and emits the last record if any bytes are
    /// pending: an unterminated last line (terminator `None`), a record ended
    /// by a CR at the very end (terminator `Cr`), or an unclosed quoted field
    /// (with an [`QuoteProblem::UnclosedQuote`] problem). Calling it again, or
    /// on empty input, emits nothing.
    pub fn finish(&mut self, on_record: &mut dyn FnMut(&Record)) {
        self.finish_lending(&mut |record| on_record(record));
    }

    /// [`Tokenizer::finish`], lending the record as [`Tokenizer::feed_lending`] does.
    pub(crate) fn finish_lending(&mut self, on_record: &mut dyn FnMut(&mut Record)) {
        let end = self.offset;
        match self.state {
            State::StartRecord => {}
            State::StartField => {
                // After a trailing delimiter: one more empty field.
                self.start_field(end, false);
                self.end_field();
                self.end_record(None, end, on_record);
            }
            State::Unquoted | State::QuoteInQuoted => {
                self.end_field();
                self.end_record(None, end, on_record);
            }
            State::Quoted => {
                let (byte, line) = self.open_quote;
                self.problem(QuoteProblem::UnclosedQuote {
                    byte,
                    line,
                    field: self.field_index,
                });
                self.end_field();
                self.end_record(None, end, on_record);
            }
            State::AfterCr => {
                let (o, line) = self.pending_cr;
                self.end_record(Some((LineEnding::Cr, o, line)), end, on_record);
            }
        }
    }

    /// Handles a CR or LF that ends a record (the current field is already
    /// ended). Returns the index after it.
    fn line_break(
        &mut self,
        b: u8,
        input: &[u8],
        i: usize,
        cur: &mut Cursor,
        on_record: &mut dyn FnMut(&mut Record),
    ) -> usize {
        let o = cur.at(input, i);
        let line = self.line;
        self.line = self.line.saturating_add(1);
        if b == b'\n' {
            let end = cur.at(input, i + 1);
            self.end_record(Some((LineEnding::Lf, o, line)), end, on_record);
        } else {
            self.pending_cr = (o, line);
            self.state = State::AfterCr;
        }
        i + 1
    }

    /// Whether `b` ends a run of unquoted content.
    #[inline]
    fn is_stop_unquoted(&self, b: u8) -> bool {
        self.stop_unquoted
            .get(usize::from(b))
            .copied()
            .unwrap_or(true)
    }

    fn begin_record(&mut self, byte: u64) {
        self.record.reset();
        self.record.position.byte = byte;
        self.record.position.line = self.line;
        self.field_index = 0;
    }

    #[inline]
    fn start_field(&mut self, byte: u64, quoted: bool) {
        self.field_stored = self.field_index < self.max_fields;
        if self.field_stored {
            let at = self.record.buf.len();
            self.record.spans.push(Span {
                begin: at,
                end: at,
                offset: byte,
                quoted,
            });
        }
        self.field_len = 0;
        self.field_truncated = false;
    }

    #[inline]
    fn push_content(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        if self.field_stored {
            let field_room = self.cfg.max_field_bytes.saturating_sub(self.field_len);
            let record_room = self
                .cfg
                .max_record_bytes
                .saturating_sub(self.record.buf.len());
            let room = field_room.min(record_room);
            if bytes.len() <= room {
                self.record.buf.extend_from_slice(bytes);
            } else {
                self.record
                    .buf
                    .extend_from_slice(bytes.get(..room).unwrap_or_default());
                self.field_truncated |= bytes.len() > field_room;
                // Only when the record bound, not the field bound, cut this content.
                self.record.record_truncated |= record_room < bytes.len().min(field_room);
            }
        }
        self.field_len = self.field_len.saturating_add(bytes.len());
    }

    #[inline]
    fn end_field(&mut self) {
        if self.field_stored {
            let end = self.record.buf.len();
            if let Some(span) = self.record.spans.last_mut() {
                span.end = end;
            }
            if self.field_truncated {
                self.record.truncated.push(self.field_index);
            }
        }
        self.field_index = self.field_index.saturating_add(1);
        self.field_stored = false;
        self.field_truncated = false;
        self.field_len = 0;
    }

    fn problem(&mut self, p: QuoteProblem) {
        self.record.problem_count = self.record.problem_count.saturating_add(1);
        if self.record.problems.len() < MAX_PROBLEMS_PER_RECORD {
            self.record.problems.push(p);
        }
    }

    /// Completes the record (all fields already ended), updates the stats and
    /// hands it to the callback. `term` is `(kind, byte, line)` of the
    /// terminator.
    fn end_record(
        &mut self,
        term: Option<(LineEnding, u64, u64)>,
        end: u64,
        on_record: &mut dyn FnMut(&mut Record),
    ) {
        let spanned = self.line.saturating_sub(self.record.position.line);
        let rec = &mut self.record;
        match term {
            Some((kind, byte, line)) => {
                self.stats.record(kind, byte, line);
                rec.terminator = Some(kind);
                rec.lines = spanned;
            }
            None => {
                rec.terminator = None;
                rec.lines = spanned.saturating_add(1);
            }
        }
        rec.end_offset = end;
        rec.total_fields = self.field_index;
        rec.non_ascii = match rec.scan {
            Some(scan) => scan.non_ascii,
            None => !crate::lanes::is_ascii(rec.content()),
        };
        self.records = self.records.saturating_add(1);
        rec.position.record = self.records;
        self.state = State::StartRecord;
        on_record(&mut self.record);
    }
}
