//! Writing the converted file: byte order mark, preamble lines, records with the target's
//! delimiter, quoting and line ending, each value encoded by the [`TextEncoder`].
//!
//! Quoting is minimal and fixed: a value is quoted when it holds the delimiter, a double quote, a
//! CR or an LF (quotes inside doubled), so that the same values always give the same bytes.

use crate::convert::encode::{EncodeEvent, TextEncoder};
use crate::profile::LineEndingKind;

/// The target's framing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Framing {
    pub delimiter: u8,
    pub line_ending: LineEndingKind,
    pub bom: bool,
}

impl Framing {
    fn terminator(&self) -> &'static [u8] {
        match self.line_ending {
            LineEndingKind::Crlf => b"\r\n",
            LineEndingKind::Lf => b"\n",
            LineEndingKind::Cr => b"\r",
        }
    }
}

/// Writes records into a buffer the caller drains.
#[derive(Debug)]
pub(crate) struct Writer {
    framing: Framing,
    encoder: TextEncoder,
    /// Bytes written and already drained.
    drained: u64,
    out: Vec<u8>,
    /// Records (lines) written.
    records: u64,
}

/// Moves an event's character position by `n` characters.
fn shift(event: EncodeEvent, n: u32) -> EncodeEvent {
    match event {
        EncodeEvent::Unrepresentable {
            ch,
            char_index,
            byte,
        } => EncodeEvent::Unrepresentable {
            ch,
            char_index: char_index.saturating_add(n),
            byte,
        },
        EncodeEvent::Substituted {
            ch,
            with,
            char_index,
        } => EncodeEvent::Substituted {
            ch,
            with,
            char_index: char_index.saturating_add(n),
        },
        EncodeEvent::Cp932Only { ch, char_index } => EncodeEvent::Cp932Only {
            ch,
            char_index: char_index.saturating_add(n),
        },
    }
}

fn needs_quotes(value: &str, delimiter: u8) -> bool {
    value
        .bytes()
        .any(|b| b == delimiter || b == b'"' || b == b'\n' || b == b'\r')
}

impl Writer {
    /// A writer; the byte order mark, if any, is written at once.
    pub(crate) fn new(framing: Framing, encoder: TextEncoder) -> Self {
        let mut out = Vec::new();
        if framing.bom {
            out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
        }
        Writer {
            framing,
            encoder,
            drained: 0,
            out,
            records: 0,
        }
    }

    /// The encoder.
    pub(crate) fn encoder(&self) -> &TextEncoder {
        &self.encoder
    }

    /// The framing.
    pub(crate) fn framing(&self) -> Framing {
        self.framing
    }

    /// The number of the next record (1-based).
    pub(crate) fn next_row(&self) -> u64 {
        self.records + 1
    }

    /// Writes a line as it is (a preamble line); returns the encoder's events.
    pub(crate) fn line(&mut self, text: &str) -> Vec<EncodeEvent> {
        let mut events = Vec::new();
        self.encoder.encode(text, &mut self.out, &mut events);
        self.out.extend_from_slice(self.framing.terminator());
        self.records += 1;
        events
    }

    /// Writes one record; returns the encoder's events per cell, with absolute byte offsets.
    pub(crate) fn record<S: AsRef<str>>(&mut self, cells: &[S]) -> Vec<(usize, EncodeEvent)> {
        let mut events = Vec::new();
        let mut cell_events = Vec::new();
        let base = self.drained;
        for (k, cell) in cells.iter().enumerate() {
            let cell = cell.as_ref();
            if k > 0 {
                self.out.push(self.framing.delimiter);
            }
            let quoted = needs_quotes(cell, self.framing.delimiter);
            if quoted {
                self.out.push(b'"');
            }
            if quoted {
                // Pieces between quotes, so that character positions count the value's own
                // characters, not the doubled quotes.
                let mut chars_before = 0u32;
                for (j, piece) in cell.split('"').enumerate() {
                    if j > 0 {
                        self.out.extend_from_slice(b"\"\"");
                        chars_before = chars_before.saturating_add(1);
                    }
                    let mut piece_events = Vec::new();
                    self.encoder.encode(piece, &mut self.out, &mut piece_events);
                    cell_events.extend(piece_events.into_iter().map(|e| shift(e, chars_before)));
                    chars_before = chars_before
                        .saturating_add(u32::try_from(piece.chars().count()).unwrap_or(u32::MAX));
                }
            } else {
                self.encoder.encode(cell, &mut self.out, &mut cell_events);
            }
            for event in cell_events.drain(..) {
                let event = match event {
                    EncodeEvent::Unrepresentable {
                        ch,
                        char_index,
                        byte,
                    } => EncodeEvent::Unrepresentable {
                        ch,
                        char_index,
                        byte: base + byte,
                    },
                    other => other,
                };
                events.push((k, event));
            }
            if quoted {
                self.out.push(b'"');
            }
        }
        self.out.extend_from_slice(self.framing.terminator());
        self.records += 1;
        events
    }

    /// Takes the bytes written since the last call.
    pub(crate) fn drain(&mut self) -> Vec<u8> {
        let out = std::mem::take(&mut self.out);
        self.drained += out.len() as u64;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::TextEncoding;

    #[test]
    fn quotes_only_where_needed_and_reports_absolute_offsets() {
        let framing = Framing {
            delimiter: b',',
            line_ending: LineEndingKind::Crlf,
            bom: true,
        };
        let mut w = Writer::new(
            framing,
            TextEncoder::new(TextEncoding::ShiftJis, Default::default()),
        );
        assert!(w.record(&["a", "b,c", "say \"hi\""]).is_empty());
        let events = w.record(&["x", "😀"]);
        assert_eq!(
            events,
            vec![(
                1,
                EncodeEvent::Unrepresentable {
                    ch: '😀',
                    char_index: 1,
                    byte: 3 + 22 + 2
                }
            )]
        );
        let bytes = w.drain();
        assert_eq!(
            bytes,
            b"\xEF\xBB\xBFa,\"b,c\",\"say \"\"hi\"\"\"\r\nx,?\r\n".to_vec()
        );
        assert_eq!(w.next_row(), 3);
    }
}
