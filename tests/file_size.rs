//! `CheckOptions::file_size` is a hint for the unique keys' indexes: whatever size a check is
//! told, right, wrong or absent, the report is the same, duplicates on either side of the point
//! where the index is sized for the whole file among them.

use csv_preflight::{builtin, CheckOptions, Checker, Code, Limits, Report};

const HEADER: &str = "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number";

/// An add-users file of `rows` users (about 1 MB for 20,000; data rows are numbered from 2), in
/// which rows 7,002, 15,003 and 19,001 repeat the keys of rows 2, 9,000 (in capitals) and 18,990.
fn users(rows: usize) -> Vec<u8> {
    let mut csv = format!("{HEADER}\r\n");
    for i in 0..rows {
        let n = match i {
            7_000 => 1,
            15_001 => 8_999,
            18_999 => 18_989,
            _ => i + 1,
        };
        let mail = format!("user{n:07}@example.co.jp");
        let mail = if i == 15_001 {
            mail.to_uppercase()
        } else {
            mail
        };
        csv.push_str(&format!("{mail},山田,太郎,ja,,,,,,,\r\n"));
    }
    csv.into_bytes()
}

/// The streamed check of `bytes` (64 KiB chunks), told `file_size`.
fn checked(bytes: &[u8], file_size: Option<u64>, limits: Limits) -> Report {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let options = CheckOptions {
        file_size,
        limits,
        ..CheckOptions::default()
    };
    let mut checker = Checker::new(&profile, options).unwrap();
    bytes.chunks(64 << 10).for_each(|chunk| checker.push(chunk));
    checker.finish()
}

/// Code, row and first row of every finding.
fn findings(report: &Report) -> Vec<(Code, u64, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.row.unwrap_or(0), d.message.clone()))
        .collect()
}

#[test]
fn any_size_gives_the_same_report() {
    let bytes = users(20_000);
    let len = bytes.len() as u64;
    let told = checked(&bytes, Some(len), Limits::default());
    let duplicates: Vec<(Code, u64)> = told
        .diagnostics
        .iter()
        .map(|d| (d.code, d.row.unwrap_or(0)))
        .collect();
    // Data rows are numbered from 2 (the header is row 1).
    assert_eq!(
        duplicates,
        [
            (Code::UniqueError, 7_002),
            (Code::UniqueError, 15_003),
            (Code::UniqueError, 19_001)
        ]
    );
    for size in [
        None,
        Some(0),
        Some(1),
        Some(len / 10),
        Some(len * 10),
        Some(u64::MAX),
    ] {
        let report = checked(&bytes, size, Limits::default());
        assert_eq!(report, told, "file size {size:?}");
    }
}

#[test]
fn the_index_limit_holds_whatever_the_size() {
    let bytes = users(20_000);
    let limits = Limits {
        max_unique_keys: 12_000,
        ..Limits::default()
    };
    let told = checked(&bytes, Some(u64::MAX), limits);
    let codes: Vec<(Code, u64)> = told
        .diagnostics
        .iter()
        .map(|d| (d.code, d.row.unwrap_or(0)))
        .collect();
    // The 12,001st distinct key (row 12,003) finds the index full; later keys are not indexed, so
    // the repeats in rows 15,003 and 19,001 (of a key indexed before, and of one after) are
    // reported only when their first row was indexed.
    assert_eq!(
        codes,
        [
            (Code::UniqueError, 7_002),
            (Code::IndexLimitReached, 12_003),
            (Code::UniqueError, 15_003)
        ]
    );
    for size in [None, Some(bytes.len() as u64), Some(1)] {
        assert_eq!(
            findings(&checked(&bytes, size, limits)),
            findings(&told),
            "{size:?}"
        );
    }
}
