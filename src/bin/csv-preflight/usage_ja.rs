//! clap's own errors (unknown option, bad value, missing argument, unknown subcommand) in Japanese,
//! for a run that asked for Japanese. clap failed, so the language comes from the raw arguments.
//! Help and version output, and the kinds not mapped here, stay clap's English.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Whether the arguments ask for Japanese: a `--lang` (or `--lang=`) whose value is `ja` or reads
/// as Japanese (`jp`, `JA`, `ja-JP`, `japanese`, `日本語`): whoever wrote an invalid one of these
/// reads Japanese. Arguments after `--` are files, not options.
pub fn asks_for_japanese(args: &[String]) -> bool {
    let args = args.iter().take_while(|a| *a != "--");
    let mut after_lang = false;
    for arg in args {
        let value = match arg.strip_prefix("--lang=") {
            Some(value) => Some(value),
            None if after_lang => Some(arg.as_str()),
            None => None,
        };
        if value.is_some_and(reads_as_japanese) {
            return true;
        }
        after_lang = arg == "--lang";
    }
    false
}

fn reads_as_japanese(value: &str) -> bool {
    let value = value.trim().to_lowercase();
    value.starts_with("ja") || value.starts_with("jp") || value.starts_with("日本")
}

/// The line printed after `csv-preflight: `, or `None` for the kinds and shapes left to clap.
/// `args` are the raw arguments (the program first), `cli` the command line's definition.
pub fn message(error: &clap::Error, args: &[String], cli: &clap::Command) -> Option<String> {
    let subcommand = args
        .get(1)
        .and_then(|name| cli.find_subcommand(name))
        .filter(|sub| sub.get_name() != "help");
    let usage = match subcommand {
        Some(sub) => format!("（使い方は `csv-preflight {} --help`）", sub.get_name()),
        None => "（使い方は `csv-preflight --help`）".to_string(),
    };
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(s)) => s.clone(),
        _ => Vec::new(),
    };
    let suggested: Vec<String> = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .flat_map(strings)
    .collect();
    let did_you_mean = match suggested.as_slice() {
        [] => String::new(),
        _ => format!("{}ではありませんか？", quoted(&suggested)),
    };
    let what = match error.kind() {
        ErrorKind::UnknownArgument => {
            let arg = string(ContextKind::InvalidArg)?;
            if !arg.starts_with('-') {
                format!("余分な引数「{arg}」があります")
            } else if let Some(owner) = subcommand_taking(cli, arg).filter(|_| subcommand.is_none())
            {
                // Before the subcommand, where only --help and --version go.
                let name = owner.get_name();
                return Some(format!(
                    "「{arg}」は `{name}` などのサブコマンドの後に指定してください（使い方は `csv-preflight {name} --help`）"
                ));
            } else if did_you_mean.is_empty() && error.get(ContextKind::Suggested).is_some() {
                // clap's tip for a file whose name starts with a hyphen.
                format!("「{arg}」というオプションはありません。「{arg}」という名前のファイルなら `-- {arg}` と書いてください")
            } else {
                format!("「{arg}」というオプションはありません。{did_you_mean}")
            }
        }
        ErrorKind::InvalidValue => {
            let arg = option_name(string(ContextKind::InvalidArg)?);
            let value = string(ContextKind::InvalidValue)?;
            let valid = strings(ContextKind::ValidValue);
            let mut did_you_mean = did_you_mean;
            if arg == "--lang" && did_you_mean.is_empty() && reads_as_japanese(value) {
                did_you_mean = "「ja」ではありませんか？".to_string();
            }
            match (value.is_empty(), valid.is_empty()) {
                (true, true) => format!("「{arg}」の後に値を指定してください"),
                (true, false) => format!(
                    "「{arg}」の後に{}のいずれかを指定してください",
                    quoted(&valid)
                ),
                (false, true) => format!("「{arg}」に「{value}」は指定できません。{did_you_mean}"),
                (false, false) => format!(
                    "「{arg}」に「{value}」は指定できません。{}のいずれかを指定してください。{did_you_mean}",
                    quoted(&valid)
                ),
            }
        }
        ErrorKind::ValueValidation => {
            let arg = option_name(string(ContextKind::InvalidArg)?);
            let value = string(ContextKind::InvalidValue)?;
            match std::error::Error::source(error) {
                Some(why) => format!("「{arg}」に「{value}」は指定できません。詳細（英語）：{why}"),
                None => format!("「{arg}」に「{value}」は指定できません"),
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(ContextKind::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            format!("必要な引数が指定されていません：{}", quoted(&missing))
        }
        ErrorKind::ArgumentConflict => {
            let arg = option_name(string(ContextKind::InvalidArg)?);
            let prior: Vec<String> = strings(ContextKind::PriorArg)
                .iter()
                .map(|p| option_name(p).to_string())
                .collect();
            match prior.as_slice() {
                [one] if one == arg => format!("「{arg}」は 1 回だけ指定できます"),
                [] => return None,
                _ => format!("「{arg}」と{}は一緒に指定できません", quoted(&prior)),
            }
        }
        ErrorKind::InvalidSubcommand => {
            let name = string(ContextKind::InvalidSubcommand)?;
            if did_you_mean.is_empty() {
                let known: Vec<String> = cli
                    .get_subcommands()
                    .map(|sub| sub.get_name().to_string())
                    .filter(|name| name != "help")
                    .collect();
                format!(
                    "「{name}」というサブコマンドはありません。{}のいずれかを指定してください",
                    quoted(&known)
                )
            } else {
                format!("「{name}」というサブコマンドはありません。{did_you_mean}")
            }
        }
        _ => return None,
    };
    // A sentence ends with 。 only when another follows; the usage hint is in parentheses.
    let what = what.strip_suffix('。').unwrap_or(&what);
    Some(format!("{what}{usage}"))
}

/// `--format` for clap's `--format <FORMAT>`; a positional's `<FILES>...` as it is.
fn option_name(arg: &str) -> &str {
    match arg.split_once(' ') {
        Some((name, _)) if arg.starts_with('-') => name,
        _ => arg,
    }
}

/// The first subcommand that has the long option `arg` (`--lang`).
fn subcommand_taking<'a>(cli: &'a clap::Command, arg: &str) -> Option<&'a clap::Command> {
    let long = arg.strip_prefix("--")?.split('=').next()?;
    cli.get_subcommands()
        .find(|sub| sub.get_arguments().any(|a| a.get_long() == Some(long)))
}

/// `「a」、「b」`.
fn quoted(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("「{v}」"))
        .collect::<Vec<_>>()
        .join("、")
}

#[cfg(test)]
mod tests {
    use super::asks_for_japanese;

    fn asks(args: &[&str]) -> bool {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        asks_for_japanese(&args)
    }

    #[test]
    fn japanese_is_asked_for_by_lang_ja_anywhere_before_the_files() {
        assert!(asks(&["csv-preflight", "check", "--lang", "ja"]));
        assert!(asks(&["csv-preflight", "check", "x.csv", "--lang=ja"]));
        assert!(asks(&["csv-preflight", "check", "--lang", "jp"]));
        assert!(asks(&["csv-preflight", "check", "--lang=JA"]));
        assert!(!asks(&["csv-preflight", "check", "--lang", "en"]));
        assert!(!asks(&["csv-preflight", "check", "--lang"]));
        assert!(!asks(&["csv-preflight", "check", "ja"]));
        assert!(!asks(&["csv-preflight", "check", "--", "--lang", "ja"]));
        assert!(!asks(&["csv-preflight", "check", "--profile", "ja.json"]));
    }
}
