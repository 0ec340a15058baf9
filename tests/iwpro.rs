//! FUJIFILM IWpro: every fixture of every operation, with the exact diagnostics as a snapshot.

mod common;

use csv_preflight::{builtin, check, CheckOptions, Code, Lang};

/// The header of an add-users file, in the template's order.
const ADD_USERS_HEADER: &str = "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number";

/// `fujifilm-iwpro-add-users` → `fujifilm-iwpro/add-users`.
fn profile_id(dir: &str) -> String {
    dir.replacen("fujifilm-iwpro-", "fujifilm-iwpro/", 1)
}

#[test]
fn every_fixture_matches_its_snapshot() {
    let mut seen = 0;
    for op in ["add-users", "invite-users", "update-users", "delete-users"] {
        let dir_name = format!("fujifilm-iwpro-{op}");
        let profile = builtin(&profile_id(&dir_name)).unwrap();
        let dir = common::fixtures().join(&dir_name);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for path in files {
            let bytes = std::fs::read(&path).unwrap();
            let report = check(&bytes, &profile, CheckOptions::default()).unwrap();
            let name = format!(
                "{dir_name}__{}",
                path.file_stem().unwrap().to_string_lossy()
            );
            insta::with_settings!({ snapshot_suffix => name, prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(common::listing(&report));
            });
            // valid*: no diagnostic at all; warn-*: valid with warnings; anything else: invalid.
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            if file.starts_with("valid") {
                assert!(
                    report.valid && report.diagnostics.is_empty(),
                    "{file}: {:?}",
                    report.diagnostics
                );
            } else if file.starts_with("warn-") {
                assert!(report.valid && report.summary.warnings > 0, "{file}");
            } else {
                assert!(!report.valid, "{file}");
            }
            seen += 1;
        }
    }
    assert!(seen >= 27, "fixtures found: {seen}");
}

#[test]
fn file_name_is_checked_when_known() {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let bytes =
        std::fs::read(common::fixtures().join("fujifilm-iwpro-add-users/valid.csv")).unwrap();
    let named = |name: &str| CheckOptions {
        file_name: Some(name.to_string()),
        ..CheckOptions::default()
    };
    let good = check(
        &bytes,
        &profile,
        named("C:\\Users\\admin\\add-users_2026-11.csv"),
    )
    .unwrap();
    assert!(good.valid);
    let bad = check(&bytes, &profile, named("users.csv")).unwrap();
    let codes: Vec<Code> = bad.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::FileNameMismatch]);
    assert_eq!(
        bad.diagnostics[0].help.as_deref(),
        Some("Rename the file like \"add-users_2026-11.csv\".")
    );
    let update = builtin("fujifilm-iwpro/update-users").unwrap();
    let wrong_op = check(&bytes, &update, named("add-users_2026-11.csv")).unwrap();
    assert_eq!(
        wrong_op
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect::<Vec<_>>(),
        vec![Code::FileNameMismatch]
    );
}

#[test]
fn tenant_parameters_domains_and_seats_map_to_iwpro_codes() {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let bytes =
        std::fs::read(common::fixtures().join("fujifilm-iwpro-add-users/valid.csv")).unwrap();
    let mut options = CheckOptions::default();
    options.params.insert(
        "allowedEmailDomains".into(),
        csv_preflight::profile::ParamValue::StringList(vec!["example.com".into()]),
    );
    options.params.insert(
        "availableSeats".into(),
        csv_preflight::profile::ParamValue::Integer(2),
    );
    let report = check(&bytes, &profile, options).unwrap();
    let got: Vec<(Code, Option<u64>, Option<&str>)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.row, d.system_code.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Code::TooManyRows, None, Some("E000000003")),
            (Code::EmailDomainNotAllowed, Some(3), Some("E000000009")),
        ]
    );
}

#[test]
fn unknown_parameter_is_an_error_not_a_diagnostic() {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let mut options = CheckOptions::default();
    options.params.insert(
        "seats".into(),
        csv_preflight::profile::ParamValue::Integer(2),
    );
    let err = check(b"", &profile, options).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown parameter \"seats\" (this profile has: allowedEmailDomains, availableSeats)"
    );
}

#[test]
fn japanese_messages() {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let bytes =
        std::fs::read(common::fixtures().join("fujifilm-iwpro-add-users/shift-jis.csv")).unwrap();
    let report = check(
        &bytes,
        &profile,
        CheckOptions {
            lang: Lang::Ja,
            ..CheckOptions::default()
        },
    )
    .unwrap();
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(
        report.diagnostics[0].message,
        "このファイルは Shift_JIS（CP932）のようです（日本語版 Excel が CSV 保存で使う文字コード）。このシステムには UTF-8 が必要です"
    );
}

/// A key's value is the cell without its edges (spaces), and is compared ignoring case: rows whose
/// key cell is not the kept value itself (spaces, quotes, capitals) are still found as duplicates,
/// with the first row (the engine hashes plain keys ahead of time: these must not take that path
/// wrongly).
#[test]
fn duplicate_keys_are_found_whatever_surrounds_them() {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let rows = [
        "taro@example.com",
        " taro@example.com",
        "\"hanako@example.com\"",
        "hanako@example.com",
        "\"jiro@example.com \"",
        "JIRO@example.com",
        "saburo@example.com",
        "saburo@example.co",
    ];
    let mut csv = format!("{ADD_USERS_HEADER}\r\n");
    for key in rows {
        // ASCII names: each row is checked as it is read, with keys hashed ahead of time.
        csv.push_str(&format!("{key},Yamada,Taro,ja,,,,,,,\r\n"));
    }
    let report = check(csv.as_bytes(), &profile, CheckOptions::default()).unwrap();
    let duplicates: Vec<(Option<u64>, Option<&str>, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UniqueError)
        .map(|d| (d.row, d.value.as_deref(), d.message.as_str()))
        .collect();
    assert_eq!(duplicates.len(), 3, "{duplicates:?}");
    let first_rows: Vec<(Option<u64>, Option<&str>, bool)> = duplicates
        .iter()
        .zip([2, 4, 6])
        .map(|(&(row, value, message), first)| {
            (row, value, message.contains(&format!("row {first}")))
        })
        .collect();
    assert_eq!(
        first_rows,
        [
            (Some(3), Some("taro@example.com"), true),
            (Some(5), Some("hanako@example.com"), true),
            (Some(7), Some("JIRO@example.com"), true),
        ]
    );
}

#[test]
fn empty_cells_short_and_long_rows_and_odd_values_each_give_their_finding() {
    // Empty required cells, short and long rows, the unique key, a list item, spaces and a
    // formula prefix on the fast path of ordinary rows: each finding, in row and column order.
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let rows = concat!(
        ",山田,太郎,ja,,,,,,,\r\n",
        "a@example.com,,太郎,ja\r\n",
        "b@example.com,山田,太郎,ja,,,,,,,,extra\r\n",
        "c@example.com,山田,太郎,,,,,,,,\r\n",
        "C@example.com,山田,太郎,en,,NCS009,,,,,\r\n",
        ",,,,,,,,,,\r\n",
        "d@example.com,山田, 太郎,ja,,,,,,,=1\r\n",
    );
    let csv = format!("{ADD_USERS_HEADER}\r\n{rows}");
    let options = CheckOptions {
        file_name: Some("add-users_2026.csv".into()),
        ..CheckOptions::default()
    };
    let report = check(csv.as_bytes(), &profile, options).unwrap();
    assert_eq!(
        common::outline(&report),
        [
            ("missing-value", Some(2), Some(1)),
            ("missing-cell", Some(3), None),
            ("missing-value", Some(3), Some(2)),
            ("extra-cell", Some(4), Some(12)),
            ("missing-value", Some(5), Some(4)),
            ("unique-error", Some(6), Some(1)),
            ("not-in-list", Some(6), Some(6)),
            ("blank-row", Some(7), None),
            ("untrimmed-value", Some(8), Some(3)),
            ("formula-prefix", Some(8), Some(11)),
            ("value-not-needed", Some(8), Some(11)),
        ]
    );
}

/// Spaces alone in a required column are a missing value, said once.
#[test]
fn a_required_cell_of_spaces_is_missing_once() {
    let input =
        "mail_address,family_name,given_name,language\r\na@example.com,\u{3000},太郎,ja\r\n";
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let report = csv_preflight::check(input.as_bytes(), &profile, CheckOptions::default()).unwrap();
    let codes: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.row == Some(2))
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, vec![Code::MissingValue]);
}

/// Spaces after the commas of the header: IWpro does not say it trims labels, so each spaced
/// label is an `untrimmed-label` warning, while the label still names its column for the rest of
/// the check (the rows are checked as usual).
#[test]
fn spaces_around_header_labels_are_warnings() {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let header = ADD_USERS_HEADER.replacen(",family_name", ", family_name", 1);
    let header = header.replacen(",language", ",language\u{3000}", 1);
    let bytes = format!("{header}\r\ntaro@example.com,山田,太郎,ja,,,,,,,\r\n");
    let report = check(bytes.as_bytes(), &profile, CheckOptions::default()).unwrap();
    assert_eq!(
        common::outline(&report),
        [
            ("untrimmed-label", Some(1), Some(2)),
            ("untrimmed-label", Some(1), Some(4))
        ]
    );
    assert!(report.valid);
    let first = &report.diagnostics[0];
    assert_eq!(first.column.as_deref(), Some(" family_name"));
    assert_eq!(
        first.message,
        "the column name \"family_name\" has spaces before or after it: the system may compare \
         names exactly and not find the column"
    );
    let ja = CheckOptions {
        lang: Lang::Ja,
        ..CheckOptions::default()
    };
    let report = check(bytes.as_bytes(), &profile, ja).unwrap();
    assert_eq!(
        report.diagnostics[1].message,
        "列名「language」の前後にスペースがあります。システムが列名を完全一致で比べる場合、\
         この列を見つけられません"
    );
}

/// Two files joined into one: the second one's header (with its byte order mark) is left in the
/// middle. One `repeated-header` error says so, before the cells' own findings; a user row whose
/// first value happens to be the first label is not one.
#[test]
fn a_header_repeated_in_the_middle_is_named() {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let header = "mail_address,family_name,given_name,language";
    let text = format!(
        "\u{FEFF}{header}\r\ntaro@example.com,山田,太郎,ja\r\n\u{FEFF}{header}\r\n\
         {header}\r\nmail_address,鈴木,花子,ja\r\n"
    );
    let report = check(text.as_bytes(), &profile, CheckOptions::default()).unwrap();
    let repeated: Vec<_> = common::outline(&report)
        .into_iter()
        .filter(|(code, ..)| *code == "repeated-header")
        .collect();
    assert_eq!(
        repeated,
        [
            ("repeated-header", Some(3), None),
            ("repeated-header", Some(4), None)
        ]
    );
    let first = |row| {
        report
            .diagnostics
            .iter()
            .find(|d| d.row == Some(row))
            .map(|d| (d.code.as_str(), d.message.as_str()))
    };
    assert_eq!(
        first(3),
        Some((
            "repeated-header",
            "this row repeats the header, with an invisible byte order mark before it: two files \
             were joined into one"
        ))
    );
    assert_eq!(
        first(4),
        Some((
            "repeated-header",
            "this row repeats the header: two files were joined into one, or the header was copied"
        ))
    );
    assert!(report
        .diagnostics
        .iter()
        .all(|d| d.row != Some(5) || d.code.as_str() != "repeated-header"));
}

/// Integer parameters are counts: a negative one is refused, as a typed error.
#[test]
fn a_negative_seat_count_is_refused() {
    let mut params = csv_preflight::profile::Params::new();
    params.insert(
        "availableSeats".into(),
        csv_preflight::profile::ParamValue::Integer(-1),
    );
    let options = CheckOptions {
        params,
        ..CheckOptions::default()
    };
    let error = check(b"", &builtin("fujifilm-iwpro/add-users").unwrap(), options).unwrap_err();
    assert_eq!(
        error.to_string(),
        "parameter \"availableSeats\" needs a whole number (0 or more)"
    );
}
