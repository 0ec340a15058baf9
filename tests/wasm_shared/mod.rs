//! Tests of the JavaScript bindings through the values JavaScript receives, shared by `wasm_node`
//! (Node.js) and `wasm_browser` (headless Chromium).

use csv_preflight::bindings::{self, Checker, Options};
use js_sys::{Reflect, Uint8Array, JSON};
use serde_json::{json, Value};
use tsify::Ts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const IWPRO: &str = "fujifilm-iwpro/add-users";

/// Japanese names, a value that is not in the list after multi-byte cells, a quoted cell spanning
/// two lines, then an error on the row after it (row 5 starts on line 6).
const MULTIBYTE: &str = "mail_address,family_name,given_name,language\r\n\
taro@example.com,山田,太郎,ja\r\n\
hanako@example.com,佐藤,花子,日本語\r\n\
\"jiro@example.com\",鈴木,\"次郎\r\n二郎\",ja\r\n\
saburo@example,高橋,三郎,ja\r\n";

const STAFF_PROFILE: &str = r#"{
  "formatVersion": 1,
  "id": "example/staff",
  "system": "Example",
  "title": { "en": "Staff list", "ja": "職員名簿" },
  "file": { "encodings": ["utf-8"], "delimiters": ["comma"] },
  "columns": [
    { "name": "id", "header": "required", "value": "required",
      "check": { "type": "digits", "maxDigits": 6 } },
    { "name": "name", "header": "required", "value": "required",
      "check": { "length": { "max": 5 } } }
  ],
  "unique": [{ "columns": ["id"] }]
}"#;

const STAFF: &str = "id,name\n1,山田\n12a,Bob\n1,ちょっと長い名前\n,Ann\n";

fn js(value: &Value) -> JsValue {
    JSON::parse(&value.to_string()).unwrap()
}

fn json_of(value: &JsValue) -> Value {
    let text: String = JSON::stringify(value).unwrap().into();
    serde_json::from_str(&text).unwrap()
}

fn options(value: Value) -> Ts<Options> {
    Ts::new_unchecked(js(&value))
}

fn bytes(input: &[u8]) -> Uint8Array {
    Uint8Array::from(input)
}

/// `check(input, options)` as JavaScript sees its result.
fn check(input: &[u8], options_json: Value) -> Value {
    let result = bindings::check(bytes(input).into(), options(options_json)).unwrap();
    json_of(&result.js_value())
}

fn report_of(result: Value) -> Value {
    assert_eq!(result["type"], "success", "{result}");
    result["report"].clone()
}

/// (code, row, line, byte, column, columnIndex) of every diagnostic.
type Position = (String, Value, Value, Value, Value, Value);

fn positions(report: &Value) -> Vec<Position> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["row"].clone(),
                d["line"].clone(),
                d["byte"].clone(),
                d["column"].clone(),
                d["columnIndex"].clone(),
            )
        })
        .collect()
}

fn pos(code: &str, row: u64, line: u64, byte: u64, column: &str, index: u64) -> Position {
    (
        code.to_string(),
        json!(row),
        json!(line),
        json!(byte),
        json!(column),
        json!(index),
    )
}

fn native_report(input: &[u8], profile: &csv_preflight::Profile, file_name: &str) -> Value {
    let options = csv_preflight::CheckOptions {
        file_name: Some(file_name.to_string()),
        ..Default::default()
    };
    serde_json::to_value(csv_preflight::check(input, profile, options).unwrap()).unwrap()
}

#[wasm_bindgen_test]
fn check_reports_codes_and_multibyte_positions() {
    let report = report_of(check(
        MULTIBYTE.as_bytes(),
        json!({ "profile": IWPRO, "fileName": "add-users_2026-11.csv" }),
    ));
    assert_eq!(
        positions(&report),
        vec![
            pos("not-in-list", 3, 3, 114, "language", 4),
            pos("control-character", 4, 4, 151, "given_name", 3),
            pos("invalid-email", 5, 6, 172, "mail_address", 1),
        ]
    );
    assert_eq!(report["diagnostics"][0]["value"], "日本語");
    assert_eq!(report["diagnostics"][1]["value"], "次郎\r\n二郎");
    assert_eq!(report["valid"], false);
    assert_eq!(report["fileName"], "add-users_2026-11.csv");
    assert_eq!(
        report["summary"],
        json!({
            "errors": 3, "warnings": 0, "infos": 0, "rows": 4, "rowsWithErrors": 3,
            "byCode": { "control-character": 1, "not-in-list": 1, "invalid-email": 1 }
        })
    );
    assert_eq!(
        report["detected"],
        json!({
            "encoding": "utf-8", "bom": null, "delimiter": "comma", "lineEnding": "crlf",
            "mixedLineEndings": false,
            "header": ["mail_address", "family_name", "given_name", "language"],
            "bytes": 205, "records": 5
        })
    );
}

#[wasm_bindgen_test]
fn check_gives_the_same_report_as_the_library() {
    let profile = csv_preflight::builtin(IWPRO).unwrap();
    for (name, input) in [
        (
            "add-users_example.csv",
            &include_bytes!("../../examples/add-users_example.csv")[..],
        ),
        ("add-users_mb.csv", MULTIBYTE.as_bytes()),
        (
            "users.csv",
            b"mail_address\r\n\r\n\"a\"b@example.com,x\r\n".as_slice(),
        ),
        ("add-users_empty.csv", b"".as_slice()),
    ] {
        let report = report_of(check(input, json!({ "profile": IWPRO, "fileName": name })));
        assert_eq!(report, native_report(input, &profile, name), "{name}");
    }
}

#[wasm_bindgen_test]
fn japanese_messages() {
    let report = report_of(check(
        MULTIBYTE.as_bytes(),
        json!({ "profile": IWPRO, "lang": "ja", "fileName": "add-users_a.csv" }),
    ));
    let options = csv_preflight::CheckOptions {
        lang: csv_preflight::Lang::Ja,
        file_name: Some("add-users_a.csv".into()),
        ..Default::default()
    };
    let profile = csv_preflight::builtin(IWPRO).unwrap();
    let native = csv_preflight::check(MULTIBYTE.as_bytes(), &profile, options).unwrap();
    assert_eq!(report, serde_json::to_value(native).unwrap());
    assert_ne!(
        report["diagnostics"][0]["message"],
        report_of(check(MULTIBYTE.as_bytes(), json!({ "profile": IWPRO })))["diagnostics"][0]
            ["message"]
    );
}

#[wasm_bindgen_test]
fn checker_fed_in_odd_sized_chunks_gives_the_whole_buffer_report() {
    let input = MULTIBYTE.as_bytes();
    let whole = report_of(check(
        input,
        json!({ "profile": IWPRO, "fileName": "add-users_x.csv" }),
    ));
    for size in [1, 2, 3, 5, 7, 13, 31, 64, 1000] {
        let mut checker = Checker::new(options(
            json!({ "profile": IWPRO, "fileName": "add-users_x.csv" }),
        ))
        .unwrap();
        let mut pushed = 0;
        for chunk in input.chunks(size) {
            checker.push(bytes(chunk).into()).unwrap();
            pushed += chunk.len();
            let progress = json_of(&checker.progress().unwrap().js_value());
            assert_eq!(progress["bytes"], json!(pushed), "chunk size {size}");
        }
        let report = json_of(&checker.finish().unwrap().js_value());
        assert_eq!(report, whole, "chunk size {size}");
    }
}

/// Rows with distinct addresses but for row 4,002, which repeats row 2's (data rows count from 2).
fn many_users(rows: usize) -> String {
    let mut csv = String::from("mail_address,family_name,given_name,language\r\n");
    for i in 0..rows {
        let n = if i == 4_000 { 0 } else { i };
        csv.push_str(&format!("user{n:06}@example.com,山田,太郎,ja\r\n"));
    }
    csv
}

#[wasm_bindgen_test]
fn the_file_size_is_a_hint_that_never_changes_the_report() {
    // 190 KB: past the 64 KiB the unique index is sized on.
    let input = many_users(5_000);
    let whole = report_of(check(input.as_bytes(), json!({ "profile": IWPRO })));
    let duplicates: Vec<(Value, Value)> = whole["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].clone(), d["row"].clone()))
        .collect();
    assert_eq!(duplicates, [(json!("unique-error"), json!(4_002))]);
    for size in [
        json!(input.len()),
        json!(1),
        json!(input.len() * 100),
        json!(null),
    ] {
        let mut checker =
            Checker::new(options(json!({ "profile": IWPRO, "fileSize": size }))).unwrap();
        for chunk in input.as_bytes().chunks(4_096) {
            checker.push(bytes(chunk).into()).unwrap();
        }
        let report = json_of(&checker.finish().unwrap().js_value());
        assert_eq!(report, whole, "file size {size}");
    }
}

#[wasm_bindgen_test]
fn progress_counts_bytes_and_records() {
    let mut checker = Checker::new(options(json!({ "profile": IWPRO }))).unwrap();
    assert_eq!(
        json_of(&checker.progress().unwrap().js_value()),
        json!({ "bytes": 0, "records": 0 })
    );
    checker.push(bytes(MULTIBYTE.as_bytes()).into()).unwrap();
    let progress = json_of(&checker.progress().unwrap().js_value());
    assert_eq!(progress["bytes"], 205);
    let report = json_of(&checker.finish().unwrap().js_value());
    assert_eq!(report["detected"]["records"], 5);
}

#[wasm_bindgen_test]
fn custom_profile_as_object_and_as_json_text() {
    let expected = vec![
        pos("not-digits", 3, 3, 17, "id", 1),
        pos("unique-error", 4, 4, 25, "id", 1),
        pos("too-long", 4, 4, 27, "name", 2),
        pos("missing-value", 5, 5, 52, "id", 1),
    ];
    let object: Value = serde_json::from_str(STAFF_PROFILE).unwrap();
    for profile in [object, Value::String(STAFF_PROFILE.to_string())] {
        let report = report_of(check(STAFF.as_bytes(), json!({ "profile": profile })));
        assert_eq!(report["profile"], "example/staff");
        assert_eq!(positions(&report), expected);
        assert_eq!(report["diagnostics"][2]["value"], "ちょっと長い名前");
        assert_eq!(report["detected"]["lineEnding"], "lf");
    }
    let native = csv_preflight::Profile::from_json(STAFF_PROFILE).unwrap();
    let report = report_of(check(
        STAFF.as_bytes(),
        json!({ "profile": STAFF_PROFILE, "fileName": "staff.csv" }),
    ));
    assert_eq!(
        report,
        native_report(STAFF.as_bytes(), &native, "staff.csv")
    );
}

fn failure_of(result: Value) -> Value {
    assert_eq!(result["type"], "failure", "{result}");
    assert_eq!(result["error"]["kind"], result["error"]["detail"]["kind"]);
    result["error"].clone()
}

#[wasm_bindgen_test]
fn malformed_profiles_are_typed_failures() {
    let mut typo: Value = serde_json::from_str(STAFF_PROFILE).unwrap();
    typo["colums"] = typo["columns"].take();
    typo.as_object_mut().unwrap().remove("columns");
    let error = failure_of(check(b"id,name\n", json!({ "profile": typo })));
    assert_eq!(error["kind"], "invalidProfile");
    let message = error["message"].as_str().unwrap();
    assert!(
        message.starts_with("invalid profile: unknown field `colums`"),
        "{message}"
    );

    let mut version: Value = serde_json::from_str(STAFF_PROFILE).unwrap();
    version["formatVersion"] = json!(2);
    let error = failure_of(check(b"id,name\n", json!({ "profile": version })));
    assert_eq!(
        error["detail"],
        json!({ "kind": "unsupportedFormatVersion", "found": 2, "supported": 1 })
    );

    let error = failure_of(check(b"", json!({ "profile": "{ \"formatVersion\": 1, " })));
    assert_eq!(error["kind"], "invalidProfile");

    let error = failure_of(check(b"", json!({ "profile": "acme/users" })));
    assert_eq!(
        error["detail"],
        json!({ "kind": "unknownProfile", "id": "acme/users" })
    );
    assert_eq!(error["message"], "unknown profile \"acme/users\"");
}

#[wasm_bindgen_test]
fn bad_parameters_and_options_are_typed_failures() {
    let error = failure_of(check(
        b"",
        json!({ "profile": IWPRO, "params": { "seats": 3 } }),
    ));
    assert_eq!(
        error["detail"],
        json!({ "kind": "unknownParameter", "name": "seats",
                "known": ["allowedEmailDomains", "availableSeats"] })
    );
    let error = failure_of(check(
        b"",
        json!({ "profile": IWPRO, "params": { "availableSeats": "many" } }),
    ));
    assert_eq!(
        error["detail"],
        json!({ "kind": "invalidParameter", "name": "availableSeats", "expected": "integer" })
    );
    for bad in [
        json!({ "profile": IWPRO, "filename": "add-users_a.csv" }),
        json!({ "profile": IWPRO, "lang": "fr" }),
        json!({ "profile": IWPRO, "fileSize": "1 MB" }),
        json!({ "profile": IWPRO, "fileSize": -1 }),
        json!({ "profile": 3 }),
        json!({}),
        json!("fujifilm-iwpro/add-users"),
    ] {
        let error = failure_of(check(b"", bad.clone()));
        assert_eq!(error["kind"], "invalidOptions", "{bad}");
    }
}

#[wasm_bindgen_test]
fn tenant_parameters_apply() {
    let input = "mail_address,family_name,given_name,language\r\n\
                 a@example.com,山田,太郎,ja\r\nb@other.example,佐藤,花子,ja\r\n";
    let report = report_of(check(
        input.as_bytes(),
        json!({ "profile": IWPRO, "fileName": "add-users_a.csv",
                "params": { "allowedEmailDomains": ["example.com"], "availableSeats": 1 } }),
    ));
    let mut codes: Vec<(String, Value)> = positions(&report)
        .into_iter()
        .map(|(code, row, ..)| (code, row))
        .collect();
    codes.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        codes,
        vec![
            ("email-domain-not-allowed".to_string(), json!(3)),
            ("too-many-rows".to_string(), Value::Null),
        ]
    );
}

#[wasm_bindgen_test]
fn checker_constructor_throws_a_typed_error() {
    let error = Checker::new(options(json!({ "profile": "acme/users" })))
        .err()
        .expect("an unknown profile fails");
    let error: js_sys::Error = error.dyn_into().unwrap();
    assert_eq!(String::from(error.name()), "CsvPreflightError");
    assert_eq!(
        String::from(error.message()),
        "unknown profile \"acme/users\""
    );
    let kind = Reflect::get(&error, &"kind".into()).unwrap();
    assert_eq!(kind.as_string().as_deref(), Some("unknownProfile"));
    let detail = Reflect::get(&error, &"detail".into()).unwrap();
    assert_eq!(
        json_of(&detail),
        json!({ "kind": "unknownProfile", "id": "acme/users" })
    );
}

#[wasm_bindgen_test]
fn maps_are_plain_objects_and_missing_values_are_null() {
    let result = bindings::check(
        bytes(MULTIBYTE.as_bytes()).into(),
        options(json!({ "profile": IWPRO })),
    )
    .unwrap()
    .js_value();
    let report = Reflect::get(&result, &"report".into()).unwrap();
    let summary = Reflect::get(&report, &"summary".into()).unwrap();
    let by_code = Reflect::get(&summary, &"byCode".into()).unwrap();
    assert!(!by_code.is_instance_of::<js_sys::Map>());
    assert_eq!(
        Reflect::get(&by_code, &"not-in-list".into())
            .unwrap()
            .as_f64(),
        Some(1.0)
    );
    let detected = Reflect::get(&report, &"detected".into()).unwrap();
    assert!(Reflect::get(&detected, &"bom".into()).unwrap().is_null());
    // Absent optional fields are absent, as in the CLI's JSON (no fileName was given).
    assert!(!Reflect::has(&report, &"fileName".into()).unwrap());
}

#[wasm_bindgen_test]
fn shift_jis_is_identified_and_reported() {
    // 山田 and 太郎 in Shift_JIS; IWpro reads UTF-8 only.
    let mut input = b"mail_address,family_name,given_name,language\r\na@example.com,".to_vec();
    input.extend_from_slice(&[0x8E, 0x52, 0x93, 0x63, b',', 0x91, 0xBE, 0x98, 0x59]);
    input.extend_from_slice(b",ja\r\n");
    let report = report_of(check(
        &input,
        json!({ "profile": IWPRO, "fileName": "add-users_a.csv" }),
    ));
    assert_eq!(report["detected"]["encoding"], "shift_jis");
    let codes: Vec<String> = positions(&report).into_iter().map(|p| p.0).collect();
    assert_eq!(codes, vec!["encoding-not-accepted".to_string()]);
    let profile = csv_preflight::builtin(IWPRO).unwrap();
    assert_eq!(report, native_report(&input, &profile, "add-users_a.csv"));
}

#[wasm_bindgen_test]
fn profiles_and_profile() {
    let infos: Vec<Value> = bindings::profiles()
        .unwrap()
        .iter()
        .map(|info| json_of(&info.js_value()))
        .collect();
    let ids: Vec<&str> = infos.iter().map(|i| i["id"].as_str().unwrap()).collect();
    let native: Vec<&str> = csv_preflight::builtin_ids().collect();
    assert_eq!(ids, native);
    let add = &infos[ids.iter().position(|id| *id == IWPRO).unwrap()];
    assert_eq!(add["system"], "FUJIFILM IWpro");
    assert_eq!(add["title"]["ja"], "FUJIFILM IWpro — ユーザー追加");
    assert_eq!(add["parameters"][0]["name"], "allowedEmailDomains");
    assert_eq!(add["parameters"][0]["default"], Value::Null);

    let result = json_of(&bindings::profile(IWPRO.into()).unwrap().js_value());
    assert_eq!(result["type"], "success");
    let native: Value =
        serde_json::from_str(&csv_preflight::builtin(IWPRO).unwrap().to_json()).unwrap();
    assert_eq!(result["profile"], native);
    // The profile object goes back in as a custom profile.
    let report = report_of(check(
        MULTIBYTE.as_bytes(),
        json!({ "profile": result["profile"], "fileName": "add-users_a.csv" }),
    ));
    assert_eq!(positions(&report).len(), 3);

    let failure = json_of(&bindings::profile("acme/users".into()).unwrap().js_value());
    assert_eq!(failure_of(failure)["kind"], "unknownProfile");
    // Not a string: a typed failure, not a trap.
    let failure = json_of(&bindings::profile(5.into()).unwrap().js_value());
    assert_eq!(failure_of(failure)["kind"], "invalidOptions");
}

#[wasm_bindgen_test]
fn result_csv_returns_bytes_in_the_input_encoding() {
    let result = bindings::result_csv(
        bytes(MULTIBYTE.as_bytes()).into(),
        options(json!({ "profile": IWPRO, "fileName": "add-users_a.csv" })),
    )
    .unwrap()
    .js_value();
    assert_eq!(
        Reflect::get(&result, &"type".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("success")
    );
    assert_eq!(
        Reflect::get(&result, &"encoding".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("utf-8")
    );
    let out: Uint8Array = Reflect::get(&result, &"bytes".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let profile = csv_preflight::builtin(IWPRO).unwrap();
    let options = csv_preflight::CheckOptions {
        file_name: Some("add-users_a.csv".into()),
        ..Default::default()
    };
    let native = csv_preflight::result_csv(MULTIBYTE.as_bytes(), &profile, options).unwrap();
    assert_eq!(out.to_vec(), native.bytes);
    let text = String::from_utf8(out.to_vec()).unwrap();
    assert!(text.starts_with(
        "\u{FEFF}mail_address,family_name,given_name,language,result,codes,messages\r\n"
    ));
    assert!(text.contains("\r\nhanako@example.com,佐藤,花子,日本語,NG,not-in-list,"));

    let failure = bindings::result_csv(bytes(b"").into(), options_for("acme/users")).unwrap();
    assert_eq!(
        failure_of(json_of(&failure.js_value()))["kind"],
        "unknownProfile"
    );
}

fn options_for(profile: &str) -> Ts<Options> {
    options(json!({ "profile": profile }))
}

#[wasm_bindgen_test]
fn input_is_a_uint8array_or_an_arraybuffer() {
    let whole = check(MULTIBYTE.as_bytes(), json!({ "profile": IWPRO }));
    let buffer = bytes(MULTIBYTE.as_bytes()).buffer();
    let result = bindings::check(buffer.clone().into(), options_for(IWPRO)).unwrap();
    assert_eq!(json_of(&result.js_value()), whole);
    // A view on part of a larger buffer: only the view's bytes count.
    let mut padded = b"xxxx".to_vec();
    padded.extend_from_slice(MULTIBYTE.as_bytes());
    let view = bytes(&padded).subarray(4, padded.len() as u32);
    let result = bindings::check(view.into(), options_for(IWPRO)).unwrap();
    assert_eq!(json_of(&result.js_value()), whole);

    let result = bindings::check(JsValue::from_str("mail_address"), options_for(IWPRO)).unwrap();
    let error = failure_of(json_of(&result.js_value()));
    assert_eq!(error["kind"], "invalidOptions");
    assert_eq!(
        error["message"],
        "invalid options: the input must be a Uint8Array or an ArrayBuffer"
    );

    let mut checker = Checker::new(options_for(IWPRO)).unwrap();
    checker.push(buffer.into()).unwrap();
    assert!(checker.push(JsValue::from_f64(3.0)).is_err());
    let report = json_of(&checker.finish().unwrap().js_value());
    assert_eq!(report, whole["report"]);
}

#[wasm_bindgen_test]
fn convert_returns_the_file_and_the_result() {
    let hr = "氏名,メールアドレス,言語\r\n山田 太郎,ｔａｒｏ＠example.com,日本語\r\n";
    let call_with = |input: &str, to: &str, options: Value| {
        bindings::convert(
            bytes(input.as_bytes()).into(),
            JsValue::from_str(to),
            js(&options),
        )
        .unwrap()
        .js_value()
    };
    let call = |to: &str, options: Value| call_with(hr, to, options);
    let outcome = call(IWPRO, json!({ "date": "2026-11-21" }));
    let out: Uint8Array = Reflect::get(&outcome, &"bytes".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let profile = csv_preflight::builtin(IWPRO).unwrap();
    let native = csv_preflight::convert::convert(
        hr.as_bytes(),
        &profile,
        csv_preflight::ConvertOptions {
            date: Some("2026-11-21".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(out.to_vec(), native.bytes);
    let result = json_of(&outcome);
    assert_eq!(result["type"], "success");
    assert_eq!(result["result"], serde_json::to_value(&native).unwrap());
    assert_eq!(result["result"]["status"], "ready");
    assert_eq!(result["result"]["fileName"], "add-users_2026-11-21.csv");
    assert_eq!(result["result"]["changes"][0]["reason"], "half-width");
    assert_eq!(
        result["result"]["mapping"]["columns"][0]["from"],
        "メールアドレス"
    );

    // Refused (an e-mail address no repair makes valid): no bytes, and the reason.
    let broken = "氏名,メールアドレス,言語\r\n山田 太郎,taro@,日本語\r\n";
    let refused = call_with(broken, IWPRO, json!({}));
    let out: Uint8Array = Reflect::get(&refused, &"bytes".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(out.length(), 0);
    let refused = json_of(&refused);
    assert_eq!(refused["result"]["status"], "refused");
    assert!(refused["result"]["refusal"]
        .as_str()
        .unwrap()
        .contains("invalid-email"));
    // An encoding the target does not take (IWpro reads UTF-8 only) is refused before reading.
    let sjis = json_of(&call(IWPRO, json!({ "encoding": "shift_jis" })));
    assert_eq!(failure_of(sjis)["kind"], "invalidOptions");

    // Failures are values: a misspelt option, an unknown profile.
    let typo = json_of(&call(IWPRO, json!({ "forse": true })));
    assert_eq!(failure_of(typo)["kind"], "invalidOptions");
    let unknown = json_of(&call("acme/users", json!({})));
    assert_eq!(failure_of(unknown)["kind"], "unknownProfile");
}
