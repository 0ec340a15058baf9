//! Conversion with a mapping document, to the targets with framing of their own (FLAT's
//! preamble, learningBOX in Shift_JIS), and the ways a conversion refuses or fails.

use std::path::Path;

use csv_preflight::convert::{convert, ConvertOptions, ConvertResult, ConvertStatus, Mapping};
use csv_preflight::{builtin, ErrorKind, Lang, TextEncoding};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/convert")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn options() -> ConvertOptions {
    ConvertOptions {
        date: Some("2026-11-21".into()),
        ..ConvertOptions::default()
    }
}

fn changes(r: &ConvertResult) -> Vec<String> {
    r.changes
        .iter()
        .map(|c| {
            format!(
                "{} [{}] {} {:?} → {:?}",
                c.row.unwrap_or(0),
                c.column.as_deref().unwrap_or("-"),
                c.reason,
                c.before,
                c.after
            )
        })
        .collect()
}

fn codes(r: &ConvertResult) -> Vec<String> {
    r.diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {} {}",
                d.code,
                d.row.unwrap_or(0),
                d.column.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

#[test]
fn a_mapping_document_with_every_kind_of_entry() {
    let json = String::from_utf8(fixture("hr.mapping.json")).unwrap();
    let mapping = Mapping::from_json(&json).unwrap();
    let canon = builtin("canon/users").unwrap();
    let r = convert(
        &fixture("hr2.csv"),
        &canon,
        ConvertOptions {
            mapping: Some(mapping.clone()),
            ..options()
        },
    )
    .unwrap();
    assert_eq!(r.status, ConvertStatus::Ready, "{:?}", r.refusal);
    assert_eq!(r.mapping, mapping, "the given mapping is used as it is");
    assert_eq!(
        String::from_utf8(r.bytes.clone()).unwrap(),
        "uid,cn,cn;lang-ja;phonetic,mail,dept_id,roleName,accountExpires,accountDisabled,CharSet:UTF8\r\n\
         [000123],山田 太郎,ヤマダ タロウ,taro@example.com,[012],GeneralUser,20270331,0\r\n\
         [004567],髙橋 花子,,hanako@example.com,,GeneralUser,,1\r\n\
         [000089],佐藤,,sato@example.com,7,GeneralUser,20270401,0\r\n"
    );
    assert_eq!(
        changes(&r),
        [
            "1 [-] header-marker-added \"\" → \"CharSet:UTF8\"",
            "2 [uid] zero-padded \"123\" → \"000123\"",
            "2 [uid] brackets-added \"000123\" → \"[000123]\"",
            "2 [dept_id] half-width \"０１２\" → \"012\"",
            "2 [dept_id] brackets-added \"012\" → \"[012]\"",
            "2 [accountExpires] date-reformatted \"31/3/2027\" → \"20270331\"",
            "2 [accountDisabled] value-mapped \"在籍\" → \"0\"",
            "3 [uid] zero-padded \"4567\" → \"004567\"",
            "3 [uid] brackets-added \"004567\" → \"[004567]\"",
            "3 [accountDisabled] value-mapped \"休職\" → \"1\"",
            "4 [uid] zero-padded \"89\" → \"000089\"",
            "4 [uid] brackets-added \"000089\" → \"[000089]\"",
            "4 [accountExpires] date-reformatted \"1/4/2027\" → \"20270401\"",
            "4 [accountDisabled] default-applied \"\" → \"0\"",
        ]
    );
    assert_eq!(codes(&r), ["column-dropped 0 -"]);
    assert_eq!(r.diagnostics[0].source_column.as_deref(), Some("入社日"));
    assert!(r.report.valid && r.report.diagnostics.is_empty());
}

#[test]
fn flat_gets_its_preamble_and_label_prefix_and_stays_put() {
    let flat = builtin("flat/users-differential").unwrap();
    let r = convert(&fixture("iwpro.add-users.csv"), &flat, options()).unwrap();
    assert_eq!(r.status, ConvertStatus::Ready, "{:?}", r.refusal);
    assert_eq!(
        r.bytes,
        b"\xEF\xBB\xBF#Format for differential import\r\n#email,tag,permission\r\n\
          taro@example.com,,\r\nhanako@example.com,,\r\nichiro.sato@example.com,,\r\n"
            .to_vec()
    );
    assert_eq!(r.file_name, "flat-users-differential_2026-11-21.csv");
    let again = convert(&r.bytes, &flat, options()).unwrap();
    assert_eq!(again.source.profile, "flat/users-differential");
    assert_eq!(again.bytes, r.bytes);
    assert!(again.changes.is_empty());
    // As a TSV on request.
    let tsv = convert(
        &fixture("iwpro.add-users.csv"),
        &flat,
        ConvertOptions {
            delimiter: Some(csv_preflight::profile::Delimiter::Tab),
            bom: Some(false),
            ..options()
        },
    )
    .unwrap();
    assert!(tsv
        .bytes
        .starts_with(b"#Format for differential import\r\n#email\ttag\tpermission\r\n"));
    assert_eq!(tsv.file_name, "flat-users-differential_2026-11-21.tsv");
}

#[test]
fn learningbox_keeps_the_excel_encoding_it_accepts() {
    let lb = builtin("learningbox/users").unwrap();
    let r = convert(&fixture("hr.shift_jis.csv"), &lb, options()).unwrap();
    assert_eq!(r.status, ConvertStatus::Ready, "{:?}", r.refusal);
    assert_eq!(r.output.encoding, Some(TextEncoding::ShiftJis));
    assert_eq!(r.output.bom, None);
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&r.bytes);
    assert!(!bad);
    assert_eq!(
        text,
        "Name,Department,Position,Email address\r\n山田　太郎,営業部,課長,taro.yamada12@example.com\r\n\
         髙橋 花子,開発部,,hanako@example.com\r\n佐藤 一郎,総務部,部長,ichiro.sato@example.com\r\n"
    );
}

#[test]
fn refusals_say_why_and_run_errors_are_errors() {
    let iwpro = builtin("fujifilm-iwpro/add-users").unwrap();
    // A mapping that names a column the file lacks, and a name that cannot be split.
    let mapping = Mapping::from_json(
        r#"{"to":"fujifilm-iwpro/add-users","columns":[
            {"target":"mail_address","from":"e-mail"},
            {"target":"family_name","split":{"from":"name","part":"first"}},
            {"target":"given_name","split":{"from":"name","part":"rest"}},
            {"target":"language","constant":"ja"}]}"#,
    )
    .unwrap();
    let input = "mail,name\r\na@example.com,Prince\r\n";
    let r = convert(
        input.as_bytes(),
        &iwpro,
        ConvertOptions {
            mapping: Some(mapping.clone()),
            lang: Lang::Ja,
            ..options()
        },
    )
    .unwrap();
    assert_eq!(r.status, ConvertStatus::Refused);
    assert!(r.bytes.is_empty());
    assert_eq!(
        codes(&r),
        [
            "mapping-column-missing 0 mail_address",
            "column-dropped 0 -",
            "split-incomplete 2 given_name"
        ]
    );
    assert_eq!(
        r.diagnostics[0].message,
        "マッピングが使う列「e-mail」がファイルにありません"
    );
    assert_eq!(
        r.refusal.as_deref(),
        Some("変換後のファイルにまだ 3 件のエラー（mapping-column-missing ×1, missing-value ×2）があるため、ファイルは出力しません。元のファイルかマッピングを直すか、強制して出力してください")
    );
    let forced = convert(
        input.as_bytes(),
        &iwpro,
        ConvertOptions {
            mapping: Some(mapping),
            force: true,
            ..options()
        },
    )
    .unwrap();
    assert_eq!(forced.status, ConvertStatus::Forced);
    assert_eq!(
        String::from_utf8(forced.bytes).unwrap(),
        "mail_address,family_name,given_name,language\r\n,Prince,,ja\r\n"
    );

    // Bytes that are not valid in the source's encoding are errors at their place, never
    // written as replacement characters silently.
    let mut broken = "mail_address,family_name,given_name,language\r\na@example.com,山田,#x,ja\r\n"
        .as_bytes()
        .to_vec();
    let at = broken.iter().position(|b| *b == b'#').unwrap();
    broken[at] = 0xFF;
    let broken = &broken;
    let r = convert(broken, &iwpro, options()).unwrap();
    assert_eq!(r.status, ConvertStatus::Refused);
    let d = &r.diagnostics[0];
    assert_eq!(
        (d.code.as_str(), d.row, d.byte, d.source_column.as_deref()),
        ("source-error", Some(2), Some(67), Some("given_name"))
    );

    // Options that cannot work are errors of the run.
    let err = |o: ConvertOptions| convert(b"", &iwpro, o).unwrap_err();
    assert!(matches!(
        err(ConvertOptions {
            from: "nope/nothing".into(),
            ..options()
        })
        .kind(),
        ErrorKind::UnknownProfile { .. }
    ));
    for bad in [
        ConvertOptions {
            encoding: Some(TextEncoding::Utf16Le),
            ..options()
        },
        ConvertOptions {
            substitutions: [("ab".to_string(), "c".to_string())].into(),
            ..options()
        },
        ConvertOptions {
            date: Some("tomorrow".into()),
            ..options()
        },
        ConvertOptions {
            encoding: Some(TextEncoding::ShiftJis),
            bom: Some(true),
            ..options()
        },
        ConvertOptions {
            mapping: Some(Mapping {
                format_version: 1,
                from: None,
                to: "canon/users".into(),
                columns: Vec::new(),
            }),
            ..options()
        },
    ] {
        assert!(matches!(err(bad).kind(), ErrorKind::InvalidOptions { .. }));
    }
}

#[test]
fn the_result_is_camel_case_json_without_the_bytes() {
    let iwpro = builtin("fujifilm-iwpro/add-users").unwrap();
    let r = convert(&fixture("hr.shift_jis.csv"), &iwpro, options()).unwrap();
    let json = serde_json::to_value(&r).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "status",
            "fileName",
            "source",
            "output",
            "mapping",
            "changes",
            "changesCapped",
            "diagnostics",
            "diagnosticsCapped",
            "summary",
            "report"
        ]
    );
    assert_eq!(json["status"], "ready");
    assert_eq!(json["changes"][2]["reason"], "half-width");
    assert_eq!(json["changes"][2]["outputRow"], 2);
    assert_eq!(json["summary"]["changesByReason"]["value-mapped"], 3);
    assert_eq!(json["mapping"]["columns"][1]["split"]["part"], "first");
    // Options read back from the same kind of JSON, unknown fields refused.
    let o: ConvertOptions =
        serde_json::from_str(r#"{"from":"header","date":"2026-11-21","maxChanges":5}"#).unwrap();
    assert_eq!(o.max_changes, 5);
    assert!(serde_json::from_str::<ConvertOptions>(r#"{"to":"x"}"#).is_err());
}

#[test]
fn long_logs_are_capped_with_exact_counts() {
    let iwpro = builtin("fujifilm-iwpro/add-users").unwrap();
    let mut input = String::from("mail_address,family_name,given_name,language\r\n");
    for i in 0..50 {
        input.push_str(&format!(" u{i}@example.com ,A,B,JA\r\n"));
    }
    let r = convert(
        input.as_bytes(),
        &iwpro,
        ConvertOptions {
            max_changes: 10,
            ..options()
        },
    )
    .unwrap();
    assert_eq!(r.status, ConvertStatus::Ready);
    assert_eq!(r.changes.len(), 10);
    assert!(r.changes_capped);
    assert_eq!(r.summary.changes, 100);
    assert_eq!(r.summary.rows, 50);
}

/// `schema/mapping.schema.json` is generated from the Rust types; after changing them run
/// `UPDATE_SCHEMA=1 cargo test --test convert_mapping` and commit.
#[cfg(feature = "schema")]
#[test]
fn committed_mapping_schema_matches_the_types() {
    let mut schema = schemars::schema_for!(Mapping);
    schema.insert(
        "$id".into(),
        "https://csv-preflight.invalid/mapping.schema.json".into(),
    );
    let fresh = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/mapping.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "schema/mapping.schema.json is stale: run UPDATE_SCHEMA=1 cargo test --test convert_mapping"
    );
    let value: serde_json::Value = serde_json::from_str(&fresh).unwrap();
    assert_eq!(
        value["additionalProperties"],
        serde_json::Value::Bool(false)
    );
}

#[test]
fn excel_damage_is_found_not_repaired_and_formulas_are_kept() {
    // A profile that knows the width of its employee numbers.
    let profile = csv_preflight::Profile::from_json(
        r#"{"formatVersion":1,"id":"test/staff","system":"Test","title":{"en":"Staff","ja":"職員"},
            "file":{"encodings":["utf-8"],"delimiters":["comma"]},
            "columns":[
              {"name":"number","header":"required","value":"required",
               "check":{"pattern":{"regex":"\\d{6}","description":{"en":"6 digits","ja":"6 桁"}}}},
              {"name":"code","check":{"type":"digits"}},
              {"name":"since","check":{"type":"date","dateFormats":["YYYYMMDD"]}},
              {"name":"name"}]}"#,
    )
    .unwrap();
    let input = "number,code,since,name\r\n\
                 123,1.23E+11,2025/1/5,=HYPERLINK(\"x\")\r\n\
                 000456,1234567890123450000,2025-01-05 0:00,2-Jan\r\n";
    let r = convert(
        input.as_bytes(),
        &profile,
        ConvertOptions {
            from: "header".into(),
            force: true,
            ..options()
        },
    )
    .unwrap();
    assert_eq!(
        codes(&r),
        [
            "leading-zeros-lost 2 number",
            "scientific-notation 2 code",
            "digits-truncated 3 code",
            "value-became-date 3 name"
        ]
    );
    assert_eq!(
        changes(&r),
        [
            "2 [since] date-reformatted \"2025/1/5\" → \"20250105\"",
            "3 [since] date-reformatted \"2025-01-05 0:00\" → \"20250105\""
        ]
    );
    // The values themselves are kept: only the original system has the lost digits. A formula
    // is kept too, and the re-check warns about it.
    assert_eq!(
        String::from_utf8(r.bytes).unwrap(),
        "number,code,since,name\r\n\
         123,1.23E+11,20250105,\"=HYPERLINK(\"\"x\"\")\"\r\n\
         000456,1234567890123450000,20250105,2-Jan\r\n"
    );
    let report: Vec<String> = r
        .report
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.row.unwrap_or(0)))
        .collect();
    assert!(
        report.contains(&"formula-prefix 2".to_string()),
        "{report:?}"
    );
    assert!(
        report.contains(&"pattern-mismatch 2".to_string()),
        "{report:?}"
    );
}

#[test]
fn a_source_that_is_not_the_profile_named_says_so() {
    let iwpro = builtin("fujifilm-iwpro/add-users").unwrap();
    let r = convert(
        "#email\ttag\tpermission\r\na@example.com\tt\t\r\n".as_bytes(),
        &iwpro,
        ConvertOptions {
            from: "flat/users-differential".into(),
            ..options()
        },
    )
    .unwrap();
    assert_eq!(r.status, ConvertStatus::Refused);
    let first = r
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "source-error")
        .unwrap();
    assert_eq!(first.row, Some(1));
    assert!(first
        .message
        .starts_with("the source file cannot be read cleanly: "));
}

#[test]
fn header_labels_kept_from_the_source_are_trimmed_and_logged() {
    let celf = builtin("celf/users").unwrap();
    let input = "id, name, password\r\nu1,A,Secret12\r\n";
    let r = convert(input.as_bytes(), &celf, options()).unwrap();
    assert_eq!(r.source.profile, "celf/users");
    assert_eq!(
        changes(&r),
        [
            "1 [name] trimmed \" name\" → \"name\"",
            "1 [password] trimmed \" password\" → \"password\""
        ]
    );
    assert!(String::from_utf8(r.bytes)
        .unwrap()
        .starts_with("id,name,password\r\n"));
}
