//! Conversion: turn the file an administrator has into the file the target system accepts —
//! re-encoded, mapped, repaired, with every change listed and the result re-checked.
//!
//! ```text
//! bytes ─► read (the checking engine: encoding, delimiter, records, positions)
//!       ─► header + first rows ─► mapping (given, or suggested: presets, names, synonyms, samples)
//!       ─► per row: map columns ─► repairs ─► Excel-damage detection ─► brackets
//!       ─► encode (per character: unrepresentable → diagnostic, substitutions → change log)
//!       ─► frame (BOM, preamble, header markers, delimiter, quoting, line ending) ─► bytes
//!                                                  └─► re-check against the target profile
//! ```
//!
//! The output is deterministic: the same bytes and options give the same bytes, whatever the
//! chunking. A file that still has errors (in conversion or in the re-check) is refused unless
//! forced, and the result says why.
//!
//! ```
//! use csv_preflight::convert::{convert, ConvertOptions, ConvertStatus};
//! use csv_preflight::builtin;
//!
//! let source = "氏名,メールアドレス,言語\r\n山田 太郎,ｔａｒｏ＠example.com,日本語\r\n";
//! let target = builtin("fujifilm-iwpro/add-users").unwrap();
//! let options = ConvertOptions { date: Some("2026-11-21".into()), ..ConvertOptions::default() };
//! let result = convert(source.as_bytes(), &target, options).unwrap();
//! assert_eq!(result.status, ConvertStatus::Ready);
//! assert_eq!(result.file_name, "add-users_2026-11-21.csv");
//! assert_eq!(
//!     String::from_utf8(result.bytes).unwrap(),
//!     "mail_address,family_name,given_name,language,group,option,company_name,department_name,\
//!      job_title_name,device_user_id,iccard_number\r\ntaro@example.com,山田,太郎,ja,,,,,,,\r\n"
//! );
//! assert_eq!(result.changes[0].reason.as_str(), "half-width");
//! assert_eq!(result.changes[1].reason.as_str(), "value-mapped");
//! ```

mod charnames;
mod codes;
mod concepts;
mod converter;
mod damage;
mod dates;
mod encode;
mod file_name;
mod frame;
mod layout;
mod mapping;
pub(crate) mod messages;
mod options;
mod pipeline;
mod presets;
mod repairs;
mod result;
mod rows;
mod sink;
mod source;
mod suggest;
mod transcode;

pub use codes::{ChangeReason, ConvertCode};
pub use converter::Converter;
pub use mapping::{
    ColumnMapping, DateMapping, Mapping, Split, SplitPart, SuggestedBy, MAPPING_FORMAT_VERSION,
};
pub use options::{ConvertOptions, Repairs};
pub use presets::{preset, presets};
pub use result::{
    Change, ConvertDiagnostic, ConvertResult, ConvertStatus, ConvertSummary, FileFormat,
};
pub use suggest::suggest_mapping;

use crate::error::Error;
use crate::profile::Profile;

/// Converts a whole file held in memory to `target` (see [`Converter`] for the streaming form).
///
/// A file that still has errors is [`ConvertStatus::Refused`] (its `bytes` are empty, `report`
/// says why) unless [`ConvertOptions::force`] is set; see the [module](self) for a file that
/// converts cleanly. `Err` means the conversion could not start (inconsistent options, a
/// mapping for another profile).
///
/// ```
/// use csv_preflight::convert::{convert, ConvertOptions, ConvertStatus};
/// use csv_preflight::builtin;
///
/// let target = builtin("fujifilm-iwpro/add-users")?;
/// let source = "氏名,メールアドレス,言語\r\n山田 太郎,,日本語\r\n"; // no e-mail address
///
/// let result = convert(source.as_bytes(), &target, ConvertOptions::default())?;
/// assert_eq!(result.status, ConvertStatus::Refused);
/// assert!(result.bytes.is_empty());
/// let d = &result.report.diagnostics[0];
/// assert_eq!((d.code.as_str(), d.row, d.column.as_deref()), ("missing-value", Some(2), Some("mail_address")));
///
/// let forced = ConvertOptions { force: true, ..ConvertOptions::default() };
/// let result = convert(source.as_bytes(), &target, forced)?;
/// assert_eq!(result.status, ConvertStatus::Forced);
/// assert!(String::from_utf8(result.bytes).unwrap().ends_with("\r\n,山田,太郎,ja,,,,,,,\r\n"));
/// # Ok::<(), csv_preflight::Error>(())
/// ```
pub fn convert(
    input: &[u8],
    target: &Profile,
    options: ConvertOptions,
) -> Result<ConvertResult, Error> {
    let mut converter = Converter::new(target, options)?;
    converter.push(input);
    let mut bytes = converter.take_output();
    let mut result = converter.finish()?;
    if result.status == ConvertStatus::Refused {
        result.bytes.clear();
    } else {
        bytes.append(&mut result.bytes);
        result.bytes = bytes;
    }
    Ok(result)
}
