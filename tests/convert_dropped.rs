//! A source column that no target column takes: a warning that says how many rows lose a value,
//! an info when the column is empty in every row.

use csv_preflight::convert::{convert, ConvertOptions, ConvertStatus};
use csv_preflight::{builtin, Lang, Severity};

fn dropped(lang: Lang) -> Vec<String> {
    let source = "メールアドレス,氏名,言語,入社日,備考,旧ID\r\n\
                  a@example.com,山田 太郎,日本語,2020/4/1,,x\r\n\
                  b@example.com,佐藤 花子,日本語,2021/4/1,,\r\n\
                  c@example.com,鈴木 一,英語,, \u{3000},\r\n";
    let target = builtin("fujifilm-iwpro/add-users").unwrap();
    let options = ConvertOptions {
        date: Some("2026-11-21".into()),
        lang,
        ..ConvertOptions::default()
    };
    let r = convert(source.as_bytes(), &target, options).unwrap();
    assert_eq!(r.status, ConvertStatus::Ready, "{:?}", r.refusal);
    assert_eq!((r.summary.warnings, r.summary.infos), (2, 1));
    r.diagnostics
        .iter()
        .map(|d| {
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            format!(
                "{severity} {} [{}] {}",
                d.code,
                d.source_column.as_deref().unwrap_or("-"),
                d.message
            )
        })
        .collect()
}

#[test]
fn a_dropped_column_that_holds_values_is_a_warning_with_their_count() {
    assert_eq!(
        dropped(Lang::En),
        [
            "warning column-dropped [入社日] the column is not carried over to the converted file, and 2 rows have a value in it",
            // Spaces are no value.
            "info column-dropped [備考] the column is not carried over to the converted file; it is empty in every row",
            "warning column-dropped [旧ID] the column is not carried over to the converted file, and 1 row has a value in it",
        ]
    );
    assert_eq!(
        dropped(Lang::Ja),
        [
            "warning column-dropped [入社日] この列は変換後のファイルに引き継がれず、値のある 2 行分の値が失われます",
            "info column-dropped [備考] この列は変換後のファイルに引き継がれません（どの行も空欄です）",
            "warning column-dropped [旧ID] この列は変換後のファイルに引き継がれず、値のある 1 行分の値が失われます",
        ]
    );
}
