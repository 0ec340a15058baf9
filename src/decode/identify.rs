//! The identification rule (see the module docs of `decode`): strict decode attempts, then a
//! fixed score over what each surviving candidate produced.

use encoding_rs::{Decoder, DecoderResult};
use serde::{Deserialize, Serialize};

use super::{TextEncoding, IDENTIFY_CANDIDATES};

/// The outcome of identifying non-ASCII evidence (see the module docs for the
/// rule).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identification {
    /// The best guess: UTF-8 when the evidence is valid UTF-8, else the
    /// best-ranked strict candidate, else the candidate with the fewest
    /// malformed sequences.
    pub encoding: TextEncoding,
    /// Whether the evidence is valid UTF-8 (an incomplete character at the very
    /// end does not count as invalid).
    pub valid_utf8: bool,
    /// Every candidate that decodes the evidence with no error, best first
    /// (UTF-8 first when the evidence is valid UTF-8; pure-ASCII evidence lists
    /// every candidate in fixed order).
    pub strict_candidates: Vec<TextEncoding>,
    /// False when no candidate decodes the evidence cleanly.
    pub decodes_strictly: bool,
}

/// Identifies the encoding of `evidence` (the first non-ASCII fields of a file
/// joined with `b'\n'`), deterministically; see the module docs for the rule.
pub fn identify(evidence: &[u8]) -> Identification {
    let valid_utf8 = utf8_is_valid_prefix(evidence);

    let mut scored: Vec<(TextEncoding, i64)> = Vec::new();
    let mut text = String::new();
    for candidate in IDENTIFY_CANDIDATES {
        text.clear();
        let mut clean = true;
        run_decoder(
            candidate.encoding_rs().new_decoder_without_bom_handling(),
            evidence,
            false,
            &mut text,
            |_, _| {
                clean = false;
                false
            },
        );
        if clean {
            scored.push((candidate, score(candidate, &text, evidence)));
        }
    }
    // Stable sort: equal scores keep the fixed candidate order.
    // (Highest score first: the key falls as the score rises.)
    crate::sort::by_key(&mut scored, |&(_, s)| {
        (i128::from(i64::MAX) - i128::from(s)) as u128
    });
    let mut strict_candidates: Vec<TextEncoding> = Vec::with_capacity(scored.len() + 1);
    if valid_utf8 {
        strict_candidates.push(TextEncoding::Utf8);
    }
    strict_candidates.extend(scored.iter().map(|&(e, _)| e));

    // UTF-8 with a few damaged bytes is still UTF-8: valid multi-byte UTF-8 sequences almost never
    // occur by chance in legacy CJK text, so when they clearly outnumber the malformed ones the file
    // is read as UTF-8 and each damaged sequence is reported at its byte, instead of the whole file
    // being taken for GBK (which decodes nearly any byte soup strictly).
    if !valid_utf8 && mostly_utf8(evidence) {
        return Identification {
            encoding: TextEncoding::Utf8,
            valid_utf8,
            strict_candidates,
            decodes_strictly: false,
        };
    }

    if let Some(&best) = strict_candidates.first() {
        return Identification {
            encoding: best,
            valid_utf8,
            strict_candidates,
            decodes_strictly: true,
        };
    }

    let mut best = (TextEncoding::Utf8, usize::MAX);
    for candidate in std::iter::once(TextEncoding::Utf8).chain(IDENTIFY_CANDIDATES) {
        let errors = count_malformed(candidate, evidence);
        if errors < best.1 {
            best = (candidate, errors);
        }
    }
    Identification {
        encoding: best.0,
        valid_utf8,
        strict_candidates,
        decodes_strictly: false,
    }
}

/// Valid UTF-8, allowing an incomplete sequence at the very end.
fn utf8_is_valid_prefix(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// Number of malformed sequences when decoding `bytes` (an incomplete sequence
/// at the very end is not counted).
pub(super) fn count_malformed(encoding: TextEncoding, bytes: &[u8]) -> usize {
    let mut count = 0usize;
    let mut sink = String::new();
    run_decoder(
        encoding.encoding_rs().new_decoder_without_bom_handling(),
        bytes,
        false,
        &mut sink,
        |_, _| {
            count += 1;
            true
        },
    );
    count
}

/// Input bytes given to the decoder per call. Its output goes to a scratch buffer sized for one
/// window and is then appended to `dst`: decoding straight into `dst` would make encoding_rs touch
/// every page of `dst`'s spare capacity on each call, and there is a call per malformed sequence,
/// so a field of a million bad bytes took quadratic time (seconds per megabyte).
const DECODE_WINDOW: usize = 8 << 10;

/// Drives an `encoding_rs` decoder over `src`, appending UTF-8 to `dst`.
///
/// Each malformed sequence is passed to `on_malformed(offset, len)` (offsets
/// relative to `src`); when it returns true, U+FFFD is appended and decoding
/// goes on, otherwise decoding stops. Returns the number of bytes consumed.
pub(super) fn run_decoder(
    mut decoder: Decoder,
    src: &[u8],
    last: bool,
    dst: &mut String,
    mut on_malformed: impl FnMut(usize, usize) -> bool,
) -> usize {
    let mut pos = 0usize;
    let mut stalls = 0u8;
    let mut buf: Vec<u8> = Vec::new();
    loop {
        let rest = src.get(pos..).unwrap_or(&[]);
        let window = rest.get(..DECODE_WINDOW).unwrap_or(rest);
        // Only the window that reaches the end of `src` may end the stream.
        let window_last = last && window.len() == rest.len();
        let needed = decoder
            .max_utf8_buffer_length_without_replacement(window.len())
            .unwrap_or_else(|| window.len().saturating_mul(3))
            .saturating_add(4);
        if buf.len() < needed {
            buf.resize(needed, 0);
        }
        let (result, read, written) =
            decoder.decode_to_utf8_without_replacement(window, &mut buf, window_last);
        dst.push_str(std::str::from_utf8(buf.get(..written).unwrap_or(&[])).unwrap_or_default());
        pos = pos.saturating_add(read).min(src.len());
        match result {
            DecoderResult::InputEmpty if pos >= src.len() => return pos,
            DecoderResult::InputEmpty => {
                // A window is consumed whole; guard against a decoder that reads nothing anyway.
                if read == 0 {
                    stalls = stalls.saturating_add(1);
                    if stalls > 3 {
                        return pos;
                    }
                }
            }
            DecoderResult::OutputFull => {
                // Cannot happen with the buffer sized above; guard anyway.
                if read == 0 {
                    stalls = stalls.saturating_add(1);
                    if stalls > 3 {
                        return pos;
                    }
                }
            }
            DecoderResult::Malformed(bad, after) => {
                stalls = 0;
                let end = pos.saturating_sub(usize::from(after));
                let start = end.saturating_sub(usize::from(bad));
                if !on_malformed(start, end - start) {
                    return pos;
                }
                dst.push('\u{FFFD}');
            }
        }
    }
}

/// The identification score of `decoded` (the strict decoding of `bytes` by
/// `candidate`); see the module docs.
fn score(candidate: TextEncoding, decoded: &str, bytes: &[u8]) -> i64 {
    let japanese = matches!(candidate, TextEncoding::ShiftJis | TextEncoding::EucJp);
    let mut total = code_region_score(candidate, bytes);
    let mut previous = '\0';
    for c in decoded.chars() {
        total += char_weight(candidate, c);
        if japanese && is_voiced_half_width_pair(previous, c) {
            total += 2;
        }
        previous = c;
    }
    total
}

/// A half-width (semi-)voiced sound mark after a half-width kana that takes
/// it, as in `ﾀﾞ` or `ﾎﾟ`: the way half-width katakana spell voiced sounds.
fn is_voiced_half_width_pair(base: char, mark: char) -> bool {
    match mark {
        '\u{FF9E}' => matches!(base, 'ｳ' | 'ｶ'..='ﾄ' | 'ﾊ'..='ﾎ'),
        '\u{FF9F}' => matches!(base, 'ﾊ'..='ﾎ'),
        _ => false,
    }
}

/// Weight of one decoded character, by Unicode block.
fn char_weight(candidate: TextEncoding, c: char) -> i64 {
    let japanese = matches!(candidate, TextEncoding::ShiftJis | TextEncoding::EucJp);
    match u32::from(c) {
        // Hiragana, katakana.
        0x3040..=0x30FF => {
            if japanese {
                3
            } else {
                -1
            }
        }
        // Hangul syllables.
        0xAC00..=0xD7A3 => {
            if candidate != TextEncoding::EucKr {
                0
            } else if (u32::from(c) - 0xAC00) % 28 == 0 {
                // Open syllable (no final consonant): frequent in real Korean.
                3
            } else {
                2
            }
        }
        // CJK unified ideographs.
        0x4E00..=0x9FFF => 1,
        // CJK extension A, compatibility ideographs, supplementary ideographs.
        0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => -1,
        // Half-width katakana: legitimate (if old-fashioned) Japanese.
        0xFF61..=0xFF9F => {
            if japanese {
                0
            } else {
                -1
            }
        }
        // Hangul compatibility jamo, Greek and Cyrillic.
        0x3131..=0x318E | 0x0370..=0x04FF => -1,
        // C1 controls, box drawing and block elements, private use.
        0x0080..=0x009F | 0x2500..=0x259F | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF => -3,
        _ => 0,
    }
}

/// Weight of the multi-byte codes of `bytes` read by `candidate`, by the
/// region of the code table they fall in. `bytes` decodes strictly, so the
/// lead byte determines each code's length.
fn code_region_score(candidate: TextEncoding, bytes: &[u8]) -> i64 {
    let mut total = 0i64;
    let mut i = 0usize;
    while let Some(&lead) = bytes.get(i) {
        let (len, weight) = match candidate {
            TextEncoding::ShiftJis => match lead {
                0x81..=0x9F | 0xE0..=0xFC => (2, sjis_weight(lead, bytes.get(i + 1))),
                _ => (1, 0),
            },
            TextEncoding::EucJp => match lead {
                0x8E => (2, 0),
                0x8F => (3, -1),
                0xA1..=0xFE => match bytes.get(i + 1) {
                    Some(0xA1..=0xFE) if (0xB0..=0xCF).contains(&lead) => (2, 1),
                    _ => (2, 0),
                },
                _ => (1, 0),
            },
            TextEncoding::EucKr => match lead {
                0x81..=0xFE => match bytes.get(i + 1) {
                    Some(&trail) if lead < 0xA1 || trail < 0xA1 => (2, -4),
                    Some(_) if (0xCA..=0xFD).contains(&lead) => (2, -3),
                    _ => (2, 0),
                },
                _ => (1, 0),
            },
            TextEncoding::Big5 => match lead {
                0x81..=0xFE => (2, big5_weight(lead, bytes.get(i + 1))),
                _ => (1, 0),
            },
            TextEncoding::Gbk | TextEncoding::Gb18030 => match lead {
                0x81..=0xFE => match bytes.get(i + 1) {
                    Some(0x30..=0x39) => (4, -1),
                    Some(&trail) => (2, gbk_weight(lead, trail)),
                    None => (2, 0),
                },
                _ => (1, 0),
            },
            TextEncoding::Utf8 | TextEncoding::Utf16Le | TextEncoding::Utf16Be => (1, 0),
        };
        total += weight;
        i = i.saturating_add(len);
    }
    total
}

fn sjis_weight(lead: u8, trail: Option<&u8>) -> i64 {
    match trail {
        Some(&trail) => {
            let code = u16::from_be_bytes([lead, trail]);
            if (0x889F..=0x9872).contains(&code) {
                1
            } else {
                0
            }
        }
        None => 0,
    }
}

fn big5_weight(lead: u8, trail: Option<&u8>) -> i64 {
    let Some(&trail) = trail else { return 0 };
    let code = u16::from_be_bytes([lead, trail]);
    if (0xA440..=0xC67E).contains(&code) {
        1
    } else if lead < 0xA1 || (0xC6A1..=0xC8FE).contains(&code) || code >= 0xF9D6 {
        -1
    } else {
        0
    }
}

fn gbk_weight(lead: u8, trail: u8) -> i64 {
    let code = u16::from_be_bytes([lead, trail]);
    if (0xB0A1..=0xD7F9).contains(&code) {
        1
    } else if lead < 0xA1 || (lead >= 0xAA && trail < 0xA1) {
        -1
    } else {
        0
    }
}

/// Whether the evidence is UTF-8 with damage: at least 4 valid multi-byte sequences and at least 4
/// times as many of them as malformed sequences.
fn mostly_utf8(evidence: &[u8]) -> bool {
    let (mut valid_multibyte, mut malformed) = (0usize, 0usize);
    let mut rest = evidence;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                valid_multibyte += text.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                valid_multibyte += std::str::from_utf8(good)
                    .map_or(0, |t| t.chars().filter(|c| !c.is_ascii()).count());
                match e.error_len() {
                    // An incomplete sequence at the very end is the cut of the evidence window.
                    None => break,
                    Some(len) => {
                        malformed += 1;
                        rest = bad.get(len..).unwrap_or(&[]);
                    }
                }
            }
        }
    }
    valid_multibyte >= 4 && valid_multibyte >= malformed.saturating_mul(4)
}
