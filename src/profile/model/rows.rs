//! Row rules (conditions between columns of a row) and unique keys.

use super::*;

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
