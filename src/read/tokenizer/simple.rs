//! The fast path for the common record: complete in the chunk, without a quote character, within
//! every limit. It is split at the delimiters in one pass and copied whole; any other record goes
//! through the state machine, which gives the same fields, offsets and statistics.

use super::{ChunkText, Cursor, Tokenizer};
use crate::lanes::{Block, LANES};
use crate::read::record::{ContentScan, LineEnding, OffsetMode, Record, Span};

/// The longest record the fast path takes: longer ones may need truncating.
pub(super) fn max_simple_len(cfg: &crate::read::TokenizerConfig) -> Option<usize> {
    let special = [cfg.quote, b'\r', b'\n'];
    let plain = cfg.offset_mode == OffsetMode::Utf8 && !special.contains(&cfg.delimiter);
    let unquotable = cfg.quote == b'\r' || cfg.quote == b'\n';
    (plain && !unquotable).then(|| cfg.max_field_bytes.min(cfg.max_record_bytes))
}

impl Tokenizer {
    /// The UTF-8 text of a chunk for the fast path, while chunks are UTF-8: the first that is not
    /// (a chunk of a Shift_JIS file, a damaged byte) ends the attempts, as each costs a pass.
    pub(super) fn chunk_text<'a>(&mut self, input: &'a [u8]) -> Option<ChunkText<'a>> {
        if !self.text_chunks || self.max_simple_len.is_none() {
            return None;
        }
        let text = ChunkText::of(input);
        self.text_chunks = text.is_some();
        text
    }

    /// Tokenizes the record that starts at `input[i]` (already begun) if it is simple, and returns
    /// the index after its terminator; `None` leaves the record empty for the state machine. The
    /// record is copied from `text` when it lies there, so that it is known to be UTF-8.
    pub(super) fn simple_record(
        &mut self,
        input: &[u8],
        text: Option<ChunkText<'_>>,
        i: usize,
        cur: &mut Cursor,
        on_record: &mut dyn FnMut(&mut Record),
    ) -> Option<usize> {
        let max_len = self.max_simple_len?;
        let rest = input.get(i..)?;
        let window = rest.get(..max_len.saturating_add(1)).unwrap_or(rest);
        let offset = cur.at(input, i);
        let delimiter = self.cfg.delimiter;
        let split = self.split(window, offset);
        // Not simple: no terminator in the chunk (or within the limit), a quote, a blank line, or
        // more fields than are stored.
        let quote = self.cfg.quote;
        let Some((begin, end, terminator, scan)) =
            split.filter(|&(_, end, b, _)| end > 0 && end <= max_len && b != quote)
        else {
            return self.undo_simple();
        };
        if !self.push_span(begin, end, offset) {
            return self.undo_simple();
        }
        match text.and_then(|t| t.get(i, i + end)) {
            Some(line) => self.record.text.push_str(line),
            None => self.record.buf.extend_from_slice(window.get(..end)?),
        }
        self.record.ascii_split = delimiter.is_ascii();
        self.record.scan = Some(scan);
        self.field_index = self.record.spans.len();
        let at = i + end;
        if terminator == b'\r' && input.get(at + 1) == Some(&b'\n') {
            // CRLF, as Excel writes it: the state machine's CR then LF, in one step.
            let (cr, line) = (cur.at(input, at), self.line);
            self.line = self.line.saturating_add(1);
            let end = cur.at(input, at + 2);
            self.end_record(Some((LineEnding::Crlf, cr, line)), end, on_record);
            return Some(at + 2);
        }
        Some(self.line_break(terminator, input, at, cur, on_record))
    }

    /// Pushes the spans of the fields of the line at the start of `window` (its offset in the file
    /// is `offset`) up to its first stop byte that is not the delimiter (a quote, CR or LF), and
    /// returns where the last field begins, that byte's index, the byte, and what the line's
    /// bytes before it are; `None` without such a byte, or when the line has more fields than are
    /// stored.
    ///
    /// 16 bytes a step: one mask of the delimiters and one of the other stop bytes per block, so
    /// that only the delimiters are visited, without looking at any byte on its own. The same
    /// blocks are tested for non-ASCII bytes and control characters, which saves the record two
    /// passes of its own (the engine's and the tokenizer's).
    fn split(&mut self, window: &[u8], offset: u64) -> Option<(usize, usize, u8, ContentScan)> {
        let (delimiter, quote) = (self.cfg.delimiter, self.cfg.quote);
        let mut begin = 0;
        let (mut high, mut controls) = (0u32, 0u32);
        for at in (0..window.len()).step_by(LANES) {
            let (block, skip) = Block::positioned(window, at, 0);
            // Lanes past the end of a window under 16 bytes are padding.
            let live = match window.len() - at {
                n if n < LANES => (1u32 << n) - 1,
                _ => u32::MAX,
            };
            let ends = (block.equal(quote) | block.equal(b'\r') | block.equal(b'\n')).mask();
            let ends = (ends >> skip) & live;
            // Only the delimiters before the first other stop byte split the line.
            let before_end = 1u32
                .checked_shl(ends.trailing_zeros())
                .map_or(u32::MAX, |b| b - 1);
            let content = live & before_end;
            let delimiter_lanes = block.equal(delimiter);
            high |= ((!block.below(0x80)).mask() >> skip) & content;
            controls |= (block.controls().and_not(delimiter_lanes).mask() >> skip) & content;
            let mut delimiters = (delimiter_lanes.mask() >> skip) & content;
            while delimiters != 0 {
                let j = at + delimiters.trailing_zeros() as usize;
                delimiters &= delimiters - 1;
                if !self.push_span(begin, j, offset) {
                    return None;
                }
                begin = j + 1;
            }
            if ends != 0 {
                let j = at + ends.trailing_zeros() as usize;
                let scan = ContentScan {
                    non_ascii: high != 0,
                    controls: controls != 0,
                };
                return Some((begin, j, window.get(j).copied()?, scan));
            }
        }
        None
    }

    /// Adds the unquoted field `line[begin..end]` of a record at `offset`; false when the record
    /// has more fields than are stored.
    #[inline]
    fn push_span(&mut self, begin: usize, end: usize, offset: u64) -> bool {
        if self.record.spans.len() >= self.max_fields {
            return false;
        }
        self.record.spans.push(Span {
            begin,
            end,
            offset: offset.saturating_add(begin as u64),
            quoted: false,
        });
        true
    }

    fn undo_simple(&mut self) -> Option<usize> {
        self.record.spans.clear();
        None
    }
}
