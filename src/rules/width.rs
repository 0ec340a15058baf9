//! Full-width ASCII (U+FF01–FF5E) and the ideographic space (U+3000): what a Japanese input
//! method types for ASCII. One place for the mapping that the rules, the messages and the
//! converter share.

/// Whether `c` is a full-width form of an ASCII character or the ideographic space.
pub(crate) fn is_wide(c: char) -> bool {
    ('\u{FF01}'..='\u{FF5E}').contains(&c) || c == '\u{3000}'
}

/// The half-width form of `c` (the ideographic space is a space); any other character as is.
pub(crate) fn narrow(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_the_full_width_block_and_the_ideographic_space() {
        let wide = "Ｐａｓｓ　１２３！～";
        assert!(wide.chars().all(is_wide));
        assert_eq!(wide.chars().map(narrow).collect::<String>(), "Pass 123!~");
        for c in ['a', 'ｱ', '山', '\u{FF00}', '\u{FF5F}', '￥'] {
            assert!(!is_wide(c), "{c}");
            assert_eq!(narrow(c), c);
        }
    }
}
