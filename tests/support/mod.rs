//! Helpers of the tests of the learningBOX, FLAT, Canon and CELF profiles: fixtures, a compact
//! listing (one diagnostic per line: file, severity, code, row, column), plans as text, encodings,
//! and the streaming-equals-whole check.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use csv_preflight::plan::{Baseline, Plan, PlanList};
use csv_preflight::profile::ParamValue;
use csv_preflight::{builtin, CheckOptions, Checker, Profile, Report};

/// The fixture directory of a profile (`flat/users-total` → `tests/fixtures/flat-users-total`).
pub fn dir(profile_id: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(profile_id.replace('/', "-"))
}

/// The bytes of a fixture.
pub fn read(profile_id: &str, name: &str) -> Vec<u8> {
    let path = dir(profile_id).join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fixture files of a profile, sorted.
pub fn files(profile_id: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir(profile_id))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Options with parameters.
pub fn options(params: &[(&str, ParamValue)]) -> CheckOptions {
    let mut o = CheckOptions::default();
    for (name, value) in params {
        o.params.insert(name.to_string(), value.clone());
    }
    o
}

/// One line per diagnostic: `file severity code row column`, `-` where there is none; first a
/// line with the verdict and the counts.
pub fn listing(file: &str, report: &Report) -> String {
    let s = &report.summary;
    let mut out = format!(
        "{file}: valid={} rows={} errors={} warnings={} infos={}\n",
        report.valid, s.rows, s.errors, s.warnings, s.infos
    );
    out.push_str(&diagnostics(file, report));
    out
}

/// The diagnostic lines of [`listing`].
pub fn diagnostics(file: &str, report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let file = d.file.as_deref().unwrap_or(file);
        out.push_str(&format!(
            "{file} {} {} row={} column={}\n",
            format!("{:?}", d.severity).to_lowercase(),
            d.code.as_str(),
            d.row.map_or("-".to_string(), |r| r.to_string()),
            d.column.as_deref().map_or("-", str::trim),
        ));
    }
    out
}

/// The (file, code, row, column) tuples of a report, for exact assertions.
pub fn tuples(report: &Report) -> Vec<(String, String, Option<u64>, Option<String>)> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.file.clone().unwrap_or_default(),
                d.code.as_str().to_string(),
                d.row,
                d.column.as_deref().map(|c| c.trim().to_string()),
            )
        })
        .collect()
}

fn list(label: &str, l: &PlanList) -> String {
    format!("{label} {}: {}\n", l.count, l.keys.join(", "))
}

/// A plan as text.
pub fn plan(plan: &Plan) -> String {
    let mut out = format!(
        "mode={:?} baseline={} capped={} after={} without_key={}\n",
        plan.mode,
        plan.baseline_records,
        plan.baseline_capped,
        plan.records_after,
        plan.rows_without_key
    );
    out.push_str(&list("add", &plan.add));
    out.push_str(&list("update", &plan.update));
    out.push_str(&list("unchanged", &plan.unchanged));
    out.push_str(&list("delete", &plan.delete));
    out.push_str(&list("rejected", &plan.rejected));
    out.push_str(&list("conflicts", &plan.conflicts));
    if let Some(s) = &plan.seats {
        out.push_str(&format!("seats {} of {:?}\n", s.counted, s.limit));
    }
    out
}

/// Checks bytes pushed in chunks of `size` (0: whole), optionally against a baseline.
pub fn check_chunked(
    bytes: &[u8],
    profile: &Profile,
    options: CheckOptions,
    baseline: Option<Arc<Baseline>>,
    size: usize,
) -> Report {
    let mut checker = match baseline {
        Some(b) => Checker::with_baseline(profile, options, b).unwrap(),
        None => Checker::new(profile, options).unwrap(),
    };
    if size == 0 {
        checker.push(bytes);
    } else {
        for chunk in bytes.chunks(size) {
            checker.push(chunk);
        }
    }
    checker.finish()
}

/// Checks a fixture of a built-in profile.
pub fn check_fixture(profile_id: &str, name: &str, options: CheckOptions) -> Report {
    let profile = builtin(profile_id).unwrap();
    check_chunked(&read(profile_id, name), &profile, options, None, 0)
}

/// Reads an export (baseline) for a profile.
pub fn baseline(profile: &Profile, bytes: &[u8], options: &CheckOptions) -> Arc<Baseline> {
    Arc::new(Baseline::read(bytes, profile, options).unwrap())
}

/// Asserts that chunks of 1, 7 and 4096 bytes give the whole-buffer report.
pub fn assert_streaming_equal(
    bytes: &[u8],
    profile: &Profile,
    options: &CheckOptions,
    baseline: Option<Arc<Baseline>>,
    what: &str,
) {
    let whole = check_chunked(bytes, profile, options.clone(), baseline.clone(), 0);
    for size in [1, 7, 4096] {
        let chunked = check_chunked(bytes, profile, options.clone(), baseline.clone(), size);
        assert_eq!(chunked, whole, "{what}: chunks of {size} bytes");
    }
}

/// Encodes UTF-8 text in a legacy encoding (the label as encoding_rs knows it), asserting that
/// every character could be encoded.
pub fn encode(text: &str, label: &str) -> Vec<u8> {
    let enc = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "{label} cannot hold all of {text:?}");
    bytes.into_owned()
}

/// The snapshot of every fixture of a profile: valid* files have no diagnostic, warn-* and info-*
/// files are valid with warnings or information, the others are invalid; streaming gives the same.
pub fn snapshot_fixtures(profile_id: &str, minimum: usize) {
    let profile = builtin(profile_id).unwrap();
    let names = files(profile_id);
    assert!(
        names.len() >= minimum,
        "{profile_id}: {} fixtures",
        names.len()
    );
    for name in names {
        let bytes = read(profile_id, &name);
        let options = CheckOptions::default();
        let report = check_chunked(&bytes, &profile, options.clone(), None, 0);
        let snapshot = format!("{}__{}", profile_id.replace('/', "-"), name);
        insta::with_settings!({ snapshot_suffix => snapshot, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(listing(&name, &report));
        });
        if name.starts_with("valid") {
            assert!(
                report.valid && report.diagnostics.is_empty(),
                "{name}: {:?}",
                report.diagnostics
            );
        } else if name.starts_with("warn-") {
            assert!(report.valid && report.summary.warnings > 0, "{name}");
        } else if name.starts_with("info-") {
            assert!(report.valid && report.summary.infos > 0, "{name}");
        } else if !name.starts_with("export") && !name.starts_with("plan-") {
            assert!(!report.valid, "{name}");
        }
        assert_streaming_equal(&bytes, &profile, &options, None, &name);
    }
}
