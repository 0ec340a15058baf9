//! Cells that need no rule: a filled cell of a column with no value check (a name, a free text)
//! has a finding only from its edges (a formula prefix, a surrounding space), its policy (a value
//! where none is wanted), masking, brackets, or a control character. When none of these can apply,
//! the engine keeps the value without running the rules: most cells of an import file are such
//! cells or empty ones.

use crate::profile::CompiledColumn;
use crate::rules::{formula, only_control_chars};

/// Whether the findings of a filled cell of `column` depend only on the value's edges, its being
/// filled, and control characters: no value check, no masked values, no brackets. (Whether a
/// filled value has a finding by policy is then asked of the rules themselves, with one value.)
pub(super) fn plain_column(column: &CompiledColumn) -> bool {
    only_control_chars(&column.checks) && !column.brackets && column.masked.is_empty()
}

/// Whether `value` is filled and neither starts with a formula prefix nor starts or ends with a
/// space (half-width or ideographic): then the formula and whitespace rules leave it alone.
#[inline]
pub(super) fn ordinary_edges(value: &str) -> bool {
    const IDEOGRAPHIC_SPACE: [u8; 3] = [0xE3, 0x80, 0x80];
    let bytes = value.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    let formula = first.is_ascii() && formula::PREFIXES.contains(&char::from(first));
    !formula
        && first != b' '
        && last != b' '
        && bytes.first_chunk() != Some(&IDEOGRAPHIC_SPACE)
        && bytes.last_chunk() != Some(&IDEOGRAPHIC_SPACE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_ordinary_edges() {
        for value in ["山田", "a", "Müller", "さくら", "a b", "1"] {
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
        ] {
            assert!(!ordinary_edges(value), "{value:?}");
        }
    }
}
