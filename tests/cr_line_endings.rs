//! Lines that end in CR alone (the "CSV" of old Excel for Mac and other old Mac programs). Where
//! the system states its line endings (FLAT), CR is simply not one of them; where it states none,
//! the check warns (`cr-line-endings`): many import programs split lines at LF only and read the
//! whole file as one line. The converter writes CRLF for such a source.

use csv_preflight::convert::{convert, ConvertOptions, ConvertStatus};
use csv_preflight::{builtin, check, CheckOptions, Lang, Report};

const CR_ONLY: &str =
    "Login ID,Name,Email address\ryamada01,Taro,yamada@example.com\rsuzuki01,Hana,suzuki@example.com\r";

fn check_learningbox(text: &str, lang: Lang) -> Report {
    let options = CheckOptions {
        lang,
        ..CheckOptions::default()
    };
    check(
        text.as_bytes(),
        &builtin("learningbox/users").unwrap(),
        options,
    )
    .unwrap()
}

/// `code severity line byte` per diagnostic.
fn found(report: &Report) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {:?} line={:?} byte={:?}",
                d.code, d.severity, d.line, d.byte
            )
        })
        .collect()
}

#[test]
fn a_cr_only_file_for_a_system_that_states_no_line_endings_is_warned_about() {
    let report = check_learningbox(CR_ONLY, Lang::En);
    // The first CR ends the header line: byte 27, line 1.
    assert_eq!(
        found(&report),
        ["cr-line-endings Warning line=Some(1) byte=Some(27)"]
    );
    assert!(
        report.valid,
        "a warning: the seeds say nothing of line endings"
    );
    assert_eq!(report.summary.rows, 2);
    let d = &report.diagnostics[0];
    assert_eq!(
        d.message,
        "3 lines end in CR alone, as old Mac programs write; many import programs read such a file as one long line"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("Save the file again as \"CSV UTF-8\" (Excel) or with Windows line endings (CRLF); the fixed file (convert) has CRLF.")
    );
    let ja = check_learningbox(CR_ONLY, Lang::Ja);
    assert_eq!(
        ja.diagnostics[0].message,
        "3 行の改行コードが CR だけです（古い Mac のソフトの形式）。多くの取り込み処理はこのファイルを 1 行の長い行として読みます"
    );
}

#[test]
fn crlf_and_lf_files_are_not_warned_about() {
    for ending in ["\r\n", "\n"] {
        let text = CR_ONLY.replace('\r', ending);
        assert_eq!(
            found(&check_learningbox(&text, Lang::En)),
            Vec::<String>::new()
        );
    }
}

#[test]
fn one_cr_line_among_crlf_ones_is_mixed_and_named() {
    let text = "Login ID,Name,Email address\r\nyamada01,Taro,yamada@example.com\rsuzuki01,Hana,suzuki@example.com\r\n";
    let report = check_learningbox(text, Lang::En);
    assert_eq!(
        found(&report),
        [
            "cr-line-endings Warning line=Some(2) byte=Some(61)",
            "mixed-line-endings Warning line=Some(2) byte=Some(61)",
        ]
    );
    assert_eq!(
        report.diagnostics[0].message,
        "1 line ends in CR alone, as old Mac programs write; many import programs read such a file as one long line"
    );
}

/// FLAT states CRLF for its tab-separated file: CR alone is its `line-ending-not-accepted` error,
/// not also the warning.
#[test]
fn a_system_that_states_its_line_endings_gives_its_own_error_only() {
    let flat = builtin("flat/users-differential").unwrap();
    let text = "#ユーザー名\tパスワード\r";
    let report = check(text.as_bytes(), &flat, CheckOptions::default()).unwrap();
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"line-ending-not-accepted"), "{codes:?}");
    assert!(!codes.contains(&"cr-line-endings"), "{codes:?}");
}

#[test]
fn the_converter_writes_crlf_for_a_cr_only_source() {
    let target = builtin("learningbox/users").unwrap();
    let options = ConvertOptions {
        date: Some("2026-11-23".into()),
        ..ConvertOptions::default()
    };
    let r = convert(CR_ONLY.as_bytes(), &target, options).unwrap();
    assert_eq!(r.status, ConvertStatus::Ready, "{:?}", r.refusal);
    assert_eq!(
        String::from_utf8(r.bytes).unwrap(),
        CR_ONLY.replace('\r', "\r\n")
    );
    assert_eq!(found(&r.report), Vec::<String>::new());
    // An LF source stays LF: the system reads it.
    let lf = CR_ONLY.replace('\r', "\n");
    let options = ConvertOptions {
        date: Some("2026-11-23".into()),
        ..ConvertOptions::default()
    };
    let r = convert(lf.as_bytes(), &target, options).unwrap();
    assert_eq!(String::from_utf8(r.bytes).unwrap(), lf);
}
