//! Generated profile documentation (`csv-preflight profiles --doc <id>`): one readable snapshot per
//! profile of the learningBOX, FLAT, Canon and CELF systems and the `celf` bundle, and every
//! built-in listed by `csv-preflight profiles`.

use csv_preflight::builtin;
use csv_preflight::bundle::builtin_bundle;

const PROFILES: &[&str] = &[
    "learningbox/users",
    "flat/users-differential",
    "flat/users-total",
    "canon/users",
    "celf/users",
    "celf/groups",
    "celf/affiliations",
];

#[test]
fn every_profile_has_its_documentation() {
    for id in PROFILES {
        let markdown = builtin(id).unwrap().to_markdown();
        insta::with_settings!({ snapshot_suffix => id.replace('/', "-"), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(markdown);
        });
    }
}

#[test]
fn the_bundle_documents_its_roles_and_profiles() {
    let markdown = builtin_bundle("celf").unwrap().to_markdown().unwrap();
    assert!(markdown.starts_with("# CELF — import user group information"));
    for id in ["celf/users", "celf/groups", "celf/affiliations"] {
        assert!(markdown.contains(&format!("`{id}`")), "{id}");
    }
    assert!(markdown.contains(
        "- `users`: profile `celf/users`; a file name with \"user\" or \"ユーザ\" tells it from a file with the same header\n"
    ));
}

#[test]
fn the_cli_lists_every_builtin_and_prints_documentation() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_csv-preflight"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let list = run(&["profiles"]);
    for id in PROFILES.iter().chain(&["celf"]) {
        assert!(
            list.lines().any(|l| l.starts_with(&format!("{id} "))),
            "{id} in {list}"
        );
    }
    let doc = run(&["profiles", "--doc", "canon/users"]);
    assert_eq!(doc, builtin("canon/users").unwrap().to_markdown());
    assert!(doc.contains("> uid: 1 to 32 characters."));
}
