//! Options of a check.

use serde::{Deserialize, Serialize};

use crate::decode::Lang;
use crate::error::{Error, ErrorKind};
use crate::profile::Params;

/// The checker's own bounds, so that no input can exhaust memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Limits {
    /// Longest field stored and checked, in bytes (longer ones are truncated and reported).
    pub max_field_bytes: usize,
    /// Most fields stored per row (more are counted and reported).
    pub max_fields: usize,
    /// Most bytes stored per row, all fields together (a row of many fields each under
    /// `max_field_bytes`); the rest of the row is not checked and the row is reported.
    pub max_record_bytes: usize,
    /// Most distinct values indexed per unique key (a unique key's index holds at most
    /// 16,777,214 whatever this says).
    pub max_unique_keys: usize,
}

crate::de::record!(
    Limits {
        max_field_bytes: "maxFieldBytes",
        max_fields: "maxFields",
        max_record_bytes: "maxRecordBytes",
        max_unique_keys: "maxUniqueKeys",
    },
    default
);

impl Limits {
    /// These limits when every bound is at least 1: a bound of 0 would cut every field or record
    /// to nothing, and the report would then speak of a missing header and blank rows in a file
    /// that has neither.
    pub(crate) fn checked(self) -> Result<Limits, Error> {
        let Limits {
            max_field_bytes,
            max_fields,
            max_record_bytes,
            max_unique_keys,
        } = self;
        for (name, value) in [
            ("maxFieldBytes", max_field_bytes),
            ("maxFields", max_fields),
            ("maxRecordBytes", max_record_bytes),
            ("maxUniqueKeys", max_unique_keys),
        ] {
            if value < 1 {
                return Err(Error::new(ErrorKind::InvalidOptions {
                    message: format!("limits.{name} must be at least 1, not {value}"),
                }));
            }
        }
        Ok(self)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_field_bytes: 1 << 20,
            max_fields: 4096,
            max_record_bytes: 4 << 20,
            max_unique_keys: 5_000_000,
        }
    }
}

/// Options of a check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CheckOptions {
    /// Language of the messages.
    pub lang: Lang,
    /// The file's name, for the file-name rule.
    pub file_name: Option<String>,
    /// Tenant parameters.
    pub params: Params,
    /// Most row-level diagnostics kept in the report (counts stay exact).
    pub max_diagnostics: usize,
    /// Bounds.
    pub limits: Limits,
    /// The file's size in bytes, when known (a `File`'s `size`; the whole-input functions fill it
    /// in): a hint. Once a sixty-fourth of the file is read, the unique keys' indexes are sized
    /// for the keys the rest of it brings at that rate, instead of doubling as they fill. A wrong
    /// size changes memory and speed only, never the report; memory stays within
    /// `limits.max_unique_keys`.
    pub file_size: Option<u64>,
}

impl CheckOptions {
    /// These options for an input of `len` bytes held whole, unless a size was given.
    pub(crate) fn for_whole(mut self, len: usize) -> Self {
        self.file_size.get_or_insert(len as u64);
        self
    }
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            lang: Lang::En,
            file_name: None,
            params: Params::new(),
            max_diagnostics: 1000,
            limits: Limits::default(),
            file_size: None,
        }
    }
}

/// Progress of a streaming check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Bytes pushed so far.
    pub bytes: u64,
    /// Records read so far (header included).
    pub records: u64,
}
