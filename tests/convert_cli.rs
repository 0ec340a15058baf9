//! `csv-preflight convert`: exit codes, the file written (or not), the mapping printed, JSON.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csv-preflight"))
        .args(args)
        .output()
        .unwrap()
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/convert")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn a_clean_conversion_writes_the_file_under_its_suggested_name_and_exits_0() {
    let dir = common::scratch("convert");
    let out = run(&[
        "convert",
        "--to",
        "fujifilm-iwpro/add-users",
        "--date",
        "2026-11-21",
        "-o",
        dir.to_str().unwrap(),
        &fixture("hr.shift_jis.csv"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        common::files(&dir),
        ["add-users_hr.shift_jis_2026-11-21.csv"]
    );
    let written = std::fs::read(dir.join("add-users_hr.shift_jis_2026-11-21.csv")).unwrap();
    assert_eq!(
        written,
        std::fs::read(fixture("hr.iwpro.expected.csv")).unwrap()
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("language ← \"言語\"  values \"日本語\"→\"ja\""),
        "{text}"
    );
    assert!(
        text.contains("row 2 [mail_address] \"ｔａｒｏ．ｙａｍａｄａ１２＠example.com\" → \"taro.yamada12@example.com\": full-width characters made half-width"),
        "{text}"
    );
    assert!(text.ends_with(&format!(
        "wrote {}\n",
        dir.join("add-users_hr.shift_jis_2026-11-21.csv").display()
    )));
}

#[test]
fn a_refused_conversion_writes_nothing_and_exits_1_unless_forced() {
    let dir = common::scratch("convert");
    let out_path = dir.join("out.csv");
    let input = fixture("mixed.utf-8.csv");
    let args = |force: bool| {
        let mut a = vec![
            "convert",
            "--from",
            "header",
            "--to",
            "canon/users",
            "--encoding",
            "shift_jis",
            "--date",
            "2026-11-21",
            "--format",
            "json",
            "-o",
        ];
        a.push(out_path.to_str().unwrap());
        if force {
            a.push("--force");
        }
        a.push(&input);
        a
    };
    let refused = run(&args(false));
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        common::files(&dir).is_empty(),
        "no file, not even a partial one"
    );
    let json: serde_json::Value = serde_json::from_slice(&refused.stdout).unwrap();
    assert_eq!(json["status"], "refused");
    assert_eq!(json["diagnostics"][0]["code"], "column-dropped");
    assert_eq!(json["diagnostics"][1]["code"], "unrepresentable-character");
    assert_eq!(json["diagnostics"][1]["row"], 2);
    assert_eq!(json["diagnostics"][1]["charIndex"], 1);
    assert!(json["refusal"]
        .as_str()
        .unwrap()
        .starts_with("the converted file still has"));

    // In text, the refusal names the flag that writes the file anyway.
    let mut text_args = args(false);
    text_args.retain(|a| *a != "--format" && *a != "json");
    let text = String::from_utf8(run(&text_args).stdout).unwrap();
    let last = text.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("not written: the converted file still has")
            && last.ends_with("(--force writes it anyway)"),
        "{text}"
    );

    let forced = run(&args(true));
    assert_eq!(forced.status.code(), Some(1), "errors remain");
    assert_eq!(common::files(&dir), ["out.csv"]);
    let json: serde_json::Value = serde_json::from_slice(&forced.stdout).unwrap();
    assert_eq!(json["status"], "forced");
}

#[test]
fn print_map_gives_a_mapping_to_edit_and_map_takes_it_back() {
    let dir = common::scratch("convert");
    let out = run(&[
        "convert",
        "--to",
        "canon/users",
        "--print-map",
        &fixture("iwpro.add-users.csv"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let map = String::from_utf8(out.stdout).unwrap();
    assert!(map.contains("\"suggestedBy\": \"preset\""), "{map}");
    let edited = map.replace(
        "\"target\": \"cn\",",
        "\"target\": \"cn\", \"default\": \"?\",",
    );
    let map_path = dir.join("map.json");
    std::fs::write(&map_path, edited).unwrap();
    let out_path = dir.join("canon.csv");
    let out = run(&[
        "convert",
        "--to",
        "canon/users",
        "--map",
        map_path.to_str().unwrap(),
        "--bom",
        "no",
        "-o",
        out_path.to_str().unwrap(),
        &fixture("iwpro.add-users.csv"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let expected = std::fs::read(fixture("iwpro.canon.expected.csv")).unwrap();
    assert_eq!(std::fs::read(&out_path).unwrap(), expected[3..].to_vec());
}

#[test]
fn bad_options_are_one_line_errors_with_exit_2() {
    for (args, message) in [
        (
            vec!["--to", "nope/x", "-o", "x.csv"],
            "csv-preflight: unknown profile \"nope/x\" (`csv-preflight profiles` lists them)\n",
        ),
        (
            vec!["--to", "canon/users", "--encoding", "klingon", "-o", "x.csv"],
            "csv-preflight: unknown encoding \"klingon\"\n",
        ),
        (
            vec!["--to", "canon/users", "--substitute", "髙", "-o", "x.csv"],
            "csv-preflight: substitution \"髙\" is not of the form CHAR=TEXT\n",
        ),
        (
            vec!["--to", "canon/users", "--encoding", "utf-16le", "-o", "x.csv"],
            "csv-preflight: invalid options: conversion writes ASCII-compatible encodings only, not \"utf-16le\"\n",
        ),
        (
            vec!["--to", "fujifilm-iwpro/add-users", "--encoding", "shift_jis", "-o", "x.csv"],
            "csv-preflight: invalid options: \"fujifilm-iwpro/add-users\" does not take Shift_JIS \
             (CP932), only UTF-8: the file would be refused (force the conversion to write it \
             anyway)\n",
        ),
        (
            vec!["--to", "canon/users", "--date", "2025-02-29", "-o", "x.csv"],
            "csv-preflight: invalid options: the date \"2025-02-29\" does not exist\n",
        ),
        (
            vec!["--lang", "ja", "--to", "canon/users", "--encoding", "klingon", "-o", "x.csv"],
            "csv-preflight: 文字コード「klingon」には対応していません\n",
        ),
        (
            vec!["--lang", "ja", "--to", "canon/users", "--substitute", "髙", "-o", "x.csv"],
            "csv-preflight: 置換「髙」は 文字=置換後の文字列 の形で指定してください\n",
        ),
        (
            vec!["--lang", "ja", "--to", "nope/x", "-o", "x.csv"],
            "csv-preflight: プロファイル「nope/x」はありません（一覧は `csv-preflight profiles`）\n",
        ),
    ] {
        let mut all = vec!["convert"];
        all.extend(args);
        let input = fixture("mixed.utf-8.csv");
        all.push(&input);
        let out = run(&all);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(String::from_utf8(out.stderr).unwrap(), message);
    }
}
