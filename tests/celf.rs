//! CELF user/group import (`celf/users`, `celf/groups`, `celf/affiliations`, bundle `celf`,
//! seed 004): every fixture as a snapshot, the tenant parameters, licence counting, and bundles
//! with dangling references, baselines and replacement.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use csv_preflight::bundle::{
    builtin_bundle, check_bundle, BundleChecker, BundleInput, BundleOptions, BundleReport,
};
use csv_preflight::profile::ParamValue;
use csv_preflight::{builtin, CheckOptions, Code, Lang};

fn bundle_file(name: &str) -> Vec<u8> {
    support::read("celf", name)
}

/// Every file of a bundle report, one diagnostic per line.
fn bundle_listing(report: &BundleReport) -> String {
    let mut out = format!("valid={}\n", report.valid);
    for f in &report.files {
        let name = f.report.file_name.clone().unwrap_or_default();
        out.push_str(&support::listing(
            &format!("{name} ({})", f.role),
            &f.report,
        ));
        if let Some(plan) = &f.report.plan {
            out.push_str(&support::plan(plan));
        }
    }
    out
}

fn inputs<'a>(files: &'a [(&'a str, Vec<u8>)]) -> Vec<BundleInput<'a>> {
    files
        .iter()
        .map(|(name, bytes)| BundleInput {
            role: None,
            name: Some(name),
            bytes,
        })
        .collect()
}

/// Users, groups, and affiliations naming IDs that are in neither file.
fn dangling_bundle() -> [(&'static str, Vec<u8>); 3] {
    [
        ("users.csv", bundle_file("users.csv")),
        ("groups.csv", bundle_file("groups.csv")),
        (
            "affiliations-dangling.csv",
            bundle_file("affiliations-dangling.csv"),
        ),
    ]
}

fn params(list: &[(&str, ParamValue)]) -> BundleOptions {
    BundleOptions {
        check: support::options(list),
        baselines: BTreeMap::new(),
    }
}

#[test]
fn every_fixture_matches_its_snapshot_and_streams_the_same() {
    support::snapshot_fixtures("celf/users", 8);
    support::snapshot_fixtures("celf/groups", 3);
    support::snapshot_fixtures("celf/affiliations", 3);
}

/// CELF's documentation writes the users header with spaces after the commas, and its importer
/// takes it: no `untrimmed-label` for CELF's files.
#[test]
fn spaces_after_the_header_commas_are_tolerated() {
    for (id, bytes) in [
        (
            "celf/users",
            "id, name, password\r\nu1, Taro, Passw0rd!x\r\n",
        ),
        ("celf/groups", "id, name\r\ng1, Sales\r\n"),
        ("celf/affiliations", "group-id, user-id\r\ng1, u1\r\n"),
    ] {
        let report = csv_preflight::check(
            bytes.as_bytes(),
            &builtin(id).unwrap(),
            CheckOptions::default(),
        )
        .unwrap();
        let codes: Vec<Code> = report.diagnostics.iter().map(|d| d.code).collect();
        assert!(!codes.contains(&Code::UntrimmedLabel), "{id}: {codes:?}");
        assert!(
            report.diagnostics.iter().all(|d| d.row != Some(1)),
            "{id}: {:?}",
            report.diagnostics
        );
    }
}

#[test]
fn the_signed_in_administrator_cannot_import_themselves() {
    let options = support::options(&[("signedInUserId", ParamValue::String("user01".into()))]);
    let report = support::check_fixture("celf/users", "valid.csv", options);
    assert_eq!(
        support::diagnostics("valid.csv", &report),
        "valid.csv error forbidden-value row=3 column=id\n"
    );
    assert_eq!(
        report.diagnostics[0].message,
        "this value is not accepted in \"id\": the signed-in administrator's own account cannot be updated by import"
    );
}

#[test]
fn two_factor_exclusion_needs_two_factor_authentication() {
    let profile = builtin("celf/users").unwrap();
    let csv =
        "id,name,password,two-fa-exclusion?\r\nuser01,A,Welc0me!,1\r\nuser02,B,Welc0me!,0\r\n";
    let off = support::options(&[("twoFactorAvailable", ParamValue::Boolean(false))]);
    let report = support::check_chunked(csv.as_bytes(), &profile, off, None, 0);
    assert_eq!(
        support::diagnostics("2fa.csv", &report),
        "2fa.csv warning row-constraint row=2 column=two-fa-exclusion?\n"
    );
    let on = support::options(&[("twoFactorAvailable", ParamValue::Boolean(true))]);
    let report = support::check_chunked(csv.as_bytes(), &profile, on, None, 0);
    assert!(report.diagnostics.is_empty());
}

#[test]
fn password_policy_parameters() {
    let profile = builtin("celf/users").unwrap();
    let csv = "id,name,password\r\nu1,A,short1\r\nu2,B,longenough\r\nu3,C,Longenough1\r\n";
    let options = support::options(&[
        ("passwordMinLength", ParamValue::Integer(8)),
        ("passwordNeedsDigit", ParamValue::Boolean(true)),
        ("passwordNeedsUppercase", ParamValue::Boolean(true)),
    ]);
    let report = support::check_chunked(csv.as_bytes(), &profile, options, None, 0);
    assert_eq!(
        support::diagnostics("policy.csv", &report),
        "policy.csv error too-short row=2 column=password\n\
         policy.csv error missing-character-class row=2 column=password\n\
         policy.csv error missing-character-class row=3 column=password\n\
         policy.csv error missing-character-class row=3 column=password\n"
    );
}

#[test]
fn licences_do_not_count_web_only_and_suspended_users() {
    let profile = builtin("celf/users").unwrap();
    let csv = "id,name,password,celf-app-user?,web-app-user?,suspended?,ai-user?\r\n\
               user01,A,Welc0me!,1,0,0,0\r\n\
               web01,B,Welc0me!,0,1,0,0\r\n\
               web02,C,Welc0me!,1,1,0,0\r\n\
               lock01,D,Welc0me!,1,0,1,0\r\n\
               ai01,E,Welc0me!,0,1,0,1\r\n";
    // Counted: user01, web02 (also a CELF App user), ai01 (also an AI user) = 3.
    let three = support::options(&[("licensedUsers", ParamValue::Integer(3))]);
    assert!(support::check_chunked(csv.as_bytes(), &profile, three, None, 0).valid);
    let two = support::options(&[("licensedUsers", ParamValue::Integer(2))]);
    let report = support::check_chunked(csv.as_bytes(), &profile, two, None, 0);
    assert_eq!(
        support::diagnostics("seats.csv", &report),
        "seats.csv error seat-limit-exceeded row=- column=-\n"
    );
    assert_eq!(
        report.diagnostics[0].message,
        "the file has 3 licensed users; the tenant has 2 licences"
    );
}

#[test]
fn without_the_export_a_blank_password_is_a_warning_with_it_an_error_for_new_users() {
    let profile = builtin("celf/users").unwrap();
    let upload = support::read("celf/users", "warn-blank-password.csv");
    let report = support::check_chunked(&upload, &profile, CheckOptions::default(), None, 0);
    assert_eq!(
        support::diagnostics("u.csv", &report),
        "u.csv warning required-for-new row=2 column=password\n"
    );
    // user01 exists in the export: blank keeps the password. user02 is new and has one.
    let options = CheckOptions::default();
    let baseline = support::baseline(&profile, &bundle_file("users-export.csv"), &options);
    let report = support::check_chunked(
        &upload,
        &profile,
        options.clone(),
        Some(baseline.clone()),
        0,
    );
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    // A new user (not in the export) with a blank password: missing-value.
    let new_user = "id,name,password\r\nnew01,New,\r\n";
    let report = support::check_chunked(new_user.as_bytes(), &profile, options, Some(baseline), 0);
    assert_eq!(
        support::diagnostics("n.csv", &report),
        "n.csv error missing-value row=2 column=password\n"
    );
}

#[test]
fn bundle_roles_are_recognised_by_header_and_valid_together() {
    let bundle = builtin_bundle("celf").unwrap();
    // Given in any order: checked users and groups first, then affiliations.
    let files = [
        ("affiliations.csv", bundle_file("affiliations.csv")),
        ("groups.csv", bundle_file("groups.csv")),
        ("users.csv", bundle_file("users.csv")),
    ];
    let report = check_bundle(&bundle, &inputs(&files), BundleOptions::default()).unwrap();
    let roles: Vec<&str> = report.files.iter().map(|f| f.role.as_str()).collect();
    assert_eq!(roles, vec!["users", "groups", "affiliations"]);
    assert!(report.valid, "{}", bundle_listing(&report));
    assert!(report.files.iter().all(|f| f.report.diagnostics.is_empty()));
}

#[test]
fn bundle_with_dangling_references_and_replacement() {
    let bundle = builtin_bundle("celf").unwrap();
    let files = dangling_bundle();
    // With 'Replacement' the files are all the system will hold: an ID outside them is an error.
    let options = params(&[("replacement", ParamValue::Boolean(true))]);
    let report = check_bundle(&bundle, &inputs(&files), options).unwrap();
    assert!(!report.valid);
    let dangling = &report.files[2].report;
    let expected: Vec<(String, String, Option<u64>, Option<String>)> = [
        ("foreign-key", 3, "group-id"),
        ("foreign-key", 4, "user-id"),
        ("foreign-key", 5, "group-id"),
        ("foreign-key", 5, "user-id"),
        ("foreign-key", 6, "user-id"),
    ]
    .iter()
    .map(|(code, row, col)| {
        (
            "affiliations-dangling.csv".to_string(),
            code.to_string(),
            Some(*row),
            Some(col.to_string()),
        )
    })
    .collect();
    assert_eq!(support::tuples(dangling), expected);
    assert_eq!(
        dangling.diagnostics[0].message,
        "\"group-id\" names nothing in \"groups\", neither in its file nor in the current export"
    );
    insta::assert_snapshot!("celf_bundle_dangling", bundle_listing(&report));
}

/// "Even if 'Replacement' is checked, the login user is not deleted": an affiliation of the
/// signed-in administrator names a user who stays, though not in the users file.
#[test]
fn with_replacement_the_signed_in_administrator_can_be_referenced() {
    let bundle = builtin_bundle("celf").unwrap();
    let files = dangling_bundle();
    let options = params(&[
        ("replacement", ParamValue::Boolean(true)),
        ("signedInUserId", ParamValue::String("user99".into())),
    ]);
    let report = check_bundle(&bundle, &inputs(&files), options).unwrap();
    let rows: Vec<(Option<u64>, Option<&str>)> = report.files[2]
        .report
        .diagnostics
        .iter()
        .map(|d| (d.row, d.column.as_deref()))
        .collect();
    // Row 4 (dev,user99) is no longer an error; the other dangling IDs still are.
    assert_eq!(
        rows,
        vec![
            (Some(3), Some("group-id")),
            (Some(5), Some("group-id")),
            (Some(5), Some("user-id")),
            (Some(6), Some("user-id")),
        ]
    );
}

#[test]
fn without_exports_references_outside_the_files_may_be_registered_already() {
    // "An error will occur if a group ID or user ID that is not registered is specified": without
    // 'Replacement' the registered IDs stay, and without the exports they are unknown. The
    // references outside the files are one warning per foreign key, not errors.
    let bundle = builtin_bundle("celf").unwrap();
    let files = dangling_bundle();
    let report = check_bundle(&bundle, &inputs(&files), BundleOptions::default()).unwrap();
    assert!(report.valid, "{}", bundle_listing(&report));
    let dangling = &report.files[2].report;
    let found: Vec<(String, Option<u64>, &str)> = dangling
        .diagnostics
        .iter()
        .map(|d| (d.code.to_string(), d.row, d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "reference-outside-file".to_string(),
                None,
                "2 reference(s) from \"group-id\" name IDs that are not in the \"groups\" file \
                 (\"hr\" in row 3, \"ops\" in row 5); the system accepts them only if they are \
                 registered already"
            ),
            (
                "reference-outside-file".to_string(),
                None,
                "3 reference(s) from \"user-id\" name IDs that are not in the \"users\" file \
                 (\"user99\" in row 4, \"ghost\" in row 5, \"kato\" in row 6); the system accepts \
                 them only if they are registered already"
            ),
        ]
    );
    assert_eq!(dangling.summary.warnings, 2);
}

#[test]
fn references_outside_the_files_name_five_distinct_ids_with_their_first_rows() {
    // Eight references to unknown groups: g1 twice, then g2..g7. The warning names g1..g5 with
    // the rows where they first appear, and "…" for the rest.
    let bundle = builtin_bundle("celf").unwrap();
    let mut affiliations = String::from("group-id,user-id\ng1,user01\n");
    for group in ["g1", "g2", "g3", "g4", "g5", "g6", "g7"] {
        affiliations.push_str(&format!("{group},user02\n"));
    }
    let files = [
        ("users.csv", bundle_file("users.csv")),
        ("groups.csv", bundle_file("groups.csv")),
        ("affiliations.csv", affiliations.into_bytes()),
    ];
    let messages = |lang| {
        let options = BundleOptions {
            check: CheckOptions {
                lang,
                ..CheckOptions::default()
            },
            baselines: BTreeMap::new(),
        };
        let report = check_bundle(&bundle, &inputs(&files), options).unwrap();
        let messages: Vec<String> = report.files[2]
            .report
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect();
        messages
    };
    assert_eq!(
        messages(Lang::En),
        ["8 reference(s) from \"group-id\" name IDs that are not in the \"groups\" file \
          (\"g1\" in row 2, \"g2\" in row 4, \"g3\" in row 5, \"g4\" in row 6, \"g5\" in row 7, …); \
          the system accepts them only if they are registered already"]
    );
    assert_eq!(
        messages(Lang::Ja),
        [
            "「group-id」の参照のうち 8 件が「groups」のファイルにない ID を指しています\
          （2 行目の「g1」、4 行目の「g2」、5 行目の「g3」、6 行目の「g4」、7 行目の「g5」、…）。\
          システムに登録済みの ID でなければエラーになります"
        ]
    );
}

#[test]
fn five_ids_referenced_again_and_again_get_no_ellipsis() {
    // Ten references, but only to g1..g5: all of them are named, and "…" would say there
    // were others (it used to follow from the count).
    let bundle = builtin_bundle("celf").unwrap();
    let mut affiliations = String::from("group-id,user-id\n");
    for (group, user) in ["g1", "g2", "g3", "g4", "g5"]
        .iter()
        .flat_map(|g| [(g, "user01"), (g, "user02")])
    {
        affiliations.push_str(&format!("{group},{user}\n"));
    }
    let files = [
        ("users.csv", bundle_file("users.csv")),
        ("groups.csv", bundle_file("groups.csv")),
        ("affiliations.csv", affiliations.into_bytes()),
    ];
    let report = check_bundle(&bundle, &inputs(&files), BundleOptions::default()).unwrap();
    let messages: Vec<&str> = report.files[2]
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::ReferenceOutsideFile)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "10 reference(s) from \"group-id\" name IDs that are not in the \"groups\" file \
          (\"g1\" in row 2, \"g2\" in row 4, \"g3\" in row 6, \"g4\" in row 8, \"g5\" in row 10); \
          the system accepts them only if they are registered already"
        ]
    );
}

#[test]
fn bundle_references_resolve_in_the_exports_unless_replaced() {
    let bundle = builtin_bundle("celf").unwrap();
    let users = builtin("celf/users").unwrap();
    let groups = builtin("celf/groups").unwrap();
    let files = dangling_bundle();
    let mut options = params(&[("signedInUserId", ParamValue::String("admin01".into()))]);
    let users_options = support::options(&[]);
    options.baselines.insert(
        "users".into(),
        support::baseline(&users, &bundle_file("users-export.csv"), &users_options),
    );
    options.baselines.insert(
        "groups".into(),
        support::baseline(&groups, &bundle_file("groups-export.csv"), &users_options),
    );
    // Merge: "ops" and "kato" exist in the exports.
    let merged = check_bundle(&bundle, &inputs(&files), options.clone()).unwrap();
    insta::assert_snapshot!("celf_bundle_with_exports", bundle_listing(&merged));
    // Replacement: the exports' records not in the files are deleted, so they no longer resolve;
    // the signed-in administrator is never deleted.
    options
        .check
        .params
        .insert("replacement".into(), ParamValue::Boolean(true));
    let replaced = check_bundle(&bundle, &inputs(&files), options).unwrap();
    insta::assert_snapshot!("celf_bundle_replacement", bundle_listing(&replaced));
    let users_plan = replaced.files[0].report.plan.as_ref().unwrap();
    assert_eq!(users_plan.delete.keys, vec!["kato", "old01"]);
}

#[test]
fn bundle_diagnostics_name_their_file_and_roles_can_be_given() {
    let bundle = builtin_bundle("celf").unwrap();
    let users = support::read("celf/users", "duplicate.csv");
    let groups = support::read("celf/groups", "duplicate.csv");
    let files = [
        BundleInput {
            role: Some("users"),
            name: Some("u.csv"),
            bytes: &users,
        },
        BundleInput {
            role: Some("groups"),
            name: Some("g.csv"),
            bytes: &groups,
        },
    ];
    let report = check_bundle(&bundle, &files, BundleOptions::default()).unwrap();
    let all: Vec<_> = report
        .files
        .iter()
        .flat_map(|f| support::tuples(&f.report))
        .collect();
    assert_eq!(
        all,
        vec![
            (
                "u.csv".to_string(),
                "unique-error".to_string(),
                Some(4),
                Some("id".to_string())
            ),
            (
                "g.csv".to_string(),
                "unique-error".to_string(),
                Some(3),
                Some("id".to_string())
            ),
        ]
    );
}

#[test]
fn unknown_files_and_parameters_are_errors() {
    let bundle = builtin_bundle("celf").unwrap();
    let files = [(
        "other.csv",
        b"mail_address,family_name\r\na@b.jp,x\r\n".to_vec(),
    )];
    let err = check_bundle(&bundle, &inputs(&files), BundleOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid options: cannot tell which file of bundle \"celf\" \"other.csv\" is from its header; give its role as role=path"
    );
    let err = check_bundle(&bundle, &[], params(&[("seats", ParamValue::Integer(1))])).unwrap_err();
    assert!(
        err.to_string().starts_with("unknown parameter \"seats\""),
        "{err}"
    );
}

#[test]
fn streaming_bundle_equals_whole_files() {
    let bundle = builtin_bundle("celf").unwrap();
    let files = dangling_bundle();
    let whole = check_bundle(&bundle, &inputs(&files), BundleOptions::default()).unwrap();
    for size in [1, 7, 4096] {
        let present = ["users", "groups", "affiliations"];
        let mut checker = BundleChecker::new(&bundle, BundleOptions::default(), &present).unwrap();
        for (role, (name, bytes)) in present.iter().zip(&files) {
            checker.begin(role, Some(name)).unwrap();
            for chunk in bytes.chunks(size) {
                checker.push(chunk).unwrap();
            }
            checker.end().unwrap();
        }
        assert_eq!(checker.finish().unwrap(), whole, "chunks of {size}");
    }
}

#[test]
fn a_referenced_role_must_come_first_when_streaming() {
    let bundle = builtin_bundle("celf").unwrap();
    let mut checker = BundleChecker::new(
        &bundle,
        BundleOptions::default(),
        &["users", "affiliations"],
    )
    .unwrap();
    let err = checker.begin("affiliations", None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid options: check \"users\" before \"affiliations\": it references it"
    );
}

#[test]
fn the_cli_checks_a_bundle_with_baselines() {
    let dir = support::dir("celf");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_csv-preflight"))
        .args([
            "check",
            "--profile",
            "celf",
            "--format",
            "json",
            "--baseline",
            &format!("users={}", path("users-export.csv")),
            &path("users.csv"),
            &format!("affiliations={}", path("affiliations-dangling.csv")),
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: BundleReport = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = report.files.iter().map(|f| f.role.as_str()).collect();
    assert_eq!(files, vec!["users", "affiliations"]);
    let codes: Vec<(Code, Option<u64>, bool)> = report.files[1]
        .report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code,
                d.row,
                d.file
                    .as_deref()
                    .is_some_and(|f| Path::new(f).ends_with("affiliations-dangling.csv")),
            )
        })
        .collect();
    assert_eq!(
        codes,
        vec![
            (Code::ReferenceUnchecked, None, true),
            (Code::ForeignKey, Some(4), true),
            (Code::ForeignKey, Some(5), true),
        ]
    );
    assert!(report.files[0].report.plan.is_some());
}

#[test]
fn shift_jis_and_utf8_with_bom_are_accepted() {
    let profile = builtin("celf/users").unwrap();
    let text = String::from_utf8(support::read("celf/users", "valid.csv")).unwrap();
    let sjis = support::encode(&text, "shift_jis");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    for (name, bytes) in [("sjis", sjis), ("bom", bom)] {
        let report = support::check_chunked(&bytes, &profile, CheckOptions::default(), None, 0);
        assert!(
            report.diagnostics.is_empty(),
            "{name}: {:?}",
            report.diagnostics
        );
        support::assert_streaming_equal(&bytes, &profile, &CheckOptions::default(), None, name);
    }
}

#[test]
fn messages_in_japanese() {
    let options = CheckOptions {
        lang: csv_preflight::Lang::Ja,
        ..support::options(&[("signedInUserId", ParamValue::String("user01".into()))])
    };
    let report = support::check_fixture("celf/users", "valid.csv", options);
    assert_eq!(
        report.diagnostics[0].message,
        "「id」にこの値は使えません：ログイン中の管理者自身のアカウントはインポートで更新できません"
    );
}

#[test]
fn bundle_progress_counts_every_file_given_so_far() {
    let bundle = builtin_bundle("celf").unwrap();
    let options = BundleOptions {
        check: CheckOptions::default(),
        baselines: BTreeMap::new(),
    };
    let mut checker = BundleChecker::new(&bundle, options, &["users", "groups"]).unwrap();
    assert_eq!(
        (checker.progress().bytes, checker.progress().records),
        (0, 0)
    );
    let (users, groups) = (bundle_file("users.csv"), bundle_file("groups.csv"));
    checker.begin("users", Some("users.csv")).unwrap();
    checker.push(&users).unwrap();
    checker.end().unwrap();
    // users.csv: a header and 3 users.
    let after_users = checker.progress();
    assert_eq!(
        (after_users.bytes, after_users.records),
        (users.len() as u64, 4)
    );
    checker.begin("groups", Some("groups.csv")).unwrap();
    checker.push(groups.get(..10).unwrap()).unwrap();
    assert_eq!(checker.progress().bytes, users.len() as u64 + 10);
    checker.push(groups.get(10..).unwrap()).unwrap();
    checker.end().unwrap();
    let report = checker.finish().unwrap();
    let records: u64 = report.files.iter().map(|f| f.report.detected.records).sum();
    assert_eq!(records, 4 + report.files[1].report.detected.records);
}

#[test]
fn baselines_are_added_before_the_first_file_for_a_role_of_the_bundle() {
    let bundle = builtin_bundle("celf").unwrap();
    let options = || BundleOptions {
        check: CheckOptions::default(),
        baselines: BTreeMap::new(),
    };
    let users = builtin("celf/users").unwrap();
    let export = support::baseline(
        &users,
        &bundle_file("users-export.csv"),
        &CheckOptions::default(),
    );
    let mut checker = BundleChecker::new(&bundle, options(), &["users"]).unwrap();
    let error = checker.add_baseline("staff", export.clone()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid options: bundle \"celf\" has no role \"staff\" (it has: users, groups, affiliations)"
    );
    checker.add_baseline("users", export.clone()).unwrap();
    checker.begin("users", Some("users.csv")).unwrap();
    let error = checker.add_baseline("users", export).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid options: add the baselines before the first file"
    );
}

#[test]
fn the_order_lists_the_roles_given_and_bytes_need_a_file() {
    let bundle = builtin_bundle("celf").unwrap();
    let options = || BundleOptions {
        check: CheckOptions::default(),
        baselines: BTreeMap::new(),
    };
    let checker = BundleChecker::new(&bundle, options(), &["affiliations", "users"]).unwrap();
    assert_eq!(checker.order(), ["users", "affiliations"]);
    let all = ["users", "groups", "affiliations"];
    let mut checker = BundleChecker::new(&bundle, options(), &all).unwrap();
    assert_eq!(checker.order(), all);
    // Before `begin` and after `end`, bytes belong to no file: an error, not lost bytes.
    let message = "invalid options: no file to push to: call begin(role, fileName) first";
    assert_eq!(checker.push(b"id\n").unwrap_err().to_string(), message);
    checker.begin("users", Some("users.csv")).unwrap();
    checker.push(&bundle_file("users.csv")).unwrap();
    checker.end().unwrap();
    assert_eq!(checker.push(b"id\n").unwrap_err().to_string(), message);
}

#[test]
fn a_bundle_with_a_role_twice_is_an_error_not_an_endless_order() {
    let json = r#"{"formatVersion":1,"id":"dup","system":"x","title":{"en":"x","ja":"x"},
        "roles":[{"role":"users","profile":"celf/users"},{"role":"users","profile":"celf/users"}]}"#;
    let bundle = csv_preflight::bundle::Bundle::from_json(json).unwrap();
    let options = BundleOptions {
        check: CheckOptions::default(),
        baselines: BTreeMap::new(),
    };
    let error = BundleChecker::new(&bundle, options, &["users"])
        .err()
        .unwrap();
    assert_eq!(
        error.to_string(),
        "invalid profile: bundle \"dup\" has the role \"users\" twice"
    );
}

#[test]
fn the_declared_roles_are_the_files_given_each_once_and_every_one() {
    let bundle = builtin_bundle("celf").unwrap();
    let options = || BundleOptions {
        check: CheckOptions::default(),
        baselines: BTreeMap::new(),
    };
    let error =
        |result: Result<BundleReport, csv_preflight::Error>| result.unwrap_err().to_string();
    // Declared, never given: no report that looks complete.
    let all = ["users", "groups", "affiliations"];
    let checker = BundleChecker::new(&bundle, options(), &all).unwrap();
    assert_eq!(
        error(checker.finish()),
        "invalid options: no file was given for the declared roles \"users\", \"groups\", \"affiliations\" (declare only the roles whose files are given)"
    );
    let mut checker = BundleChecker::new(&bundle, options(), &["users", "groups"]).unwrap();
    checker.begin("users", Some("users.csv")).unwrap();
    checker.push(&bundle_file("users.csv")).unwrap();
    assert_eq!(
        error(checker.finish()),
        "invalid options: no file was given for the declared role \"groups\" (declare only the roles whose files are given)"
    );
    // Given, never declared.
    let mut checker = BundleChecker::new(&bundle, options(), &["affiliations"]).unwrap();
    assert_eq!(
        checker.begin("users", Some("users.csv")).unwrap_err().to_string(),
        "invalid options: role \"users\" was not declared when the check was prepared (declared: affiliations)"
    );
    // Declared twice.
    let twice = BundleChecker::new(&bundle, options(), &["users", "groups", "users"]);
    assert_eq!(
        twice.err().unwrap().to_string(),
        "invalid options: role \"users\" is declared twice: one file per role"
    );
    // Declared and given: the report.
    let mut checker = BundleChecker::new(&bundle, options(), &["users"]).unwrap();
    checker.begin("users", Some("users.csv")).unwrap();
    checker.push(&bundle_file("users.csv")).unwrap();
    let report = checker.finish().unwrap();
    assert_eq!(report.files.len(), 1);
    assert!(report.valid);
}

/// A users file whose optional columns were all removed has the groups file's header (`id,name`):
/// the file name tells them apart ("user"/"ユーザー" → users, "group"/"グループ" → groups).
#[test]
fn a_users_file_with_only_id_and_name_is_told_from_groups_by_its_name() {
    let bundle = builtin_bundle("celf").unwrap();
    let users = b"id,name\r\nuser01,\xE5\xB1\xB1\xE7\x94\xB0\r\n".to_vec();
    let groups = bundle_file("groups.csv");
    for (users_name, groups_name) in [
        ("users.csv", "groups.csv"),
        ("CELF_User_2024.csv", "celf-Groups.csv"),
        ("ユーザー情報.csv", "グループ情報.csv"),
        ("dir/users-only-id.csv", "dir/group.csv"),
    ] {
        let files = [(groups_name, groups.clone()), (users_name, users.clone())];
        let report = check_bundle(&bundle, &inputs(&files), BundleOptions::default())
            .unwrap_or_else(|e| panic!("{users_name}: {e}"));
        let roles: Vec<(&str, Option<&str>)> = report
            .files
            .iter()
            .map(|f| (f.role.as_str(), f.report.file_name.as_deref()))
            .collect();
        assert_eq!(
            roles,
            [("users", Some(users_name)), ("groups", Some(groups_name))]
        );
        // Recognised by the name: nothing to say about the role; checked as users (a blank
        // password is for registered users only).
        let users_found = [(
            users_name.to_string(),
            "required-for-new".to_string(),
            Some(2),
            Some("password".to_string()),
        )];
        assert_eq!(support::tuples(&report.files[0].report), users_found);
        assert_eq!(support::tuples(&report.files[1].report), []);
    }
}

/// When neither the header nor the name tells the users file from the groups file, the groups file
/// is assumed (its every column is there), and a warning says so and how to say otherwise.
#[test]
fn an_id_and_name_file_whose_name_says_nothing_is_assumed_groups_and_told_so() {
    let bundle = builtin_bundle("celf").unwrap();
    let bytes = b"id,name\r\nuser01,Taro\r\n".to_vec();
    for name in ["export.csv", "user_groups.csv"] {
        let files = [(name, bytes.clone())];
        for (lang, message, help) in [
            (
                Lang::En,
                "the header fits the files of \"users\" and \"groups\" alike, and the file name does not tell which: checked as the \"groups\" file",
                "If it is the \"users\" file, give its role (on the command line: users=FILE) or put \"user\" in its name.",
            ),
            (
                Lang::Ja,
                "ヘッダーは「users」と「groups」のどちらのファイルにも当てはまり、ファイル名からも区別できないため、「groups」ファイルとしてチェックしました",
                "「users」ファイルの場合は、ロールを指定する（コマンドラインでは users=ファイル）か、ファイル名に「user」を含めてください。",
            ),
        ] {
            let mut options = BundleOptions::default();
            options.check.lang = lang;
            let report = check_bundle(&bundle, &inputs(&files), options).unwrap();
            assert_eq!(report.files.len(), 1);
            let file = &report.files[0];
            assert_eq!(file.role, "groups");
            assert_eq!(
                support::tuples(&file.report),
                [(name.to_string(), "role-assumed".to_string(), None, None)]
            );
            let d = &file.report.diagnostics[0];
            assert_eq!(d.severity, csv_preflight::Severity::Warning);
            assert_eq!(d.message, message);
            assert_eq!(d.help.as_deref(), Some(help));
            assert!(report.valid, "a warning: the file is fine as a groups file");
        }
    }
}

/// A role given by the administrator is not second-guessed, whatever the file's name.
#[test]
fn a_role_given_for_an_id_and_name_file_is_taken_without_a_note() {
    let bundle = builtin_bundle("celf").unwrap();
    let bytes = b"id,name\r\nuser01,Taro\r\n".to_vec();
    let inputs = [BundleInput {
        role: Some("users"),
        name: Some("export.csv"),
        bytes: &bytes,
    }];
    let report = check_bundle(&bundle, &inputs, BundleOptions::default()).unwrap();
    assert_eq!(report.files[0].role, "users");
    let found = [(
        "export.csv".to_string(),
        "required-for-new".to_string(),
        Some(2),
        Some("password".to_string()),
    )];
    assert_eq!(support::tuples(&report.files[0].report), found);
}

/// The CLI recognises roles as `check_bundle` does: by the name when the header is `id,name`, and
/// a `role-assumed` warning when the name says nothing; a role given (`users=FILE`) is taken.
#[test]
fn the_cli_tells_an_id_and_name_users_file_by_its_name_or_says_what_it_assumed() {
    let dir = std::env::temp_dir().join(format!("csv-preflight-celf-roles-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["ユーザー.csv", "export.csv"] {
        std::fs::write(dir.join(name), "id,name\r\nuser01,Taro\r\n").unwrap();
    }
    let run = |files: &[&str]| {
        let paths: Vec<String> = files
            .iter()
            .map(|f| match f.split_once('=') {
                Some((role, name)) => format!("{role}={}", dir.join(name).display()),
                None => dir.join(f).display().to_string(),
            })
            .collect();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_csv-preflight"))
            .args(["check", "--profile", "celf", "--format", "json"])
            .args(&paths)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report: BundleReport = serde_json::from_slice(&out.stdout).unwrap();
        report
            .files
            .iter()
            .map(|f| {
                let codes: Vec<&str> = f
                    .report
                    .diagnostics
                    .iter()
                    .map(|d| d.code.as_str())
                    .collect();
                (f.role.clone(), codes.join(","))
            })
            .collect::<Vec<_>>()
    };
    let pair = |role: &str, codes: &str| (role.to_string(), codes.to_string());
    assert_eq!(run(&["ユーザー.csv"]), [pair("users", "required-for-new")]);
    assert_eq!(run(&["export.csv"]), [pair("groups", "role-assumed")]);
    assert_eq!(
        run(&["users=export.csv"]),
        [pair("users", "required-for-new")]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
