//! Records, positions, quote problems and line-ending statistics: what the tokenizer hands out.

/// At most this many [`QuoteProblem`]s are stored per record; further ones are
/// only counted (see [`Record::total_problems`]). This bounds memory on hostile
/// input such as a binary file full of quote characters.
pub const MAX_PROBLEMS_PER_RECORD: usize = 256;

/// A record terminator style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
pub(super) fn utf16_weight(b: u8) -> u64 {
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
    /// Most content bytes stored per record, all fields together (a row of
    /// many fields each under `max_field_bytes`). Content beyond is dropped,
    /// scanning continues, and [`Record::record_truncated`] is set.
    pub max_record_bytes: usize,
    /// Absolute file offset of the first byte fed (e.g. 3 after a UTF-8 BOM).
    pub start_offset: u64,
    /// How offsets advance per input byte.
    pub offset_mode: OffsetMode,
}

impl Default for TokenizerConfig {
    /// Comma-separated, `"`-quoted, 64 KiB per field, 1024 fields, 4 MiB per
    /// record, offset 0, [`OffsetMode::Utf8`].
    fn default() -> Self {
        TokenizerConfig {
            delimiter: b',',
            quote: b'"',
            max_field_bytes: 64 * 1024,
            max_fields: 1024,
            max_record_bytes: 4 << 20,
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
#[non_exhaustive]
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

/// Where one stored field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    /// Start of its content in `buf`.
    pub begin: usize,
    /// End of its content in `buf`.
    pub end: usize,
    /// Absolute offset of its first byte in the file.
    pub offset: u64,
    /// Whether it started with the quote character.
    pub quoted: bool,
}

/// What a pass over a record's content found, 16 bytes at a time, as it looked for the delimiters
/// (see `tokenizer::simple`): the record's own scans are then not needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct ContentScan {
    /// A byte is not ASCII.
    pub non_ascii: bool,
    /// A byte other than the delimiter may belong to a control character (see
    /// [`Record::may_have_controls`]).
    pub controls: bool,
}

/// One tokenized record, lent to the callback of [`Tokenizer::feed`](super::Tokenizer::feed) /
/// [`Tokenizer::finish`](super::Tokenizer::finish). Its buffers are reused for the next record: copy out
/// whatever must outlive the callback.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// Unescaped content of the stored fields, in order (with the delimiters between them when
    /// the record was copied whole: see [`Span`]), unless it is in `text`.
    pub(super) buf: Vec<u8>,
    /// The content instead of `buf` when the record was copied whole from text already known to
    /// be UTF-8 (never empty then: the fast path takes no blank line).
    pub(super) text: String,
    /// Each stored field.
    pub(super) spans: Vec<Span>,
    /// Stored problems (at most [`MAX_PROBLEMS_PER_RECORD`]).
    pub(super) problems: Vec<QuoteProblem>,
    /// All problems, stored or not.
    pub(super) problem_count: usize,
    /// Indexes of stored fields longer than `max_field_bytes`.
    pub(super) truncated: Vec<usize>,
    /// All fields, stored or not.
    pub(super) total_fields: usize,
    /// Content was dropped because the record reached `max_record_bytes`.
    pub(super) record_truncated: bool,
    pub(super) position: Position,
    pub(super) end_offset: u64,
    pub(super) lines: u64,
    pub(super) terminator: Option<LineEnding>,
    pub(super) blank: bool,
    pub(super) non_ascii: bool,
    /// What the fast path's split saw of the content (`None` for other records).
    pub(super) scan: Option<ContentScan>,
    /// The record was copied whole and split at an ASCII delimiter: in valid UTF-8, every field
    /// starts and ends between characters.
    pub(super) ascii_split: bool,
}

impl Record {
    /// Number of stored fields (at least 1 for every emitted record; at most
    /// `max_fields`).
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether no field is stored. Never true for an emitted record (a blank
    /// line has one empty field).
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Unescaped content of field `i` (`""` inside quotes becomes `"`; the
    /// enclosing quotes are removed), truncated to `max_field_bytes`.
    pub fn field(&self, i: usize) -> Option<&[u8]> {
        self.content().get(self.field_range(i)?)
    }

    /// The stored content, wherever it is.
    #[inline]
    pub(super) fn content(&self) -> &[u8] {
        if self.text.is_empty() {
            &self.buf
        } else {
            self.text.as_bytes()
        }
    }

    /// Where field `i` lies in [`Record::utf8`] (its unescaped content, as [`Record::field`]).
    pub fn field_range(&self, i: usize) -> Option<std::ops::Range<usize>> {
        self.spans.get(i).map(|s| s.begin..s.end)
    }

    /// The content of the stored fields as one UTF-8 string (with what lies between them), when
    /// it is valid UTF-8 and every field starts and ends between characters: then field `i` is
    /// `utf8()[field_range(i)]`, and one validation per record replaces one per field (none for a
    /// record the tokenizer copied from a chunk it had validated).
    pub fn utf8(&self) -> Option<&str> {
        let text = if self.text.is_empty() {
            std::str::from_utf8(&self.buf).ok()?
        } else {
            self.text.as_str()
        };
        let whole = |s: &Span| text.is_char_boundary(s.begin) && text.is_char_boundary(s.end);
        if self.non_ascii && !self.ascii_split && !self.spans.iter().all(whole) {
            return None;
        }
        Some(text)
    }

    /// Whether any stored field is non-empty (false for a blank line or a row of delimiters only).
    pub fn has_content(&self) -> bool {
        self.spans.iter().any(|s| s.end > s.begin)
    }

    /// All stored fields, in order.
    pub fn fields(&self) -> impl Iterator<Item = &[u8]> + '_ {
        (0..self.len()).filter_map(move |i| self.field(i))
    }

    /// Absolute offset of field `i`'s first byte in the file (the opening
    /// quote for quoted fields; for an empty field, the offset of the
    /// delimiter or terminator that follows it, or of the end of input).
    pub fn field_offset(&self, i: usize) -> Option<u64> {
        self.spans.get(i).map(|s| s.offset)
    }

    /// Whether field `i` started with the quote character (false for a field
    /// that is not stored).
    pub fn was_quoted(&self, i: usize) -> bool {
        self.spans.get(i).is_some_and(|s| s.quoted)
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

    /// Whether a bound cut field `i`'s stored content short: it is longer than `max_field_bytes`,
    /// or it holds the last byte stored before the record reached `max_record_bytes`. Its last
    /// character may then be incomplete through no fault of the file.
    pub fn was_cut(&self, i: usize) -> bool {
        self.truncated.contains(&i)
            || (self.record_truncated
                && self.spans.iter().rposition(|s| s.begin < s.end) == Some(i))
    }

    /// Number of fields seen, including those beyond `max_fields` that were
    /// not stored. Greater than [`Record::len`] exactly when fields were
    /// dropped.
    pub fn total_fields(&self) -> usize {
        self.total_fields
    }

    /// Whether stored content was cut because the whole record reached
    /// `max_record_bytes` (fields cut only by this bound are not listed in
    /// [`Record::truncated_fields`]).
    pub fn record_truncated(&self) -> bool {
        self.record_truncated
    }

    /// Whether any stored field content (after truncation) contains a byte
    /// `>= 0x80`.
    pub fn has_non_ascii(&self) -> bool {
        self.non_ascii
    }

    /// Whether a stored field may contain a control character: a C0 control, DEL, or 0xC2, the
    /// lead byte of every C1 control (a delimiter is not in a field). The tokenizer's split found
    /// out for the records it took (no quotes: almost all); the others are scanned now.
    pub fn may_have_controls(&self) -> bool {
        match self.scan {
            Some(scan) => scan.controls,
            // The fields' content one after another, without delimiters (see `buf`).
            None => crate::lanes::may_have_controls(self.content()),
        }
    }

    /// Makes this record a copy of `source` whose fields have new content: `write` appends the
    /// new content of each stored field (given its bytes) to a string, or returns `false` to
    /// give up, and so does this (the copy is then unusable). The fields end up one after
    /// another, with nothing between them, and [`Record::utf8`] is that string. Positions,
    /// quoting and problems are `source`'s: everything reported from the copy points at the
    /// file's bytes. For checking the fields of a legacy encoding's record once decoded.
    pub(crate) fn rewrite_from(
        &mut self,
        source: &Record,
        mut write: impl FnMut(&[u8], &mut String) -> bool,
    ) -> bool {
        // Every field named, so that one added to `Record` cannot be forgotten here. The content
        // is rewritten; what the tokenizer saw of the source's bytes (`scan`, `ascii_split`,
        // `non_ascii`) says nothing of the new text, so it is measured again or left unset.
        let Record {
            buf: _,
            text: _,
            spans,
            problems,
            problem_count,
            truncated,
            total_fields,
            record_truncated,
            position,
            end_offset,
            lines,
            terminator,
            blank,
            non_ascii: _,
            scan: _,
            ascii_split: _,
        } = source;
        self.reset();
        let content = source.content();
        for span in spans {
            let begin = self.text.len();
            let bytes = content.get(span.begin..span.end).unwrap_or_default();
            if !write(bytes, &mut self.text) {
                return false;
            }
            let end = self.text.len();
            self.spans.push(Span {
                begin,
                end,
                ..*span
            });
        }
        self.problems.clone_from(problems);
        self.problem_count = *problem_count;
        self.truncated.clone_from(truncated);
        self.total_fields = *total_fields;
        self.record_truncated = *record_truncated;
        self.position = *position;
        self.end_offset = *end_offset;
        self.lines = *lines;
        self.terminator = *terminator;
        self.blank = *blank;
        self.non_ascii = !self.text.is_ascii();
        true
    }

    /// Clears everything, keeping the allocations.
    pub(super) fn reset(&mut self) {
        self.buf.clear();
        self.text.clear();
        self.spans.clear();
        self.problems.clear();
        self.problem_count = 0;
        self.truncated.clear();
        self.total_fields = 0;
        self.record_truncated = false;
        self.position = Position::default();
        self.end_offset = 0;
        self.lines = 0;
        self.terminator = None;
        self.blank = false;
        self.non_ascii = false;
        self.scan = None;
        self.ascii_split = false;
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

    pub(super) fn record(&mut self, kind: LineEnding, byte: u64, line: u64) {
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
