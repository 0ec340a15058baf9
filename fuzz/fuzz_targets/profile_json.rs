//! A custom profile from JSON (before the first NUL byte), compiled, then used to check the bytes
//! after it: loading never panics, and a profile that loads either compiles or is a typed error.
#![no_main]

use csv_preflight::{check, CheckOptions, Profile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (json, csv) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (&data[..nul], &data[nul + 1..]),
        None => (data, &[][..]),
    };
    let Ok(json) = std::str::from_utf8(json) else {
        return;
    };
    let Ok(profile) = Profile::from_json(json) else {
        return;
    };
    let _ = profile.to_json();
    if let Ok(report) = check(csv, &profile, CheckOptions::default()) {
        assert_eq!(report.valid, report.summary.errors == 0);
    }
});
