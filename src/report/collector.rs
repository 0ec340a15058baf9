//! Builds a [`Report`] from the stream of findings: exact counts, capped storage, lazy rendering.

use std::collections::BTreeMap;

use super::capped::SeverityCap;
use crate::decode::Lang;
use crate::report::{
    render, truncate_value, Code, Detected, Diagnostic, Finding, Report, Severity, Summary,
};

/// Collects findings into a report. File-level findings (no row) are always kept: there are few of
/// them and they matter most; row-level ones are kept up to `max_diagnostics`, the most severe
/// first (see [`SeverityCap`]).
pub(crate) struct Collector {
    lang: Lang,
    cap: SeverityCap,
    system_codes: BTreeMap<Code, String>,
    summary: Summary,
    diagnostics: Vec<Diagnostic>,
    /// The plan and the file's key hashes, when the check made them.
    pub(crate) plan: Option<crate::plan::Plan>,
    pub(crate) keys: Option<crate::plan::KeySet>,
}

impl Collector {
    pub(crate) fn new(
        lang: Lang,
        max_diagnostics: usize,
        system_codes: BTreeMap<Code, String>,
    ) -> Self {
        Collector {
            lang,
            cap: SeverityCap::new(max_diagnostics),
            system_codes,
            summary: Summary::default(),
            diagnostics: Vec::new(),
            plan: None,
            keys: None,
        }
    }

    /// Counts a finding and stores it when under the cap.
    pub(crate) fn add(&mut self, finding: &Finding) {
        let code = finding.kind.code();
        *self.summary.by_code.entry(code).or_insert(0) += 1;
        match finding.severity {
            Severity::Error => self.summary.errors += 1,
            Severity::Warning => self.summary.warnings += 1,
            Severity::Info => self.summary.infos += 1,
        }
        let row_level = finding.place.row.is_some();
        if row_level && !self.cap.admit(self.diagnostics.len(), finding.severity) {
            return;
        }
        self.diagnostics.push(self.to_diagnostic(finding));
    }

    /// The file's data rows, and those with an error (counted by the engine).
    pub(crate) fn set_rows(&mut self, rows: u64, rows_with_errors: u64) {
        self.summary.rows = rows;
        self.summary.rows_with_errors = rows_with_errors;
    }

    fn to_diagnostic(&self, finding: &Finding) -> Diagnostic {
        // A label is shortened like a value: a missing quote can make a 1 MiB header label.
        let column = finding.place.column.as_deref().map(truncate_value);
        let column = column.as_deref();
        // Messages name the column without the spaces some headers have (`id, name`).
        let rendered = render(&finding.kind, self.lang, column.map(str::trim));
        let code = finding.kind.code();
        Diagnostic {
            code,
            severity: finding.severity,
            row: finding.place.row,
            line: finding.place.line,
            byte: finding.place.byte,
            column: column.map(str::to_string),
            column_index: finding.place.column_index,
            value: finding.value.clone(),
            message: rendered.message,
            help: rendered.help,
            system_code: self.system_codes.get(&code).cloned(),
            file: None,
        }
    }

    pub(crate) fn finish(
        mut self,
        profile: String,
        file_name: Option<String>,
        detected: Detected,
    ) -> Report {
        self.cap.compact(&mut self.diagnostics);
        // File-level diagnostics first, then by row and column; stable, so emission order breaks ties.
        crate::sort::by_key(&mut self.diagnostics, |d| {
            crate::sort::row_column(d.row.unwrap_or(0), d.column_index.unwrap_or(0))
        });
        Report {
            valid: self.summary.errors == 0,
            profile,
            file_name,
            summary: self.summary,
            detected,
            diagnostics: self.diagnostics,
            diagnostics_capped: self.cap.capped(),
            plan: self.plan,
        }
    }
}
