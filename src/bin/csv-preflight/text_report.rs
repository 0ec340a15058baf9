//! The terminal format: file facts, diagnostics grouped by row, a closing summary line.

use std::io::Write;

use csv_preflight::plan::{Plan, PlanList};
use csv_preflight::profile::ImportMode;
use csv_preflight::{Lang, Report, Severity};

/// The severity as the demo page names it too (an `info` finding is a "note").
pub(crate) fn severity_label(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Info, Lang::En) => "note",
        (Severity::Error, Lang::Ja) => "エラー",
        (Severity::Warning, Lang::Ja) => "警告",
        (Severity::Info, Lang::Ja) => "お知らせ",
    }
}

/// Writes one report.
pub fn write(out: &mut impl Write, name: &str, report: &Report, lang: Lang) -> std::io::Result<()> {
    let d = &report.detected;
    let encoding = d.encoding.map_or("-", |e| e.display_name());
    let bom = match (d.bom.is_some(), lang) {
        (true, _) => "BOM",
        (false, Lang::En) => "no BOM",
        (false, Lang::Ja) => "BOM なし",
    };
    let delimiter = d.delimiter.map_or("-", |x| x.name(lang));
    let eol = d
        .line_ending
        .map_or("-".to_string(), |x| format!("{x:?}").to_uppercase());
    writeln!(out, "{name}  [{}]", report.profile)?;
    match lang {
        Lang::En => writeln!(
            out,
            "  {encoding}, {bom}, {delimiter}, {eol}, {} data rows",
            report.summary.rows
        )?,
        Lang::Ja => writeln!(
            out,
            "  {encoding}、{bom}、{delimiter}区切り、{eol}、データ行 {} 行",
            report.summary.rows
        )?,
    }
    let mut current_row: Option<Option<u64>> = None;
    for diag in &report.diagnostics {
        if current_row != Some(diag.row) {
            current_row = Some(diag.row);
            match (diag.row, lang) {
                (Some(row), Lang::En) => writeln!(out, "  row {row}:")?,
                (Some(row), Lang::Ja) => writeln!(out, "  {row} 行目:")?,
                (None, Lang::En) => writeln!(out, "  file:")?,
                (None, Lang::Ja) => writeln!(out, "  ファイル:")?,
            }
        }
        // A header finding's value is the label itself: shown once, in quotes (spaces around it
        // visible), not also as the column.
        let label = diag.value.is_some() && diag.value == diag.column;
        let column = diag
            .column
            .as_ref()
            .filter(|_| !label)
            .map_or(String::new(), |c| format!(" {c}"));
        let value = diag
            .value
            .as_ref()
            .map_or(String::new(), |v| format!(" \"{v}\""));
        writeln!(
            out,
            "    {} [{}]{column}{value}: {}",
            severity_label(diag.severity, lang),
            diag.code,
            diag.message
        )?;
        if let Some(help) = &diag.help {
            writeln!(out, "      {help}")?;
        }
    }
    if report.diagnostics_capped {
        let hidden = report.summary.errors + report.summary.warnings + report.summary.infos
            - report.diagnostics.len() as u64;
        match lang {
            Lang::En => writeln!(out, "  … {hidden} more not shown")?,
            Lang::Ja => writeln!(out, "  … ほか {hidden} 件は表示していません")?,
        }
    }
    if let Some(plan) = &report.plan {
        write_plan(out, plan, lang)?;
    }
    let s = &report.summary;
    let verdict = match (report.valid, lang) {
        (true, Lang::En) => "valid",
        (false, Lang::En) => "NOT valid",
        (true, Lang::Ja) => "問題なし",
        (false, Lang::Ja) => "エラーあり",
    };
    match lang {
        Lang::En => writeln!(
            out,
            "{verdict}: {} error(s), {} warning(s), {} of {} rows with errors",
            s.errors, s.warnings, s.rows_with_errors, s.rows
        )?,
        Lang::Ja => writeln!(
            out,
            "{verdict}：エラー {} 件、警告 {} 件、エラーのある行 {} / {} 行",
            s.errors, s.warnings, s.rows_with_errors, s.rows
        )?,
    }
    Ok(())
}

fn write_list(
    out: &mut impl Write,
    label: &str,
    list: &PlanList,
    lang: Lang,
) -> std::io::Result<()> {
    if list.count == 0 {
        return Ok(());
    }
    let more = list.count.saturating_sub(list.keys.len() as u64);
    let tail = match (more, lang) {
        (0, _) => String::new(),
        (_, Lang::En) => format!(", … {more} more"),
        (_, Lang::Ja) => format!(", … ほか {more} 件"),
    };
    writeln!(
        out,
        "    {label} {}: {}{tail}",
        list.count,
        list.keys.join(", ")
    )
}

/// Writes what the import would do, compared with the baseline.
fn write_plan(out: &mut impl Write, plan: &Plan, lang: Lang) -> std::io::Result<()> {
    let mode = match (plan.mode, lang) {
        (ImportMode::Merge, Lang::En) => "add/update",
        (ImportMode::Replace, Lang::En) => "replace (records not in the file are deleted)",
        (ImportMode::Delete, Lang::En) => "delete",
        (ImportMode::Merge, Lang::Ja) => "追加・更新",
        (ImportMode::Replace, Lang::Ja) => "置換（ファイルにないレコードは削除）",
        (ImportMode::Delete, Lang::Ja) => "削除",
    };
    let labels = match lang {
        Lang::En => [
            "plan",
            "records in the export",
            "add",
            "update",
            "unchanged",
            "delete",
            "records after import",
            "counted seats",
            "rejected (the whole import fails)",
            "would delete once nothing is rejected",
            "rows without a key (added as new)",
            "refused (key-conflict: neither added nor updated)",
        ],
        Lang::Ja => [
            "計画",
            "エクスポートのレコード",
            "追加",
            "更新",
            "変更なし",
            "削除",
            "インポート後のレコード",
            "ライセンス対象",
            "不一致（インポート全体が失敗）",
            "不一致がなくなれば削除",
            "キーのない行（新規として追加）",
            "登録されない行（key-conflict：追加も更新もされません）",
        ],
    };
    let [title, base, add, update, unchanged, delete, after, seats, rejected, would_delete, keyless, refused] =
        labels;
    match lang {
        Lang::En => writeln!(out, "  {title} ({mode}): {} {base}", plan.baseline_records)?,
        Lang::Ja => writeln!(
            out,
            "  {title}（{mode}）：{base} {} 件",
            plan.baseline_records
        )?,
    }
    write_list(out, add, &plan.add, lang)?;
    if plan.rows_without_key > 0 {
        writeln!(out, "    {keyless}: {}", plan.rows_without_key)?;
    }
    write_list(out, update, &plan.update, lang)?;
    write_list(out, unchanged, &plan.unchanged, lang)?;
    write_list(out, refused, &plan.conflicts, lang)?;
    // A delete import with a rejected row deletes nothing.
    let fails = plan.mode == ImportMode::Delete && plan.rejected.count > 0;
    write_list(
        out,
        if fails { would_delete } else { delete },
        &plan.delete,
        lang,
    )?;
    write_list(out, rejected, &plan.rejected, lang)?;
    writeln!(out, "    {after}: {}", plan.records_after)?;
    if let Some(s) = &plan.seats {
        match s.limit {
            Some(limit) => writeln!(out, "    {seats}: {} / {limit}", s.counted)?,
            None => writeln!(out, "    {seats}: {}", s.counted)?,
        }
    }
    Ok(())
}
