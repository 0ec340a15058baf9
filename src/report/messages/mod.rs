//! Messages in English and Japanese, rendered from a finding's data.
//!
//! Style (after cedar-policy's guide): the message says what is wrong, lowercase, no trailing
//! period, the user's input quoted; the help says how to fix it, in full sentences.

mod en;
mod ja;

use crate::decode::Lang;
use crate::report::Kind;

/// A rendered message and its help text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

/// Renders a finding in a language; `column` is the header label it concerns, if any.
pub fn render(kind: &Kind, lang: Lang, column: Option<&str>) -> Rendered {
    let column = column.unwrap_or("");
    let (message, help) = match lang {
        Lang::En => en::render(kind, column),
        Lang::Ja => ja::render(kind, column),
    };
    Rendered { message, help }
}

/// Names a character so that invisible and look-alike characters can be told apart.
pub(crate) fn char_name(ch: char, lang: Lang) -> String {
    let code = format!("U+{:04X}", ch as u32);
    let name: Option<(&str, &str)> = match ch {
        '\0' => Some(("NUL", "NUL 文字")),
        '\t' => Some(("tab", "タブ")),
        '\n' => Some(("line feed", "改行（LF）")),
        '\r' => Some(("carriage return", "改行（CR）")),
        ' ' => Some(("space", "半角スペース")),
        '\u{3000}' => Some(("full-width space", "全角スペース")),
        '\u{00A0}' => Some(("no-break space", "ノーブレークスペース")),
        '\u{FEFF}' => Some(("byte order mark", "BOM（バイト順マーク）")),
        '\u{FFFD}' => Some(("replacement character", "置換文字（文字化け）")),
        c if (c as u32) < 0x20 || (0x7F..=0x9F).contains(&(c as u32)) => {
            Some(("control character", "制御文字"))
        }
        _ => None,
    };
    match (name, lang) {
        (Some((en, _)), Lang::En) => format!("{en} ({code})"),
        (Some((_, ja)), Lang::Ja) => format!("{ja}（{code}）"),
        (None, Lang::En) => format!("\"{ch}\" ({code})"),
        (None, Lang::Ja) => format!("「{ch}」（{code}）"),
    }
}

/// A 1-based column number as Excel names the column: 1 → `A`, 27 → `AA` (0 → empty).
pub(crate) fn excel_column(index: u32) -> String {
    let mut letters = Vec::new();
    let mut n = index;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Joins values for a message, quoted, at most `max` of them.
pub(crate) fn quoted_list(values: &[String], max: usize) -> String {
    let mut out: Vec<String> = values
        .iter()
        .take(max)
        .map(|v| format!("\"{v}\""))
        .collect();
    if values.len() > max {
        out.push("…".to_string());
    }
    out.join(", ")
}

/// IDs with their rows, each written by `item`, joined by `separator`; `…` when there are more.
pub(crate) fn examples_with_rows(
    examples: &[(String, u64)],
    more: bool,
    item: impl Fn(&str, u64) -> String,
    separator: &str,
) -> String {
    let mut out: Vec<String> = examples.iter().map(|(v, r)| item(v, *r)).collect();
    if more {
        out.push("…".to_string());
    }
    out.join(separator)
}

#[cfg(test)]
mod tests;
