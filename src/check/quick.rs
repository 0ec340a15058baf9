//! Cells that skip most rules. Before its value checks, a filled cell can only be flagged for its
//! edges (a formula prefix, a surrounding space), its policy (a value where none is wanted),
//! masking or brackets. For a column without masked values or brackets whose policy is content
//! with a value, and a value with ordinary edges, none of these applies: the engine goes straight
//! to the value checks (none for a name or a free text, when the record has no control character).
//! Most cells of an import file are such cells or empty ones.

use crate::profile::CompiledColumn;
use crate::rules::formula;

/// Whether a filled cell's findings before its value checks depend only on its edges and the
/// column's policy: no masked values (they depend on the value), no brackets.
pub(super) fn plain_shape(column: &CompiledColumn) -> bool {
    !column.brackets && column.masked.is_empty()
}

/// Whether `value` is filled and neither starts with a formula prefix nor starts or ends with a
/// space (half-width or ideographic), nor starts as a number does: then the formula, whitespace
/// and Excel-damage rules leave it alone.
#[inline]
pub(super) fn ordinary_edges(value: &str) -> bool {
    // The common case below needs every formula prefix to be at most `@`.
    const _: () = {
        let mut i = 0;
        while i < formula::PREFIXES.len() {
            assert!(formula::PREFIXES[i] as u32 <= b'@' as u32);
            i += 1;
        }
    };
    let bytes = value.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    // The common case, in four comparisons: every formula prefix, the space and the digits are
    // at most `@`, and an ideographic space starts with 0xE3 and ends with 0x80.
    (first > b'@' && first != 0xE3 && last != b' ' && last != 0x80) || edges_by_the_rules(bytes)
}

/// [`ordinary_edges`] as the rules say it, without the common case.
fn edges_by_the_rules(bytes: &[u8]) -> bool {
    const IDEOGRAPHIC_SPACE: [u8; 3] = [0xE3, 0x80, 0x80];
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    let formula = first.is_ascii() && formula::PREFIXES.contains(&char::from(first));
    // A value that starts as a number does (a digit; `+` and `-` are formula prefixes) may be
    // one Excel damaged: the full check looks (`rules::excel_damage`).
    !formula
        && !first.is_ascii_digit()
        && first != b' '
        && last != b' '
        && bytes.first_chunk() != Some(&IDEOGRAPHIC_SPACE)
        && bytes.last_chunk() != Some(&IDEOGRAPHIC_SPACE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_case_agrees_with_the_rules() {
        let edges: Vec<char> = (0..0x80u8)
            .map(char::from)
            .chain([
                'é', 'ー', 'あ', '山', '\u{3000}', '\u{3001}', '\u{2000}', '😀',
            ])
            .collect();
        for &a in &edges {
            for &b in &edges {
                for value in [format!("{a}"), format!("{a}{b}"), format!("{a}中{b}")] {
                    let by_the_rules = edges_by_the_rules(value.as_bytes());
                    assert_eq!(ordinary_edges(&value), by_the_rules, "{value:?}");
                }
            }
        }
    }

    #[test]
    fn tells_ordinary_edges() {
        for value in ["山田", "a", "Müller", "さくら", "a b", "a1"] {
            assert!(ordinary_edges(value), "{value:?}");
        }
        for value in [
            "",
            " a",
            "a ",
            "\u{3000}山田",
            "山田\u{3000}",
            "=1",
            "+81",
            "-",
            "@x",
            "\tx",
            "1",
            "1.23E+11",
            "1234567890123450000",
        ] {
            assert!(!ordinary_edges(value), "{value:?}");
        }
    }
}
