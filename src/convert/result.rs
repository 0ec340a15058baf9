//! What a conversion returns: the bytes, the suggested file name, the change log, the conversion's
//! own diagnostics, the mapping used and the report of re-checking the output.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::convert::codes::{ChangeReason, ConvertCode};
use crate::convert::messages::{reason_text, render, Issue};
use crate::convert::Mapping;
use crate::decode::{Bom, Lang, TextEncoding};
use crate::profile::{Delimiter, LineEndingKind};
use crate::report::{truncate_value, Report, Severity, SeverityCap};
use crate::sort;

/// One value that conversion changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// The row in the source file (spreadsheet numbering, header = row 1 without a preamble).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// The row in the converted file (none for rows that were removed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_row: Option<u64>,
    /// The target column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The source column(s) the value came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_column: Option<String>,
    /// The value before the change (truncated to 80 characters).
    pub before: String,
    /// The value after the change (truncated to 80 characters).
    pub after: String,
    /// Why, as a stable code.
    pub reason: ChangeReason,
    /// Why, in words.
    pub message: String,
}

/// A problem or a fact that conversion found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub struct ConvertDiagnostic {
    /// Stable kebab-case code.
    pub code: ConvertCode,
    /// error, warning or info.
    pub severity: Severity,
    /// The row in the source file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// The row in the converted file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_row: Option<u64>,
    /// The target column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// 1-based column index in the converted file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column_index: Option<u32>,
    /// The source column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_column: Option<String>,
    /// 1-based position of the character in the value (for character problems).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_index: Option<u32>,
    /// Byte offset: in the converted file for character problems, in the source file for
    /// source problems.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byte: Option<u64>,
    /// The value concerned (truncated to 80 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// Exact counts, even where the lists are capped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub struct ConvertSummary {
    /// Data rows written.
    pub rows: u64,
    /// Changes made.
    pub changes: u64,
    /// Changes by reason.
    #[cfg_attr(
        feature = "wasm",
        tsify(type = "Partial<Record<ChangeReason, number>>")
    )]
    pub changes_by_reason: BTreeMap<ChangeReason, u64>,
    /// Conversion diagnostics of severity error.
    pub errors: u64,
    /// Conversion diagnostics of severity warning.
    pub warnings: u64,
    /// Conversion diagnostics of severity info.
    pub infos: u64,
    /// Conversion diagnostics by code.
    #[cfg_attr(feature = "wasm", tsify(type = "Partial<Record<ConvertCode, number>>"))]
    pub by_code: BTreeMap<ConvertCode, u64>,
}

/// Whether the converted file may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ConvertStatus {
    /// No error in the conversion nor in the re-check: the file is ready.
    Ready,
    /// Errors remain, but the conversion was forced: the file is written anyway.
    Forced,
    /// Errors remain: the file is not offered (`bytes` is empty).
    Refused,
}

/// The encoding and layout of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub struct FileFormat {
    /// The profile (`header`: a file with its own header).
    pub profile: String,
    /// The encoding (none: only ASCII was seen, which reads the same in every encoding).
    pub encoding: Option<TextEncoding>,
    /// The byte order mark.
    pub bom: Option<Bom>,
    /// The delimiter.
    pub delimiter: Option<Delimiter>,
    /// The line ending.
    pub line_ending: Option<LineEndingKind>,
}

/// The outcome of a conversion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConvertResult {
    /// The converted file; empty when refused. Not serialized: bindings hand it over as bytes.
    #[serde(skip)]
    pub bytes: Vec<u8>,
    /// Whether the file is ready, forced or refused.
    pub status: ConvertStatus,
    /// Why the file was refused (or would have been, when forced).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<String>,
    /// The name to save the file under, e.g. `add-users_hr_2026-11-21.csv` for `hr.csv` (see
    /// `source_file_name` in the options).
    pub file_name: String,
    /// What the source file was.
    pub source: FileFormat,
    /// What the converted file is.
    pub output: FileFormat,
    /// The mapping used (suggested or given); it can be edited and passed back.
    pub mapping: Mapping,
    /// The changes, in file order, at most `maxChanges` of them.
    pub changes: Vec<Change>,
    /// Whether changes were left out because of the cap (counts stay exact).
    pub changes_capped: bool,
    /// The conversion's own diagnostics, file-level first, at most `maxDiagnostics` row-level.
    pub diagnostics: Vec<ConvertDiagnostic>,
    /// Whether diagnostics were left out because of the cap (counts stay exact).
    pub diagnostics_capped: bool,
    /// Exact counts.
    pub summary: ConvertSummary,
    /// The converted file checked against the target profile.
    pub report: Report,
}

/// Where a change or a diagnostic is.
#[derive(Debug, Clone, Default)]
pub(crate) struct At {
    pub row: Option<u64>,
    pub output_row: Option<u64>,
    pub column: Option<String>,
    pub column_index: Option<u32>,
    pub source_column: Option<String>,
    pub char_index: Option<u32>,
    pub byte: Option<u64>,
}

/// What the log shows for a value of a secret column.
pub(crate) const HIDDEN: &str = "********";

/// Collects changes and diagnostics with exact counts and capped lists.
#[derive(Debug, Clone)]
pub(crate) struct Log {
    /// The target's secret columns (passwords): their values are shown as [`HIDDEN`].
    secret: Vec<String>,
    lang: Lang,
    strict_shift_jis: bool,
    max_changes: usize,
    cap: SeverityCap,
    pub changes: Vec<Change>,
    pub changes_capped: bool,
    pub diagnostics: Vec<ConvertDiagnostic>,
    pub diagnostics_capped: bool,
    pub summary: ConvertSummary,
    /// Diagnostics of severity error, by code.
    pub errors_by_code: BTreeMap<ConvertCode, u64>,
}

impl Log {
    pub(crate) fn new(
        lang: Lang,
        strict_shift_jis: bool,
        max_changes: usize,
        max_diagnostics: usize,
        secret: Vec<String>,
    ) -> Self {
        Log {
            secret,
            lang,
            strict_shift_jis,
            max_changes,
            cap: SeverityCap::new(max_diagnostics),
            changes: Vec::new(),
            changes_capped: false,
            diagnostics: Vec::new(),
            diagnostics_capped: false,
            summary: ConvertSummary::default(),
            errors_by_code: BTreeMap::new(),
        }
    }

    /// Records a change of a value.
    pub(crate) fn change(&mut self, at: &At, reason: ChangeReason, before: &str, after: &str) {
        self.record_change(at, reason, before, after, true);
    }

    /// Records a change of a header label (a column's name, never a secret).
    pub(crate) fn label_change(
        &mut self,
        at: &At,
        reason: ChangeReason,
        before: &str,
        after: &str,
    ) {
        self.record_change(at, reason, before, after, false);
    }

    fn record_change(
        &mut self,
        at: &At,
        reason: ChangeReason,
        before: &str,
        after: &str,
        value: bool,
    ) {
        self.summary.changes += 1;
        *self.summary.changes_by_reason.entry(reason).or_insert(0) += 1;
        if self.changes.len() >= self.max_changes {
            self.changes_capped = true;
            return;
        }
        // An empty value tells nothing, nor does the placeholder (Canon's masked `********`).
        let secret = value && self.is_secret(at);
        let shown = |v: &str| {
            if secret && !v.is_empty() {
                HIDDEN.to_string()
            } else {
                v.to_string()
            }
        };
        let (before, after) = (shown(before), shown(after));
        let (before, after) = (before.as_str(), after.as_str());
        self.changes.push(Change {
            row: at.row,
            output_row: at.output_row,
            column: at.column.clone(),
            source_column: at.source_column.clone(),
            before: truncate_value(before),
            after: truncate_value(after),
            reason,
            message: reason_text(reason, self.lang).to_string(),
        });
    }

    fn is_secret(&self, at: &At) -> bool {
        at.column
            .as_ref()
            .is_some_and(|c| self.secret.iter().any(|s| s == c))
    }

    /// The severity of an issue.
    pub(crate) fn severity(&self, issue: &Issue) -> Severity {
        match issue {
            Issue::Cp932Only { .. } if self.strict_shift_jis => Severity::Error,
            Issue::ColumnDropped { rows: 0 } => Severity::Info,
            other => other.code().default_severity(),
        }
    }

    /// Records a diagnostic.
    pub(crate) fn issue(&mut self, at: &At, issue: Issue, value: Option<&str>) {
        let code = issue.code();
        let severity = self.severity(&issue);
        *self.summary.by_code.entry(code).or_insert(0) += 1;
        match severity {
            Severity::Error => {
                self.summary.errors += 1;
                *self.errors_by_code.entry(code).or_insert(0) += 1;
            }
            Severity::Warning => self.summary.warnings += 1,
            Severity::Info => self.summary.infos += 1,
        }
        if at.row.is_some() {
            let admitted = self.cap.admit(self.diagnostics.len(), severity);
            self.diagnostics_capped = self.cap.capped();
            if !admitted {
                return;
            }
        }
        let (message, help) = render(&issue, self.lang);
        self.diagnostics.push(ConvertDiagnostic {
            code,
            severity,
            row: at.row,
            output_row: at.output_row,
            column: at.column.clone(),
            column_index: at.column_index,
            source_column: at.source_column.clone(),
            char_index: at.char_index,
            byte: at.byte,
            value: value.filter(|_| !self.is_secret(at)).map(truncate_value),
            message,
            help,
        });
    }

    /// Sorts diagnostics: file-level first, then by source row and column (stable).
    pub(crate) fn sort(&mut self) {
        self.cap.compact(&mut self.diagnostics);
        sort::by_key(&mut self.diagnostics, |d| {
            sort::row_column(d.row.unwrap_or(0), d.column_index.unwrap_or(0))
        });
        sort::by_key(&mut self.changes, |c| u128::from(c.row.unwrap_or(0)));
    }
}
