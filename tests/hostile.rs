//! The hostile-input corpus: each case ends with an exact diagnostic or typed error, within the
//! checker's bounds. Inputs are generated (see `hostile/cases.rs`) and streamed in 64 KiB chunks;
//! `benches/hostile.rs` times the same cases.

#[path = "hostile/cases.rs"]
mod cases;
mod common;

use csv_preflight::{builtin, CheckOptions, Checker, ErrorKind, Profile, Report, TextEncoding};

/// `(code, count)` of the summary.
fn counts(report: &Report) -> Vec<(&'static str, u64)> {
    report
        .summary
        .by_code
        .iter()
        .map(|(c, n)| (c.as_str(), *n))
        .collect()
}

fn iwpro() -> Profile {
    builtin(cases::PROFILE).unwrap()
}

fn streamed(bytes: &[u8], profile: &Profile) -> Report {
    common::check_chunked(bytes, profile, CheckOptions::default(), 64 << 10)
}

#[test]
fn a_10_mib_field_is_cut_at_the_field_limit() {
    let report = streamed(&cases::ten_mb_field(), &iwpro());
    assert_eq!(
        common::outline(&report),
        [("field-too-long", Some(2), Some(2))]
    );
    assert_eq!(
        report.diagnostics[0].message,
        "the value is longer than 1048576 bytes; only its start was checked"
    );
    assert_eq!(report.summary.rows, 1);
}

#[test]
fn a_row_of_100_000_columns_keeps_4096() {
    let report = streamed(&cases::hundred_thousand_columns(), &iwpro());
    assert_eq!(
        common::outline(&report),
        [
            ("too-many-fields", Some(2), None),
            ("value-not-needed", Some(2), Some(5)),
            ("not-in-list", Some(2), Some(6)),
            ("value-not-needed", Some(2), Some(7)),
            ("value-not-needed", Some(2), Some(8)),
            ("value-not-needed", Some(2), Some(9)),
            ("value-not-needed", Some(2), Some(10)),
            ("value-not-needed", Some(2), Some(11)),
            ("extra-cell", Some(2), Some(12)),
        ]
    );
    assert_eq!(
        report.diagnostics[0].message,
        "row has 100000 cells; only the first 4096 were checked"
    );
}

#[test]
fn a_row_over_the_record_limit_is_cut_and_reported() {
    let report = streamed(&cases::long_record(), &iwpro());
    assert_eq!(
        common::outline(&report),
        [
            ("record-too-long", Some(2), None),
            ("value-not-needed", Some(2), Some(7)),
            ("value-not-needed", Some(2), Some(8)),
            ("value-not-needed", Some(2), Some(9)),
            ("value-not-needed", Some(2), Some(10)),
            ("value-not-needed", Some(2), Some(11)),
            ("extra-cell", Some(2), Some(12)),
        ]
    );
    assert_eq!(
        report.diagnostics[0].message,
        "the row is longer than 4194304 bytes; only its start was checked"
    );
}

#[test]
fn an_unterminated_quote_at_the_start_makes_one_header_label() {
    let report = streamed(&cases::unterminated_quote_at_start(), &iwpro());
    assert_eq!(
        common::outline(&report),
        [
            ("no-data-rows", None, None),
            // The header names no IWpro column: one finding, not one per required column.
            ("missing-label", Some(1), None),
            ("extra-label", Some(1), Some(1)),
            ("unclosed-quote", Some(1), Some(1)),
        ]
    );
    // The swallowed label is shortened in the report like a value.
    let label = report.diagnostics[2].column.as_deref().unwrap();
    assert!(
        label.ends_with('…') && label.chars().count() == 81,
        "{label:?}"
    );
}

#[test]
fn a_nul_flood_is_one_header_label() {
    let report = streamed(&cases::nul_flood(), &iwpro());
    assert_eq!(
        common::outline(&report),
        [
            ("no-data-rows", None, None),
            // The header names no IWpro column: one finding, not one per required column.
            ("missing-label", Some(1), None),
            ("extra-label", Some(1), Some(1)),
        ]
    );
    assert_eq!(report.detected.encoding, Some(TextEncoding::Utf8));
}

#[test]
fn nuls_in_a_cell_are_a_control_character() {
    let report = streamed(&cases::nul_cell(), &iwpro());
    assert_eq!(
        common::outline(&report),
        [("control-character", Some(2), Some(2))]
    );
    assert_eq!(
        report.diagnostics[0].message,
        "the value contains NUL (U+0000)"
    );
}

#[test]
fn an_invalid_byte_at_every_position_is_reported_at_that_byte() {
    // 0xFF is invalid in every encoding the checker knows: the file stays UTF-8 and the byte is an
    // `encoding-error` exactly where it is.
    let profile = iwpro();
    let len = cases::short_file().len();
    for at in 0..len {
        let bytes = cases::invalid_byte_at(at, 0xFF);
        let report = csv_preflight::check(&bytes, &profile, CheckOptions::default()).unwrap();
        let errors: Vec<(Option<u64>, Option<u64>)> = report
            .diagnostics
            .iter()
            .filter(|d| d.code.as_str().starts_with("encoding"))
            .map(|d| (d.row, d.byte))
            .collect();
        // A record's LF replaced: its CR ends it, and the bad byte starts the next record.
        let row = if at + 1 < cases::HEADER.len() {
            1
        } else if at + 1 < len {
            2
        } else {
            3
        };
        assert_eq!(errors, [(Some(row), Some(at as u64))], "0xFF at {at}");
        assert_eq!(report.detected.encoding, Some(TextEncoding::Utf8));
        assert!(!report.valid);
    }
}

#[test]
fn a_cell_of_200_000_invalid_bytes_is_16_exact_diagnostics_and_one_for_the_rest() {
    // The first malformed bytes are reported each at its offset, the rest as one finding (one
    // per byte held 440 B each at once: a 4 MiB row of them took 1.76 GiB); identifying and
    // decoding stay linear (they were quadratic: 23 s for a 1 MB cell, now 0.2 s).
    let report = streamed(&cases::invalid_cell(200_000), &iwpro());
    assert_eq!(counts(&report), [("encoding-error", 17)]);
    assert_eq!(report.detected.encoding, Some(TextEncoding::Utf8));
    assert_eq!(report.diagnostics.len(), 17);
    let first = cases::HEADER.len() as u64 + "taro@example.com,".len() as u64;
    assert_eq!(report.diagnostics[0].byte, Some(first));
    assert_eq!(report.diagnostics[15].byte, Some(first + 15));
    assert_eq!(report.diagnostics[16].byte, Some(first + 16));
    assert_eq!(
        report.diagnostics[16].message,
        "199984 more byte sequences in this cell are not valid UTF-8"
    );
}

#[test]
fn the_result_csv_of_200_000_invalid_bytes_names_the_code_and_the_message_once() {
    let out = csv_preflight::result_csv(
        &cases::invalid_cell(200_000),
        &iwpro(),
        CheckOptions::default(),
    )
    .unwrap();
    let text = String::from_utf8(out.bytes).unwrap();
    let row = text.split("\r\n").nth(1).unwrap();
    let tail = row.rsplit_once(",NG,").unwrap().1;
    let (codes, messages) = tail.split_once(',').unwrap();
    // The cell's 17 findings (16 bytes, then one for the rest): the code once, the same message
    // once with its count.
    assert_eq!(codes, "encoding-error");
    assert_eq!(
        messages,
        "family_name: bytes 0xFF are not valid UTF-8 (×16) / \
         family_name: 199984 more byte sequences in this cell are not valid UTF-8"
    );
    // The decoded cell (3 bytes per U+FFFD) and 2 messages: no amplification beyond that.
    assert!(text.len() < 200_000 * 3 + 1_000, "{}", text.len());
}

#[test]
fn a_stray_legacy_byte_at_every_position_decides_a_legacy_encoding() {
    // A byte that some legacy encoding reads is evidence for it, not damage: 0x80 is € in GBK;
    // 0xC3 with a following byte in 0x40..=0x7E is a Big5 character, otherwise a Shift_JIS
    // half-width katakana. IWpro accepts neither: one `encoding-not-accepted`, nothing else.
    let profile = iwpro();
    let len = cases::short_file().len();
    for (bad, at) in [0x80u8, 0xC3]
        .into_iter()
        .flat_map(|b| (0..len).map(move |at| (b, at)))
    {
        let bytes = cases::invalid_byte_at(at, bad);
        let report = csv_preflight::check(&bytes, &profile, CheckOptions::default()).unwrap();
        let expected = match (bad, bytes.get(at + 1)) {
            (0x80, _) => TextEncoding::Gbk,
            (_, Some(0x40..=0x7E)) => TextEncoding::Big5,
            _ => TextEncoding::ShiftJis,
        };
        assert_eq!(
            report.detected.encoding,
            Some(expected),
            "0x{bad:02X} at {at}"
        );
        let encoding: Vec<_> = common::outline(&report)
            .into_iter()
            .filter(|d| d.0.starts_with("encoding"))
            .collect();
        assert_eq!(
            encoding,
            [("encoding-not-accepted", None, None)],
            "0x{bad:02X} at {at}"
        );
    }
}

#[test]
fn a_bom_alone_and_no_bytes_are_an_empty_file() {
    for bytes in [cases::bom_only(), cases::empty()] {
        let report = streamed(&bytes, &iwpro());
        assert_eq!(common::outline(&report), [("empty-file", None, None)]);
        assert_eq!(report.detected.encoding, None);
    }
}

#[test]
fn a_header_alone_has_no_data_rows() {
    let report = streamed(&cases::header_only(), &iwpro());
    assert_eq!(common::outline(&report), [("no-data-rows", None, None)]);
}

#[test]
fn a_million_blank_lines_at_the_end_are_one_warning() {
    let report = streamed(&cases::million_blank_lines(), &iwpro());
    assert_eq!(
        common::outline(&report),
        [("trailing-blank-lines", Some(3), None)]
    );
    assert_eq!(
        report.diagnostics[0].message,
        "1000000 empty line(s) at the end of the file"
    );
    assert!(report.valid);
}

#[test]
fn a_million_blank_rows_are_counted_exactly_and_stored_up_to_the_cap() {
    let report = streamed(&cases::million_blank_rows(), &iwpro());
    assert_eq!(counts(&report), [("blank-row", 1_000_000)]);
    assert_eq!(report.diagnostics.len(), 1000);
    assert!(report.diagnostics_capped);
    assert_eq!(report.diagnostics[999].row, Some(1001));
    assert_eq!(report.summary.rows, 1);
}

#[test]
fn mixed_encodings_mostly_utf8_report_the_shift_jis_bytes() {
    let report = streamed(&cases::mixed_encodings_mostly_utf8(), &iwpro());
    assert_eq!(report.detected.encoding, Some(TextEncoding::Utf8));
    // 鈴木 一郎 in Shift_JIS: each byte pair that is not UTF-8, at its byte.
    let rows: Vec<(&str, Option<u64>, Option<u32>)> = common::outline(&report);
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|(code, row, _)| *code == "encoding-error" && *row == Some(12)),
        "{rows:?}"
    );
    assert_eq!(counts(&report), [("encoding-error", rows.len() as u64)]);
    let columns: std::collections::BTreeSet<u32> = rows.iter().filter_map(|r| r.2).collect();
    assert_eq!(columns.into_iter().collect::<Vec<_>>(), [2, 3]);
}

#[test]
fn mixed_encodings_in_equal_parts_are_one_guess_never_a_crash() {
    // Neither half decides: no single encoding reads the file, GBK is the only one that decodes
    // every byte (as the wrong characters), and it is not one IWpro accepts.
    let report = streamed(&cases::mixed_encodings_balanced(), &iwpro());
    assert_eq!(report.detected.encoding, Some(TextEncoding::Gbk));
    assert_eq!(
        common::outline(&report),
        [("encoding-not-accepted", None, None)]
    );
}

#[test]
fn deeply_nested_profile_json_is_a_typed_error() {
    let message = |json: &str| match Profile::from_json(json).unwrap_err().kind() {
        ErrorKind::InvalidProfile { message } => message.clone(),
        other => panic!("{other:?}"),
    };
    // Where the format takes any JSON value (an untagged parameter default), serde_json's
    // recursion limit (128) stops the descent.
    assert_eq!(
        message(&cases::nested_in_a_parameter(100_000)),
        "recursion limit exceeded at line 1 column 290"
    );
    // Elsewhere the type is wrong from the first bracket.
    assert_eq!(
        message(&cases::nested_arrays(100_000)),
        "invalid type: sequence, expected u32 at line 1 column 1"
    );
}

#[test]
fn a_profile_over_1_mib_is_a_typed_error() {
    let err = Profile::from_json(&cases::huge_profile()).unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::InvalidProfile {
            message: "the profile is larger than 1048576 bytes".into()
        }
    );
}

#[test]
fn a_profile_of_20_000_columns_checks_a_20_000_column_file() {
    let profile = Profile::from_json(&cases::profile_with_columns(20_000, None)).unwrap();
    let mut csv = (0..20_000)
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(",");
    csv.push_str("\r\n");
    csv.push_str(&vec!["x"; 20_000].join(","));
    csv.push_str("\r\n");
    let report = streamed(csv.as_bytes(), &profile);
    assert_eq!(
        common::outline(&report),
        [
            ("too-many-fields", Some(1), None),
            ("too-many-fields", Some(2), None),
            ("extra-cell", Some(2), None),
        ]
    );
}

fn pattern_error(pattern: &str) -> String {
    let profile = Profile::from_json(&cases::profile_with_pattern(pattern)).unwrap();
    match Checker::new(&profile, CheckOptions::default()) {
        Err(e) => match e.kind() {
            ErrorKind::InvalidPattern { message, .. } => message.clone(),
            other => panic!("{other:?}"),
        },
        Ok(_) => panic!("{pattern} compiled"),
    }
}

#[test]
fn catastrophic_patterns_run_in_linear_time() {
    // Backtracking engines take exponential time on these; regex-lite is O(size × length), and a
    // value over 4 KiB is not matched at all.
    for pattern in ["(a*)*b", "(a|a)*b", "(a+)+$b", "(?:.*){20}b"] {
        let profile = Profile::from_json(&cases::profile_with_pattern(pattern)).unwrap();
        let report = streamed(&cases::id_row(4096), &profile);
        assert_eq!(
            common::outline(&report),
            [("pattern-mismatch", Some(2), Some(1))],
            "{pattern}"
        );
        let report = streamed(&cases::id_row(1_000_000), &profile);
        assert_eq!(
            common::outline(&report),
            [("field-too-long", Some(2), Some(1))],
            "{pattern}"
        );
        assert_eq!(
            report.diagnostics[0].message,
            "the value is longer than 4096 bytes, too long to be checked against the pattern of \"id\""
        );
    }
}

#[test]
fn patterns_too_big_or_too_deep_are_typed_errors() {
    assert_eq!(
        pattern_error("a{100000}"),
        "compiled regex exceeded size limit"
    );
    // 16 KiB per pattern: the worst pattern that fits, and the next size up.
    assert_eq!(
        pattern_error("(?:.*){200}b"),
        "compiled regex exceeded size limit"
    );
    let fits = Profile::from_json(&cases::profile_with_pattern("(?:.*){180}b")).unwrap();
    assert!(Checker::new(&fits, CheckOptions::default()).is_ok());
    let deep = format!("{}a{}", "(".repeat(100), ")".repeat(100));
    assert!(
        pattern_error(&deep).contains("nest"),
        "{}",
        pattern_error(&deep)
    );
    // Many patterns, each under the limit, over the profile's total.
    let profile = Profile::from_json(&cases::profile_with_columns(200, Some("a{500}"))).unwrap();
    let err = Checker::new(&profile, CheckOptions::default())
        .err()
        .unwrap();
    assert_eq!(
        err.kind(),
        &ErrorKind::InvalidPattern {
            pattern: "a{500}".into(),
            message: "the profile's patterns together compile to more than 1048576 bytes".into()
        }
    );
}

/// `family_name` holding `name`, in a file encoded with `encode`, checked with `limits`.
fn cut_case(name: &str, sjis: bool, limits: csv_preflight::Limits) -> Report {
    let row = format!("taro@example.com,{name},Taro,ja,,,,,,,\r\n");
    let text = format!("{}{row}", cases::HEADER);
    let bytes = if sjis {
        encoding_rs::SHIFT_JIS.encode(&text).0.into_owned()
    } else {
        text.into_bytes()
    };
    let options = CheckOptions {
        limits,
        ..CheckOptions::default()
    };
    // Whole, and in 7-byte chunks (the cut then falls across chunk boundaries too).
    let whole = common::check_chunked(&bytes, &iwpro(), options.clone(), bytes.len());
    let chunked = common::check_chunked(&bytes, &iwpro(), options, 7);
    assert_eq!(whole, chunked);
    whole
}

#[test]
fn a_field_cut_inside_a_character_is_not_an_encoding_error() {
    let field = |max_field_bytes| csv_preflight::Limits {
        max_field_bytes,
        ..csv_preflight::Limits::default()
    };
    // 36 bytes of UTF-8 cut at 31: ten characters and one byte of the eleventh.
    let report = cut_case(&"山田".repeat(6), false, field(31));
    assert_eq!(
        common::outline(&report),
        [("field-too-long", Some(2), Some(2))]
    );
    // Cut at 30, on a character boundary: the same.
    let report = cut_case(&"山田".repeat(6), false, field(30));
    assert_eq!(
        common::outline(&report),
        [("field-too-long", Some(2), Some(2))]
    );
    // Shift_JIS, 24 bytes cut at 23: a lead byte without its trail byte.
    let report = cut_case(&"山田".repeat(6), true, field(23));
    assert_eq!(report.detected.encoding, Some(TextEncoding::ShiftJis));
    assert_eq!(
        common::outline(&report),
        [
            ("encoding-not-accepted", None, None),
            ("field-too-long", Some(2), Some(2))
        ]
    );
}

#[test]
fn a_field_cut_by_the_record_bound_inside_a_character_is_not_an_encoding_error() {
    let limits = csv_preflight::Limits {
        max_record_bytes: 41,
        ..csv_preflight::Limits::default()
    };
    // The e-mail address takes 16 bytes; 25 are left: eight characters and one byte.
    let report = cut_case(&"山田".repeat(6), false, limits);
    assert!(
        !common::outline(&report)
            .iter()
            .any(|(code, _, _)| *code == "encoding-error"),
        "{:?}",
        common::outline(&report)
    );
    assert!(common::outline(&report).contains(&("record-too-long", Some(2), None)));
}

#[test]
fn a_malformed_byte_before_the_cut_is_still_reported() {
    let limits = csv_preflight::Limits {
        max_field_bytes: 31,
        ..csv_preflight::Limits::default()
    };
    // A lone continuation byte (an invalid character) third in the name, then the cut.
    let mut bytes = format!("{}taro@example.com,山", cases::HEADER).into_bytes();
    bytes.push(0x80);
    bytes.extend_from_slice(format!("{},Taro,ja,,,,,,,\r\n", "山田".repeat(6)).as_bytes());
    let report = common::check_chunked(
        &bytes,
        &iwpro(),
        CheckOptions {
            limits,
            ..CheckOptions::default()
        },
        bytes.len(),
    );
    let outline = common::outline(&report);
    assert!(
        outline.contains(&("encoding-error", Some(2), Some(2))),
        "{outline:?}"
    );
    assert_eq!(
        report
            .summary
            .by_code
            .get(&csv_preflight::Code::EncodingError),
        Some(&1)
    );
}

#[test]
fn a_workbook_or_an_image_is_one_finding_not_mojibake() {
    // An .xlsx saved under a .csv name (a ZIP archive), and a PNG, each with bytes that read as
    // text would give a header of garbage and a guessed encoding.
    let mut xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".to_vec();
    xlsx.extend((0..=255u8).cycle().take(100_000));
    let mut png = b"\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR".to_vec();
    png.extend((0..=255u8).rev().cycle().take(3_000));
    for (bytes, message) in [
        (&xlsx, "this is an Excel workbook (.xlsx) or another ZIP archive, not a CSV file; it was not checked"),
        (&png, "this is a PNG image, not a CSV file; it was not checked"),
    ] {
        for chunk in [1, 7, bytes.len()] {
            let report = common::check_chunked(bytes, &iwpro(), CheckOptions::default(), chunk);
            assert_eq!(common::outline(&report), [("not-text", None, None)]);
            assert_eq!(report.diagnostics[0].message, message);
            assert_eq!((report.detected.encoding, report.detected.bytes, report.detected.records), (None, bytes.len() as u64, 0));
        }
    }
}

#[test]
fn the_result_csv_shortens_a_header_label_of_a_megabyte_in_its_messages() {
    // One header label of 1 MiB - 1 bytes, then rows with a stray quote each: every message
    // repeated the label (100 rows gave a 106 MB result CSV).
    let mut bytes = "x".repeat((1 << 20) - 1).into_bytes();
    bytes.extend_from_slice(b"\r\n");
    for _ in 0..100 {
        bytes.extend_from_slice(b"a\"b\r\n");
    }
    let out = csv_preflight::result_csv(&bytes, &iwpro(), CheckOptions::default()).unwrap();
    assert!(
        out.bytes.len() < bytes.len() + 100 * 1000,
        "{} bytes",
        out.bytes.len()
    );
    let text = String::from_utf8_lossy(&out.bytes);
    let second_row = text.lines().nth(1).unwrap();
    assert!(
        second_row.contains(&format!("{}…: ", "x".repeat(80))),
        "{}",
        &second_row[..200.min(second_row.len())]
    );
}

#[test]
fn a_cell_of_many_malformed_bytes_is_sixteen_findings_and_one_for_the_rest() {
    // A 4 MiB record of invalid bytes held 4 million findings at once (1.76 GiB).
    let mut bytes = format!("{}taro@example.com,", cases::HEADER).into_bytes();
    bytes.extend(std::iter::repeat(b"a\xFF").take(100_000).flatten());
    bytes.extend_from_slice(b",Taro,ja,,,,,,,\r\n");
    for chunk in [7, bytes.len()] {
        let report = common::check_chunked(&bytes, &iwpro(), CheckOptions::default(), chunk);
        assert_eq!(
            report
                .summary
                .by_code
                .get(&csv_preflight::Code::EncodingError),
            Some(&17)
        );
        let last = report
            .diagnostics
            .iter()
            .rfind(|d| d.code.as_str() == "encoding-error")
            .unwrap();
        assert_eq!(
            last.message,
            "99984 more byte sequences in this cell are not valid UTF-8"
        );
        // At the first of them: the header, the address and comma, then 16 × "a\xFF" and an "a".
        let content = (cases::HEADER.len() + "taro@example.com,".len()) as u64;
        assert_eq!(last.byte, Some(content + 16 * 2 + 1));
    }
}

/// A bound of 0 is an invalid option for every caller (the library, the package, the page), not a
/// report of a missing header and blank rows in a file that has neither.
#[test]
fn a_limit_below_one_is_an_invalid_option() {
    let mut options = CheckOptions::default();
    options.limits.max_record_bytes = 0;
    let error = csv_preflight::check(b"a\r\n", &iwpro(), options).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid options: limits.maxRecordBytes must be at least 1, not 0"
    );
}
