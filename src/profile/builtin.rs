//! The built-in profiles: JSON files embedded in the binary, parsed on request.

use serde::Serialize;

use crate::error::{Error, ErrorKind};
use crate::profile::{Parameter, Profile, Text};

/// (id, JSON) of every built-in profile.
const BUILTINS: &[(&str, &str)] = &[
    (
        "fujifilm-iwpro/add-users",
        include_str!("builtin/fujifilm-iwpro-add-users.json"),
    ),
    (
        "fujifilm-iwpro/invite-users",
        include_str!("builtin/fujifilm-iwpro-invite-users.json"),
    ),
    (
        "fujifilm-iwpro/update-users",
        include_str!("builtin/fujifilm-iwpro-update-users.json"),
    ),
    (
        "fujifilm-iwpro/delete-users",
        include_str!("builtin/fujifilm-iwpro-delete-users.json"),
    ),
    (
        "learningbox/users",
        include_str!("builtin/learningbox-users.json"),
    ),
    (
        "flat/users-differential",
        include_str!("builtin/flat-users-differential.json"),
    ),
    (
        "flat/users-total",
        include_str!("builtin/flat-users-total.json"),
    ),
    ("canon/users", include_str!("builtin/canon-users.json")),
    ("celf/users", include_str!("builtin/celf-users.json")),
    ("celf/groups", include_str!("builtin/celf-groups.json")),
    (
        "celf/affiliations",
        include_str!("builtin/celf-affiliations.json"),
    ),
];

/// The ids of the built-in profiles.
pub fn builtin_ids() -> impl Iterator<Item = &'static str> {
    BUILTINS.iter().map(|(id, _)| *id)
}

/// A built-in profile by id.
pub fn builtin(id: &str) -> Result<Profile, Error> {
    let (_, json) = BUILTINS
        .iter()
        .find(|(known, _)| *known == id)
        .ok_or_else(|| Error::new(ErrorKind::UnknownProfile { id: id.to_string() }))?;
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
    fn every_builtin_loads_compiles_and_has_its_id() {
        for id in builtin_ids() {
            let profile = builtin(id).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(profile.id, id);
            crate::profile::Compiled::new(&profile, &Default::default())
                .unwrap_or_else(|e| panic!("{id}: {e}"));
        }
    }
}
