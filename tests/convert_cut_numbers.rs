//! Numbers Excel cut to 15 significant digits, in conversion: the same per-column decision as the
//! check's `digits-truncated` (leading zeros and date columns left out, a column with one whole
//! long number not cut), and a warning that says so when the target's brackets (Canon) are added
//! to such a number: the brackets make the output look repaired, and the lost digits stay lost.

use csv_preflight::convert::{convert, ConvertOptions, ConvertResult, ConvertStatus, Converter};
use csv_preflight::{builtin, check, CheckOptions, Lang};

fn options(lang: Lang) -> ConvertOptions {
    ConvertOptions {
        date: Some("2026-11-21".into()),
        from: "canon/users".into(),
        lang,
        ..ConvertOptions::default()
    }
}

fn to_canon(source: &str, lang: Lang) -> ConvertResult {
    let canon = builtin("canon/users").unwrap();
    let r = convert(source.as_bytes(), &canon, options(lang)).unwrap();
    assert_eq!(r.status, ConvertStatus::Ready, "{:?}", r.refusal);
    r
}

/// `code row column "value"` per diagnostic of the conversion.
fn findings(r: &ConvertResult) -> Vec<String> {
    r.diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {:?}",
                d.code,
                d.row.unwrap_or(0),
                d.column.as_deref().unwrap_or("-"),
                d.value.as_deref().unwrap_or("")
            )
        })
        .collect()
}

const CUT_UID: &str = "uid,cn,dept_id\r\n\
                       1234567890123450,山田 太郎,1\r\n\
                       yamada,山田 花子,2\r\n";

#[test]
fn brackets_added_to_a_cut_number_come_with_a_warning_that_they_do_not_restore_it() {
    let r = to_canon(CUT_UID, Lang::En);
    // The repair is made (the device needs brackets around a number of more than 12 digits)...
    assert!(String::from_utf8(r.bytes.clone())
        .unwrap()
        .contains("\r\n[1234567890123450],山田 太郎,1\r\n"));
    // (The first change is the `CharSet:UTF8` marker a UTF-8 file for the device needs.)
    let changes: Vec<_> = r
        .changes
        .iter()
        .map(|c| (c.reason.as_str(), c.row, c.after.as_str()))
        .collect();
    assert_eq!(
        changes,
        [
            ("header-marker-added", Some(1), "CharSet:UTF8"),
            ("brackets-added", Some(2), "[1234567890123450]")
        ]
    );
    // ...and it is not claimed silently.
    assert_eq!(
        findings(&r),
        ["digits-truncated 2 uid \"1234567890123450\""]
    );
    let d = &r.diagnostics[0];
    assert_eq!(d.severity, csv_preflight::Severity::Warning);
    assert_eq!((d.output_row, d.column_index), (Some(2), Some(1)));
    assert_eq!(d.source_column.as_deref(), Some("uid"));
    assert_eq!(
        d.message,
        "the number ends in zeros after its 15th digit, as Excel leaves a longer number: the \
         digits after the 15th are lost, and the brackets added for the target do not bring them \
         back"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "Excel keeps only 15 significant digits of a number and replaces the rest with zeros \
             (card numbers, long IDs). Type the value again from the original system or \
             document; the brackets only keep Excel from cutting it again."
        )
    );
    assert_eq!((r.summary.warnings, r.summary.errors), (1, 0));
    // The re-check cannot see it: to the device, a bracketed value is text.
    assert!(r
        .report
        .diagnostics
        .iter()
        .all(|d| d.code.as_str() != "digits-truncated"));

    let ja = to_canon(CUT_UID, Lang::Ja);
    let d = &ja.diagnostics[0];
    assert_eq!(
        d.message,
        "15 桁を超える数値の 16 桁目以降が 0 で、Excel が切り詰めた数値とみられます。16 桁目以降は\
         失われており、変換先の規則で追加した [ ] では元に戻りません"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "Excel は数値の有効桁を 15 桁までしか保持せず、残りを 0 にします（カード番号、長い ID \
             など）。元のシステムや資料から値を入力し直してください。[ ] は Excel による切り詰めを\
             今後防ぐだけです。"
        )
    );
}

#[test]
fn the_warning_is_the_same_whatever_the_chunking() {
    let canon = builtin("canon/users").unwrap();
    let whole = to_canon(CUT_UID, Lang::En);
    for size in [1, 7, 64] {
        let mut c = Converter::new(&canon, options(Lang::En)).unwrap();
        for piece in CUT_UID.as_bytes().chunks(size) {
            c.push(piece);
        }
        let r = c.finish().unwrap();
        assert_eq!(r.diagnostics, whole.diagnostics, "chunks of {size}");
    }
}

/// The check's rule, not a second one: the converter warns on exactly the cells the check of the
/// same file against the same profile reports as `digits-truncated`.
#[test]
fn the_converter_decides_as_the_check_does() {
    let header = "uid,cn,cardIdList,dept_id,createDate,lastLoginDate,mail";
    let source = format!(
        "{header}\r\n\
         1234567890123450,a,,1,20250601000000000,,1234567890123450000\r\n\
         1234567890123400,b,,2,20250602000000000,20250602120000000,2345678901234560000\r\n\
         1234567890123456,c,,3,,,3456789012345670000\r\n\
         00012345678901234500,d,,4,,,\r\n"
    );
    let canon = builtin("canon/users").unwrap();
    let report = check(source.as_bytes(), &canon, CheckOptions::default()).unwrap();
    let checked: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "digits-truncated")
        .map(|d| {
            format!(
                "digits-truncated {} {} {:?}",
                d.row.unwrap_or(0),
                d.column.as_deref().unwrap_or("-"),
                d.value.as_deref().unwrap_or("")
            )
        })
        .collect();
    let r = to_canon(&source, Lang::En);
    let converted: Vec<String> = findings(&r)
        .into_iter()
        .filter(|f| f.starts_with("digits-truncated"))
        .collect();
    // uid: one long number ends in 6, so the column was not cut; createDate and lastLoginDate
    // are dates; a value with leading zeros was text. Only `mail` was cut.
    assert_eq!(
        converted,
        [
            "digits-truncated 2 mail \"1234567890123450000\"",
            "digits-truncated 3 mail \"2345678901234560000\"",
            "digits-truncated 4 mail \"3456789012345670000\"",
        ]
    );
    assert_eq!(converted, checked);
}

/// A value the source file had in brackets was text to Excel: it did not cut it.
#[test]
fn a_number_the_source_had_in_brackets_is_not_a_cut_number() {
    let r = to_canon(
        "uid,cn,dept_id\r\n[1234567890123450],山田 太郎,1\r\n",
        Lang::En,
    );
    assert_eq!(findings(&r), Vec::<String>::new());
    // Only the `CharSet:UTF8` marker a UTF-8 file for the device needs: no brackets added.
    let reasons: Vec<_> = r.changes.iter().map(|c| c.reason.as_str()).collect();
    assert_eq!(reasons, ["header-marker-added"]);
}

/// To a target without brackets the value is written as it is, with the check's message.
#[test]
fn a_cut_number_to_a_target_without_brackets_keeps_the_plain_warning() {
    let iwpro = builtin("fujifilm-iwpro/add-users").unwrap();
    let source = "mail_address,family_name,given_name,language,iccard_number\r\n\
                  taro@example.com,山田,太郎,ja,1234567890123450000\r\n";
    let options = ConvertOptions {
        from: "header".into(),
        ..options(Lang::En)
    };
    let r = convert(source.as_bytes(), &iwpro, options).unwrap();
    assert_eq!(
        findings(&r),
        ["digits-truncated 2 iccard_number \"1234567890123450000\""]
    );
    assert_eq!(
        r.diagnostics[0].message,
        "the number has more than 15 digits and ends in zeros: Excel may have cut it to 15 \
         significant digits"
    );
}

/// What Excel left is judged, before the mapping pads it with zeros; the mapping's constants and
/// defaults are not Excel's.
#[test]
fn a_padded_cut_number_is_still_cut_and_the_mapping_s_own_values_are_not() {
    let mapping = csv_preflight::convert::Mapping::from_json(
        r#"{
          "formatVersion": 1, "from": "header", "to": "canon/users",
          "columns": [
            { "target": "uid", "from": "社員番号", "zeroPad": 20 },
            { "target": "cn", "from": "氏名", "default": "1234567890123450" },
            { "target": "mail", "constant": "2345678901234560" }
          ]
        }"#,
    )
    .unwrap();
    let options = ConvertOptions {
        from: "header".into(),
        mapping: Some(mapping),
        ..options(Lang::En)
    };
    let source = "社員番号,氏名\r\n1234567890123450,\r\n";
    let r = convert(source.as_bytes(), &builtin("canon/users").unwrap(), options).unwrap();
    assert_eq!(
        findings(&r),
        ["digits-truncated 2 uid \"1234567890123450\""]
    );
    assert!(r.diagnostics[0].message.contains("brackets added"));
    assert!(String::from_utf8(r.bytes)
        .unwrap()
        .contains("\r\n[00001234567890123450],"));
}
