//! Byte scans 16 bytes at a time. The hot loops of a check look at every byte of the file: the
//! tokenizer's split, the record's ASCII test, the control-character scan, the e-mail fast path.
//!
//! In wasm built with SIMD (`simd128`, which the package is: see `.cargo/config.toml`) a block is
//! one `v128`; on x86-64 one SSE2 vector; elsewhere two `u64` words flagged "SIMD within a
//! register" (exact: no carry crosses a byte). All give the same flags (tested against each
//! other), so the code above does not know which it runs on.

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[path = "lanes/simd128.rs"]
mod imp;
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[path = "lanes/sse2.rs"]
mod imp;
#[cfg(not(any(
    all(target_arch = "wasm32", target_feature = "simd128"),
    all(target_arch = "x86_64", target_feature = "sse2")
)))]
#[path = "lanes/swar.rs"]
mod imp;

pub(crate) use imp::{Block, Flags};

/// Bytes in a block.
pub(crate) const LANES: usize = 16;

impl Block {
    /// The 16 bytes at `bytes[at..]`; past the end of `bytes`, `pad`.
    #[inline(always)]
    fn at(bytes: &[u8], at: usize, pad: u8) -> Block {
        match bytes.get(at..at.saturating_add(LANES)) {
            Some(sixteen) => Block::load(sixteen.try_into().unwrap_or([pad; LANES])),
            None => Block::padded(bytes.get(at..).unwrap_or_default(), pad),
        }
    }

    /// `tail` (at most 16 bytes) padded with `pad`, lane by lane. Not a copy of `tail` into a
    /// padded array: a copy of variable length is a `memory.copy` in wasm, which V8 runs as a
    /// call out of the module (a few nanoseconds, as long as the scan of a whole record).
    #[inline(always)]
    fn padded(tail: &[u8], pad: u8) -> Block {
        Block::load(std::array::from_fn(|i| tail.get(i).copied().unwrap_or(pad)))
    }

    /// The block of `bytes[at..]` for a scan that needs each byte's position, and how many of
    /// its first lanes precede `at` (shift the masks right by as many). Where fewer than 16
    /// bytes are left, it is the last 16 bytes of `bytes`, which overlap the block before, so
    /// that nothing is padded (see [`Block::padded`]); only input shorter than 16 bytes is padded
    /// with `pad`.
    #[inline(always)]
    pub(crate) fn positioned(bytes: &[u8], at: usize, pad: u8) -> (Block, u32) {
        let end = at.saturating_add(LANES);
        match bytes.len().checked_sub(LANES) {
            Some(last) if end > bytes.len() => (
                Block::at(bytes, last, pad),
                (end - bytes.len()).min(LANES) as u32,
            ),
            _ => (Block::at(bytes, at, pad), 0),
        }
    }

    /// Blocks that cover `bytes` (none for empty `bytes`), for scans whose flags are combined
    /// regardless of position: the last block is the last 16 bytes, and may repeat bytes of the
    /// one before; only input shorter than 16 bytes is padded with `pad`.
    #[inline(always)]
    pub(crate) fn cover(bytes: &[u8], pad: u8) -> impl Iterator<Item = Block> + '_ {
        let whole = bytes.chunks_exact(LANES);
        let tail = whole.remainder();
        let last = (!tail.is_empty()).then(|| match bytes.len().checked_sub(LANES) {
            Some(last) => Block::at(bytes, last, pad),
            None => Block::padded(tail, pad),
        });
        whole
            .map(move |sixteen| Block::load(sixteen.try_into().unwrap_or([pad; LANES])))
            .chain(last)
    }

    /// Flags the bytes that may belong to a control character in UTF-8: C0 controls, DEL, and
    /// 0xC2, the lead byte of every C1 control.
    #[inline(always)]
    pub(crate) fn controls(self) -> Flags {
        self.below(0x20) | self.equal(0x7F) | self.equal(0xC2)
    }

    /// Flags the bytes in `lo..=hi` (`hi < 0x80`).
    #[inline(always)]
    pub(crate) fn within(self, lo: u8, hi: u8) -> Flags {
        self.below(hi + 1).and_not(self.below(lo))
    }
}

/// Whether `bytes` may contain a control character in UTF-8: a C0 control, DEL, or 0xC2 (the lead
/// byte of every C1 control). Text is almost always clean, and this says so cheaply: 16 bytes at a
/// time, without an early exit.
pub(crate) fn may_have_controls(bytes: &[u8]) -> bool {
    // Padding with a letter: not a control. One test at the end: the loop has no branch.
    Block::cover(bytes, b'a')
        .map(Block::controls)
        .reduce(|hits, b| hits | b)
        .is_some_and(|hits| hits.any())
}

/// Whether every byte is ASCII, 16 at a time (the standard library's test goes a `usize` at a
/// time, 4 bytes in wasm); every record is tested.
#[inline]
pub(crate) fn is_ascii(bytes: &[u8]) -> bool {
    !Block::cover(bytes, 0).any(|block| (!block.below(0x80)).any())
}

/// The word version, compiled for its test where another implementation is in use.
#[cfg(all(test, any(target_arch = "x86_64", target_arch = "wasm32")))]
#[path = "lanes/swar.rs"]
#[allow(dead_code)]
mod swar;

#[cfg(test)]
pub(crate) mod tests {
    //! Also run in wasm, where the code under test differs (see `bindings::unit_tests`).
    use super::*;

    /// The flags of a block as one bool per byte, through `mask`.
    fn lanes(flags: Flags) -> Vec<bool> {
        (0..LANES).map(|i| flags.mask() >> i & 1 == 1).collect()
    }

    #[test]
    pub(crate) fn flags_exactly_the_bytes_asked_for() {
        let bytes: Vec<u8> = (0..=255).collect();
        for chunk in bytes.chunks(LANES) {
            let block = Block::at(chunk, 0, 0);
            for n in [0x01, 0x20, 0x2D, 0x30, 0x5B, 0x80] {
                let expected: Vec<bool> = chunk.iter().map(|&b| b < n).collect();
                assert_eq!(lanes(block.below(n)), expected, "below {n:#x}");
            }
            for target in [0, 1, 0x2C, 0x7F, 0x80, 0xC2, 0xFF] {
                let expected: Vec<bool> = chunk.iter().map(|&b| b == target).collect();
                assert_eq!(lanes(block.equal(target)), expected, "equal {target:#x}");
            }
            let expected: Vec<bool> = chunk.iter().map(u8::is_ascii_uppercase).collect();
            assert_eq!(lanes(block.within(b'A', b'Z')), expected);
            let folded = block.or(0x20);
            let expected: Vec<bool> = chunk.iter().map(|&b| (b | 0x20) == b'a').collect();
            assert_eq!(lanes(folded.equal(b'a')), expected);
            let both = block.equal(chunk[0]) | block.equal(chunk[3]);
            let expected: Vec<bool> = (0..LANES).map(|i| i == 0 || i == 3).collect();
            assert_eq!(lanes(both), expected);
            assert_eq!(
                lanes(both & block.equal(chunk[3])),
                lanes(block.equal(chunk[3]))
            );
            assert_eq!(lanes(!both).iter().filter(|&&b| b).count(), LANES - 2);
            assert!(both.any() && !block.equal(chunk[0]).and_not(both).any());
        }
    }

    #[test]
    pub(crate) fn tells_ascii_apart() {
        for len in 0..=40usize {
            let base: Vec<u8> = (0..len).map(|i| b' ' + (i % 95) as u8).collect();
            assert!(super::is_ascii(&base), "{len}");
            for at in 0..len {
                for b in [0x7F, 0x80, 0xC2, 0xFF] {
                    let mut bytes = base.clone();
                    bytes[at] = b;
                    assert_eq!(
                        super::is_ascii(&bytes),
                        bytes.is_ascii(),
                        "{b:#x} at {at} of {len}"
                    );
                }
            }
        }
    }

    /// The word version (the fallback elsewhere) gives the flags this implementation gives.
    #[cfg(any(target_arch = "x86_64", target_arch = "wasm32"))]
    #[test]
    pub(crate) fn the_word_version_agrees() {
        use super::swar;
        let bytes: Vec<u8> = (0..=255).collect();
        for chunk in bytes.chunks(LANES) {
            let sixteen: [u8; LANES] = chunk.try_into().unwrap();
            let (ours, words) = (Block::load(sixteen), swar::Block::load(sixteen));
            for n in [0x01, 0x20, 0x2D, 0x30, 0x5B, 0x80] {
                assert_eq!(ours.below(n).mask(), words.below(n).mask(), "below {n:#x}");
            }
            for b in [0, 0x2C, 0x7F, 0xC2, 0xFF] {
                assert_eq!(ours.equal(b).mask(), words.equal(b).mask(), "equal {b:#x}");
                let (o, w) = (ours.or(b & 0x7F), words.or(b & 0x7F));
                assert_eq!(o.equal(b | 0x20).mask(), w.equal(b | 0x20).mask());
            }
            let (o, w) = (ours.equal(chunk[1]), words.equal(chunk[1]));
            let (o2, w2) = (ours.below(0x30), words.below(0x30));
            assert_eq!((o | o2).mask(), (w | w2).mask());
            assert_eq!((o & o2).mask(), (w & w2).mask());
            assert_eq!(o2.and_not(o).mask(), w2.and_not(w).mask());
            assert_eq!((!o).mask(), (!w).mask());
            assert_eq!((o.any(), o2.any()), (w.any(), w2.any()));
        }
    }

    #[test]
    pub(crate) fn pads_short_input_and_splits_long_input() {
        let short = Block::at(b"ab", 0, 0xFF);
        assert_eq!(short.equal(0xFF).mask(), 0xFFFC);
        assert_eq!(Block::at(b"ab", 5, 7).equal(7).mask(), 0xFFFF);
        let text = b"0123456789abcdef,x";
        assert_eq!(Block::at(text, 2, 0).equal(b',').mask(), 1 << 14);
        // Covering blocks: the last one ends with the input, overlapping; short input padded.
        let blocks: Vec<u32> = Block::cover(text, b'a')
            .map(|b| b.equal(b',').mask())
            .collect();
        assert_eq!(blocks, [0, 1 << 14]);
        let blocks: Vec<u32> = Block::cover(b"ab,", b',')
            .map(|b| b.equal(b',').mask())
            .collect();
        assert_eq!(blocks, [0xFFFC]);
        assert_eq!(Block::cover(b"", 0).count(), 0);
        assert_eq!(Block::cover(&text[..16], 0).count(), 1);
    }

    #[test]
    pub(crate) fn blocks_from_a_position_skip_the_lanes_before_it() {
        let text = b"0123456789abcdef,x";
        // Whole blocks: nothing skipped.
        let (block, skip) = Block::positioned(text, 0, 0);
        assert_eq!((block.equal(b'0').mask(), skip), (1, 0));
        // The tail: the last 16 bytes, the first 14 lanes already seen.
        let (block, skip) = Block::positioned(text, 16, 0);
        assert_eq!(skip, 14);
        assert_eq!(block.equal(b',').mask() >> skip, 1);
        assert_eq!(block.equal(b'x').mask() >> skip, 2);
        // Short input: padded, nothing skipped.
        let (block, skip) = Block::positioned(b"a,", 0, b',');
        assert_eq!((block.equal(b',').mask(), skip), (0xFFFE, 0));
        let (block, skip) = Block::positioned(b"a,", 2, b',');
        assert_eq!((block.equal(b',').mask(), skip), (0xFFFF, 0));
    }

    #[test]
    pub(crate) fn suspects_exactly_the_texts_with_a_suspicious_byte() {
        let suspicious = |text: &str| may_have_controls(text.as_bytes());
        let clean = "abcdefghijklmnopqrstu";
        assert!(!suspicious(clean) && !suspicious("") && !suspicious("山田 太郎 Müller ~"));
        for ch in [
            '\0', '\t', '\n', '\u{1F}', '\u{7F}', '\u{80}', '\u{85}', '\u{A0}',
        ] {
            for at in 0..=clean.len() {
                let text = format!("{}{ch}{}", &clean[..at], &clean[at..]);
                assert!(suspicious(&text), "{text:?}");
            }
        }
    }
}
