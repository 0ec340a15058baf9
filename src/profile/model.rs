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

mod column;
mod file;
mod header;
mod rows;

pub use column::*;
pub use file::*;
pub use header::*;
pub use rows::*;

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
#[non_exhaustive]
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
#[non_exhaustive]
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
