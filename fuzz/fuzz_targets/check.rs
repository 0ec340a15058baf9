//! A check and a result CSV with every built-in profile (first byte), default or tiny limits
//! (second byte): no panic, and the report's counts agree with its diagnostics.
#![no_main]

#[path = "common.rs"]
mod common;

use csv_preflight::{check, result_csv, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((profile, options, csv)) = common::split(data) else {
        return;
    };
    let max = options.max_diagnostics;
    let report = check(csv, profile, options.clone()).expect("built-in profiles compile");
    let row_level = report
        .diagnostics
        .iter()
        .filter(|d| d.row.is_some())
        .count();
    assert!(row_level <= max, "more row diagnostics than the cap");
    let errors = report.summary.errors;
    assert_eq!(report.valid, errors == 0);
    if !report.diagnostics_capped {
        let stored = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count() as u64;
        assert_eq!(stored, errors, "uncapped report lost an error");
    }
    let _ = serde_json::to_string(&report);
    result_csv(csv, profile, options).expect("built-in profiles compile");
});
