//! Blocks as two `u64` words, "SIMD within a register": each flag is the high bit of its byte.

use std::ops::{BitAnd, BitOr, Not};

/// `b` in every byte of a word.
const fn splat(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// The high bit of every byte.
const HIGH: u64 = splat(0x80);

/// 16 bytes, as two little-endian words (byte 0 in the low lane of the first).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block([u64; 2]);

/// One flag per byte of a block: the high bit of its lane.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Flags([u64; 2]);

impl Block {
    /// The block of these bytes.
    #[inline(always)]
    pub(crate) fn load(bytes: [u8; 16]) -> Block {
        let [a0, a1, a2, a3, a4, a5, a6, a7, b0, b1, b2, b3, b4, b5, b6, b7] = bytes;
        Block([
            u64::from_le_bytes([a0, a1, a2, a3, a4, a5, a6, a7]),
            u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]),
        ])
    }

    #[inline(always)]
    fn flags(self, f: impl Fn(u64) -> u64) -> Flags {
        let [a, b] = self.0;
        Flags([f(a), f(b)])
    }

    /// Flags the bytes below `n` (`n <= 0x80`).
    #[inline(always)]
    pub(crate) fn below(self, n: u8) -> Flags {
        // (b & 0x7F) + (0x80 - n) reaches the high bit iff b & 0x7F >= n; a byte >= 0x80 is not
        // below.
        self.flags(|w| {
            let at_least = (w & !HIGH).wrapping_add(splat(0x80u8.wrapping_sub(n)));
            !(at_least | w) & HIGH
        })
    }

    /// Flags the bytes equal to `b`.
    #[inline(always)]
    pub(crate) fn equal(self, b: u8) -> Flags {
        self.flags(|w| {
            let x = w ^ splat(b);
            // A lane of x is zero iff neither its low 7 bits carry into the high bit nor it has
            // that bit.
            !(((x & !HIGH).wrapping_add(!HIGH)) | x) & HIGH
        })
    }

    /// The block with `bits` set in every byte.
    #[inline(always)]
    pub(crate) fn or(self, bits: u8) -> Block {
        let [a, b] = self.0;
        Block([a | splat(bits), b | splat(bits)])
    }
}

impl Flags {
    /// Whether any byte is flagged.
    #[inline(always)]
    pub(crate) fn any(self) -> bool {
        self.0[0] | self.0[1] != 0
    }

    /// Bit `i` for byte `i`.
    #[inline(always)]
    pub(crate) fn mask(self) -> u32 {
        // Lane i's bit 8i times 2^(7j + 7) lands at bit 56 + i exactly when i + j = 7, and no two
        // products share a bit, so nothing carries.
        let bits = |w: u64| ((w >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32;
        bits(self.0[0]) | bits(self.0[1]) << 8
    }

    /// The flags of `self` that `other` does not have.
    #[inline(always)]
    pub(crate) fn and_not(self, other: Flags) -> Flags {
        Flags([self.0[0] & !other.0[0], self.0[1] & !other.0[1]])
    }
}

impl BitOr for Flags {
    type Output = Flags;
    #[inline(always)]
    fn bitor(self, other: Flags) -> Flags {
        Flags([self.0[0] | other.0[0], self.0[1] | other.0[1]])
    }
}

impl BitAnd for Flags {
    type Output = Flags;
    #[inline(always)]
    fn bitand(self, other: Flags) -> Flags {
        Flags([self.0[0] & other.0[0], self.0[1] & other.0[1]])
    }
}

impl Not for Flags {
    type Output = Flags;
    #[inline(always)]
    fn not(self) -> Flags {
        Flags([!self.0[0] & HIGH, !self.0[1] & HIGH])
    }
}
