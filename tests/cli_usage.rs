//! The command line's own errors (unknown option, bad value, missing argument, unknown
//! subcommand): Japanese with `--lang ja`, clap's English otherwise; exit code 2 either way.

use std::process::Command;

/// The exit code and stderr of a run.
fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_csv-preflight"))
        .args(args)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

const IWPRO: &str = "fujifilm-iwpro/add-users";

#[test]
fn usage_errors_speak_japanese_with_lang_ja() {
    let check_help = "（使い方は `csv-preflight check --help`）\n";
    for (args, message) in [
        (
            vec!["check", "--lang", "ja", "--profile", IWPRO, "--formt", "json", "x.csv"],
            format!("csv-preflight: 「--formt」というオプションはありません。「--format」ではありませんか？{check_help}"),
        ),
        (
            // `--lang=ja` anywhere, even after the mistake.
            vec!["check", "--formt", "json", "--profile", IWPRO, "--lang=ja", "x.csv"],
            format!("csv-preflight: 「--formt」というオプションはありません。「--format」ではありませんか？{check_help}"),
        ),
        (
            vec!["check", "--lang", "ja", "--profile", IWPRO, "--format", "xml", "x.csv"],
            format!("csv-preflight: 「--format」に「xml」は指定できません。「text」、「json」のいずれかを指定してください{check_help}"),
        ),
        (
            vec!["check", "--lang", "ja", "--profile", IWPRO, "--format", "jsn", "x.csv"],
            format!("csv-preflight: 「--format」に「jsn」は指定できません。「text」、「json」のいずれかを指定してください。\
                     「json」ではありませんか？{check_help}"),
        ),
        (
            vec!["check", "--lang", "ja", "--profile", IWPRO, "--max-diagnostics", "many", "x.csv"],
            format!("csv-preflight: 「--max-diagnostics」に「many」は指定できません。詳細（英語）：invalid digit found in string{check_help}"),
        ),
        (
            vec!["check", "--lang", "ja", "--profile"],
            format!("csv-preflight: 「--profile」の後に値を指定してください{check_help}"),
        ),
        (
            vec!["check", "--lang", "ja", "--profile", IWPRO, "x.csv", "--format"],
            format!("csv-preflight: 「--format」の後に「text」、「json」のいずれかを指定してください{check_help}"),
        ),
        (
            vec!["check", "--lang", "ja", "--profile", IWPRO],
            format!("csv-preflight: 必要な引数が指定されていません：「<FILES>...」{check_help}"),
        ),
        (
            vec!["check", "--lang", "ja", "x.csv"],
            format!("csv-preflight: 必要な引数が指定されていません：「--profile <PROFILE>」{check_help}"),
        ),
        (
            vec!["check", "--lang", "ja", "--profile", IWPRO, "--lang", "en", "x.csv"],
            format!("csv-preflight: 「--lang」は 1 回だけ指定できます{check_help}"),
        ),
        (
            vec!["check", "--lang", "ja", "--profile", IWPRO, "-x"],
            format!("csv-preflight: 「-x」というオプションはありません。「-x」という名前のファイルなら `-- -x` と書いてください{check_help}"),
        ),
        (
            vec!["convert", "--lang", "ja", "--to", IWPRO],
            "csv-preflight: 必要な引数が指定されていません：「--output <OUT>」、「<FILE>」\
             （使い方は `csv-preflight convert --help`）\n"
                .to_string(),
        ),
        (
            vec!["convert", "--lang", "ja", "--to", IWPRO, "--print-map", "--bom", "maybe", "x.csv"],
            "csv-preflight: 「--bom」に「maybe」は指定できません。「yes」、「no」のいずれかを指定してください\
             （使い方は `csv-preflight convert --help`）\n"
                .to_string(),
        ),
        (
            vec!["profiles", "--lang", "ja", "--json", IWPRO, "--doc", IWPRO],
            "csv-preflight: 「--json」と「--doc」は一緒に指定できません（使い方は `csv-preflight profiles --help`）\n"
                .to_string(),
        ),
        (
            vec!["profiles", "--lang", "ja", "extra"],
            "csv-preflight: 余分な引数「extra」があります（使い方は `csv-preflight profiles --help`）\n".to_string(),
        ),
        (
            vec!["chek", "--lang", "ja"],
            "csv-preflight: 「chek」というサブコマンドはありません。「check」ではありませんか？\
             （使い方は `csv-preflight --help`）\n"
                .to_string(),
        ),
        (
            vec!["verify", "--lang", "ja"],
            "csv-preflight: 「verify」というサブコマンドはありません。「check」、「convert」、「profiles」のいずれかを指定してください\
             （使い方は `csv-preflight --help`）\n"
                .to_string(),
        ),
        (
            // The options belong after the subcommand.
            vec!["--lang", "ja", "check", "--profile", IWPRO, "x.csv"],
            "csv-preflight: 「--lang」は `check` などのサブコマンドの後に指定してください\
             （使い方は `csv-preflight check --help`）\n"
                .to_string(),
        ),
    ] {
        assert_eq!(run(&args), (Some(2), message), "{args:?}");
    }
}

/// `--lang jp` (or `JA`, `ja-JP`, `japanese`) is not a value `--lang` takes, but whoever wrote it
/// reads Japanese: the error says so in Japanese and offers `ja`. Any other value stays English.
#[test]
fn a_japanese_looking_lang_is_refused_in_japanese() {
    for value in ["jp", "JA", "ja-JP", "japanese", "日本語"] {
        assert_eq!(
            run(&["check", "--profile", IWPRO, "--lang", value, "x.csv"]),
            (
                Some(2),
                format!(
                    "csv-preflight: 「--lang」に「{value}」は指定できません。「en」、「ja」のいずれかを指定してください。\
                     「ja」ではありませんか？（使い方は `csv-preflight check --help`）\n"
                )
            ),
            "{value}"
        );
    }
    assert_eq!(
        run(&["check", "--profile", IWPRO, "--lang", "fr", "x.csv"]),
        (
            Some(2),
            "error: invalid value 'fr' for '--lang <LANG>'\n  [possible values: en, ja]\n\n\
             For more information, try '--help'.\n"
                .to_string()
        )
    );
}

/// Without `--lang ja` the messages are clap's, with its suggestions.
#[test]
fn usage_errors_stay_english_without_lang_ja() {
    for (args, message) in [
        (
            vec!["check", "--profile", IWPRO, "--formt", "json", "x.csv"],
            "error: unexpected argument '--formt' found\n\n  tip: a similar argument exists: '--format'\n\n\
             Usage: csv-preflight check --profile <PROFILE> --format <FORMAT> <FILES>...\n\n\
             For more information, try '--help'.\n",
        ),
        (
            vec!["check", "--lang", "en", "--profile", IWPRO, "--format", "xml", "x.csv"],
            "error: invalid value 'xml' for '--format <FORMAT>'\n  [possible values: text, json]\n\n\
             For more information, try '--help'.\n",
        ),
        (
            vec!["check", "--profile"],
            "error: a value is required for '--profile <PROFILE>' but none was supplied\n\n\
             For more information, try '--help'.\n",
        ),
        (
            vec!["check", "--profile", IWPRO],
            "error: the following required arguments were not provided:\n  <FILES>...\n\n\
             Usage: csv-preflight check --profile <PROFILE> <FILES>...\n\n\
             For more information, try '--help'.\n",
        ),
        (
            vec!["chek"],
            "error: unrecognized subcommand 'chek'\n\n  tip: a similar subcommand exists: 'check'\n\n\
             Usage: csv-preflight <COMMAND>\n\n\
             For more information, try '--help'.\n",
        ),
    ] {
        assert_eq!(run(&args), (Some(2), message.to_string()), "{args:?}");
    }
}

/// Help and version are clap's, in English, exit 0, whatever `--lang` says.
#[test]
fn help_and_version_are_untouched() {
    for args in [
        vec!["check", "--lang", "ja", "--help"],
        vec!["--version", "--lang", "ja"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_csv-preflight"))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(out.stderr.is_empty(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        let expected = if args[0] == "check" {
            "Check files against a profile\n\nUsage: csv-preflight check [OPTIONS] --profile <PROFILE> <FILES>...\n"
        } else {
            concat!("csv-preflight ", env!("CARGO_PKG_VERSION"), "\n")
        };
        assert!(text.starts_with(expected), "{args:?}: {text}");
    }
}
