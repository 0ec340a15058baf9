//! The result CSV's shape and its bounds: result columns under their header, each code once per
//! row, repeated messages counted, at most ten distinct messages per row, a budget for the
//! messages of the whole file, and errors of the header or the file repeated on every data row.

mod common;

use csv_preflight::{builtin, result_csv, CheckOptions, Lang, Profile};

const HEADER: &str = "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number\r\n";

fn iwpro() -> Profile {
    builtin("fujifilm-iwpro/add-users").unwrap()
}

/// The result CSV's lines (after the BOM), and its records as the `csv` crate reads them.
fn result(bytes: &[u8], lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let out = result_csv(bytes, &iwpro(), in_lang(lang)).unwrap();
    let text = String::from_utf8(out.bytes).unwrap();
    let text = text.strip_prefix('\u{FEFF}').unwrap();
    let records = common::csv_records(text);
    (text.split("\r\n").map(str::to_string).collect(), records)
}

/// The whole result CSV as text (after the BOM), with `options` in place of the defaults.
fn result_text(text: &str, options: CheckOptions) -> String {
    let out = result_csv(text.as_bytes(), &iwpro(), options).unwrap();
    let text = String::from_utf8(out.bytes).unwrap();
    text.strip_prefix('\u{FEFF}').unwrap().to_string()
}

fn in_lang(lang: Lang) -> CheckOptions {
    CheckOptions {
        lang,
        ..CheckOptions::default()
    }
}

/// The `result`, `codes` and `messages` cells of a record (its last three).
fn tail(record: &[String]) -> [&str; 3] {
    let [.., result, codes, messages] = record else {
        panic!("{record:?}")
    };
    [result, codes, messages]
}

#[test]
fn a_short_row_is_padded_so_that_its_result_stands_under_the_header() {
    let mut file = HEADER.to_string();
    file.push_str("taro@example.com,山田\r\n");
    let (lines, records) = result(file.as_bytes(), Lang::En);
    assert_eq!(
        lines[1],
        "taro@example.com,山田,,,,,,,,,,NG,missing-cell|missing-value,\"row has 2 cells but the \
         header has 11 / given_name: \"\"given_name\"\" is required / language: \"\"language\"\" \
         is required\""
    );
    assert_eq!(lines[2], "");
    assert_eq!(lines.len(), 3);
    assert_eq!(records[0][11..], ["result", "codes", "messages"]);
    assert_eq!(tail(&records[1])[0], "NG");
}

#[test]
fn a_row_lists_ten_distinct_messages_and_counts_the_rest() {
    // Twelve different malformed bytes in one cell: twelve distinct messages (after a BOM, or
    // they would be GBK).
    let mut file = b"\xEF\xBB\xBF".to_vec();
    file.extend_from_slice(HEADER.as_bytes());
    file.extend_from_slice(b"taro@example.com,");
    for byte in 0x80..0x8C_u8 {
        file.extend_from_slice(&[b'a', byte]);
    }
    file.extend_from_slice(b",Taro,ja,,,,,,,\r\n");
    let (_, records) = result(&file, Lang::En);
    let cells = tail(&records[1]);
    assert_eq!(cells[..2], ["NG", "encoding-error"]);
    let messages: Vec<&str> = cells[2].split(" / ").collect();
    assert_eq!(messages.len(), 11);
    assert_eq!(messages[0], "family_name: bytes 0x80 are not valid UTF-8");
    assert_eq!(messages[9], "family_name: bytes 0x89 are not valid UTF-8");
    assert_eq!(messages[10], "+2 more");

    let (_, records) = result(&file, Lang::Ja);
    assert!(
        tail(&records[1])[2].ends_with(" / ほか 2 件"),
        "{:?}",
        records[1]
    );
}

/// 150,000 rows of one digit each: about 300 bytes of messages a row (a missing cell, three
/// required values, the address, and from the second row on, a duplicate), 45 MB in all, over
/// the budget of 32 MiB and twice the input. Padding them (10 cells each) stops once it would
/// pass the input's size.
fn garbage() -> Vec<u8> {
    let mut file = HEADER.as_bytes().to_vec();
    for _ in 0..150_000 {
        file.extend_from_slice(b"0\r\n");
    }
    file
}

#[test]
fn the_messages_of_a_file_stop_at_the_budget_and_the_codes_go_on() {
    let file = garbage();
    let budget = (32 << 20) + 2 * file.len();
    let (lines, rows) = result(&file, Lang::En);
    let note = "messages stop here: with every message this file would be too large \
                (the codes go on; the check's report describes each finding)";
    let noted: Vec<usize> = (1..rows.len())
        .filter(|&i| tail(&rows[i])[2].contains(note))
        .collect();
    assert_eq!(noted.len(), 1, "the note is written once");
    let at = noted[0];

    // Before the note every message is there; the messages' bytes fill the budget.
    assert_eq!(
        tail(&rows[1])[2],
        "row has 1 cell but the header has 11 / mail_address: not a valid e-mail address / \
         family_name: \"family_name\" is required / given_name: \"given_name\" is required / \
         language: \"language\" is required"
    );
    let mut spent = tail(&rows[1])[2].split(" / ").map(str::len).sum::<usize>();
    for row in &rows[2..at] {
        let cells = tail(row);
        assert_eq!(
            cells[..2],
            [
                "NG",
                "missing-cell|invalid-email|missing-value|unique-error"
            ]
        );
        assert_eq!(cells[2].matches(" / ").count(), 5, "{row:?}");
        spent += cells[2].split(" / ").map(str::len).sum::<usize>();
    }
    let first = tail(&rows[2]);
    let longest = first[2].split(" / ").map(str::len).max().unwrap();
    assert!(
        spent <= budget && spent + 6 * longest > budget,
        "{spent} of {budget}"
    );

    let padded = rows[1..].iter().take_while(|r| r.len() == 14).count();
    assert_eq!(padded, file.len() / 10);
    assert!(rows[padded + 1..].iter().all(|r| r.len() == 4));

    // After it: the result and the codes, no messages.
    assert!(tail(&rows[at])[2].ends_with(" more"), "{:?}", rows[at]);
    assert_eq!(lines.len(), 150_002);
    for line in &lines[at + 1..150_001] {
        assert_eq!(
            line,
            "0,NG,missing-cell|invalid-email|missing-value|unique-error,"
        );
    }
    // The budget counts the messages' own bytes; separators and doubled quotes add under a
    // quarter; every row adds its cells, result and codes.
    let total: usize = lines.iter().map(|r| r.len() + 2).sum();
    assert!(total < budget + budget / 4 + 80 * 150_000, "{total}");
}

#[test]
fn the_budget_note_is_in_the_report_s_language() {
    let (_, rows) = result(&garbage(), Lang::Ja);
    let noted = rows
        .iter()
        .filter(|r| {
            tail(r)[2].contains(
                "ここから先はメッセージを省きます。すべて書くとファイルが大きくなりすぎるためです\
                 （コード列は続きます。各エラーの説明はチェック結果のレポートにあります）",
            )
        })
        .count();
    assert_eq!(noted, 1);
}

#[test]
fn padding_stays_within_the_input_s_size() {
    // A header of 4,096 labels, 40,000 empty lines and a row: padding every line would write
    // 160 MB for an input of 90 KB. Lines are padded while the padding fits in the input's size.
    let width = 4096;
    let mut file = HEADER.trim_end().to_string();
    for i in 11..width {
        file.push_str(&format!(",x{i}"));
    }
    file.push_str("\r\n");
    file.push_str(&"\r\n".repeat(40_000));
    file.push_str("taro@example.com,Yamada,Taro,ja\r\n");
    let (_, records) = result(file.as_bytes(), Lang::En);
    assert_eq!(records.len(), 40_002);
    assert_eq!(records[0].len(), width + 3);
    let padded = file.len() / (width - 1);
    for (i, record) in records[1..].iter().enumerate() {
        let cells = if i < padded { width } else { 1 };
        let cells = if i == 40_000 { 4 } else { cells };
        assert_eq!(record.len(), cells + 3, "row {}", i + 2);
    }
    // Every blank line is between users.
    assert!(records[1..40_001]
        .iter()
        .all(|r| r[r.len() - 3..] == ["NG", "blank-row", "empty row between users"]));
    // The input, the padding (at most the input again), and the result of each line.
    let out: usize = records.iter().flatten().map(|c| c.len() + 1).sum();
    let result = "NG,blank-row,empty row between users".len() + 1;
    assert!(
        out < 2 * file.len() + result * 40_001,
        "{out} bytes out of {}",
        file.len()
    );
}

/// IWpro rejects a file without a required column: every data row is NG, names the header's code
/// first and says where the error is; a row's own findings follow.
#[test]
fn a_missing_required_column_fails_every_data_row() {
    let file = "mail_address,family_name,language\r\n\
                taro@example.com,Yamada,ja\r\n\
                hanako@example,Suzuki,en\r\n";
    assert_eq!(
        result_text(file, in_lang(Lang::En)),
        "mail_address,family_name,language,result,codes,messages\r\n\
         taro@example.com,Yamada,ja,NG,missing-label,\"row 1 (header): required column \
         \"\"given_name\"\" is missing from the header\"\r\n\
         hanako@example,Suzuki,en,NG,invalid-email|missing-label,\"mail_address: not a valid e-mail \
         address / row 1 (header): required column \"\"given_name\"\" is missing from the \
         header\"\r\n"
    );
    assert_eq!(
        result_text(file, in_lang(Lang::Ja)),
        "mail_address,family_name,language,結果,コード,メッセージ\r\n\
         taro@example.com,Yamada,ja,NG,missing-label,1 行目（ヘッダー）：必須の列「given_name」が\
         ヘッダーにありません\r\n\
         hanako@example,Suzuki,en,NG,invalid-email|missing-label,mail_address: メールアドレスとして\
         正しくありません / 1 行目（ヘッダー）：必須の列「given_name」がヘッダーにありません\r\n"
    );
}

/// A warning about the header (columns out of order) changes no row.
#[test]
fn a_header_warning_leaves_the_rows_ok() {
    let file = "family_name,mail_address,given_name,language\r\n山田,taro@example.com,太郎,ja\r\n";
    assert_eq!(
        result_text(file, in_lang(Lang::En)),
        "family_name,mail_address,given_name,language,result,codes,messages\r\n\
         山田,taro@example.com,太郎,ja,OK,,\r\n"
    );
}

/// Five header errors: every code, the first three messages, the other two counted.
#[test]
fn header_errors_past_three_are_counted() {
    let file = "mail_address,family_name,family_name,,x\r\ntaro@example.com,Yamada,Yamada,,\r\n";
    assert_eq!(
        result_text(file, in_lang(Lang::En)),
        "mail_address,family_name,family_name,,x,result,codes,messages\r\n\
         taro@example.com,Yamada,Yamada,,,NG,duplicate-label|blank-label|extra-label|missing-label,\
         \"row 1 (header): column \"\"family_name\"\" appears twice (first as column 2) / \
         row 1 (header): column 4 (D in Excel) has no name in the header / row 1 (header): column \"\"x\"\" is not a column \
         of this system / +2 more\"\r\n"
    );
    assert!(result_text(file, in_lang(Lang::Ja))
        .ends_with("1 行目（ヘッダー）：列「x」はこのシステムの列ではありません / ほか 2 件\r\n"));
}

/// An error about the whole file (its name) fails every data row too, said to be the file's.
#[test]
fn a_file_error_fails_every_data_row() {
    let file = "mail_address,family_name,given_name,language\r\ntaro@example.com,山田,太郎,ja\r\n";
    let named = |lang| CheckOptions {
        file_name: Some("users.csv".into()),
        ..in_lang(lang)
    };
    assert_eq!(
        result_text(file, named(Lang::En)),
        "mail_address,family_name,given_name,language,result,codes,messages\r\n\
         taro@example.com,山田,太郎,ja,NG,file-name-mismatch,\"file: the file name \
         \"\"users.csv\"\" does not follow the system's pattern\"\r\n"
    );
    assert!(result_text(file, named(Lang::Ja))
        .contains(",NG,file-name-mismatch,ファイル：ファイル名「users.csv」"));
}

/// A blank row between users is the blank row's error, not the next user's: the engine knows it
/// only at the next row, so the writer holds blank rows back until then.
#[test]
fn a_blank_row_s_finding_stands_on_the_blank_row() {
    let user = |mail: &str| format!("{mail},山田,太郎,ja,,,,,,,\r\n");
    let file = format!(
        "{HEADER}{}\r\n,,,,,,,,,,\r\n,,,,,,,,,,\r\n{}\r\n",
        user("a@example.com").trim_end(),
        user("b@example.com").trim_end()
    );
    let (lines, _) = result(file.as_bytes(), Lang::En);
    assert_eq!(
        lines[1..],
        [
            "a@example.com,山田,太郎,ja,,,,,,,,OK,,",
            ",,,,,,,,,,,NG,blank-row,empty row between users",
            ",,,,,,,,,,,NG,blank-row,empty row between users",
            "b@example.com,山田,太郎,ja,,,,,,,,OK,,",
            "",
        ]
    );
    // At the end: one warning, on the first of the trailing lines.
    let file = format!(
        "{HEADER}{}\r\n,,,,,,,,,,\r\n\r\n",
        user("a@example.com").trim_end()
    );
    let (lines, _) = result(file.as_bytes(), Lang::En);
    assert_eq!(
        lines[1..],
        [
            "a@example.com,山田,太郎,ja,,,,,,,,OK,,",
            ",,,,,,,,,,,OK,trailing-blank-lines,2 empty line(s) at the end of the file",
            ",,,,,,,,,,,OK,,",
            "",
        ]
    );
}

/// Every row of a long run of blank rows carries its own finding, which the engine makes only at
/// the user after the run: the result CSV knows it from its first pass.
#[test]
fn every_blank_row_of_a_long_run_has_its_finding() {
    let mut file = format!("{HEADER}a@example.com,山田,太郎,ja,,,,,,,\r\n");
    file.push_str(&",,,,,,,,,,\r\n".repeat(1030));
    file.push_str("b@example.com,山田,花子,ja,,,,,,,\r\n");
    let (_, records) = result(file.as_bytes(), Lang::En);
    let blank: Vec<[&str; 3]> = records[2..1032].iter().map(|r| tail(r)).collect();
    assert!(
        blank
            .iter()
            .all(|t| *t == ["NG", "blank-row", "empty row between users"]),
        "{:?}",
        &blank[..2]
    );
    assert_eq!(tail(&records[1032]), ["OK", "", ""]);
}

/// A blank row before the header is the blank row's error too: it was shown only on the data rows
/// (as an error of a line before the header) while the blank row itself read `OK`. Found by
/// tests/result_csv_props.rs.
#[test]
fn a_blank_row_before_the_header_is_ng_itself() {
    let file = format!("\r\n,,\r\n{HEADER}taro@example.com,山田,太郎,ja,,,,,,,\r\n");
    let (lines, _) = result(file.as_bytes(), Lang::En);
    assert_eq!(
        lines[..2],
        [
            ",NG,blank-row,empty row between users",
            ",,,NG,blank-row,empty row between users",
        ]
    );
    assert_eq!(
        lines[3],
        "taro@example.com,山田,太郎,ja,,,,,,,,NG,blank-row,row 1: empty row between users / \
         row 2: empty row between users"
    );
    // A file of blank rows only: each is NG.
    let (lines, _) = result(b"\r\n,,\r\n", Lang::En);
    assert_eq!(
        lines,
        [
            ",NG,blank-row,empty row between users",
            ",,,NG,blank-row,empty row between users",
            ""
        ]
    );
}
