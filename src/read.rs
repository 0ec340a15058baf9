//! Streaming, push-based RFC 4180 tokenizer that reports every quoting anomaly.
//!
//! Unlike permissive CSV readers, which silently "repair" stray quotes, this
//! tokenizer keeps going after a malformed field *and* records what was wrong
//! and where ([`QuoteProblem`]), with absolute byte offsets and 1-based
//! physical line numbers.
//!
//! * Input is pushed in chunks of any size with [`Tokenizer::feed`]; the result
//!   never depends on how the input was split.
//! * Records are handed to a callback as a borrowed [`Record`] whose buffers are
//!   reused, so the steady state allocates nothing.
//! * No input can make it panic, and it contains no `unsafe`.
//!
//! Field indexes are 0-based everywhere in this module; line and record
//! numbers are 1-based.

/// At most this many [`QuoteProblem`]s are stored per record; further ones are
/// only counted (see [`Record::total_problems`]). This bounds memory on hostile
/// input such as a binary file full of quote characters.
pub const MAX_PROBLEMS_PER_RECORD: usize = 256;

/// A record terminator style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineEnding {
    /// `\r\n` (Windows, Excel).
    Crlf,
    /// `\n` (Unix).
    Lf,
    /// A lone `\r` (classic Mac OS).
    Cr,
}

impl LineEnding {
    /// The conventional upper-case name: `"CRLF"`, `"LF"` or `"CR"`.
    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Crlf => "CRLF",
            LineEnding::Lf => "LF",
            LineEnding::Cr => "CR",
        }
    }
}

/// How byte offsets advance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OffsetMode {
    /// One per input byte: the input *is* the file's bytes.
    #[default]
    Utf8,
    /// The input is UTF-8 transcoded from a UTF-16 file: each UTF-8 lead byte
    /// of a 1-3 byte sequence advances the offset by 2, a lead byte of a 4-byte
    /// sequence (`0xF0..=0xF7`) by 4 and continuation bytes (`0x80..=0xBF`) by
    /// 0, so offsets are exact offsets in the original UTF-16 file. (Bytes that
    /// cannot occur in UTF-8, `0xF8..=0xFF`, count 2.)
    Utf16Transcoded,
}

/// Offset weight of one byte in [`OffsetMode::Utf16Transcoded`] mode.
#[inline]
fn utf16_weight(b: u8) -> u64 {
    match b {
        0x80..=0xBF => 0,
        0xF0..=0xF7 => 4,
        _ => 2,
    }
}

/// Tokenizer settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TokenizerConfig {
    /// Field separator, e.g. `b','`, `b'\t'` or `b';'`.
    pub delimiter: u8,
    /// Quote character, normally `b'"'`.
    pub quote: u8,
    /// Longer fields are truncated in the record buffer (content beyond is
    /// dropped, scanning continues) and reported by
    /// [`Record::truncated_fields`].
    pub max_field_bytes: usize,
    /// Fields beyond this many are not stored (only counted, see
    /// [`Record::total_fields`]). A value of 0 is treated as 1, so every
    /// record has at least one stored field.
    pub max_fields: usize,
    /// Absolute file offset of the first byte fed (e.g. 3 after a UTF-8 BOM).
    pub start_offset: u64,
    /// How offsets advance per input byte.
    pub offset_mode: OffsetMode,
}

impl Default for TokenizerConfig {
    /// Comma-separated, `"`-quoted, 64 KiB per field, 1024 fields, offset 0,
    /// [`OffsetMode::Utf8`].
    fn default() -> Self {
        TokenizerConfig {
            delimiter: b',',
            quote: b'"',
            max_field_bytes: 64 * 1024,
            max_fields: 1024,
            start_offset: 0,
            offset_mode: OffsetMode::Utf8,
        }
    }
}

/// Where a record starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Position {
    /// Absolute offset of the record's first byte.
    pub byte: u64,
    /// 1-based physical line of the record's first byte.
    pub line: u64,
    /// 1-based record number (blank-line records count).
    pub record: u64,
}

/// A quoting anomaly. `byte` is absolute, `line` 1-based, `field` 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteProblem {
    /// A quote character inside an unquoted field, e.g. `ab"c`; `byte` is that
    /// quote's offset. The quote is kept as content.
    StrayQuote {
        /// Absolute offset of the quote character.
        byte: u64,
        /// 1-based physical line of the quote character.
        line: u64,
        /// 0-based field index.
        field: usize,
    },
    /// Text after the closing quote of a quoted field, e.g. `"ab"c`; `byte` is
    /// the offset of the first byte after the closing quote. The text is kept
    /// (the field becomes `abc`) and is scanned as unquoted content from there
    /// on, so later quotes in the same field are [`QuoteProblem::StrayQuote`]s.
    TextAfterClosingQuote {
        /// Absolute offset of the first byte after the closing quote.
        byte: u64,
        /// 1-based physical line of that byte.
        line: u64,
        /// 0-based field index.
        field: usize,
    },
    /// The input ended inside a quoted field; `byte`/`line` locate the
    /// *opening* quote. The content up to the end of input is kept.
    UnclosedQuote {
        /// Absolute offset of the opening quote.
        byte: u64,
        /// 1-based physical line of the opening quote.
        line: u64,
        /// 0-based field index.
        field: usize,
    },
}

impl QuoteProblem {
    /// Absolute byte offset the problem points at.
    pub fn byte(&self) -> u64 {
        match *self {
            QuoteProblem::StrayQuote { byte, .. }
            | QuoteProblem::TextAfterClosingQuote { byte, .. }
            | QuoteProblem::UnclosedQuote { byte, .. } => byte,
        }
    }

    /// 1-based physical line the problem points at.
    pub fn line(&self) -> u64 {
        match *self {
            QuoteProblem::StrayQuote { line, .. }
            | QuoteProblem::TextAfterClosingQuote { line, .. }
            | QuoteProblem::UnclosedQuote { line, .. } => line,
        }
    }

    /// 0-based index of the field the problem is in.
    pub fn field(&self) -> usize {
        match *self {
            QuoteProblem::StrayQuote { field, .. }
            | QuoteProblem::TextAfterClosingQuote { field, .. }
            | QuoteProblem::UnclosedQuote { field, .. } => field,
        }
    }
}

/// One tokenized record, lent to the callback of [`Tokenizer::feed`] /
/// [`Tokenizer::finish`]. Its buffers are reused for the next record: copy out
/// whatever must outlive the callback.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// Unescaped content of all stored fields, concatenated.
    buf: Vec<u8>,
    /// End of each stored field in `buf`.
    ends: Vec<usize>,
    /// Absolute offset of each stored field's first byte.
    starts: Vec<u64>,
    /// Whether each stored field started with the quote character.
    quoted: Vec<bool>,
    /// Stored problems (at most [`MAX_PROBLEMS_PER_RECORD`]).
    problems: Vec<QuoteProblem>,
    /// All problems, stored or not.
    problem_count: usize,
    /// Indexes of stored fields longer than `max_field_bytes`.
    truncated: Vec<usize>,
    /// All fields, stored or not.
    total_fields: usize,
    position: Position,
    end_offset: u64,
    lines: u64,
    terminator: Option<LineEnding>,
    blank: bool,
    non_ascii: bool,
}

impl Record {
    /// Number of stored fields (at least 1 for every emitted record; at most
    /// `max_fields`).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether no field is stored. Never true for an emitted record (a blank
    /// line has one empty field).
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Unescaped content of field `i` (`""` inside quotes becomes `"`; the
    /// enclosing quotes are removed), truncated to `max_field_bytes`.
    pub fn field(&self, i: usize) -> Option<&[u8]> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(prev) => *self.ends.get(prev)?,
            None => 0,
        };
        self.buf.get(start..end)
    }

    /// All stored fields, in order.
    pub fn fields(&self) -> impl Iterator<Item = &[u8]> + '_ {
        (0..self.len()).filter_map(move |i| self.field(i))
    }

    /// Absolute offset of field `i`'s first byte in the file (the opening
    /// quote for quoted fields; for an empty field, the offset of the
    /// delimiter or terminator that follows it, or of the end of input).
    pub fn field_offset(&self, i: usize) -> Option<u64> {
        self.starts.get(i).copied()
    }

    /// Whether field `i` started with the quote character (false for a field
    /// that is not stored).
    pub fn was_quoted(&self, i: usize) -> bool {
        self.quoted.get(i).copied().unwrap_or(false)
    }

    /// Where the record starts.
    pub fn position(&self) -> Position {
        self.position
    }

    /// Absolute offset just past the record (after its terminator, if any).
    pub fn end_offset(&self) -> u64 {
        self.end_offset
    }

    /// Physical lines the record spans: 1 + line breaks inside quoted fields.
    pub fn lines(&self) -> u64 {
        self.lines
    }

    /// The terminator that ended the record; `None` for the last record when
    /// the input does not end with a line break.
    pub fn terminator(&self) -> Option<LineEnding> {
        self.terminator
    }

    /// Quoting anomalies in this record, in input order (at most
    /// [`MAX_PROBLEMS_PER_RECORD`]).
    pub fn problems(&self) -> &[QuoteProblem] {
        &self.problems
    }

    /// Number of quoting anomalies in this record, including any beyond
    /// [`MAX_PROBLEMS_PER_RECORD`] that were not stored.
    pub fn total_problems(&self) -> usize {
        self.problem_count
    }

    /// Whether the record is an empty physical line: a terminator and nothing
    /// else (not even `""`). Such a record has one empty, unquoted field.
    pub fn is_blank_line(&self) -> bool {
        self.blank
    }

    /// Indexes of stored fields longer than `max_field_bytes` (their content
    /// is truncated), ascending.
    pub fn truncated_fields(&self) -> impl Iterator<Item = usize> + '_ {
        self.truncated.iter().copied()
    }

    /// Number of fields seen, including those beyond `max_fields` that were
    /// not stored. Greater than [`Record::len`] exactly when fields were
    /// dropped.
    pub fn total_fields(&self) -> usize {
        self.total_fields
    }

    /// Whether any stored field content (after truncation) contains a byte
    /// `>= 0x80`.
    pub fn has_non_ascii(&self) -> bool {
        self.non_ascii
    }

    /// Clears everything, keeping the allocations.
    fn reset(&mut self) {
        self.buf.clear();
        self.ends.clear();
        self.starts.clear();
        self.quoted.clear();
        self.problems.clear();
        self.problem_count = 0;
        self.truncated.clear();
        self.total_fields = 0;
        self.position = Position::default();
        self.end_offset = 0;
        self.lines = 0;
        self.terminator = None;
        self.blank = false;
        self.non_ascii = false;
    }
}

/// Record terminator statistics for the whole input. Only terminators that
/// end records are counted, not line breaks inside quoted fields (Excel writes
/// LF inside cells and CRLF between records). The `first_*` positions are
/// `(byte, line)`: the absolute offset of the terminator's first byte and the
/// 1-based physical line it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct LineEndingStats {
    /// Records ended by CRLF.
    pub crlf: u64,
    /// Records ended by LF.
    pub lf: u64,
    /// Records ended by a lone CR.
    pub cr: u64,
    /// `(byte, line)` of the first CRLF terminator.
    pub first_crlf: Option<(u64, u64)>,
    /// `(byte, line)` of the first LF terminator.
    pub first_lf: Option<(u64, u64)>,
    /// `(byte, line)` of the first lone-CR terminator.
    pub first_cr: Option<(u64, u64)>,
}

impl LineEndingStats {
    /// Total number of terminators seen.
    pub fn total(&self) -> u64 {
        self.crlf.saturating_add(self.lf).saturating_add(self.cr)
    }

    /// How many distinct terminator styles were seen (0 to 3); more than 1
    /// means the file mixes line endings.
    pub fn styles(&self) -> usize {
        usize::from(self.crlf > 0) + usize::from(self.lf > 0) + usize::from(self.cr > 0)
    }

    fn record(&mut self, kind: LineEnding, byte: u64, line: u64) {
        let (count, first) = match kind {
            LineEnding::Crlf => (&mut self.crlf, &mut self.first_crlf),
            LineEnding::Lf => (&mut self.lf, &mut self.first_lf),
            LineEnding::Cr => (&mut self.cr, &mut self.first_cr),
        };
        *count = count.saturating_add(1);
        if first.is_none() {
            *first = Some((byte, line));
        }
    }
}

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

    /// Absolute offset of `input[i]` (`i` may equal `input.len()`).
    #[inline]
    fn at(&mut self, input: &[u8], i: usize) -> u64 {
        if !self.utf16 {
            return self.base.saturating_add(i as u64);
        }
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

/// Streaming RFC 4180 tokenizer. See the [module docs](self).
#[derive(Debug, Clone)]
pub struct Tokenizer {
    cfg: TokenizerConfig,
    /// `cfg.max_fields`, at least 1.
    max_fields: usize,
    state: State,
    record: Record,
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
        let mut cur = Cursor::new(self.cfg.offset_mode, self.offset);
        let quote = self.cfg.quote;
        let delim = self.cfg.delimiter;
        let mut i = 0usize;
        while let Some(&b) = input.get(i) {
            match self.state {
                State::StartRecord => {
                    let o = cur.at(input, i);
                    self.begin_record(o);
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
        on_record: &mut dyn FnMut(&Record),
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
            self.record.starts.push(byte);
            self.record.quoted.push(quoted);
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
            let room = self.cfg.max_field_bytes.saturating_sub(self.field_len);
            if bytes.len() <= room {
                self.record.buf.extend_from_slice(bytes);
            } else {
                self.record
                    .buf
                    .extend_from_slice(bytes.get(..room).unwrap_or_default());
                self.field_truncated = true;
            }
        }
        self.field_len = self.field_len.saturating_add(bytes.len());
    }

    #[inline]
    fn end_field(&mut self) {
        if self.field_stored {
            self.record.ends.push(self.record.buf.len());
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
        on_record: &mut dyn FnMut(&Record),
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
        rec.non_ascii = !rec.buf.is_ascii();
        self.records = self.records.saturating_add(1);
        rec.position.record = self.records;
        self.state = State::StartRecord;
        on_record(&self.record);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything observable about one record, owned and comparable.
    #[derive(Debug, Clone, PartialEq, Eq)]
    struct Snap {
        fields: Vec<Vec<u8>>,
        offsets: Vec<u64>,
        quoted: Vec<bool>,
        position: Position,
        end_offset: u64,
        lines: u64,
        terminator: Option<LineEnding>,
        problems: Vec<QuoteProblem>,
        total_problems: usize,
        blank: bool,
        truncated: Vec<usize>,
        total_fields: usize,
        non_ascii: bool,
    }

    impl Snap {
        fn of(r: &Record) -> Snap {
            assert!(!r.is_empty());
            assert_eq!(r.fields().count(), r.len());
            assert!(r.field(r.len()).is_none());
            assert!(r.field_offset(r.len()).is_none());
            assert!(!r.was_quoted(r.len()));
            Snap {
                fields: r.fields().map(<[u8]>::to_vec).collect(),
                offsets: (0..r.len()).map(|i| r.field_offset(i).unwrap()).collect(),
                quoted: (0..r.len()).map(|i| r.was_quoted(i)).collect(),
                position: r.position(),
                end_offset: r.end_offset(),
                lines: r.lines(),
                terminator: r.terminator(),
                problems: r.problems().to_vec(),
                total_problems: r.total_problems(),
                blank: r.is_blank_line(),
                truncated: r.truncated_fields().collect(),
                total_fields: r.total_fields(),
                non_ascii: r.has_non_ascii(),
            }
        }

        fn strs(&self) -> Vec<String> {
            self.fields
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect()
        }
    }

    /// Whole result of a run: records, stats, final offset/line/count.
    #[derive(Debug, Clone, PartialEq, Eq)]
    struct Out {
        recs: Vec<Snap>,
        stats: LineEndingStats,
        offset: u64,
        line: u64,
        records: u64,
    }

    /// Runs the tokenizer, feeding `input` cut at the (ascending) `cuts`.
    fn run_cuts(cfg: TokenizerConfig, input: &[u8], cuts: &[usize]) -> Out {
        let mut tok = Tokenizer::new(cfg);
        let mut recs = Vec::new();
        let mut cb = |r: &Record| recs.push(Snap::of(r));
        let mut prev = 0;
        for &c in cuts.iter().chain(std::iter::once(&input.len())) {
            tok.feed(&input[prev..c], &mut cb);
            tok.feed(&[], &mut cb);
            prev = c;
        }
        tok.finish(&mut cb);
        // finish is idempotent
        tok.finish(&mut cb);
        Out {
            recs,
            stats: *tok.line_endings(),
            offset: tok.offset(),
            line: tok.line(),
            records: tok.records(),
        }
    }

    fn run(cfg: TokenizerConfig, input: &[u8]) -> Out {
        run_cuts(cfg, input, &[])
    }

    fn cfg() -> TokenizerConfig {
        TokenizerConfig::default()
    }

    fn fields(out: &Out) -> Vec<Vec<String>> {
        out.recs.iter().map(Snap::strs).collect()
    }

    fn pos(byte: u64, line: u64, record: u64) -> Position {
        Position { byte, line, record }
    }

    // ---------------------------------------------------------------------
    // Reference model: a simple whole-input parser written independently.
    // ---------------------------------------------------------------------

    fn weight(mode: OffsetMode, b: u8) -> u64 {
        match mode {
            OffsetMode::Utf8 => 1,
            OffsetMode::Utf16Transcoded => match b {
                0x80..=0xBF => 0,
                0xF0..=0xF7 => 4,
                _ => 2,
            },
        }
    }

    fn oracle(cfg: TokenizerConfig, s: &[u8]) -> Out {
        let n = s.len();
        // offs[i]: absolute offset of byte i; lines[i]: line of byte i.
        let mut offs = vec![cfg.start_offset; n + 1];
        let mut lines = vec![1u64; n + 1];
        for i in 0..n {
            offs[i + 1] = offs[i] + weight(cfg.offset_mode, s[i]);
            let brk = s[i] == b'\r' || (s[i] == b'\n' && (i == 0 || s[i - 1] != b'\r'));
            lines[i + 1] = lines[i] + u64::from(brk);
        }
        let (d, q) = (cfg.delimiter, cfg.quote);
        let is_term = |c: u8| c == b'\r' || c == b'\n';
        let mut recs = Vec::new();
        let mut stats = LineEndingStats::default();
        let mut i = 0;
        while i < n {
            let start = i;
            // (content, offset, quoted)
            let mut flds: Vec<(Vec<u8>, u64, bool)> = Vec::new();
            let mut probs = Vec::new();
            let term;
            loop {
                let fidx = flds.len();
                let fstart = i;
                let mut content = Vec::new();
                let quoted = i < n && s[i] == q;
                let mut unquoted_scan = !quoted;
                if quoted {
                    i += 1;
                    loop {
                        if i >= n {
                            probs.push(QuoteProblem::UnclosedQuote {
                                byte: offs[fstart],
                                line: lines[fstart],
                                field: fidx,
                            });
                            break;
                        }
                        if s[i] == q {
                            if i + 1 < n && s[i + 1] == q {
                                content.push(q);
                                i += 2;
                                continue;
                            }
                            i += 1;
                            if i < n && s[i] != d && !is_term(s[i]) {
                                probs.push(QuoteProblem::TextAfterClosingQuote {
                                    byte: offs[i],
                                    line: lines[i],
                                    field: fidx,
                                });
                                unquoted_scan = true;
                            }
                            break;
                        }
                        content.push(s[i]);
                        i += 1;
                    }
                }
                if unquoted_scan {
                    while i < n && s[i] != d && !is_term(s[i]) {
                        if s[i] == q {
                            probs.push(QuoteProblem::StrayQuote {
                                byte: offs[i],
                                line: lines[i],
                                field: fidx,
                            });
                        }
                        content.push(s[i]);
                        i += 1;
                    }
                }
                flds.push((content, offs[fstart], quoted));
                if i >= n {
                    term = None;
                    break;
                }
                if s[i] == d {
                    i += 1;
                    continue;
                }
                let t = i;
                let kind = if s[i] == b'\n' {
                    i += 1;
                    LineEnding::Lf
                } else if i + 1 < n && s[i + 1] == b'\n' {
                    i += 2;
                    LineEnding::Crlf
                } else {
                    i += 1;
                    LineEnding::Cr
                };
                stats.record(kind, offs[t], lines[t]);
                term = Some(kind);
                break;
            }
            let blank = is_term(s[start]);
            let stored: Vec<_> = flds.iter().take(cfg.max_fields.max(1)).collect();
            let fields: Vec<Vec<u8>> = stored
                .iter()
                .map(|f| f.0[..f.0.len().min(cfg.max_field_bytes)].to_vec())
                .collect();
            let non_ascii = fields.iter().any(|f| f.iter().any(|&b| b >= 0x80));
            let line_span = lines[i] - lines[start];
            recs.push(Snap {
                offsets: stored.iter().map(|f| f.1).collect(),
                quoted: stored.iter().map(|f| f.2).collect(),
                truncated: stored
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.0.len() > cfg.max_field_bytes)
                    .map(|(k, _)| k)
                    .collect(),
                fields,
                position: pos(offs[start], lines[start], recs.len() as u64 + 1),
                end_offset: offs[i],
                lines: if term.is_some() {
                    line_span
                } else {
                    line_span + 1
                },
                terminator: term,
                total_problems: probs.len(),
                problems: probs.into_iter().take(MAX_PROBLEMS_PER_RECORD).collect(),
                blank,
                total_fields: flds.len(),
                non_ascii,
            });
        }
        Out {
            records: recs.len() as u64,
            recs,
            stats,
            offset: offs[n],
            line: lines[n],
        }
    }

    // ---------------------------------------------------------------------
    // Plain files
    // ---------------------------------------------------------------------

    #[test]
    fn simple_crlf() {
        let out = run(cfg(), b"a,b\r\nc,d\r\n");
        assert_eq!(fields(&out), [["a", "b"], ["c", "d"]]);
        let r = &out.recs;
        assert_eq!(r[0].position, pos(0, 1, 1));
        assert_eq!(r[0].offsets, [0, 2]);
        assert_eq!(r[0].end_offset, 5);
        assert_eq!(r[0].terminator, Some(LineEnding::Crlf));
        assert_eq!(r[0].lines, 1);
        assert_eq!(r[0].quoted, [false, false]);
        assert!(r[0].problems.is_empty());
        assert!(!r[0].blank);
        assert_eq!(r[1].position, pos(5, 2, 2));
        assert_eq!(r[1].offsets, [5, 7]);
        assert_eq!(r[1].end_offset, 10);
        assert_eq!(r[1].terminator, Some(LineEnding::Crlf));
        assert_eq!(out.stats.crlf, 2);
        assert_eq!(out.stats.lf + out.stats.cr, 0);
        assert_eq!(out.stats.first_crlf, Some((3, 1)));
        assert_eq!(out.stats.first_lf, None);
        assert_eq!(out.stats.total(), 2);
        assert_eq!(out.stats.styles(), 1);
        assert_eq!((out.offset, out.line, out.records), (10, 3, 2));
    }

    #[test]
    fn simple_lf_without_trailing_newline() {
        let out = run(cfg(), b"a,b\nc,d");
        assert_eq!(fields(&out), [["a", "b"], ["c", "d"]]);
        assert_eq!(out.recs[0].terminator, Some(LineEnding::Lf));
        assert_eq!(out.recs[0].end_offset, 4);
        assert_eq!(out.recs[1].position, pos(4, 2, 2));
        assert_eq!(out.recs[1].offsets, [4, 6]);
        assert_eq!(out.recs[1].terminator, None);
        assert_eq!(out.recs[1].end_offset, 7);
        assert_eq!(out.recs[1].lines, 1);
        assert_eq!(out.stats.lf, 1);
        assert_eq!(out.stats.first_lf, Some((3, 1)));
        assert_eq!((out.offset, out.line, out.records), (7, 2, 2));
    }

    #[test]
    fn simple_cr() {
        let mut tok = Tokenizer::new(cfg());
        let mut recs = Vec::new();
        tok.feed(b"a,b\rc,d\r", &mut |r| recs.push(Snap::of(r)));
        // The final CR might be the start of a CRLF: not emitted yet.
        assert_eq!(recs.len(), 1);
        assert_eq!(tok.records(), 1);
        assert_eq!(tok.line(), 3);
        tok.finish(&mut |r| recs.push(Snap::of(r)));
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].strs(), ["a", "b"]);
        assert_eq!(recs[0].terminator, Some(LineEnding::Cr));
        assert_eq!(recs[0].end_offset, 4);
        assert_eq!(recs[1].strs(), ["c", "d"]);
        assert_eq!(recs[1].position, pos(4, 2, 2));
        assert_eq!(recs[1].terminator, Some(LineEnding::Cr));
        assert_eq!(recs[1].end_offset, 8);
        let st = tok.line_endings();
        assert_eq!((st.cr, st.lf, st.crlf), (2, 0, 0));
        assert_eq!(st.first_cr, Some((3, 1)));
    }

    #[test]
    fn mixed_line_endings_stats() {
        let out = run(cfg(), b"a\r\nb\nc\rd\r\n");
        assert_eq!(fields(&out), [["a"], ["b"], ["c"], ["d"]]);
        let st = out.stats;
        assert_eq!((st.crlf, st.lf, st.cr), (2, 1, 1));
        assert_eq!(st.first_crlf, Some((1, 1)));
        assert_eq!(st.first_lf, Some((4, 2)));
        assert_eq!(st.first_cr, Some((6, 3)));
        assert_eq!(st.styles(), 3);
        let lines: Vec<u64> = out.recs.iter().map(|r| r.position.line).collect();
        assert_eq!(lines, [1, 2, 3, 4]);
    }

    #[test]
    fn crlf_split_across_feeds() {
        let mut tok = Tokenizer::new(cfg());
        let mut recs = Vec::new();
        tok.feed(b"a\r", &mut |r| recs.push(Snap::of(r)));
        assert!(recs.is_empty());
        tok.feed(b"\nb", &mut |r| recs.push(Snap::of(r)));
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].terminator, Some(LineEnding::Crlf));
        assert_eq!(recs[0].end_offset, 3);
        tok.finish(&mut |r| recs.push(Snap::of(r)));
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].position, pos(3, 2, 2));
        assert_eq!(recs[1].terminator, None);
        assert_eq!(tok.line_endings().crlf, 1);
        assert_eq!(tok.line_endings().cr, 0);
    }

    #[test]
    fn lone_cr_at_end_of_input() {
        let out = run(cfg(), b"a\r");
        assert_eq!(fields(&out), [["a"]]);
        assert_eq!(out.recs[0].terminator, Some(LineEnding::Cr));
        assert_eq!(out.recs[0].end_offset, 2);
        assert_eq!(out.recs[0].lines, 1);
        assert_eq!(out.stats.cr, 1);
    }

    #[test]
    fn empty_input() {
        let out = run(cfg(), b"");
        assert!(out.recs.is_empty());
        assert_eq!((out.offset, out.line, out.records), (0, 1, 0));
        assert_eq!(out.stats, LineEndingStats::default());
    }

    // ---------------------------------------------------------------------
    // Quoting
    // ---------------------------------------------------------------------

    #[test]
    fn quoted_fields() {
        let input = b"\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\",\"p\nq\"\r\nz\r\n";
        let out = run(cfg(), input);
        assert_eq!(
            fields(&out),
            vec![vec!["a,b", "say \"hi\"", "x\r\ny", "p\nq"], vec!["z"]]
        );
        let r = &out.recs[0];
        assert_eq!(r.quoted, [true; 4]);
        assert_eq!(r.offsets, [0, 6, 19, 26]);
        assert_eq!(r.lines, 3);
        assert_eq!(r.end_offset, 33);
        assert_eq!(r.terminator, Some(LineEnding::Crlf));
        assert!(r.problems.is_empty());
        assert_eq!(out.recs[1].position, pos(33, 4, 2));
        assert_eq!(out.recs[1].quoted, [false]);
        // Newlines inside quotes are not terminators.
        assert_eq!((out.stats.crlf, out.stats.lf), (2, 0));
        assert_eq!(out.stats.first_crlf, Some((31, 3)));
        assert_eq!(out.line, 5);
    }

    #[test]
    fn lone_cr_inside_quotes_counts_a_line() {
        let out = run(cfg(), b"\"a\rb\"\nc\n");
        assert_eq!(fields(&out), [["a\rb"], ["c"]]);
        assert_eq!(out.recs[0].lines, 2);
        assert_eq!(out.recs[1].position, pos(6, 3, 2));
        assert_eq!(out.stats.lf, 2);
        assert_eq!(out.stats.cr, 0);
    }

    #[test]
    fn empty_quoted_field_is_not_blank() {
        let out = run(cfg(), b"\"\"\n");
        assert_eq!(fields(&out), [[""]]);
        assert_eq!(out.recs[0].quoted, [true]);
        assert!(!out.recs[0].blank);
        assert!(out.recs[0].problems.is_empty());
    }

    #[test]
    fn stray_quote() {
        let out = run(cfg(), b"ab\"c,d\nx,y\"z\"\n");
        assert_eq!(fields(&out), [["ab\"c", "d"], ["x", "y\"z\""]]);
        assert_eq!(
            out.recs[0].problems,
            [QuoteProblem::StrayQuote {
                byte: 2,
                line: 1,
                field: 0
            }]
        );
        assert_eq!(out.recs[0].quoted, [false, false]);
        assert_eq!(
            out.recs[1].problems,
            [
                QuoteProblem::StrayQuote {
                    byte: 10,
                    line: 2,
                    field: 1
                },
                QuoteProblem::StrayQuote {
                    byte: 12,
                    line: 2,
                    field: 1
                },
            ]
        );
        assert_eq!(out.recs[1].total_problems, 2);
        let p = out.recs[1].problems[1];
        assert_eq!((p.byte(), p.line(), p.field()), (12, 2, 1));
    }

    #[test]
    fn quote_after_leading_space_is_stray() {
        let out = run(cfg(), b"x, \"a\"\n");
        assert_eq!(fields(&out), [["x", " \"a\""]]);
        assert_eq!(out.recs[0].quoted, [false, false]);
        assert_eq!(
            out.recs[0].problems,
            [
                QuoteProblem::StrayQuote {
                    byte: 3,
                    line: 1,
                    field: 1
                },
                QuoteProblem::StrayQuote {
                    byte: 5,
                    line: 1,
                    field: 1
                },
            ]
        );
    }

    #[test]
    fn text_after_closing_quote() {
        let out = run(cfg(), b"\"ab\"c,d\n\"ab\"c\"d\"\n");
        assert_eq!(fields(&out), vec![vec!["abc", "d"], vec!["abc\"d\""]]);
        assert_eq!(out.recs[0].quoted, [true, false]);
        assert_eq!(
            out.recs[0].problems,
            [QuoteProblem::TextAfterClosingQuote {
                byte: 4,
                line: 1,
                field: 0
            }]
        );
        assert_eq!(
            out.recs[1].problems,
            [
                QuoteProblem::TextAfterClosingQuote {
                    byte: 12,
                    line: 2,
                    field: 0
                },
                QuoteProblem::StrayQuote {
                    byte: 13,
                    line: 2,
                    field: 0
                },
                QuoteProblem::StrayQuote {
                    byte: 15,
                    line: 2,
                    field: 0
                },
            ]
        );
    }

    #[test]
    fn unclosed_quote_at_eof() {
        let out = run(cfg(), b"a,b\nc,\"x\ny");
        assert_eq!(fields(&out), vec![vec!["a", "b"], vec!["c", "x\ny"]]);
        let r = &out.recs[1];
        assert_eq!(r.position, pos(4, 2, 2));
        assert_eq!(r.offsets, [4, 6]);
        assert_eq!(r.quoted, [false, true]);
        assert_eq!(
            r.problems,
            [QuoteProblem::UnclosedQuote {
                byte: 6,
                line: 2,
                field: 1
            }]
        );
        assert_eq!(r.terminator, None);
        assert_eq!(r.lines, 2);
        assert_eq!(r.end_offset, 10);
        assert_eq!(out.stats.lf, 1);
    }

    #[test]
    fn unclosed_quote_swallows_rest_of_file() {
        let out = run(cfg(), b"\"abc\r\nd,e\r\n");
        assert_eq!(out.recs.len(), 1);
        let r = &out.recs[0];
        assert_eq!(r.strs(), ["abc\r\nd,e\r\n"]);
        assert_eq!(
            r.problems,
            [QuoteProblem::UnclosedQuote {
                byte: 0,
                line: 1,
                field: 0
            }]
        );
        assert_eq!(r.lines, 3);
        assert_eq!(out.stats.total(), 0);
    }

    // ---------------------------------------------------------------------
    // Blank lines, empty fields
    // ---------------------------------------------------------------------

    #[test]
    fn blank_lines_middle_and_end() {
        let out = run(cfg(), b"a\n\nb\n\n");
        assert_eq!(fields(&out), [["a"], [""], ["b"], [""]]);
        let blank: Vec<bool> = out.recs.iter().map(|r| r.blank).collect();
        assert_eq!(blank, [false, true, false, true]);
        assert_eq!(out.recs[1].position, pos(2, 2, 2));
        assert_eq!(out.recs[1].offsets, [2]);
        assert_eq!(out.recs[1].quoted, [false]);
        assert_eq!(out.recs[1].end_offset, 3);
        assert_eq!(out.recs[3].position, pos(5, 4, 4));
        assert_eq!(out.stats.lf, 4);
    }

    #[test]
    fn only_crlf_crlf_gives_two_blank_records() {
        let out = run(cfg(), b"\r\n\r\n");
        assert_eq!(out.recs.len(), 2);
        for (k, r) in out.recs.iter().enumerate() {
            assert!(r.blank);
            assert_eq!(r.strs(), [""]);
            assert_eq!(r.terminator, Some(LineEnding::Crlf));
            assert_eq!(r.position, pos(2 * k as u64, k as u64 + 1, k as u64 + 1));
            assert_eq!(r.total_fields, 1);
        }
    }

    #[test]
    fn commas_only_row() {
        let out = run(cfg(), b",,\n");
        assert_eq!(fields(&out), [["", "", ""]]);
        assert_eq!(out.recs[0].offsets, [0, 1, 2]);
        assert!(!out.recs[0].blank);
        assert_eq!(out.recs[0].total_fields, 3);
    }

    #[test]
    fn trailing_delimiter_at_eof() {
        let out = run(cfg(), b"a,");
        assert_eq!(fields(&out), [["a", ""]]);
        assert_eq!(out.recs[0].offsets, [0, 2]);
        assert_eq!(out.recs[0].end_offset, 2);
        assert_eq!(out.recs[0].terminator, None);
    }

    // ---------------------------------------------------------------------
    // Configuration
    // ---------------------------------------------------------------------

    #[test]
    fn tab_and_semicolon_delimiters() {
        let tab = TokenizerConfig {
            delimiter: b'\t',
            ..cfg()
        };
        let out = run(tab, b"a,b\t\"c\td\"\te;f\n");
        assert_eq!(fields(&out), [["a,b", "c\td", "e;f"]]);
        assert_eq!(out.recs[0].offsets, [0, 4, 10]);
        let semi = TokenizerConfig {
            delimiter: b';',
            ..cfg()
        };
        let out = run(semi, b"a,b;\"c;d\";e\tf\r\n");
        assert_eq!(fields(&out), [["a,b", "c;d", "e\tf"]]);
        assert_eq!(out.recs[0].offsets, [0, 4, 10]);
        assert_eq!(out.recs[0].quoted, [false, true, false]);
    }

    #[test]
    fn start_offset_after_bom() {
        let c = TokenizerConfig {
            start_offset: 3,
            ..cfg()
        };
        let out = run(c, b"a,\"b\nc\"x\nd");
        assert_eq!(fields(&out), vec![vec!["a", "b\ncx"], vec!["d"]]);
        assert_eq!(out.recs[0].position, pos(3, 1, 1));
        assert_eq!(out.recs[0].offsets, [3, 5]);
        assert_eq!(
            out.recs[0].problems,
            [QuoteProblem::TextAfterClosingQuote {
                byte: 10,
                line: 2,
                field: 1
            }]
        );
        assert_eq!(out.recs[0].end_offset, 12);
        assert_eq!(out.recs[1].position, pos(12, 3, 2));
        assert_eq!(out.stats.first_lf, Some((11, 2)));
        assert_eq!(out.offset, 13);
    }

    #[test]
    fn utf16_transcoded_offsets() {
        let c = TokenizerConfig {
            start_offset: 2, // after a UTF-16 BOM
            offset_mode: OffsetMode::Utf16Transcoded,
            ..cfg()
        };
        // é = C3 A9 (2 in UTF-16), 😀 = F0 9F 98 80 (4 in UTF-16).
        let out = run(c, "é,😀x\"\nb".as_bytes());
        assert_eq!(fields(&out), vec![vec!["é", "😀x\""], vec!["b"]]);
        let r = &out.recs[0];
        assert_eq!(r.position, pos(2, 1, 1));
        assert_eq!(r.offsets, [2, 6]);
        assert_eq!(
            r.problems,
            [QuoteProblem::StrayQuote {
                byte: 12,
                line: 1,
                field: 1
            }]
        );
        assert_eq!(r.end_offset, 16);
        assert!(r.non_ascii);
        assert_eq!(out.stats.first_lf, Some((14, 1)));
        assert_eq!(out.recs[1].position, pos(16, 2, 2));
        assert_eq!(out.recs[1].end_offset, 18);
        assert_eq!(out.offset, 18);
        // Same input in UTF-8 mode counts bytes.
        let out8 = run(cfg(), "é,😀x\"\nb".as_bytes());
        assert_eq!(out8.recs[0].offsets, [0, 3]);
        assert_eq!(out8.recs[1].position.byte, 10);
    }

    #[test]
    fn max_field_bytes_truncates() {
        let c = TokenizerConfig {
            max_field_bytes: 3,
            ..cfg()
        };
        let out = run(c, b"abcdef,ab,\"ab\"\"cd\",abc\nxyzw\n");
        assert_eq!(
            fields(&out),
            vec![vec!["abc", "ab", "ab\"", "abc"], vec!["xyz"]]
        );
        assert_eq!(out.recs[0].truncated, [0, 2]);
        assert_eq!(out.recs[0].offsets, [0, 7, 10, 19]);
        assert_eq!(out.recs[0].end_offset, 23);
        assert_eq!(out.recs[1].truncated, [0]);
        let zero = TokenizerConfig {
            max_field_bytes: 0,
            ..cfg()
        };
        let out = run(zero, b"a,,\"\"\n");
        assert_eq!(fields(&out), [["", "", ""]]);
        assert_eq!(out.recs[0].truncated, [0]);
    }

    #[test]
    fn max_fields_limits_storage() {
        let c = TokenizerConfig {
            max_fields: 2,
            ..cfg()
        };
        let out = run(c, b"a,b,c,d\"\ne\n");
        let r = &out.recs[0];
        assert_eq!(r.strs(), ["a", "b"]);
        assert_eq!(r.offsets, [0, 2]);
        assert_eq!(r.total_fields, 4);
        assert_eq!(r.end_offset, 9);
        // Problems in dropped fields are still reported, with their real index.
        assert_eq!(
            r.problems,
            [QuoteProblem::StrayQuote {
                byte: 7,
                line: 1,
                field: 3
            }]
        );
        assert_eq!(out.recs[1].strs(), ["e"]);
        assert_eq!(out.recs[1].total_fields, 1);
        // max_fields 0 behaves as 1.
        let z = TokenizerConfig {
            max_fields: 0,
            ..cfg()
        };
        let out = run(z, b"a,b\n");
        assert_eq!(fields(&out), [["a"]]);
        assert_eq!(out.recs[0].total_fields, 2);
    }

    #[test]
    fn problems_are_capped_per_record() {
        let input = vec![b'"'; 1 + 2 * MAX_PROBLEMS_PER_RECORD + 10];
        let mut line = b"x".to_vec();
        line.extend_from_slice(&input);
        line.extend_from_slice(b"\nok\n");
        let out = run(cfg(), &line);
        assert_eq!(out.recs[0].problems.len(), MAX_PROBLEMS_PER_RECORD);
        assert_eq!(out.recs[0].total_problems, input.len());
        assert_eq!(out.recs[1].strs(), ["ok"]);
        assert_eq!(out.recs[1].total_problems, 0);
    }

    #[test]
    fn has_non_ascii() {
        let out = run(cfg(), "a,é\nb\n\"日本\"\n".as_bytes());
        let flags: Vec<bool> = out.recs.iter().map(|r| r.non_ascii).collect();
        assert_eq!(flags, [true, false, true]);
        // Non-ASCII only in the truncated-away part does not count.
        let c = TokenizerConfig {
            max_field_bytes: 1,
            ..cfg()
        };
        let out = run(c, "aé\n".as_bytes());
        assert!(!out.recs[0].non_ascii);
    }

    #[test]
    fn buffers_are_reused() {
        let mut tok = Tokenizer::new(cfg());
        let data = b"a@example.com,Yamada,Taro,ja,,NCS001\r\n".repeat(100);
        tok.feed(&data, &mut |_| {});
        let caps = (
            tok.record.buf.capacity(),
            tok.record.ends.capacity(),
            tok.record.starts.capacity(),
        );
        tok.feed(&data, &mut |_| {});
        assert_eq!(
            caps,
            (
                tok.record.buf.capacity(),
                tok.record.ends.capacity(),
                tok.record.starts.capacity()
            )
        );
        assert_eq!(tok.records(), 200);
    }

    // ---------------------------------------------------------------------
    // Chunking invariance and agreement with the reference model
    // ---------------------------------------------------------------------

    const TRICKY: &[&[u8]] = &[
        b"a,b\r\nc,d\r\n",
        b"a\r\n\r\nb\r\r\n\rc\n\n",
        b"\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\",\"p\nq\"\r\nz\r\n",
        b"ab\"c,\"d\"e\"f\",  \"g\"\r\n\"\"\r\n,,\r\n",
        b"x,\"multi\r\nline\rcell\n\",y\r\nlast",
        b"a,b\nc,\"unclosed\r\nstill, open\"\"",
        b"\"\"\"\",\"\"\"a\"\"\"\r\"\"\n\"\"\r",
        "é,😀\"x\r\n\"日本\r\n語\",ü\n\u{7f}\u{80}\r".as_bytes(),
        b"\r",
        b"\"",
        b"\"\r",
        b"a,",
        b",\r\n,",
    ];

    fn configs() -> Vec<TokenizerConfig> {
        vec![
            cfg(),
            TokenizerConfig {
                start_offset: 3,
                offset_mode: OffsetMode::Utf16Transcoded,
                ..cfg()
            },
            TokenizerConfig {
                max_field_bytes: 2,
                max_fields: 2,
                ..cfg()
            },
            TokenizerConfig {
                delimiter: b';',
                max_field_bytes: 1,
                offset_mode: OffsetMode::Utf16Transcoded,
                ..cfg()
            },
        ]
    }

    #[test]
    fn chunking_invariance_every_split_point() {
        for c in configs() {
            for &input in TRICKY {
                let whole = run(c, input);
                assert_eq!(
                    whole,
                    oracle(c, input),
                    "oracle {:?}",
                    String::from_utf8_lossy(input)
                );
                for k in 0..=input.len() {
                    assert_eq!(whole, run_cuts(c, input, &[k]), "split at {k}");
                }
                let every: Vec<usize> = (1..input.len()).collect();
                assert_eq!(whole, run_cuts(c, input, &every), "byte by byte");
                // All pairs of split points.
                for a in 0..=input.len() {
                    for b in a..=input.len() {
                        assert_eq!(whole, run_cuts(c, input, &[a, b]), "splits {a},{b}");
                    }
                }
            }
        }
    }

    /// Small deterministic PRNG (xorshift64*), so tests need no extra crates.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    fn random_cuts(rng: &mut Rng, len: usize) -> Vec<usize> {
        let mut cuts: Vec<usize> = (0..rng.below(8)).map(|_| rng.below(len + 1)).collect();
        cuts.sort_unstable();
        cuts
    }

    #[test]
    fn random_csv_like_inputs_match_reference_under_random_chunking() {
        const PIECES: &[&str] = &[
            "a", "bc", "é", "😀", ",", ",", "\"", "\"", "\"\"", "\r", "\n", "\r\n", ";", " ", "\t",
            "x\"y",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let cfgs = configs();
        for iter in 0..4000 {
            let mut input = Vec::new();
            for _ in 0..rng.below(40) {
                input.extend_from_slice(PIECES[rng.below(PIECES.len())].as_bytes());
            }
            let c = cfgs[iter % cfgs.len()];
            let whole = run(c, &input);
            assert_eq!(
                whole,
                oracle(c, &input),
                "input {:?}",
                String::from_utf8_lossy(&input)
            );
            for _ in 0..4 {
                let cuts = random_cuts(&mut rng, input.len());
                assert_eq!(
                    whole,
                    run_cuts(c, &input, &cuts),
                    "cuts {cuts:?} of {input:?}"
                );
            }
        }
    }

    #[test]
    fn random_bytes_never_panic_and_match_reference() {
        let mut rng = Rng(42);
        for iter in 0..3000 {
            let len = rng.below(64);
            let input: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let c = TokenizerConfig {
                // Odd configurations too (delimiter == quote, CR as quote...).
                delimiter: [b',', b'"', b'\r', 0xFF][iter % 4],
                quote: [b'"', b'"', b'\n', b'"', 0x80][iter % 5],
                max_field_bytes: rng.below(5),
                max_fields: rng.below(4),
                start_offset: if iter % 7 == 0 { u64::MAX - 3 } else { 0 },
                offset_mode: if iter % 2 == 0 {
                    OffsetMode::Utf8
                } else {
                    OffsetMode::Utf16Transcoded
                },
            };
            let whole = run(c, &input);
            let cuts = random_cuts(&mut rng, input.len());
            assert_eq!(whole, run_cuts(c, &input, &cuts));
            // The reference model assumes a sane configuration.
            let sane = c.delimiter != c.quote
                && ![c.delimiter, c.quote].contains(&b'\r')
                && ![c.delimiter, c.quote].contains(&b'\n')
                && c.start_offset == 0;
            if sane {
                assert_eq!(whole, oracle(c, &input), "input {input:?} cfg {c:?}");
            }
        }
    }

    /// Throughput check: `cargo test --release -- --ignored --nocapture bench_`.
    #[test]
    #[ignore = "benchmark; run in release mode"]
    fn bench_simple_rows() {
        let row = b"a@example.com,Yamada,Taro,ja,,NCS001\r\n";
        let data = row.repeat(50_000_000 / row.len() + 1);
        let mut best = f64::MAX;
        for _ in 0..3 {
            let t = std::time::Instant::now();
            let mut tok = Tokenizer::new(cfg());
            let mut n = 0usize;
            for chunk in data.chunks(64 * 1024) {
                tok.feed(chunk, &mut |r| n += r.len());
            }
            tok.finish(&mut |r| n += r.len());
            best = best.min(t.elapsed().as_secs_f64());
            assert_eq!(n, 6 * (50_000_000 / row.len() + 1));
        }
        println!(
            "read::Tokenizer: {:.0} MB/s",
            data.len() as f64 / 1e6 / best
        );
    }
}
