//! Conversion through the public API: golden byte files, exact change logs and diagnostics.
//!
//! Fixtures in `tests/fixtures/convert/`: `people.*.csv` are the same users in every encoding
//! conversion writes (the legacy files were written by Python's codecs, not by this crate:
//! `cp932`, `euc_jp`, `cp949`, `big5hkscs`, `gbk`, `gb18030`); `hr.shift_jis.csv` is an Excel
//! export of an HR system; `iwpro.add-users.csv` and `canon.export.csv` are files of the built-in
//! profiles; `*.expected.csv` are the converted files.

use std::path::{Path, PathBuf};

use csv_preflight::convert::{
    convert, ChangeReason, ConvertOptions, ConvertResult, ConvertStatus, Converter, Mapping,
};
use csv_preflight::{builtin, check, CheckOptions, Profile, TextEncoding};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/convert")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn people() -> Profile {
    let json = String::from_utf8(fixture("people.profile.json")).unwrap();
    Profile::from_json(&json).unwrap()
}

fn options() -> ConvertOptions {
    ConvertOptions {
        date: Some("2026-11-21".into()),
        ..ConvertOptions::default()
    }
}

/// Converts with a custom source profile, pushing `chunk` bytes at a time (0: all at once).
fn convert_from(
    source: &Profile,
    input: &[u8],
    target: &Profile,
    options: ConvertOptions,
    chunk: usize,
) -> ConvertResult {
    let mut c = Converter::with_source(source, target, options).unwrap();
    let mut out = Vec::new();
    let size = if chunk == 0 {
        input.len().max(1)
    } else {
        chunk
    };
    for piece in input.chunks(size) {
        c.push(piece);
        out.extend(c.take_output());
    }
    let mut result = c.finish().unwrap();
    if result.status != ConvertStatus::Refused {
        out.extend(&result.bytes);
        result.bytes = out;
    }
    result
}

/// One line per change: `row>output-row [column] reason "before" → "after"`.
fn changes(r: &ConvertResult) -> String {
    r.changes
        .iter()
        .map(|c| {
            format!(
                "{}>{} [{}] {} {:?} → {:?}\n",
                c.row.map_or("-".into(), |v| v.to_string()),
                c.output_row.map_or("-".into(), |v| v.to_string()),
                c.column.as_deref().unwrap_or("-"),
                c.reason,
                c.before,
                c.after
            )
        })
        .collect()
}

/// One line per conversion diagnostic: severity, code, rows, column, positions, value.
fn diagnostics(r: &ConvertResult) -> String {
    let opt = |v: Option<u64>| v.map_or("-".to_string(), |v| v.to_string());
    r.diagnostics
        .iter()
        .map(|d| {
            format!(
                "{:?} {} row={} out={} [{}] col={} char={} byte={} value={:?}\n",
                d.severity,
                d.code,
                opt(d.row),
                opt(d.output_row),
                d.column
                    .as_deref()
                    .or(d.source_column.as_deref())
                    .unwrap_or("-"),
                opt(d.column_index.map(u64::from)),
                opt(d.char_index.map(u64::from)),
                opt(d.byte),
                d.value.as_deref().unwrap_or("")
            )
        })
        .collect()
}

fn report_codes(r: &ConvertResult) -> Vec<String> {
    r.report
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.row.unwrap_or(0)))
        .collect()
}

const LEGACY: [(&str, TextEncoding); 6] = [
    ("shift_jis", TextEncoding::ShiftJis),
    ("euc-jp", TextEncoding::EucJp),
    ("euc-kr", TextEncoding::EucKr),
    ("big5", TextEncoding::Big5),
    ("gbk", TextEncoding::Gbk),
    ("gb18030", TextEncoding::Gb18030),
];

#[test]
fn the_same_users_in_every_encoding_and_back_byte_for_byte() {
    let profile = people();
    let utf8 = fixture("people.utf-8.csv");
    for (label, encoding) in LEGACY {
        let golden = fixture(&format!("people.{label}.csv"));
        let out = convert_from(
            &profile,
            &utf8,
            &profile,
            ConvertOptions {
                encoding: Some(encoding),
                ..options()
            },
            0,
        );
        assert_eq!(
            out.status,
            ConvertStatus::Ready,
            "{label}: {:?}",
            out.refusal
        );
        assert_eq!(out.bytes, golden, "{label}: UTF-8 → {label}");
        assert!(
            out.changes.is_empty() && out.diagnostics.is_empty(),
            "{label}"
        );
        assert_eq!(out.output.encoding, Some(encoding));

        // Back: the encoding given (short texts are ambiguous: this EUC-KR also reads as Big5).
        let back = convert_from(
            &profile,
            &golden,
            &profile,
            ConvertOptions {
                source_encoding: Some(encoding),
                encoding: Some(TextEncoding::Utf8),
                ..options()
            },
            0,
        );
        assert_eq!(back.status, ConvertStatus::Ready, "{label}");
        assert_eq!(
            back.bytes, utf8,
            "{label} → UTF-8 (a legacy source gets a BOM)"
        );
    }
    // Files the identification tells apart convert back without help, in their own encoding
    // unless asked otherwise.
    for (label, encoding) in [
        ("shift_jis", TextEncoding::ShiftJis),
        ("euc-jp", TextEncoding::EucJp),
        ("big5", TextEncoding::Big5),
        ("gbk", TextEncoding::Gbk),
    ] {
        let golden = fixture(&format!("people.{label}.csv"));
        let same = convert_from(&profile, &golden, &profile, options(), 0);
        assert_eq!(same.source.encoding, Some(encoding), "{label}");
        assert_eq!(same.bytes, golden, "{label} → {label}");
        let back = convert_from(
            &profile,
            &golden,
            &profile,
            ConvertOptions {
                encoding: Some(TextEncoding::Utf8),
                ..options()
            },
            0,
        );
        assert_eq!(back.bytes, utf8, "{label} → UTF-8");
    }
    // UTF-8 without BOM on request.
    let plain = convert_from(
        &profile,
        &utf8,
        &profile,
        ConvertOptions {
            bom: Some(false),
            ..options()
        },
        0,
    );
    assert_eq!(plain.bytes, utf8[3..].to_vec());
}

#[test]
fn unrepresentable_characters_are_reported_at_exact_positions() {
    let profile = people();
    let mixed = fixture("mixed.utf-8.csv");
    let sjis = ConvertOptions {
        encoding: Some(TextEncoding::ShiftJis),
        ..options()
    };
    let r = convert_from(&profile, &mixed, &profile, sjis.clone(), 0);
    // Output: "id,name,city,email\r\n" is 20 bytes, "1,???,??,kim@example.com\r\n" 26, and
    // "2,髙橋 ①,東京,t@example.com\r\n" 30 in Shift_JIS: row 4's "3,山田 " ends at byte 83.
    assert_eq!(
        diagnostics(&r),
        "\
Error unrepresentable-character row=2 out=2 [name] col=2 char=1 byte=22 value=\"김민수\"
Error unrepresentable-character row=2 out=2 [name] col=2 char=2 byte=23 value=\"김민수\"
Error unrepresentable-character row=2 out=2 [name] col=2 char=3 byte=24 value=\"김민수\"
Error unrepresentable-character row=2 out=2 [city] col=3 char=1 byte=26 value=\"서울\"
Error unrepresentable-character row=2 out=2 [city] col=3 char=2 byte=27 value=\"서울\"
Warning cp932-only-character row=3 out=3 [name] col=2 char=1 byte=- value=\"髙橋 ①\"
Warning cp932-only-character row=3 out=3 [name] col=2 char=4 byte=- value=\"髙橋 ①\"
Error unrepresentable-character row=4 out=4 [name] col=2 char=4 byte=83 value=\"山田 😀\"
"
    );
    assert_eq!(
        r.diagnostics[0].message,
        "\"김\" (U+AE40 HANGUL SYLLABLE GIM) cannot be written in Shift_JIS (CP932)"
    );
    assert_eq!(
        r.diagnostics[6].message,
        "\"①\" (U+2460 CIRCLED DIGIT ONE) exists only in Windows Shift_JIS (CP932)"
    );
    assert_eq!(r.status, ConvertStatus::Refused);
    assert!(r.bytes.is_empty());
    assert_eq!(
        r.refusal.as_deref(),
        Some("the converted file still has 6 error(s) (unrepresentable-character ×6), so it is not offered; fix them in the source file or the mapping, or force the conversion to get the file anyway")
    );

    // Forced: written, with "?" exactly where the diagnostics say, and every "?" logged.
    let forced = convert_from(
        &profile,
        &mixed,
        &profile,
        ConvertOptions {
            force: true,
            ..sjis.clone()
        },
        0,
    );
    assert_eq!(forced.status, ConvertStatus::Forced);
    for d in forced.diagnostics.iter().filter(|d| d.byte.is_some()) {
        assert_eq!(forced.bytes[d.byte.unwrap() as usize], b'?');
    }
    assert_eq!(
        forced.summary.changes_by_reason[&ChangeReason::UnrepresentableReplaced],
        6
    );
    assert_eq!(forced.changes[0].before, "김민수");
    assert_eq!(forced.changes[0].after, "?민수");

    // Substitutions come only from the user's table, each logged; strict Shift_JIS makes
    // CP932-only characters errors.
    let substituted = convert_from(
        &profile,
        &mixed,
        &profile,
        ConvertOptions {
            substitutions: [("髙", "高"), ("😀", "(smile)")]
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .into(),
            strict_shift_jis: true,
            ..sjis
        },
        0,
    );
    let lines: Vec<String> = changes(&substituted)
        .lines()
        .filter(|l| l.contains("substituted"))
        .map(str::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            "3>3 [name] substituted \"髙橋 ①\" → \"高橋 ①\"",
            "4>4 [name] substituted \"山田 😀\" → \"山田 (smile)\""
        ]
    );
    let cp932: Vec<String> = diagnostics(&substituted)
        .lines()
        .filter(|l| l.contains("cp932"))
        .map(|l| l.split(" value").next().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        cp932,
        ["Error cp932-only-character row=3 out=3 [name] col=2 char=4 byte=-"]
    );

    // EUC-KR: exactly the characters encoding_rs cannot encode are reported.
    let euc_kr = convert_from(
        &profile,
        &mixed,
        &profile,
        ConvertOptions {
            encoding: Some(TextEncoding::EucKr),
            ..options()
        },
        0,
    );
    let missing: Vec<String> = euc_kr
        .diagnostics
        .iter()
        .map(|d| {
            let ch = d.value.as_deref().unwrap_or("").chars();
            let ch: String = ch
                .skip(d.char_index.unwrap_or(1) as usize - 1)
                .take(1)
                .collect();
            format!("{}:{}", d.row.unwrap_or(0), ch)
        })
        .collect();
    let oracle: Vec<String> = ["김민수", "서울", "髙橋 ①", "東京", "山田 😀", "大阪"]
        .iter()
        .zip([2, 2, 3, 3, 4, 4])
        .flat_map(|(text, row)| {
            text.chars()
                .filter(|c| encoding_rs::EUC_KR.encode(&c.to_string()).2)
                .map(move |c| format!("{row}:{c}"))
        })
        .collect();
    assert_eq!(missing, oracle, "the same characters as encoding_rs says");
    assert!(missing.contains(&"3:髙".to_string()) && missing.contains(&"4:😀".to_string()));
}

#[test]
fn an_excel_shift_jis_hr_export_becomes_an_iwpro_add_users_file() {
    let target = builtin("fujifilm-iwpro/add-users").unwrap();
    let input = fixture("hr.shift_jis.csv");
    let r = convert(&input, &target, options()).unwrap();
    assert_eq!(r.status, ConvertStatus::Ready, "{:?}", r.refusal);
    assert_eq!(r.bytes, fixture("hr.iwpro.expected.csv"));
    assert_eq!(r.file_name, "add-users_2026-11-21.csv");
    assert_eq!(r.source.profile, "header");
    assert_eq!(r.source.encoding, Some(TextEncoding::ShiftJis));
    assert_eq!(r.output.encoding, Some(TextEncoding::Utf8));
    assert_eq!(
        changes(&r),
        "\
1>1 [-] trailing-cells-removed \",,\" → \"\"
2>2 [-] trailing-cells-removed \",,\" → \"\"
2>2 [mail_address] half-width \"ｔａｒｏ．ｙａｍａｄａ１２＠example.com\" → \"taro.yamada12@example.com\"
2>2 [language] value-mapped \"日本語\" → \"ja\"
3>3 [-] trailing-cells-removed \",,\" → \"\"
3>3 [mail_address] trimmed \" hanako@example.com \" → \"hanako@example.com\"
3>3 [language] value-mapped \"英語\" → \"en\"
4>- [-] blank-row-removed \"\" → \"\"
5>4 [-] trailing-cells-removed \",,\" → \"\"
5>4 [language] value-mapped \"ＪＡ\" → \"ja\"
6>- [-] trailing-lines-removed \"\" → \"\"
"
    );
    assert_eq!(
        diagnostics(&r),
        "\
Warning column-dropped row=- out=- [社員番号] col=- char=- byte=- value=\"\"
Warning column-dropped row=- out=- [フリガナ] col=- char=- byte=- value=\"\"
Warning column-dropped row=- out=- [入社日] col=- char=- byte=- value=\"\"
Warning scientific-notation row=2 out=2 [iccard_number] col=11 char=- byte=- value=\"1.23457E+15\"
Warning digits-truncated row=3 out=3 [iccard_number] col=11 char=- byte=- value=\"1234567890123450000\"
"
    );
    // The mapping is a JSON document that can be saved, edited and given back.
    let json = r.mapping.to_json();
    let again = convert(
        &input,
        &target,
        ConvertOptions {
            mapping: Some(Mapping::from_json(&json).unwrap()),
            ..options()
        },
    )
    .unwrap();
    assert_eq!(again.bytes, r.bytes);
    // The output re-checks clean on its own too.
    let report = check(
        &r.bytes,
        &target,
        CheckOptions {
            file_name: Some(r.file_name.clone()),
            ..CheckOptions::default()
        },
    )
    .unwrap();
    assert!(report.valid);
}

#[test]
fn iwpro_to_canon_to_celf_with_the_presets() {
    let iwpro = fixture("iwpro.add-users.csv");
    let canon = builtin("canon/users").unwrap();
    let celf = builtin("celf/users").unwrap();
    let to_canon = convert(&iwpro, &canon, options()).unwrap();
    assert_eq!(
        to_canon.status,
        ConvertStatus::Ready,
        "{:?}",
        to_canon.refusal
    );
    assert_eq!(to_canon.source.profile, "fujifilm-iwpro/add-users");
    assert_eq!(to_canon.bytes, fixture("iwpro.canon.expected.csv"));
    let uid = &to_canon.mapping.columns[0];
    assert_eq!(
        serde_json::to_string(uid).unwrap(),
        r#"{"target":"uid","split":{"from":"mail_address","separator":"@","part":"first"},"suggestedBy":"preset"}"#
    );
    // The UTF-8 file needs the device's marker, which IWpro's header does not have.
    assert_eq!(
        changes(&to_canon),
        "1>1 [-] header-marker-added \"\" → \"CharSet:UTF8\"\n\
         2>2 [cardIdList] brackets-added \"0012345\" → \"[0012345]\"\n"
    );
    assert_eq!(report_codes(&to_canon), ["missing-label 1"]);

    let to_celf = convert(&to_canon.bytes, &celf, options()).unwrap();
    assert_eq!(to_celf.status, ConvertStatus::Ready);
    assert_eq!(to_celf.source.profile, "canon/users");
    assert_eq!(to_celf.bytes, fixture("iwpro.celf.expected.csv"));
    assert!(to_celf
        .mapping
        .columns
        .iter()
        .all(|c| c.suggested_by.is_some_and(|s| format!("{s:?}") == "Preset")));
}

#[test]
fn a_canon_export_round_trip_keeps_brackets_and_masked_values() {
    let canon = builtin("canon/users").unwrap();
    let export = fixture("canon.export.csv");
    let same = convert(&export, &canon, options()).unwrap();
    assert_eq!(same.status, ConvertStatus::Ready, "{:?}", same.refusal);
    assert_eq!(same.bytes, export, "byte for byte");
    assert!(same.changes.is_empty() && same.diagnostics.is_empty());

    // To Shift_JIS (Canon reads it): the CharSet:UTF8 marker goes, brackets and masks stay.
    let sjis = convert(
        &export,
        &canon,
        ConvertOptions {
            encoding: Some(TextEncoding::ShiftJis),
            ..options()
        },
    )
    .unwrap();
    assert_eq!(sjis.status, ConvertStatus::Ready);
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&sjis.bytes);
    assert!(!bad);
    let first_line = text.lines().next().unwrap_or("");
    assert!(!first_line.contains("CharSet"));
    assert!(text.contains("[0012],********,*******,"));
    assert_eq!(
        diagnostics(&sjis),
        "Warning cp932-only-character row=4 out=4 [cn] col=4 char=1 byte=- value=\"髙橋 花子\"\n"
    );
    // And back to UTF-8 without BOM: the marker returns, the file is the export again.
    let back = convert(
        &sjis.bytes,
        &canon,
        ConvertOptions {
            encoding: Some(TextEncoding::Utf8),
            bom: Some(false),
            ..options()
        },
    )
    .unwrap();
    assert_eq!(back.bytes, export);

    // To CELF: brackets come off and masked passwords stay blank (both logged).
    let celf = convert(&export, &builtin("celf/users").unwrap(), options()).unwrap();
    assert_eq!(
        changes(&celf),
        "\
2>2 [id] brackets-removed \"[0012]\" → \"0012\"
2>2 [password] masked-cleared \"********\" → \"\"
3>3 [id] brackets-removed \"[1234567890123]\" → \"1234567890123\"
3>3 [name] brackets-removed \"[[部長]]\" → \"[部長]\"
3>3 [password] masked-cleared \"********\" → \"\"
"
    );
    assert_eq!(
        String::from_utf8(celf.bytes).unwrap(),
        "id,name,password,suspended?\r\n0012,山田 太郎,,0\r\n1234567890123,[部長],,1\r\nhanako,髙橋 花子,,0\r\n"
    );
}

#[test]
fn chunking_never_changes_the_result() {
    let profile = people();
    let iwpro = builtin("fujifilm-iwpro/add-users").unwrap();
    let hr = fixture("hr.shift_jis.csv");
    let whole = convert(&hr, &iwpro, options()).unwrap();
    let canon = builtin("canon/users").unwrap();
    let export = fixture("canon.export.csv");
    let whole_canon = convert(&export, &canon, options()).unwrap();
    for size in [1, 2, 3, 7, 64] {
        let header = builtin("fujifilm-iwpro/add-users").unwrap();
        let mut c = Converter::new(&header, options()).unwrap();
        let mut out = Vec::new();
        for piece in hr.chunks(size) {
            c.push(piece);
            out.extend(c.take_output());
        }
        let r = c.finish().unwrap();
        out.extend(&r.bytes);
        assert_eq!(out, whole.bytes, "chunks of {size}");
        assert_eq!(r.changes, whole.changes);
        assert_eq!(r.diagnostics, whole.diagnostics);
        let mixed = convert_from(
            &profile,
            &fixture("mixed.utf-8.csv"),
            &profile,
            ConvertOptions {
                encoding: Some(TextEncoding::EucKr),
                force: true,
                ..options()
            },
            size,
        );
        assert_eq!(mixed.diagnostics.len(), 2, "chunks of {size}");
        let mut c = Converter::new(&canon, options()).unwrap();
        let mut out = Vec::new();
        for piece in export.chunks(size) {
            c.push(piece);
            out.extend(c.take_output());
        }
        out.extend(c.finish().unwrap().bytes);
        assert_eq!(out, whole_canon.bytes, "canon, chunks of {size}");
    }
}

#[test]
fn a_refusal_counts_the_errors_of_a_code_that_is_also_a_warning() {
    // Canon's uid and roleName left out: uid's missing label is an error, roleName's a warning.
    let mapping = r#"{"to":"canon/users","columns":[
        {"target":"cn","from":"氏名"},{"target":"cn;lang-ja;phonetic","from":"フリガナ"},
        {"target":"cardIdList","from":"ICカード番号"},{"target":"mail","from":"メールアドレス"}]}"#;
    let options = ConvertOptions {
        mapping: Some(Mapping::from_json(mapping).unwrap()),
        ..options()
    };
    let r = convert(
        &fixture("hr.shift_jis.csv"),
        &builtin("canon/users").unwrap(),
        options,
    )
    .unwrap();
    let missing: Vec<_> = r
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "missing-label")
        .map(|d| d.severity)
        .collect();
    assert_eq!(
        missing,
        [
            csv_preflight::Severity::Error,
            csv_preflight::Severity::Warning
        ]
    );
    assert_eq!(
        r.refusal.as_deref(),
        Some("the converted file still has 4 error(s) (missing-label ×1, too-long ×2, invalid-character ×1), so it is not offered; fix them in the source file or the mapping, or force the conversion to get the file anyway")
    );
}

#[test]
fn a_long_cell_of_characters_the_target_cannot_encode_converts_in_linear_time() {
    // 20,000 Hangul syllables into Shift_JIS: each is replaced and logged. Building each change's
    // "after" from the whole cell took time quadratic in the cell's length (a 100 KB file took
    // 22 s); a change shows the first characters only.
    let cell = "김".repeat(20_000);
    let input = format!("id,name,city,email\r\n1,{cell},x,a@example.com\r\n");
    let options = ConvertOptions {
        encoding: Some(TextEncoding::ShiftJis),
        force: true,
        ..options()
    };
    let r = convert_from(&people(), input.as_bytes(), &people(), options, 0);
    assert_eq!(r.status, ConvertStatus::Forced);
    assert_eq!(r.summary.changes, 20_000);
    let second = &r.changes[1];
    assert_eq!(
        (second.before.chars().count(), second.after.chars().count()),
        (81, 81)
    );
    assert!(second.after.starts_with("김?김"), "{}", second.after);
    assert!(r.bytes.ends_with(b"?,x,a@example.com\r\n"));
}

#[test]
fn a_target_file_name_pattern_too_big_to_compile_is_an_error_without_compiling_it_unbounded() {
    // 3,000 empty groups: compiled without bounds it took 825 MiB (in wasm32, out of memory).
    let mut target = builtin("fujifilm-iwpro/invite-users").unwrap();
    target.file.file_name.as_mut().unwrap().pattern = "()".repeat(3000);
    let input = fixture("iwpro.add-users.csv");
    let error = convert(&input, &target, options()).err().unwrap();
    assert_eq!(error.kind().name(), "invalidPattern");
}

#[test]
fn a_header_line_longer_than_the_window_converts_the_same_however_chunked() {
    // The first line ending comes after the first 64 KiB: a window that reached it would see LF.
    let mut input = b"mail_address,family_name,given_name,language,x".to_vec();
    input.extend(vec![b'x'; 70_000]);
    input.extend_from_slice(b"\nA@b.jp,Yamada,Taro,ja,\n");
    let target = builtin("fujifilm-iwpro/add-users").unwrap();
    let options = || ConvertOptions {
        force: true,
        ..options()
    };
    let whole = convert(&input, &target, options()).unwrap();
    for chunk in [1000, 65_536, 65_537] {
        let mut c = Converter::new(&target, options()).unwrap();
        let mut out = Vec::new();
        for piece in input.chunks(chunk) {
            c.push(piece);
            out.extend(c.take_output());
        }
        let mut streamed = c.finish().unwrap();
        out.extend(&streamed.bytes);
        streamed.bytes = out;
        assert_eq!(streamed.output, whole.output, "chunks of {chunk}");
        assert_eq!(streamed.bytes, whole.bytes, "chunks of {chunk}");
    }
}

/// A password's repair is logged without the password: the change and the findings of a secret
/// column show no value of it.
#[test]
fn a_password_repair_is_logged_without_the_password() {
    let target = builtin("learningbox/users").unwrap();
    let input =
        "Login ID,Name,Email address,Password\r\nyamada01,山田,yamada@example.com,Ｐass1234\r\n";
    let r = convert(input.as_bytes(), &target, options()).unwrap();
    assert_eq!(r.status, ConvertStatus::Ready, "{:?}", r.refusal);
    assert_eq!(
        changes(&r),
        "2>2 [Password] half-width \"********\" → \"********\"\n"
    );
    assert!(
        r.bytes.ends_with(b",Pass1234\r\n"),
        "the file itself has the password"
    );
}
