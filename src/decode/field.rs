//! Decoding one field to UTF-8, reporting every malformed byte sequence at its offset.

use std::borrow::Cow;

use encoding_rs::DecoderResult;

use super::identify::run_decoder;
use serde::{Deserialize, Serialize};

use super::TextEncoding;

/// A malformed byte sequence inside a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Malformed {
    /// Offset of the first malformed byte from the field's first byte.
    pub offset: usize,
    /// Length of the malformed sequence in bytes (at least 1).
    pub len: usize,
}

/// A field decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text. `Cow::Borrowed` means the field's bytes were used as they are
    /// (valid UTF-8, or pure ASCII in a legacy encoding) with no allocation;
    /// `Cow::Owned` means they were converted or repaired. Every malformed
    /// sequence is replaced by one U+FFFD.
    pub text: Cow<'a, str>,
    /// The malformed sequences, in order of offset (empty when clean).
    pub malformed: &'a [Malformed],
}

impl Decoded<'_> {
    /// Whether the field decoded without any malformed sequence.
    pub fn is_clean(&self) -> bool {
        self.malformed.is_empty()
    }
}

/// Decodes fields (already split on the raw bytes) to UTF-8, reusing its
/// buffers from one field to the next.
#[derive(Debug, Clone)]
pub struct FieldDecoder {
    encoding: TextEncoding,
    malformed: Vec<Malformed>,
}

impl FieldDecoder {
    /// A decoder for fields in `encoding`. For UTF-16 (transcoded to UTF-8
    /// upstream by [`Utf16Transcoder`](super::Utf16Transcoder)) it decodes UTF-8.
    pub fn new(encoding: TextEncoding) -> Self {
        FieldDecoder {
            encoding,
            malformed: Vec::new(),
        }
    }

    /// The encoding given to [`FieldDecoder::new`].
    pub fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    /// Decodes one field's bytes; malformed sequences become U+FFFD and are
    /// all reported with their offsets inside the field. The whole field is
    /// decoded at once: an incomplete character at its end is malformed.
    pub fn decode<'a>(&'a mut self, bytes: &'a [u8]) -> Decoded<'a> {
        self.decode_stored(bytes, false)
    }

    /// Decodes a field whose content a bound cut short (`max_field_bytes`): as
    /// [`FieldDecoder::decode`], except that a character cut off at its end is left out, not
    /// malformed, since the cut, not the file, split it.
    pub fn decode_cut<'a>(&'a mut self, bytes: &'a [u8]) -> Decoded<'a> {
        self.decode_stored(bytes, true)
    }

    /// [`FieldDecoder::decode_cut`] when `cut` (see `Record::was_cut`), else
    /// [`FieldDecoder::decode`].
    pub fn decode_stored<'a>(&'a mut self, bytes: &'a [u8], cut: bool) -> Decoded<'a> {
        self.malformed.clear();
        let text = match self.encoding {
            TextEncoding::Utf8 | TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
                let bytes = if cut { without_cut_utf8(bytes) } else { bytes };
                decode_utf8(bytes, &mut self.malformed)
            }
            legacy => {
                if let Some(text) = ascii_text(bytes) {
                    Cow::Borrowed(text)
                } else {
                    let mut out = String::new();
                    let malformed = &mut self.malformed;
                    run_decoder(
                        legacy.encoding_rs().new_decoder_without_bom_handling(),
                        bytes,
                        !cut,
                        &mut out,
                        |offset, len| {
                            malformed.push(Malformed { offset, len });
                            true
                        },
                    );
                    Cow::Owned(out)
                }
            }
        };
        Decoded {
            text,
            malformed: &self.malformed,
        }
    }

    /// Appends the text of one field to `text`, unless the field has a malformed sequence:
    /// `false`, and `text` may then hold part of it (decode that field with
    /// [`FieldDecoder::decode`], which reports each sequence at its offset). As `decode`, it
    /// decodes the field whole: a character cut off at its end is malformed. Writes straight into
    /// `text`: no string per field, and no second validation of the decoder's output.
    pub fn decode_into(&self, bytes: &[u8], text: &mut String) -> bool {
        // Most cells of an import file are empty: no copy of nothing (in wasm, a call).
        if bytes.is_empty() {
            return true;
        }
        let encoding = match self.encoding {
            TextEncoding::Utf8 | TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
                let Ok(field) = std::str::from_utf8(bytes) else {
                    return false;
                };
                text.push_str(field);
                return true;
            }
            legacy => match ascii_text(bytes) {
                Some(ascii) => {
                    text.push_str(ascii);
                    return true;
                }
                None => legacy.encoding_rs(),
            },
        };
        let mut decoder = encoding.new_decoder_without_bom_handling();
        let Some(room) = decoder.max_utf8_buffer_length_without_replacement(bytes.len()) else {
            return false;
        };
        text.reserve(room);
        let (result, read) = decoder.decode_to_string_without_replacement(bytes, text, true);
        result == DecoderResult::InputEmpty && read == bytes.len()
    }
}

/// The text of a field of ASCII bytes, which are ASCII characters in every legacy encoding.
fn ascii_text(bytes: &[u8]) -> Option<&str> {
    bytes
        .is_ascii()
        .then(|| std::str::from_utf8(bytes).ok())
        .flatten()
}

/// `bytes` without the first bytes of a character cut off at their end (at most 3 bytes: a
/// lead byte and its continuation bytes, short of the length the lead byte announces).
fn without_cut_utf8(bytes: &[u8]) -> &[u8] {
    let tail = bytes.len().saturating_sub(3);
    let last_start = (tail..bytes.len())
        .rev()
        .find(|&i| bytes.get(i).is_some_and(|&b| !is_continuation(b)));
    let Some((kept, last)) = last_start.and_then(|i| bytes.split_at_checked(i)) else {
        return bytes;
    };
    match std::str::from_utf8(last) {
        // Nothing valid, and no invalid byte either: the first bytes of one character.
        Err(e) if e.valid_up_to() == 0 && e.error_len().is_none() => kept,
        _ => bytes,
    }
}

fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// UTF-8 fast path: borrowed when valid, else repaired with every malformed
/// sequence (maximal invalid subparts, as `String::from_utf8_lossy`) recorded.
fn decode_utf8<'a>(bytes: &'a [u8], malformed: &mut Vec<Malformed>) -> Cow<'a, str> {
    let first_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Cow::Borrowed(text),
        Err(e) => e,
    };
    let mut out = String::with_capacity(bytes.len().saturating_add(8));
    let mut pos = 0usize;
    let mut error = Some(first_error);
    while let Some(e) = error.take() {
        let rest = bytes.get(pos..).unwrap_or(&[]);
        let valid_up_to = e.valid_up_to();
        let (valid, after_valid) = rest.split_at_checked(valid_up_to).unwrap_or((rest, &[]));
        out.push_str(std::str::from_utf8(valid).unwrap_or_default());
        let bad = e.error_len().unwrap_or(after_valid.len()).max(1);
        malformed.push(Malformed {
            offset: pos + valid_up_to,
            len: bad,
        });
        out.push('\u{FFFD}');
        pos = (pos + valid_up_to + bad).min(bytes.len());
        let rest = bytes.get(pos..).unwrap_or(&[]);
        match std::str::from_utf8(rest) {
            Ok(text) => out.push_str(text),
            Err(e) => error = Some(e),
        }
    }
    Cow::Owned(out)
}
