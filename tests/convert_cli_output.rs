//! Where `csv-preflight convert -o` writes: one name per target, never over an existing file
//! unless `--overwrite`, and a missing directory named as such.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csv-preflight"))
        .args(args)
        .output()
        .unwrap()
}

fn source() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/convert/iwpro.add-users.csv")
        .to_string_lossy()
        .into_owned()
}

fn convert(to: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["convert", "--to", to, "--date", "2026-01-01"];
    args.extend(extra);
    let out = out.to_string_lossy().into_owned();
    let input = source();
    args.extend(["-o", &out, &input]);
    run(&args)
}

#[test]
fn one_source_for_three_targets_without_a_file_name_rule_gives_three_files() {
    let dir = common::scratch("convert-out");
    for to in [
        "learningbox/users",
        "flat/users-total",
        "flat/users-differential",
    ] {
        let out = convert(to, &dir, &[]);
        assert_eq!(out.status.code(), Some(0), "{to}: {:?}", out);
    }
    assert_eq!(
        common::files(&dir),
        [
            "flat-users-differential_iwpro.add-users_2026-01-01.csv",
            "flat-users-total_iwpro.add-users_2026-01-01.csv",
            "learningbox-users_iwpro.add-users_2026-01-01.csv",
        ]
    );
}

#[test]
fn an_existing_file_is_replaced_only_with_overwrite() {
    let dir = common::scratch("convert-out");
    let name = "flat-users-total_iwpro.add-users_2026-01-01.csv";
    let path = dir.join(name);
    std::fs::write(&path, "precious").unwrap();
    // Into the directory, under the suggested name.
    let out = convert("flat/users-total", &dir, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "csv-preflight: \"{}\" already exists; give --overwrite to replace it\n",
            path.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious");
    assert_eq!(common::files(&dir), [name], "no temporary file left behind");
    // To the file itself: refused before anything is read, in Japanese too.
    let out = convert("flat/users-total", &path, &["--lang", "ja"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "csv-preflight: 「{}」はすでにあります。置き換えるには --overwrite を指定してください\n",
            path.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious");
    assert_eq!(common::files(&dir), [name]);
    // Told to.
    for out_path in [&dir, &path] {
        std::fs::write(&path, "precious").unwrap();
        let out = convert("flat/users-total", out_path, &["--overwrite"]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(
            written.starts_with("\u{FEFF}#email,tag,permission\r\n"),
            "{written}"
        );
        assert_eq!(common::files(&dir), [name]);
    }
}

#[test]
fn a_missing_output_directory_is_named_and_not_created() {
    let dir = common::scratch("convert-out");
    let missing = dir.join("out7");
    let as_dir = format!("{}/", missing.display());
    let out = convert("canon/users", Path::new(&as_dir), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("csv-preflight: the output directory \"{as_dir}\" does not exist\n")
    );
    let file = missing.join("x.csv");
    let out = convert("canon/users", &file, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "csv-preflight: cannot write \"{}\": the directory \"{}\" does not exist\n",
            file.display(),
            missing.display()
        )
    );
    let out = convert("canon/users", &file, &["--lang", "ja"]);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "csv-preflight: 「{}」を書き出せません：ディレクトリ「{}」がありません\n",
            file.display(),
            missing.display()
        )
    );
    assert!(common::files(&dir).is_empty());
    // A file named as if it were a directory.
    let plain = dir.join("plain.csv");
    std::fs::write(&plain, "x").unwrap();
    let out = convert(
        "canon/users",
        Path::new(&format!("{}/", plain.display())),
        &[],
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "csv-preflight: \"{}/\" is not a directory\n",
            plain.display()
        )
    );
}

/// `-o` naming a pipe or a device (`/dev/null`, `/dev/stdout`) is written as it is: moving a
/// finished temporary file onto it replaced the device itself (a reviewer's `-o /dev/null`, run as
/// root, left a plain file there that broke every later build on the machine), and a refused
/// conversion removed it. A FIFO stands in for the device here.
#[cfg(unix)]
#[test]
fn a_pipe_or_device_is_written_in_place_never_replaced_or_removed() {
    use std::os::unix::fs::FileTypeExt;
    let dir = common::scratch("convert-fifo");
    let fifo = dir.join("out.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let is_fifo = || {
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    };
    // The CLI converting into the pipe, read meanwhile: its output and what came through.
    let convert_into_fifo = |target: &str, source: &str| {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        let fifo_text = fifo.to_string_lossy().into_owned();
        let out = run(&["convert", "--to", target, "-o", &fifo_text, source]);
        (out, reader.join().unwrap())
    };

    let (out, written) = convert_into_fifo("canon/users", &source());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        written.starts_with("\u{feff}uid,cn,".as_bytes()),
        "{written:?}"
    );
    assert!(is_fifo(), "the pipe is still a pipe");
    assert_eq!(
        common::files(&dir),
        ["out.fifo"],
        "no temporary file beside it"
    );

    // Refused (IWpro needs its file name pattern; a bad row): the pipe is not removed.
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "mail_address,family_name,given_name,language\r\nnot-an-address,山田,太郎,ja\r\n",
    )
    .unwrap();
    let (out, written) = convert_into_fifo("fujifilm-iwpro/add-users", &bad.to_string_lossy());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(written, b"", "nothing written");
    assert!(is_fifo(), "the pipe is still there");
}
