//! The bundle format: which profiles make up a multi-file import, and the built-in bundles.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::profile::{builtin, Profile, Text, FORMAT_VERSION};

/// Several import files of one system checked together (CELF users + groups + affiliations).
///
/// ```json
/// { "formatVersion": 1, "id": "celf", "system": "CELF", "title": {...},
///   "roles": [{ "role": "users", "profile": "celf/users" }, ...] }
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Bundle {
    /// Always 1 for this format.
    pub format_version: u32,
    /// Stable identifier such as `celf`.
    pub id: String,
    /// The target system.
    pub system: String,
    /// Short human title.
    pub title: Text,
    /// What the files do together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The files, each optional.
    pub roles: Vec<BundleRole>,
}

/// One file of a bundle.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BundleRole {
    /// The role name, used in `foreignKeys` references and on the command line (`users=FILE`).
    pub role: String,
    /// The built-in profile of the file.
    pub profile: String,
    /// Words a file name of this role contains (case is ignored), such as `user`: they tell
    /// apart roles whose files can have the same header (CELF users reduced to `id,name`, and
    /// groups). Used only when the header fits several roles alike.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub file_name_hints: Vec<String>,
}

/// (id, JSON) of every built-in bundle.
const BUNDLES: &[(&str, &str)] = &[("celf", include_str!("builtin/celf.json"))];

/// The ids of the built-in bundles.
pub fn builtin_bundle_ids() -> impl Iterator<Item = &'static str> {
    BUNDLES.iter().map(|(id, _)| *id)
}

/// A built-in bundle by id.
pub fn builtin_bundle(id: &str) -> Result<Bundle, Error> {
    let (_, json) = BUNDLES
        .iter()
        .find(|(known, _)| *known == id)
        .ok_or_else(|| Error::new(ErrorKind::UnknownProfile { id: id.to_string() }))?;
    Bundle::from_json(json)
}

impl Bundle {
    /// Reads a bundle from JSON, rejecting unknown fields and other format versions.
    pub fn from_json(json: &str) -> Result<Bundle, Error> {
        let bundle: Bundle = serde_json::from_str(json).map_err(|e| {
            Error::new(ErrorKind::InvalidProfile {
                message: e.to_string(),
            })
        })?;
        if bundle.format_version != FORMAT_VERSION {
            return Err(Error::new(ErrorKind::UnsupportedFormatVersion {
                found: bundle.format_version,
                supported: FORMAT_VERSION,
            }));
        }
        Ok(bundle)
    }

    /// The profiles of the roles, in role order.
    pub fn profiles(&self) -> Result<Vec<Profile>, Error> {
        self.roles.iter().map(|r| builtin(&r.profile)).collect()
    }
}

impl Bundle {
    /// The bundle's documentation as Markdown: its roles, then each role's profile.
    pub fn to_markdown(&self) -> Result<String, Error> {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# {}\n\n`{}` — {} ({})\n",
            self.title.en, self.id, self.system, self.title.ja
        );
        if let Some(d) = &self.description {
            let _ = writeln!(out, "{}\n\n{}\n", d.en, d.ja);
        }
        let _ = writeln!(out, "## Files\n");
        for r in &self.roles {
            let _ = write!(out, "- `{}`: profile `{}`", r.role, r.profile);
            if !r.file_name_hints.is_empty() {
                let words: Vec<String> = r
                    .file_name_hints
                    .iter()
                    .map(|h| format!("\"{h}\""))
                    .collect();
                let _ = write!(
                    out,
                    "; a file name with {} tells it from a file with the same header",
                    words.join(" or ")
                );
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(out);
        for profile in self.profiles()? {
            let _ = crate::profile::write_profile_doc(&mut out, &profile, "##");
        }
        Ok(out)
    }
}
