//! The name to save the converted file under.
//!
//! The name is a fixed part, `_`, the source file's stem (without that fixed part, if it has it),
//! `_`, the date given by the caller (or `converted` without one) and an extension:
//! - when the target profile has a file-name rule (IWpro: `add-users_.*\.csv`, example
//!   `add-users_2026-11.csv`), the fixed part and the extension are the example's: `hr.xlsx.csv`
//!   gives `add-users_hr.xlsx_2026-11-21.csv`; a name the rule does not accept falls back to the
//!   example;
//! - without a rule, the fixed part is the target profile's id with `-` for `/`, and the extension
//!   is `.tsv` or `.csv` after the delimiter: `hr.csv` gives `flat-users-total_hr_2026-11-21.tsv`.
//!
//! So two files converted the same day, or one file converted for two targets, do not get the
//! same name, and the name built is never the source's own (it is longer than the source's stem;
//! the CLI also refuses to write over an existing file). The date always comes from the caller, so the same input always gives the same
//! name.

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
    let (fixed, ext) = match &target.file.file_name {
        Some(rule) => {
            let (stem, ext) = stem_and_extension(&rule.example);
            let fixed = match stem.rfind('_') {
                Some(i) => stem.get(..i).unwrap_or(stem),
                None => stem,
            };
            (fixed.to_string(), ext)
        }
        None => (
            safe(&target.id.replace('/', "-")),
            if tab { ".tsv" } else { ".csv" },
        ),
    };
    let source = source_name
        .map(|n| stem_and_extension(base_name(n)).0)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let own = s
                .strip_prefix(fixed.as_str())
                .and_then(|rest| rest.strip_prefix('_'))
                .filter(|rest| !rest.is_empty())
                .unwrap_or(s);
            safe(own)
        });
    let name = match source {
        Some(source) => format!("{fixed}_{source}_{tail}{ext}"),
        None => format!("{fixed}_{tail}{ext}"),
    };
    let Some(rule) = &target.file.file_name else {
        return name;
    };
    // Bounded as the check compiles it: a custom profile's pattern could otherwise take
    // gigabytes to compile (the check then rejects it anyway).
    let matches = crate::profile::bounded_regex(&rule.pattern).is_ok_and(|re| re.is_match(&name));
    if matches {
        name
    } else {
        rule.example.clone()
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
            "canon-users_export_2026-11-21.csv"
        );
        assert_eq!(
            suggest(&canon, None, None, false),
            "canon-users_converted.csv"
        );
        let flat = builtin("flat/users-total").unwrap();
        assert_eq!(
            suggest(&flat, None, Some("a:b.txt"), true),
            "flat-users-total_a_b_converted.tsv"
        );
        // A file named for the target already: its own part once.
        assert_eq!(
            suggest(
                &flat,
                Some("2026-11-21"),
                Some("flat-users-total_hr.tsv"),
                true
            ),
            "flat-users-total_hr_2026-11-21.tsv"
        );
    }

    #[test]
    fn one_file_for_different_targets_gets_different_names_never_its_own() {
        let mut names = Vec::new();
        for id in crate::profile::builtin_ids() {
            let target = builtin(id).unwrap();
            let name = suggest(&target, Some("2026-01-01"), Some("hr01.csv"), false);
            assert!(!names.contains(&name), "{id}: {name} twice");
            names.push(name);
        }
        assert!(names.contains(&"learningbox-users_hr01_2026-01-01.csv".to_string()));
        assert!(names.contains(&"flat-users-total_hr01_2026-01-01.csv".to_string()));
        assert!(names.contains(&"flat-users-differential_hr01_2026-01-01.csv".to_string()));
        for id in crate::profile::builtin_ids() {
            let target = builtin(id).unwrap();
            for source in [
                "hr01.csv",
                "hr01",
                "canon-users.csv",
                "canon-users_x.csv",
                "add-users_2026-11.csv",
                "add-users_x_converted.csv",
                "learningbox-users_hr01_2026-01-01.csv",
            ] {
                for date in [None, Some("2026-01-01")] {
                    for tab in [false, true] {
                        let name = suggest(&target, date, Some(source), tab);
                        assert_ne!(name, source, "{id} {date:?}");
                    }
                }
            }
        }
    }
}
