//! Checking a legacy encoding's records through a decoded copy gives what checking them field by
//! field gives: the same report and the same result CSV, byte for byte.

use proptest::prelude::*;

use super::DECODE_WHOLE;
use crate::decode::TextEncoding;
use crate::report::{result_csv, Report};
use crate::{builtin, check, CheckOptions, Checker, Profile};

/// The report and the result CSV of `bytes`, with legacy records decoded whole or not.
fn outputs(bytes: &[u8], profile: &Profile, whole: bool, chunk: usize) -> (Report, Vec<u8>) {
    DECODE_WHOLE.with(|w| w.set(whole));
    let options = || CheckOptions {
        file_name: Some("users.csv".into()),
        ..CheckOptions::default()
    };
    let mut checker = Checker::new(profile, options()).unwrap();
    for part in bytes.chunks(chunk.max(1)) {
        checker.push(part);
    }
    let report = checker.finish();
    assert_eq!(report, check(bytes, profile, options()).unwrap());
    let csv = result_csv(bytes, profile, options()).unwrap().bytes;
    DECODE_WHOLE.with(|w| w.set(true));
    (report, csv)
}

/// `text` in `encoding` (characters it cannot hold become HTML references, as in a browser).
fn encode(text: &str, encoding: TextEncoding) -> Vec<u8> {
    encoding.encoding_rs().encode(text).0.into_owned()
}

/// The learningBOX header (ten columns), then its rows.
const HEADER: &str = "Login ID,Name,Display name,Department,Position,Email address,Password,\
Receive an E-mail about the release of the announcement notification,Country/Region of \
Residence,Belong to\r\n";

#[test]
fn shift_jis_rows_are_checked_as_their_text() {
    let profile = builtin("learningbox/users").unwrap();
    let mut bytes = encode(HEADER, TextEncoding::ShiftJis);
    let rows = [
        // Clean: kanji, half-width katakana.
        "yamada01,山田 太郎,ﾔﾏﾀﾞ,営業部,,yamada@example.com,,,Japan,sales\r\n",
        // A formula start and a space before a kanji name.
        "sato01,=佐藤, さくら,,,sato@example.com,,,Japan,sales\r\n",
        // The same login ID again; an unknown country.
        "yamada01,鈴木,鈴木,,,suzuki@example.com,,,日本,sales\r\n",
    ];
    for row in rows {
        bytes.extend(encode(row, TextEncoding::ShiftJis));
    }
    // Byte 0x80 in a name: U+0080 in Shift_JIS, a control character only the decoded text shows.
    bytes.extend(b"kato01,\x89\xc1\x80\x93\xa1,Kato,,,kato@example.com,,,Japan,sales\r\n");
    // A lead byte cut off at the end of a name: malformed, reported at its byte.
    bytes.extend(b"ito01,\x88\xc9\x93\xa1\x88,Ito,,,ito@example.com,,,Japan,sales\r\n");

    let (report, csv) = outputs(&bytes, &profile, true, bytes.len());
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.as_str(),
                d.row,
                d.column_index,
                d.byte,
                d.value.as_deref(),
            )
        })
        .collect();
    let row = |r| bytes_before(&bytes, r);
    let at = |code, r, col, byte, value| (code, Some(r), Some(col), Some(byte), Some(value));
    let expected = [
        // The cut character: no encoding reads the file without errors.
        ("encoding-unknown", None, None, None, None),
        at("formula-prefix", 3, 2, row(3) + 7, "=佐藤"),
        // After "sato01," and "=佐藤" (5 bytes in Shift_JIS) and a comma.
        at("untrimmed-value", 3, 3, row(3) + 13, " さくら"),
        at("unique-error", 4, 1, row(4), "yamada01"),
        at("too-short", 4, 3, row(4) + 14, "鈴木"),
        at("invalid-character", 4, 9, row(4) + 42, "日本"),
        at("control-character", 5, 2, row(5) + 7, "加\u{80}藤"),
        at("encoding-error", 6, 2, row(6) + 10, "伊藤\u{FFFD}"),
    ];
    assert_eq!(report.detected.encoding, Some(TextEncoding::ShiftJis));
    assert_eq!(found, expected);
    assert_eq!(outputs(&bytes, &profile, false, bytes.len()), (report, csv));
}

/// Where row `row` (1 is the header) starts in `bytes`.
fn bytes_before(bytes: &[u8], row: usize) -> u64 {
    let mut starts = std::iter::once(0).chain(
        bytes
            .windows(2)
            .enumerate()
            .filter(|(_, w)| w == b"\r\n")
            .map(|(i, _)| i + 2),
    );
    starts.nth(row - 1).unwrap() as u64
}

/// What a cell is made of: text (encoded in the file's encoding) or raw bytes, which may be
/// malformed or control characters in any encoding.
#[derive(Debug, Clone)]
enum Piece {
    Text(&'static str),
    Raw(&'static [u8]),
}

const PIECES: &[Piece] = &[
    Piece::Text("yamada"),
    Piece::Text("a@example.com"),
    Piece::Text("Japan"),
    Piece::Text("sales"),
    Piece::Text("山田"),
    Piece::Text("髙橋①"),
    Piece::Text("ﾔﾏﾀﾞ"),
    Piece::Text("김민수"),
    Piece::Text("陳大文"),
    Piece::Text("王小明"),
    Piece::Text("Müller"),
    Piece::Text(" "),
    Piece::Text("="),
    Piece::Text("\""),
    Piece::Text(","),
    Piece::Text("\t"),
    Piece::Text("\r\n"),
    Piece::Text("|"),
    Piece::Raw(b"\x80"),
    Piece::Raw(b"\x01"),
    Piece::Raw(b"\x7f"),
    Piece::Raw(b"\x82"),
    Piece::Raw(b"\xff"),
    Piece::Raw(b"\x82\xa0"),
    Piece::Raw(b"\xa4"),
    Piece::Raw(b"\xc2\x85"),
];

/// Profiles with the encodings they accept among the legacy ones, and their header.
fn profiles() -> Vec<(Profile, String)> {
    let canon = "uid,password,cn,cn;lang-ja;phonetic,mail,dept_id,dept_pin,roleName,\
accountExpires,accountDisabled,group,createDate,lastLoginDate,CharSet:UTF8\r\n";
    vec![
        (builtin("learningbox/users").unwrap(), HEADER.to_string()),
        (builtin("canon/users").unwrap(), canon.to_string()),
        (
            builtin("flat/users-total").unwrap(),
            "#email,tag,permission\r\n".to_string(),
        ),
    ]
}

const ENCODINGS: [TextEncoding; 6] = [
    TextEncoding::ShiftJis,
    TextEncoding::EucJp,
    TextEncoding::Gbk,
    TextEncoding::Gb18030,
    TextEncoding::Big5,
    TextEncoding::EucKr,
];

/// A file of the profile's header and rows whose cells are made of pieces; a cell is quoted when
/// its first piece says so.
fn file(header: &str, encoding: TextEncoding, rows: &[Vec<Vec<usize>>]) -> Vec<u8> {
    let mut bytes = encode(header, encoding);
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                bytes.push(b',');
            }
            let quoted = cell.first().is_some_and(|&p| p % 7 == 0);
            if quoted {
                bytes.push(b'"');
            }
            for &p in cell {
                match &PIECES[p % PIECES.len()] {
                    Piece::Text("\"") if quoted => bytes.extend(b"\"\""),
                    Piece::Text(text) => bytes.extend(encode(text, encoding)),
                    Piece::Raw(raw) => bytes.extend(*raw),
                }
            }
            if quoted {
                bytes.push(b'"');
            }
        }
        bytes.extend(b"\r\n");
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn decoding_whole_records_changes_nothing(
        profile in 0usize..3,
        encoding in 0usize..ENCODINGS.len(),
        rows in prop::collection::vec(
            prop::collection::vec(prop::collection::vec(0usize..200, 0..4), 0..16),
            1..12,
        ),
        chunk in 1usize..300,
    ) {
        let (profile, header) = profiles().swap_remove(profile);
        let mut profile = profile;
        let encoding = ENCODINGS[encoding];
        if !profile.file.encodings.contains(&encoding) {
            profile.file.encodings.push(encoding);
        }
        let bytes = file(&header, encoding, &rows);
        let whole = outputs(&bytes, &profile, true, chunk);
        let by_field = outputs(&bytes, &profile, false, chunk);
        prop_assert_eq!(whole, by_field);
    }
}
