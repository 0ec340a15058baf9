//! A check against a baseline (the system's own export) with every built-in profile: the export
//! before the first NUL byte, the upload after it. No panic; the export read in chunks gives the
//! same report as read whole; the plan's lists hold at most `MAX_PLAN_KEYS` keys and never more
//! than their count; the result CSV with the baseline is written.
#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::Arc;

use csv_preflight::plan::{check_with_baseline, BaselineReader, PlanList, MAX_PLAN_KEYS};
use csv_preflight::{result_csv_with_baseline, CheckOptions, Checker};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((profile, options, rest)) = common::split(data) else {
        return;
    };
    let split = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    let export = &rest[..split];
    let upload = rest.get(split + 1..).unwrap_or(&[]);
    // A profile without a key, or an export the profile cannot read, is an error: fine.
    let Ok(whole) = check_with_baseline(upload, export, profile, options.clone()) else {
        return;
    };
    assert_eq!(whole.valid, whole.summary.errors == 0);
    if let Some(plan) = &whole.plan {
        for list in [
            &plan.add,
            &plan.update,
            &plan.unchanged,
            &plan.delete,
            &plan.rejected,
        ] {
            assert_list(list);
        }
    }

    // The export pushed in two pieces, the upload in three: the same report.
    let mut reader = BaselineReader::new(profile, &options).expect("read once above");
    let half = export.len() / 2;
    reader.push(&export[..half]);
    reader.push(&export[half..]);
    let baseline = Arc::new(reader.finish().expect("read once above"));
    let options = CheckOptions {
        file_size: Some(upload.len() as u64),
        ..options
    };
    let mut checker =
        Checker::with_baseline(profile, options.clone(), Arc::clone(&baseline)).expect("as above");
    let third = upload.len() / 3;
    checker.push(&upload[..third]);
    checker.push(&upload[third..2 * third]);
    checker.push(&upload[2 * third..]);
    assert_eq!(checker.finish(), whole, "chunked != whole");

    result_csv_with_baseline(upload, profile, options, baseline).expect("as above");
});

fn assert_list(list: &PlanList) {
    assert!(list.keys.len() <= MAX_PLAN_KEYS, "more keys than the cap");
    assert_eq!(
        list.keys.len() as u64,
        list.count.min(MAX_PLAN_KEYS as u64),
        "keys and count disagree"
    );
}
