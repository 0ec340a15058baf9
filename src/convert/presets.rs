//! Presets: mappings between built-in profiles where the fields correspond, written down once
//! (`presets/*.json`, the same format as any mapping). They cover what the label-based
//! suggestion cannot guess: a full name split into family and given name, the user name Canon
//! wants made from an e-mail address. Columns a preset leaves out are filled by the suggestion.

use crate::convert::Mapping;
use crate::profile::{builtin, builtin_ids, Profile};

/// (name, JSON) of every preset.
const PRESETS: &[(&str, &str)] = &[
    (
        "iwpro-to-canon",
        include_str!("presets/iwpro-to-canon.json"),
    ),
    (
        "canon-to-iwpro",
        include_str!("presets/canon-to-iwpro.json"),
    ),
    ("canon-to-celf", include_str!("presets/canon-to-celf.json")),
    ("celf-to-canon", include_str!("presets/celf-to-canon.json")),
    ("iwpro-to-celf", include_str!("presets/iwpro-to-celf.json")),
    (
        "iwpro-to-learningbox",
        include_str!("presets/iwpro-to-learningbox.json"),
    ),
    (
        "learningbox-to-iwpro",
        include_str!("presets/learningbox-to-iwpro.json"),
    ),
    (
        "iwpro-to-flat-differential",
        include_str!("presets/iwpro-to-flat-differential.json"),
    ),
    (
        "iwpro-to-flat-total",
        include_str!("presets/iwpro-to-flat-total.json"),
    ),
    ("flat-to-iwpro", include_str!("presets/flat-to-iwpro.json")),
];

/// The presets whose two profiles are built in, in a fixed order.
pub fn presets() -> Vec<Mapping> {
    let ids: Vec<&str> = builtin_ids().collect();
    PRESETS
        .iter()
        .filter_map(|(_, json)| Mapping::from_json(json).ok())
        .filter(|m| {
            ids.contains(&m.to.as_str()) && m.from.as_deref().is_some_and(|f| ids.contains(&f))
        })
        .collect()
}

/// The preset from `source` to `target`: one written for the pair, else one written for another
/// file of the same system (IWpro's update-users reads like add-users, FLAT's total import like
/// the differential one).
pub fn preset(source: &Profile, target: &Profile) -> Option<Mapping> {
    let all = presets();
    let from = |m: &Mapping| m.from.clone().unwrap_or_default();
    if let Some(exact) = all
        .iter()
        .find(|m| m.to == target.id && from(m) == source.id)
    {
        return Some(exact.clone());
    }
    all.into_iter().find(|m| {
        let target_fits =
            m.to == target.id || builtin(&m.to).is_ok_and(|p| p.system == target.system);
        let source_fits = builtin(&from(m)).is_ok_and(|p| p.system == source.system);
        target_fits && source_fits && source.system != target.system
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::mapping::SplitPart;

    #[test]
    fn every_preset_fits_its_profiles() {
        let all = presets();
        assert!(all.len() >= 2, "the IWpro and Canon presets at least");
        for m in &all {
            let target = builtin(&m.to).unwrap();
            m.validate(&target)
                .unwrap_or_else(|e| panic!("{} → {}: {e}", m.from.as_deref().unwrap_or(""), m.to));
            let source = builtin(m.from.as_deref().unwrap()).unwrap();
            for name in m.source_columns() {
                assert!(
                    source.columns.iter().any(|c| c.name == name),
                    "{}: no source column {name}",
                    source.id
                );
            }
        }
    }

    #[test]
    fn finds_presets_by_pair_and_by_system() {
        let iwpro = builtin("fujifilm-iwpro/add-users").unwrap();
        let update = builtin("fujifilm-iwpro/update-users").unwrap();
        let canon = builtin("canon/users").unwrap();
        let m = preset(&iwpro, &canon).unwrap();
        assert_eq!(m.columns[0].target, "uid");
        assert_eq!(
            m.columns[0].split.as_ref().map(|s| s.part),
            Some(SplitPart::First)
        );
        assert!(preset(&update, &canon).is_some());
        assert!(preset(&canon, &canon).is_none());
    }
}
