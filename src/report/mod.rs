//! The report: diagnostics with positions and messages, exact counts, what was detected.

mod capped;
mod code;
mod collector;
mod finding;
mod messages;
mod result_csv;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub(crate) use capped::SeverityCap;
pub use code::{Code, Severity};
pub(crate) use collector::Collector;
pub(crate) use finding::{
    truncate_value, EmailProblem, Expectation, Finding, Kind, Place, MAX_VALUE_CHARS,
};
pub(crate) use messages::render;
pub use result_csv::{result_csv, result_csv_with_baseline, ResultCsv};

use crate::decode::{Bom, TextEncoding};
use crate::profile::{Delimiter, LineEndingKind};

/// One diagnostic as users see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Diagnostic {
    /// Stable kebab-case code.
    pub code: Code,
    /// error, warning or info.
    pub severity: Severity,
    /// Spreadsheet row (header = row 1 when the file has no preamble).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// Physical line where the record starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Byte offset in the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byte: Option<u64>,
    /// The header label of the column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// 1-based column index in the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column_index: Option<u32>,
    /// The offending value (truncated to 80 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The error code the target system would return for this, where known (IWpro `E000000009`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_code: Option<String>,
    /// The file it concerns, when several files are checked together (a bundle).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// Counts over the whole file (exact even when the diagnostics list is capped).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Summary {
    /// Diagnostics of severity error.
    pub errors: u64,
    /// Diagnostics of severity warning.
    pub warnings: u64,
    /// Diagnostics of severity info.
    pub infos: u64,
    /// Data rows (records after the header, blank rows excluded).
    pub rows: u64,
    /// Data rows with at least one error.
    pub rows_with_errors: u64,
    /// Diagnostics by code.
    #[cfg_attr(feature = "wasm", tsify(type = "Partial<Record<Code, number>>"))]
    pub by_code: BTreeMap<Code, u64>,
}

/// What the checker found out about the file itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Detected {
    /// The encoding the file was read with.
    pub encoding: Option<TextEncoding>,
    /// The byte order mark, if any.
    pub bom: Option<Bom>,
    /// The field delimiter.
    pub delimiter: Option<Delimiter>,
    /// The record terminator style (`None`: no terminator seen; `mixed` is reported as a diagnostic
    /// and this holds the most frequent style).
    pub line_ending: Option<LineEndingKind>,
    /// Whether several line-ending styles occur.
    pub mixed_line_endings: bool,
    /// The header labels as written.
    pub header: Vec<String>,
    /// Bytes read.
    pub bytes: u64,
    /// Records read, header and preamble included.
    pub records: u64,
}

/// The result of a check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Report {
    /// No diagnostic of severity error.
    pub valid: bool,
    /// The profile checked against.
    pub profile: String,
    /// The file name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// Exact counts.
    pub summary: Summary,
    /// What was detected about the file.
    pub detected: Detected,
    /// The diagnostics, in file order, at most `maxDiagnostics` of them.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether diagnostics were left out because of the cap (counts stay exact).
    pub diagnostics_capped: bool,
    /// What the import would do, when the check had the system's current export (a baseline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<crate::plan::Plan>,
}
