//! The unique index's table: key hash → first row, open addressing with linear probing.
//!
//! The keys are already uniform 64-bit hashes, so the table needs no hasher and no control
//! bytes. A slot is 8 bytes: the hash's high 32 bits and the key's ordinal (its place in insertion
//! order, plus one: 0 marks a free slot). The hash's low 32 bits and the first row are kept per
//! ordinal, in arrays written only at their end and read only when the high bits match. A million
//! keys are so probed in 16 MB instead of 32, and a probe run shares its cache line more often:
//! each line the check touches is a wait for main memory.
//!
//! A key's home slot is given by the hash's top bits (kept in the slot), so homes keep their
//! order when the table doubles and growing streams through both tables.

/// Marks a free slot.
const FREE: u64 = 0;
/// The high half of a slot: the hash's high 32 bits.
const HIGH: u64 = 0xFFFF_FFFF_0000_0000;
/// Most keys the table holds: their homes must come from the high half of the hash, so the table
/// has at most 2^32 slots, half of them used. (Far beyond any memory: over 50 GB.)
const MAX_LEN: usize = 1 << 31;

/// Key hash → first row.
#[derive(Default)]
pub(crate) struct FirstRows {
    /// High half of the hash | (ordinal + 1), or [`FREE`]; the length is a power of two (or 0).
    slots: Vec<u64>,
    /// Per ordinal: the hash's low 32 bits.
    low: Vec<u32>,
    /// Per ordinal: the key's first row.
    rows: Vec<u64>,
}

impl FirstRows {
    /// Number of keys held.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The row recorded for `hash`, or else records `row` for it if `room` (and returns `None`).
    pub(crate) fn get_or_insert(&mut self, hash: u64, row: u64, room: bool) -> Option<u64> {
        let free = match self.find(hash) {
            Ok(row) => return Some(row),
            Err(free) => free,
        };
        let ordinal = self.len();
        if !room || ordinal >= MAX_LEN {
            return None;
        }
        self.low.push(hash as u32);
        self.rows.push(row);
        let slot = (hash & HIGH) | (ordinal as u64 + 1);
        // At most half full, so that probe runs stay short: every cache line they cross is a wait.
        match free {
            Some(i) if self.len() * 2 <= self.slots.len() => {
                if let Some(s) = self.slots.get_mut(i) {
                    *s = slot;
                }
            }
            _ => {
                self.grow();
                put(&mut self.slots, slot);
            }
        }
        None
    }

    /// Loads the home slot of `hash` and returns it: a prefetch, for a caller that has the hashes
    /// of several keys at once (their cache misses then overlap).
    pub(crate) fn touch(&self, hash: u64) -> u64 {
        let home = home(hash, self.slots.len());
        self.slots.get(home).copied().unwrap_or(FREE)
    }

    /// The row of `hash`, or else the free slot where it would go (`None` in an empty table).
    fn find(&self, hash: u64) -> Result<u64, Option<usize>> {
        let Some(mask) = self.slots.len().checked_sub(1) else {
            return Err(None);
        };
        let mut i = home(hash, self.slots.len());
        loop {
            match self.slots.get(i).copied() {
                Some(FREE) | None => return Err(Some(i)),
                Some(slot) if (slot ^ hash) & HIGH == 0 => {
                    // The high halves match: the low half decides (read once per key, about).
                    let ordinal = (slot as u32 as usize).wrapping_sub(1);
                    if self.low.get(ordinal) == Some(&(hash as u32)) {
                        return Ok(self.rows.get(ordinal).copied().unwrap_or(0));
                    }
                }
                Some(_) => {}
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        let old = std::mem::replace(&mut self.slots, vec![FREE; size]);
        for slot in old {
            if slot != FREE {
                put(&mut self.slots, slot);
            }
        }
    }
}

/// The home slot of `hash` (or of a slot, which keeps its high half) in a table of `len` slots
/// (a power of two, at most 2^32): its top bits.
fn home(hash: u64, len: usize) -> usize {
    let bits = len.trailing_zeros();
    hash.checked_shr(64 - bits).unwrap_or(0) as usize
}

/// Puts `slot` in the first free slot from its home (the table has one).
fn put(slots: &mut [u64], slot: u64) {
    let mask = slots.len().wrapping_sub(1);
    let mut i = home(slot, slots.len());
    while let Some(s) = slots.get_mut(i) {
        if *s == FREE {
            *s = slot;
            return;
        }
        i = (i + 1) & mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_row_of_every_key() {
        let mut table = FirstRows::default();
        // Keys that all share one home slot (the key 0 among them), then spread ones.
        let keys =
            (0..3_000u64).chain((1..3_000u64).map(|k| k.wrapping_mul(0x9E37_79B9_7F4A_7C15)));
        let keys: Vec<u64> = keys.collect();
        for (row, &hash) in keys.iter().enumerate() {
            assert_eq!(table.get_or_insert(hash, row as u64, true), None);
        }
        assert_eq!(table.len(), keys.len());
        for (row, &hash) in keys.iter().enumerate() {
            assert_eq!(table.get_or_insert(hash, 99_999, true), Some(row as u64));
        }
        assert_eq!(table.get_or_insert(u64::MAX, 1, false), None);
        assert_eq!(table.get_or_insert(u64::MAX, 2, true), None);
        assert_eq!(table.get_or_insert(u64::MAX, 3, true), Some(2));
        assert_eq!(table.len(), keys.len() + 1);
    }

    #[test]
    fn keys_with_the_same_high_half_are_told_apart() {
        let mut table = FirstRows::default();
        let (a, b) = (0xDEAD_BEEF_0000_0001_u64, 0xDEAD_BEEF_0000_0002_u64);
        assert_eq!(table.get_or_insert(a, 1, true), None);
        assert_eq!(table.get_or_insert(b, 2, true), None);
        assert_eq!(table.get_or_insert(a, 3, true), Some(1));
        assert_eq!(table.get_or_insert(b, 4, true), Some(2));
        assert_eq!(table.len(), 2);
    }
}
