//! No input panics the relational checks: arbitrary bytes as the upload, as the baseline and as
//! the files of a bundle, for every profile of the learningBOX, FLAT, Canon and CELF systems.

use std::sync::Arc;

use csv_preflight::bundle::{builtin_bundle, check_bundle, BundleInput, BundleOptions};
use csv_preflight::plan::Baseline;
use csv_preflight::{builtin, CheckOptions, Checker};
use proptest::prelude::*;

const PROFILES: &[&str] = &[
    "learningbox/users",
    "flat/users-differential",
    "flat/users-total",
    "canon/users",
    "celf/users",
    "celf/groups",
    "celf/affiliations",
];

/// Bytes that look like CSV often enough to reach the rows: headers of the profiles, separators,
/// quotes, line ends and some non-ASCII.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "id".as_bytes(),
        b"name",
        b"password",
        b"group-id",
        b"user-id",
        b"#email",
        b"tag",
        b"permission",
        b"uid",
        b"Login ID",
        b"Email address",
        b"CharSet:UTF8",
        b",",
        b"\t",
        b"\r\n",
        b"\n",
        b"\"",
        b"1",
        b"0",
        b"a@b.jp",
        b"[0123]",
        b"********",
        "山田".as_bytes(),
        b"\xff\xfe",
        b"#Format for differential import",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn uploads_and_baselines_never_panic(upload in csvish(), export in csvish(), which in 0..PROFILES.len()) {
        let profile = builtin(PROFILES[which]).unwrap();
        let options = CheckOptions::default();
        if let Ok(baseline) = Baseline::read(&export, &profile, &options) {
            let mut checker = Checker::with_baseline(&profile, options.clone(), Arc::new(baseline)).unwrap();
            for chunk in upload.chunks(5) {
                checker.push(chunk);
            }
            let _ = checker.finish();
        }
        let _ = csv_preflight::check(&upload, &profile, options);
    }

    #[test]
    fn bundles_never_panic(users in csvish(), groups in csvish(), affiliations in csvish()) {
        let bundle = builtin_bundle("celf").unwrap();
        let inputs = [
            BundleInput { role: Some("users"), name: None, bytes: &users },
            BundleInput { role: Some("groups"), name: None, bytes: &groups },
            BundleInput { role: Some("affiliations"), name: None, bytes: &affiliations },
        ];
        let _ = check_bundle(&bundle, &inputs, BundleOptions::default());
        let unnamed = [BundleInput { role: None, name: None, bytes: &users }];
        let _ = check_bundle(&bundle, &unnamed, BundleOptions::default());
    }
}
