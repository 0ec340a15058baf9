//! Checks a generated 200,000-row add-users file once, for profilers (`perf record`, callgrind).
//! `cargo run --release --example profile_check`

use csv_preflight::{builtin, CheckOptions, Checker};

fn main() {
    let rows = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000usize);
    let mut csv = String::from("mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number\r\n");
    for i in 0..rows {
        let lang = if i % 50 == 49 { "JA" } else { "ja" };
        csv.push_str(&format!(
            "user{i:07}@example.co.jp,山田,太郎,{lang},,NCS001|NCS003,,,,,\r\n"
        ));
    }
    let profile = builtin("fujifilm-iwpro/add-users").expect("builtin");
    let mut checker = Checker::new(&profile, CheckOptions::default()).expect("profile");
    for chunk in csv.as_bytes().chunks(1 << 20) {
        checker.push(chunk);
    }
    let report = checker.finish();
    println!(
        "{} rows, {} errors",
        report.summary.rows, report.summary.errors
    );
}
