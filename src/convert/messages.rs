//! What conversion found ([`Issue`]) and its messages in English and Japanese, rendered from the
//! issue's data. Style as in the report: the message lowercase, no trailing period, the user's
//! input quoted; the help in full sentences.

use crate::convert::charnames::{alternative, describe};
use crate::convert::codes::{ChangeReason, ConvertCode};
use crate::decode::{Lang, TextEncoding};

/// The facts behind one conversion diagnostic.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Issue {
    Unrepresentable {
        ch: char,
        encoding: TextEncoding,
    },
    Cp932Only {
        ch: char,
    },
    /// A problem of the source file found while reading it, already rendered by the checker.
    SourceError {
        message: String,
        help: Option<String>,
    },
    ScientificNotation,
    /// `brackets_added`: the target's brackets were added to the cut number.
    DigitsTruncated {
        brackets_added: bool,
    },
    LeadingZerosLost {
        digits: usize,
        width: u32,
    },
    ValueBecameDate,
    SplitIncomplete {
        separator: String,
    },
    /// A source column no target column takes; `rows`: the rows that have a value in it.
    ColumnDropped {
        rows: u64,
    },
    TargetUnmapped,
    ValueNotMapped {
        value: String,
    },
    DateNotReformatted {
        format: String,
    },
    MappingColumnMissing {
        column: String,
    },
    ExtraCellDropped,
}

impl Issue {
    /// The stable code.
    pub(crate) fn code(&self) -> ConvertCode {
        match self {
            Issue::Unrepresentable { .. } => ConvertCode::UnrepresentableCharacter,
            Issue::Cp932Only { .. } => ConvertCode::Cp932OnlyCharacter,
            Issue::SourceError { .. } => ConvertCode::SourceError,
            Issue::ScientificNotation => ConvertCode::ScientificNotation,
            Issue::DigitsTruncated { .. } => ConvertCode::DigitsTruncated,
            Issue::LeadingZerosLost { .. } => ConvertCode::LeadingZerosLost,
            Issue::ValueBecameDate => ConvertCode::ValueBecameDate,
            Issue::SplitIncomplete { .. } => ConvertCode::SplitIncomplete,
            Issue::ColumnDropped { .. } => ConvertCode::ColumnDropped,
            Issue::TargetUnmapped => ConvertCode::TargetUnmapped,
            Issue::ValueNotMapped { .. } => ConvertCode::ValueNotMapped,
            Issue::DateNotReformatted { .. } => ConvertCode::DateNotReformatted,
            Issue::MappingColumnMissing { .. } => ConvertCode::MappingColumnMissing,
            Issue::ExtraCellDropped => ConvertCode::ExtraCellDropped,
        }
    }
}

/// How to get back values Excel damaged (also in the check's messages).
pub(crate) const TEXT_FORMAT_EN: &str =
    "Take the values from the original system again, and in Excel set the column's format to Text before pasting them.";
/// [`TEXT_FORMAT_EN`] in Japanese.
pub(crate) const TEXT_FORMAT_JA: &str =
    "元のシステムから値を取り直し、Excel では貼り付ける前に列の書式を「文字列」にしてください。";

/// Renders an issue: (message, help).
pub(crate) fn render(issue: &Issue, lang: Lang) -> (String, Option<String>) {
    match lang {
        Lang::En => en(issue),
        Lang::Ja => ja(issue),
    }
}

fn substitution_hint(ch: char) -> String {
    let alt = alternative(ch).unwrap_or_else(|| "…".to_string());
    format!("{ch}={alt}")
}

fn en(issue: &Issue) -> (String, Option<String>) {
    let s = |m: &str| Some(m.to_string());
    match issue {
        Issue::Unrepresentable { ch, encoding } => (
            format!("{} cannot be written in {}", describe(*ch, false), encoding.display_name()),
            Some(format!(
                "The target encoding has no code for this character. Replace it in the source file, add a substitution such as \"{}\", or convert to UTF-8 if the system accepts it.",
                substitution_hint(*ch)
            )),
        ),
        Issue::Cp932Only { ch } => (
            format!("{} exists only in Windows Shift_JIS (CP932)", describe(*ch, false)),
            Some(format!(
                "Systems that read standard Shift_JIS (JIS X 0208) show it as another character or reject the row. Write it differently, or add a substitution such as \"{}\".",
                substitution_hint(*ch)
            )),
        ),
        Issue::SourceError { message, help } => (
            format!("the source file cannot be read cleanly: {message}"),
            help.clone(),
        ),
        Issue::ScientificNotation => (
            "the value looks like a number Excel turned into scientific notation".to_string(),
            Some(format!("Excel shows long numbers such as IDs as 1.23E+11 and saves them that way, and the digits after the first few are lost. {TEXT_FORMAT_EN}")),
        ),
        Issue::DigitsTruncated { brackets_added: false } => (
            "the number has more than 15 digits and ends in zeros: Excel may have cut it to 15 significant digits".to_string(),
            Some(format!("Excel keeps only 15 significant digits of a number and replaces the rest with zeros (card numbers, long IDs). {TEXT_FORMAT_EN}")),
        ),
        Issue::DigitsTruncated { brackets_added: true } => (
            "the number ends in zeros after its 15th digit, as Excel leaves a longer number: the digits after the 15th are lost, and the brackets added for the target do not bring them back".to_string(),
            s("Excel keeps only 15 significant digits of a number and replaces the rest with zeros (card numbers, long IDs). Type the value again from the original system or document; the brackets only keep Excel from cutting it again."),
        ),
        Issue::LeadingZerosLost { digits, width } => (
            format!("the value has {digits} digits where the column has {width}: Excel may have dropped leading zeros"),
            Some(format!("Excel removes the zeros at the start of numbers such as 00123. Check the value in the original system; if zeros are missing, add them, or give the column \"zeroPad\": {width} in the mapping.")),
        ),
        Issue::ValueBecameDate => (
            "the value looks like something Excel turned into a date".to_string(),
            s("Excel reads values such as 1-2 or 3/4 as dates and saves them as 2-Jan or 2025/3/4. Check the value in the original system, and in Excel set the column's format to Text before entering it."),
        ),
        Issue::SplitIncomplete { separator } => (
            "the value has no separator to split at, so one part stays empty".to_string(),
            Some(format!("The mapping splits this value at {}. Put one between the parts (for example between family name and given name), or map the parts from separate columns.", separator_name(separator, Lang::En))),
        ),
        Issue::ColumnDropped { rows: 0 } => (
            "the column is not carried over to the converted file; it is empty in every row".to_string(),
            s("No target column takes it, and it holds no value, so nothing is lost."),
        ),
        Issue::ColumnDropped { rows } => (
            match rows {
                1 => "the column is not carried over to the converted file, and 1 row has a value in it".to_string(),
                _ => format!("the column is not carried over to the converted file, and {rows} rows have a value in it"),
            },
            s("No target column takes its values, so they are not in the converted file. If they are needed, map the column to a target column in the mapping."),
        ),
        Issue::TargetUnmapped => (
            "no source column feeds this column, so it stays empty".to_string(),
            s("Add a source column or a constant value for it to the mapping."),
        ),
        Issue::ValueNotMapped { value } => (
            "the value is not in the mapping's value table and is written unchanged".to_string(),
            Some(format!("Add it to the column's \"values\" table in the mapping, for example \"{value}\": \"…\".")),
        ),
        Issue::DateNotReformatted { format } => (
            "the value is not a date this tool can read and is written unchanged".to_string(),
            Some(format!("Write the date as year, month and day (for example 2025/1/5); it is then converted to {format}.")),
        ),
        Issue::MappingColumnMissing { column } => (
            format!("the mapping uses the column \"{column}\", which the file does not have"),
            s("Edit the mapping to use a column of this file, or choose the file the mapping was made for."),
        ),
        Issue::ExtraCellDropped => (
            "the cell is beyond the last column of the header and is not carried over".to_string(),
            s("Give the column a header label in the source file, or move the value into the right column."),
        ),
    }
}

fn ja(issue: &Issue) -> (String, Option<String>) {
    let s = |m: &str| Some(m.to_string());
    match issue {
        Issue::Unrepresentable { ch, encoding } => (
            format!("{}は {} で表せません", describe(*ch, true), encoding.display_name()),
            Some(format!(
                "変換先の文字コードにこの文字はありません。元のファイルで別の文字に置き換えるか、置換表に「{}」のような置換を追加するか、システムが受け付けるなら UTF-8 に変換してください。",
                substitution_hint(*ch)
            )),
        ),
        Issue::Cp932Only { ch } => (
            format!("{}は Windows 版 Shift_JIS（CP932）にしかない文字です", describe(*ch, true)),
            Some(format!(
                "標準の Shift_JIS（JIS X 0208）で読むシステムでは別の文字に化けるか、行が拒否されます。別の書き方にするか、置換表に「{}」のような置換を追加してください。",
                substitution_hint(*ch)
            )),
        ),
        Issue::SourceError { message, help } => (
            format!("元のファイルを正しく読めません：{message}"),
            help.clone(),
        ),
        Issue::ScientificNotation => (
            "Excel が指数表記に変えた数値のようです".to_string(),
            Some(format!("Excel は ID のような長い数値を 1.23E+11 のように表示し、そのまま保存するため、先頭の数桁より後ろは失われています。{TEXT_FORMAT_JA}")),
        ),
        Issue::DigitsTruncated { brackets_added: false } => (
            "15 桁を超える数値の末尾が 0 です。Excel が有効桁 15 桁に切り詰めた可能性があります".to_string(),
            Some(format!("Excel は数値の有効桁を 15 桁までしか保持せず、残りを 0 にします（カード番号、長い ID など）。{TEXT_FORMAT_JA}")),
        ),
        Issue::DigitsTruncated { brackets_added: true } => (
            "15 桁を超える数値の 16 桁目以降が 0 で、Excel が切り詰めた数値とみられます。16 桁目以降は失われており、変換先の規則で追加した [ ] では元に戻りません".to_string(),
            s("Excel は数値の有効桁を 15 桁までしか保持せず、残りを 0 にします（カード番号、長い ID など）。元のシステムや資料から値を入力し直してください。[ ] は Excel による切り詰めを今後防ぐだけです。"),
        ),
        Issue::LeadingZerosLost { digits, width } => (
            format!("値は {digits} 桁ですが、この列は {width} 桁です。Excel が先頭の 0 を削除した可能性があります"),
            Some(format!("Excel は 00123 のような数値の先頭の 0 を削除します。元のシステムで値を確認し、0 が欠けていれば補ってください。マッピングでこの列に \"zeroPad\": {width} を指定することもできます。")),
        ),
        Issue::ValueBecameDate => (
            "Excel が日付に変えた値のようです".to_string(),
            s("Excel は 1-2 や 3/4 のような値を日付とみなし、「1月2日」や「2025/3/4」として保存します。元のシステムで値を確認し、Excel では入力する前に列の書式を「文字列」にしてください。"),
        ),
        Issue::SplitIncomplete { separator } => (
            "値に区切りがないため、分割した片方が空になります".to_string(),
            Some(format!("マッピングはこの値を{}で分割します。姓と名の間などに区切りを入れるか、別々の列から対応付けてください。", separator_name(separator, Lang::Ja))),
        ),
        Issue::ColumnDropped { rows: 0 } => (
            "この列は変換後のファイルに引き継がれません（どの行も空欄です）".to_string(),
            s("この列を受け取る変換先の列はありませんが、値がないため失われるものはありません。"),
        ),
        Issue::ColumnDropped { rows } => (
            format!("この列は変換後のファイルに引き継がれず、値のある {rows} 行分の値が失われます"),
            s("この列の値を受け取る変換先の列がないため、変換後のファイルには入りません。必要であれば、マッピングで変換先の列に対応付けてください。"),
        ),
        Issue::TargetUnmapped => (
            "この列に対応する元の列がないため、空欄になります".to_string(),
            s("マッピングで元の列か固定値を指定してください。"),
        ),
        Issue::ValueNotMapped { value } => (
            "値がマッピングの値変換表になく、そのまま書き出されます".to_string(),
            Some(format!("マッピングのこの列の \"values\" 表に、たとえば \"{value}\": \"…\" のように追加してください。")),
        ),
        Issue::DateNotReformatted { format } => (
            "日付として読めない値のため、そのまま書き出されます".to_string(),
            Some(format!("日付を年・月・日の順（例：2025/1/5）で書いてください。{format} の形式に変換されます。")),
        ),
        Issue::MappingColumnMissing { column } => (
            format!("マッピングが使う列「{column}」がファイルにありません"),
            s("このファイルの列を使うようにマッピングを直すか、マッピングを作ったときのファイルを選んでください。"),
        ),
        Issue::ExtraCellDropped => (
            "ヘッダーの最後の列より後ろにあるセルのため、引き継がれません".to_string(),
            s("元のファイルのヘッダーでこの列に列名を付けるか、値を正しい列に移してください。"),
        ),
    }
}

fn separator_name(separator: &str, lang: Lang) -> String {
    match (separator, lang) {
        ("", Lang::En) => "a space (half-width or full-width)".to_string(),
        ("", Lang::Ja) => "スペース（半角または全角）".to_string(),
        (s, Lang::En) => format!("\"{s}\""),
        (s, Lang::Ja) => format!("「{s}」"),
    }
}

/// What a change reason means, in a few words.
pub(crate) fn reason_text(reason: ChangeReason, lang: Lang) -> &'static str {
    use ChangeReason::*;
    match (lang, reason) {
        (Lang::En, Trimmed) => "spaces at the start or end removed",
        (Lang::En, HalfWidth) => "full-width characters made half-width",
        (Lang::En, BomRemoved) => "stray byte order mark removed",
        (Lang::En, CaseFixed) => "letter case corrected to the accepted value",
        (Lang::En, DateReformatted) => "date rewritten in the target's format",
        (Lang::En, ValueMapped) => "value replaced through the mapping's table",
        (Lang::En, DefaultApplied) => "blank filled with the mapping's default",
        (Lang::En, ZeroPadded) => "leading zeros added up to the mapping's width",
        (Lang::En, Substituted) => "character replaced through your substitution table",
        (Lang::En, UnrepresentableReplaced) => {
            "character the target encoding cannot hold replaced by \"?\""
        }
        (Lang::En, BracketsAdded) => "brackets added as the target requires",
        (Lang::En, BracketsRemoved) => "brackets removed: the target does not use them",
        (Lang::En, MaskedCleared) => {
            "masked placeholder left blank so that it is not imported as a real value"
        }
        (Lang::En, BlankRowRemoved) => "empty row removed",
        (Lang::En, TrailingCellsRemoved) => "empty cells after the last column removed",
        (Lang::En, TrailingLinesRemoved) => "empty lines at the end removed",
        (Lang::En, HeaderMarkerAdded) => "header marker added: the target needs it for this encoding",
        (Lang::En, HeaderMarkerRemoved) => {
            "header marker removed: it declares another encoding than the one the file is written in"
        }
        (Lang::Ja, Trimmed) => "前後の空白を削除",
        (Lang::Ja, HalfWidth) => "全角文字を半角に変換",
        (Lang::Ja, BomRemoved) => "値の中の BOM を削除",
        (Lang::Ja, CaseFixed) => "大文字・小文字を受け付けられる値に修正",
        (Lang::Ja, DateReformatted) => "日付を変換先の形式に変換",
        (Lang::Ja, ValueMapped) => "マッピングの値変換表で置換",
        (Lang::Ja, DefaultApplied) => "空欄をマッピングの既定値で補完",
        (Lang::Ja, ZeroPadded) => "マッピングの桁数まで先頭に 0 を追加",
        (Lang::Ja, Substituted) => "置換表で文字を置換",
        (Lang::Ja, UnrepresentableReplaced) => "変換先の文字コードで表せない文字を「?」に置換",
        (Lang::Ja, BracketsAdded) => "変換先の規則に従い [ ] を追加",
        (Lang::Ja, BracketsRemoved) => "変換先では使わない [ ] を削除",
        (Lang::Ja, MaskedCleared) => {
            "伏せ字（********）が実際の値としてインポートされないよう空欄に変更"
        }
        (Lang::Ja, BlankRowRemoved) => "空行を削除",
        (Lang::Ja, TrailingCellsRemoved) => "最後の列より後ろの空のセルを削除",
        (Lang::Ja, TrailingLinesRemoved) => "末尾の空行を削除",
        (Lang::Ja, HeaderMarkerAdded) => "この文字コードのファイルに必要なヘッダーのマーカーを追加",
        (Lang::Ja, HeaderMarkerRemoved) => {
            "ファイルの文字コードとは別の文字コードを示すヘッダーのマーカーを削除"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_has_text_in_both_languages() {
        for &r in ChangeReason::ALL {
            for lang in [Lang::En, Lang::Ja] {
                let text = reason_text(r, lang);
                assert!(!text.is_empty() && !text.ends_with('.'), "{r}");
            }
        }
    }

    #[test]
    fn messages_follow_the_house_style() {
        let issues = [
            Issue::Unrepresentable {
                ch: '髙',
                encoding: TextEncoding::EucKr,
            },
            Issue::Cp932Only { ch: '①' },
            Issue::ScientificNotation,
            Issue::DigitsTruncated {
                brackets_added: false,
            },
            Issue::DigitsTruncated {
                brackets_added: true,
            },
            Issue::LeadingZerosLost {
                digits: 3,
                width: 5,
            },
            Issue::ValueBecameDate,
            Issue::SplitIncomplete {
                separator: String::new(),
            },
            Issue::ColumnDropped { rows: 0 },
            Issue::ColumnDropped { rows: 1 },
            Issue::ColumnDropped { rows: 2 },
            Issue::TargetUnmapped,
            Issue::ValueNotMapped { value: "x".into() },
            Issue::DateNotReformatted {
                format: "YYYYMMDD".into(),
            },
            Issue::MappingColumnMissing { column: "x".into() },
            Issue::ExtraCellDropped,
        ];
        for issue in &issues {
            for lang in [Lang::En, Lang::Ja] {
                let (message, help) = render(issue, lang);
                assert!(!message.ends_with('.') && !message.ends_with('。'));
                let first = message.chars().next().unwrap();
                assert!(lang == Lang::Ja || !first.is_ascii_uppercase(), "{message}");
                let help = help.unwrap();
                assert!(help.ends_with('.') || help.ends_with('。'), "{help}");
            }
        }
        let (m, h) = render(&issues[0], Lang::En);
        assert_eq!(
            m,
            "\"髙\" (U+9AD9 CJK UNIFIED IDEOGRAPH-9AD9) cannot be written in EUC-KR"
        );
        assert!(h.unwrap().contains("\"髙=高\""));
    }
}
