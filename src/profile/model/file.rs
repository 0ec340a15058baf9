//! File-level rules: encodings, byte order mark, delimiters, line endings, file types, preamble,
//! file name.

use super::*;

/// Whether a byte order mark is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum BomPolicy {
    /// With or without.
    #[default]
    Optional,
    /// Must start with a BOM.
    Required,
    /// Must not start with a BOM.
    Forbidden,
}

crate::de::unit_enum!(BomPolicy {
    Optional: "optional",
    Required: "required",
    Forbidden: "forbidden",
});

/// A field delimiter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Delimiter {
    /// `,`
    Comma,
    /// tab
    Tab,
    /// `;`
    Semicolon,
}

crate::de::unit_enum!(Delimiter {
    Comma: "comma",
    Tab: "tab",
    Semicolon: "semicolon",
});

impl Delimiter {
    /// Its name for people, as the messages say it: `comma`, `タブ`.
    pub fn name(self, lang: crate::decode::Lang) -> &'static str {
        use crate::decode::Lang;
        match (self, lang) {
            (Delimiter::Comma, Lang::En) => "comma",
            (Delimiter::Tab, Lang::En) => "tab",
            (Delimiter::Semicolon, Lang::En) => "semicolon",
            (Delimiter::Comma, Lang::Ja) => "カンマ",
            (Delimiter::Tab, Lang::Ja) => "タブ",
            (Delimiter::Semicolon, Lang::Ja) => "セミコロン",
        }
    }

    /// The delimiter byte.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Tab => b'\t',
            Delimiter::Semicolon => b';',
        }
    }
}

/// A record terminator style (for profiles and reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum LineEndingKind {
    /// `\r\n` (Windows, Excel)
    Crlf,
    /// `\n` (macOS, Linux)
    Lf,
    /// `\r` (classic Mac OS)
    Cr,
}

crate::de::unit_enum!(LineEndingKind {
    Crlf: "crlf",
    Lf: "lf",
    Cr: "cr",
});

/// File-level rules.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileRules {
    /// Encodings the system reads.
    pub encodings: Vec<TextEncoding>,
    /// BOM policy.
    #[serde(default)]
    pub bom: BomPolicy,
    /// Accepted delimiters; the first is assumed when the header does not tell.
    pub delimiters: Vec<Delimiter>,
    /// Accepted record terminators; empty means any (but never mixed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub line_endings: Vec<LineEndingKind>,
    /// The kinds of file the system reads, told apart by the name's extension (FLAT: `.tsv` is
    /// tab-separated with CRLF, `.csv` is Excel's CSV). When the name is known, its extension must
    /// be one of them, and that type's delimiter and line endings apply; otherwise the type whose
    /// delimiter the file has.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub file_types: Vec<FileType>,
    /// Rule for the file name, checked when the name is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<FileNameRule>,
    /// Lines before the header row, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<PreambleLine>,
    /// Most data rows the system takes in one file: a number, a parameter, or a parameter minus
    /// others (`{"param": "contractedSeats", "minus": ["administrators"]}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_rows: Option<Quantity>,
    /// Whether a file without data rows is an error (default true).
    #[serde(default = "yes")]
    pub require_rows: bool,
    /// Where the file rules come from (a sentence of the system's manual).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

crate::de::record!(FileRules {
    encodings: "encodings",
    bom: "bom"(default),
    delimiters: "delimiters",
    line_endings: "lineEndings"(default),
    file_types: "fileTypes"(default),
    file_name: "fileName"(default),
    preamble: "preamble"(default),
    max_rows: "maxRows"(default),
    require_rows: "requireRows"(yes()),
    source: "source"(default),
});

fn yes() -> bool {
    true
}

/// A kind of file the system reads, known by its extension.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileType {
    /// The extension, without the dot (compared ignoring ASCII case).
    pub extension: String,
    /// The delimiter a file of this type has.
    pub delimiter: Delimiter,
    /// Accepted record terminators; empty means any (but never mixed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub line_endings: Vec<LineEndingKind>,
    /// Where the type comes from (a sentence of the system's manual).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

crate::de::record!(FileType {
    extension: "extension",
    delimiter: "delimiter",
    line_endings: "lineEndings"(default),
    source: "source"(default),
});

/// A file-name rule.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileNameRule {
    /// Regular expression the whole name must match (linear-time engine, no look-around).
    pub pattern: String,
    /// An example of a good name, shown in the help text.
    pub example: String,
}

crate::de::record!(FileNameRule {
    pattern: "pattern",
    example: "example",
});

/// A line before the header row (FLAT's differential-import identification line).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreambleLine {
    /// The line must start with this text (the rest is free).
    pub starts_with: String,
    /// Shown in messages.
    pub description: Text,
}

crate::de::record!(PreambleLine {
    starts_with: "startsWith",
    description: "description",
});
