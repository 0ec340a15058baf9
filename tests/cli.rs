//! The command-line tool: exit codes, JSON shape, text output, one-line errors.

mod common;

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csv-preflight"))
        .args(args)
        .output()
        .unwrap()
}

/// A copy of an add-users fixture under a name IWpro accepts (`add-users_*.csv`), in a directory of
/// its own per call (tests run in parallel and may copy the same fixture at the same time).
fn fixture(name: &str) -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("csv-preflight-cli-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join(format!("add-users_{name}"));
    std::fs::copy(
        common::fixtures()
            .join("fujifilm-iwpro-add-users")
            .join(name),
        &target,
    )
    .unwrap();
    target.to_string_lossy().into_owned()
}

#[test]
fn valid_file_exits_0() {
    let out = run(&[
        "check",
        "--profile",
        "fujifilm-iwpro/add-users",
        &fixture("valid.csv"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.ends_with("valid: 0 error(s), 0 warning(s), 0 of 3 rows with errors\n"),
        "{text}"
    );
}

#[test]
fn invalid_file_exits_1_with_the_report_as_json() {
    let out = run(&[
        "check",
        "--profile",
        "fujifilm-iwpro/add-users",
        "--format",
        "json",
        &fixture("language.csv"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["valid"], false);
    assert_eq!(json["detected"]["encoding"], "utf-8");
    assert_eq!(json["detected"]["bom"], serde_json::Value::Null);
    assert_eq!(json["detected"]["delimiter"], "comma");
    assert_eq!(json["detected"]["lineEnding"], "crlf");
    assert_eq!(json["summary"]["errors"], 2);
    assert_eq!(json["summary"]["byCode"]["not-in-list"], 2);
    let first = &json["diagnostics"][0];
    assert_eq!(first["code"], "not-in-list");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["row"], 2);
    assert_eq!(first["line"], 2);
    assert_eq!(first["column"], "language");
    assert_eq!(first["columnIndex"], 4);
    assert_eq!(first["value"], "JA");
    assert_eq!(
        first["message"],
        "not an accepted value; expected \"ja\", \"en\""
    );
}

#[test]
fn japanese_text_output_groups_by_row() {
    let out = run(&[
        "check",
        "--profile",
        "fujifilm-iwpro/add-users",
        "--lang",
        "ja",
        &fixture("language.csv"),
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "  2 行目:\n    エラー [not-in-list] language \"JA\": 使える値ではありません。"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("エラーあり：エラー 2 件、警告 0 件、エラーのある行 2 / 2 行\n"),
        "{text}"
    );
}

#[test]
fn parameters_are_typed() {
    let out = run(&[
        "check",
        "--profile",
        "fujifilm-iwpro/add-users",
        "--format",
        "json",
        "--param",
        "allowedEmailDomains=example.com,example.co.jp",
        "--param",
        "availableSeats=2",
        &fixture("valid.csv"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["too-many-rows"]);
    assert_eq!(json["diagnostics"][0]["systemCode"], "E000000003");
}

#[test]
fn runs_that_cannot_happen_exit_2_with_one_line() {
    for (args, message) in [
        (vec!["check", "--profile", "nope/users", "x.csv"], "csv-preflight: unknown profile \"nope/users\" (`csv-preflight profiles` lists them)\n"),
        (
            vec!["check", "--profile", "add-users", "x.csv"],
            "csv-preflight: unknown profile \"add-users\"; did you mean \"fujifilm-iwpro/add-users\"? \
             (`csv-preflight profiles` lists them)\n",
        ),
        (
            vec!["check", "--profile", "fujifilm-iwpro/add-users", "/nonexistent/add-users_1.csv"],
            "csv-preflight: cannot read \"/nonexistent/add-users_1.csv\": no such file\n",
        ),
        (
            vec!["check", "--profile", "fujifilm-iwpro/add-users", "--param", "availableSeats=many", "x.csv"],
            "csv-preflight: parameter \"availableSeats\" needs a whole number (0 or more)\n",
        ),
        (
            vec!["check", "--profile", "fujifilm-iwpro/add-users", "--param", "availableSeats=-1", "x.csv"],
            "csv-preflight: parameter \"availableSeats\" needs a whole number (0 or more)\n",
        ),
        (
            vec!["check", "--profile", "fujifilm-iwpro/add-users", "--param", "seats=3", "x.csv"],
            "csv-preflight: unknown parameter \"seats\" (this profile has: allowedEmailDomains, availableSeats)\n",
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), message);
    }
}

/// With `--lang ja` the errors are Japanese too; details found in English are marked so.
#[test]
fn runs_that_cannot_happen_speak_the_runs_language() {
    let profile = common::scratch("cli-ja").join("bad-profile.json");
    std::fs::write(&profile, "{\"formatVersion\": 1").unwrap();
    let invalid = csv_preflight::Profile::from_json("{\"formatVersion\": 1").unwrap_err();
    let detail = invalid.to_string();
    let detail = detail.strip_prefix("invalid profile: ").unwrap();
    for (args, message) in [
        (
            vec!["check", "--lang", "ja", "--profile", "nope/users", "x.csv"],
            "csv-preflight: プロファイル「nope/users」はありません（一覧は `csv-preflight profiles`）\n"
                .to_string(),
        ),
        (
            vec!["check", "--lang", "ja", "--profile", "canon/user", "x.csv"],
            "csv-preflight: プロファイル「canon/user」はありません。「canon/users」ではありませんか？\
             （一覧は `csv-preflight profiles`）\n"
                .to_string(),
        ),
        (
            vec!["check", "--lang", "ja", "--profile", "fujifilm-iwpro/add-users", "/nonexistent/add-users_1.csv"],
            "csv-preflight: 「/nonexistent/add-users_1.csv」を読み込めません：ファイルがありません\n".to_string(),
        ),
        (
            vec!["check", "--lang", "ja", "--profile", "fujifilm-iwpro/add-users", "--param", "availableSeats=many", "x.csv"],
            "csv-preflight: パラメーター「availableSeats」には 0 以上の整数を指定してください\n".to_string(),
        ),
        (
            vec!["check", "--lang", "ja", "--profile", "fujifilm-iwpro/add-users", "--param", "availableSeats", "x.csv"],
            "csv-preflight: パラメーター「availableSeats」は 名前=値 の形で指定してください\n".to_string(),
        ),
        (
            vec!["check", "--lang", "ja", "--profile", "/nonexistent/p.json", "x.csv"],
            "csv-preflight: プロファイル「/nonexistent/p.json」を読み込めません：ファイルがありません\n".to_string(),
        ),
        (
            vec!["check", "--lang", "ja", "--profile", profile.to_str().unwrap(), "x.csv"],
            format!("csv-preflight: プロファイルが正しくありません。詳細（英語）：{detail}\n"),
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), message, "{args:?}");
    }
}

/// Two files of one role: the error names both, and how to give the other its role.
#[test]
fn two_files_of_one_role_are_named() {
    let dir = common::fixtures().join("celf");
    let users = dir.join("users.csv").to_string_lossy().into_owned();
    let groups = dir.join("groups.csv").to_string_lossy().into_owned();
    let out = run(&["check", "--profile", "celf", &users, &groups, &users]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "csv-preflight: \"{users}\" and \"{users}\" both have the role \"users\" (recognised from \
             the header, or given); write ROLE=PATH for the one that is another role\n"
        )
    );
}

#[test]
fn profiles_lists_the_builtins() {
    let out = run(&["profiles"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for id in csv_preflight::builtin_ids() {
        assert!(text.contains(id), "{id} missing from:\n{text}");
    }
}

/// A bundle is marked inside its title's brackets, in English too.
#[test]
fn profiles_marks_the_bundle_inside_its_brackets() {
    let out = run(&["profiles"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().any(|line| line
            == "celf                             CELF — import user group information (bundle: users, groups, affiliations)"),
        "{text}"
    );
}

/// `--lang ja` lists the Japanese titles.
#[test]
fn profiles_lists_japanese_titles_with_lang_ja() {
    let out = run(&["profiles", "--lang", "ja"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.contains(&"canon/users                      キヤノン複合機 — ユーザー情報 CSV"),
        "{text}"
    );
    // The bundle's own brackets carry the word (not a second pair after them).
    assert!(
        lines.contains(
            &"celf                             CELF — ユーザーグループ情報のインポート（バンドル：ユーザー・グループ・所属）"
        ),
        "{text}"
    );
    assert_eq!(
        lines.len(),
        csv_preflight::builtin_ids().count() + 1,
        "{text}"
    );
}

#[test]
fn result_csv_keeps_rows_and_adds_result_columns() {
    let out_path =
        std::env::temp_dir().join(format!("csv-preflight-result-{}.csv", std::process::id()));
    let out = run(&[
        "check",
        "--profile",
        "fujifilm-iwpro/add-users",
        "--result-csv",
        out_path.to_str().unwrap(),
        &fixture("language.csv"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let bytes = std::fs::read(&out_path).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert!(
        lines[0].starts_with("\u{FEFF}mail_address,"),
        "UTF-8 with BOM so Excel reads it"
    );
    assert!(lines[0].ends_with(",iccard_number,result,codes,messages"));
    assert_eq!(lines[1], "taro@example.com,山田,太郎,JA,,,,,,,,NG,not-in-list,\"language: not an accepted value; expected \"\"ja\"\", \"\"en\"\"\"");
    std::fs::remove_file(&out_path).ok();
}

/// Several files: `--result-csv` takes a directory and writes `NAME-result.csv` for each; a single
/// file path is refused (each result would replace the one before), and so is a path that is one
/// of the files checked (the result would replace the input).
#[test]
fn result_csv_for_several_files_goes_into_a_directory() {
    let dir = common::scratch("cli-results");
    let (language, valid) = (fixture("language.csv"), fixture("valid.csv"));
    let args = |out: &str| {
        vec![
            "check".to_string(),
            "--profile".into(),
            "fujifilm-iwpro/add-users".into(),
            "--result-csv".into(),
            out.to_string(),
            language.clone(),
            valid.clone(),
        ]
    };
    let run_owned = |v: Vec<String>| run(&v.iter().map(String::as_str).collect::<Vec<_>>());
    let out = run_owned(args(dir.to_str().unwrap()));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        common::files(&dir),
        [
            "add-users_language-result.csv",
            "add-users_valid-result.csv"
        ]
    );
    let valid_result = std::fs::read_to_string(dir.join("add-users_valid-result.csv")).unwrap();
    assert!(
        valid_result.lines().skip(1).all(|l| l.ends_with(",OK,,")),
        "{valid_result}"
    );

    let one = dir.join("one.csv");
    let out = run_owned(args(one.to_str().unwrap()));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "csv-preflight: --result-csv \"{}\" names one file, but 2 files are checked: give a \
             directory (each file's result is written there as NAME-result.csv)\n",
            one.display()
        )
    );
    assert!(!one.exists());

    let input = dir.join("add-users_1.csv");
    std::fs::copy(&valid, &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let input = input.to_str().unwrap();
    let out = run(&[
        "check",
        "--lang",
        "ja",
        "--profile",
        "fujifilm-iwpro/add-users",
        "--result-csv",
        input,
        input,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "csv-preflight: --result-csv の書き出し先が、チェックするファイル「{input}」と同じです。\
             別のパスを指定してください\n"
        )
    );
    assert_eq!(
        std::fs::read(input).unwrap(),
        before,
        "the input is untouched"
    );

    // Run again: the results are there, and are replaced only with --overwrite.
    let out = run_owned(args(dir.to_str().unwrap()));
    assert_eq!(out.status.code(), Some(2));
    let existing = dir.join("add-users_language-result.csv");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "csv-preflight: \"{}\" already exists; give --overwrite to replace it\n",
            existing.display()
        )
    );
    let mut again = args(dir.to_str().unwrap());
    again.insert(1, "--overwrite".into());
    assert_eq!(run_owned(again).status.code(), Some(1));
}

/// Two inputs of one name in different folders would write one result over the other: refused.
/// A tab-separated input's result keeps its extension (Excel splits a `.csv` on commas only).
#[test]
fn result_names_that_collide_are_refused_and_tsv_stays_tsv() {
    let dir = common::scratch("cli-collide");
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.join(sub)).unwrap();
        std::fs::copy(fixture("valid.csv"), dir.join(sub).join("add-users_x.csv")).unwrap();
    }
    let out_dir = dir.join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let (a, b) = (dir.join("a/add-users_x.csv"), dir.join("b/add-users_x.csv"));
    let out = run(&[
        "check",
        "--profile",
        "fujifilm-iwpro/add-users",
        "--result-csv",
        out_dir.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "csv-preflight: the results of \"{}\" and \"{}\" would both be written to \"{}\": \
             check them in separate runs\n",
            a.display(),
            b.display(),
            out_dir.join("add-users_x-result.csv").display()
        )
    );
    assert!(common::files(&out_dir).is_empty());

    let tsv = dir.join("users.tsv");
    std::fs::write(
        &tsv,
        "#email\ttag\tpermission\r\ntaro@example.com\t\tuser\r\n",
    )
    .unwrap();
    let out = run(&[
        "check",
        "--profile",
        "flat/users-differential",
        "--result-csv",
        out_dir.to_str().unwrap(),
        tsv.to_str().unwrap(),
    ]);
    assert!(
        out.status.code() != Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(common::files(&out_dir), ["users-result.tsv"]);
    let result = std::fs::read_to_string(out_dir.join("users-result.tsv")).unwrap();
    assert!(result.contains("\tresult\tcodes\tmessages\r\n"), "{result}");
}

/// An `info` finding is a "note" in the text report, as on the demo page (お知らせ in Japanese).
#[test]
fn info_findings_are_notes() {
    let file = common::fixtures().join("learningbox-users/info-belong-to.csv");
    let file = file.to_str().unwrap();
    for (lang, line) in [
        ("en", "    note [blank-value-default] Belong to: "),
        ("ja", "    お知らせ [blank-value-default] Belong to: "),
    ] {
        let out = run(&[
            "check",
            "--profile",
            "learningbox/users",
            "--lang",
            lang,
            file,
        ]);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.lines().any(|l| l.starts_with(line)), "{text}");
    }
}

/// A result CSV into a folder that does not exist: said so, in the run's language.
#[test]
fn a_missing_result_folder_is_named() {
    let out_path = common::scratch("cli-nofolder").join("gone/result.csv");
    let out_path = out_path.to_str().unwrap();
    let valid = fixture("valid.csv");
    for (lang, message) in [
        ("en", format!("csv-preflight: cannot write \"{out_path}\": its folder does not exist\n")),
        ("ja", format!("csv-preflight: 「{out_path}」を書き出せません：書き出し先のフォルダーがありません\n")),
    ] {
        let out = run(&[
            "check", "--lang", lang, "--profile", "fujifilm-iwpro/add-users", "--result-csv", out_path, &valid,
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(String::from_utf8_lossy(&out.stderr), message);
    }
}

/// A header finding shows its label once, in quotes (its spaces visible), not also as the column.
#[test]
fn a_header_label_is_shown_once() {
    let dir = common::scratch("cli-label");
    let file = dir.join("add-users_x.csv");
    std::fs::write(
        &file,
        "mail_address, family_name,given_name,language\r\ntaro@example.com,山田,太郎,ja\r\n",
    )
    .unwrap();
    let out = run(&[
        "check",
        "--profile",
        "fujifilm-iwpro/add-users",
        file.to_str().unwrap(),
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "    warning [untrimmed-label] \" family_name\": the column name \"family_name\""
        ),
        "{text}"
    );
}

/// The text plan lists the rows learningBOX refuses (an e-mail address another user has) apart
/// from the additions, in English and Japanese: every row of the file is in one line.
#[test]
fn the_text_plan_lists_refused_rows_apart_from_additions() {
    let dir = common::fixtures().join("learningbox-users");
    let export = dir.join("export.csv").to_string_lossy().into_owned();
    let upload = dir.join("plan-upload.csv").to_string_lossy().into_owned();
    let plan = |lang: &str| {
        let out = run(&[
            "check",
            "--lang",
            lang,
            "--profile",
            "learningbox/users",
            "--baseline",
            &export,
            &upload,
        ]);
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stdout).unwrap();
        let start = text.find("  plan").or_else(|| text.find("  計画")).unwrap();
        let end = text[start..]
            .find("\n    records after")
            .or_else(|| text[start..].find("\n    インポート後"))
            .unwrap();
        text[start..start + end].to_string()
    };
    assert_eq!(
        plan("en"),
        "  plan (add/update): 3 records in the export\n\
         \x20   add 1: sato-j\n\
         \x20   update 1: yamada01\n\
         \x20   unchanged 1: suzuki.h\n\
         \x20   refused (key-conflict: neither added nor updated) 1: tanaka2"
    );
    assert_eq!(
        plan("ja"),
        "  計画（追加・更新）：エクスポートのレコード 3 件\n\
         \x20   追加 1: sato-j\n\
         \x20   更新 1: yamada01\n\
         \x20   変更なし 1: suzuki.h\n\
         \x20   登録されない行（key-conflict：追加も更新もされません） 1: tanaka2"
    );
}
