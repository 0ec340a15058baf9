//! The built-in profiles: JSON files embedded in the binary, parsed on request.

use std::sync::OnceLock;

use serde::Serialize;

use crate::error::{Error, ErrorKind};
use crate::profile::{Parameter, Profile, Text};

/// (id, file name in `builtin/`) of every built-in profile.
const BUILTINS: &[(&str, &str)] = &[
    ("fujifilm-iwpro/add-users", "fujifilm-iwpro-add-users.json"),
    (
        "fujifilm-iwpro/invite-users",
        "fujifilm-iwpro-invite-users.json",
    ),
    (
        "fujifilm-iwpro/update-users",
        "fujifilm-iwpro-update-users.json",
    ),
    (
        "fujifilm-iwpro/delete-users",
        "fujifilm-iwpro-delete-users.json",
    ),
    ("learningbox/users", "learningbox-users.json"),
    ("flat/users-differential", "flat-users-differential.json"),
    ("flat/users-total", "flat-users-total.json"),
    ("canon/users", "canon-users.json"),
    ("celf/users", "celf-users.json"),
    ("celf/groups", "celf-groups.json"),
    ("celf/affiliations", "celf-affiliations.json"),
];

// The JSON files are embedded packed (build.rs): compact, joined, LZ4-compressed. `FILES` gives
// each file's range in the unpacked text.
include!(concat!(env!("OUT_DIR"), "/builtin_profiles.rs"));
const PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin_profiles.lz4"));

/// The unpacked text of every built-in profile (compact JSON, one after another).
fn unpacked() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        // build.rs wrote these bytes from UTF-8 text in this same build: neither step can fail.
        let bytes = lz4_flex::block::decompress_size_prepended(PACKED)
            .expect("build.rs packs the built-in profiles as an LZ4 block");
        String::from_utf8(bytes).expect("the built-in profiles are UTF-8")
    })
}

/// The JSON of the built-in profile `id`.
fn json_of(id: &str) -> Option<&'static str> {
    let (_, file) = BUILTINS.iter().find(|(known, _)| *known == id)?;
    let (_, start, end) = FILES.iter().find(|(name, _, _)| name == file)?;
    unpacked().get(*start..*end)
}

/// The ids of the built-in profiles.
pub fn builtin_ids() -> impl Iterator<Item = &'static str> {
    BUILTINS.iter().map(|(id, _)| *id)
}

/// A built-in profile by id.
pub fn builtin(id: &str) -> Result<Profile, Error> {
    let json =
        json_of(id).ok_or_else(|| Error::new(ErrorKind::UnknownProfile { id: id.to_string() }))?;
    Profile::from_json(json)
}

/// What a profile list shows.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub struct ProfileInfo {
    /// Profile id.
    pub id: String,
    /// Target system.
    pub system: String,
    /// Title in both languages.
    pub title: Text,
    /// Tenant parameters with their defaults.
    pub parameters: Vec<Parameter>,
}

/// Every built-in profile, summarised.
pub fn builtins() -> Result<Vec<ProfileInfo>, Error> {
    builtin_ids()
        .map(|id| {
            builtin(id).map(|p| ProfileInfo {
                id: p.id,
                system: p.system,
                title: p.title,
                parameters: p.parameters,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_a_builtin_and_unpacks_to_its_json() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/profile/builtin");
        let mut on_disk = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if !name.ends_with(".json") {
                continue;
            }
            on_disk += 1;
            let (id, _) = BUILTINS
                .iter()
                .find(|(_, file)| *file == name)
                .unwrap_or_else(|| panic!("{name} is not listed in BUILTINS"));
            let source: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(dir.join(&name)).unwrap()).unwrap();
            let packed: serde_json::Value = serde_json::from_str(json_of(id).unwrap()).unwrap();
            assert_eq!(packed, source, "{name}");
        }
        assert_eq!(on_disk, BUILTINS.len());
        assert_eq!(FILES.len(), BUILTINS.len());
    }

    #[test]
    fn every_builtin_loads_compiles_and_has_its_id() {
        for id in builtin_ids() {
            let profile = builtin(id).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(profile.id, id);
            crate::profile::Compiled::new(&profile, &Default::default())
                .unwrap_or_else(|e| panic!("{id}: {e}"));
        }
    }
}
