//! `csv-preflight convert`: converts a file to a target profile, streaming, and writes it only when
//! it re-checks clean (or `--force`). The output goes to a temporary file next to the destination
//! and is published at the end, so a refused or failed conversion leaves nothing behind; an
//! existing file is replaced only with `--overwrite`, even one that appeared meanwhile (see
//! [`crate::output_file`]).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use csv_preflight::convert::{
    ConvertOptions, ConvertResult, ConvertStatus, Converter, Mapping, SplitPart,
};
use csv_preflight::profile::Delimiter;
use csv_preflight::{Lang, TextEncoding};

use crate::output_file::Output;
use crate::{load_profile, parse_params, text_report, Fatal, Format, LangArg};

/// A repair that can be turned off.
#[derive(Clone, Copy, ValueEnum)]
pub enum RepairArg {
    /// Trimming spaces.
    Trim,
    /// Full-width to half-width in half-width-only columns.
    HalfWidth,
    /// Removing stray byte order marks.
    StrayBom,
    /// Removing empty lines at the end.
    TrailingEmpty,
    /// Removing empty rows between data rows.
    BlankRows,
    /// Rewriting year-first dates.
    ExcelDates,
    /// Correcting the letter case of accepted values.
    LetterCase,
}

/// `yes` or `no`.
#[derive(Clone, Copy, ValueEnum)]
pub enum YesNo {
    /// Yes.
    Yes,
    /// No.
    No,
}

/// The options of `convert`.
#[derive(Args)]
pub struct ConvertArgs {
    /// Target profile: a built-in id (see `profiles`) or the path of a profile JSON file.
    #[arg(long)]
    to: String,
    /// Source: `auto` (recognise a built-in profile, else the file's own header), `header`, a
    /// built-in profile id, or the path of a profile JSON file.
    #[arg(long, default_value = "auto")]
    from: String,
    /// A mapping JSON file (see `--print-map` for one to start from).
    #[arg(long, value_name = "FILE")]
    map: Option<PathBuf>,
    /// Print the mapping (suggested, or the one given) as JSON and stop.
    #[arg(long)]
    print_map: bool,
    /// The source's encoding, when identification guesses wrong (short EUC-KR files read as
    /// Big5 too); default: identified from the bytes.
    #[arg(long)]
    source_encoding: Option<String>,
    /// Output encoding (utf-8, shift_jis, euc-kr, big5, gbk, gb18030, euc-jp); default: the
    /// source's when the target accepts it, else the target's first.
    #[arg(long)]
    encoding: Option<String>,
    /// Whether a UTF-8 output starts with a byte order mark.
    #[arg(long, value_enum)]
    bom: Option<YesNo>,
    /// Replace a character the target encoding cannot hold: `CHAR=TEXT`, e.g. `髙=高` (repeatable).
    #[arg(long = "substitute", value_name = "CHAR=TEXT")]
    substitutes: Vec<String>,
    /// The target reads standard Shift_JIS: CP932-only characters (①, ㈱, 髙) are errors.
    #[arg(long)]
    strict_shift_jis: bool,
    /// Turn a repair off (repeatable).
    #[arg(long = "no-repair", value_enum, value_name = "REPAIR")]
    no_repairs: Vec<RepairArg>,
    /// Write the file even when it still has errors.
    #[arg(long)]
    force: bool,
    /// Replace the output file when it exists (without this, an existing file is never replaced
    /// and the run stops with exit code 2).
    #[arg(long)]
    overwrite: bool,
    /// The date in the suggested file name (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// A tenant parameter of the target profile, `name=value`.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// Message language.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
    /// Output format of the summary.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Where to write: a file, or an existing directory (the suggested file name is used).
    #[arg(
        short = 'o',
        long,
        value_name = "OUT",
        required_unless_present = "print_map"
    )]
    output: Option<PathBuf>,
    /// The source file (`-` reads standard input).
    file: PathBuf,
}

/// Today as `YYYY-MM-DD` (UTC), from the system clock.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days to civil date (H. Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn options(args: &ConvertArgs, target: &csv_preflight::Profile) -> Result<ConvertOptions, Fatal> {
    let lang = args.lang.lang();
    let mapping = match &args.map {
        Some(path) => {
            let json = std::fs::read_to_string(path)
                .map_err(Fatal::reading_a(("mapping", "マッピング"), path))?;
            Some(Mapping::from_json(&json)?)
        }
        None => None,
    };
    let encoding_arg = |arg: &Option<String>| match arg {
        Some(label) => TextEncoding::from_label(label).map(Some).ok_or_else(|| {
            Fatal::said(
                format!("unknown encoding \"{label}\""),
                format!("文字コード「{label}」には対応していません"),
            )
        }),
        None => Ok(None),
    };
    let encoding = encoding_arg(&args.encoding)?;
    let source_encoding = encoding_arg(&args.source_encoding)?;
    let mut substitutions = BTreeMap::new();
    for item in &args.substitutes {
        let (from, to) = item.split_once('=').ok_or_else(|| {
            Fatal::said(
                format!("substitution \"{item}\" is not of the form CHAR=TEXT"),
                format!("置換「{item}」は 文字=置換後の文字列 の形で指定してください"),
            )
        })?;
        substitutions.insert(from.to_string(), to.to_string());
    }
    let mut repairs = csv_preflight::convert::Repairs::default();
    for r in &args.no_repairs {
        match r {
            RepairArg::Trim => repairs.trim = false,
            RepairArg::HalfWidth => repairs.half_width = false,
            RepairArg::StrayBom => repairs.stray_bom = false,
            RepairArg::TrailingEmpty => repairs.trailing_empty = false,
            RepairArg::BlankRows => repairs.blank_rows = false,
            RepairArg::ExcelDates => repairs.excel_dates = false,
            RepairArg::LetterCase => repairs.letter_case = false,
        }
    }
    let from = if args.from.ends_with(".json") {
        "auto".to_string()
    } else {
        args.from.clone()
    };
    Ok(ConvertOptions {
        from,
        mapping,
        source_encoding,
        encoding,
        bom: args.bom.map(|b| matches!(b, YesNo::Yes)),
        force: args.force,
        date: Some(args.date.clone().unwrap_or_else(today)),
        source_file_name: (args.file.as_os_str() != "-")
            .then(|| {
                args.file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
            })
            .flatten(),
        substitutions,
        strict_shift_jis: args.strict_shift_jis,
        repairs,
        params: parse_params(target, &args.params)?,
        lang,
        ..ConvertOptions::default()
    })
}

/// Runs `convert`; `Ok(true)` when the file was written and re-checks clean.
pub fn run(args: ConvertArgs, stdout: &mut impl Write) -> Result<bool, Fatal> {
    let target = load_profile(&args.to)?;
    let options = options(&args, &target)?;
    let lang = options.lang;
    let mut converter = if args.from.ends_with(".json") {
        let source = load_profile(&args.from)?;
        Converter::with_source(&source, &target, options)?
    } else {
        Converter::new(&target, options)?
    };
    let mut input: Box<dyn Read> = if args.file.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(&args.file).map_err(Fatal::reading(&args.file))?)
    };
    let mut sink = match &args.output {
        Some(out) if !args.print_map => Some(Output::open(out, args.overwrite)?),
        _ => None,
    };
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = input.read(&mut buf).map_err(Fatal::reading(&args.file))?;
        if n == 0 {
            break;
        }
        converter.push(buf.get(..n).unwrap_or(&[]));
        let bytes = converter.take_output();
        if let Some(output) = sink.as_mut() {
            output.write_all(&bytes)?;
        }
    }
    let result = converter.finish()?;
    if args.print_map {
        writeln!(stdout, "{}", result.mapping.to_json())?;
        return Ok(true);
    }
    let mut written = None;
    // A refused conversion drops the output: its temporary file is removed (a device is left).
    if let Some(mut output) = sink
        .take()
        .filter(|_| result.status != ConvertStatus::Refused)
    {
        output.write_all(&result.bytes)?;
        written = Some(output.finish(&result.file_name, args.overwrite)?);
    }
    match args.format {
        Format::Json => writeln!(stdout, "{}", serde_json::to_string_pretty(&result)?)?,
        Format::Text => write_text(stdout, &args.file, &result, written.as_deref(), lang)?,
    }
    Ok(result.status == ConvertStatus::Ready)
}

fn words(lang: Lang, en: &'static str, ja: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}

fn row_label(lang: Lang, row: u64) -> String {
    match lang {
        Lang::En => format!("row {row} "),
        Lang::Ja => format!("{row} 行目 "),
    }
}

fn source_of(c: &csv_preflight::convert::ColumnMapping, lang: Lang) -> String {
    if let Some(from) = &c.from {
        return format!("\"{from}\"");
    }
    if !c.join.is_empty() {
        let parts: Vec<String> = c.join.iter().map(|j| format!("\"{j}\"")).collect();
        return parts.join(" + ");
    }
    if let Some(split) = &c.split {
        let part = match split.part {
            SplitPart::First => words(lang, "first", "先頭の語"),
            SplitPart::Rest => words(lang, "rest", "先頭の語より後"),
            SplitPart::Last => words(lang, "last", "最後の語"),
            SplitPart::AllButLast => words(lang, "all but last", "最後の語より前"),
        };
        return match lang {
            Lang::En => format!("\"{}\" ({part})", split.from),
            Lang::Ja => format!("\"{}\"（{part}）", split.from),
        };
    }
    if let Some(constant) = &c.constant {
        return format!("= \"{constant}\"");
    }
    words(lang, "(empty)", "（空欄）").to_string()
}

fn write_text(
    out: &mut impl Write,
    file: &Path,
    r: &ConvertResult,
    written: Option<&Path>,
    lang: Lang,
) -> std::io::Result<()> {
    let format = |f: &csv_preflight::convert::FileFormat| {
        let encoding = f.encoding.map_or("ASCII", |e| e.display_name());
        let eol = f
            .line_ending
            .map_or("-".to_string(), |x| format!("{x:?}").to_uppercase());
        match lang {
            Lang::En => {
                let bom = if f.bom.is_some() { ", BOM" } else { "" };
                let delimiter = f.delimiter.unwrap_or(Delimiter::Comma).name(lang);
                format!("[{}] {encoding}{bom}, {delimiter}, {eol}", f.profile)
            }
            Lang::Ja => {
                let bom = if f.bom.is_some() { "、BOM" } else { "" };
                let delimiter = f.delimiter.unwrap_or(Delimiter::Comma).name(lang);
                format!("[{}] {encoding}{bom}、{delimiter}区切り、{eol}", f.profile)
            }
        }
    };
    writeln!(out, "{}  {}", file.display(), format(&r.source))?;
    writeln!(
        out,
        "→ {}  {}{}{} {}",
        r.file_name,
        format(&r.output),
        words(lang, ", ", "、"),
        r.summary.rows,
        words(lang, "rows", "行")
    )?;
    writeln!(out, "{}", words(lang, "mapping:", "対応付け:"))?;
    for c in &r.mapping.columns {
        let values = if c.values.is_empty() {
            String::new()
        } else {
            let pairs: Vec<String> = c
                .values
                .iter()
                .map(|(k, v)| format!("\"{k}\"→\"{v}\""))
                .collect();
            format!("  {} {}", words(lang, "values", "値"), pairs.join(", "))
        };
        writeln!(out, "  {} ← {}{values}", c.target, source_of(c, lang))?;
    }
    if !r.changes.is_empty() {
        match lang {
            Lang::En => writeln!(out, "changes ({}):", r.summary.changes)?,
            Lang::Ja => writeln!(out, "変更（{} 件）:", r.summary.changes)?,
        }
        for c in &r.changes {
            let row = c.row.map_or(String::new(), |r| row_label(lang, r));
            let column = c
                .column
                .as_ref()
                .map_or(String::new(), |c| format!("[{c}] "));
            let values = if c.before.is_empty() && c.after.is_empty() {
                String::new()
            } else {
                format!("\"{}\" → \"{}\": ", c.before, c.after)
            };
            writeln!(out, "  {row}{column}{values}{}", c.message)?;
        }
        if r.changes_capped {
            writeln!(out, "  …")?;
        }
    }
    if !r.diagnostics.is_empty() {
        writeln!(out, "{}", words(lang, "conversion:", "変換:"))?;
        for d in &r.diagnostics {
            let row = d.row.map_or(String::new(), |r| row_label(lang, r));
            let column = d
                .column
                .as_ref()
                .or(d.source_column.as_ref())
                .map_or(String::new(), |c| format!("[{c}] "));
            let value = d
                .value
                .as_ref()
                .map_or(String::new(), |v| format!("\"{v}\" "));
            writeln!(
                out,
                "  {} {}: {row}{column}{value}{}",
                text_report::severity_label(d.severity, lang),
                d.code,
                d.message
            )?;
            if let Some(help) = &d.help {
                writeln!(out, "      {help}")?;
            }
        }
    }
    text_report::write(out, &r.file_name, &r.report, lang)?;
    let wrote = words(lang, "wrote", "書き出しました:");
    let not_written = words(lang, "not written:", "書き出していません:");
    match (written, &r.refusal) {
        (Some(path), None) => writeln!(out, "{wrote} {}", path.display()),
        (Some(path), Some(why)) => writeln!(out, "{wrote} {}: {why}", path.display()),
        (None, Some(why)) => {
            // The library's reason says "force the conversion"; here that is a flag.
            let flag = words(
                lang,
                "(--force writes it anyway)",
                "（--force を付けると、それでも書き出します）",
            );
            writeln!(out, "{not_written} {why} {flag}")
        }
        (None, None) => Ok(()),
    }
}
