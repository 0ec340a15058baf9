//! The encodings the checker knows: names, descriptions for people, BOMs.

use encoding_rs::Encoding;
use serde::{Deserialize, Serialize};

/// The text encodings the checker can identify and decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
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

crate::de::unit_enum!(TextEncoding {
    Utf8: "utf-8",
    Utf16Le: "utf-16le",
    Utf16Be: "utf-16be",
    ShiftJis: "shift_jis",
    EucJp: "euc-jp",
    EucKr: "euc-kr",
    Big5: "big5",
    Gbk: "gbk",
    Gb18030: "gb18030",
});

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

/// The legacy candidates tried by [`identify`](super::identify), in tie-breaking order.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// Japanese.
    Ja,
}

crate::de::unit_enum!(Lang { En: "en", Ja: "ja" });

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
