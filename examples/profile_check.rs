//! Checks a generated add-users file once, for profilers (`perf record`, callgrind).
//! `cargo run --release --example profile_check [rows]` (default 200,000 rows).
//!
//! The file is the one `tests/js/bench.mjs` generates (valid, Japanese and Latin names, CRLF, the
//! optional columns empty), pushed in 1 MiB chunks. For instruction counts of the check alone:
//! `valgrind --tool=callgrind --toggle-collect='*Checker*' target/release/examples/profile_check`.

use csv_preflight::{builtin, CheckOptions, Checker};

const FAMILY: [&str; 10] = [
    "山田", "佐藤", "鈴木", "高橋", "田中", "Smith", "Müller", "伊藤", "渡辺", "中村",
];
const GIVEN: [&str; 10] = [
    "太郎",
    "花子",
    "John",
    "Anna",
    "翔太",
    "美咲",
    "健一",
    "由美",
    "Lukas",
    "さくら",
];
const OPTIONS: [&str; 5] = ["", "NCS001", "NCS002", "NCS001|NCS003", ""];

/// The add-users file of `bench.mjs`: a header and `rows` distinct, valid users. Not inlined, so
/// that profiles tell its cost apart from the check's.
#[inline(never)]
fn iwpro_file(rows: usize) -> Vec<u8> {
    let mut csv = String::from("mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number\r\n");
    for i in 0..rows {
        let lang = if i % 3 == 0 { "en" } else { "ja" };
        csv.push_str(&format!(
            "user{i:07}@example.co.jp,{},{},{lang},,{},,,,,\r\n",
            FAMILY[i % 10],
            GIVEN[(i * 7) % 10],
            OPTIONS[i % 5],
        ));
    }
    csv.into_bytes()
}

fn main() {
    let rows = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000usize);
    let csv = iwpro_file(rows);
    let profile = builtin("fujifilm-iwpro/add-users").expect("builtin");
    let mut checker = Checker::new(&profile, CheckOptions::default()).expect("profile");
    for chunk in csv.chunks(1 << 20) {
        checker.push(chunk);
    }
    let report = checker.finish();
    println!(
        "{} rows, {} errors",
        report.summary.rows, report.summary.errors
    );
}
