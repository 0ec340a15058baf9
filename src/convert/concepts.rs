//! What a column holds, recognised from its header label in English or Japanese, so that a
//! mapping can be suggested between files that name the same thing differently (`氏名` and
//! `Name`, `メールアドレス` and `mail_address`).

use crate::rules::width::narrow;

/// A kind of user data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Concept {
    Email,
    LoginId,
    FullName,
    DisplayName,
    FamilyName,
    GivenName,
    Phonetic,
    Language,
    Department,
    JobTitle,
    Company,
    Group,
    Password,
    Pin,
    Card,
    Suspended,
    Role,
    Tag,
    EmployeeNumber,
    Expiry,
}

/// Labels of each concept, as people write them (normalised before comparing).
const LABELS: &[(Concept, &[&str])] = &[
    (
        Concept::Email,
        &[
            "mail_address",
            "mail",
            "email",
            "e-mail",
            "email address",
            "e-mail address",
            "メールアドレス",
            "メール",
            "Eメール",
            "Eメールアドレス",
            "電子メール",
            "電子メールアドレス",
            "メアド",
            "PCメールアドレス",
            "mail address",
        ],
    ),
    (
        Concept::LoginId,
        &[
            "login id",
            "login",
            "user id",
            "uid",
            "id",
            "sign-in id",
            "account",
            "account id",
            "アカウント",
            "アカウントID",
            "ログインID",
            "ログイン名",
            "ユーザーID",
            "ユーザID",
            "サインインID",
            "user-id",
        ],
    ),
    (
        Concept::FullName,
        &[
            "name",
            "full name",
            "氏名",
            "名前",
            "姓名",
            "user name",
            "ユーザー名",
            "ユーザ名",
            "社員名",
            "従業員名",
            "氏名（漢字）",
            "お名前",
        ],
    ),
    (
        Concept::DisplayName,
        &["display name", "表示名", "cn", "common name"],
    ),
    (
        Concept::FamilyName,
        &[
            "family_name",
            "family name",
            "last name",
            "surname",
            "姓",
            "苗字",
            "名字",
            "氏",
            "sei",
        ],
    ),
    (
        Concept::GivenName,
        &[
            "given_name",
            "given name",
            "first name",
            "名",
            "下の名前",
            "mei",
        ],
    ),
    (
        Concept::Phonetic,
        &[
            "phonetic",
            "cn;lang-ja;phonetic",
            "フリガナ",
            "ふりがな",
            "よみがな",
            "読み",
            "読み仮名",
            "カナ",
            "氏名カナ",
            "氏名（カナ）",
            "furigana",
            "kana",
        ],
    ),
    (
        Concept::Language,
        &[
            "language",
            "lang",
            "言語",
            "使用言語",
            "メール言語",
            "メールの言語",
            "locale",
        ],
    ),
    (
        Concept::Department,
        &[
            "department",
            "department_name",
            "department name",
            "dept",
            "部署",
            "部署名",
            "所属",
            "部門",
            "部門名",
            "所属部署",
            "所属部門",
            "division",
        ],
    ),
    (
        Concept::JobTitle,
        &[
            "job_title_name",
            "job title",
            "title",
            "position",
            "役職",
            "役職名",
            "職位",
            "肩書",
        ],
    ),
    (
        Concept::Company,
        &[
            "company",
            "company_name",
            "company name",
            "会社",
            "会社名",
            "企業名",
            "organization",
            "所属会社",
        ],
    ),
    (
        Concept::Group,
        &[
            "group",
            "groups",
            "グループ",
            "belong to",
            "所属グループ",
            "グループ名",
        ],
    ),
    (
        Concept::Password,
        &[
            "password",
            "パスワード",
            "初期パスワード",
            "pass",
            "pwd",
            "initial password",
        ],
    ),
    (Concept::Pin, &["pin", "暗証番号"]),
    (
        Concept::Card,
        &[
            "iccard_number",
            "ic card number",
            "ic card",
            "card id",
            "cardidlist",
            "card number",
            "カード番号",
            "ICカード番号",
            "ICカード",
            "カードID",
        ],
    ),
    (
        Concept::Suspended,
        &[
            "suspended?",
            "suspended",
            "accountdisabled",
            "account disabled",
            "disabled",
            "locked",
            "アカウントロック",
            "利用停止",
        ],
    ),
    (Concept::Role, &["role", "roles", "rolename", "ロール"]),
    (Concept::Tag, &["tag", "tags", "タグ"]),
    (
        Concept::EmployeeNumber,
        &[
            "employee number",
            "employee id",
            "employee no",
            "社員番号",
            "従業員番号",
            "社員コード",
            "社員ID",
            "職員番号",
            "staff id",
        ],
    ),
    (
        Concept::Expiry,
        &[
            "accountexpires",
            "expiry date",
            "expires",
            "有効期限",
            "expiration date",
        ],
    ),
];

/// A label reduced to what matters for comparing: no surrounding spaces, byte order marks or
/// leading `#`; full-width ASCII made half-width; lower case; no spaces, `_`, `-`, `・`, `?`.
pub(crate) fn normalize(label: &str) -> String {
    let trimmed = crate::profile::trim_label(label).trim_start_matches('#');
    trimmed
        .chars()
        .map(narrow) // the ideographic space becomes a space, filtered next
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '・' | '?'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The concept a label names, if any.
pub(crate) fn concept_of(label: &str) -> Option<Concept> {
    let wanted = normalize(label);
    if wanted.is_empty() {
        return None;
    }
    LABELS
        .iter()
        .find(|(_, labels)| labels.iter().any(|l| normalize(l) == wanted))
        .map(|(c, _)| *c)
}

/// Language names and codes people write, and the code they stand for.
const LANGUAGES: &[(&str, &[&str])] = &[
    (
        "ja",
        &[
            "ja",
            "japanese",
            "日本語",
            "japan",
            "jp",
            "jpn",
            "日本",
            "ja-jp",
            "ja_jp",
            "にほんご",
        ],
    ),
    (
        "en",
        &[
            "en",
            "english",
            "英語",
            "eng",
            "en-us",
            "en-gb",
            "en_us",
            "en_gb",
            "えいご",
        ],
    ),
];

/// The language code a value stands for (`Japanese`, `日本語` → `ja`).
pub(crate) fn language_code(value: &str) -> Option<&'static str> {
    let v = normalize_value(value);
    LANGUAGES
        .iter()
        .find(|(_, names)| names.iter().any(|n| normalize_value(n) == v))
        .map(|(code, _)| *code)
}

/// Yes/no words and the flag they stand for (`TRUE` as Excel writes it, `はい`).
pub(crate) fn flag_value(value: &str) -> Option<&'static str> {
    match normalize_value(value).as_str() {
        "true" | "yes" | "y" | "はい" | "○" | "on" => Some("1"),
        "false" | "no" | "n" | "いいえ" | "×" | "off" => Some("0"),
        _ => None,
    }
}

fn normalize_value(value: &str) -> String {
    value
        .trim_matches(crate::rules::whitespace::is_space)
        .chars()
        .map(narrow)
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_labels_in_both_languages() {
        assert_eq!(concept_of("メールアドレス"), Some(Concept::Email));
        assert_eq!(concept_of("E-Mail Address"), Some(Concept::Email));
        assert_eq!(concept_of("ｍａｉｌ"), Some(Concept::Email));
        assert_eq!(concept_of("#email"), Some(Concept::Email));
        assert_eq!(concept_of("氏名"), Some(Concept::FullName));
        assert_eq!(concept_of("Last Name"), Some(Concept::FamilyName));
        assert_eq!(concept_of("姓"), Some(Concept::FamilyName));
        assert_eq!(concept_of("名"), Some(Concept::GivenName));
        assert_eq!(concept_of("言語"), Some(Concept::Language));
        assert_eq!(concept_of("社員番号"), Some(Concept::EmployeeNumber));
        assert_eq!(concept_of("suspended?"), Some(Concept::Suspended));
        assert_eq!(concept_of("入社日"), None);
        assert_eq!(concept_of(""), None);
        // Every label belongs to one concept only.
        let mut seen = std::collections::HashMap::new();
        for (concept, labels) in LABELS {
            for l in *labels {
                if let Some(other) = seen.insert(normalize(l), *concept) {
                    assert_eq!(other, *concept, "{l}");
                }
            }
        }
    }

    #[test]
    fn values_people_write() {
        assert_eq!(language_code("Japanese"), Some("ja"));
        assert_eq!(language_code(" 日本語 "), Some("ja"));
        assert_eq!(language_code("ＥＮＧＬＩＳＨ"), Some("en"));
        assert_eq!(language_code("French"), None);
        assert_eq!(flag_value("TRUE"), Some("1"));
        assert_eq!(flag_value("いいえ"), Some("0"));
        assert_eq!(flag_value("maybe"), None);
    }
}
