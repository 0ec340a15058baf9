//! Conversion of a file that `from: "auto"` recognises as a file of the target profile itself: the
//! user's mapping is used as given, and columns the target profile does not know are not lost
//! without a word.

use csv_preflight::convert::{convert, ConvertOptions, ConvertResult, ConvertStatus, Mapping};
use csv_preflight::{builtin, Severity};

fn options() -> ConvertOptions {
    ConvertOptions {
        date: Some("2026-11-21".into()),
        ..ConvertOptions::default()
    }
}

fn header(r: &ConvertResult) -> String {
    let text = String::from_utf8(r.bytes.clone()).unwrap();
    text.lines().next().unwrap_or_default().to_string()
}

/// An HR export whose 氏名, メールアドレス and 部署 are learningBOX aliases: it is recognised as
/// a learningBOX file.
const HR: &str = "社員番号,氏名,メールアドレス,部署,リーダー\r\n\
                  00123,山田 太郎,yamada@example.com,営業部,1\r\n\
                  789,佐藤 一,sato@example.com,営業部,TRUE\r\n";

#[test]
fn a_given_mapping_writes_a_column_from_another_source_column_under_the_target_name() {
    let lb = builtin("learningbox/users").unwrap();
    let mapping = Mapping::from_json(
        r#"{"formatVersion":1,"from":"header","to":"learningbox/users","columns":[
            {"target":"Login ID","from":"社員番号"},{"target":"Name","from":"氏名"},
            {"target":"Email address","from":"メールアドレス"},{"target":"Department","from":"部署"}]}"#,
    )
    .unwrap();
    let r = convert(
        HR.as_bytes(),
        &lb,
        ConvertOptions {
            mapping: Some(mapping),
            force: true,
            ..options()
        },
    )
    .unwrap();
    assert_eq!(r.source.profile, "learningbox/users");
    // 社員番号 does not name Login ID: the column is written as "Login ID", and the re-check
    // reads it as the Login ID (too short in row 3). The labels that name their column in
    // learningBOX keep the file's spelling.
    assert_eq!(
        String::from_utf8(r.bytes.clone()).unwrap(),
        "Login ID,氏名,メールアドレス,部署\r\n\
         00123,山田 太郎,yamada@example.com,営業部\r\n\
         789,佐藤 一,sato@example.com,営業部\r\n"
    );
    assert_eq!(r.status, ConvertStatus::Forced);
    let found: Vec<String> = r
        .report
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {} {}",
                d.code,
                d.row.unwrap_or(0),
                d.column.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(found, ["too-short 3 Login ID"]);
}

#[test]
fn the_printed_mapping_given_back_gives_the_same_file() {
    let lb = builtin("learningbox/users").unwrap();
    let source = "ログインID,氏名,メールアドレス\r\nyamada01,山田 太郎,yamada@example.com\r\n";
    let suggested = convert(source.as_bytes(), &lb, options()).unwrap();
    assert_eq!(
        suggested.status,
        ConvertStatus::Ready,
        "{:?}",
        suggested.refusal
    );
    assert_eq!(header(&suggested), "ログインID,氏名,メールアドレス");
    let given = convert(
        source.as_bytes(),
        &lb,
        ConvertOptions {
            mapping: Some(suggested.mapping.clone()),
            ..options()
        },
    )
    .unwrap();
    assert_eq!(given.bytes, suggested.bytes);
    assert!(given
        .diagnostics
        .iter()
        .all(|d| d.severity != Severity::Warning));
}

#[test]
fn a_column_the_recognised_profile_does_not_know_is_still_suggested() {
    let canon = builtin("canon/users").unwrap();
    let source =
        "uid,氏名,mail\r\nyamada,山田 太郎,taro@example.com\r\n0123,佐藤,hanako@example.com\r\n";
    let r = convert(source.as_bytes(), &canon, options()).unwrap();
    assert_eq!(
        r.source.profile, "canon/users",
        "recognised by uid and mail"
    );
    assert_eq!(r.status, ConvertStatus::Ready, "{:?}", r.refusal);
    assert_eq!(
        String::from_utf8(r.bytes.clone()).unwrap(),
        "uid,cn,mail,CharSet:UTF8\r\nyamada,山田 太郎,taro@example.com\r\n[0123],佐藤,hanako@example.com\r\n"
    );
    assert_eq!(
        serde_json::to_string(&r.mapping.columns).unwrap(),
        r#"[{"target":"uid","from":"uid","suggestedBy":"identity"},{"target":"cn","from":"氏名","suggestedBy":"synonym"},{"target":"mail","from":"mail","suggestedBy":"identity"}]"#
    );
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}
