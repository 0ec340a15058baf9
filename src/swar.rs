//! Byte scans 8 bytes at a time in a `u64` ("SIMD within a register"). wasm has no SIMD by default
//! but 64-bit integers, and the hot loops of a check look at every byte of the file. Each function
//! flags bytes in the high bit of their lane; the flags are exact (no carry crosses a byte).

/// `b` in every byte of a word.
pub(crate) const fn splat(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// The high bit of every byte.
const HIGH: u64 = splat(0x80);

/// The 8 bytes at `bytes[at..]` as a little-endian word (byte `at` in the low lane), if there are
/// 8; shorter tails are padded with `pad`.
#[inline(always)]
pub(crate) fn word(bytes: &[u8], at: usize, pad: u8) -> u64 {
    match bytes.get(at..at.saturating_add(8)) {
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or([pad; 8])),
        None => {
            let mut padded = [pad; 8];
            let tail = bytes.get(at..).unwrap_or_default();
            if let Some(head) = padded.get_mut(..tail.len()) {
                head.copy_from_slice(tail);
            }
            u64::from_le_bytes(padded)
        }
    }
}

/// The words of `bytes`, the last one padded with `pad` (none for empty `bytes`).
#[inline(always)]
pub(crate) fn words(bytes: &[u8], pad: u8) -> impl Iterator<Item = u64> + '_ {
    let eights = bytes.chunks_exact(8);
    let tail = eights.remainder();
    let last = (!tail.is_empty()).then(|| word(tail, 0, pad));
    eights
        .map(move |eight| u64::from_le_bytes(eight.try_into().unwrap_or([pad; 8])))
        .chain(last)
}

/// Flags the bytes of `w` below `n` (`n <= 0x80`).
#[inline(always)]
pub(crate) fn below(w: u64, n: u8) -> u64 {
    // (b & 0x7F) + (0x80 - n) reaches the high bit iff b & 0x7F >= n; a byte >= 0x80 is not below.
    let at_least = (w & !HIGH).wrapping_add(splat(0x80u8.wrapping_sub(n)));
    !(at_least | w) & HIGH
}

/// Flags the bytes of `w` equal to `b`.
#[inline(always)]
pub(crate) fn equal(w: u64, b: u8) -> u64 {
    let x = w ^ splat(b);
    // A lane of x is zero iff neither its low 7 bits carry into the high bit nor it has that bit.
    !(((x & !HIGH).wrapping_add(!HIGH)) | x) & HIGH
}

/// Flags the bytes of `w` with the high bit set (not ASCII).
#[inline(always)]
pub(crate) fn non_ascii(w: u64) -> u64 {
    w & HIGH
}

/// The index (0 to 7) of the lowest flagged byte of a non-zero flag word.
#[inline(always)]
pub(crate) fn first(flags: u64) -> usize {
    (flags.trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_exactly_the_bytes_asked_for() {
        let bytes: Vec<u8> = (0..=255).collect();
        for chunk in bytes.chunks(8) {
            let w = word(chunk, 0, 0);
            for n in [0x20, 0x2D, 0x30, 0x80] {
                for (lane, &b) in chunk.iter().enumerate() {
                    assert_eq!(below(w, n) >> (lane * 8 + 7) & 1 == 1, b < n, "{b} < {n}");
                }
            }
            for target in [0, 1, 0x2C, 0x7F, 0x80, 0xC2, 0xFF] {
                for (lane, &b) in chunk.iter().enumerate() {
                    assert_eq!(equal(w, target) >> (lane * 8 + 7) & 1 == 1, b == target);
                }
            }
        }
        assert_eq!(first(below(word(b"abc,def", 0, 0xFF), 0x2D)), 3);
        assert_eq!(
            word(b"ab", 0, 0xFF),
            u64::from_le_bytes(*b"ab\xFF\xFF\xFF\xFF\xFF\xFF")
        );
        assert_eq!(word(b"ab", 5, 7), splat(7));
        let all: Vec<u64> = words(b"0123456789", 0).collect();
        assert_eq!(all, [word(b"01234567", 0, 0), word(b"89", 0, 0)]);
        assert_eq!(words(b"", 0).count(), 0);
    }
}
