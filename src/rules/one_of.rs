//! What it checks: that a value is one of a fixed list (IWpro `language` = `ja` or `en`).
//! Why: systems compare codes exactly; `JA` or `Japanese` is rejected.
//! Example: `language` = `JA` → `not-in-list`, suggesting `ja`.

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::NotInList];

/// Reports a value not in `values`; suggests the value that differs only in case or width.
pub(crate) fn check(value: &str, values: &[String], ignore_case: bool, out: &mut Vec<Kind>) {
    if allowed(value.as_bytes(), values, ignore_case) {
        return;
    }
    let folded = fold(value);
    let suggestion = values.iter().find(|v| fold(v) == folded).cloned();
    out.push(Kind::NotInList {
        allowed: values.to_vec(),
        suggestion,
    });
}

/// Whether `value` is one of `values` (ignoring ASCII case if asked): then the rule finds nothing.
#[inline]
pub(crate) fn allowed(value: &[u8], values: &[String], ignore_case: bool) -> bool {
    values.iter().any(|v| {
        if ignore_case {
            v.as_bytes().eq_ignore_ascii_case(value)
        } else {
            same(v.as_bytes(), value)
        }
    })
}

/// Byte equality without a call: the allowed values are short codes, and a `memcmp` call per
/// comparison costs more than the comparison (in wasm above all).
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    match (
        a.first_chunk::<4>(),
        b.first_chunk(),
        a.last_chunk::<4>(),
        b.last_chunk(),
    ) {
        // 4 to 8 bytes (`NCS001`): two 4-byte words, overlapping or not, cover them.
        (Some(a_first), Some(b_first), Some(a_last), Some(b_last)) if a.len() <= 8 => {
            a_first == b_first && a_last == b_last
        }
        _ => a.iter().zip(b).all(|(x, y)| x == y),
    }
}

/// Lowercase, half-width, trimmed: how a person reads a code.
pub(crate) fn fold(value: &str) -> String {
    value
        .trim()
        .chars()
        .map(crate::rules::width::narrow)
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_is_byte_equality() {
        let values: Vec<Vec<u8>> = (0..=10)
            .flat_map(|len| {
                (0..len).map(move |at| {
                    let mut v: Vec<u8> = (0..len).map(|i| b'a' + i).collect();
                    v[usize::from(at)] = b'Z';
                    v
                })
            })
            .chain((0..=10).map(|len| (0..len).map(|i| b'a' + i).collect()))
            .collect();
        for a in &values {
            for b in &values {
                assert_eq!(same(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn suggests_case_and_width_variants() {
        let values = vec!["ja".to_string(), "en".to_string()];
        let mut out = Vec::new();
        check("ja", &values, false, &mut out);
        assert!(out.is_empty());
        check("ＪＡ", &values, false, &mut out);
        assert_eq!(
            out,
            vec![Kind::NotInList {
                allowed: values.clone(),
                suggestion: Some("ja".to_string())
            }]
        );
        out.clear();
        check("fr", &values, false, &mut out);
        assert_eq!(
            out,
            vec![Kind::NotInList {
                allowed: values.clone(),
                suggestion: None
            }]
        );
        out.clear();
        check("EN", &values, true, &mut out);
        assert!(out.is_empty());
    }
}
