//! learningBOX batch user registration/update (`learningbox/users`, seed 001): every fixture as a
//! snapshot, the tenant parameters, Shift_JIS, and the plan against a user download.

mod support;

use csv_preflight::profile::ParamValue;
use csv_preflight::{builtin, CheckOptions, Code, TextEncoding};

const ID: &str = "learningbox/users";

#[test]
fn every_fixture_matches_its_snapshot_and_streams_the_same() {
    support::snapshot_fixtures(ID, 15);
}

#[test]
fn exact_diagnostics_of_the_login_id_rules() {
    let report = support::check_fixture(ID, "login-id.csv", CheckOptions::default());
    let got: Vec<(Code, Option<u64>, Option<&str>)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.row, d.column.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Code::TooShort, Some(2), Some("Login ID")),
            (Code::TooLong, Some(3), Some("Login ID")),
            (Code::InvalidCharacter, Some(4), Some("Login ID")),
            (Code::InvalidCharacter, Some(5), Some("Login ID")),
        ]
    );
}

/// Passwords are secrets: no diagnostic carries one, so a report shown, saved or sent on reveals
/// none; other columns keep their values.
#[test]
fn diagnostics_never_carry_a_password() {
    let report = support::check_fixture(ID, "password.csv", CheckOptions::default());
    let password: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.column.as_deref() == Some("Password"))
        .collect();
    assert_eq!(password.len(), 8);
    assert!(password.iter().all(|d| d.value.is_none()), "{password:?}");
    let report = support::check_fixture(ID, "login-id.csv", CheckOptions::default());
    assert!(report.diagnostics.iter().all(|d| d.value.is_some()));
}

#[test]
fn password_needs_a_letter_and_a_digit() {
    let report = support::check_fixture(ID, "password.csv", CheckOptions::default());
    let got: Vec<(&str, Option<u64>)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.row))
        .collect();
    assert_eq!(
        got,
        vec![
            ("too-short", Some(2)),
            ("missing-character-class", Some(3)),
            ("missing-character-class", Some(4)),
            ("invalid-character", Some(5)),
            ("too-long", Some(6)),
            // Full-width letters and digits: the width is the one mistake (its classes count as
            // their half-width forms); full-width letters alone still lack a digit.
            ("invalid-character", Some(7)),
            ("invalid-character", Some(8)),
            ("missing-character-class", Some(8)),
        ]
    );
    assert_eq!(
        report.diagnostics[1].message,
        "the value needs at least one of: half-width digits"
    );
    assert_eq!(
        report.diagnostics[5].help.as_deref(),
        Some("Use only half-width letters, half-width digits, half-width symbols. It is a full-width character: type it in half-width (turn the Japanese input mode off).")
    );
}

#[test]
fn login_ids_turned_off_means_the_sign_in_column_stays_blank() {
    let options = support::options(&[("loginIdDisabled", ParamValue::Boolean(true))]);
    let report = support::check_fixture(ID, "valid.csv", options);
    assert_eq!(
        support::diagnostics("valid.csv", &report),
        "valid.csv error row-constraint row=2 column=Login ID\n\
         valid.csv error row-constraint row=3 column=Login ID\n\
         valid.csv error row-constraint row=4 column=Login ID\n"
    );
    assert_eq!(
        report.diagnostics[0].message,
        "\"Login ID\" must be empty: login IDs are turned off in Input field settings, so the sign-in column stays blank"
    );
}

/// With login IDs turned off a value in the column is the rule's error only: not also too short
/// or of characters the column would not take (the admin review).
#[test]
fn login_ids_turned_off_make_the_column_s_value_checks_moot() {
    let text = "Login ID,Name,Email address\r\nab,山田 太郎,yamada@example.com\r\n";
    let options = support::options(&[("loginIdDisabled", ParamValue::Boolean(true))]);
    let report = csv_preflight::check(text.as_bytes(), &builtin(ID).unwrap(), options).unwrap();
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["row-constraint"]);
    let on = csv_preflight::check(
        text.as_bytes(),
        &builtin(ID).unwrap(),
        CheckOptions::default(),
    )
    .unwrap();
    let codes: Vec<&str> = on.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["too-short"]);
}

#[test]
fn permissions_need_the_right_to_grant_them() {
    let options = support::options(&[("canGrantPermissions", ParamValue::Boolean(false))]);
    let report = support::check_fixture(ID, "valid-role.csv", options);
    assert_eq!(
        support::diagnostics("valid-role.csv", &report),
        "valid-role.csv error row-constraint row=2 column=Role\n"
    );
    let allowed = support::options(&[("canGrantPermissions", ParamValue::Boolean(true))]);
    assert!(support::check_fixture(ID, "valid-role.csv", allowed).valid);
}

#[test]
fn shift_jis_is_accepted() {
    let profile = builtin(ID).unwrap();
    let text = String::from_utf8(support::read(ID, "valid.csv")).unwrap();
    let bytes = support::encode(&text, "shift_jis");
    let report = support::check_chunked(&bytes, &profile, CheckOptions::default(), None, 0);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(report.detected.encoding, Some(TextEncoding::ShiftJis));
    support::assert_streaming_equal(&bytes, &profile, &CheckOptions::default(), None, "sjis");
}

#[test]
fn plan_against_the_user_download() {
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
    insta::assert_snapshot!(
        "learningbox_plan",
        format!(
            "{}{}",
            support::listing("plan-upload.csv", &report),
            support::plan(report.plan.as_ref().unwrap())
        )
    );
    // The e-mail of an existing user under another login ID: an error that points to "Edit user".
    let conflict = report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::KeyConflict)
        .unwrap();
    assert_eq!(
        (conflict.row, conflict.column.as_deref()),
        (Some(4), Some("Email address"))
    );
    assert_eq!(
        conflict.message,
        "\"Email address\" belongs to another user in the current export (row 4)"
    );
    assert!(conflict.help.as_deref().unwrap().contains("\"Edit user\""));
    support::assert_streaming_equal(&upload, &profile, &options, Some(baseline), "plan");
}

#[test]
fn a_login_id_excel_saved_in_scientific_notation_is_a_warning_in_utf8_and_shift_jis() {
    let utf8 = std::fs::read("tests/fixtures/learningbox-users/warn-excel-damaged.csv").unwrap();
    let text = String::from_utf8(utf8.clone()).unwrap();
    let sjis = encoding_rs::SHIFT_JIS.encode(&text).0.into_owned();
    let profile = builtin(ID).unwrap();
    for bytes in [utf8, sjis] {
        let report = csv_preflight::check(&bytes, &profile, CheckOptions::default()).unwrap();
        let got: Vec<_> = report
            .diagnostics
            .iter()
            .map(|d| (d.code, d.row, d.column.as_deref(), d.value.as_deref()))
            .collect();
        assert_eq!(
            got,
            [(
                Code::ScientificNotation,
                Some(2),
                Some("Login ID"),
                Some("1.23E+11")
            )]
        );
        assert!(report.valid);
    }
}

/// Login IDs Excel cut to 15 significant digits (the rest zeros) are a warning, row and column
/// named, when every long number of the column ends so: reported at the end of the file, in row
/// order. 15 digits, leading zeros (text to Excel) and the scientific form (its own code) are not.
#[test]
fn a_login_id_excel_cut_to_15_digits_is_a_warning() {
    let text = "Login ID,Name,Email address\r\n\
                1234567890123450000,山田 太郎,yamada@example.com\r\n\
                123456789012345,鈴木 花子,suzuki@example.com\r\n\
                0012345678901234500,佐藤 一郎,sato@example.com\r\n\
                1.23456789012345E+18,田中 次郎,tanaka@example.com\r\n\
                1000000000000000,高橋 三郎,takahashi@example.com\r\n";
    let profile = builtin(ID).unwrap();
    let report = csv_preflight::check(text.as_bytes(), &profile, CheckOptions::default()).unwrap();
    let got: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code,
                d.severity,
                d.row,
                d.column.as_deref(),
                d.value.as_deref(),
            )
        })
        .collect();
    let warning = csv_preflight::Severity::Warning;
    assert_eq!(
        got,
        [
            (
                Code::DigitsTruncated,
                warning,
                Some(2),
                Some("Login ID"),
                Some("1234567890123450000")
            ),
            (
                Code::ScientificNotation,
                warning,
                Some(5),
                Some("Login ID"),
                Some("1.23456789012345E+18")
            ),
            (
                Code::DigitsTruncated,
                warning,
                Some(6),
                Some("Login ID"),
                Some("1000000000000000")
            ),
        ]
    );
    assert!(report.valid);
    assert_eq!(report.diagnostics[0].column_index, Some(1));
    assert_eq!(
        report.diagnostics[0].message,
        "the value has more than 15 digits and ends in zeros, as every long number of this column \
         does: Excel may have cut it (it keeps 15 significant digits of a number and replaces the \
         rest with zeros)"
    );
    assert_eq!(
        report.diagnostics[0].help.as_deref(),
        Some(
            "If the number really ends in zeros, nothing needs doing. Otherwise take the value from \
             the original system or the source file again, and in Excel set the column's format to \
             Text before pasting or typing it; do not retype the zeros, the digits they replaced \
             are lost."
        )
    );
    let options = CheckOptions {
        lang: csv_preflight::Lang::Ja,
        ..CheckOptions::default()
    };
    let ja = csv_preflight::check(text.as_bytes(), &profile, options).unwrap();
    assert_eq!(
        ja.diagnostics[0].message,
        "15 桁を超える数値の末尾が 0 です（この列の長い数値はすべてそうです）。Excel が桁を切り捨てた\
         可能性があります（Excel は数値の有効桁を 15 桁までしか保持せず、残りを 0 にします）"
    );
    support::assert_streaming_equal(
        text.as_bytes(),
        &profile,
        &CheckOptions::default(),
        None,
        "digits",
    );
}

/// One long number of the column that ends in other digits shows Excel did not cut the column:
/// its 16-digit numbers that happen to end in 0 (one in ten real card numbers) are not flagged,
/// whether they come before it or after.
#[test]
fn a_whole_long_number_clears_its_column() {
    let text = "Login ID,Name,Email address\r\n\
                1234567890123450,山田 太郎,yamada@example.com\r\n\
                1234567890123456,鈴木 花子,suzuki@example.com\r\n\
                9876543210987650,佐藤 一郎,sato@example.com\r\n";
    let profile = builtin(ID).unwrap();
    let report = csv_preflight::check(text.as_bytes(), &profile, CheckOptions::default()).unwrap();
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
}

/// 1,500 rows whose blank `Belong to` is a note each, and one error in row 1,402: the capped list
/// shows the error (the notes make room for it), and the counts stay exact.
#[test]
fn the_capped_list_keeps_the_error_behind_a_thousand_notes() {
    let mut text = String::from("Login ID,Name,Email address,Belong to\r\n");
    for i in 0..1500 {
        let id = if i == 1400 {
            "bad".to_string()
        } else {
            format!("user{i:05}")
        };
        text.push_str(&format!("{id},User {i},u{i}@example.com,\r\n"));
    }
    let profile = builtin(ID).unwrap();
    let report = csv_preflight::check(text.as_bytes(), &profile, CheckOptions::default()).unwrap();
    assert_eq!((report.summary.errors, report.summary.infos), (1, 1500));
    assert!(report.diagnostics_capped);
    assert_eq!(report.diagnostics.len(), 1000);
    // Notes for rows 2..=1000 (999 of them), then the error: the 1,000th note gave way.
    let error = &report.diagnostics[999];
    assert_eq!(
        (error.code, error.row, error.column.as_deref()),
        (Code::TooShort, Some(1402), Some("Login ID"))
    );
    assert!(report.diagnostics[..999]
        .iter()
        .enumerate()
        .all(|(i, d)| d.code == Code::BlankValueDefault && d.row == Some(i as u64 + 2)));
    support::assert_streaming_equal(
        text.as_bytes(),
        &profile,
        &CheckOptions::default(),
        None,
        "capped",
    );
}

/// Every learningBOX column is optional, so a file of some other system (an HR export) used to
/// pass with three warnings: a header that names none of the columns is one error.
#[test]
fn a_header_naming_no_learningbox_column_is_an_error() {
    let input = "Employee No,Full Name,Mail\r\n1001,Yamada Taro,yamada@example.com\r\n";
    let profile = builtin(ID).unwrap();
    let report = csv_preflight::check(input.as_bytes(), &profile, CheckOptions::default()).unwrap();
    assert!(!report.valid);
    let missing: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::MissingLabel)
        .map(|d| (d.row, d.column.as_deref(), d.message.as_str()))
        .collect();
    assert_eq!(
        missing,
        vec![(
            Some(1),
            None,
            "the header names none of this system's columns"
        )]
    );
    assert_eq!(report.summary.errors, 1);
}

/// A label with a no-break space (copied from a web page) names no column; the finding suggests
/// the one it looks like.
#[test]
fn a_label_with_a_no_break_space_suggests_its_column() {
    let text = "Login ID,\u{A0}Name,Email address\r\nyamada,山田 太郎,yamada@example.com\r\n";
    let report = csv_preflight::check(
        text.as_bytes(),
        &builtin(ID).unwrap(),
        CheckOptions::default(),
    )
    .unwrap();
    let extra = report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::ExtraLabel)
        .expect("extra-label");
    assert_eq!(extra.column_index, Some(2));
    assert_eq!(
        extra.help.as_deref(),
        Some(
            "Did you mean \"Name\"? Column names must match exactly, in upper and lower case and \
             in half-width characters."
        )
    );
}

/// learningBOX refuses a row whose e-mail address another user already has ("you will not be able
/// to register your login ID, display name and email address if they are already in use"; the
/// login ID cannot change by CSV): the row neither adds a user nor changes one, and the plan
/// counts it apart from the additions and updates.
#[test]
fn a_row_whose_email_belongs_to_another_user_is_refused_not_added() {
    let profile = builtin(ID).unwrap();
    let options = CheckOptions::default();
    let export = "Login ID,Name,Email address\r\n\
                  yamada01,山田 太郎,yamada@example.com\r\n\
                  suzuki.h,鈴木 花子,suzuki@example.com\r\n\
                  tanaka-k,Tanaka Ken,tanaka@example.com\r\n\
                  kato.m,加藤 美紀,kato@example.com\r\n";
    // tanaka2: a new login ID with tanaka-k's address; suzuki.h: an existing user given
    // yamada01's address; sato-j: a real addition; kato.m: a real update.
    let upload = "Login ID,Name,Email address\r\n\
                  tanaka2,Tanaka Ken,tanaka@example.com\r\n\
                  suzuki.h,鈴木 花子,YAMADA@example.com\r\n\
                  sato-j,佐藤 次郎,sato@example.com\r\n\
                  kato.m,加藤 美紀（営業）,kato@example.com\r\n";
    let baseline = support::baseline(&profile, export.as_bytes(), &options);
    let report = support::check_chunked(
        upload.as_bytes(),
        &profile,
        options.clone(),
        Some(baseline.clone()),
        0,
    );
    let found: Vec<_> = support::tuples(&report)
        .into_iter()
        .map(|(_, code, row, column)| (code, row, column))
        .collect();
    assert_eq!(
        found,
        [
            (
                "key-conflict".to_string(),
                Some(2),
                Some("Email address".to_string())
            ),
            (
                "key-conflict".to_string(),
                Some(3),
                Some("Email address".to_string())
            ),
        ]
    );
    let plan = report.plan.as_ref().unwrap();
    assert_eq!(
        (plan.add.count, plan.add.keys.clone()),
        (1, vec!["sato-j".to_string()])
    );
    assert_eq!(
        (plan.update.count, plan.update.keys.clone()),
        (1, vec!["kato.m".to_string()])
    );
    assert_eq!(plan.unchanged.count, 0);
    assert_eq!(
        (plan.conflicts.count, plan.conflicts.keys.clone()),
        (2, vec!["tanaka2".to_string(), "suzuki.h".to_string()])
    );
    // The four users of the export stay (suzuki.h as it is), sato-j is added.
    assert_eq!(plan.records_after, 5);
    support::assert_streaming_equal(
        upload.as_bytes(),
        &profile,
        &options,
        Some(baseline),
        "conflict",
    );
}

/// With login IDs turned off the sign-in column stays blank and the e-mail address is what
/// identifies a registered user: rows are matched to the export by it (ignoring case), a
/// repeated address is one user, and no row is counted as "without a key" for a blank login ID.
#[test]
fn login_ids_turned_off_match_users_by_email_address() {
    let profile = builtin(ID).unwrap();
    let options = support::options(&[("loginIdDisabled", ParamValue::Boolean(true))]);
    let export = "Login ID,Name,Display name,Email address\r\n\
                  ,山田 太郎,やまだ,yamada@example.com\r\n\
                  ,鈴木 花子,Hanako,suzuki@example.com\r\n\
                  ,加藤 美紀,Miki,kato@example.com\r\n";
    // yamada: updated (display name), matched in another case; suzuki: unchanged; sato: new;
    // a row without an address has no key.
    let upload = "Login ID,Name,Display name,Email address\r\n\
                  ,山田 太郎,Taro,YAMADA@example.com\r\n\
                  ,鈴木 花子,Hanako,suzuki@example.com\r\n\
                  ,佐藤 次郎,Jiro,sato@example.com\r\n\
                  ,田中 健,Ken,\r\n";
    let baseline = support::baseline(&profile, export.as_bytes(), &options);
    let report = support::check_chunked(
        upload.as_bytes(),
        &profile,
        options.clone(),
        Some(baseline.clone()),
        0,
    );
    assert_eq!(support::tuples(&report), []);
    let plan = report.plan.as_ref().unwrap();
    assert_eq!(
        (plan.update.count, plan.update.keys.clone()),
        (1, vec!["YAMADA@example.com".to_string()])
    );
    assert_eq!(
        (plan.unchanged.count, plan.unchanged.keys.clone()),
        (1, vec!["suzuki@example.com".to_string()])
    );
    assert_eq!(
        (plan.add.count, plan.add.keys.clone()),
        (1, vec!["sato@example.com".to_string()])
    );
    assert_eq!(plan.conflicts.count, 0);
    assert_eq!(plan.rows_without_key, 1);
    // The export's three users stay, sato and the row without an address are added.
    assert_eq!(plan.records_after, 5);
    support::assert_streaming_equal(
        upload.as_bytes(),
        &profile,
        &options,
        Some(baseline),
        "login IDs off",
    );
}
