//! Streaming UTF-16 to UTF-8 transcoding with absolute error offsets.

use super::TextEncoding;

/// Streaming UTF-16 → UTF-8 transcoder that reports malformed sequences (lone
/// surrogates, an odd trailing byte) at absolute byte offsets in the original
/// file.
#[derive(Debug, Clone)]
pub struct Utf16Transcoder {
    big_endian: bool,
    /// Absolute offset of the next byte to be fed.
    position: u64,
    /// First byte of a code unit split across chunks.
    pending_byte: Option<u8>,
    /// A high surrogate waiting for its low surrogate, and its offset.
    pending_high: Option<(u16, u64)>,
}

impl Utf16Transcoder {
    /// A transcoder for `encoding` (`Utf16Be` is big-endian; any other value
    /// is treated as `Utf16Le`). `start_offset` is the number of file bytes
    /// before the first byte fed, e.g. 2 for a BOM.
    pub fn new(encoding: TextEncoding, start_offset: u64) -> Self {
        Utf16Transcoder {
            big_endian: encoding == TextEncoding::Utf16Be,
            position: start_offset,
            pending_byte: None,
            pending_high: None,
        }
    }

    /// Absolute offset of the next byte to be fed.
    pub fn position(&self) -> u64 {
        self.position
    }

    /// Transcodes `input` (any chunk size; chunks may split code units and
    /// surrogate pairs), appending UTF-8 to `out`. Malformed sequences become
    /// U+FFFD and their absolute `(offset, len)` are appended to `errors`: an
    /// unpaired surrogate is `(its offset, 2)`, an odd byte left at the end
    /// (`last == true`) is `(its offset, 1)`. After a call with `last == true`
    /// the transcoder is flushed and may continue with a new stream.
    pub fn push(
        &mut self,
        input: &[u8],
        last: bool,
        out: &mut Vec<u8>,
        errors: &mut Vec<(u64, usize)>,
    ) {
        out.reserve(input.len().saturating_add(input.len() / 2));
        let mut rest = input;
        if let (Some(first), Some((&second, tail))) = (self.pending_byte, rest.split_first()) {
            self.pending_byte = None;
            let offset = self.position.saturating_sub(1);
            self.position = self.position.saturating_add(1);
            self.unit(self.make_unit(first, second), offset, out, errors);
            rest = tail;
        }
        let mut pairs = rest.chunks_exact(2);
        for pair in &mut pairs {
            let offset = self.position;
            self.position = self.position.saturating_add(2);
            if let [a, b] = *pair {
                self.unit(self.make_unit(a, b), offset, out, errors);
            }
        }
        if let Some(&odd) = pairs.remainder().first() {
            self.pending_byte = Some(odd);
            self.position = self.position.saturating_add(1);
        }
        if last {
            if let Some((_, offset)) = self.pending_high.take() {
                push_char(out, '\u{FFFD}');
                errors.push((offset, 2));
            }
            if self.pending_byte.take().is_some() {
                push_char(out, '\u{FFFD}');
                errors.push((self.position.saturating_sub(1), 1));
            }
        }
    }

    fn make_unit(&self, a: u8, b: u8) -> u16 {
        if self.big_endian {
            u16::from_be_bytes([a, b])
        } else {
            u16::from_le_bytes([a, b])
        }
    }

    fn unit(&mut self, unit: u16, offset: u64, out: &mut Vec<u8>, errors: &mut Vec<(u64, usize)>) {
        if let Some((high, high_offset)) = self.pending_high.take() {
            if (0xDC00..=0xDFFF).contains(&unit) {
                let scalar =
                    0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                push_char(out, char::from_u32(scalar).unwrap_or('\u{FFFD}'));
                return;
            }
            push_char(out, '\u{FFFD}');
            errors.push((high_offset, 2));
        }
        match unit {
            0..=0x7F => out.push(unit as u8),
            0xD800..=0xDBFF => self.pending_high = Some((unit, offset)),
            0xDC00..=0xDFFF => {
                push_char(out, '\u{FFFD}');
                errors.push((offset, 2));
            }
            _ => push_char(out, char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}')),
        }
    }
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}
