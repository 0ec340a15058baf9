//! A file the CLI would write (`convert -o`, `check --result-csv`) that appears while the run
//! works is not replaced without `--overwrite`: the refusal is the same as up front, the file is
//! byte for byte what it was, and no temporary file stays beside it.
//!
//! The run reads its input from standard input; once more than a pipe's buffer of it has been
//! taken, the run is past its up-front check, and the test puts the file there before ending
//! the input.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// An IWpro add-users file of about 1 MiB (a Linux pipe holds 64 KiB).
fn big_input() -> Vec<u8> {
    let mut text = String::from("mail_address,family_name,given_name,language\r\n");
    let mut i = 0;
    while text.len() < 1 << 20 {
        text.push_str(&format!("user{i}@example.com,山田,太郎,ja\r\n"));
        i += 1;
    }
    text.into_bytes()
}

/// Runs the CLI with `input` on standard input; `meanwhile` runs once the first 1 MiB has been
/// taken, before the input ends.
fn run_with_stdin(args: &[&str], input: &[u8], meanwhile: impl FnOnce()) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_csv-preflight"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input).unwrap();
    meanwhile();
    stdin
        .write_all("last@example.com,山田,太郎,ja\r\n".as_bytes())
        .unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

fn already_exists(path: &Path) -> String {
    format!(
        "csv-preflight: \"{}\" already exists; give --overwrite to replace it\n",
        path.display()
    )
}

#[test]
fn a_converted_file_that_appeared_meanwhile_is_not_replaced() {
    let dir = common::scratch("race-convert");
    let dest = dir.join("out.csv");
    let dest_arg = dest.to_str().unwrap();
    let args = [
        "convert",
        "--to",
        "learningbox/users",
        "--date",
        "2026-01-01",
        "-o",
        dest_arg,
        "-",
    ];
    let input = big_input();
    let out = run_with_stdin(&args, &input, || {
        std::fs::write(&dest, b"precious\xff").unwrap();
    });
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr), already_exists(&dest));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read(&dest).unwrap(), b"precious\xff");
    assert_eq!(common::files(&dir), ["out.csv"], "no temporary file left");

    // With --overwrite the file is replaced, and nothing else stays either.
    let mut forced = args.to_vec();
    forced.insert(1, "--overwrite");
    let out = run_with_stdin(&forced, &input, || {});
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(&dest).unwrap();
    assert!(written.contains("user0@example.com"), "{}", &written[..200]);
    assert_eq!(common::files(&dir), ["out.csv"], "no temporary file left");

    // Into a directory, under the suggested name.
    std::fs::remove_file(&dest).unwrap();
    let name = "learningbox-users_2026-01-01.csv";
    let dir_arg = dir.to_str().unwrap();
    let into_dir = [
        "convert",
        "--to",
        "learningbox/users",
        "--date",
        "2026-01-01",
        "-o",
        dir_arg,
        "-",
    ];
    let out = run_with_stdin(&into_dir, &input, || {
        std::fs::write(dir.join(name), b"precious").unwrap();
    });
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        already_exists(&dir.join(name))
    );
    assert_eq!(std::fs::read(dir.join(name)).unwrap(), b"precious");
    assert_eq!(common::files(&dir), [name], "no temporary file left");
}

#[test]
fn a_result_csv_that_appeared_meanwhile_is_not_replaced() {
    let dir = common::scratch("race-result");
    let dest = dir.join("result.csv");
    let dest_arg = dest.to_str().unwrap();
    let args = [
        "check",
        "--profile",
        "fujifilm-iwpro/add-users",
        "--result-csv",
        dest_arg,
        "-",
    ];
    let input = big_input();
    let out = run_with_stdin(&args, &input, || {
        std::fs::write(&dest, b"precious\xff").unwrap();
    });
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr), already_exists(&dest));
    assert_eq!(std::fs::read(&dest).unwrap(), b"precious\xff");
    assert_eq!(
        common::files(&dir),
        ["result.csv"],
        "no temporary file left"
    );

    let mut forced = args.to_vec();
    forced.insert(1, "--overwrite");
    let out = run_with_stdin(&forced, &input, || {});
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(&dest).unwrap();
    assert!(written.contains("user0@example.com"), "{}", &written[..200]);
    assert_eq!(
        common::files(&dir),
        ["result.csv"],
        "no temporary file left"
    );
}

/// The temporary file is a new one: a file of the user's that has its would-be name (the name
/// was `OUT.partial`) is neither emptied nor moved.
#[test]
fn a_file_named_like_the_temporary_file_is_left_alone() {
    let dir = common::scratch("partial-name");
    let dest = dir.join("out.csv");
    let mine = dir.join("out.csv.partial");
    std::fs::write(&mine, b"mine").unwrap();
    let dest_arg = dest.to_str().unwrap();
    let args = [
        "convert",
        "--to",
        "learningbox/users",
        "--date",
        "2026-01-01",
        "-o",
        dest_arg,
        "-",
    ];
    let out = run_with_stdin(&args, &big_input(), || {});
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&mine).unwrap(), b"mine");
    assert_eq!(common::files(&dir), ["out.csv", "out.csv.partial"]);
}
