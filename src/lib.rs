//! # csv-preflight
//!
//! Checks the CSV/TSV files administrators upload to bulk-register user accounts against a
//! declarative profile of the target system (FUJIFILM IWpro, learningBOX, FLAT, Canon devices,
//! CELF), entirely on the user's machine. The same engine runs natively and in WebAssembly.
//!
//! ```
//! use csv_preflight::{builtin, check, CheckOptions};
//!
//! let profile = builtin("fujifilm-iwpro/add-users").unwrap();
//! let csv = "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number\r\n\
//!            taro@example.com,山田,太郎,JA,,,,,,,\r\n";
//! let report = check(csv.as_bytes(), &profile, CheckOptions::default()).unwrap();
//! assert!(!report.valid);
//! assert_eq!(report.diagnostics[0].code.as_str(), "not-in-list");
//! assert_eq!(report.diagnostics[0].row, Some(2));
//! assert_eq!(report.diagnostics[0].column.as_deref(), Some("language"));
//! ```
//!
//! Bad input never panics and is never an `Err`: it is a diagnostic in the [`Report`]. `Err` means
//! the check could not run (an unknown or invalid profile, an unknown parameter).
//!
//! The entry points: [`check`] and [`Checker`] (streaming) give a [`Report`]; [`result_csv`]
//! writes the input back with `result`, `codes` and `messages` columns; [`convert()`] and
//! [`Converter`] turn another system's export into the target's format; [`check_bundle`] checks
//! the files of a multi-file import together; [`plan::check_with_baseline`] and
//! [`Checker::with_baseline`] compare an upload with the system's current export.
//!
//! # Features
//!
//! - `cli` (default): the `csv-preflight` command-line tool (clap). The library does not need it:
//!   depend on the crate with `default-features = false` to leave clap out.
//! - `schema` (default): `schemars::JsonSchema` for the profile model, from which
//!   `schema/profile.schema.json` is generated.
//! - `wasm`: the JavaScript bindings (compiled for `wasm32` only) and the TypeScript types of the
//!   public types; the npm package is built with `--no-default-features --features wasm`.
//!
//! `cargo build --no-default-features --lib` builds the library alone; its behaviour does not
//! depend on these features.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
pub mod bindings;
pub mod bundle;
mod check;
pub mod convert;
mod de;
pub mod decode;
mod error;
mod hash;
mod lanes;
pub mod plan;
pub mod profile;
pub mod read;
pub mod report;
mod rules;
mod sort;

pub use bundle::{check_bundle, BundleReport};
pub use check::{check, CheckOptions, Checker, Limits, Progress};
pub use convert::{convert, ConvertOptions, ConvertResult, Converter, Mapping};
pub use decode::{Lang, TextEncoding};
pub use error::{Error, ErrorKind};
pub use profile::{builtin, builtin_ids, builtins, Profile};
pub use report::{
    result_csv, result_csv_with_baseline, Code, Diagnostic, Report, ResultCsv, Severity,
};
pub use rules::RULES;
