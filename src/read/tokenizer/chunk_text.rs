//! A chunk's text, validated as UTF-8 once. Records the fast path copies from it are then known to
//! be UTF-8 and need no validation of their own: one SIMD pass over the chunk instead of one
//! scalar pass per record (about 8 % of a check in wasm).

/// The part of a chunk that is valid UTF-8.
#[derive(Debug, Clone, Copy)]
pub(super) struct ChunkText<'a> {
    /// Where `text` starts in the chunk.
    from: usize,
    text: &'a str,
}

impl<'a> ChunkText<'a> {
    /// The text of `input`, leaving out the end of a character that the previous chunk began and
    /// a character that the next chunk ends; `None` if the rest is not UTF-8.
    pub(super) fn of(input: &'a [u8]) -> Option<ChunkText<'a>> {
        let from = input
            .iter()
            .take(3)
            .take_while(|&&b| is_continuation(b))
            .count();
        let to = complete_end(input).max(from);
        let text = simdutf8::basic::from_utf8(input.get(from..to)?).ok()?;
        Some(ChunkText { from, text })
    }

    /// The text of `input[begin..end]`, if it lies within the valid part and starts and ends
    /// between characters.
    #[inline]
    pub(super) fn get(&self, begin: usize, end: usize) -> Option<&'a str> {
        self.text
            .get(begin.checked_sub(self.from)?..end.checked_sub(self.from)?)
    }
}

fn is_continuation(b: u8) -> bool {
    (0x80..0xC0).contains(&b)
}

/// The length of `input` without a last character that it cuts off (a lead byte with fewer
/// continuation bytes after it than it announces).
fn complete_end(input: &[u8]) -> usize {
    let len = input.len();
    for back in 1..=len.min(4) {
        let at = len - back;
        let Some(&b) = input.get(at) else { break };
        if is_continuation(b) {
            continue;
        }
        let width = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        return if back < width { at } else { len };
    }
    len
}

#[cfg(test)]
pub(crate) mod tests {
    //! Also run in wasm, where the code under test differs (see `bindings::unit_tests`).
    use super::*;

    #[test]
    pub(crate) fn leaves_out_characters_cut_at_either_end() {
        let text = "a,山田\r\n".as_bytes();
        // "山" is E5 B1 B1: cut after its first byte, after its second, and whole.
        for (cut, to) in [(3, 2), (4, 2), (5, 5)] {
            let chunk = ChunkText::of(&text[..cut]).unwrap();
            assert_eq!((chunk.from, chunk.text.len()), (0, to), "cut at {cut}");
        }
        let tail = ChunkText::of(&text[4..]).unwrap();
        assert_eq!((tail.from, tail.text), (1, "田\r\n"));
        assert_eq!(tail.get(1, 4), Some("田"));
        assert_eq!(tail.get(0, 4), None, "before the valid part");
        assert_eq!(tail.get(2, 4), None, "inside a character");
        assert_eq!(tail.get(1, 9), None, "past the end");
        assert_eq!(ChunkText::of(b"").unwrap().text, "");
        assert_eq!(ChunkText::of(b"\x80\x80\x80").unwrap().text, "");
    }

    #[test]
    pub(crate) fn refuses_chunks_that_are_not_utf8() {
        assert!(ChunkText::of(b"a,\x82\xa0\r\n").is_none(), "Shift_JIS");
        assert!(
            ChunkText::of(b"\x80\x80\x80\x80a").is_none(),
            "four continuation bytes"
        );
        assert!(ChunkText::of(b"a\xC0\x80").is_none(), "overlong");
        assert!(ChunkText::of(b"a\xFFb").is_none());
    }
}
