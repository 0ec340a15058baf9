//! Where the CLI writes a file (`convert -o`, `check --result-csv`): the destination (a file, or a
//! directory the suggested name goes in), the temporary file written meanwhile beside it, and the
//! rule that an existing file is never replaced unless `--overwrite` says so. A directory that
//! does not exist is an error, not created: a mistyped `-o` would otherwise leave the file
//! somewhere unexpected.
//!
//! The rule is kept at the last moment too: a file that appears at the destination while the run
//! works is not replaced. Without `--overwrite` the finished temporary file is published with a
//! hard link, which fails when the name is taken (no window between a check and a rename); with
//! it, with a rename.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::Fatal;

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

/// A temporary file beside its destination (the same directory: the same filesystem, for the link
/// or the rename), removed when dropped unless it was published.
pub struct Partial {
    path: PathBuf,
    file: Option<File>,
    /// What an error names: the destination the user gave, not the temporary file.
    shown: PathBuf,
}

impl Partial {
    /// Creates a new temporary file in `dir`, named after `name`: never one that is there already
    /// (another run's, or a file of the user's), so the process's id and then a counter. Errors
    /// name `shown`, the destination the user gave.
    pub fn create(dir: &Path, name: &str, shown: &Path) -> Result<Partial, Fatal> {
        let id = std::process::id();
        let mut last = None;
        for n in 0..100u32 {
            let path = match n {
                0 => dir.join(format!(".{name}.{id}.partial")),
                n => dir.join(format!(".{name}.{id}-{n}.partial")),
            };
            match File::options().write(true).create_new(true).open(&path) {
                Ok(file) => {
                    return Ok(Partial {
                        path,
                        file: Some(file),
                        shown: shown.to_path_buf(),
                    })
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(Fatal::writing(shown)(e)),
            }
        }
        let error = last.unwrap_or_else(|| io::ErrorKind::AlreadyExists.into());
        Err(Fatal::writing(shown)(error))
    }

    /// The temporary file for `path`, in its directory.
    pub fn beside(path: &Path) -> Result<Partial, Fatal> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .map_or_else(|| "csv-preflight".into(), |n| n.to_string_lossy());
        Self::create(dir, &name, path)
    }

    /// The directory the file is in (where a suggested name goes).
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    pub fn write_all(&mut self, bytes: &[u8]) -> Result<(), Fatal> {
        let written = match self.file.as_mut() {
            Some(file) => file.write_all(bytes),
            None => Err(io::ErrorKind::NotConnected.into()),
        };
        written.map_err(Fatal::writing(&self.shown))
    }

    /// Moves the finished file to `path`: never over an existing file unless `overwrite`. The
    /// temporary file is gone afterwards, published or not.
    pub fn publish(mut self, path: &Path, overwrite: bool) -> Result<(), Fatal> {
        let closed = match self.file.take() {
            Some(mut file) => file.flush(),
            None => Ok(()),
        };
        closed.map_err(Fatal::writing(&self.shown))?;
        let published = if overwrite {
            std::fs::rename(&self.path, path)
        } else {
            publish_new(&self.path, path)
        };
        match published {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && !overwrite => {
                Err(already_exists(path))
            }
            other => other.map_err(Fatal::writing(path)),
        }
        // `self` dropped: the temporary file, if still there, is removed.
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        drop(self.file.take());
        // After a link the temporary name is the second name of the published file: removing it
        // leaves the file. After a rename it is gone already.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Gives the file at `partial` the name `path` unless the name is taken (`AlreadyExists`).
fn publish_new(partial: &Path, path: &Path) -> io::Result<()> {
    publish_new_with(partial, path, |from, to| std::fs::hard_link(from, to))
}

/// [`publish_new`] with `link` making the hard link (a failing one in the tests).
fn publish_new_with(
    partial: &Path,
    path: &Path,
    link: impl FnOnce(&Path, &Path) -> io::Result<()>,
) -> io::Result<()> {
    match link(partial, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        // No hard links here (FAT and exFAT, many network and FUSE mounts), and the error
        // that says so varies: EPERM (PermissionDenied), ENOSYS (Unsupported), EOPNOTSUPP
        // (uncategorised in older Rust releases), EMLINK, Windows' ERROR_INVALID_FUNCTION.
        // So any other failure falls back to checking, then renaming: not atomic (a file that
        // appears between the two is replaced), as good as it gets there; a real problem (a
        // read-only disk, a folder removed) fails the rename too and is reported from it.
        Err(_) => {
            if exists(path) {
                return Err(io::ErrorKind::AlreadyExists.into());
            }
            std::fs::rename(partial, path)
        }
    }
}

/// Writes a whole file at `path` through a temporary file beside it (see [`Partial::publish`]);
/// a device or a pipe is written as it is.
pub fn write(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), Fatal> {
    if is_special(path) {
        return std::fs::write(path, bytes).map_err(Fatal::writing(path));
    }
    let mut partial = Partial::beside(path)?;
    partial.write_all(bytes)?;
    partial.publish(path, overwrite)
}

/// Where `convert -o` writes while converting.
pub enum Output {
    /// A device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO): written as it is, with no
    /// temporary file. Moving a file onto it would replace the device itself (as root, a
    /// `/dev/null` that is a plain file breaks every program on the machine), and removing the
    /// "temporary file" of a refused conversion would delete it.
    InPlace { path: PathBuf, file: File },
    /// A temporary file, published at the end at `file` (`None`: `-o` named a directory, where
    /// the name is known only at the end).
    Partial {
        file: Option<PathBuf>,
        partial: Partial,
    },
}

impl Output {
    /// Checks `-o OUT` before anything is read, and opens what is written meanwhile.
    pub fn open(output: &Path, overwrite: bool) -> Result<Output, Fatal> {
        if output.is_dir() {
            return Ok(Output::Partial {
                file: None,
                partial: Partial::create(output, "csv-preflight-convert", output)?,
            });
        }
        if is_special(output) {
            let file = File::create(output).map_err(Fatal::writing(output))?;
            return Ok(Output::InPlace {
                path: output.to_path_buf(),
                file,
            });
        }
        check_file_destination(output, overwrite)?;
        Ok(Output::Partial {
            file: Some(output.to_path_buf()),
            partial: Partial::beside(output)?,
        })
    }

    pub fn write_all(&mut self, bytes: &[u8]) -> Result<(), Fatal> {
        match self {
            Output::InPlace { path, file } => file.write_all(bytes).map_err(Fatal::writing(path)),
            Output::Partial { partial, .. } => partial.write_all(bytes),
        }
    }

    /// Finishes the file: `name` is the suggested file name, used when `-o` named a directory.
    /// Returns where the file is.
    pub fn finish(self, name: &str, overwrite: bool) -> Result<PathBuf, Fatal> {
        match self {
            Output::InPlace { path, mut file } => {
                file.flush().map_err(Fatal::writing(&path))?;
                Ok(path)
            }
            Output::Partial { file, partial } => {
                let path = file.unwrap_or_else(|| partial.dir().join(name));
                partial.publish(&path, overwrite)?;
                Ok(path)
            }
        }
    }
}

/// Refuses a file destination that cannot be written: a name ending in a separator, a missing
/// directory, an existing file without `overwrite`.
fn check_file_destination(output: &Path, overwrite: bool) -> Result<(), Fatal> {
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
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(what: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "csv-preflight-output-file-{what}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn partial(dir: &Path, bytes: &[u8]) -> Partial {
        let mut p = Partial::create(dir, "out.csv", &dir.join("out.csv"))
            .ok()
            .unwrap();
        assert!(p.write_all(bytes).is_ok());
        p
    }

    #[test]
    fn a_file_that_appeared_meanwhile_is_not_replaced_and_no_temporary_file_stays() {
        let dir = scratch("link");
        let dest = dir.join("out.csv");
        let p = partial(&dir, b"new");
        std::fs::write(&dest, b"precious").unwrap();
        let refused = p.publish(&dest, false).err().unwrap();
        assert_eq!(
            refused.message(csv_preflight::Lang::En),
            format!(
                "\"{}\" already exists; give --overwrite to replace it",
                dest.display()
            )
        );
        assert_eq!(std::fs::read(&dest).unwrap(), b"precious");
        assert_eq!(names(&dir), ["out.csv"]);
        // Published where nothing is, and with --overwrite over a file.
        std::fs::remove_file(&dest).unwrap();
        partial(&dir, b"new").publish(&dest, false).ok().unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"new");
        partial(&dir, b"newer").publish(&dest, true).ok().unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"newer");
        assert_eq!(names(&dir), ["out.csv"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A filesystem without hard links: checked, then renamed.
    #[test]
    fn without_hard_links_the_file_is_checked_then_renamed() {
        let dir = scratch("nolink");
        let dest = dir.join("out.csv");
        for kind in [io::ErrorKind::Unsupported, io::ErrorKind::PermissionDenied] {
            let no_links = |_: &Path, _: &Path| Err(io::Error::from(kind));
            let p = partial(&dir, b"new");
            std::fs::write(&dest, b"precious").unwrap();
            let refused = publish_new_with(&p.path, &dest, no_links).unwrap_err();
            assert_eq!(refused.kind(), io::ErrorKind::AlreadyExists);
            assert_eq!(std::fs::read(&dest).unwrap(), b"precious");
            drop(p);
            assert_eq!(names(&dir), ["out.csv"]);
            std::fs::remove_file(&dest).unwrap();
            let p = partial(&dir, b"new");
            publish_new_with(&p.path, &dest, no_links).unwrap();
            drop(p);
            assert_eq!(std::fs::read(&dest).unwrap(), b"new");
            assert_eq!(names(&dir), ["out.csv"]);
            std::fs::remove_file(&dest).unwrap();
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_temporary_file_never_takes_the_place_of_one_that_is_there() {
        let dir = scratch("taken");
        let taken = dir.join(format!(".out.csv.{}.partial", std::process::id()));
        std::fs::write(&taken, b"someone else's").unwrap();
        let p = partial(&dir, b"new");
        assert_ne!(p.path, taken);
        drop(p);
        assert_eq!(std::fs::read(&taken).unwrap(), b"someone else's");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
