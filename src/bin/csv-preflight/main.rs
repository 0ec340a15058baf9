//! `csv-preflight`: a thin command-line shell over the library.
//!
//! Exit codes: 0 every file valid, 1 a file has errors, 2 the run could not happen.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::sync::Arc;

use csv_preflight::bundle::{builtin_bundle, builtin_bundle_ids};
use csv_preflight::plan::Baseline;
use csv_preflight::profile::{parse_param_value, Params};
use csv_preflight::{
    builtin, builtins, result_csv, result_csv_with_baseline, CheckOptions, Checker, Error,
    ErrorKind, Lang, Profile, Report,
};

mod bundle_run;
mod convert_run;
mod fatal;
mod output_file;
mod text_report;
mod usage_ja;

use fatal::Fatal;

#[derive(Parser)]
#[command(
    name = "csv-preflight",
    version,
    about = "Check user-import CSV files before you upload them"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Ja,
}

#[derive(Subcommand)]
enum Command {
    /// Check files against a profile.
    Check {
        /// Built-in profile id (see `profiles`) or the path of a profile JSON file.
        #[arg(long)]
        profile: String,
        /// A tenant parameter, `name=value` (lists: comma-separated).
        #[arg(long = "param", value_name = "NAME=VALUE")]
        params: Vec<String>,
        /// Message language.
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Most row-level diagnostics kept per file.
        #[arg(long, default_value_t = 1000)]
        max_diagnostics: usize,
        /// Also write the result CSV (original rows + result, codes, messages) to this file, or,
        /// for several files, into this directory as NAME-result.csv (.tsv, .txt as the input).
        #[arg(long, value_name = "PATH")]
        result_csv: Option<PathBuf>,
        /// Replace a result CSV that is already there.
        #[arg(long, requires = "result_csv")]
        overwrite: bool,
        /// The system's current export, for a plan of what the import does: `FILE`, or
        /// `ROLE=FILE` for a bundle (repeatable).
        #[arg(long = "baseline", value_name = "[ROLE=]FILE")]
        baselines: Vec<String>,
        /// The files (`-` reads standard input); for a bundle, `ROLE=FILE` or just `FILE` (the
        /// role is recognised by the header).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Convert a file to a target profile: map columns, repair, re-encode, re-check.
    Convert(convert_run::ConvertArgs),
    /// List the built-in profiles.
    Profiles {
        /// Language of the list's titles and of the errors.
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
        /// Print one profile's JSON.
        #[arg(long, value_name = "ID")]
        json: Option<String>,
        /// Print one profile's (or bundle's) documentation as Markdown.
        #[arg(long, value_name = "ID", conflicts_with = "json")]
        doc: Option<String>,
    },
}

impl LangArg {
    fn lang(self) -> Lang {
        match self {
            LangArg::En => Lang::En,
            LangArg::Ja => Lang::Ja,
        }
    }
}

impl Command {
    /// The language of the run's messages, its errors too.
    fn lang(&self) -> Lang {
        match self {
            Command::Check { lang, .. } => lang.lang(),
            Command::Convert(args) => args.lang.lang(),
            Command::Profiles { lang, .. } => lang.lang(),
        }
    }
}

fn load_profile(spec: &str) -> Result<Profile, Fatal> {
    if spec.ends_with(".json") {
        let json = std::fs::read_to_string(spec).map_err(Fatal::reading_a(
            ("profile", "プロファイル"),
            Path::new(spec),
        ))?;
        return Ok(Profile::from_json(&json)?);
    }
    Ok(builtin(spec)?)
}

fn parse_params(profile: &Profile, given: &[String]) -> Result<Params, Fatal> {
    parse_params_of(&profile.parameters, given)
}

/// Parses `name=value` items against the declared parameters.
fn parse_params_of(
    parameters: &[csv_preflight::profile::Parameter],
    given: &[String],
) -> Result<Params, Fatal> {
    let mut params = Params::new();
    for item in given {
        let (name, value) = item.split_once('=').ok_or_else(|| {
            Fatal::said(
                format!("parameter \"{item}\" is not of the form name=value"),
                format!("パラメーター「{item}」は 名前=値 の形で指定してください"),
            )
        })?;
        let decl = parameters.iter().find(|p| p.name == name).ok_or_else(|| {
            Error::new(ErrorKind::UnknownParameter {
                name: name.to_string(),
                known: parameters.iter().map(|p| p.name.clone()).collect(),
            })
        })?;
        let parsed = parse_param_value(decl.kind, value).ok_or_else(|| {
            Error::new(ErrorKind::InvalidParameter {
                name: name.to_string(),
                expected: decl.kind,
            })
        })?;
        params.insert(name.to_string(), parsed);
    }
    Ok(params)
}

/// Where `--result-csv OUT` writes each file's result CSV: `OUT` itself for one file, or
/// `NAME-result.csv` in the directory `OUT` (`.tsv` or `.txt` for such an input: the result keeps
/// its delimiter, and Excel splits a `.csv` on commas only). Refused: several files into one file
/// or two onto one name (each would replace the one before), a result CSV in place of one of the
/// files checked, and a file already there unless `overwrite`.
fn result_csv_paths(out: &Path, files: &[PathBuf], overwrite: bool) -> Result<Vec<PathBuf>, Fatal> {
    let paths: Vec<PathBuf> = if out.is_dir() {
        files
            .iter()
            .map(|file| {
                let stdin = file.as_os_str() == "-";
                let stem = file
                    .file_stem()
                    .filter(|_| !stdin)
                    .map_or_else(|| "stdin".into(), |s| s.to_string_lossy());
                let extension = file
                    .extension()
                    .map(|e| e.to_string_lossy().to_ascii_lowercase())
                    .filter(|e| !stdin && (e == "tsv" || e == "txt"))
                    .unwrap_or_else(|| "csv".to_string());
                out.join(format!("{stem}-result.{extension}"))
            })
            .collect()
    } else if files.len() > 1 {
        return Err(Fatal::said(
            format!(
                "--result-csv \"{}\" names one file, but {} files are checked: give a directory (each file's result is written there as NAME-result.csv)",
                out.display(),
                files.len()
            ),
            format!(
                "--result-csv「{}」は 1 つのファイルですが、{} 個のファイルをチェックします。ディレクトリを指定してください（各ファイルの結果は NAME-result.csv として書き出します）",
                out.display(),
                files.len()
            ),
        ));
    } else {
        vec![out.to_path_buf()]
    };
    // Each input resolved once (links, `..`); a result path that does not exist yet is no input.
    let inputs: Vec<(&PathBuf, PathBuf)> = files
        .iter()
        .filter_map(|f| Some((f, f.canonicalize().ok()?)))
        .collect();
    for (i, path) in paths.iter().enumerate() {
        if let Some(j) = paths
            .get(..i)
            .and_then(|before| before.iter().position(|p| p == path))
        {
            let (first, second) = (files.get(j), files.get(i));
            let name = |f: Option<&PathBuf>| f.map(|f| f.display().to_string()).unwrap_or_default();
            return Err(Fatal::said(
                format!(
                    "the results of \"{}\" and \"{}\" would both be written to \"{}\": check them in separate runs",
                    name(first),
                    name(second),
                    path.display()
                ),
                format!(
                    "「{}」と「{}」の結果が、どちらも「{}」に書き出されます。別々に実行してください",
                    name(first),
                    name(second),
                    path.display()
                ),
            ));
        }
        let resolved = path.canonicalize().ok();
        let input = inputs
            .iter()
            .find(|(_, real)| Some(real) == resolved.as_ref())
            .map(|(f, _)| f);
        if let Some(input) = input {
            return Err(Fatal::said(
                format!(
                    "--result-csv would replace the checked file \"{}\": give another path",
                    input.display()
                ),
                format!(
                    "--result-csv の書き出し先が、チェックするファイル「{}」と同じです。別のパスを指定してください",
                    input.display()
                ),
            ));
        }
        if output_file::exists(path) && !overwrite {
            return Err(output_file::already_exists(path));
        }
    }
    Ok(paths)
}

fn check_file(
    path: &PathBuf,
    profile: &Profile,
    options: &CheckOptions,
    baseline: Option<Arc<Baseline>>,
) -> Result<(Report, Vec<u8>), Fatal> {
    let mut options = options.clone();
    let mut input: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        options.file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let file = std::fs::File::open(path).map_err(Fatal::reading(path))?;
        // A hint for the unique keys' indexes (see `CheckOptions::file_size`).
        options.file_size = file.metadata().ok().map(|m| m.len());
        Box::new(file)
    };
    let mut checker = match baseline {
        Some(b) => Checker::with_baseline(profile, options, b)?,
        None => Checker::new(profile, options)?,
    };
    let mut all = Vec::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = input.read(&mut buf).map_err(Fatal::reading(path))?;
        if n == 0 {
            break;
        }
        let chunk = buf.get(..n).unwrap_or(&[]);
        checker.push(chunk);
        all.extend_from_slice(chunk);
    }
    Ok((checker.finish(), all))
}

/// A built-in's title in the run's language.
fn title_in(title: &csv_preflight::profile::Text, lang: Lang) -> &str {
    match lang {
        Lang::En => &title.en,
        Lang::Ja => &title.ja,
    }
}

/// A bundle's title marked as a bundle: the word goes into the title's closing brackets when it
/// has them ("(bundle: users, groups, affiliations)"), so the line does not end in two brackets.
fn bundle_title(title: &str, lang: Lang) -> String {
    let (open, close, word) = match lang {
        Lang::En => (" (", ")", "bundle: "),
        Lang::Ja => ("（", "）", "バンドル："),
    };
    match title
        .strip_suffix(close)
        .and_then(|t| t.rfind(open).map(|at| (t, at)))
    {
        Some((t, at)) => {
            let inner = at + open.len();
            format!("{}{word}{}{close}", &t[..inner], &t[inner..])
        }
        None => match lang {
            Lang::En => format!("{title} (bundle)"),
            Lang::Ja => format!("{title}（バンドル）"),
        },
    }
}

fn run(cli: Cli) -> Result<bool, Fatal> {
    let mut stdout = std::io::stdout().lock();
    match cli.command {
        Command::Profiles { json: Some(id), .. } => {
            writeln!(stdout, "{}", builtin(&id)?.to_json())?;
            Ok(true)
        }
        Command::Profiles { doc: Some(id), .. } => {
            let markdown = match builtin_bundle(&id) {
                Ok(bundle) => bundle.to_markdown()?,
                Err(_) => builtin(&id)?.to_markdown(),
            };
            write!(stdout, "{markdown}")?;
            Ok(true)
        }
        Command::Profiles { lang, .. } => {
            let lang = lang.lang();
            for info in builtins()? {
                writeln!(stdout, "{:<32} {}", info.id, title_in(&info.title, lang))?;
            }
            for id in builtin_bundle_ids() {
                let bundle = builtin_bundle(id)?;
                let title = bundle_title(title_in(&bundle.title, lang), lang);
                writeln!(stdout, "{:<32} {title}", bundle.id)?;
            }
            Ok(true)
        }
        Command::Convert(args) => convert_run::run(args, &mut stdout),
        Command::Check {
            profile,
            params,
            lang,
            format,
            max_diagnostics,
            result_csv: result_path,
            overwrite,
            baselines,
            files,
        } => {
            let lang = lang.lang();
            if !profile.ends_with(".json") {
                if let Ok(bundle) = builtin_bundle(&profile) {
                    if result_path.is_some() {
                        return Err(Fatal::said(
                            "--result-csv is for one profile, not a bundle",
                            "--result-csv は 1 つのプロファイル用です（バンドルには使えません）",
                        ));
                    }
                    let run = bundle_run::BundleRun {
                        lang,
                        params: &params,
                        max_diagnostics,
                        baselines: &baselines,
                        files: &files,
                    };
                    return bundle_run::run(
                        &bundle,
                        &run,
                        matches!(format, Format::Json),
                        &mut stdout,
                    );
                }
            }
            let profile = load_profile(&profile)?;
            let options = CheckOptions {
                lang,
                params: parse_params(&profile, &params)?,
                max_diagnostics,
                ..CheckOptions::default()
            };
            let baseline = match baselines.as_slice() {
                [] => None,
                [one] if !one.contains('=') || std::path::Path::new(one).exists() => Some(
                    bundle_run::read_baseline(std::path::Path::new(one), &profile, &options)?,
                ),
                _ => {
                    return Err(Fatal::said(
                        "a single profile takes one --baseline FILE",
                        "1 つのプロファイルに指定できる --baseline は 1 ファイルです",
                    ))
                }
            };
            let result_paths = match &result_path {
                Some(out) => Some(result_csv_paths(out, &files, overwrite)?),
                None => None,
            };
            let mut all_valid = true;
            let mut reports = Vec::new();
            for (i, path) in files.iter().enumerate() {
                let (report, bytes) = check_file(path, &profile, &options, baseline.clone())?;
                all_valid &= report.valid;
                if let Some(out) = result_paths.as_ref().and_then(|p| p.get(i)) {
                    let mut opts = options.clone();
                    opts.file_name = report.file_name.clone();
                    // The result CSV carries the findings that need the export too.
                    let csv = match &baseline {
                        Some(b) => result_csv_with_baseline(&bytes, &profile, opts, b.clone())?,
                        None => result_csv(&bytes, &profile, opts)?,
                    };
                    // Through a temporary file: a file that appeared meanwhile is not replaced.
                    output_file::write(out, &csv.bytes, overwrite)?;
                }
                reports.push((path.display().to_string(), report));
            }
            match format {
                Format::Json if reports.len() == 1 => {
                    let (_, report) = &reports[0];
                    writeln!(stdout, "{}", serde_json::to_string_pretty(report)?)?;
                }
                Format::Json => {
                    let list: Vec<&Report> = reports.iter().map(|(_, r)| r).collect();
                    writeln!(stdout, "{}", serde_json::to_string_pretty(&list)?)?;
                }
                Format::Text => {
                    for (name, report) in &reports {
                        text_report::write(&mut stdout, name, report, options.lang)?;
                    }
                }
            }
            Ok(all_valid)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    let lang = cli.command.lang();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(fatal) => {
            eprintln!("csv-preflight: {}", fatal.message(lang));
            ExitCode::from(2)
        }
    }
}

/// clap refused the arguments: its message, in Japanese when the arguments ask for it, and its
/// exit code (2; help and version, which clap reports the same way, print as clap does and exit 0).
fn usage_error(error: &clap::Error) -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let japanese = usage_ja::asks_for_japanese(&args)
        .then(|| usage_ja::message(error, &args, &Cli::command()))
        .flatten();
    match japanese {
        Some(message) => {
            eprintln!("csv-preflight: {message}");
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
        }
        None => error.exit(),
    }
}
