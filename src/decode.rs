//! Text encodings: identification and decoding of CSV/TSV import files.
//!
//! # How the engine uses this module
//!
//! * The CSV structure (quotes, `,` `\t` `;`, CR, LF) is tokenized on the
//!   **raw bytes** for every ASCII-compatible encoding: Shift_JIS (CP932),
//!   EUC-JP, EUC-KR (CP949), Big5 and GBK/GB18030 never use those bytes inside
//!   a multi-byte character, so byte offsets stay exact. Each field's bytes are
//!   then turned into UTF-8 by a [`FieldDecoder`], which reports every
//!   malformed byte sequence at its exact offset inside the field.
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

use std::borrow::Cow;

use encoding_rs::{Decoder, DecoderResult, Encoding};
use serde::{Deserialize, Serialize};

/// The text encodings the checker can identify and decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    /// UTF-8 (wire name `utf-8`).
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16 little-endian, Excel's "Unicode text" (wire name `utf-16le`).
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16 big-endian (wire name `utf-16be`).
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// Shift_JIS as Windows code page 932, which is what Excel writes in Japan
    /// (wire name `shift_jis`).
    #[serde(rename = "shift_jis")]
    ShiftJis,
    /// EUC-JP (wire name `euc-jp`).
    #[serde(rename = "euc-jp")]
    EucJp,
    /// EUC-KR as Windows code page 949 / UHC (wire name `euc-kr`).
    #[serde(rename = "euc-kr")]
    EucKr,
    /// Big5 with the HKSCS extensions (wire name `big5`).
    #[serde(rename = "big5")]
    Big5,
    /// GBK, Windows code page 936 (wire name `gbk`).
    #[serde(rename = "gbk")]
    Gbk,
    /// GB18030, the superset of GBK (wire name `gb18030`).
    #[serde(rename = "gb18030")]
    Gb18030,
}

/// Every [`TextEncoding`], in declaration order.
pub const ALL_ENCODINGS: [TextEncoding; 9] = [
    TextEncoding::Utf8,
    TextEncoding::Utf16Le,
    TextEncoding::Utf16Be,
    TextEncoding::ShiftJis,
    TextEncoding::EucJp,
    TextEncoding::EucKr,
    TextEncoding::Big5,
    TextEncoding::Gbk,
    TextEncoding::Gb18030,
];

/// The legacy candidates tried by [`identify`], in tie-breaking order.
pub const IDENTIFY_CANDIDATES: [TextEncoding; 5] = [
    TextEncoding::ShiftJis,
    TextEncoding::EucJp,
    TextEncoding::EucKr,
    TextEncoding::Big5,
    TextEncoding::Gbk,
];

/// Accepted labels (lower case, `_` written as `-`) and their encodings.
const LABELS: &[(&str, TextEncoding)] = &[
    ("utf-8", TextEncoding::Utf8),
    ("utf8", TextEncoding::Utf8),
    ("unicode-1-1-utf-8", TextEncoding::Utf8),
    ("utf-16le", TextEncoding::Utf16Le),
    ("utf16le", TextEncoding::Utf16Le),
    ("utf-16-le", TextEncoding::Utf16Le),
    ("utf-16", TextEncoding::Utf16Le),
    ("utf16", TextEncoding::Utf16Le),
    ("unicode", TextEncoding::Utf16Le),
    ("ucs-2", TextEncoding::Utf16Le),
    ("utf-16be", TextEncoding::Utf16Be),
    ("utf16be", TextEncoding::Utf16Be),
    ("utf-16-be", TextEncoding::Utf16Be),
    ("shift-jis", TextEncoding::ShiftJis),
    ("shiftjis", TextEncoding::ShiftJis),
    ("sjis", TextEncoding::ShiftJis),
    ("x-sjis", TextEncoding::ShiftJis),
    ("cp932", TextEncoding::ShiftJis),
    ("ms932", TextEncoding::ShiftJis),
    ("windows-31j", TextEncoding::ShiftJis),
    ("windows-932", TextEncoding::ShiftJis),
    ("ms-kanji", TextEncoding::ShiftJis),
    ("csshiftjis", TextEncoding::ShiftJis),
    ("euc-jp", TextEncoding::EucJp),
    ("eucjp", TextEncoding::EucJp),
    ("x-euc-jp", TextEncoding::EucJp),
    ("euc-kr", TextEncoding::EucKr),
    ("euckr", TextEncoding::EucKr),
    ("ks-c-5601-1987", TextEncoding::EucKr),
    ("ksc5601", TextEncoding::EucKr),
    ("cp949", TextEncoding::EucKr),
    ("windows-949", TextEncoding::EucKr),
    ("uhc", TextEncoding::EucKr),
    ("korean", TextEncoding::EucKr),
    ("big5", TextEncoding::Big5),
    ("big5-hkscs", TextEncoding::Big5),
    ("cp950", TextEncoding::Big5),
    ("x-x-big5", TextEncoding::Big5),
    ("gbk", TextEncoding::Gbk),
    ("x-gbk", TextEncoding::Gbk),
    ("gb2312", TextEncoding::Gbk),
    ("gb-2312", TextEncoding::Gbk),
    ("euc-cn", TextEncoding::Gbk),
    ("cp936", TextEncoding::Gbk),
    ("windows-936", TextEncoding::Gbk),
    ("gb18030", TextEncoding::Gb18030),
    ("gb-18030", TextEncoding::Gb18030),
];

impl TextEncoding {
    /// The wire name: `utf-8`, `utf-16le`, `utf-16be`, `shift_jis`, `euc-jp`,
    /// `euc-kr`, `big5`, `gbk` or `gb18030` (the same as the serde name).
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::ShiftJis => "shift_jis",
            TextEncoding::EucJp => "euc-jp",
            TextEncoding::EucKr => "euc-kr",
            TextEncoding::Big5 => "big5",
            TextEncoding::Gbk => "gbk",
            TextEncoding::Gb18030 => "gb18030",
        }
    }

    /// Parses a wire name or a common alias, ignoring ASCII case, surrounding
    /// whitespace and the difference between `_` and `-`.
    ///
    /// Aliases include `utf8`; `sjis`, `shift-jis`, `cp932`, `windows-31j`,
    /// `ms932`; `eucjp`; `euckr`, `ks_c_5601-1987`, `cp949`, `korean`;
    /// `big5-hkscs`, `cp950`; `gb2312`, `cp936`; and `utf-16` / `unicode`
    /// (meaning UTF-16 LE, as Excel writes it).
    pub fn from_label(label: &str) -> Option<Self> {
        let label = label.trim();
        if label.is_empty() || label.len() > 32 {
            return None;
        }
        let normalized: String = label
            .chars()
            .map(|c| {
                if c == '_' {
                    '-'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        LABELS
            .iter()
            .find(|(name, _)| *name == normalized)
            .map(|&(_, encoding)| encoding)
    }

    /// A short human-readable name: "UTF-8", "UTF-16 LE", "UTF-16 BE",
    /// "Shift_JIS (CP932)", "EUC-JP", "EUC-KR", "Big5", "GBK", "GB18030".
    pub fn display_name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::ShiftJis => "Shift_JIS (CP932)",
            TextEncoding::EucJp => "EUC-JP",
            TextEncoding::EucKr => "EUC-KR",
            TextEncoding::Big5 => "Big5",
            TextEncoding::Gbk => "GBK",
            TextEncoding::Gb18030 => "GB18030",
        }
    }

    /// One phrase a non-programmer understands: the encoding's name and who
    /// typically writes it.
    pub fn describe(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, TextEncoding::Utf8) => {
                "UTF-8, the Unicode format of most modern systems (Excel: \"CSV UTF-8\")"
            }
            (Lang::En, TextEncoding::Utf16Le) => {
                "UTF-16 LE, the format of Excel's \"Unicode text\" files"
            }
            (Lang::En, TextEncoding::Utf16Be) => {
                "UTF-16 BE, a rarely used Unicode format written by some older Mac and Java tools"
            }
            (Lang::En, TextEncoding::ShiftJis) => "Shift_JIS (CP932), which Excel writes in Japan",
            (Lang::En, TextEncoding::EucJp) => "EUC-JP, used by older Japanese Unix systems",
            (Lang::En, TextEncoding::EucKr) => "EUC-KR (CP949), which Excel writes in Korea",
            (Lang::En, TextEncoding::Big5) => {
                "Big5, which Excel writes in Taiwan and Hong Kong (Traditional Chinese)"
            }
            (Lang::En, TextEncoding::Gbk) => {
                "GBK, which Excel writes in mainland China (Simplified Chinese)"
            }
            (Lang::En, TextEncoding::Gb18030) => {
                "GB18030, the Chinese national standard that extends GBK"
            }
            (Lang::Ja, TextEncoding::Utf8) => {
                "UTF-8 — 現在の多くのシステムが使う Unicode の文字コード（Excel の「CSV UTF-8」）"
            }
            (Lang::Ja, TextEncoding::Utf16Le) => {
                "UTF-16 LE — Excel の「Unicode テキスト」保存で使われる文字コード"
            }
            (Lang::Ja, TextEncoding::Utf16Be) => {
                "UTF-16 BE — 一部の古い Mac や Java のツールが使う、あまり見かけない Unicode の文字コード"
            }
            (Lang::Ja, TextEncoding::ShiftJis) => {
                "Shift_JIS（CP932）— 日本語版 Excel が CSV 保存で使う文字コード"
            }
            (Lang::Ja, TextEncoding::EucJp) => {
                "EUC-JP — 古い日本の Unix 系システムで使われていた文字コード"
            }
            (Lang::Ja, TextEncoding::EucKr) => "EUC-KR（CP949）— 韓国語版 Excel が使う文字コード",
            (Lang::Ja, TextEncoding::Big5) => {
                "Big5 — 繁体字中国語版（台湾・香港）の Excel が使う文字コード"
            }
            (Lang::Ja, TextEncoding::Gbk) => {
                "GBK — 簡体字中国語版（中国本土）の Excel が使う文字コード"
            }
            (Lang::Ja, TextEncoding::Gb18030) => {
                "GB18030 — GBK を拡張した中国の国家規格の文字コード"
            }
        }
    }

    /// The `encoding_rs` encoding that implements this one (WHATWG
    /// definitions: `SHIFT_JIS` is CP932, `EUC_KR` is CP949, `BIG5` is
    /// Big5-HKSCS, `GBK` decodes like GB18030).
    pub fn encoding_rs(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
            TextEncoding::ShiftJis => encoding_rs::SHIFT_JIS,
            TextEncoding::EucJp => encoding_rs::EUC_JP,
            TextEncoding::EucKr => encoding_rs::EUC_KR,
            TextEncoding::Big5 => encoding_rs::BIG5,
            TextEncoding::Gbk => encoding_rs::GBK,
            TextEncoding::Gb18030 => encoding_rs::GB18030,
        }
    }

    /// Whether ASCII bytes stand for ASCII characters and never occur inside a
    /// multi-byte character (false only for UTF-16).
    pub fn is_ascii_compatible(self) -> bool {
        !matches!(self, TextEncoding::Utf16Le | TextEncoding::Utf16Be)
    }

    /// Whether every file valid in `other` is also valid in `self`, for
    /// "accepted encodings": every encoding includes itself, and GB18030
    /// includes GBK.
    pub fn includes(self, other: TextEncoding) -> bool {
        self == other || (self == TextEncoding::Gb18030 && other == TextEncoding::Gbk)
    }
}

/// Message language (the crate's `Lang`; defined here for now).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// Japanese.
    Ja,
}

/// A byte order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum Bom {
    /// EF BB BF (wire name `utf-8`).
    #[serde(rename = "utf-8")]
    Utf8,
    /// FF FE (wire name `utf-16le`).
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// FE FF (wire name `utf-16be`).
    #[serde(rename = "utf-16be")]
    Utf16Be,
}

impl Bom {
    /// The BOM's length in bytes (3 for UTF-8, 2 for UTF-16).
    #[allow(clippy::len_without_is_empty)]
    pub fn len(self) -> usize {
        match self {
            Bom::Utf8 => 3,
            Bom::Utf16Le | Bom::Utf16Be => 2,
        }
    }

    /// The encoding this BOM announces.
    pub fn encoding(self) -> TextEncoding {
        match self {
            Bom::Utf8 => TextEncoding::Utf8,
            Bom::Utf16Le => TextEncoding::Utf16Le,
            Bom::Utf16Be => TextEncoding::Utf16Be,
        }
    }
}

/// Finds a byte order mark at the start of `prefix` (the first `min(len, 3)`
/// bytes of the file). A prefix too short to hold a whole BOM has none.
pub fn sniff_bom(prefix: &[u8]) -> Option<Bom> {
    if prefix.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some(Bom::Utf8)
    } else if prefix.starts_with(&[0xFF, 0xFE]) {
        Some(Bom::Utf16Le)
    } else if prefix.starts_with(&[0xFE, 0xFF]) {
        Some(Bom::Utf16Be)
    } else {
        None
    }
}

/// Detects UTF-16 without a BOM from the first `min(len, 256)` bytes.
///
/// Rule: take the even-length part of the prefix (at least 4 bytes). It is
/// UTF-16 LE when at least 90% of its byte pairs are `[non-zero, 0]` (an
/// ASCII/Latin-1 character), UTF-16 BE for the mirror `[0, non-zero]`, and the
/// prefix is not plausibly anything else: no `[0, 0]` pair (that would be
/// UTF-32 or binary data) and, read as UTF-16, no unpaired surrogate (one cut
/// at the very end is allowed). ASCII-compatible text never contains NUL
/// bytes, so it never matches. UTF-16 whose first 256 bytes are mostly
/// non-Latin characters is not detected (Excel always writes a BOM).
pub fn sniff_utf16(prefix: &[u8]) -> Option<TextEncoding> {
    let prefix = prefix.get(..prefix.len().min(256)).unwrap_or(prefix);
    let even = prefix.get(..prefix.len() & !1).unwrap_or(&[]);
    let pairs = even.len() / 2;
    if pairs < 2 {
        return None;
    }
    let mut le = 0usize;
    let mut be = 0usize;
    for pair in even.chunks_exact(2) {
        match *pair {
            [0, 0] => return None,
            [_, 0] => le += 1,
            [0, _] => be += 1,
            _ => {}
        }
    }
    let candidate = if le * 10 >= pairs * 9 {
        TextEncoding::Utf16Le
    } else if be * 10 >= pairs * 9 {
        TextEncoding::Utf16Be
    } else {
        return None;
    };
    let big_endian = candidate == TextEncoding::Utf16Be;
    let mut units = even.chunks_exact(2).map(|pair| match *pair {
        [a, b] if big_endian => u16::from_be_bytes([a, b]),
        [a, b] => u16::from_le_bytes([a, b]),
        _ => 0,
    });
    while let Some(unit) = units.next() {
        match unit {
            0xD800..=0xDBFF => match units.next() {
                None | Some(0xDC00..=0xDFFF) => {}
                Some(_) => return None,
            },
            0xDC00..=0xDFFF => return None,
            _ => {}
        }
    }
    Some(candidate)
}

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
    scored.sort_by_key(|&(_, s)| std::cmp::Reverse(s));
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
fn count_malformed(encoding: TextEncoding, bytes: &[u8]) -> usize {
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

/// Drives an `encoding_rs` decoder over `src`, appending UTF-8 to `dst`.
///
/// Each malformed sequence is passed to `on_malformed(offset, len)` (offsets
/// relative to `src`); when it returns true, U+FFFD is appended and decoding
/// goes on, otherwise decoding stops. Returns the number of bytes consumed.
fn run_decoder(
    mut decoder: Decoder,
    src: &[u8],
    last: bool,
    dst: &mut String,
    mut on_malformed: impl FnMut(usize, usize) -> bool,
) -> usize {
    let mut pos = 0usize;
    let mut stalls = 0u8;
    loop {
        let rest = src.get(pos..).unwrap_or(&[]);
        let needed = decoder
            .max_utf8_buffer_length_without_replacement(rest.len())
            .unwrap_or_else(|| rest.len().saturating_mul(3))
            .saturating_add(4);
        let spare = dst.capacity().saturating_sub(dst.len());
        if spare < needed {
            dst.reserve(needed);
        }
        let (result, read) = decoder.decode_to_string_without_replacement(rest, dst, last);
        pos = pos.saturating_add(read).min(src.len());
        match result {
            DecoderResult::InputEmpty => return pos,
            DecoderResult::OutputFull => {
                // Cannot happen with the reservation above; guard anyway.
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
    /// upstream by [`Utf16Transcoder`]) it decodes UTF-8.
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
        self.malformed.clear();
        let text = match self.encoding {
            TextEncoding::Utf8 | TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
                decode_utf8(bytes, &mut self.malformed)
            }
            legacy => {
                if bytes.is_ascii() {
                    // ASCII bytes are ASCII characters in every legacy encoding.
                    Cow::Borrowed(std::str::from_utf8(bytes).unwrap_or_default())
                } else {
                    let mut out = String::new();
                    let malformed = &mut self.malformed;
                    run_decoder(
                        legacy.encoding_rs().new_decoder_without_bom_handling(),
                        bytes,
                        true,
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::IntoDeserializer;

    const JA: &str = "mail_address,last_name,first_name,last_name_kana,first_name_kana,phone,department,lang\r\n\
yamada@example.com,山田,太郎,ヤマダ,タロウ,０３－１２３４－５６７８,営業部,ja\r\n\
sato@example.com,佐藤,さくら,サトウ,サクラ,090-1234-5678,経理部①,ja\r\n\
takahashi@example.com,髙橋,一郎,タカハシ,イチロウ,０６－９８７６－５４３２,㈱テスト商事 総務課,ja\r\n\
suzuki@example.com,鈴木,花子,スズキ,ハナコ,045-111-2222,開発本部 第２グループ,ja\r\n";

    /// Half-width katakana readings, as older Japanese systems export them.
    const JA_HALF_WIDTH: &str = "mail_address,name,name_kana,lang\r\n\
yamada@example.com,山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,ja\r\n\
sato@example.com,佐藤 さくら,ｻﾄｳ ｻｸﾗ,ja\r\n\
kobayashi@example.com,小林 健太,ｺﾊﾞﾔｼ ｹﾝﾀ,ja\r\n";

    const KO: &str = "mail_address,name,address,lang\r\n\
kim.minsu@example.kr,김민수,서울특별시 강남구,ko\r\n\
lee.seoyeon@example.kr,이서연,부산광역시 해운대구,ko\r\n\
park.jihoon@example.kr,박지훈,인사팀 과장,ko\r\n\
choi.yuna@example.kr,최유나,영업본부,ko\r\n";

    const ZH_HANT: &str = "mail_address,name,address,lang\r\n\
chan.taiman@example.hk,陳大文,香港九龍旺角,zh-hant\r\n\
lin.meiling@example.tw,林美玲,台北市信義區,zh-hant\r\n\
chang.chihming@example.tw,張志明,人力資源部經理,zh-hant\r\n\
wang.chienkuo@example.tw,王建國,高雄市前鎮區,zh-hant\r\n";

    const ZH_HANS: &str = "mail_address,name,address,lang\r\n\
wang.xiaoming@example.cn,王小明,北京市海淀区,zh-hans\r\n\
li.hua@example.cn,李华,上海市浦东新区,zh-hans\r\n\
zhang.wei@example.cn,张伟,人力资源部经理,zh-hans\r\n\
liu.yang@example.cn,刘洋,广州市天河区,zh-hans\r\n";

    use TextEncoding::*;

    fn encode(text: &str, encoding: TextEncoding) -> Vec<u8> {
        let (bytes, used, unmappable) = encoding.encoding_rs().encode(text);
        assert_eq!(used, encoding.encoding_rs());
        assert!(!unmappable, "{text:?} is not encodable in {encoding:?}");
        bytes.into_owned()
    }

    /// The non-ASCII fields of a simple (unquoted) CSV, joined with b'\n'.
    fn evidence(csv: &[u8]) -> Vec<u8> {
        let fields: Vec<&[u8]> = csv
            .split(|&b| b == b'\n')
            .flat_map(|line| {
                line.strip_suffix(b"\r")
                    .unwrap_or(line)
                    .split(|&b| b == b',')
            })
            .filter(|field| !field.is_ascii())
            .collect();
        fields.join(&b'\n')
    }

    fn identify_sample(csv: &str, encoding: TextEncoding) -> Identification {
        identify(&evidence(&encode(csv, encoding)))
    }

    fn strict(encoding: TextEncoding, candidates: &[TextEncoding]) -> Identification {
        Identification {
            encoding,
            valid_utf8: false,
            strict_candidates: candidates.to_vec(),
            decodes_strictly: true,
        }
    }

    #[test]
    fn identifies_japanese_shift_jis() {
        assert_eq!(
            identify_sample(JA, ShiftJis),
            strict(ShiftJis, &[ShiftJis, Gbk])
        );
    }

    #[test]
    fn identifies_japanese_shift_jis_with_half_width_katakana() {
        assert_eq!(
            identify_sample(JA_HALF_WIDTH, ShiftJis),
            strict(ShiftJis, &[ShiftJis])
        );
    }

    #[test]
    fn identifies_japanese_euc_jp() {
        assert_eq!(identify_sample(JA, EucJp), strict(EucJp, &[EucJp, Gbk]));
    }

    #[test]
    fn identifies_korean_euc_kr() {
        // EUC-JP and GBK read Korean Hangul as level-1 kanji/hanzi, validly.
        assert_eq!(
            identify_sample(KO, EucKr),
            strict(EucKr, &[EucKr, EucJp, Gbk])
        );
    }

    #[test]
    fn identifies_traditional_chinese_big5() {
        assert_eq!(identify_sample(ZH_HANT, Big5), strict(Big5, &[Big5, Gbk]));
    }

    #[test]
    fn identifies_simplified_chinese_gbk() {
        // GB2312 level-1 hanzi in rows B0–CF read as JIS level-1 kanji.
        assert_eq!(identify_sample(ZH_HANS, Gbk), strict(Gbk, &[Gbk, EucJp]));
    }

    #[test]
    fn identifies_short_evidence_as_documented() {
        let id = |text: &str, encoding| identify(&encode(text, encoding)).encoding;
        // Shift_JIS is unambiguous even for two kanji.
        assert_eq!(id("山田", ShiftJis), ShiftJis);
        // EUC-JP, EUC-KR, Big5 and GBK all read `山田` in EUC-JP as two
        // common characters (4 points each): the tie goes to EUC-JP.
        assert_eq!(id("山田", EucJp), EucJp);
        // Open Hangul syllable 수 gives EUC-KR the lead.
        assert_eq!(id("민수", EucKr), EucKr);
        // Two closed syllables tie with the Han readings: EUC-JP wins the tie.
        assert_eq!(id("김민", EucKr), EucJp);
        // Big5 trail bytes below A1 are invalid in EUC-JP and EUC-KR.
        assert_eq!(id("美玲", Big5), Big5);
        assert_eq!(id("陳大", Big5), Big5);
        // GB2312 rows B0–CF read as JIS level-1 kanji: ties go to EUC-JP.
        assert_eq!(id("李华", Gbk), EucJp);
        // 张 (D5C5) is level-1 in GB2312 but level-2 in JIS: GBK wins.
        assert_eq!(id("张伟", Gbk), Gbk);
        // Half-width katakana alone (bytes A1–DF) is read as EUC as well.
        assert_eq!(id("ﾔﾏﾀﾞ", ShiftJis), Gbk);
    }

    #[test]
    fn identifies_valid_utf8() {
        let result = identify(&evidence(JA.as_bytes()));
        assert_eq!(result.encoding, Utf8);
        assert!(result.valid_utf8);
        assert!(result.decodes_strictly);
        assert_eq!(result.strict_candidates.first(), Some(&Utf8));
    }

    #[test]
    fn ascii_or_empty_evidence_is_utf8_and_every_candidate_decodes() {
        for evidence in [&b""[..], b"plain ascii\nfields"] {
            let all = [Utf8, ShiftJis, EucJp, EucKr, Big5, Gbk];
            let result = identify(evidence);
            assert_eq!(
                result,
                Identification {
                    encoding: Utf8,
                    valid_utf8: true,
                    strict_candidates: all.to_vec(),
                    decodes_strictly: true,
                }
            );
        }
    }

    #[test]
    fn identifies_utf8_with_one_corrupted_byte_by_fewest_errors() {
        let mut bytes = evidence(JA.as_bytes());
        // The last byte of 太 (E5 A4 AA) becomes FF: two malformed sequences
        // in UTF-8 (E5 A4, FF); FF is invalid in every legacy candidate too.
        let position = bytes
            .windows(3)
            .position(|w| w == "太".as_bytes())
            .expect("sample contains 太");
        bytes[position + 2] = 0xFF;
        let result = identify(&bytes);
        assert_eq!(
            result,
            Identification {
                encoding: Utf8,
                valid_utf8: false,
                strict_candidates: Vec::new(),
                decodes_strictly: false,
            }
        );
        assert_eq!(count_malformed(Utf8, &bytes), 2);
        for candidate in IDENTIFY_CANDIDATES {
            assert!(count_malformed(candidate, &bytes) > 2, "{candidate:?}");
        }
    }

    #[test]
    fn nothing_decodes_ties_go_to_utf8_then_fixed_order() {
        // FF is one malformed sequence for every candidate.
        let result = identify(b"\xFF");
        assert_eq!(result.encoding, Utf8);
        assert!(!result.decodes_strictly);
        // Shift_JIS text with a stray FF: Shift_JIS has the fewest errors.
        let mut bytes = evidence(&encode(JA, ShiftJis));
        bytes.push(0xFF);
        let result = identify(&bytes);
        assert_eq!(result.encoding, ShiftJis);
        assert!(!result.decodes_strictly);
        assert!(result.strict_candidates.is_empty());
    }

    #[test]
    fn evidence_cut_inside_a_character_is_not_an_error() {
        let sjis = evidence(&encode(JA, ShiftJis));
        let cut = sjis
            .iter()
            .rposition(|&b| b == 0x82)
            .expect("hiragana lead byte");
        assert_eq!(identify(&sjis[..=cut]).encoding, ShiftJis);
        assert!(identify(&sjis[..=cut]).decodes_strictly);
        let utf8 = "山田太郎".as_bytes();
        let result = identify(&utf8[..utf8.len() - 1]);
        assert!(result.valid_utf8);
        assert_eq!(result.encoding, Utf8);
    }

    #[test]
    fn sniffs_boms() {
        assert_eq!(sniff_bom(b"\xEF\xBB\xBF"), Some(Bom::Utf8));
        assert_eq!(sniff_bom(b"\xFF\xFEm"), Some(Bom::Utf16Le));
        assert_eq!(sniff_bom(b"\xFE\xFF\x00"), Some(Bom::Utf16Be));
        assert_eq!(sniff_bom(b"\xEF\xBB"), None);
        assert_eq!(sniff_bom(b""), None);
        assert_eq!(sniff_bom(b"mai"), None);
        assert_eq!(Bom::Utf8.len(), 3);
        assert_eq!(Bom::Utf16Le.len(), 2);
        assert_eq!(Bom::Utf16Be.len(), 2);
        assert_eq!(Bom::Utf8.encoding(), Utf8);
        assert_eq!(Bom::Utf16Le.encoding(), Utf16Le);
        assert_eq!(Bom::Utf16Be.encoding(), Utf16Be);
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn sniffs_utf16_without_bom() {
        let header =
            "mail_address,last_name,first_name,lang\r\nyamada@example.com,山田,太郎,ja\r\n";
        let le = utf16(header, false);
        let be = utf16(header, true);
        assert_eq!(sniff_utf16(&le[..le.len().min(256)]), Some(Utf16Le));
        assert_eq!(sniff_utf16(&be[..be.len().min(256)]), Some(Utf16Be));
        // An odd-length prefix is fine too.
        assert_eq!(sniff_utf16(&le[..9]), Some(Utf16Le));
        assert_eq!(sniff_utf16(header.as_bytes()), None);
        assert_eq!(sniff_utf16(&encode(JA, ShiftJis)[..256]), None);
        assert_eq!(sniff_utf16(&utf16("ab", false)[..3]), None);
        // UTF-32 has [0, 0] pairs.
        assert_eq!(sniff_utf16(b"m\0\0\0a\0\0\0i\0\0\0l\0\0\0"), None);
        // A lone low surrogate is not UTF-16.
        assert_eq!(
            sniff_utf16(b"m\0a\0i\0l\0_\0a\0d\0d\0r\0\x00\xDCe\0s\0s\0,\0n\0a\0m\0e\0"),
            None
        );
        // Mostly non-Latin UTF-16 is not detected (documented limitation).
        assert_eq!(sniff_utf16(&utf16("山田,太郎\r\n", false)), None);
    }

    #[test]
    fn decodes_valid_utf8_borrowed() {
        let mut decoder = FieldDecoder::new(Utf8);
        assert_eq!(decoder.encoding(), Utf8);
        let field = "山田 太郎".as_bytes();
        let decoded = decoder.decode(field);
        assert!(matches!(decoded.text, Cow::Borrowed("山田 太郎")));
        assert!(decoded.malformed.is_empty());
        assert!(decoded.is_clean());
    }

    #[test]
    fn decodes_utf8_reporting_every_malformed_sequence() {
        let mut decoder = FieldDecoder::new(Utf8);
        // FF at 2 (1 byte); E3 81 at 5 cut short by 'x' (2 bytes).
        let decoded = decoder.decode(b"ab\xFFcd\xE3\x81xyz");
        assert_eq!(decoded.text, "ab\u{FFFD}cd\u{FFFD}xyz");
        assert_eq!(
            decoded.malformed,
            &[
                Malformed { offset: 2, len: 1 },
                Malformed { offset: 5, len: 2 }
            ]
        );
        // An incomplete character at the end of a field is malformed.
        let decoded = decoder.decode(b"\xC3\xA9t\xC3\xA9\xE3\x81");
        assert_eq!(decoded.text, "été\u{FFFD}");
        assert_eq!(decoded.malformed, &[Malformed { offset: 5, len: 2 }]);
        // Buffers are reused: a clean field after a dirty one has no errors.
        assert!(decoder.decode(b"ok").malformed.is_empty());
    }

    #[test]
    fn utf16_fields_are_decoded_as_utf8() {
        for encoding in [Utf16Le, Utf16Be] {
            let mut decoder = FieldDecoder::new(encoding);
            assert_eq!(decoder.encoding(), encoding);
            let decoded = decoder.decode("佐藤".as_bytes());
            assert!(matches!(decoded.text, Cow::Borrowed("佐藤")));
        }
    }

    #[test]
    fn decodes_shift_jis_reporting_an_invalid_trail_byte() {
        let mut decoder = FieldDecoder::new(ShiftJis);
        // 山 = 8E 52, then lead 81 followed by a space (invalid trail), 田 = 93 63.
        let decoded = decoder.decode(b"\x8E\x52\x81\x20\x93\x63");
        assert_eq!(decoded.text, "山\u{FFFD} 田");
        assert_eq!(decoded.malformed, &[Malformed { offset: 2, len: 1 }]);
        // Lead 81 with a non-ASCII invalid trail FF: both bytes are malformed.
        let decoded = decoder.decode(b"\x93\x63\x81\xFFab");
        assert_eq!(decoded.text, "田\u{FFFD}ab");
        assert_eq!(decoded.malformed, &[Malformed { offset: 2, len: 2 }]);
        // A lead byte at the very end of the field.
        let decoded = decoder.decode(b"ab\x8E");
        assert_eq!(decoded.text, "ab\u{FFFD}");
        assert_eq!(decoded.malformed, &[Malformed { offset: 2, len: 1 }]);
    }

    #[test]
    fn decodes_legacy_fields() {
        let cases: [(&str, TextEncoding); 7] = [
            ("山田 太郎 ①㈱髙", ShiftJis),
            ("さくら", EucJp),
            ("김민수", EucKr),
            ("陳大文", Big5),
            ("张伟", Gbk),
            ("张伟", Gb18030),
            ("\u{1F600}", Gb18030),
        ];
        for (text, encoding) in cases {
            let bytes = encode(text, encoding);
            let mut decoder = FieldDecoder::new(encoding);
            let decoded = decoder.decode(&bytes);
            assert!(matches!(decoded.text, Cow::Owned(_)));
            assert_eq!(decoded.text, text);
            assert!(decoded.is_clean());
        }
    }

    #[test]
    fn pure_ascii_legacy_fields_are_borrowed() {
        for encoding in ALL_ENCODINGS {
            let mut decoder = FieldDecoder::new(encoding);
            let decoded = decoder.decode(b"yamada@example.com");
            assert!(matches!(decoded.text, Cow::Borrowed("yamada@example.com")));
            assert!(decoded.malformed.is_empty());
        }
    }

    fn transcode_whole(
        encoding: TextEncoding,
        bytes: &[u8],
        start: u64,
    ) -> (Vec<u8>, Vec<(u64, usize)>) {
        let mut transcoder = Utf16Transcoder::new(encoding, start);
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        transcoder.push(bytes, true, &mut out, &mut errors);
        assert_eq!(transcoder.position(), start + bytes.len() as u64);
        (out, errors)
    }

    /// UTF-16 test data: ASCII, kanji, an emoji (surrogate pair), a lone high
    /// surrogate, a lone low surrogate, and an odd trailing byte.
    fn utf16_sample(big_endian: bool) -> Vec<u8> {
        let units: [u16; 9] = [
            0x61, 0x5C71, 0xD83D, 0xDE00, 0xD800, 0x62, 0xDC00, 0x63, 0xD83D,
        ];
        let mut bytes: Vec<u8> = units
            .iter()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect();
        bytes.push(0x41);
        bytes
    }

    #[test]
    fn transcodes_utf16_with_absolute_error_offsets() {
        for (encoding, big_endian) in [(Utf16Le, false), (Utf16Be, true)] {
            let bytes = utf16_sample(big_endian);
            let (out, errors) = transcode_whole(encoding, &bytes, 2);
            assert_eq!(
                String::from_utf8(out).expect("valid UTF-8"),
                "a山\u{1F600}\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}"
            );
            // Offsets include the 2-byte BOM: high surrogate at unit 4, low at
            // unit 6, trailing high at unit 8, odd byte at 2 + 18.
            assert_eq!(errors, vec![(10, 2), (14, 2), (18, 2), (20, 1)]);
        }
    }

    #[test]
    fn transcodes_utf16_identically_at_every_chunking() {
        for (encoding, big_endian) in [(Utf16Le, false), (Utf16Be, true)] {
            let bytes = utf16_sample(big_endian);
            let whole = transcode_whole(encoding, &bytes, 2);
            // One byte at a time.
            let mut transcoder = Utf16Transcoder::new(encoding, 2);
            let (mut out, mut errors) = (Vec::new(), Vec::new());
            for byte in &bytes {
                transcoder.push(std::slice::from_ref(byte), false, &mut out, &mut errors);
            }
            transcoder.push(&[], true, &mut out, &mut errors);
            assert_eq!((out, errors), whole);
            // Two chunks split at every boundary.
            for split in 0..=bytes.len() {
                let mut transcoder = Utf16Transcoder::new(encoding, 2);
                let (mut out, mut errors) = (Vec::new(), Vec::new());
                transcoder.push(&bytes[..split], false, &mut out, &mut errors);
                transcoder.push(&bytes[split..], true, &mut out, &mut errors);
                assert_eq!((out, errors), whole, "split at {split}");
            }
        }
    }

    #[test]
    fn transcodes_lone_high_surrogate_and_odd_byte_at_eof() {
        let (out, errors) = transcode_whole(Utf16Le, b"a\0\x3D\xD8", 0);
        assert_eq!(out, "a\u{FFFD}".as_bytes());
        assert_eq!(errors, vec![(2, 2)]);
        let (out, errors) = transcode_whole(Utf16Be, b"\0a\0", 100);
        assert_eq!(out, "a\u{FFFD}".as_bytes());
        assert_eq!(errors, vec![(102, 1)]);
    }

    #[test]
    fn names_and_descriptions_are_distinct_and_non_empty() {
        let mut seen = std::collections::HashSet::new();
        for encoding in ALL_ENCODINGS {
            for text in [
                encoding.display_name(),
                encoding.describe(Lang::En),
                encoding.describe(Lang::Ja),
            ] {
                assert!(!text.trim().is_empty());
                assert!(seen.insert(text), "duplicate: {text}");
            }
        }
        assert_eq!(seen.len(), ALL_ENCODINGS.len() * 3);
        assert_eq!(ShiftJis.display_name(), "Shift_JIS (CP932)");
        assert_eq!(Utf16Le.display_name(), "UTF-16 LE");
        assert_eq!(
            ShiftJis.describe(Lang::En),
            "Shift_JIS (CP932), which Excel writes in Japan"
        );
        assert_eq!(
            ShiftJis.describe(Lang::Ja),
            "Shift_JIS（CP932）— 日本語版 Excel が CSV 保存で使う文字コード"
        );
    }

    #[test]
    fn labels_round_trip_and_aliases_parse() {
        let labels = [
            "utf-8",
            "utf-16le",
            "utf-16be",
            "shift_jis",
            "euc-jp",
            "euc-kr",
            "big5",
            "gbk",
            "gb18030",
        ];
        for (encoding, label) in ALL_ENCODINGS.into_iter().zip(labels) {
            assert_eq!(encoding.label(), label);
            assert_eq!(TextEncoding::from_label(label), Some(encoding));
            assert_eq!(
                TextEncoding::from_label(&label.to_uppercase()),
                Some(encoding)
            );
            let parsed: Result<TextEncoding, serde::de::value::Error> =
                TextEncoding::deserialize(label.into_deserializer());
            assert_eq!(parsed, Ok(encoding));
        }
        let aliases = [
            ("UTF8", Utf8),
            ("utf-16", Utf16Le),
            ("SJIS", ShiftJis),
            ("Shift-JIS", ShiftJis),
            ("cp932", ShiftJis),
            ("Windows-31J", ShiftJis),
            ("MS932", ShiftJis),
            ("eucjp", EucJp),
            ("EUCKR", EucKr),
            ("ks_c_5601-1987", EucKr),
            ("CP949", EucKr),
            ("korean", EucKr),
            ("Big5-HKSCS", Big5),
            ("GB2312", Gbk),
            ("cp936", Gbk),
            (" gb18030 ", Gb18030),
        ];
        for (alias, encoding) in aliases {
            assert_eq!(TextEncoding::from_label(alias), Some(encoding), "{alias}");
        }
        for bad in [
            "",
            "latin1",
            "shift",
            "utf-32",
            "windows-1252",
            &"x".repeat(100),
        ] {
            assert_eq!(TextEncoding::from_label(bad), None, "{bad}");
        }
        let lang: Result<Lang, serde::de::value::Error> =
            Lang::deserialize("ja".into_deserializer());
        assert_eq!(lang, Ok(Lang::Ja));
        let bom: Result<Bom, serde::de::value::Error> =
            Bom::deserialize("utf-16le".into_deserializer());
        assert_eq!(bom, Ok(Bom::Utf16Le));
    }

    #[test]
    fn encoding_properties() {
        for encoding in ALL_ENCODINGS {
            assert!(encoding.includes(encoding));
            assert_eq!(
                encoding.is_ascii_compatible(),
                !matches!(encoding, Utf16Le | Utf16Be)
            );
        }
        assert!(Gb18030.includes(Gbk));
        assert!(!Gbk.includes(Gb18030));
        assert!(!Utf8.includes(ShiftJis));
        assert!(!ShiftJis.includes(EucJp));
        assert_eq!(Gbk.encoding_rs(), encoding_rs::GBK);
        assert_eq!(Gb18030.encoding_rs(), encoding_rs::GB18030);
        assert_eq!(ShiftJis.encoding_rs(), encoding_rs::SHIFT_JIS);
        assert_eq!(EucKr.encoding_rs(), encoding_rs::EUC_KR);
        assert_eq!(Big5.encoding_rs(), encoding_rs::BIG5);
    }

    /// Pseudo-random bytes (xorshift), biased towards the bytes that matter.
    fn noise(seed: u64, len: usize) -> Vec<u8> {
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let b = (state >> 24) as u8;
                match state % 7 {
                    0 => b'\n',
                    1 => 0x8E,
                    2 => 0xD8 | (b & 0x07),
                    _ => b,
                }
            })
            .collect()
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_offsets_are_consistent() {
        let mut decoders: Vec<FieldDecoder> =
            ALL_ENCODINGS.into_iter().map(FieldDecoder::new).collect();
        for seed in 0..300u64 {
            let bytes = noise(seed, (seed as usize * 7) % 97);
            let result = identify(&bytes);
            assert_eq!(
                result.decodes_strictly,
                !result.strict_candidates.is_empty()
            );
            let _ = sniff_bom(&bytes);
            let _ = sniff_utf16(&bytes);
            for decoder in &mut decoders {
                let decoded = decoder.decode(&bytes);
                let mut previous_end = 0;
                for m in decoded.malformed {
                    assert!(
                        m.len >= 1 && m.offset >= previous_end && m.offset + m.len <= bytes.len()
                    );
                    previous_end = m.offset + m.len;
                }
                let replacements = decoded.text.matches('\u{FFFD}').count();
                assert!(replacements >= decoded.malformed.len());
            }
            for encoding in [Utf16Le, Utf16Be] {
                let (out, errors) = transcode_whole(encoding, &bytes, 3);
                assert!(std::str::from_utf8(&out).is_ok());
                let end = 3 + bytes.len() as u64;
                let in_bounds =
                    |&(offset, len): &(u64, usize)| offset >= 3 && offset + len as u64 <= end;
                assert!(errors.iter().all(in_bounds));
            }
        }
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut evidence = "山田\n太郎\n".as_bytes().to_vec();
        evidence.extend_from_slice(b"\x82\xa0");
        evidence.extend_from_slice("佐藤\n花子".as_bytes());
        let id = identify(&evidence);
        assert_eq!(id.encoding, TextEncoding::Utf8);
        assert!(!id.valid_utf8);
        assert!(!id.decodes_strictly);
        // Too little valid UTF-8 to be sure: the legacy reading wins.
        let sjis = encoding_rs::SHIFT_JIS.encode("山田太郎").0.into_owned();
        assert_eq!(identify(&sjis).encoding, TextEncoding::ShiftJis);
    }
}
