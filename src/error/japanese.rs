//! The errors in Japanese, for a CLI run with `--lang ja` and for Rust callers that show them.
//!
//! The details an error quotes (a profile's own problem, a regular expression's, the options')
//! are written by the code that found them, in English; they are quoted as they are and marked
//! so, as the demo page does.

use super::ErrorKind;
use crate::profile::ParamType;

/// What a parameter of `kind` takes, in Japanese, spaced as it stands after 「には」 and before
/// 「を」 (a space between Japanese and numbers or Latin words).
fn param_type(kind: ParamType) -> &'static str {
    match kind {
        ParamType::Integer => " 0 以上の整数",
        ParamType::Boolean => " true または false ",
        ParamType::String => "文字列",
        ParamType::StringList => "文字列のリスト（カンマ区切り）",
    }
}

/// `kind`'s message in Japanese.
pub(super) fn message(kind: &ErrorKind) -> String {
    match kind {
        ErrorKind::UnknownProfile { id } => format!("プロファイル「{id}」はありません"),
        ErrorKind::InvalidProfile { message } => {
            format!("プロファイルが正しくありません。詳細（英語）：{message}")
        }
        ErrorKind::UnsupportedFormatVersion { found, supported } => format!(
            "プロファイルの形式バージョン {found} には対応していません（このバージョンが読めるのは {supported} です）"
        ),
        ErrorKind::UnknownParameter { name, known } => {
            let known = if known.is_empty() {
                "なし".to_string()
            } else {
                known.join("、")
            };
            format!("パラメーター「{name}」はありません（このプロファイルのパラメーター：{known}）")
        }
        ErrorKind::InvalidParameter { name, expected } => format!(
            "パラメーター「{name}」には{}を指定してください",
            param_type(*expected)
        ),
        ErrorKind::InvalidPattern { pattern, message } => {
            format!("正規表現「{pattern}」が正しくありません。詳細（英語）：{message}")
        }
        ErrorKind::InvalidOptions { message } => {
            format!("オプションが正しくありません。詳細（英語）：{message}")
        }
        ErrorKind::InvalidBaseline { message } => {
            format!("現在のエクスポートを使えません。詳細（英語）：{message}")
        }
        ErrorKind::Internal { message } => format!(
            "csv-preflight の内部エラーです（不具合です。お手数ですがご報告ください）。詳細（英語）：{message}"
        ),
    }
}
