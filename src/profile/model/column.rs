//! Column rules: the value policy of a column and the checks its values get.

use super::*;

/// What the system expects in a column's cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
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
    /// The column holds secrets (passwords): diagnostics never carry its values, so a report
    /// shown, saved or sent on reveals none.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub secret: bool,
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
    secret: "secret"(default),
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
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
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
