//! `schema/profile.schema.json` is generated from the Rust types; this test keeps them in lockstep.
//! After changing the profile types run `UPDATE_SCHEMA=1 cargo test --test schema` and commit.
#![cfg(feature = "schema")]

use csv_preflight::profile::Profile;

fn generated() -> String {
    let mut schema = schemars::schema_for!(Profile);
    schema.insert(
        "$id".into(),
        "https://csv-preflight.invalid/profile.schema.json".into(),
    );
    serde_json::to_string_pretty(&schema).unwrap() + "\n"
}

#[test]
fn committed_schema_matches_the_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/profile.schema.json");
    let fresh = generated();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "schema/profile.schema.json is stale: run UPDATE_SCHEMA=1 cargo test --test schema"
    );
}

#[test]
fn schema_forbids_unknown_properties_and_needs_the_version() {
    // The schema forbids unknown properties everywhere (deny_unknown_fields); spot-check that.
    let schema: serde_json::Value = serde_json::from_str(&generated()).unwrap();
    assert_eq!(
        schema["additionalProperties"],
        serde_json::Value::Bool(false)
    );
    assert!(schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v == "formatVersion"));
}
