//! Shared by the fuzz targets: how the first bytes of an input pick a profile and the options.
#![allow(dead_code)]

use csv_preflight::{builtin, builtin_ids, CheckOptions, Limits, Profile};

/// Every built-in profile, loaded once.
pub fn profiles() -> &'static [Profile] {
    static PROFILES: std::sync::OnceLock<Vec<Profile>> = std::sync::OnceLock::new();
    PROFILES.get_or_init(|| {
        builtin_ids()
            .map(|id| builtin(id).expect("built-in profiles load"))
            .collect()
    })
}

/// Options from one selector byte: the defaults, or tiny limits so that every limit is reached.
pub fn options(selector: u8) -> CheckOptions {
    let mut options = CheckOptions::default();
    if selector & 1 == 1 {
        options.limits = Limits {
            max_field_bytes: 16,
            max_fields: 4,
            max_record_bytes: 40,
            max_unique_keys: 2,
        };
        options.max_diagnostics = 3;
    }
    if selector & 2 == 2 {
        options.lang = csv_preflight::Lang::Ja;
    }
    if selector & 4 == 4 {
        options.file_name = Some("users.csv".to_string());
    }
    options
}

/// Splits `(profile, options, rest)` off the front of a fuzz input.
pub fn split(data: &[u8]) -> Option<(&'static Profile, CheckOptions, &[u8])> {
    let (&p, rest) = data.split_first()?;
    let (&o, rest) = rest.split_first()?;
    let profiles = profiles();
    let profile = profiles.get(usize::from(p) % profiles.len())?;
    Some((profile, options(o), rest))
}
