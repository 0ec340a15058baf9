//! The name to save the converted file under.
//!
//! When the target profile has a file-name rule (IWpro: `add-users_.*\.csv`, example
//! `add-users_2026-11.csv`), the name is the example's fixed part, `_`, the source file's stem
//! (without that fixed part, if it has it) and `_`, the date given by the caller (or `converted`
//! without one) and the example's extension: `hr.xlsx.csv` gives `add-users_hr.xlsx_2026-11-21.csv`,
//! so two files converted the same day do not get the same name (the CLI would write the second
//! over the first). The name is checked against the rule and falls back to the example. Without
//! a rule it is the source file's stem (or the profile id's last part) with the date, and `.tsv`
//! or `.csv` after the delimiter. The date always comes from the caller, so the same input always
//! gives the same name.

use crate::profile::Profile;
use crate::rules::file_name::base_name;

fn stem_and_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) if dot > 0 => (
            name.get(..dot).unwrap_or(name),
            name.get(dot..).unwrap_or(""),
        ),
        _ => (name, ""),
    }
}

/// Keeps the characters that are safe in a file name on every system.
fn safe(part: &str) -> String {
    part.chars()
        .map(|c| {
            if c.is_control() || "\\/:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// The suggested file name.
pub(crate) fn suggest(
    target: &Profile,
    date: Option<&str>,
    source_name: Option<&str>,
    tab: bool,
) -> String {
    let tail = date.unwrap_or("converted");
    let source_stem = source_name
        .map(|n| stem_and_extension(base_name(n)).0)
        .filter(|s| !s.is_empty());
    if let Some(rule) = &target.file.file_name {
        let (stem, ext) = stem_and_extension(&rule.example);
        let fixed = match stem.rfind('_') {
            Some(i) => stem.get(..i).unwrap_or(stem),
            None => stem,
        };
        let source = source_stem.map(|s| {
            let own = s
                .strip_prefix(fixed)
                .and_then(|rest| rest.strip_prefix('_'))
                .filter(|rest| !rest.is_empty())
                .unwrap_or(s);
            safe(own)
        });
        let name = match source {
            Some(source) => format!("{fixed}_{source}_{tail}{ext}"),
            None => format!("{fixed}_{tail}{ext}"),
        };
        // Bounded as the check compiles it: a custom profile's pattern could otherwise take
        // gigabytes to compile (the check then rejects it anyway).
        let matches =
            crate::profile::bounded_regex(&rule.pattern).is_ok_and(|re| re.is_match(&name));
        return if matches { name } else { rule.example.clone() };
    }
    let ext = if tab { ".tsv" } else { ".csv" };
    let base = source_stem
        .map(str::to_string)
        .unwrap_or_else(|| target.id.replace('/', "-"));
    match date {
        Some(d) => format!("{}_{d}{ext}", safe(&base)),
        None => format!("{}{ext}", safe(&base)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::builtin;

    #[test]
    fn names() {
        let iwpro = builtin("fujifilm-iwpro/add-users").unwrap();
        assert_eq!(
            suggest(&iwpro, Some("2026-11-21"), Some("社員.csv"), false),
            "add-users_社員_2026-11-21.csv"
        );
        // Two files the same day: two names.
        assert_eq!(
            suggest(&iwpro, Some("2026-11-21"), Some("C:\\hr\\sales.csv"), false),
            "add-users_sales_2026-11-21.csv"
        );
        // A file named for the system already: its own part once, then the date.
        assert_eq!(
            suggest(
                &iwpro,
                Some("2026-11-21"),
                Some("add-users_2026-11.csv"),
                false
            ),
            "add-users_2026-11_2026-11-21.csv"
        );
        assert_eq!(
            suggest(&iwpro, None, Some("add-users_.csv"), false),
            "add-users_add-users__converted.csv"
        );
        assert_eq!(
            suggest(&iwpro, Some("2026-11-21"), Some("a:b?.csv"), false),
            "add-users_a_b__2026-11-21.csv"
        );
        assert_eq!(
            suggest(&iwpro, Some("2026-11-21"), None, false),
            "add-users_2026-11-21.csv"
        );
        assert_eq!(
            suggest(&iwpro, None, None, false),
            "add-users_converted.csv"
        );
        let canon = builtin("canon/users").unwrap();
        assert_eq!(
            suggest(&canon, Some("2026-11-21"), Some("dir/export.csv"), false),
            "export_2026-11-21.csv"
        );
        assert_eq!(suggest(&canon, None, None, false), "canon-users.csv");
        let flat = builtin("flat/users-total").unwrap();
        assert_eq!(suggest(&flat, None, Some("a:b.txt"), true), "a_b.tsv");
    }
}
