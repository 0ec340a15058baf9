//! The profile format: a declarative description of one import file of one target system.
//!
//! Profiles are JSON documents (`formatVersion` 1). Every struct rejects unknown fields so that a typo
//! in a custom profile is an error, never a silently ignored rule. `schema/profile.schema.json` is
//! generated from these types and a test keeps it in lockstep.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::decode::TextEncoding;
use crate::profile::{ForeignKey, KeyRule, MustContain, NotOneOf, PlanRules, Quantity, SeatRule};
use crate::report::{Code, Severity};

/// The profile format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A text in the two languages every message exists in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English.
    pub en: String,
    /// Japanese.
    pub ja: String,
}

crate::de::record!(Text { en: "en", ja: "ja" });

/// One import file of one target system.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Profile {
    /// Always 1 for this format.
    pub format_version: u32,
    /// Stable identifier such as `fujifilm-iwpro/add-users`.
    pub id: String,
    /// The target system, e.g. `FUJIFILM IWpro`.
    pub system: String,
    /// Short human title.
    pub title: Text,
    /// What this file does in the target system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Where the rules come from (document names, URLs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Values a tenant sets (licensed seats, allowed e-mail domains, ...), referenced by rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<Parameter>,
    /// Encoding, delimiter, line endings, file name, preamble and size rules.
    pub file: FileRules,
    /// How the header row is matched to the columns.
    #[serde(default)]
    pub header: HeaderRules,
    /// The columns the system knows.
    pub columns: Vec<Column>,
    /// Constraints between columns of one row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub row_rules: Vec<RowRule>,
    /// Keys that must be unique across the file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unique: Vec<UniqueKey>,
    /// The columns that identify a record, for the baseline plan and for references.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<KeyRule>,
    /// Values that must name a record of another file of the bundle (or of its baseline).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub foreign_keys: Vec<ForeignKey>,
    /// What an import does to the system's records (merge, replace, delete), for the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanRules>,
    /// A licence limit on the records after import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<SeatRule>,
    /// Severity overrides by diagnostic code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(type = "Partial<Record<Code, Severity>>"))]
    pub severities: BTreeMap<Code, Severity>,
    /// The error code the target system itself would return, by diagnostic code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(type = "Partial<Record<Code, string>>"))]
    pub system_codes: BTreeMap<Code, String>,
    /// Rules the system applies that cannot be checked on the client, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unchecked: Vec<Text>,
}

crate::de::record!(Profile {
    format_version: "formatVersion",
    id: "id",
    system: "system",
    title: "title",
    description: "description"(default),
    sources: "sources"(default),
    parameters: "parameters"(default),
    file: "file",
    header: "header"(default),
    columns: "columns",
    row_rules: "rowRules"(default),
    unique: "unique"(default),
    key: "key"(default),
    foreign_keys: "foreignKeys"(default),
    plan: "plan"(default),
    seats: "seats"(default),
    severities: "severities"(default),
    system_codes: "systemCodes"(default),
    unchecked: "unchecked"(default),
});

/// A tenant setting that rules refer to with `{"param": "name"}`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Parameter {
    /// Name used in `{"param": ...}` references and in `--param name=value`.
    pub name: String,
    /// What kind of value it holds.
    #[serde(rename = "type")]
    pub kind: ParamType,
    /// Human title.
    pub title: Text,
    /// Value used when the tenant sets none; `null` turns the rules that need it off.
    #[serde(default)]
    pub default: Option<ParamValue>,
    /// For `string` parameters: the accepted values (empty: any).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Where the setting comes from (a sentence of the system's manual).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

crate::de::record!(Parameter {
    name: "name",
    kind: "type",
    title: "title",
    default: "default"(default),
    values: "values"(default),
    source: "source"(default),
});

/// The type of a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub enum ParamType {
    /// A whole number.
    Integer,
    /// true or false.
    Boolean,
    /// Free text.
    String,
    /// A list of texts (given on the command line separated by commas).
    StringList,
}

crate::de::unit_enum!(ParamType {
    Integer: "integer",
    Boolean: "boolean",
    String: "string",
    StringList: "stringList",
});

/// A parameter value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(untagged)]
pub enum ParamValue {
    /// true or false.
    Boolean(bool),
    /// A whole number.
    Integer(i64),
    /// Free text.
    String(String),
    /// A list of texts.
    StringList(Vec<String>),
}

/// A literal value or a reference to a parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(untagged)]
pub enum ParamOr<T> {
    /// `{"param": "name"}`: the tenant's value (the rule is off while it is unset).
    Param {
        /// Parameter name.
        param: String,
    },
    /// A literal value.
    Value(T),
}

/// Whether a byte order mark is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
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
    file_name: "fileName"(default),
    preamble: "preamble"(default),
    max_rows: "maxRows"(default),
    require_rows: "requireRows"(yes()),
    source: "source"(default),
});

fn yes() -> bool {
    true
}

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

/// How header labels are matched.
#[derive(Debug, Clone, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeaderRules {
    /// Whether columns must follow the profile's order.
    #[serde(default)]
    pub order: ColumnOrder,
    /// What a label that matches no column is.
    #[serde(default)]
    pub unknown_columns: UnknownColumns,
    /// Match labels ignoring ASCII case.
    #[serde(default)]
    pub ignore_case: bool,
    /// A prefix the first label carries, e.g. `#` in FLAT's fields line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_prefix: Option<String>,
    /// Labels that are not columns but markers, such as Canon's `CharSet:UTF8`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markers: Vec<HeaderMarker>,
    /// Where the header rules come from (a sentence of the system's manual).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

crate::de::record!(HeaderRules {
    order: "order"(default),
    unknown_columns: "unknownColumns"(default),
    ignore_case: "ignoreCase"(default),
    label_prefix: "labelPrefix"(default),
    markers: "markers"(default),
    source: "source"(default),
});

/// Column order policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub enum ColumnOrder {
    /// Any order.
    #[default]
    Any,
    /// The profile's order; a different order is a warning (the template's order is safest).
    Template,
    /// The profile's order; a different order is an error.
    Fixed,
}

crate::de::unit_enum!(ColumnOrder {
    Any: "any",
    Template: "template",
    Fixed: "fixed",
});

/// What to do with a label that matches no column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub enum UnknownColumns {
    /// An error: the system rejects the file.
    #[default]
    Error,
    /// A warning: the system ignores the column.
    Warning,
    /// Accepted silently.
    Ignore,
}

crate::de::unit_enum!(UnknownColumns {
    Error: "error",
    Warning: "warning",
    Ignore: "ignore",
});

/// A header label that marks something about the file rather than naming a column.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeaderMarker {
    /// The label, e.g. `CharSet:UTF8`.
    pub label: String,
    /// Other spellings seen in the wild.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The marker must be present when the file has one of these encodings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_for: Vec<TextEncoding>,
}

crate::de::record!(HeaderMarker {
    label: "label",
    aliases: "aliases"(default),
    required_for: "requiredFor"(default),
});

/// Whether a column must appear in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub enum HeaderPresence {
    /// The system rejects a file without this column.
    Required,
    /// The column may be left out.
    #[default]
    Optional,
    /// The column may be left out, but the system then applies a default to every row (a warning).
    Recommended,
}

crate::de::unit_enum!(HeaderPresence {
    Required: "required",
    Optional: "optional",
    Recommended: "recommended",
});

/// What the system expects in a column's cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub enum ValuePolicy {
    /// Every row needs a value.
    Required,
    /// A value may be given.
    #[default]
    Optional,
    /// The manual says it need not be entered: a value is a warning.
    NotNeeded,
    /// The system ignores values here: a value is a warning.
    Ignored,
    /// The cell must be empty.
    Empty,
    /// Written by the system; checked only against a baseline.
    ReadOnly,
    /// New records need a value, existing ones may leave it blank (CELF passwords): with a
    /// baseline a blank for a new record is `missing-value`; without one it is a warning.
    RequiredWhenNew,
}

crate::de::unit_enum!(ValuePolicy {
    Required: "required",
    Optional: "optional",
    NotNeeded: "notNeeded",
    Ignored: "ignored",
    Empty: "empty",
    ReadOnly: "readOnly",
    RequiredWhenNew: "requiredWhenNew",
});

/// One column.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Column {
    /// The header label the system expects.
    pub name: String,
    /// Other accepted labels (Japanese display names, old names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Human title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// Header presence.
    #[serde(default)]
    pub header: HeaderPresence,
    /// Value presence.
    #[serde(default)]
    pub value: ValuePolicy,
    /// Values that stand for "keep the current value" (e.g. `********`); they skip the checks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub masked: Vec<String>,
    /// Canon-style `[...]` brackets: unwrap before checking, and warn where a value needed them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub brackets: bool,
    /// A blank value keeps the record's current value (not compared in the plan).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub blank_keeps: bool,
    /// What the system does with a blank value, reported as information on every blank cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_blank: Option<Text>,
    /// Most distinct values the column may hold across the file (FLAT: 50,000 tags).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_distinct: Option<u64>,
    /// Checks on a non-empty value.
    #[serde(default)]
    pub check: ValueChecks,
    /// Where the rule comes from (a sentence of the system's manual).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

crate::de::record!(Column {
    name: "name",
    aliases: "aliases"(default),
    title: "title"(default),
    header: "header"(default),
    value: "value"(default),
    masked: "masked"(default),
    brackets: "brackets"(default),
    blank_keeps: "blankKeeps"(default),
    when_blank: "whenBlank"(default),
    max_distinct: "maxDistinct"(default),
    check: "check"(default),
    source: "source"(default),
});

/// Checks on one non-empty value (a cell, or an item of a list).
#[derive(Debug, Clone, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValueChecks {
    /// Length limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<Length>,
    /// Allowed and forbidden characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<Chars>,
    /// Whether control characters (U+0000–U+001F, U+007F–U+009F) may appear; default: no.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_control_chars: bool,
    /// The value must be one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<OneOf>,
    /// The value must not be one of these (literal or parameter), for the reason given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_one_of: Option<NotOneOf>,
    /// Character classes the value must contain at least once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must_contain: Vec<MustContain>,
    /// The whole value must match this regular expression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<Pattern>,
    /// A typed value.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ValueType>,
    /// For `digits` and `integer`: most digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_digits: Option<u32>,
    /// For `date`: accepted formats built from `YYYY MM DD hh mm ss mmm` and literal characters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub date_formats: Vec<String>,
    /// For `flag`: the accepted values (default `0`, `1`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flag_values: Vec<String>,
    /// For `email`: the domains allowed (empty list or unset parameter: any).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_domains: Option<ParamOr<Vec<String>>>,
    /// The value is a list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<Box<ListRule>>,
}

crate::de::record!(ValueChecks {
    length: "length"(default),
    chars: "chars"(default),
    allow_control_chars: "allowControlChars"(default),
    one_of: "oneOf"(default),
    not_one_of: "notOneOf"(default),
    must_contain: "mustContain"(default),
    pattern: "pattern"(default),
    kind: "type"(default),
    max_digits: "maxDigits"(default),
    date_formats: "dateFormats"(default),
    flag_values: "flagValues"(default),
    email_domains: "emailDomains"(default),
    list: "list"(default),
});

/// A length limit.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Length {
    /// Fewest units (a number or `{"param": ...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<ParamOr<u32>>,
    /// Most units (a number or `{"param": ...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<ParamOr<u32>>,
    /// What is counted.
    #[serde(default)]
    pub unit: LengthUnit,
    /// For `bytes`: the encoding the system stores the value in (also: characters it cannot hold are errors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

crate::de::record!(Length {
    min: "min"(default),
    max: "max"(default),
    unit: "unit"(default),
    encoding: "encoding"(default),
});

/// What a length counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub enum LengthUnit {
    /// Unicode characters (code points).
    #[default]
    Chars,
    /// Bytes in `encoding` (UTF-8 when unset).
    Bytes,
}

crate::de::unit_enum!(LengthUnit {
    Chars: "chars",
    Bytes: "bytes",
});

/// Character rules.
#[derive(Debug, Clone, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Chars {
    /// When set, only these classes (plus `extra`) are allowed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<CharClass>,
    /// Single characters allowed on top of `allow`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub extra: String,
    /// Characters never allowed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub forbid: String,
    /// Characters of `forbid` that a boolean parameter allows when true (e.g. Canon's "Allow Use of @").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_by: Vec<CharsByParam>,
}

crate::de::record!(Chars {
    allow: "allow"(default),
    extra: "extra"(default),
    forbid: "forbid"(default),
    allowed_by: "allowedBy"(default),
});

/// Characters that a boolean parameter allows.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CharsByParam {
    /// The boolean parameter.
    pub param: String,
    /// The characters it allows.
    pub chars: String,
}

crate::de::record!(CharsByParam {
    param: "param",
    chars: "chars",
});

/// A named character class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "kebab-case")]
pub enum CharClass {
    /// `A–Z a–z`
    AsciiLetter,
    /// `0–9`
    AsciiDigit,
    /// Printable ASCII symbols `!"#$%&'()*+,-./:;<=>?@[\]^_\`{|}~`
    AsciiSymbol,
    /// The ASCII space.
    Space,
    /// Any printable ASCII character including space.
    AsciiPrintable,
    /// Anything in ISO-8859-15 (Latin-9).
    Latin9,
    /// `A–Z`
    AsciiUpper,
    /// `a–z`
    AsciiLower,
}

crate::de::unit_enum!(CharClass {
    AsciiLetter: "ascii-letter",
    AsciiDigit: "ascii-digit",
    AsciiSymbol: "ascii-symbol",
    Space: "space",
    AsciiPrintable: "ascii-printable",
    Latin9: "latin9",
    AsciiUpper: "ascii-upper",
    AsciiLower: "ascii-lower",
});

/// An enumeration.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OneOf {
    /// The accepted values.
    pub values: Vec<String>,
    /// Accept any ASCII case.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ignore_case: bool,
}

crate::de::record!(OneOf {
    values: "values",
    ignore_case: "ignoreCase"(default),
});

/// A regular-expression rule.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Pattern {
    /// The expression; it must match the whole value.
    pub regex: String,
    /// What it means, for the message.
    pub description: Text,
}

crate::de::record!(Pattern {
    regex: "regex",
    description: "description",
});

/// A typed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub enum ValueType {
    /// An e-mail address.
    Email,
    /// Half-width digits only (leading zeros kept).
    Digits,
    /// A whole number, optionally signed.
    Integer,
    /// A flag: `flagValues`, default `0`/`1`.
    Flag,
    /// A date in one of `dateFormats`.
    Date,
}

crate::de::unit_enum!(ValueType {
    Email: "email",
    Digits: "digits",
    Integer: "integer",
    Flag: "flag",
    Date: "date",
});

/// A list inside one cell.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListRule {
    /// The separator, e.g. `|` or `;`.
    pub separator: String,
    /// Most items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u32>,
    /// Whether the same item twice is reported.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unique_items: bool,
    /// Checks on every item.
    #[serde(default)]
    pub item: ValueChecks,
}

crate::de::record!(ListRule {
    separator: "separator",
    max_items: "maxItems"(default),
    unique_items: "uniqueItems"(default),
    item: "item"(default),
});

/// A constraint between columns of one row: when all `when` conditions hold, `then` must.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RowRule {
    /// Conditions that must all hold for the rule to apply.
    pub when: Vec<Condition>,
    /// What is then required.
    pub then: Requirement,
    /// Why, in the words of the manual.
    pub reason: Text,
    /// Severity when violated (default error).
    #[serde(default)]
    pub severity: Option<Severity>,
    /// Where the rule comes from (a sentence of the system's manual).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

crate::de::record!(RowRule {
    when: "when",
    then: "then",
    reason: "reason",
    severity: "severity"(default),
    source: "source"(default),
});

/// A condition on a cell of the row or on a parameter.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Condition {
    /// The column tested (exactly one of `column` and `param`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The parameter tested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// Holds when the value is one of these (for parameters: equal to the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<ParamValue>,
    /// Holds when the value is (true) or is not (false) empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filled: Option<bool>,
    /// Holds when the value is none of these (for parameters: not equal to it; unset counts as
    /// not equal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_equals: Option<ParamValue>,
    /// Holds when the column is (true) or is not (false) in the file's header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
}

crate::de::record!(Condition {
    column: "column"(default),
    param: "param"(default),
    equals: "equals"(default),
    filled: "filled"(default),
    not_equals: "notEquals"(default),
    present: "present"(default),
});

/// What a row rule requires of a column.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Requirement {
    /// The column constrained.
    pub column: String,
    /// The cell must be filled (true) or empty (false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filled: Option<bool>,
    /// The value must be one of these (a list, or a parameter: the rule is off while it is unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<ParamOr<Vec<String>>>,
}

crate::de::record!(Requirement {
    column: "column",
    filled: "filled"(default),
    one_of: "oneOf"(default),
});

/// A key that must be unique across the rows of the file.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UniqueKey {
    /// The columns forming the key (rows with any of them empty are skipped).
    pub columns: Vec<String>,
    /// Compare ignoring case (Unicode lowercase).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ignore_case: bool,
    /// Where the rule comes from (a sentence of the system's manual).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

crate::de::record!(UniqueKey {
    columns: "columns",
    ignore_case: "ignoreCase"(default),
    source: "source"(default),
});
