//! Text encodings: identification and decoding of CSV/TSV import files.
//!
//! # How the engine uses this module
//!
//! * The CSV structure (quotes, `,` `\t` `;`, CR, LF) is tokenized on the
//!   **raw bytes** for every ASCII-compatible encoding: Shift_JIS (CP932),
//!   EUC-JP, EUC-KR (CP949), Big5 and GBK/GB18030 never use those bytes inside
//!   a multi-byte character, so byte offsets stay exact. A record's fields are
//!   then turned into UTF-8 by a [`FieldDecoder`]: one after another into one
//!   string ([`FieldDecoder::decode_into`]), which the engine checks as it
//!   checks a UTF-8 record; a record with a malformed byte sequence is decoded
//!   field by field ([`FieldDecoder::decode`]), which reports every sequence at
//!   its exact offset inside the field.
//! * UTF-16 files (Excel's "Unicode text") are transcoded to UTF-8 by a
//!   [`Utf16Transcoder`] before tokenizing; it reports malformed sequences at
//!   absolute offsets in the original file.
//! * The encoding is decided as follows: a byte order mark ([`sniff_bom`]) wins;
//!   else UTF-16 without a BOM if [`sniff_utf16`] says so; else the engine
//!   collects *evidence* (the bytes of the first non-ASCII fields, up to
//!   16 KiB, joined with `b'\n'`) and calls [`identify`].
//!
//! # The identification rule ([`identify`])
//!
//! Identification is deterministic and based on strict decode attempts, not on
//! probabilities:
//!
//! 1. Evidence that is valid UTF-8 is UTF-8. (An incomplete character at the
//!    very end of the evidence is not an error, because the evidence may have
//!    been cut at its size limit.)
//! 2. Otherwise the candidates are tried in this fixed order: Shift_JIS
//!    (CP932), EUC-JP, EUC-KR (CP949/UHC), Big5 (HKSCS), GBK. Each candidate
//!    decodes the evidence strictly (WHATWG decoders from `encoding_rs`, no
//!    replacement; an incomplete sequence at the very end is not an error). A
//!    candidate that meets a malformed sequence is dropped.
//! 3. The survivors are ranked by a score, highest first; equal scores keep the
//!    fixed order above. The score is the sum of a weight for every decoded
//!    character (by Unicode block, table A), a bonus for half-width voiced
//!    kana (B), and a weight for every multi-byte code by the region of the
//!    candidate's code table its bytes fall in (C, computed from the evidence
//!    bytes, not from a list of characters).
//!
//!    A. Decoded characters:
//!
//!    | character                                               | SJIS | EUC-JP | EUC-KR | Big5 | GBK |
//!    |---------------------------------------------------------|-----:|-------:|-------:|-----:|----:|
//!    | hiragana, katakana (U+3040–30FF)                        |  +3  |   +3   |   −1   |  −1  |  −1 |
//!    | Hangul syllable without final consonant (e.g. 수, 이)   |   0  |    0   |   +3   |   0  |   0 |
//!    | Hangul syllable with final consonant (e.g. 김, 민)      |   0  |    0   |   +2   |   0  |   0 |
//!    | CJK unified ideographs (U+4E00–9FFF)                    |  +1  |   +1   |   +1   |  +1  |  +1 |
//!    | half-width katakana (U+FF61–FF9F)                       |   0  |    0   |   −1   |  −1  |  −1 |
//!    | CJK extension A/B+, CJK compatibility ideographs        |  −1  |   −1   |   −1   |  −1  |  −1 |
//!    | Hangul compatibility jamo (U+3131–318E)                 |  −1  |   −1   |   −1   |  −1  |  −1 |
//!    | Greek, Cyrillic (U+0370–04FF)                           |  −1  |   −1   |   −1   |  −1  |  −1 |
//!    | private use, C1 controls, box drawing, block elements   |  −3  |   −3   |   −3   |  −3  |  −3 |
//!    | anything else (ASCII, punctuation, ０-９, ①, ㈱ …)      |   0  |    0   |    0   |   0  |   0 |
//!
//!    B. Shift_JIS and EUC-JP: +2 for a half-width voiced or semi-voiced mark
//!    right after a half-width kana that takes it (`ﾀﾞ`, `ﾎﾟ`).
//!
//!    C. Multi-byte codes:
//!
//!    | candidate | region                                                              | weight |
//!    |-----------|---------------------------------------------------------------------|-------:|
//!    | Shift_JIS | JIS level-1 kanji 889F–9872                                         |   +1   |
//!    | EUC-JP    | JIS level-1 kanji, rows B0–CF                                       |   +1   |
//!    | EUC-JP    | JIS X 0212 (8F xx xx)                                               |   −1   |
//!    | EUC-KR    | UHC extension Hangul (lead or trail below A1)                       |   −4   |
//!    | EUC-KR    | KS X 1001 hanja, rows CA–FD                                         |   −3   |
//!    | Big5      | frequent hanzi A440–C67E                                            |   +1   |
//!    | Big5      | HKSCS/ETEN extensions (lead below A1, C6A1–C8FE, F9D6 and above)    |   −1   |
//!    | GBK       | GB2312 level-1 hanzi B0A1–D7F9                                      |   +1   |
//!    | GBK       | GBK extensions (lead below A1, or lead AA+ with trail below A1)     |   −1   |
//!    | GBK       | GB18030 four-byte sequences                                         |   −1   |
//!
//!    Net effect: the script proper to a language (kana for Japanese, KS X 1001
//!    Hangul for Korean) counts 2–3 per character; a Han character counts 2 in
//!    the most common region of a table (JIS level 1, Big5 frequent, GB2312
//!    level 1) and 1 or less elsewhere. What a wrong table produces counts
//!    negative: private-use and half-width katakana from EUC bytes read as
//!    Shift_JIS are neutral at best, Hangul jamo from EUC-JP kana read as
//!    EUC-KR, kana from Big5 read as GBK, UHC-extension Hangul from Shift_JIS
//!    read as CP949, hanja (rare in modern Korean data) from JIS/GB bytes read
//!    as EUC-KR.
//! 4. If no candidate decodes strictly, `decodes_strictly` is false and the
//!    encoding is the one with the fewest malformed sequences, UTF-8 included,
//!    ties in the order UTF-8, Shift_JIS, EUC-JP, EUC-KR, Big5, GBK.
//!
//! ## What the rule can and cannot tell apart
//!
//! * **Shift_JIS** with kanji or full-width kana is recognised even from one
//!   2-character name: its lead bytes 81–9F are invalid in EUC-JP, and GBK,
//!   Big5 or CP949 read them as rare extension characters that score 0 or less.
//!   Shift_JIS made only of **half-width katakana** uses bytes A1–DF, which
//!   every EUC-style table reads as two-byte characters: a few such
//!   characters alone (e.g. `ﾔﾏﾀﾞ`) are identified as another encoding; a few
//!   rows suffice, because an odd-length run followed by a separator is
//!   malformed in every other candidate.
//! * **EUC-JP with kana** is recognised reliably (+3 per kana). EUC-JP made
//!   only of kanji is ambiguous: rows B0–C8 are KS X 1001 Hangul in EUC-KR and
//!   rows B0–D7 GB2312 level-1 hanzi in GBK. A 2-kanji name ties at 4 points
//!   with GBK and Big5 and wins by order; a longer kanji-only text can lose to
//!   EUC-KR when EUC-KR reads it as Hangul with many open syllables.
//! * **EUC-KR** Korean text is recognised reliably from a few words: every
//!   Hangul syllable scores 2–3 while the other readings score at most 2 per
//!   character. A short name made only of closed syllables (e.g. `김민`, both
//!   with a final consonant) ties with EUC-JP's reading and EUC-JP wins.
//! * **Big5** is recognised reliably, even from 2 characters in most cases:
//!   about 40% of Big5 characters have a trail byte 40–7E, invalid in EUC-JP
//!   and most of EUC-KR, and read by GBK as private-use, symbols or kana.
//! * **GBK** (Simplified Chinese) is recognised from a few rows. A short
//!   all-hanzi text in GB2312 rows B0–CF reads as equally common JIS level-1
//!   kanji, and the tie goes to EUC-JP (e.g. `李华`); GBK wins as soon as a
//!   character lies in rows D0–D7 (e.g. `张伟`), and longer Chinese text
//!   usually contains full-width punctuation or hanzi that EUC-JP and EUC-KR
//!   cannot decode.
//! * **GB18030**, **UTF-16** are never *returned* by [`identify`]: a GB18030
//!   file decodes as GBK (the `encoding_rs` GBK decoder is the GB18030
//!   decoder) and is reported as `Gbk`; UTF-16 is found by [`sniff_bom`] or
//!   [`sniff_utf16`].
//! * Text that is valid UTF-8 is always UTF-8, even in the rare case where a
//!   short legacy text happens to be valid UTF-8 (e.g. `蓮` in EUC-JP, CF A1).

mod encoding;
mod field;
mod identify;
mod sniff;
mod utf16;

#[cfg(test)]
mod tests;

pub use encoding::{Bom, Lang, TextEncoding, ALL_ENCODINGS, IDENTIFY_CANDIDATES};
pub use field::{Decoded, FieldDecoder, Malformed};
pub use identify::{identify, Identification};
pub use sniff::{sniff_bom, sniff_utf16};
pub use utf16::Utf16Transcoder;
