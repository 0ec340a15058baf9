//! The fast path for the common record: complete in the chunk, without a quote character, within
//! every limit. It is split at the delimiters in one pass and copied whole; any other record goes
//! through the state machine, which gives the same fields, offsets and statistics.

use super::{Cursor, Tokenizer};
use crate::read::record::{LineEnding, OffsetMode, Record, Span};

/// The longest record the fast path takes: longer ones may need truncating.
pub(super) fn max_simple_len(cfg: &crate::read::TokenizerConfig) -> Option<usize> {
    let special = [cfg.quote, b'\r', b'\n'];
    let plain = cfg.offset_mode == OffsetMode::Utf8 && !special.contains(&cfg.delimiter);
    let unquotable = cfg.quote == b'\r' || cfg.quote == b'\n';
    (plain && !unquotable).then(|| cfg.max_field_bytes.min(cfg.max_record_bytes))
}

impl Tokenizer {
    /// Tokenizes the record that starts at `input[i]` (already begun) if it is simple, and returns
    /// the index after its terminator; `None` leaves the record empty for the state machine.
    pub(super) fn simple_record(
        &mut self,
        input: &[u8],
        i: usize,
        cur: &mut Cursor,
        on_record: &mut dyn FnMut(&mut Record),
    ) -> Option<usize> {
        let max_len = self.max_simple_len?;
        let rest = input.get(i..)?;
        let window = rest.get(..max_len.saturating_add(1)).unwrap_or(rest);
        let offset = cur.at(input, i);
        let delimiter = self.cfg.delimiter;
        let mut begin = 0;
        let mut end_of_line = None;
        for (j, &b) in window.iter().enumerate() {
            if !self.is_stop_unquoted(b) {
                continue;
            }
            if b != delimiter {
                end_of_line = Some((j, b));
                break;
            }
            if !self.push_span(begin, j, offset) {
                return self.undo_simple();
            }
            begin = j + 1;
        }
        // Not simple: no terminator in the chunk (or within the limit), a quote, or a blank line.
        let quote = self.cfg.quote;
        let Some((end, terminator)) =
            end_of_line.filter(|&(end, b)| end > 0 && end <= max_len && b != quote)
        else {
            return self.undo_simple();
        };
        if !self.push_span(begin, end, offset) {
            return self.undo_simple();
        }
        self.record.buf.extend_from_slice(window.get(..end)?);
        self.record.ascii_split = delimiter.is_ascii();
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
