//! Header rules: which labels, in which order, what unknown columns and markers mean.

use super::*;

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
    /// The system trims spaces around labels itself (CELF documents its header with spaces after
    /// the commas). Otherwise a label with spaces around it is an `untrimmed-label` warning: it
    /// still names its column for the rest of the check, but a system that compares labels
    /// exactly does not find the column.
    #[serde(default)]
    pub trims_labels: bool,
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
    trims_labels: "trimsLabels"(default),
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
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
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
