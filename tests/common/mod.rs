//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use csv_preflight::{Checker, Report};

/// The fixture directory.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `(code, row, column index)` of each diagnostic, in order.
pub fn outline(report: &Report) -> Vec<(&'static str, Option<u64>, Option<u32>)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.row, d.column_index))
        .collect()
}

/// A readable listing of a report: one line for the file facts, one per diagnostic.
pub fn listing(report: &Report) -> String {
    let d = &report.detected;
    let mut out = format!(
        "valid={} rows={} errors={} warnings={} encoding={} bom={} delimiter={} eol={}\n",
        report.valid,
        report.summary.rows,
        report.summary.errors,
        report.summary.warnings,
        d.encoding.map_or("-", |e| e.label()),
        d.bom.is_some(),
        d.delimiter
            .map_or("-".to_string(), |x| format!("{x:?}").to_lowercase()),
        d.line_ending
            .map_or("-".to_string(), |x| format!("{x:?}").to_lowercase()),
    );
    for diag in &report.diagnostics {
        let pos = |label: &str, v: Option<u64>| v.map_or(String::new(), |v| format!(" {label}{v}"));
        out.push_str(&format!(
            "{:<7} {:<24}{}{}{}{}{}{}\n",
            format!("{:?}", diag.severity).to_lowercase(),
            diag.code.as_str(),
            pos("row=", diag.row),
            pos("line=", diag.line),
            diag.column_index
                .map_or(String::new(), |i| format!(" col={i}")),
            diag.column
                .as_ref()
                .map_or(String::new(), |c| format!(" [{c}]")),
            pos("byte=", diag.byte),
            diag.value
                .as_ref()
                .map_or(String::new(), |v| format!(" value={v:?}")),
        ));
    }
    out
}

/// Checks bytes pushed in chunks of `size` (0 = whole).
pub fn check_chunked(
    bytes: &[u8],
    profile: &csv_preflight::Profile,
    options: csv_preflight::CheckOptions,
    size: usize,
) -> Report {
    let mut checker = Checker::new(profile, options).expect("profile compiles");
    if size == 0 {
        checker.push(bytes);
    } else {
        for chunk in bytes.chunks(size) {
            checker.push(chunk);
        }
    }
    checker.finish()
}

/// A fresh, empty directory under the system's temporary directory, one per call (tests run in
/// parallel): `<temp>/csv-preflight-<what>-<process>-<n>`.
pub fn scratch(what: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("csv-preflight-{what}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The names of the files in `dir`, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The records of a comma-separated text (a result CSV after its BOM), as the `csv` crate reads
/// them: no header, rows of any width.
pub fn csv_records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The header labels of FUJIFILM IWpro's add-users file, in the manual's order.
pub const IWPRO_ADD_USERS_LABELS: &[&str] = &[
    "mail_address",
    "family_name",
    "given_name",
    "language",
    "group",
    "option",
    "company_name",
    "department_name",
    "job_title_name",
    "device_user_id",
    "iccard_number",
];
