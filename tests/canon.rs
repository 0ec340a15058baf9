//! Canon multifunction device user information CSV (`canon/users`, seed 003): every fixture as a
//! snapshot, every accepted encoding, `[...]` brackets and Excel-damaged values, ISO-8859-15
//! passwords, and read-only columns against the device's export.

mod support;

use csv_preflight::profile::ParamValue;
use csv_preflight::{builtin, CheckOptions, Code, TextEncoding};

const ID: &str = "canon/users";

#[test]
fn every_fixture_matches_its_snapshot_and_streams_the_same() {
    support::snapshot_fixtures(ID, 18);
}

/// The same users in each legacy encoding the device reads (no `CharSet` marker: that is for UTF-8).
#[test]
fn every_accepted_encoding() {
    let profile = builtin(ID).unwrap();
    let header = "uid,password,cn,cn;lang-ja;phonetic,mail,roleName,group\r\n";
    let cases = [
        ("shift_jis", TextEncoding::ShiftJis, "yamada,secret,山田 太郎,ヤマダ タロウ,yamada@example.com,GeneralUser,営業部|開発部\r\nsuzuki,,鈴木 花子,スズキ ハナコ,,GeneralUser,総務部\r\n"),
        ("big5", TextEncoding::Big5, "chen,secret,陳大文,,chen@example.com,GeneralUser,業務部|資訊部\r\nlin,,林美麗,,,GeneralUser,總務部門\r\n"),
        ("gbk", TextEncoding::Gbk, "wang,secret,王小明,,wang@example.com,GeneralUser,销售部|开发部\r\nli,,李晓红,,,GeneralUser,总务部门\r\n"),
        ("euc-kr", TextEncoding::EucKr, "kim,secret,김민준,,kim@example.com,GeneralUser,영업부|개발부\r\npark,,박서연,,,GeneralUser,총무부서\r\n"),
    ];
    for (label, expected, rows) in cases {
        let bytes = support::encode(&format!("{header}{rows}"), label);
        let report = support::check_chunked(&bytes, &profile, CheckOptions::default(), None, 0);
        assert!(
            report.diagnostics.is_empty(),
            "{label}: {:?}",
            report.diagnostics
        );
        assert_eq!(report.detected.encoding, Some(expected), "{label}");
        support::assert_streaming_equal(&bytes, &profile, &CheckOptions::default(), None, label);
    }
}

#[test]
fn utf8_needs_the_charset_marker_in_the_column_line() {
    let report = support::check_fixture(ID, "missing-marker.csv", CheckOptions::default());
    assert_eq!(
        support::diagnostics("missing-marker.csv", &report),
        "missing-marker.csv error missing-header-marker row=1 column=-\n"
    );
}

/// The marker is found missing only once a data row shows the file is UTF-8 (its first non-ASCII
/// byte): the finding stays the header's, so no user's row counts as having an error in the
/// report. The result CSV marks every data row NG with the header's error (the device rejects
/// the file), from the first one.
#[test]
fn a_missing_marker_is_the_header_s_and_fails_every_row_of_the_result_csv() {
    let input = "uid,cn,roleName\r\nyamada,山田,GeneralUser\r\nsuzuki,鈴木,GeneralUser\r\n";
    let profile = builtin(ID).unwrap();
    let report = csv_preflight::check(input.as_bytes(), &profile, CheckOptions::default()).unwrap();
    assert_eq!(
        (report.summary.errors, report.summary.rows_with_errors),
        (1, 0)
    );
    assert_eq!(report.diagnostics[0].row, Some(1));
    let csv =
        csv_preflight::result_csv(input.as_bytes(), &profile, CheckOptions::default()).unwrap();
    assert_eq!(
        String::from_utf8(csv.bytes).unwrap(),
        "\u{feff}uid,cn,roleName,result,codes,messages\r\n\
         yamada,山田,GeneralUser,NG,missing-header-marker,\"row 1 (header): the header needs the \
         marker \"\"CharSet:UTF8\"\" for a UTF-8 file\"\r\n\
         suzuki,鈴木,GeneralUser,NG,missing-header-marker,\"row 1 (header): the header needs the \
         marker \"\"CharSet:UTF8\"\" for a UTF-8 file\"\r\n"
    );
}

/// The marker is known to be missing only at the first row that shows UTF-8, but the result CSV
/// knows it from its first pass: the ASCII row before that row is NG too (the device rejects the
/// file). In Japanese.
#[test]
fn a_missing_marker_fails_every_row() {
    let input = "uid,cn,roleName\r\nsato,Sato,GeneralUser\r\nyamada,山田,GeneralUser\r\n";
    let profile = builtin(ID).unwrap();
    let options = CheckOptions {
        lang: csv_preflight::Lang::Ja,
        ..CheckOptions::default()
    };
    let csv = csv_preflight::result_csv(input.as_bytes(), &profile, options).unwrap();
    let row = "missing-header-marker,1 行目（ヘッダー）：UTF-8 のファイルではヘッダーに「CharSet:UTF8」が必要です";
    assert_eq!(
        String::from_utf8(csv.bytes).unwrap(),
        format!(
            "\u{feff}uid,cn,roleName,結果,コード,メッセージ\r\n\
             sato,Sato,GeneralUser,NG,{row}\r\n\
             yamada,山田,GeneralUser,NG,{row}\r\n"
        )
    );
}

#[test]
fn passwords_are_counted_in_iso_8859_15_bytes() {
    let report = support::check_fixture(ID, "password.csv", CheckOptions::default());
    let got: Vec<(Code, Option<u64>)> =
        report.diagnostics.iter().map(|d| (d.code, d.row)).collect();
    assert_eq!(
        got,
        vec![
            (Code::TooLong, Some(2)),
            (Code::UnencodableCharacter, Some(3)),
            (Code::ControlCharacter, Some(4)),
        ]
    );
    assert_eq!(
        report.diagnostics[0].message,
        "too long: 33 bytes in ISO-8859-15 (at most 32)"
    );
}

#[test]
fn at_sign_in_user_names_follows_the_device_setting() {
    let allowed = support::options(&[("allowAtInUserName", ParamValue::Boolean(true))]);
    let report = support::check_fixture(ID, "uid.csv", allowed);
    let rows: Vec<Option<u64>> = report.diagnostics.iter().map(|d| d.row).collect();
    assert_eq!(
        rows,
        vec![Some(2), Some(3), Some(5), Some(6)],
        "row 4 has the @"
    );
}

#[test]
fn roles_not_registered_fall_back_to_the_initial_role() {
    let options = support::options(&[(
        "registeredRoles",
        ParamValue::StringList(vec!["GeneralUser".into()]),
    )]);
    let report = support::check_fixture(ID, "valid.csv", options);
    assert_eq!(
        support::diagnostics("valid.csv", &report),
        "valid.csv warning row-constraint row=3 column=roleName\n"
    );
    assert!(report.valid);
}

#[test]
fn brackets_are_unwrapped_and_missing_ones_flag_excel() {
    let report = support::check_fixture(ID, "warn-brackets.csv", CheckOptions::default());
    assert!(report.valid);
    let got: Vec<(Code, Option<u64>, Option<&str>)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.row, d.column.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Code::MissingBrackets, Some(2), Some("uid")),
            (Code::MissingBrackets, Some(3), Some("cn")),
            (Code::MissingBrackets, Some(3), Some("dept_id")),
        ]
    );
}

#[test]
fn a_dept_id_in_scientific_notation_is_not_fixed_by_deleting_letters() {
    // `not-digits` used to say "Remove everything that is not a digit", which turns
    // 1.23457E+12 into 12345712, a wrong ID.
    let report = support::check_fixture(ID, "excel-damaged.csv", CheckOptions::default());
    let dept: Vec<(Code, Option<&str>)> = report
        .diagnostics
        .iter()
        .filter(|d| d.column.as_deref() == Some("dept_id"))
        .map(|d| (d.code, d.help.as_deref()))
        .collect();
    assert_eq!(
        dept,
        [
            (
                Code::ScientificNotation,
                Some(
                    "Excel shows long numbers such as IDs as 1.23E+11 and saves them that way; \
                     removing the letters would not bring the digits back. Take the values from \
                     the original system again, and in Excel set the column's format to Text \
                     before pasting them."
                )
            ),
            (
                Code::NotDigits,
                Some(
                    "Do not just delete the letters: Excel saved the number in scientific \
                     notation and its digits are lost. Take the value from the original system \
                     again."
                )
            ),
        ]
    );
}

#[test]
fn read_only_columns_and_the_plan_against_the_export() {
    let profile = builtin(ID).unwrap();
    let options = CheckOptions::default();
    let baseline = support::baseline(&profile, &support::read(ID, "export.csv"), &options);
    let upload = support::read(ID, "plan-upload.csv");
    let report = support::check_chunked(
        &upload,
        &profile,
        options.clone(),
        Some(baseline.clone()),
        0,
    );
    assert_eq!(
        support::diagnostics("plan-upload.csv", &report),
        "plan-upload.csv warning read-only-changed row=3 column=uuid\n\
         plan-upload.csv warning read-only-changed row=5 column=uuid\n"
    );
    assert_eq!(
        report.diagnostics[0].message,
        "\"uuid\" differs from the current export but cannot be changed"
    );
    assert_eq!(
        report.diagnostics[1].message,
        "\"uuid\" is set by the system; a new user's value is not used"
    );
    insta::assert_snapshot!("canon_plan", support::plan(report.plan.as_ref().unwrap()));
    support::assert_streaming_equal(&upload, &profile, &options, Some(baseline), "canon plan");
}

#[test]
fn the_result_csv_against_the_export_carries_its_findings() {
    let profile = builtin(ID).unwrap();
    let options = CheckOptions::default();
    let baseline = support::baseline(&profile, &support::read(ID, "export.csv"), &options);
    let upload = support::read(ID, "plan-upload.csv");
    let lines = |bytes: &[u8]| -> Vec<String> {
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        text.lines().map(str::to_string).collect()
    };
    let with =
        csv_preflight::result_csv_with_baseline(&upload, &profile, options.clone(), baseline)
            .unwrap();
    let without = csv_preflight::result_csv(&upload, &profile, options).unwrap();
    let (with, without) = (lines(&with.bytes), lines(&without.bytes));
    assert_eq!(with.len(), 5);
    assert_eq!(with.len(), without.len());
    // Rows 3 and 5 (spreadsheet rows; the header is row 1) change the read-only uuid: a warning.
    for (i, (w, wo)) in with.iter().zip(&without).enumerate() {
        let row = i + 1;
        if row == 3 || row == 5 {
            assert!(w.contains(",OK,read-only-changed,"), "row {row}: {w}");
            assert!(!wo.contains("read-only-changed"), "row {row}: {wo}");
        } else {
            assert_eq!(w, wo, "row {row}");
        }
    }

    // A baseline read for another profile is refused, as by the checker.
    let flat = builtin("flat/users-total").unwrap();
    let export = support::read("flat/users-total", "export.tsv");
    let other = support::baseline(&flat, &export, &CheckOptions::default());
    let upload = support::read(ID, "plan-upload.csv");
    let error =
        csv_preflight::result_csv_with_baseline(&upload, &profile, CheckOptions::default(), other)
            .unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid baseline: the baseline was read for profile \"flat/users-total\", not \"canon/users\""
    );
}

/// Canon lists the half-width space among the invalid characters of `uid`, `roleName` and
/// `group`, and `dept_id` takes digits only: a space at the edge of such a value is that error,
/// not the `untrimmed-value` warning that columns accepting spaces get.
#[test]
fn spaces_around_values_are_errors_where_the_column_forbids_them() {
    let input = "uid,cn,roleName,group,dept_id\r\n\
                 yamada ,山田 太郎 ,GeneralUser,sales,123\r\n\
                 suzuki,鈴木,GeneralUser ,sales |dev,\r\n\
                 sato,佐藤,GeneralUser, sales,123　\r\n";
    let profile = builtin(ID).unwrap();
    let report = csv_preflight::check(input.as_bytes(), &profile, CheckOptions::default()).unwrap();
    let got: Vec<(Code, Option<u64>, Option<&str>)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code != Code::MissingHeaderMarker)
        .map(|d| (d.code, d.row, d.column.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Code::ForbiddenCharacter, Some(2), Some("uid")),
            (Code::UntrimmedValue, Some(2), Some("cn")),
            (Code::ForbiddenCharacter, Some(3), Some("roleName")),
            (Code::ForbiddenCharacter, Some(3), Some("group")),
            (Code::ForbiddenCharacter, Some(4), Some("group")),
            (Code::NotDigits, Some(4), Some("dept_id")),
        ]
    );
    assert_eq!(
        report.diagnostics[1].message,
        "space (U+0020) is not allowed in \"uid\""
    );
}

/// A date of the right form that does not exist (30 February) is a typing mistake, told apart
/// from a date Excel reformatted.
#[test]
fn a_date_that_does_not_exist_is_not_blamed_on_excel() {
    let report = support::check_fixture(ID, "dates.csv", CheckOptions::default());
    let got: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::InvalidDate)
        .map(|d| (d.column.as_deref(), d.help.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Some("accountExpires"),
                Some("Check the month and the day: 30 February, 31 April and 29 February outside leap years do not exist.")
            ),
            (
                Some("createDate"),
                Some("Excel may have reformatted the date when the file was opened: format the column as text before typing dates.")
            ),
        ]
    );
}

/// `createDate` at midnight in the manual's `YYYYMMDDhhmmssmmm` format is a date, not a number
/// Excel cut: a date column's long numbers are not looked at (`digits-truncated`).
#[test]
fn a_registration_date_at_midnight_is_not_a_cut_number() {
    let text = "uid,password,cn,cn;lang-ja;phonetic,mail,dept_id,dept_pin,roleName,accountExpires,accountDisabled,group,createDate,lastLoginDate\r\n\
                yamada,secret,Yamada Taro,,yamada@example.com,123,,GeneralUser,20261231,0,sales,20250601000000000,\r\n";
    let profile = csv_preflight::builtin("canon/users").unwrap();
    let report = csv_preflight::check(text.as_bytes(), &profile, CheckOptions::default()).unwrap();
    // Only the device's own rule: a long number is written in brackets.
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["missing-brackets"]);
}

/// `CharSet：UTF8` (a full-width colon, the IME on) or `CharSet: UTF8` is not the marker: the
/// unknown label suggests it.
#[test]
fn a_near_miss_marker_suggests_the_marker() {
    let profile = csv_preflight::builtin("canon/users").unwrap();
    for marker in ["CharSet：UTF8", "CharSet: UTF8", "ＣｈａｒＳｅｔ:UTF8"] {
        let text = format!(
            "uid,password,cn,mail,{marker}\r\nyamada,secret,山田 太郎,yamada@example.com,\r\n"
        );
        let report =
            csv_preflight::check(text.as_bytes(), &profile, CheckOptions::default()).unwrap();
        let extra = report
            .diagnostics
            .iter()
            .find(|d| d.code.as_str() == "extra-label")
            .unwrap_or_else(|| panic!("{marker}: {:?}", report.diagnostics));
        assert_eq!(extra.column_index, Some(5), "{marker}");
        assert!(
            extra
                .help
                .as_deref()
                .is_some_and(|h| h.starts_with("Did you mean \"CharSet:UTF8\"?")),
            "{marker}: {:?}",
            extra.help
        );
    }
}
