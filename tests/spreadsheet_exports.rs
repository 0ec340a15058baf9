//! Files as spreadsheet programs write them, byte for byte, checked and converted against the
//! five systems' user-import profiles: Excel for Windows (Japanese) "CSV (comma delimited)"
//! (CP932, CRLF, every row padded to the used range), "CSV UTF-8" (BOM), "Unicode text" (UTF-16
//! LE, tabs), and what Excel leaves behind (empty columns after the last one, formatted empty
//! rows, reformatted dates).

mod common;

use csv_preflight::{
    builtin, check, convert, CheckOptions, ConvertOptions, Lang, Report, Severity,
};

/// One row of cells as Excel writes it: quoted only when needed, joined by `delimiter`.
fn excel_line(cells: &[&str], delimiter: char) -> String {
    cells
        .iter()
        .map(|c| {
            if c.contains([delimiter, '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                (*c).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(&delimiter.to_string())
}

/// Excel's text of a sheet: every row padded with empty cells to the widest, CRLF after each.
fn excel_text(rows: &[&[&str]], delimiter: char) -> String {
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    rows.iter()
        .map(|r| {
            let mut cells = r.to_vec();
            cells.resize(width, "");
            excel_line(&cells, delimiter) + "\r\n"
        })
        .collect()
}

/// "CSV UTF-8 (Comma delimited)": a byte order mark, then UTF-8.
fn excel_csv_utf8(rows: &[&[&str]]) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(excel_text(rows, ',').into_bytes());
    bytes
}

/// "CSV (comma delimited)" in Japanese Windows: CP932.
fn excel_csv_cp932(rows: &[&[&str]]) -> Vec<u8> {
    let text = excel_text(rows, ',');
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!unmappable);
    bytes.into_owned()
}

/// "Unicode text (*.txt)": UTF-16 LE with a byte order mark, tab-separated.
fn excel_unicode_text(rows: &[&[&str]]) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in excel_text(rows, '\t').encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    bytes
}

fn run(profile: &str, bytes: &[u8], lang: Lang, file_name: Option<&str>) -> Report {
    let options = CheckOptions {
        lang,
        file_name: file_name.map(Into::into),
        ..Default::default()
    };
    check(bytes, &builtin(profile).unwrap(), options).unwrap()
}

/// `(code, severity, row, column index, message)` of a diagnostic.
type Found<'a> = (&'a str, Severity, Option<u64>, Option<u32>, &'a str);

/// What each diagnostic says, and where.
fn found(report: &Report) -> Vec<Found<'_>> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let code = d.code.as_str();
            (code, d.severity, d.row, d.column_index, d.message.as_str())
        })
        .collect()
}

/// Excel keeps the used range: two formatted columns after the last one are two empty header
/// cells (`,,` on every line). Each finding names its column by number and by Excel's letter, so
/// that two findings are not the same line twice; IWpro refuses columns it does not know.
#[test]
fn empty_columns_excel_left_behind_are_named_by_position() {
    let mut header = common::IWPRO_ADD_USERS_LABELS.to_vec();
    header.extend(["", ""]);
    let user: &[&str] = &["taro@example.com", "髙橋", "太郎", "ja"];
    let bytes = excel_csv_utf8(&[&header, user]);
    let report = run(
        "fujifilm-iwpro/add-users",
        &bytes,
        Lang::En,
        Some("add-users_1.csv"),
    );
    assert_eq!(
        found(&report),
        [
            (
                "blank-label",
                Severity::Error,
                Some(1),
                Some(12),
                "column 12 (L in Excel) has no name in the header"
            ),
            (
                "blank-label",
                Severity::Error,
                Some(1),
                Some(13),
                "column 13 (M in Excel) has no name in the header"
            ),
        ]
    );
    let ja = run(
        "fujifilm-iwpro/add-users",
        &bytes,
        Lang::Ja,
        Some("add-users_1.csv"),
    );
    assert_eq!(
        ja.diagnostics[0].message,
        "12 列目（Excel の L 列）のヘッダーが空です"
    );
}

/// learningBOX and Canon ignore columns they do not know (`extra-label` is a warning there): a
/// column with an empty name is one of them, so it is a warning too, not an error that fails the
/// file.
#[test]
fn empty_columns_follow_the_system_s_rule_for_unknown_columns() {
    let header: &[&str] = &["Login ID", "Name", "Display name", "Email address", "", ""];
    let user: &[&str] = &["yamada01", "髙橋 太郎", "たろう", "yamada@example.com"];
    let report = run(
        "learningbox/users",
        &excel_csv_cp932(&[header, user]),
        Lang::En,
        None,
    );
    assert_eq!(
        found(&report),
        [
            (
                "blank-label",
                Severity::Warning,
                Some(1),
                Some(5),
                "column 5 (E in Excel) has no name in the header"
            ),
            (
                "blank-label",
                Severity::Warning,
                Some(1),
                Some(6),
                "column 6 (F in Excel) has no name in the header"
            ),
        ]
    );
    assert!(report.valid);

    let header: &[&str] = &["uid", "cn", "roleName", ""];
    let user: &[&str] = &["yamada", "髙橋 太郎", "GeneralUser"];
    let report = run(
        "canon/users",
        &excel_csv_cp932(&[header, user]),
        Lang::En,
        None,
    );
    assert_eq!(
        found(&report),
        [(
            "blank-label",
            Severity::Warning,
            Some(1),
            Some(4),
            "column 4 (D in Excel) has no name in the header"
        )]
    );
}

/// Japanese Excel shows `20240401093000000` (Canon's registration date) as `2024/4/1 9:30` and
/// saves it so. Converting rewrites it in the device's format (`[...]` for more than 12 digits);
/// the zeros at its end are the seconds and milliseconds the date never had, not digits Excel
/// cut: no `digits-truncated`, in a date column as in the check.
#[test]
fn a_date_rewritten_by_convert_is_not_reported_as_cut_by_excel() {
    let header: &[&str] = &["uid", "cn", "roleName", "accountExpires", "createDate"];
    let user: &[&str] = &[
        "yamada",
        "山田 太郎",
        "GeneralUser",
        "2026/12/31",
        "2024/4/1 9:30",
    ];
    let target = builtin("canon/users").unwrap();
    let result = convert(
        &excel_csv_cp932(&[header, user]),
        &target,
        ConvertOptions::default(),
    )
    .unwrap();
    let changes: Vec<(&str, &str, &str)> = result
        .changes
        .iter()
        .map(|c| (c.reason.as_str(), c.before.as_str(), c.after.as_str()))
        .collect();
    assert_eq!(
        changes,
        [
            ("date-reformatted", "2026/12/31", "20261231"),
            ("date-reformatted", "2024/4/1 9:30", "20240401093000000"),
            ("brackets-added", "20240401093000000", "[20240401093000000]"),
        ]
    );
    let codes: Vec<&str> = result.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, Vec::<&str>::new());
    assert!(result.report.valid);
}

/// The device's export opened in Excel and saved as "Unicode text": UTF-16, which the device does
/// not read at all. The encoding finding says what to save it as; the `CharSet:UTF8` marker is
/// right for that UTF-8 file, so no second finding tells the administrator to delete it to
/// "import it as UTF-16 LE".
#[test]
fn a_unicode_text_save_of_the_canon_export_is_one_encoding_error() {
    let header: &[&str] = &["uid", "cn", "roleName", "CharSet:UTF8"];
    let user: &[&str] = &["yamada", "山田 太郎", "GeneralUser"];
    let report = run(
        "canon/users",
        &excel_unicode_text(&[header, user]),
        Lang::En,
        None,
    );
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["delimiter-not-accepted", "encoding-not-accepted"]);
}

/// The encodings a system reads, listed as a sentence: "A, B or C" / 「A、B、C のいずれか」.
#[test]
fn the_accepted_encodings_read_as_a_list() {
    let header: &[&str] = &["uid", "cn", "roleName"];
    let user: &[&str] = &["yamada", "山田 太郎", "GeneralUser"];
    let bytes = excel_unicode_text(&[header, user]);
    let message = |profile: &str, lang| {
        let report = run(profile, &bytes, lang, None);
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.code.as_str() == "encoding-not-accepted")
            .cloned()
            .unwrap();
        (d.message, d.help.unwrap_or_default())
    };
    assert_eq!(
        message("canon/users", Lang::En),
        (
            "this file looks like UTF-16 LE, the format of Excel's \"Unicode text\" files; this \
             system needs UTF-8, Shift_JIS (CP932), Big5, GBK or EUC-KR"
                .to_string(),
            "Open the file and save it again as UTF-8, Shift_JIS (CP932), Big5, GBK or EUC-KR. \
             In Excel: File > Save As > \"CSV UTF-8 (Comma delimited)\"."
                .to_string()
        )
    );
    assert_eq!(
        message("canon/users", Lang::Ja),
        (
            "このファイルは UTF-16 LE のようです（Excel の「Unicode テキスト」保存で使われる文字\
             コード）。このシステムには UTF-8、Shift_JIS (CP932)、Big5、GBK、EUC-KR のいずれかが\
             必要です"
                .to_string(),
            "ファイルを開き、UTF-8、Shift_JIS (CP932)、Big5、GBK、EUC-KR のいずれかで保存し直して\
             ください。Excel では「名前を付けて保存」→「CSV UTF-8（コンマ区切り）」です。"
                .to_string()
        )
    );
    assert_eq!(
        message("celf/users", Lang::En).0,
        "this file looks like UTF-16 LE, the format of Excel's \"Unicode text\" files; this \
         system needs UTF-8 or Shift_JIS (CP932)"
    );
    assert_eq!(
        message("celf/users", Lang::Ja).0,
        "このファイルは UTF-16 LE のようです（Excel の「Unicode テキスト」保存で使われる文字\
         コード）。このシステムには UTF-8 または Shift_JIS (CP932) が必要です"
    );
    assert_eq!(
        message("fujifilm-iwpro/add-users", Lang::Ja).1,
        "ファイルを開き、UTF-8 で保存し直してください。Excel では「名前を付けて保存」→\
         「CSV UTF-8（コンマ区切り）」です。"
    );
}

/// `(reason, row, before, after)` of each change.
fn changes(result: &csv_preflight::ConvertResult) -> Vec<(&str, Option<u64>, &str, &str)> {
    result
        .changes
        .iter()
        .map(|c| {
            (
                c.reason.as_str(),
                c.row,
                c.before.as_str(),
                c.after.as_str(),
            )
        })
        .collect()
}

/// The device's UTF-8 export, edited in Excel and saved as "CSV (comma delimited)": Shift_JIS
/// with the `CharSet:UTF8` marker still in the header. Converting keeps Shift_JIS (the device
/// reads it) and must drop the marker, which would make the device read the file as UTF-8: the
/// change log says so. The other way round, a UTF-8 file without the marker gets it, said too.
#[test]
fn convert_logs_the_charset_marker_it_removes_or_adds() {
    let target = builtin("canon/users").unwrap();
    let header: &[&str] = &["uid", "cn", "roleName", "CharSet:UTF8"];
    let user: &[&str] = &["yamada", "山田 太郎", "GeneralUser"];
    let result = convert(
        &excel_csv_cp932(&[header, user]),
        &target,
        ConvertOptions::default(),
    )
    .unwrap();
    assert_eq!(
        changes(&result),
        // The marker's column goes with it: Excel's empty cells under it are not a change.
        [("header-marker-removed", Some(1), "CharSet:UTF8", "")]
    );
    assert_eq!(
        result.changes[0].message,
        "header marker removed: it declares another encoding than the one the file is written in"
    );
    assert!(result.bytes.starts_with(b"uid,cn,roleName\r\n"));
    assert!(result.report.valid);

    // LibreOffice's default CSV: UTF-8 without BOM, LF.
    let text = "uid,cn,roleName\nyamada,山田 太郎,GeneralUser\n";
    let options = ConvertOptions {
        lang: Lang::Ja,
        ..ConvertOptions::default()
    };
    let result = convert(text.as_bytes(), &target, options).unwrap();
    assert_eq!(
        changes(&result),
        [("header-marker-added", Some(1), "", "CharSet:UTF8")]
    );
    assert_eq!(
        result.changes[0].message,
        "この文字コードのファイルに必要なヘッダーのマーカーを追加"
    );
    assert!(result.bytes.starts_with(b"uid,cn,roleName,CharSet:UTF8\n"));
    assert!(result.report.valid);
}
