//! A run that could not happen: one line on stderr in the run's language (`--lang`), exit 2.

use std::io;
use std::path::Path;

use csv_preflight::{ErrorKind, Lang};

/// Why the run stopped.
pub enum Fatal {
    /// A message of the CLI's own, in both languages.
    Said { en: String, ja: String },
    /// The library refused (an unknown profile, a bad parameter, ...).
    Library(csv_preflight::Error),
    /// A file could not be read or written.
    File {
        path: String,
        /// What the file is (`profile`, `mapping`), in English and Japanese, if not the input.
        what: Option<(&'static str, &'static str)>,
        write: bool,
        error: io::Error,
    },
    /// The report could not be written to standard output.
    Output(io::Error),
}

impl Fatal {
    /// A message of the CLI's own.
    pub fn said(en: impl Into<String>, ja: impl Into<String>) -> Self {
        Fatal::Said {
            en: en.into(),
            ja: ja.into(),
        }
    }

    /// For `map_err`: `path` could not be read.
    pub fn reading(path: &Path) -> impl FnOnce(io::Error) -> Fatal + '_ {
        Self::file(path, None, false)
    }

    /// For `map_err`: the `what` (English, Japanese) at `path` could not be read.
    pub fn reading_a<'a>(
        what: (&'static str, &'static str),
        path: &'a Path,
    ) -> impl FnOnce(io::Error) -> Fatal + 'a {
        Self::file(path, Some(what), false)
    }

    /// For `map_err`: `path` could not be written.
    pub fn writing(path: &Path) -> impl FnOnce(io::Error) -> Fatal + '_ {
        Self::file(path, None, true)
    }

    fn file<'a>(
        path: &'a Path,
        what: Option<(&'static str, &'static str)>,
        write: bool,
    ) -> impl FnOnce(io::Error) -> Fatal + 'a {
        move |error| Fatal::File {
            path: path.display().to_string(),
            what,
            write,
            error,
        }
    }

    /// The line printed after `csv-preflight: `.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Fatal::Said { en, .. }, Lang::En) => en.clone(),
            (Fatal::Said { ja, .. }, Lang::Ja) => ja.clone(),
            (Fatal::Library(error), _) => {
                let message = error.message(lang);
                match (error.kind(), lang) {
                    (ErrorKind::UnknownProfile { id }, Lang::En) => match similar_profile(id) {
                        Some(like) => format!("{message}; did you mean \"{like}\"? (`csv-preflight profiles` lists them)"),
                        None => format!("{message} (`csv-preflight profiles` lists them)"),
                    },
                    (ErrorKind::UnknownProfile { id }, Lang::Ja) => match similar_profile(id) {
                        Some(like) => format!("{message}。「{like}」ではありませんか？（一覧は `csv-preflight profiles`）"),
                        None => format!("{message}（一覧は `csv-preflight profiles`）"),
                    },
                    _ => message,
                }
            }
            (
                Fatal::File {
                    path,
                    what,
                    write,
                    error,
                },
                Lang::En,
            ) => {
                let verb = if *write { "write" } else { "read" };
                let what = what.map(|(en, _)| format!("{en} ")).unwrap_or_default();
                let reason = match (error.kind(), write) {
                    (io::ErrorKind::NotFound, false) => "no such file".to_string(),
                    // Creating a file finds nothing only when its folder is missing.
                    (io::ErrorKind::NotFound, true) => "its folder does not exist".to_string(),
                    _ => error.to_string(),
                };
                format!("cannot {verb} {what}\"{path}\": {reason}")
            }
            (
                Fatal::File {
                    path,
                    what,
                    write,
                    error,
                },
                Lang::Ja,
            ) => {
                let verb = if *write {
                    "書き出せません"
                } else {
                    "読み込めません"
                };
                let what = what.map(|(_, ja)| ja).unwrap_or_default();
                let reason = match (error.kind(), write) {
                    (io::ErrorKind::NotFound, true) => {
                        "書き出し先のフォルダーがありません".to_string()
                    }
                    _ => io_error_ja(error),
                };
                format!("{what}「{path}」を{verb}：{reason}")
            }
            (Fatal::Output(error), Lang::En) => format!("cannot write the output: {error}"),
            (Fatal::Output(error), Lang::Ja) => {
                format!("結果を出力できません：{}", io_error_ja(error))
            }
        }
    }
}

/// The built-in profile or bundle `id` was probably meant as: the one whose id ends with it
/// (`add-users` for `fujifilm-iwpro/add-users`), or the only one it differs from by one or two
/// letters (`canon/user`).
fn similar_profile(id: &str) -> Option<&'static str> {
    let ids = || csv_preflight::builtin_ids().chain(csv_preflight::bundle::builtin_bundle_ids());
    let id = id.trim().to_ascii_lowercase();
    let ending: Vec<&str> = ids()
        .filter(|known| known.rsplit('/').next() == Some(id.as_str()))
        .collect();
    if let [one] = ending.as_slice() {
        return Some(one);
    }
    let close: Vec<&str> = ids()
        .filter(|known| strsim::levenshtein(known, &id) <= 2)
        .collect();
    match close.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// The usual reasons in Japanese; the system's own (English) text for the rest.
fn io_error_ja(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "ファイルがありません".to_string(),
        io::ErrorKind::PermissionDenied => "アクセスが許可されていません".to_string(),
        io::ErrorKind::IsADirectory => "ファイルではなくディレクトリです".to_string(),
        io::ErrorKind::InvalidData => {
            "テキストとして読めません（UTF-8 ではありません）".to_string()
        }
        _ => format!("詳細（英語）：{error}"),
    }
}

impl From<csv_preflight::Error> for Fatal {
    fn from(error: csv_preflight::Error) -> Self {
        Fatal::Library(error)
    }
}

impl From<io::Error> for Fatal {
    fn from(error: io::Error) -> Self {
        Fatal::Output(error)
    }
}

impl From<serde_json::Error> for Fatal {
    fn from(error: serde_json::Error) -> Self {
        Fatal::Output(error.into())
    }
}
