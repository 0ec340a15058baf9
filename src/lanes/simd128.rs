//! Blocks as one wasm `v128`: a flag is a byte of all ones.

use std::arch::wasm32::{
    i8x16_bitmask, u8x16, u8x16_eq, u8x16_lt, u8x16_splat, v128, v128_and, v128_andnot,
    v128_any_true, v128_not, v128_or,
};
use std::ops::{BitAnd, BitOr, Not};

/// 16 bytes in one vector.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block(v128);

/// One flag per byte of a block: the byte is all ones.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Flags(v128);

impl Block {
    /// The block of these bytes (one `v128.load` when they come from memory).
    #[inline(always)]
    pub(crate) fn load(bytes: [u8; 16]) -> Block {
        let [b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15] = bytes;
        Block(u8x16(
            b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15,
        ))
    }

    /// Flags the bytes below `n` (`n <= 0x80`, as the word version needs).
    #[inline(always)]
    pub(crate) fn below(self, n: u8) -> Flags {
        Flags(u8x16_lt(self.0, u8x16_splat(n)))
    }

    /// Flags the bytes equal to `b`.
    #[inline(always)]
    pub(crate) fn equal(self, b: u8) -> Flags {
        Flags(u8x16_eq(self.0, u8x16_splat(b)))
    }

    /// The block with `bits` set in every byte.
    #[inline(always)]
    pub(crate) fn or(self, bits: u8) -> Block {
        Block(v128_or(self.0, u8x16_splat(bits)))
    }
}

impl Flags {
    /// Whether any byte is flagged.
    #[inline(always)]
    pub(crate) fn any(self) -> bool {
        v128_any_true(self.0)
    }

    /// Bit `i` for byte `i`.
    #[inline(always)]
    pub(crate) fn mask(self) -> u32 {
        u32::from(i8x16_bitmask(self.0))
    }

    /// The flags of `self` that `other` does not have.
    #[inline(always)]
    pub(crate) fn and_not(self, other: Flags) -> Flags {
        Flags(v128_andnot(self.0, other.0))
    }
}

impl BitOr for Flags {
    type Output = Flags;
    #[inline(always)]
    fn bitor(self, other: Flags) -> Flags {
        Flags(v128_or(self.0, other.0))
    }
}

impl BitAnd for Flags {
    type Output = Flags;
    #[inline(always)]
    fn bitand(self, other: Flags) -> Flags {
        Flags(v128_and(self.0, other.0))
    }
}

impl Not for Flags {
    type Output = Flags;
    #[inline(always)]
    fn not(self) -> Flags {
        Flags(v128_not(self.0))
    }
}
