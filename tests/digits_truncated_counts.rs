//! `digits-truncated` in a whole column Excel cut (every user's 16-digit IC card number): the
//! count is exact however many there are, the list stops at `maxDiagnostics`, and the result CSV
//! flags every row; one whole long number at the end of the column clears them all. Past the
//! first 1,000 of a column only the rows are held (the memory bound), so these files are longer.

mod common;

use csv_preflight::convert::{convert, ConvertCode, ConvertOptions, ConvertStatus};
use csv_preflight::{builtin, check, result_csv, CheckOptions, Code, Lang, Profile, Severity};

const HEADER: &str = "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number\r\n";

/// Users whose card numbers Excel cut: 16 digits, the last a zero.
const USERS: u64 = 1500;

/// `USERS` add-users rows, each with a cut card number, then `last` as one more card number if
/// given.
fn cut_column(last: Option<&str>) -> String {
    let mut file = HEADER.to_string();
    for i in 0..USERS {
        let card = 100_000_000_000_000 + i;
        file.push_str(&format!(
            "user{i}@example.com,山田,太郎,ja,,,,,,,{card}0\r\n"
        ));
    }
    if let Some(card) = last {
        file.push_str(&format!("last@example.com,山田,花子,ja,,,,,,,{card}\r\n"));
    }
    file
}

/// The add-users profile, with `value-not-needed` (a filled card number, on every row here) an
/// info, so that the warnings are the cut numbers alone.
fn add_users() -> Profile {
    let mut profile = builtin("fujifilm-iwpro/add-users").unwrap();
    profile
        .severities
        .insert(Code::ValueNotNeeded, Severity::Info);
    profile
}

fn truncated(by_code: &std::collections::BTreeMap<Code, u64>) -> u64 {
    by_code.get(&Code::DigitsTruncated).copied().unwrap_or(0)
}

#[test]
fn every_cut_card_number_is_counted_and_the_list_stops_at_max_diagnostics() {
    let profile = add_users();
    let file = cut_column(None);
    for max in [1000, 2000] {
        let options = CheckOptions {
            max_diagnostics: max,
            ..CheckOptions::default()
        };
        let report = check(file.as_bytes(), &profile, options).unwrap();
        assert_eq!(report.summary.warnings, USERS, "max {max}");
        assert_eq!(report.summary.errors, 0, "max {max}");
        assert_eq!(truncated(&report.summary.by_code), USERS, "max {max}");
        let listed: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::DigitsTruncated)
            .collect();
        assert_eq!(listed.len() as u64, USERS.min(max as u64), "max {max}");
        // The cut numbers outrank the infos: when there are more, only they are listed.
        assert_eq!(
            report.diagnostics.len(),
            (2 * USERS).min(max as u64) as usize,
            "max {max}"
        );
        // In row order, each at its row and in the card number's column.
        for (k, d) in listed.iter().enumerate() {
            assert_eq!(d.row, Some(k as u64 + 2), "max {max}");
            assert_eq!(d.column.as_deref(), Some("iccard_number"), "max {max}");
            assert_eq!(d.column_index, Some(11), "max {max}");
        }
        // The first 1,000 are held whole: with the value, the line and the byte.
        let first = listed[0];
        assert_eq!(first.value.as_deref(), Some("1000000000000000"));
        assert_eq!(first.line, Some(2));
        assert!(first.byte.is_some());
        if let Some(past) = listed.get(1000) {
            // Past them, only the row was held.
            assert_eq!(past.row, Some(1002));
            assert_eq!(
                (past.value.as_deref(), past.line, past.byte),
                (None, None, None)
            );
            assert_eq!(past.message, first.message);
        }
    }
}

#[test]
fn the_result_csv_flags_every_row_of_the_cut_column() {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let file = cut_column(None);
    let out = result_csv(file.as_bytes(), &profile, CheckOptions::default()).unwrap();
    let text = String::from_utf8(out.bytes).unwrap();
    let records = common::csv_records(text.strip_prefix('\u{FEFF}').unwrap());
    assert_eq!(records.len() as u64, USERS + 1);
    for (k, record) in records.iter().enumerate().skip(1) {
        let [.., result, codes, _] = record.as_slice() else {
            panic!("{record:?}")
        };
        assert_eq!(
            (result.as_str(), codes.as_str()),
            ("OK", "value-not-needed|digits-truncated"),
            "row {}",
            k + 1
        );
    }
}

#[test]
fn one_whole_card_number_at_the_end_clears_the_column() {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let file = cut_column(Some("1234567890123456"));
    let report = check(file.as_bytes(), &add_users(), CheckOptions::default()).unwrap();
    assert_eq!(truncated(&report.summary.by_code), 0);
    assert_eq!(report.summary.warnings, 0);
    let out = result_csv(file.as_bytes(), &profile, CheckOptions::default()).unwrap();
    let text = String::from_utf8(out.bytes).unwrap();
    assert!(!text.contains("digits-truncated"));
}

/// The converter's count, with the same rule: every cut card number, and the list capped.
#[test]
fn the_converter_counts_every_cut_card_number() {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let options = ConvertOptions {
        from: "fujifilm-iwpro/add-users".into(),
        lang: Lang::En,
        ..ConvertOptions::default()
    };
    let r = convert(cut_column(None).as_bytes(), &profile, options.clone()).unwrap();
    assert_eq!(r.status, ConvertStatus::Ready, "{:?}", r.refusal);
    let cut = |r: &csv_preflight::convert::ConvertResult| {
        r.summary
            .by_code
            .get(&ConvertCode::DigitsTruncated)
            .copied()
            .unwrap_or(0)
    };
    assert_eq!(cut(&r), USERS);
    let listed: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == ConvertCode::DigitsTruncated)
        .collect();
    assert_eq!(listed.len(), 1000);
    assert_eq!(listed[999].row, Some(1001));

    // Past the first 1,000 held, the rows (input and output) and the column are known.
    let more = ConvertOptions {
        max_diagnostics: 2000,
        ..options.clone()
    };
    let r = convert(cut_column(None).as_bytes(), &profile, more).unwrap();
    let listed: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == ConvertCode::DigitsTruncated)
        .collect();
    assert_eq!(listed.len() as u64, USERS);
    for (k, d) in listed.iter().enumerate() {
        assert_eq!(
            (d.row, d.output_row),
            (Some(k as u64 + 2), Some(k as u64 + 2))
        );
        assert_eq!(d.column.as_deref(), Some("iccard_number"));
        assert_eq!(d.column_index, Some(11));
        assert_eq!(d.message, listed[0].message);
    }
    assert_eq!(listed[0].value.as_deref(), Some("1000000000000000"));
    assert_eq!(listed[1000].value, None);

    let whole = cut_column(Some("1234567890123456"));
    let r = convert(whole.as_bytes(), &profile, options).unwrap();
    assert_eq!(cut(&r), 0);
}
