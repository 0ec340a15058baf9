//! The same users in every encoding Excel writes: identified by name, checked against the profile.

mod common;

use csv_preflight::{builtin, check, CheckOptions, Code, TextEncoding};

const HEADER: &str = "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number\r\n";

/// Users with names in the script each encoding is used for.
fn users(names: &[(&str, &str)]) -> String {
    let mut csv = HEADER.to_string();
    for (i, (family, given)) in names.iter().enumerate() {
        csv.push_str(&format!(
            "user{i}@example.com,{family},{given},ja,,NCS001,,,,,\r\n"
        ));
    }
    csv
}

fn japanese() -> String {
    users(&[
        ("山田", "太郎"),
        ("佐藤", "さくら"),
        ("鈴木", "一郎"),
        ("髙橋", "ゆうこ"),
        ("渡辺", "ケンジ"),
    ])
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian {
            &[0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE]
        });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

fn detected(bytes: &[u8]) -> (Option<TextEncoding>, Vec<Code>) {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let report = check(bytes, &profile, CheckOptions::default()).unwrap();
    assert_eq!(report.summary.rows, 5, "all five users read");
    (
        report.detected.encoding,
        report.diagnostics.iter().map(|d| d.code).collect(),
    )
}

#[test]
fn each_legacy_encoding_is_identified_and_rejected_for_iwpro() {
    let korean = users(&[
        ("김", "민수"),
        ("이", "서연"),
        ("박", "지훈"),
        ("최", "하은"),
        ("정", "도윤"),
    ]);
    let traditional = users(&[
        ("陳", "大文"),
        ("林", "美玲"),
        ("張", "志明"),
        ("黃", "淑芬"),
        ("王", "建國"),
    ]);
    let simplified = users(&[
        ("王", "小明"),
        ("李", "华"),
        ("张", "伟"),
        ("刘", "洋"),
        ("陈", "静"),
    ]);
    let cases: [(&str, &'static encoding_rs::Encoding, TextEncoding); 5] = [
        (&japanese(), encoding_rs::SHIFT_JIS, TextEncoding::ShiftJis),
        (&japanese(), encoding_rs::EUC_JP, TextEncoding::EucJp),
        (&korean, encoding_rs::EUC_KR, TextEncoding::EucKr),
        (&traditional, encoding_rs::BIG5, TextEncoding::Big5),
        (&simplified, encoding_rs::GBK, TextEncoding::Gbk),
    ];
    for (text, enc, expected) in cases {
        let (bytes, _, unmappable) = enc.encode(text);
        assert!(!unmappable, "{} cannot hold the sample", enc.name());
        let (found, codes) = detected(&bytes);
        assert_eq!(found, Some(expected), "{}", enc.name());
        assert_eq!(codes, vec![Code::EncodingNotAccepted], "{}", enc.name());
    }
}

#[test]
fn utf16_with_and_without_bom() {
    for (big_endian, bom, expected) in [
        (false, true, TextEncoding::Utf16Le),
        (true, true, TextEncoding::Utf16Be),
        (false, false, TextEncoding::Utf16Le),
        (true, false, TextEncoding::Utf16Be),
    ] {
        let (found, codes) = detected(&utf16(&japanese(), big_endian, bom));
        assert_eq!(found, Some(expected));
        assert_eq!(codes, vec![Code::EncodingNotAccepted]);
    }
}

#[test]
fn utf16_positions_are_offsets_in_the_original_file() {
    let text = format!("{HEADER}user@example.com,山田,太郎,JA,,,,,,,\r\n");
    let bytes = utf16(&text, false, true);
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let report = check(&bytes, &profile, CheckOptions::default()).unwrap();
    let language = report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::NotInList)
        .unwrap();
    let prefix = format!("{HEADER}user@example.com,山田,太郎,");
    assert_eq!(
        language.byte,
        Some(2 + 2 * prefix.encode_utf16().count() as u64)
    );
    assert_eq!((language.row, language.column_index), (Some(2), Some(4)));
}

#[test]
fn utf8_with_and_without_bom_is_accepted() {
    let text = japanese();
    assert_eq!(
        detected(text.as_bytes()),
        (Some(TextEncoding::Utf8), vec![])
    );
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(text.as_bytes());
    assert_eq!(detected(&with_bom), (Some(TextEncoding::Utf8), vec![]));
}

#[test]
fn cp932_only_characters_are_read_as_shift_jis() {
    // ① and ㈱ exist only in Microsoft's CP932, which is what encoding_rs's Shift_JIS is.
    let text = users(&[
        ("㈱山田", "①"),
        ("佐藤", "さくら"),
        ("鈴木", "一郎"),
        ("髙橋", "ゆうこ"),
        ("渡辺", "ケンジ"),
    ]);
    let bytes = encoding_rs::SHIFT_JIS.encode(&text).0.into_owned();
    assert_eq!(detected(&bytes).0, Some(TextEncoding::ShiftJis));
}

/// A second byte order mark (or one from files joined together) stays in the first label: the
/// system takes it as part of the name, so the file is rejected, with the label named without it.
#[test]
fn a_second_byte_order_mark_is_an_error_in_the_header() {
    let text = format!("\u{feff}\u{feff}{}", users(&[("山田", "太郎")]));
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let report = check(text.as_bytes(), &profile, CheckOptions::default()).unwrap();
    let got: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code != Code::FileNameMismatch)
        .map(|d| (d.code, d.row, d.column_index, d.message.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![(
            Code::StrayBom,
            Some(1),
            Some(1),
            "the column name \"mail_address\" has an invisible byte order mark (U+FEFF) in it: the \
             system reads a different name and does not find the column"
        )]
    );
    // One mark is the file's own: no finding.
    let one = format!("\u{feff}{}", users(&[("山田", "太郎")]));
    let report = check(one.as_bytes(), &profile, CheckOptions::default()).unwrap();
    assert!(report.diagnostics.iter().all(|d| d.code != Code::StrayBom));
}
