//! `CheckOptions::file_size` is a hint for the unique keys' indexes: whatever size a check is
//! told, right, wrong or absent, the report is the same, duplicates on either side of the point
//! where the index is sized for the whole file among them.

use csv_preflight::{builtin, CheckOptions, Checker, Code, Limits, Report};
use proptest::prelude::*;

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
    checked_in(bytes, file_size, limits, 64 << 10)
}

/// The check of `bytes` streamed in chunks of `chunk` bytes, told `file_size`.
fn checked_in(bytes: &[u8], file_size: Option<u64>, limits: Limits, chunk: usize) -> Report {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let options = CheckOptions {
        file_size,
        limits,
        ..CheckOptions::default()
    };
    let mut checker = Checker::new(&profile, options).unwrap();
    bytes.chunks(chunk).for_each(|piece| checker.push(piece));
    checker.finish()
}

/// Code and row of every finding.
fn codes_and_rows(report: &Report) -> Vec<(Code, u64)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.row.unwrap_or(0)))
        .collect()
}

#[test]
fn any_size_gives_the_same_report() {
    let bytes = users(20_000);
    let len = bytes.len() as u64;
    let told = checked(&bytes, Some(len), Limits::default());
    // Data rows are numbered from 2 (the header is row 1).
    assert_eq!(
        codes_and_rows(&told),
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
    // The 12,001st distinct key (row 12,003) finds the index full; later keys are not indexed, so
    // the repeats in rows 15,003 and 19,001 (of a key indexed before, and of one after) are
    // reported only when their first row was indexed.
    assert_eq!(
        codes_and_rows(&told),
        [
            (Code::UniqueError, 7_002),
            (Code::IndexLimitReached, 12_003),
            (Code::UniqueError, 15_003)
        ]
    );
    for size in [None, Some(bytes.len() as u64), Some(1)] {
        assert_eq!(checked(&bytes, size, limits), told, "file size {size:?}");
    }
}

/// A file of one row per draw: most rows bring a new address, some repeat the address of a row
/// up to 1,000 rows before (in any case) and some have none, so that duplicates come at random
/// distances while the index keeps growing.
fn drawn(draws: &[(u8, u16, bool)]) -> Vec<u8> {
    let mut csv = format!("{HEADER}\r\n");
    let mut keys: Vec<String> = Vec::new();
    for (i, &(kind, back, upper)) in draws.iter().enumerate() {
        let mail = match kind {
            0 => String::new(),
            1..=3 if !keys.is_empty() => {
                let earlier = &keys[keys.len() - 1 - usize::from(back) % keys.len()];
                if upper {
                    earlier.to_uppercase()
                } else {
                    earlier.clone()
                }
            }
            _ => format!("member{i:05}.example-team@example.co.jp"),
        };
        if !mail.is_empty() {
            keys.push(mail.clone());
        }
        csv.push_str(&format!("{mail},佐藤,花子,en,,,,,,,\r\n"));
    }
    csv.into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Files past the 64 KiB sample, sizes right and wrong, any chunking, index limits: the report
    /// is the one of a check that is not told the size.
    #[test]
    fn a_drawn_file_is_reported_alike_whatever_its_size(
        draws in proptest::collection::vec((0u8..20, 0u16..1_000, any::<bool>()), 1_500..4_000),
        size in prop_oneof![
            Just(None),
            Just(Some(0u64)),
            (0u64..1 << 24).prop_map(Some),
            Just(Some(u64::MAX)),
        ],
        exact in any::<bool>(),
        max_keys in prop_oneof![Just(5_000_000usize), 50usize..3_000],
        chunk in 1_000usize..100_000,
    ) {
        let bytes = drawn(&draws);
        let size = if exact { Some(bytes.len() as u64) } else { size };
        let limits = Limits { max_unique_keys: max_keys, ..Limits::default() };
        let unsized_report = checked(&bytes, None, limits);
        prop_assert_eq!(checked_in(&bytes, size, limits, chunk), unsized_report);
    }
}
