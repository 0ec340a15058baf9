//! Text to bytes in the target encoding, one character at a time where it matters, so that every
//! character the encoding cannot hold is found with its exact position.
//!
//! `encoding_rs`'s `Encoding::encode` replaces such characters with `&#NNNN;` and says only that
//! something was replaced; here each one is an event instead. A character whose bytes read back
//! as another character (`¥` written as the byte 5C, which reads as `\`) counts as one the
//! encoding cannot hold. A character is replaced only through
//! the user's substitution table (logged), or by `?` so that the re-check has bytes to read; a
//! conversion with such a character is refused unless forced.
//!
//! The substitution table applies to the characters the encoding cannot hold and, for Shift_JIS,
//! to the CP932-only characters below; no other character is ever replaced.
//!
//! For Shift_JIS targets the characters that only Windows' CP932 has are reported as well: `①` or
//! `㈱` (NEC row 13, lead byte 87) and `髙` or `﨑` (IBM extensions, lead bytes ED, EE, FA–FC).
//! The WHATWG encoder writes a character that also exists in JIS X 0208 with its JIS X 0208 code,
//! so these lead bytes appear only for characters that standard Shift_JIS lacks.

use std::collections::BTreeMap;

use encoding_rs::{Encoder, EncoderResult};

use crate::decode::TextEncoding;

/// Something the encoder met in one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EncodeEvent {
    /// The encoding cannot hold `ch`; `?` was written at `byte` (offset in the output buffer).
    Unrepresentable {
        ch: char,
        char_index: u32,
        byte: u64,
    },
    /// `ch` was replaced by the user's substitute.
    Substituted {
        ch: char,
        with: String,
        char_index: u32,
    },
    /// `ch` exists only in CP932.
    Cp932Only { ch: char, char_index: u32 },
}

/// Encodes values into the target encoding (any ASCII-compatible one; UTF-16 is not written).
#[derive(Debug, Clone)]
pub(crate) struct TextEncoder {
    encoding: TextEncoding,
    substitutions: BTreeMap<char, String>,
}

fn is_cp932_only(bytes: &[u8]) -> bool {
    matches!(bytes.first(), Some(0x87 | 0xED | 0xEE | 0xFA..=0xFC)) && bytes.len() == 2
}

impl TextEncoder {
    /// An encoder for `encoding` with the user's substitutions.
    pub(crate) fn new(encoding: TextEncoding, substitutions: BTreeMap<char, String>) -> Self {
        TextEncoder {
            encoding,
            substitutions,
        }
    }

    /// The output encoding.
    pub(crate) fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    /// Appends `text` in the target encoding to `out`, reporting what it met to `events`.
    pub(crate) fn encode(&self, text: &str, out: &mut Vec<u8>, events: &mut Vec<EncodeEvent>) {
        if text.is_ascii() || self.encoding == TextEncoding::Utf8 {
            out.extend_from_slice(text.as_bytes());
            return;
        }
        let mut encoder = self.encoding.encoding_rs().new_encoder();
        let mut buf = [0u8; 16];
        for (i, ch) in text.chars().enumerate() {
            let char_index = u32::try_from(i + 1).unwrap_or(u32::MAX);
            if ch.is_ascii() {
                out.push(ch as u8);
                continue;
            }
            let encoded = match encode_char(&mut encoder, ch, &mut buf) {
                Some((EncoderResult::InputEmpty, n)) => buf.get(..n),
                _ => None,
            }
            .filter(|bytes| self.round_trips(bytes, ch));
            let cp932_only =
                self.encoding == TextEncoding::ShiftJis && encoded.is_some_and(is_cp932_only);
            match encoded {
                Some(bytes) if !(cp932_only && self.substitutions.contains_key(&ch)) => {
                    if cp932_only {
                        events.push(EncodeEvent::Cp932Only { ch, char_index });
                    }
                    out.extend_from_slice(bytes);
                }
                _ => match self.substitutions.get(&ch) {
                    Some(with) => {
                        events.push(EncodeEvent::Substituted {
                            ch,
                            with: with.clone(),
                            char_index,
                        });
                        // A substitute is encoded without further substitution.
                        let plain = TextEncoder::new(self.encoding, BTreeMap::new());
                        let mut inner = Vec::new();
                        plain.encode(with, out, &mut inner);
                        events.extend(inner.into_iter().map(|e| match e {
                            EncodeEvent::Unrepresentable { ch, byte, .. } => {
                                EncodeEvent::Unrepresentable {
                                    ch,
                                    char_index,
                                    byte,
                                }
                            }
                            other => other,
                        }));
                    }
                    None => {
                        events.push(EncodeEvent::Unrepresentable {
                            ch,
                            char_index,
                            byte: out.len() as u64,
                        });
                        out.push(b'?');
                    }
                },
            }
        }
    }
}

impl TextEncoder {
    /// Whether `bytes` read back as `ch`: the WHATWG encoders write `¥` (U+00A5) and `‾` (U+203E)
    /// as the ASCII bytes 5C and 7E in Shift_JIS and EUC-JP, which read back as `\` and `~`.
    fn round_trips(&self, bytes: &[u8], ch: char) -> bool {
        let (text, malformed) = self
            .encoding
            .encoding_rs()
            .decode_without_bom_handling(bytes);
        !malformed && text.chars().eq(std::iter::once(ch))
    }
}

/// Encodes one character; `None` when the buffer is too small (never for 16 bytes).
fn encode_char(encoder: &mut Encoder, ch: char, buf: &mut [u8]) -> Option<(EncoderResult, usize)> {
    let mut utf8 = [0u8; 4];
    let s = ch.encode_utf8(&mut utf8);
    let (result, _read, written) = encoder.encode_from_utf8_without_replacement(s, buf, false);
    match result {
        EncoderResult::OutputFull => None,
        other => Some((other, written)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(encoding: TextEncoding, text: &str) -> (Vec<u8>, Vec<EncodeEvent>) {
        let subs = [('髙', "高".to_string())].into_iter().collect();
        let encoder = TextEncoder::new(encoding, subs);
        let (mut out, mut events) = (Vec::new(), Vec::new());
        encoder.encode(text, &mut out, &mut events);
        (out, events)
    }

    #[test]
    fn shift_jis_flags_cp932_only_characters_and_substitutes() {
        let (out, events) = run(TextEncoding::ShiftJis, "①㈱山田髙≒");
        assert_eq!(
            events,
            vec![
                EncodeEvent::Cp932Only {
                    ch: '①',
                    char_index: 1
                },
                EncodeEvent::Cp932Only {
                    ch: '㈱',
                    char_index: 2
                },
                EncodeEvent::Substituted {
                    ch: '髙',
                    with: "高".into(),
                    char_index: 5
                },
            ]
        );
        // ≒ exists in JIS X 0208 (81E0) as well as in NEC row 13: it is written as 81E0.
        assert_eq!(
            out,
            [0x87, 0x40, 0x87, 0x8A, 0x8E, 0x52, 0x93, 0x63, 0x8D, 0x82, 0x81, 0xE0]
        );
    }

    #[test]
    fn unrepresentable_characters_are_events_never_silent() {
        let (out, events) = run(TextEncoding::EucKr, "a①ア😀");
        // EUC-KR has ① and katakana; it has no emoji.
        assert_eq!(
            events,
            vec![EncodeEvent::Unrepresentable {
                ch: '😀',
                char_index: 4,
                byte: 5
            }]
        );
        assert_eq!(out.last(), Some(&b'?'));
        let (out, events) = run(TextEncoding::Utf8, "😀");
        assert!(events.is_empty());
        assert_eq!(out, "😀".as_bytes());
        let (_, events) = run(TextEncoding::Gb18030, "😀①髙");
        assert!(events.is_empty());
        // ¥ would be written as 5C, which reads back as a backslash.
        let (out, events) = run(TextEncoding::ShiftJis, "¥1");
        assert_eq!(
            events,
            vec![EncodeEvent::Unrepresentable {
                ch: '¥',
                char_index: 1,
                byte: 0
            }]
        );
        assert_eq!(out, b"?1");
    }
}
