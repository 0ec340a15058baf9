//! Errors: the run could not happen (unknown profile, bad profile, bad parameter).
//!
//! Problems in the checked file are never errors: they are diagnostics in the report.

use serde::Serialize;

use crate::decode::Lang;
use crate::profile::ParamType;

mod japanese;

/// Why a check could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<ErrorKind>);

/// Why a check could not run, by kind (`kind`), with each kind's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(tag = "kind", rename_all = "camelCase")]
#[non_exhaustive]
pub enum ErrorKind {
    /// No built-in profile has this id.
    UnknownProfile {
        /// The id asked for.
        id: String,
    },
    /// The profile JSON is malformed or inconsistent.
    InvalidProfile {
        /// What is wrong.
        message: String,
    },
    /// The profile is written for another format version.
    UnsupportedFormatVersion {
        /// The version in the profile.
        found: u32,
        /// The version this build reads.
        supported: u32,
    },
    /// A parameter the profile does not declare.
    UnknownParameter {
        /// The name given.
        name: String,
        /// The names the profile declares.
        known: Vec<String>,
    },
    /// A parameter value of the wrong type.
    InvalidParameter {
        /// The parameter.
        name: String,
        /// The type it needs.
        expected: ParamType,
    },
    /// A regular expression in the profile is invalid or too complex.
    InvalidPattern {
        /// The expression.
        pattern: String,
        /// Why.
        message: String,
    },
    /// Options given to the library are inconsistent.
    InvalidOptions {
        /// What is wrong.
        message: String,
    },
    /// The baseline (the system's current export) cannot be used for a plan.
    InvalidBaseline {
        /// Why.
        message: String,
    },
    /// A bug in csv-preflight stopped the call (a panic). In WebAssembly the module is reset, so
    /// the next call works; objects created before (a `Checker`) are gone.
    Internal {
        /// The panic's message and where in the source it happened.
        message: String,
    },
}

impl ErrorKind {
    /// The `kind` tag it is serialized with (`unknownProfile`, `invalidProfile`, ...).
    pub fn name(&self) -> &'static str {
        match self {
            ErrorKind::UnknownProfile { .. } => "unknownProfile",
            ErrorKind::InvalidProfile { .. } => "invalidProfile",
            ErrorKind::UnsupportedFormatVersion { .. } => "unsupportedFormatVersion",
            ErrorKind::UnknownParameter { .. } => "unknownParameter",
            ErrorKind::InvalidParameter { .. } => "invalidParameter",
            ErrorKind::InvalidPattern { .. } => "invalidPattern",
            ErrorKind::InvalidOptions { .. } => "invalidOptions",
            ErrorKind::InvalidBaseline { .. } => "invalidBaseline",
            ErrorKind::Internal { .. } => "internal",
        }
    }
}

impl Error {
    /// Wraps a kind.
    pub fn new(kind: ErrorKind) -> Self {
        Error(Box::new(kind))
    }

    /// The kind of error.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// The message in `lang`: English is the [`Display`](std::fmt::Display) text; Japanese
    /// quotes the details found in English (a profile's own problem) as they are.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Ja => japanese::message(&self.0),
        }
    }
}

/// What a parameter of `kind` takes.
fn param_type(kind: ParamType) -> &'static str {
    match kind {
        ParamType::Integer => "a whole number (0 or more)",
        ParamType::Boolean => "true or false",
        ParamType::String => "text",
        ParamType::StringList => "a list of texts (comma-separated)",
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &*self.0 {
            ErrorKind::UnknownProfile { id } => write!(f, "unknown profile \"{id}\""),
            ErrorKind::InvalidProfile { message } => write!(f, "invalid profile: {message}"),
            ErrorKind::UnsupportedFormatVersion { found, supported } => write!(
                f,
                "profile format version {found} is not supported (this version reads {supported})"
            ),
            ErrorKind::UnknownParameter { name, known } => write!(
                f,
                "unknown parameter \"{name}\" (this profile has: {})",
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            ),
            ErrorKind::InvalidParameter { name, expected } => {
                write!(f, "parameter \"{name}\" needs {}", param_type(*expected))
            }
            ErrorKind::InvalidPattern { pattern, message } => {
                write!(f, "invalid pattern \"{pattern}\": {message}")
            }
            ErrorKind::InvalidOptions { message } => write!(f, "invalid options: {message}"),
            ErrorKind::InvalidBaseline { message } => write!(f, "invalid baseline: {message}"),
            ErrorKind::Internal { message } => write!(
                f,
                "internal error (a bug in csv-preflight; please report it): {message}"
            ),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_serialized_tags() {
        let text = || "x".to_string();
        for kind in [
            ErrorKind::UnknownProfile { id: text() },
            ErrorKind::InvalidProfile { message: text() },
            ErrorKind::UnsupportedFormatVersion {
                found: 2,
                supported: 1,
            },
            ErrorKind::UnknownParameter {
                name: text(),
                known: vec![],
            },
            ErrorKind::InvalidParameter {
                name: text(),
                expected: ParamType::Integer,
            },
            ErrorKind::InvalidPattern {
                pattern: text(),
                message: text(),
            },
            ErrorKind::InvalidOptions { message: text() },
            ErrorKind::InvalidBaseline { message: text() },
            ErrorKind::Internal { message: text() },
        ] {
            assert_eq!(serde_json::to_value(&kind).unwrap()["kind"], kind.name());
        }
    }

    #[test]
    fn messages_speak_the_language_asked_for() {
        let unknown = Error::new(ErrorKind::UnknownParameter {
            name: "seats".to_string(),
            known: vec![
                "availableSeats".to_string(),
                "allowedEmailDomains".to_string(),
            ],
        });
        assert_eq!(
            unknown.message(Lang::En),
            "unknown parameter \"seats\" (this profile has: availableSeats, allowedEmailDomains)"
        );
        assert_eq!(
            unknown.message(Lang::Ja),
            "パラメーター「seats」はありません（このプロファイルのパラメーター：availableSeats、allowedEmailDomains）"
        );
        let list = Error::new(ErrorKind::InvalidParameter {
            name: "domains".to_string(),
            expected: ParamType::StringList,
        });
        assert_eq!(
            list.message(Lang::En),
            "parameter \"domains\" needs a list of texts (comma-separated)"
        );
        assert_eq!(
            list.message(Lang::Ja),
            "パラメーター「domains」には文字列のリスト（カンマ区切り）を指定してください"
        );
        let profile = Error::new(ErrorKind::InvalidProfile {
            message: "column \"id\" twice".to_string(),
        });
        assert_eq!(
            profile.message(Lang::Ja),
            "プロファイルが正しくありません。詳細（英語）：column \"id\" twice"
        );
    }
}
