//! FLAT user data files (`flat/users-differential`, `flat/users-total`, seed 002): every fixture as
//! a snapshot, Shift_JIS, seats, administrators, 50,000 tags, and plans against the export —
//! including the delete mode where one mismatch fails the whole import.

mod support;

use csv_preflight::profile::{ImportMode, ParamValue};
use csv_preflight::{builtin, CheckOptions, Code, Lang, TextEncoding};

const DIFF: &str = "flat/users-differential";
const TOTAL: &str = "flat/users-total";

fn mode(value: &str) -> CheckOptions {
    support::options(&[("importMode", ParamValue::String(value.into()))])
}

/// Checks `input` as a file named `users.tsv` against the built-in profile `id`.
fn check_tsv(id: &str, input: &str, lang: Lang) -> csv_preflight::Report {
    let options = CheckOptions {
        file_name: Some("users.tsv".into()),
        lang,
        ..CheckOptions::default()
    };
    csv_preflight::check(input.as_bytes(), &builtin(id).unwrap(), options).unwrap()
}

#[test]
fn every_differential_fixture_matches_its_snapshot() {
    support::snapshot_fixtures(DIFF, 11);
}

#[test]
fn every_total_fixture_matches_its_snapshot() {
    support::snapshot_fixtures(TOTAL, 6);
}

#[test]
fn shift_jis_tsv_and_excel_csv_are_accepted() {
    for (id, name) in [
        (DIFF, "valid.tsv"),
        (DIFF, "valid-excel.csv"),
        (TOTAL, "valid.tsv"),
    ] {
        let profile = builtin(id).unwrap();
        let text = String::from_utf8(support::read(id, name)).unwrap();
        let bytes = support::encode(&text, "shift_jis");
        let report = support::check_chunked(&bytes, &profile, CheckOptions::default(), None, 0);
        assert!(
            report.diagnostics.is_empty(),
            "{id} {name}: {:?}",
            report.diagnostics
        );
        assert_eq!(report.detected.encoding, Some(TextEncoding::ShiftJis));
        support::assert_streaming_equal(&bytes, &profile, &CheckOptions::default(), None, name);
    }
}

#[test]
fn rows_are_limited_to_contracted_seats_minus_administrators() {
    let options = support::options(&[
        ("contractedSeats", ParamValue::Integer(3)),
        ("administratorCount", ParamValue::Integer(1)),
    ]);
    let report = support::check_fixture(DIFF, "valid.tsv", options);
    assert_eq!(
        support::diagnostics("valid.tsv", &report),
        "valid.tsv error too-many-rows row=- column=-\n"
    );
    assert_eq!(
        report.diagnostics[0].message,
        "the file has 3 users; at most 2 can be imported"
    );
    let roomy = support::options(&[("contractedSeats", ParamValue::Integer(4))]);
    assert!(support::check_fixture(DIFF, "valid.tsv", roomy).valid);
}

#[test]
fn administrators_cannot_be_imported() {
    let options = support::options(&[(
        "administratorEmails",
        ParamValue::StringList(vec!["Suzuki@Example.com".into()]),
    )]);
    let report = support::check_fixture(TOTAL, "valid.tsv", options);
    assert_eq!(
        support::diagnostics("valid.tsv", &report),
        "valid.tsv error forbidden-value row=3 column=email\n"
    );
}

#[test]
fn at_most_50000_distinct_tags() {
    let profile = builtin(TOTAL).unwrap();
    let mut text = String::from("#email\ttag\tpermission\r\n");
    for i in 0..50_001 {
        text.push_str(&format!("u{i}@example.com\ttag{i}\t\r\n"));
    }
    text.push_str("last@example.com\ttag0\t\r\n");
    let report =
        support::check_chunked(text.as_bytes(), &profile, CheckOptions::default(), None, 0);
    assert_eq!(
        support::diagnostics("tags.tsv", &report),
        "tags.tsv error too-many-distinct-values row=50002 column=tag\n"
    );
}

#[test]
fn an_unknown_import_mode_is_an_error() {
    let profile = builtin(DIFF).unwrap();
    let err = csv_preflight::check(b"", &profile, mode("merge")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid options: parameter \"importMode\" must be one of: add-change, delete"
    );
}

#[test]
fn differential_add_change_plan() {
    let profile = builtin(DIFF).unwrap();
    let options = mode("add-change");
    let baseline = support::baseline(&profile, &support::read(TOTAL, "export.tsv"), &options);
    let upload = support::read(DIFF, "plan-delete.tsv");
    let report = support::check_chunked(
        &upload,
        &profile,
        options.clone(),
        Some(baseline.clone()),
        0,
    );
    let plan = report.plan.as_ref().unwrap();
    assert_eq!(plan.mode, ImportMode::Merge);
    insta::assert_snapshot!(
        "flat_differential_add_change_plan",
        format!(
            "{}{}",
            support::listing("plan-delete.tsv", &report),
            support::plan(plan)
        )
    );
    support::assert_streaming_equal(&upload, &profile, &options, Some(baseline), "add-change");
}

#[test]
fn delete_mode_every_row_must_match_exactly() {
    let profile = builtin(DIFF).unwrap();
    let options = mode("delete");
    let baseline = support::baseline(&profile, &support::read(TOTAL, "export.tsv"), &options);
    let upload = support::read(DIFF, "plan-delete.tsv");
    let report = support::check_chunked(
        &upload,
        &profile,
        options.clone(),
        Some(baseline.clone()),
        0,
    );
    assert_eq!(
        support::diagnostics("plan-delete.tsv", &report),
        "plan-delete.tsv error delete-mismatch row=4 column=permission\n\
         plan-delete.tsv error delete-mismatch row=5 column=tag\n\
         plan-delete.tsv error delete-mismatch row=6 column=email\n\
         plan-delete.tsv error delete-mismatch row=7 column=email\n"
    );
    assert_eq!(
        report.diagnostics[0].message,
        "\"permission\" differs from the current export; in delete mode a single mismatch makes the whole import fail"
    );
    assert_eq!(
        report.diagnostics[2].message,
        "this user is not in the current export; in delete mode a single mismatch makes the whole import fail"
    );
    // The rejected rows make the whole import fail: nothing is deleted, the export's 5 remain.
    insta::assert_snapshot!(
        "flat_delete_plan",
        support::plan(report.plan.as_ref().unwrap())
    );
    support::assert_streaming_equal(
        &upload,
        &profile,
        &options,
        Some(baseline.clone()),
        "delete",
    );

    // The matching row alone: it is deleted.
    let text = String::from_utf8(upload).unwrap();
    let matching: String = text.split_inclusive("\r\n").take(3).collect();
    let report = support::check_chunked(matching.as_bytes(), &profile, options, Some(baseline), 0);
    let plan = report.plan.unwrap();
    assert_eq!(
        (report.summary.errors, plan.delete.count, plan.records_after),
        (0, 1, 4)
    );
}

#[test]
fn delete_mode_without_the_export_says_rows_were_not_compared() {
    let report = support::check_fixture(DIFF, "valid.tsv", mode("delete"));
    assert!(report.valid);
    assert_eq!(
        support::diagnostics("valid.tsv", &report),
        "valid.tsv info baseline-missing row=- column=-\n"
    );
}

#[test]
fn total_import_lists_the_users_it_deletes_but_not_administrators() {
    let profile = builtin(TOTAL).unwrap();
    let options = support::options(&[(
        "administratorEmails",
        ParamValue::StringList(vec!["admin@example.com".into()]),
    )]);
    let baseline = support::baseline(&profile, &support::read(TOTAL, "export.tsv"), &options);
    let upload = support::read(TOTAL, "plan-total.tsv");
    let report = support::check_chunked(
        &upload,
        &profile,
        options.clone(),
        Some(baseline.clone()),
        0,
    );
    let plan = report.plan.as_ref().unwrap();
    assert_eq!(
        plan.delete.keys,
        vec!["tanaka@example.com", "sato@example.com"]
    );
    insta::assert_snapshot!(
        "flat_total_plan",
        format!(
            "{}{}",
            support::listing("plan-total.tsv", &report),
            support::plan(plan)
        )
    );
    support::assert_streaming_equal(&upload, &profile, &options, Some(baseline), "total");
    assert!(report
        .diagnostics
        .iter()
        .all(|d| d.code != Code::ForbiddenValue));
}

#[test]
fn delete_mismatch_in_japanese() {
    let profile = builtin(DIFF).unwrap();
    let options = CheckOptions {
        lang: csv_preflight::Lang::Ja,
        ..mode("delete")
    };
    let baseline = support::baseline(&profile, &support::read(TOTAL, "export.tsv"), &options);
    let upload = support::read(DIFF, "plan-delete.tsv");
    let report = support::check_chunked(&upload, &profile, options, Some(baseline), 0);
    assert_eq!(
        report.diagnostics[0].message,
        "「permission」が現在のエクスポートと異なります。削除モードでは 1 件でも一致しないとインポート全体が失敗します"
    );
}

/// The codes and messages of a FLAT total file `text` checked under `name` (or no name).
fn typed(name: Option<&str>, text: &str) -> Vec<(String, String)> {
    let profile = builtin(TOTAL).unwrap();
    let options = CheckOptions {
        file_name: name.map(str::to_string),
        ..CheckOptions::default()
    };
    let report = support::check_chunked(text.as_bytes(), &profile, options, None, 7);
    report
        .diagnostics
        .iter()
        .map(|d| (d.code.to_string(), d.message.clone()))
        .collect()
}

#[test]
fn the_extension_decides_the_delimiter_and_the_line_endings() {
    // "Tab delimited text format (.tsv) ... Line feed code: CRLF" and "Excel CSV format (.csv)".
    let tab_crlf = "#email\ttag\tpermission\r\nyamada@example.com\tsales\t1\r\n";
    let tab_lf = "#email\ttag\tpermission\nyamada@example.com\tsales\t1\n";
    let comma_crlf = "#email,tag,permission\r\nyamada@example.com,sales,1\r\n";
    let comma_lf = "#email,tag,permission\nyamada@example.com,sales,1\n";
    let none: Vec<(String, String)> = Vec::new();
    assert_eq!(typed(Some("users.tsv"), tab_crlf), none);
    assert_eq!(typed(Some("users.CSV"), comma_crlf), none);
    // The line endings of the Excel CSV are not documented: any is accepted in a .csv file, and
    // without a name in a comma-separated one.
    assert_eq!(typed(Some("users.csv"), comma_lf), none);
    assert_eq!(typed(None, comma_lf), none);
    let lf = (
        "line-ending-not-accepted".to_string(),
        "lines end with LF (macOS/Linux); this system needs CRLF (Windows)".to_string(),
    );
    assert_eq!(typed(Some("users.tsv"), tab_lf), vec![lf.clone()]);
    assert_eq!(typed(None, tab_lf), vec![lf]);
    // A name that says one type and content of the other.
    for (name, text, message) in [
        (
            "users.tsv",
            comma_crlf,
            "the file name ends in .tsv, but the file is separated by commas; a .tsv file must be \
             separated by tabs",
        ),
        (
            "dir/users.csv",
            tab_crlf,
            "the file name ends in .csv, but the file is separated by tabs; a .csv file must be \
             separated by commas",
        ),
    ] {
        assert_eq!(
            typed(Some(name), text),
            vec![("delimiter-not-accepted".to_string(), message.to_string())]
        );
    }
    // Neither type.
    assert_eq!(
        typed(Some("C:\\data\\users.txt"), tab_crlf),
        vec![(
            "file-name-mismatch".to_string(),
            "the file name \"users.txt\" does not end in .tsv or .csv; the system reads only these \
             kinds of file"
                .to_string()
        )]
    );
}

#[test]
fn a_file_type_needs_a_plain_extension_and_one_of_the_delimiters() {
    let base = builtin(TOTAL).unwrap().to_json();
    for (from, to) in [
        ("\"extension\": \"tsv\"", "\"extension\": \".tsv\""),
        ("\"delimiter\": \"tab\"", "\"delimiter\": \"semicolon\""),
    ] {
        assert!(base.contains(from), "{from}");
        let profile = csv_preflight::Profile::from_json(&base.replacen(from, to, 1)).unwrap();
        let error = csv_preflight::check(b"#email\n", &profile, CheckOptions::default())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("file.fileTypes") && error.contains("one of file.delimiters"),
            "{error}"
        );
    }
}

/// The structure messages of a tab-separated file speak of tabs, not commas.
#[test]
fn structure_help_names_the_tab_in_tab_separated_files() {
    let input = "#email\ttag\tpermission\r\n\
                 yamada@example.com\tSales\t1\t\r\n\
                 \t\t\r\n\
                 suzuki@example.com\tDev\t\r\n";
    let report = check_tsv(TOTAL, input, Lang::En);
    let help: Vec<(&str, Option<&str>)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.help.as_deref()))
        .collect();
    assert_eq!(
        help,
        vec![
            (
                "extra-cell",
                Some("A value probably contains a tab, or the row has extra tabs at the end.")
            ),
            (
                "blank-row",
                Some("Delete the empty row (rows with only tabs count as empty).")
            ),
        ]
    );
    let report = check_tsv(TOTAL, input, Lang::Ja);
    assert_eq!(
        report.diagnostics[1].help.as_deref(),
        Some("空の行を削除してください（タブだけの行も空とみなします）。")
    );
}

/// `Team "A"` has two stray quotes and one mistake: one finding, at the first quote.
#[test]
fn stray_quotes_of_one_cell_are_one_finding() {
    let input = "#email\ttag\tpermission\r\nyamada@example.com\tTeam \"A\"\t1\r\n";
    let report = check_tsv(TOTAL, input, Lang::En);
    let got: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.row, d.column.as_deref(), d.byte))
        .collect();
    assert_eq!(
        got,
        vec![(Code::StrayQuote, Some(2), Some("tag"), Some(47))]
    );
}

/// A fields line without its `#` is the header's mistake, told as such (it was told as a line
/// above the header).
#[test]
fn a_header_without_its_hash_says_where_the_hash_goes() {
    let input =
        "#Format for differential import\r\nemail\ttag\tpermission\r\na@example.com\t\t\r\n";
    let report = check_tsv(DIFF, input, Lang::En);
    let got: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.row, d.message.as_str(), d.help.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![(
            Code::InvalidPreamble,
            Some(2),
            "the header line must start with \"#\" (\"#email\", as in the system's export)",
            Some("Type \"#\" before the first column name.")
        )]
    );
}

/// A cell of spaces looks empty but may not be read as empty: a warning, where an empty cell
/// has none (FLAT's permission takes "1" or blank).
#[test]
fn a_cell_of_spaces_is_not_silently_blank() {
    let input = "#email\ttag\tpermission\r\na@example.com\t\u{3000}\t \r\nb@example.com\t\t\r\n";
    let report = check_tsv(TOTAL, input, Lang::En);
    let got: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.row, d.column.as_deref(), d.message.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Code::UntrimmedValue,
                Some(2),
                Some("tag"),
                "the cell holds only spaces"
            ),
            (
                Code::UntrimmedValue,
                Some(2),
                Some("permission"),
                "the cell holds only spaces"
            ),
        ]
    );
    assert!(report.valid);
}

/// Column names that differ only in case or width get a "did you mean".
#[test]
fn a_label_in_the_wrong_case_suggests_the_column() {
    let input =
        "#Format for differential import\r\n#Email\tｔａｇ\tpermission\r\na@example.com\t\t\r\n";
    let profile = builtin(DIFF).unwrap();
    let report = csv_preflight::check(input.as_bytes(), &profile, CheckOptions::default()).unwrap();
    let help: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::ExtraLabel)
        .map(|d| d.help.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(
        help,
        vec![
            "Did you mean \"email\"? Column names must match exactly, in upper and lower case and in half-width characters.",
            "Did you mean \"tag\"? Column names must match exactly, in upper and lower case and in half-width characters.",
        ]
    );
}

/// FLAT's fields line repeated in the middle (two files joined), with its `#`: `repeated-header`.
#[test]
fn a_repeated_fields_line_is_named() {
    let text = "#email\ttag\tpermission\r\nyamada@example.com\tsales\t1\r\n\
                #email\ttag\tpermission\r\nsato@example.com\tsales\t1\r\n";
    let report = check_tsv(TOTAL, text, Lang::En);
    let first = report.diagnostics.first().map(|d| (d.code.as_str(), d.row));
    assert_eq!(first, Some(("repeated-header", Some(3))));
}

/// A total-import file (its first line is the fields line) checked as a differential import: one
/// error says that the fields line is there but the identification line is not, instead of the
/// first user read as a header that lacks its `#`.
#[test]
fn a_total_import_file_checked_as_differential_is_told_so() {
    let text =
        "#email\ttag\tpermission\r\nyamada@example.com\tsales\t1\r\nsato@example.com\tsales\t1\r\n";
    let report = check_tsv(DIFF, text, Lang::En);
    let got: Vec<(&str, Option<u64>, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.row, d.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [(
            "invalid-preamble",
            Some(1),
            "this line is the header, but the line \"#Format for differential import\" must come \
             before it (the identification line of a differential import): is this a file for \
             the other kind of import?"
        )]
    );
    assert!(!report.valid);
}
