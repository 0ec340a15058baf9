//! A source encoding given by the user (`sourceEncoding`), for files whose encoding the
//! identification cannot tell from a few characters (a short EUC-KR file reads as Big5 too).
//!
//! The source is decoded to UTF-8 before the engine reads it; malformed byte sequences become
//! U+FFFD and are reported with their offsets in the original file.

use encoding_rs::{Decoder, DecoderResult};

use crate::decode::TextEncoding;

/// A streaming decoder to UTF-8 that records malformed sequences.
pub(crate) struct Transcoder {
    encoding: TextEncoding,
    decoder: Decoder,
    /// Bytes of the source consumed so far.
    offset: u64,
    /// Malformed sequences: (offset in the source, the bytes as hex).
    pub(crate) malformed: Vec<(u64, String)>,
    /// The last bytes of the chunks before the current one (at most [`CARRY`]): a malformed
    /// sequence that starts in an earlier chunk is shown with its bytes too, as when the source
    /// comes whole.
    carry: Vec<u8>,
}

/// Bytes kept from earlier chunks: more than any malformed sequence is long.
const CARRY: usize = 8;

impl Transcoder {
    pub(crate) fn new(encoding: TextEncoding) -> Self {
        Transcoder {
            encoding,
            decoder: encoding.encoding_rs().new_decoder_without_bom_handling(),
            offset: 0,
            malformed: Vec::new(),
            carry: Vec::new(),
        }
    }

    /// The encoding read.
    pub(crate) fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    /// Decodes the next chunk (`last` flushes an incomplete sequence at the end as malformed).
    pub(crate) fn push(&mut self, chunk: &[u8], last: bool) -> Vec<u8> {
        let mut out = String::with_capacity(chunk.len().saturating_mul(3).saturating_add(16));
        let mut rest = chunk;
        let mut consumed = 0usize;
        // Positions below count from the first carried byte: the carried bytes, then the chunk.
        let carried = self.carry.len();
        loop {
            let need = self
                .decoder
                .max_utf8_buffer_length_without_replacement(rest.len())
                .unwrap_or(rest.len().saturating_mul(3).saturating_add(16));
            out.reserve(need);
            let (result, read) = self
                .decoder
                .decode_to_string_without_replacement(rest, &mut out, last);
            self.offset = self.offset.saturating_add(read as u64);
            consumed = consumed.saturating_add(read);
            rest = rest.get(read..).unwrap_or(&[]);
            match result {
                DecoderResult::InputEmpty => break,
                DecoderResult::OutputFull => continue,
                DecoderResult::Malformed(bad, extra) => {
                    let end = self.offset.saturating_sub(u64::from(extra));
                    let start = end.saturating_sub(u64::from(bad));
                    let local_start =
                        (carried + consumed).checked_sub(usize::from(extra) + usize::from(bad));
                    let hex = match local_start {
                        Some(from) => crate::rules::encoding::hex(
                            &(self.carry.iter().chain(chunk))
                                .skip(from)
                                .take(usize::from(bad))
                                .copied()
                                .collect::<Vec<u8>>(),
                        ),
                        None => format!("{bad} byte(s)"),
                    };
                    self.malformed.push((start, hex));
                    out.push('\u{FFFD}');
                }
            }
        }
        // The last CARRY bytes of everything read so far.
        let kept = self.carry.len().min(CARRY.saturating_sub(chunk.len()));
        self.carry.drain(..self.carry.len() - kept);
        self.carry.extend_from_slice(
            chunk
                .get(chunk.len().saturating_sub(CARRY)..)
                .unwrap_or(chunk),
        );
        out.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_across_chunks_and_reports_malformed_bytes() {
        let sjis = [0x8E, 0x52, 0x93, 0x63, 0x2C, 0x82];
        let mut t = Transcoder::new(TextEncoding::ShiftJis);
        let mut out = t.push(&sjis[..1], false);
        out.extend(t.push(&sjis[1..], false));
        out.extend(t.push(&[], true));
        assert_eq!(String::from_utf8(out).unwrap(), "山田,\u{FFFD}");
        // The lone lead byte 0x82 came in the chunk before the end: shown as when whole.
        assert_eq!(t.malformed, vec![(5, "0x82".to_string())]);
        let mut t = Transcoder::new(TextEncoding::ShiftJis);
        for byte in sjis {
            t.push(&[byte], false);
        }
        t.push(&[], true);
        assert_eq!(t.malformed, vec![(5, "0x82".to_string())]);
        let mut t = Transcoder::new(TextEncoding::ShiftJis);
        let out = t.push(&[0x41, 0x82, 0x41], true);
        assert_eq!(String::from_utf8(out).unwrap(), "A\u{FFFD}A");
        assert_eq!(t.malformed, vec![(1, "0x82".to_string())]);
    }
}
