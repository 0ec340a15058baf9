//! What the profile reader accepts and the messages it gives, pinned. The `Deserialize` impls of
//! the profile format are hand-written (`src/de`, for the size of the wasm module); these are the
//! derived impls' answers, which they must keep: serde's messages with serde_json's positions, a
//! struct written as the array of its fields, a unit variant as `{"name": null}`, and the untagged
//! enums (`ParamValue`, `ParamOr`, `Quantity`) with their "did not match" errors.

use csv_preflight::profile::{ColumnOrder, ParamOr, ParamValue, Profile, Quantity};
use csv_preflight::{ConvertOptions, ErrorKind, Mapping};

/// A minimal valid profile (one line) with `extra` inserted after the file rules.
fn profile(extra: &str) -> String {
    format!(
        r#"{{"formatVersion":1,"id":"t","system":"s","title":{{"en":"T","ja":"T"}},"file":{{"encodings":["utf-8"],"delimiters":["comma"]}}{extra},"columns":[{{"name":"a"}}]}}"#
    )
}

fn read(extra: &str) -> Result<Profile, String> {
    Profile::from_json(&profile(extra)).map_err(|e| match e.kind() {
        ErrorKind::InvalidProfile { message } => message.clone(),
        other => panic!("{other:?}"),
    })
}

fn error(extra: &str) -> String {
    read(extra).expect_err(extra)
}

#[test]
fn struct_errors_name_the_field_and_the_place() {
    assert_eq!(
        error(r#","header":{"ignoreCase":true,"order":"any","x":1}"#),
        "unknown field `x`, expected one of `order`, `unknownColumns`, `ignoreCase`, \
         `trimsLabels`, `labelPrefix`, `markers`, `source` at line 1 column 168"
    );
    assert_eq!(
        error(r#","header":{"order":"any","order":"fixed"}"#),
        "duplicate field `order` at line 1 column 154"
    );
    assert_eq!(
        error(r#","description":{"en":"x"}"#),
        "missing field `ja` at line 1 column 147"
    );
    assert_eq!(
        error(r#","description":"x""#),
        "invalid type: string \"x\", expected struct Text at line 1 column 140"
    );
    assert_eq!(
        error(r#","header":{"ignoreCase":"yes"}"#),
        "invalid type: string \"yes\", expected a boolean at line 1 column 151"
    );
}

#[test]
fn a_struct_may_be_the_array_of_its_fields() {
    let p = read(r#","description":["English","日本語"]"#).unwrap();
    let description = p.description.unwrap();
    assert_eq!((&*description.en, &*description.ja), ("English", "日本語"));
    // Fields with a default may be left off the end.
    let p = read(r#","header":["fixed"]"#).unwrap();
    assert_eq!(p.header.order, ColumnOrder::Fixed);
    assert!(!p.header.ignore_case);
    assert_eq!(
        error(r#","description":["English"]"#),
        "invalid length 1, expected struct Text with 2 elements at line 1 column 148"
    );
    assert_eq!(
        error(r#","description":["a","b","c"]"#),
        "trailing characters at line 1 column 147"
    );
}

#[test]
fn unit_variants_by_name_or_as_a_map() {
    assert_eq!(
        read(r#","header":{"order":{"fixed":null}}"#)
            .unwrap()
            .header
            .order,
        ColumnOrder::Fixed
    );
    assert_eq!(
        error(r#","header":{"order":"sideways"}"#),
        "unknown variant `sideways`, expected one of `any`, `template`, `fixed` at line 1 column 151"
    );
    assert_eq!(
        error(r#","header":{"order":{"fixed":1}}"#),
        "invalid type: integer `1`, expected unit at line 1 column 151"
    );
    assert!(error(r#","severities":{"no-such-code":"warning"}"#)
        .starts_with("unknown variant `no-such-code`, expected one of `empty-file`, "));
    assert_eq!(
        error(r#","severities":{"empty-file":"fatal"}"#),
        "unknown variant `fatal`, expected one of `error`, `warning`, `info` at line 1 column 157"
    );
}

#[test]
fn parameter_values() {
    let default = |value: &str| {
        read(&format!(
            r#","parameters":[{{"name":"p","type":"string","title":{{"en":"P","ja":"P"}},"default":{value}}}]"#
        ))
        .map(|p| p.parameters[0].default.clone())
    };
    assert_eq!(default("true"), Ok(Some(ParamValue::Boolean(true))));
    assert_eq!(default("-3"), Ok(Some(ParamValue::Integer(-3))));
    assert_eq!(default(r#""x""#), Ok(Some(ParamValue::String("x".into()))));
    assert_eq!(
        default(r#"["a","b"]"#),
        Ok(Some(ParamValue::StringList(vec!["a".into(), "b".into()])))
    );
    assert_eq!(default("null"), Ok(None));
    for value in [
        "1.5",
        "9223372036854775808",
        r#"["a",1]"#,
        "{}",
        r#"[["a"]]"#,
    ] {
        assert_eq!(
            default(value),
            Err(format!(
                "data did not match any variant of untagged enum ParamValue at line 1 column {}",
                204 + value.len()
            )),
            "{value}"
        );
    }
}

#[test]
fn a_literal_or_a_parameter() {
    let length = |value: &str| {
        Profile::from_json(&profile("").replace(
            r#"{"name":"a"}"#,
            &format!(r#"{{"name":"a","check":{{"length":{{"max":{value}}}}}}}"#),
        ))
        .map(|p| p.columns[0].check.length.clone().unwrap().max)
        .map_err(|e| e.to_string())
    };
    assert_eq!(length("5"), Ok(Some(ParamOr::Value(5))));
    // Other keys beside `param` are ignored, as the derived untagged impl did.
    assert_eq!(
        length(r#"{"param":"p","note":1}"#),
        Ok(Some(ParamOr::Param { param: "p".into() }))
    );
    for value in [
        "-1",
        "4294967296",
        r#"{"param":5}"#,
        r#"{"param":"p","param":"q"}"#,
        "[5]",
    ] {
        assert_eq!(
            length(value),
            Err(format!(
                "invalid profile: data did not match any variant of untagged enum ParamOr at line 1 column {}",
                172 + value.len()
            )),
            "{value}"
        );
    }
}

#[test]
fn a_count_or_parameters() {
    let max_rows = |value: &str| {
        Profile::from_json(&profile("").replace(
            r#""delimiters":["comma"]"#,
            &format!(r#""delimiters":["comma"],"maxRows":{value}"#),
        ))
        .map(|p| p.file.max_rows)
        .map_err(|e| e.to_string())
    };
    let expr = |param: &str, minus: &[&str]| {
        Ok(Some(Quantity::Param(csv_preflight::profile::ParamExpr {
            param: param.into(),
            minus: minus.iter().map(|s| s.to_string()).collect(),
        })))
    };
    assert_eq!(max_rows("100"), Ok(Some(Quantity::Value(100))));
    assert_eq!(max_rows(r#"{"param":"seats"}"#), expr("seats", &[]));
    assert_eq!(
        max_rows(r#"{"param":"seats","minus":["admins"]}"#),
        expr("seats", &["admins"])
    );
    // The parameter expression is a derived struct: it may be an array too.
    assert_eq!(
        max_rows(r#"["seats",["admins"]]"#),
        expr("seats", &["admins"])
    );
    for value in [
        "-1",
        "1.5",
        r#"{"param":"seats","x":1}"#,
        r#"{"minus":[]}"#,
        r#"["seats",["admins"],1]"#,
        "[]",
    ] {
        assert_eq!(
            max_rows(value),
            Err(format!(
                "invalid profile: data did not match any variant of untagged enum Quantity at line 1 column {}",
                133 + value.len()
            )),
            "{value}"
        );
    }
}

#[test]
fn options_and_mappings() {
    let options =
        |json: &str| serde_json::from_str::<ConvertOptions>(json).map_err(|e| e.to_string());
    // Every option may be left out; unknown ones are errors, inside `limits` too.
    assert_eq!(options("{}"), Ok(ConvertOptions::default()));
    assert_eq!(
        options(r#"{"forse":true}"#).unwrap_err(),
        "unknown field `forse`, expected one of `from`, `mapping`, `sourceEncoding`, `encoding`, \
         `bom`, `delimiter`, `lineEnding`, `force`, `date`, `sourceFileName`, `substitutions`, \
         `strictShiftJis`, `repairs`, `params`, `lang`, `maxDiagnostics`, `maxChanges`, `limits` \
         at line 1 column 8"
    );
    let limits = options(r#"{"limits":{"maxFields":7}}"#).unwrap().limits;
    assert_eq!(limits.max_fields, 7);
    assert_eq!(limits.max_field_bytes, 1 << 20);
    assert_eq!(
        options(r#"{"limits":{"maxFields":7,"maxFieldbytes":1}}"#).unwrap_err(),
        "unknown field `maxFieldbytes`, expected one of `maxFieldBytes`, `maxFields`, \
         `maxRecordBytes`, `maxUniqueKeys` at line 1 column 40"
    );
    assert_eq!(
        options(r#"{"repairs":{"trim":false,"tirm":true}}"#).unwrap_err(),
        "unknown field `tirm`, expected one of `trim`, `halfWidth`, `strayBom`, `trailingEmpty`, \
         `blankRows`, `excelDates`, `letterCase` at line 1 column 31"
    );
    assert_eq!(
        Mapping::from_json(r#"{"to":"x","columns":[{"target":"a","split":{"from":"b"}}]}"#)
            .unwrap_err()
            .to_string(),
        "invalid options: invalid mapping: missing field `part` at line 1 column 55"
    );
}

/// A rule's `{"param": ...}` must name a declared parameter: a typo is the profile's mistake,
/// found when the profile is compiled, not a rule silently off (and no `params` could turn it on,
/// since the caller's names must be declared too).
#[test]
fn a_reference_to_an_undeclared_parameter_is_an_invalid_profile() {
    let json = |name: &str| {
        format!(
            r#"{{"formatVersion":1,"id":"t","system":"s","title":{{"en":"T","ja":"T"}},"file":{{"encodings":["utf-8"],"delimiters":["comma"]}},"parameters":[{{"name":"maxLength","type":"integer","title":{{"en":"m","ja":"m"}},"default":3}}],"columns":[{{"name":"id"}},{{"name":"name","check":{{"length":{{"max":{{"param":"{name}"}}}}}}}}]}}"#
        )
    };
    let input = b"id,name\r\n1,abcdef\r\n";
    let typo = Profile::from_json(&json("maxLen")).unwrap();
    let error =
        csv_preflight::check(input, &typo, csv_preflight::CheckOptions::default()).unwrap_err();
    assert_eq!(
        error.kind(),
        &ErrorKind::InvalidProfile {
            message: "the profile refers to parameter \"maxLen\", which it does not declare (it \
                      declares: maxLength)"
                .into()
        }
    );
    let right = Profile::from_json(&json("maxLength")).unwrap();
    let report =
        csv_preflight::check(input, &right, csv_preflight::CheckOptions::default()).unwrap();
    assert_eq!(
        report.summary.errors, 1,
        "abcdef is longer than the default 3"
    );
}

/// `key.instead` picks the key by parameters: a condition on a column is the profile's mistake,
/// and so is a column the profile does not have.
#[test]
fn a_key_chosen_by_a_column_or_naming_no_column_is_an_invalid_profile() {
    let json = |when: &str, column: &str| {
        format!(
            r#"{{"formatVersion":1,"id":"t","system":"s","title":{{"en":"T","ja":"T"}},"file":{{"encodings":["utf-8"],"delimiters":["comma"]}},"parameters":[{{"name":"byMail","type":"boolean","title":{{"en":"m","ja":"m"}},"default":false}}],"columns":[{{"name":"id"}},{{"name":"mail"}}],"key":{{"columns":["id"],"instead":[{{"when":[{when}],"columns":["{column}"]}}]}}}}"#
        )
    };
    let message = |when: &str, column: &str| {
        let profile = Profile::from_json(&json(when, column)).unwrap();
        match csv_preflight::check(b"id,mail\r\n1,a\r\n", &profile, Default::default()) {
            Err(e) => match e.kind() {
                ErrorKind::InvalidProfile { message } => message.clone(),
                other => panic!("{other:?}"),
            },
            Ok(_) => "compiled".to_string(),
        }
    };
    assert_eq!(
        message(r#"{"column":"id","equals":"1"}"#, "mail"),
        "a record key is chosen by parameters only"
    );
    // Found while the parameter is off too (the entry is not chosen).
    assert_eq!(
        message(r#"{"param":"byMail","equals":true}"#, "email"),
        "a rule names the unknown column \"email\""
    );
    assert_eq!(
        message(r#"{"param":"byMail","equals":true}"#, "mail"),
        "compiled"
    );
}
