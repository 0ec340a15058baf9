//! Profiles: the declarative description of a target system's import file, built-ins, parameters.

mod builtin;
mod compile;
mod compile_relations;
mod date_format;
mod doc;
mod model;
mod params;
mod relations;
mod untagged;

pub use builtin::{builtin, builtin_ids, builtins, ProfileInfo};
pub(crate) use compile::{bounded_regex, normalize_label, trim_label};
pub(crate) use compile::{
    Compiled, CompiledChars, CompiledChecks, CompiledColumn, CompiledLength, CompiledList,
    CompiledRowRule,
};
pub(crate) use compile_relations::{all_hold, CondTest, Relations};
pub(crate) use date_format::days_in_month;
pub use date_format::DateFormat;
pub(crate) use doc::write_profile as write_profile_doc;
pub use model::*;
pub use params::{parse_param_value, Params};
pub use relations::*;
pub use untagged::Literal;

use crate::error::{Error, ErrorKind};

impl Profile {
    /// Reads a profile from JSON, rejecting unknown fields and other format versions.
    pub fn from_json(json: &str) -> Result<Profile, Error> {
        if json.len() > MAX_PROFILE_BYTES {
            return Err(Error::new(ErrorKind::InvalidProfile {
                message: format!("the profile is larger than {MAX_PROFILE_BYTES} bytes"),
            }));
        }
        let profile: Profile = serde_json::from_str(json).map_err(|e| {
            Error::new(ErrorKind::InvalidProfile {
                message: e.to_string(),
            })
        })?;
        if profile.format_version != FORMAT_VERSION {
            return Err(Error::new(ErrorKind::UnsupportedFormatVersion {
                found: profile.format_version,
                supported: FORMAT_VERSION,
            }));
        }
        Ok(profile)
    }

    /// The profile as pretty JSON.
    pub fn to_json(&self) -> String {
        // Cannot fail: every map of the model has string keys (codes and names serialize as
        // strings), and writing to a `String` does no I/O.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Largest custom profile accepted, in bytes.
pub const MAX_PROFILE_BYTES: usize = 1 << 20;
