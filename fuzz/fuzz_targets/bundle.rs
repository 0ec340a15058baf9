//! A bundle check (every built-in bundle, first byte) of up to four files split at NUL bytes, each
//! with its role given or recognised from its header (a bit per file of the second byte), default
//! or tiny limits (third byte). No panic; a run that succeeds reports `valid` exactly when no
//! file has an error, and each file's report agrees with its own counts.
#![no_main]

#[path = "common.rs"]
mod common;

use csv_preflight::bundle::{builtin_bundle, builtin_bundle_ids, check_bundle};
use csv_preflight::bundle::{BundleInput, BundleOptions};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 4] = ["users.csv", "groups.csv", "affiliations.csv", "extra.csv"];

fuzz_target!(|data: &[u8]| {
    let [b, roles, o, rest @ ..] = data else {
        return;
    };
    let ids: Vec<&str> = builtin_bundle_ids().collect();
    let Some(id) = ids.get(usize::from(*b) % ids.len().max(1)) else {
        return;
    };
    let bundle = builtin_bundle(id).expect("built-in bundles load");
    let role_names: Vec<String> = bundle.roles.iter().map(|r| r.role.clone()).collect();
    let inputs: Vec<BundleInput<'_>> = rest
        .split(|&byte| byte == 0)
        .take(4)
        .enumerate()
        .map(|(i, bytes)| BundleInput {
            role: (roles >> i & 1 == 1)
                .then(|| role_names.get(usize::from(roles >> 4) % role_names.len().max(1)))
                .flatten()
                .map(String::as_str),
            name: Some(NAMES[i]),
            bytes,
        })
        .collect();
    let options = BundleOptions {
        check: common::options(*o),
        ..BundleOptions::default()
    };
    // Two files of one role, or a file no role fits, fail the run: fine.
    let Ok(report) = check_bundle(&bundle, &inputs, options) else {
        return;
    };
    assert_eq!(
        report.valid,
        report.files.iter().all(|file| file.report.valid),
        "bundle verdict"
    );
    for file in &report.files {
        assert_eq!(file.report.valid, file.report.summary.errors == 0);
    }
});
