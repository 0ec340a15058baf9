//! Blocks as one SSE2 vector (x86-64, which always has SSE2), through `safe_arch`: a flag is a
//! byte of all ones.

use safe_arch::{
    bitand_m128i, bitandnot_m128i, bitor_m128i, bitxor_m128i, cmp_eq_mask_i8_m128i,
    load_unaligned_m128i, m128i, min_u8_m128i, move_mask_i8_m128i, set_splat_i8_m128i,
    zeroed_m128i,
};
use std::ops::{BitAnd, BitOr, Not};

/// 16 bytes in one vector.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block(m128i);

/// One flag per byte of a block: the byte is all ones.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Flags(m128i);

/// `b` in every byte.
#[inline(always)]
fn splat(b: u8) -> m128i {
    set_splat_i8_m128i(b as i8)
}

impl Block {
    /// The block of these bytes (one unaligned load).
    #[inline(always)]
    pub(crate) fn load(bytes: [u8; 16]) -> Block {
        Block(load_unaligned_m128i(&bytes))
    }

    /// Flags the bytes below `n` (`n <= 0x80`, as the word version needs).
    #[inline(always)]
    pub(crate) fn below(self, n: u8) -> Flags {
        // b < n exactly when min(b, n - 1) is b (for n > 0; nothing is below 0).
        match n.checked_sub(1) {
            Some(top) => Flags(cmp_eq_mask_i8_m128i(
                min_u8_m128i(self.0, splat(top)),
                self.0,
            )),
            None => Flags(zeroed_m128i()),
        }
    }

    /// Flags the bytes equal to `b`.
    #[inline(always)]
    pub(crate) fn equal(self, b: u8) -> Flags {
        Flags(cmp_eq_mask_i8_m128i(self.0, splat(b)))
    }

    /// The block with `bits` set in every byte.
    #[inline(always)]
    pub(crate) fn or(self, bits: u8) -> Block {
        Block(bitor_m128i(self.0, splat(bits)))
    }
}

impl Flags {
    /// Whether any byte is flagged.
    #[inline(always)]
    pub(crate) fn any(self) -> bool {
        move_mask_i8_m128i(self.0) != 0
    }

    /// Bit `i` for byte `i`.
    #[inline(always)]
    pub(crate) fn mask(self) -> u32 {
        move_mask_i8_m128i(self.0) as u32
    }

    /// The flags of `self` that `other` does not have.
    #[inline(always)]
    pub(crate) fn and_not(self, other: Flags) -> Flags {
        // (`bitandnot_m128i(a, b)` is `!a & b`.)
        Flags(bitandnot_m128i(other.0, self.0))
    }
}

impl BitOr for Flags {
    type Output = Flags;
    #[inline(always)]
    fn bitor(self, other: Flags) -> Flags {
        Flags(bitor_m128i(self.0, other.0))
    }
}

impl BitAnd for Flags {
    type Output = Flags;
    #[inline(always)]
    fn bitand(self, other: Flags) -> Flags {
        Flags(bitand_m128i(self.0, other.0))
    }
}

impl Not for Flags {
    type Output = Flags;
    #[inline(always)]
    fn not(self) -> Flags {
        Flags(bitxor_m128i(self.0, cmp_eq_mask_i8_m128i(self.0, self.0)))
    }
}
