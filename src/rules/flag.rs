//! What it checks: flags such as `0`/`1` (CELF `administrator?`, Canon `accountDisabled`).
//! Why: `TRUE`, `yes` or a blank that the system reads as something else.
//! Example: `administrator?` = `TRUE` → `invalid-flag`.

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::InvalidFlag];

/// Reports a value that is not one of the flag values.
pub(crate) fn check(value: &str, allowed: &[String], out: &mut Vec<Kind>) {
    if !allowed.iter().any(|v| v == value) {
        let narrowed: String = value.chars().map(crate::rules::width::narrow).collect();
        out.push(Kind::InvalidFlag {
            allowed: allowed.to_vec(),
            full_width: narrowed != value && allowed.contains(&narrowed),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_width_flag_is_told_apart() {
        let allowed = vec!["0".to_string(), "1".to_string()];
        let run = |value: &str| {
            let mut out = Vec::new();
            check(value, &allowed, &mut out);
            out
        };
        assert!(run("1").is_empty());
        let wide = |full_width| {
            vec![Kind::InvalidFlag {
                allowed: allowed.clone(),
                full_width,
            }]
        };
        assert_eq!(run("１"), wide(true));
        assert_eq!(run("TRUE"), wide(false));
        assert_eq!(run("２"), wide(false));
    }
}
