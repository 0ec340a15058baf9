//! The profile format, continued: how rows relate to each other, to the other files of a bundle and
//! to what the target system already holds — record keys, references, import modes, seat limits.
//!
//! None of these name a system: learningBOX's "the login ID cannot change", FLAT's delete mode and
//! CELF's licence counting are all stated as data here and checked by generic code.

use serde::Serialize;

use crate::profile::{Condition, Text};

/// The columns that identify a record (a user, a group) — in the file, in the system's current
/// export (the baseline) and in references from other files of a bundle.
///
/// ```json
/// "key": { "columns": ["id"], "alternate": [] }
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyRule {
    /// The key columns (a row with any of them empty has no key).
    pub columns: Vec<String>,
    /// Compare keys ignoring case (Unicode lowercase).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ignore_case: bool,
    /// Other columns that identify a record too (learningBOX: the e-mail address). With a baseline,
    /// a row whose alternate key belongs to a record with another key is a `key-conflict`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternate: Vec<AlternateKey>,
    /// Key columns chosen by tenant parameters (conditions on parameters only): the first entry
    /// that holds replaces `columns` and `ignoreCase` (learningBOX with login IDs turned off
    /// identifies a user by the e-mail address). An alternate key on the same columns then
    /// drops out: a record's key cannot belong to another record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instead: Vec<KeyWhen>,
    /// Where the rule comes from (a sentence of the system's manual).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

crate::de::record!(KeyRule {
    columns: "columns",
    ignore_case: "ignoreCase"(default),
    alternate: "alternate"(default),
    instead: "instead"(default),
    source: "source"(default),
});

/// Key columns chosen by parameters.
///
/// ```json
/// { "when": [{ "param": "loginIdDisabled", "equals": true }], "columns": ["Email address"], "ignoreCase": true }
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyWhen {
    /// Conditions on parameters that must all hold.
    pub when: Vec<Condition>,
    /// The key columns then.
    pub columns: Vec<String>,
    /// Compare keys ignoring case then.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ignore_case: bool,
    /// Where the rule comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

crate::de::record!(KeyWhen {
    when: "when",
    columns: "columns",
    ignore_case: "ignoreCase"(default),
    source: "source"(default),
});

/// A second identity of a record, which must not move to another record by import.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AlternateKey {
    /// The columns.
    pub columns: Vec<String>,
    /// Compare ignoring case.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ignore_case: bool,
    /// Why the record's key cannot simply change, and what to do instead (shown as help).
    pub reason: Text,
    /// Where the rule comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

crate::de::record!(AlternateKey {
    columns: "columns",
    ignore_case: "ignoreCase"(default),
    reason: "reason",
    source: "source"(default),
});

/// Values that must name a record of another file of the bundle (or of its baseline), as in
/// Frictionless' `foreignKeys`.
///
/// ```json
/// "foreignKeys": [{ "columns": ["group-id"], "reference": { "role": "groups" } }]
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ForeignKey {
    /// The referencing columns (matched, in order, to the key columns of the referenced role).
    pub columns: Vec<String>,
    /// What they reference.
    pub reference: Reference,
    /// Where the rule comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

crate::de::record!(ForeignKey {
    columns: "columns",
    reference: "reference",
    source: "source"(default),
});

/// The target of a foreign key: the key of another role of the bundle.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reference {
    /// The bundle role (`users`, `groups`).
    pub role: String,
}

crate::de::record!(Reference { role: "role" });

/// What the rows of an import do to the records the system already holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ImportMode {
    /// Rows add new records or update existing ones; records not in the file stay.
    #[default]
    Merge,
    /// Rows add or update; records not in the file are deleted (total import, replacement).
    Replace,
    /// Rows delete the records they name; every row must match its record exactly.
    Delete,
}

crate::de::unit_enum!(ImportMode {
    Merge: "merge",
    Replace: "replace",
    Delete: "delete",
});

/// How the import is planned against the system's current export.
///
/// ```json
/// "plan": {
///   "modes": [{ "when": [{ "param": "importMode", "equals": "delete" }], "mode": "delete" }],
///   "protect": [{ "param": "administratorEmails" }]
/// }
/// ```
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanRules {
    /// The mode when no entry of `modes` applies.
    #[serde(default)]
    pub mode: ImportMode,
    /// Modes chosen by tenant parameters (conditions on parameters only); the first that holds wins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modes: Vec<ModeWhen>,
    /// Keys a replacing import never deletes (the signed-in user, administrators): parameters or
    /// literal lists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub protect: Vec<crate::profile::ParamOr<Vec<String>>>,
    /// The built-in profile that reads the system's export, when it is not this one (FLAT's export
    /// has the total-import layout also when the import is differential).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_profile: Option<String>,
    /// Where the rules come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

crate::de::record!(PlanRules {
    mode: "mode"(default),
    modes: "modes"(default),
    protect: "protect"(default),
    baseline_profile: "baselineProfile"(default),
    source: "source"(default),
});

/// An import mode chosen by parameters.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ModeWhen {
    /// Conditions on parameters that must all hold.
    pub when: Vec<Condition>,
    /// The mode then.
    pub mode: ImportMode,
}

crate::de::record!(ModeWhen {
    when: "when",
    mode: "mode",
});

/// A licence (seat) limit on the records after import.
///
/// ```json
/// "seats": {
///   "limit": { "param": "licensedUsers" },
///   "uncounted": [{ "when": [{ "column": "suspended?", "equals": "1" }], "reason": {...} }]
/// }
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SeatRule {
    /// How many counted records the tenant may have.
    pub limit: Quantity,
    /// Records that do not count: a row is not counted when all conditions of any entry hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncounted: Vec<Uncounted>,
    /// Where the rule comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

crate::de::record!(SeatRule {
    limit: "limit",
    uncounted: "uncounted"(default),
    source: "source"(default),
});

/// Records that a seat limit does not count.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Uncounted {
    /// Conditions on the row (and parameters) that must all hold.
    pub when: Vec<Condition>,
    /// Which records these are, for the documentation.
    pub reason: Text,
}

crate::de::record!(Uncounted {
    when: "when",
    reason: "reason",
});

/// A count: a literal, or a parameter minus other parameters (FLAT: contracted seats minus
/// administrators). Parameters in `minus` that are unset count as 0; an unset `param` turns the
/// rule off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum Quantity {
    /// A literal count.
    Value(u64),
    /// A count from parameters.
    Param(ParamExpr),
}

/// `{"param": "contractedSeats", "minus": ["administrators"]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParamExpr {
    /// The integer parameter.
    pub param: String,
    /// Integer parameters subtracted from it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub minus: Vec<String>,
}

crate::de::record!(ParamExpr {
    param: "param",
    minus: "minus"(default),
});

/// Values a column must not hold, with the reason (CELF: the signed-in administrator's own ID;
/// FLAT: administrator users).
///
/// ```json
/// "notOneOf": { "values": { "param": "signedInUserId" }, "reason": { "en": "...", "ja": "..." } }
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotOneOf {
    /// The refused values: a literal list or a parameter (text or list).
    pub values: crate::profile::ParamOr<Vec<String>>,
    /// Compare ignoring case (Unicode lowercase).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ignore_case: bool,
    /// Why the system refuses them.
    pub reason: Text,
}

crate::de::record!(NotOneOf {
    values: "values",
    ignore_case: "ignoreCase"(default),
    reason: "reason",
});

/// A character class a value must contain at least once (password policies).
///
/// ```json
/// "mustContain": [{ "class": "ascii-letter" }, { "class": "ascii-digit", "param": "passwordNeedsDigit" }]
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MustContain {
    /// The class.
    pub class: crate::profile::CharClass,
    /// A boolean parameter that turns the requirement on (always on when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
}

crate::de::record!(MustContain {
    class: "class",
    param: "param"(default),
});
