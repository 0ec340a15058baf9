//! Where `convert -o` writes: the destination (a file, or a directory the suggested name goes in),
//! the temporary file written meanwhile, and the rule that an existing file is never replaced
//! unless `--overwrite` says so. A directory that does not exist is an error, not created: a
//! mistyped `-o` would otherwise leave the file somewhere unexpected.

use std::path::{Path, PathBuf};

use crate::Fatal;

/// Where the file goes: the path when `-o` named a file (none for a directory, where the name is
/// known only at the end), and the temporary file written meanwhile.
pub struct Destination {
    pub file: Option<PathBuf>,
    pub partial: PathBuf,
    /// `-o` names a device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO): written as it is, with
    /// no temporary file. Moving a file onto it would replace the device itself (as root, a
    /// `/dev/null` that is a plain file breaks every program on the machine), and removing the
    /// "temporary file" of a refused conversion would delete it.
    pub in_place: bool,
}

/// Whether `path` is something other than a file or a directory (following links).
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

pub fn exists(path: &Path) -> bool {
    // A dangling symbolic link is a file too: writing "through" it would surprise.
    std::fs::symlink_metadata(path).is_ok()
}

pub fn already_exists(path: &Path) -> Fatal {
    Fatal::said(
        format!(
            "\"{}\" already exists; give --overwrite to replace it",
            path.display()
        ),
        format!(
            "「{}」はすでにあります。置き換えるには --overwrite を指定してください",
            path.display()
        ),
    )
}

/// Checks `-o OUT` before anything is read, and names the temporary file.
pub fn destination(output: &Path, overwrite: bool) -> Result<Destination, Fatal> {
    if output.is_dir() {
        return Ok(Destination {
            file: None,
            // The process's id in the name: two runs into one directory do not share it.
            partial: output.join(format!(
                ".csv-preflight-convert-{}.partial",
                std::process::id()
            )),
            in_place: false,
        });
    }
    if is_special(output) {
        return Ok(Destination {
            file: Some(output.to_path_buf()),
            partial: output.to_path_buf(),
            in_place: true,
        });
    }
    let text = output.as_os_str().to_string_lossy();
    let separators = ['/', std::path::MAIN_SEPARATOR];
    if text.ends_with(separators) {
        let named = Path::new(text.trim_end_matches(separators));
        return Err(if exists(named) {
            Fatal::said(
                format!("\"{}\" is not a directory", output.display()),
                format!("「{}」はディレクトリではありません", output.display()),
            )
        } else {
            Fatal::said(
                format!(
                    "the output directory \"{}\" does not exist",
                    output.display()
                ),
                format!("出力先のディレクトリ「{}」がありません", output.display()),
            )
        });
    }
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(Fatal::said(
            format!(
                "cannot write \"{}\": the directory \"{}\" does not exist",
                output.display(),
                parent.display()
            ),
            format!(
                "「{}」を書き出せません：ディレクトリ「{}」がありません",
                output.display(),
                parent.display()
            ),
        ));
    }
    if exists(output) && !overwrite {
        return Err(already_exists(output));
    }
    let mut partial = output.as_os_str().to_owned();
    partial.push(".partial");
    Ok(Destination {
        file: Some(output.to_path_buf()),
        partial: PathBuf::from(partial),
        in_place: false,
    })
}

/// Moves the finished temporary file to `path`, unless a file is there and `overwrite` is off
/// (then the temporary file is removed and nothing is replaced).
pub fn put(partial: &Path, path: &Path, overwrite: bool) -> Result<(), Fatal> {
    if exists(path) && !overwrite {
        let _ = std::fs::remove_file(partial);
        return Err(already_exists(path));
    }
    std::fs::rename(partial, path).map_err(Fatal::writing(path))
}
