//! Times the hostile-input corpus (`tests/hostile/cases.rs`): one line per case with its size,
//! the best of three runs and the outcome. A harness that prints numbers, not a timed test.
//!
//! `cargo bench --bench hostile` (the figures in docs/security.md come from it).

#[path = "../tests/hostile/cases.rs"]
mod cases;

use std::time::{Duration, Instant};

use csv_preflight::{builtin, CheckOptions, Checker, Profile, Report};

/// Pushes `bytes` in 64 KiB chunks, as a browser stream does.
fn streamed(bytes: &[u8], profile: &Profile) -> Report {
    let mut checker = Checker::new(profile, CheckOptions::default()).expect("profile compiles");
    for chunk in bytes.chunks(64 << 10) {
        checker.push(chunk);
    }
    checker.finish()
}

fn summary(report: &Report) -> String {
    let codes: Vec<String> = report
        .summary
        .by_code
        .iter()
        .map(|(c, n)| format!("{c}×{n}"))
        .collect();
    codes.join(" ")
}

fn best_of_3<T>(mut run: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..3 {
        let start = Instant::now();
        let result = run();
        best = best.min(start.elapsed());
        out = Some(result);
    }
    match out {
        Some(out) => (best, out),
        None => unreachable!("three runs"),
    }
}

fn line(name: &str, bytes: usize, time: Duration, outcome: &str) {
    let mib_s = bytes as f64 / (1 << 20) as f64 / time.as_secs_f64().max(1e-9);
    println!(
        "{name:<44} {bytes:>10} B {:>10.2} ms {mib_s:>9.1} MiB/s  {outcome}",
        time.as_secs_f64() * 1e3
    );
}

fn csv_case(name: &str, bytes: Vec<u8>, profile: &Profile) {
    let (time, report) = best_of_3(|| streamed(&bytes, profile));
    line(name, bytes.len(), time, &summary(&report));
}

fn profile_case(name: &str, json: String) {
    let (time, result) = best_of_3(|| {
        Profile::from_json(&json).and_then(|p| Checker::new(&p, CheckOptions::default()))
    });
    let outcome = match result {
        Ok(_) => "compiles".to_string(),
        Err(e) => e.to_string(),
    };
    line(name, json.len(), time, &outcome);
}

fn main() {
    let iwpro = builtin(cases::PROFILE).expect("built-in profile");
    println!(
        "{:<44} {:>12} {:>13} {:>15}  outcome",
        "case", "input", "best of 3", "throughput"
    );
    csv_case("10 MiB single field", cases::ten_mb_field(), &iwpro);
    csv_case("100,000 columns", cases::hundred_thousand_columns(), &iwpro);
    csv_case("6 MiB record (3,000 x 2 KiB)", cases::long_record(), &iwpro);
    csv_case(
        "unterminated quote at the start",
        cases::unterminated_quote_at_start(),
        &iwpro,
    );
    csv_case("1 MiB NUL flood", cases::nul_flood(), &iwpro);
    csv_case("100,000 NULs in a cell", cases::nul_cell(), &iwpro);
    csv_case(
        "1,000,000 invalid bytes in a cell",
        cases::invalid_cell(1_000_000),
        &iwpro,
    );
    let short = cases::short_file();
    let (time, ()) = best_of_3(|| {
        for at in 0..short.len() {
            let bytes = cases::invalid_byte_at(at, 0xFF);
            let _ = streamed(&bytes, &iwpro);
        }
    });
    line(
        "0xFF at every position (172 files)",
        short.len() * short.len(),
        time,
        "one encoding-error each",
    );
    csv_case("BOM only", cases::bom_only(), &iwpro);
    csv_case("empty file", cases::empty(), &iwpro);
    csv_case("header only", cases::header_only(), &iwpro);
    csv_case(
        "a million blank lines at the end",
        cases::million_blank_lines(),
        &iwpro,
    );
    csv_case(
        "a million blank rows before a row",
        cases::million_blank_rows(),
        &iwpro,
    );
    csv_case(
        "mixed encodings (mostly UTF-8)",
        cases::mixed_encodings_mostly_utf8(),
        &iwpro,
    );
    csv_case(
        "mixed encodings (balanced)",
        cases::mixed_encodings_balanced(),
        &iwpro,
    );
    profile_case(
        "profile JSON nested 100,000 deep",
        cases::nested_in_a_parameter(100_000),
    );
    profile_case("profile JSON over 1 MiB", cases::huge_profile());
    profile_case(
        "profile of 20,000 columns",
        cases::profile_with_columns(20_000, None),
    );
    profile_case(
        "200 patterns a{500} (over the total)",
        cases::profile_with_columns(200, Some("a{500}")),
    );
    for pattern in [
        "(a*)*b",
        "(a|a)*b",
        "(a+)+$b",
        "(?:.*){20}b",
        "(?:.*){180}b",
    ] {
        let profile = Profile::from_json(&cases::profile_with_pattern(pattern)).expect("loads");
        if let Err(e) = Checker::new(&profile, CheckOptions::default()) {
            println!("{pattern:<44} does not compile: {e}");
            continue;
        }
        // 256 rows of a 4 KiB value (the longest matched) and one row of 1 MB (not matched).
        let mut bytes = b"id\r\n".to_vec();
        for _ in 0..256 {
            bytes.resize(bytes.len() + 4096, b'a');
            bytes.extend_from_slice(b"\r\n");
        }
        csv_case(&format!("pattern {pattern}: 256 x 4 KiB"), bytes, &profile);
        csv_case(
            &format!("pattern {pattern}: 1 MB value"),
            cases::id_row(1_000_000),
            &profile,
        );
    }
}
