//! `check --profile <bundle>`: several files checked together, and baselines read from files.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use csv_preflight::bundle::{Bundle, BundleChecker, BundleOptions, BundleReport};
use csv_preflight::plan::{Baseline, BaselineReader};
use csv_preflight::{CheckOptions, Lang, Profile};

use crate::{parse_params_of, text_report, Fatal};

/// Bytes read per chunk.
const CHUNK: usize = 1 << 16;

/// The arguments of a bundle run.
pub struct BundleRun<'a> {
    pub lang: Lang,
    pub params: &'a [String],
    pub max_diagnostics: usize,
    pub baselines: &'a [String],
    pub files: &'a [PathBuf],
}

fn open(path: &Path) -> Result<Box<dyn Read>, Fatal> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(std::io::stdin()));
    }
    let file = std::fs::File::open(path).map_err(Fatal::reading(path))?;
    Ok(Box::new(file))
}

/// Streams a file into `push`.
fn stream(path: &Path, push: &mut dyn FnMut(&[u8]) -> Result<(), Fatal>) -> Result<(), Fatal> {
    let mut input = open(path)?;
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = input.read(&mut buf).map_err(Fatal::reading(path))?;
        if n == 0 {
            return Ok(());
        }
        push(buf.get(..n).unwrap_or(&[]))?;
    }
}

/// Reads the system's export of `profile` from a file, streaming.
pub fn read_baseline(
    path: &Path,
    profile: &Profile,
    options: &CheckOptions,
) -> Result<Arc<Baseline>, Fatal> {
    let mut reader = BaselineReader::new(profile, options)?;
    stream(path, &mut |chunk| {
        reader.push(chunk);
        Ok(())
    })?;
    let baseline = reader.finish()?;
    if let Some(report) = baseline.report() {
        if report.summary.errors > 0 {
            eprintln!(
                "csv-preflight: note: the baseline \"{}\" has {} error(s) of its own; the plan uses the records it could read",
                path.display(),
                report.summary.errors
            );
        }
    }
    Ok(Arc::new(baseline))
}

/// `ROLE=PATH` when ROLE is a role of the bundle, else `PATH`.
fn split_role<'a>(bundle: &Bundle, item: &'a str) -> (Option<&'a str>, &'a str) {
    match item.split_once('=') {
        Some((role, path)) if bundle.roles.iter().any(|r| r.role == role) => (Some(role), path),
        _ => (None, item),
    }
}

/// The first 64 KiB of a file (to recognise its role).
fn head(path: &Path) -> Result<Vec<u8>, Fatal> {
    let mut input = open(path)?;
    let mut buf = Vec::new();
    input
        .by_ref()
        .take(csv_preflight::bundle::RECOGNITION_WINDOW as u64)
        .read_to_end(&mut buf)
        .map_err(Fatal::reading(path))?;
    Ok(buf)
}

/// Checks the files of a bundle; returns whether every file is valid.
pub fn run(
    bundle: &Bundle,
    run: &BundleRun<'_>,
    json: bool,
    out: &mut impl Write,
) -> Result<bool, Fatal> {
    let profiles = bundle.profiles()?;
    let all_params: Vec<csv_preflight::profile::Parameter> = profiles
        .iter()
        .flat_map(|p| p.parameters.iter().cloned())
        .collect();
    let check = CheckOptions {
        lang: run.lang,
        params: parse_params_of(&all_params, run.params)?,
        max_diagnostics: run.max_diagnostics,
        ..CheckOptions::default()
    };
    let mut options = BundleOptions {
        check: check.clone(),
        baselines: Default::default(),
    };
    for item in run.baselines {
        let (Some(role), path) = split_role(bundle, item) else {
            return Err(Fatal::said(
                format!(
                    "--baseline \"{item}\" needs a role of bundle \"{}\" (ROLE=FILE)",
                    bundle.id
                ),
                format!(
                    "--baseline「{item}」には、バンドル「{}」のどのファイルか（ロール）を ROLE=FILE の形で付けてください",
                    bundle.id
                ),
            ));
        };
        let profile = bundle
            .roles
            .iter()
            .zip(&profiles)
            .find(|(r, _)| r.role == role)
            .map(|(_, p)| p)
            .ok_or_else(|| {
                Fatal::said(
                    format!("no role \"{role}\""),
                    format!("ロール「{role}」はありません"),
                )
            })?;
        let mut role_options = check.clone();
        role_options
            .params
            .retain(|name, _| profile.parameters.iter().any(|p| &p.name == name));
        let baseline = read_baseline(Path::new(path), profile, &role_options)?;
        options.baselines.insert(role.to_string(), baseline);
    }
    let probe = BundleChecker::new(bundle, options.clone(), &[])?;
    // Each file with its role and whether the role was recognised (not given).
    let mut files: Vec<(String, PathBuf, bool)> = Vec::new();
    for item in run.files {
        let text = item.to_string_lossy();
        let (role, path) = split_role(bundle, &text);
        let path = PathBuf::from(path);
        let recognized = role.is_none();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let role = match role {
            Some(r) => r.to_string(),
            None => probe.recognize_file(&head(&path)?, name.as_deref()).ok_or_else(|| {
                Fatal::said(
                    format!(
                        "cannot tell which file of bundle \"{}\" \"{}\" is from its header; write ROLE={}",
                        bundle.id,
                        path.display(),
                        path.display()
                    ),
                    format!(
                        "「{}」がバンドル「{}」のどのファイルか、ヘッダーからは分かりません。ROLE={} の形で指定してください",
                        path.display(),
                        bundle.id,
                        path.display()
                    ),
                )
            })?,
        };
        if let Some((_, first, _)) = files.iter().find(|(r, _, _)| *r == role) {
            return Err(Fatal::said(
                format!(
                    "\"{}\" and \"{}\" both have the role \"{role}\" (recognised from the header, or given); write ROLE=PATH for the one that is another role",
                    first.display(),
                    path.display()
                ),
                format!(
                    "「{}」と「{}」のロールがどちらも「{role}」です（ヘッダーから判別、または指定）。別のロールのほうを ROLE=PATH の形で指定してください",
                    first.display(),
                    path.display()
                ),
            ));
        }
        files.push((role, path, recognized));
    }
    let present: Vec<&str> = files.iter().map(|(r, _, _)| r.as_str()).collect();
    let mut checker = BundleChecker::new(bundle, options, &present)?;
    for role in checker.order() {
        let Some((_, path, recognized)) = files.iter().find(|(r, _, _)| *r == role) else {
            continue;
        };
        // The name as a single file's check gives it (the file-name rules read the name only).
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if *recognized {
            checker.begin_recognized(&role, name.as_deref())?;
        } else {
            checker.begin(&role, name.as_deref())?;
        }
        stream(path, &mut |chunk| Ok(checker.push(chunk)?))?;
        checker.end()?;
    }
    let report: BundleReport = checker.finish()?;
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        for file in &report.files {
            let name = file
                .report
                .file_name
                .clone()
                .unwrap_or_else(|| file.role.clone());
            text_report::write(
                out,
                &format!("{name} ({})", file.role),
                &file.report,
                run.lang,
            )?;
        }
    }
    Ok(report.valid)
}
