//! The unique index's table: key hash → first row, open addressing with linear probing.
//!
//! The keys are already uniform 64-bit hashes, so the table needs no hasher and no control
//! bytes. A slot is 4 bytes: 8 bits of the hash and the key's ordinal (its place in insertion
//! order, plus one: 0 marks a free slot); the whole hash and the first row are kept per ordinal,
//! side by side in one array (one append a key: two arrays' appends cost a wasm check ≈ 1.5 %),
//! written only at its end and read only when the 8 bits match. The table is far
//! larger than the cache, so every slot the check touches is a wait for memory, and in wasm also
//! a page-table walk: at 4 bytes a slot and up to 5/8 full, a million keys are probed in 4 to 8 MB
//! instead of 16 to 32 (8-byte slots, half full), which the address cache covers far better
//! (wasm check of a million rows ≈ 5 % faster).
//!
//! Growing puts every key back from the hashes, read in order. A caller that can tell how many
//! keys are coming (see `UniqueIndex`) has the table sized for them the next time it grows, once,
//! instead of doubling it again and again (each time every key is put back: in a million-row wasm
//! check the doublings cost about 5 %).

/// Marks a free slot.
const FREE: u32 = 0;
/// Bits of a slot that hold the ordinal (plus one); the others hold 8 bits of the hash.
const ORDINAL_BITS: u32 = 24;
const ORDINAL: u32 = (1 << ORDINAL_BITS) - 1;
/// Most keys the table holds (the unique rule caps its index there).
pub(crate) const MAX_LEN: usize = ORDINAL as usize - 1;

/// Key hash → first row.
#[derive(Default)]
pub(crate) struct FirstRows {
    /// Hash bits 32..40 | (ordinal + 1), or [`FREE`]; the length is a power of two (or 0).
    slots: Vec<u32>,
    /// Per ordinal: the hash and the key's first row.
    keys: Vec<Key>,
}

/// A key in the table.
#[derive(Clone, Copy)]
struct Key {
    hash: u64,
    first_row: u64,
}

/// The hash bits a slot keeps, in place.
fn tag(hash: u64) -> u32 {
    ((hash >> 32) as u32 & 0xFF) << ORDINAL_BITS
}

impl FirstRows {
    /// Number of keys held.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The row recorded for `hash`, or else records `row` for it if `room` (and returns `None`).
    /// When the table must grow, `expected` tells how many keys it should then be sized for (0:
    /// no idea; it doubles).
    pub(crate) fn get_or_insert(
        &mut self,
        hash: u64,
        row: u64,
        room: bool,
        expected: impl FnOnce(usize) -> usize,
    ) -> Option<u64> {
        let free = match self.find(hash) {
            Ok(row) => return Some(row),
            Err(free) => free,
        };
        let ordinal = self.len();
        if !room || ordinal >= MAX_LEN {
            return None;
        }
        self.keys.push(Key {
            hash,
            first_row: row,
        });
        let slot = tag(hash) | (ordinal as u32 + 1);
        match free {
            Some(i) if self.len() * 8 <= self.slots.len() * 5 => {
                if let Some(s) = self.slots.get_mut(i) {
                    *s = slot;
                }
            }
            _ => self.grow(expected(self.len())),
        }
        None
    }

    /// Number of slots (a power of two, or 0).
    #[cfg(test)]
    pub(crate) fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// The home slot of `hash`, for [`FirstRows::touch_all`] (in an empty table, a slot that is
    /// not there: loading it finds nothing).
    pub(crate) fn home(&self, hash: u64) -> u32 {
        home(hash, self.slots.len()) as u32
    }

    /// Loads the slots `homes` (from [`FirstRows::home`]) and returns their XOR: prefetches, for a
    /// caller that has the hashes of several keys at once, so that their cache misses overlap.
    /// The homes are found first, so that this loop is little more than the loads and the core
    /// keeps as many of them in flight as it can (wasm check of a million rows ≈ 4 % faster than
    /// a loop that found each home before its load).
    pub(crate) fn touch_all(&self, homes: &[u32]) -> u64 {
        homes.iter().fold(0, |acc, &i| {
            acc ^ u64::from(self.slots.get(i as usize).copied().unwrap_or(FREE))
        })
    }

    /// The row of `hash`, or else the free slot where it would go (`None` in an empty table).
    fn find(&self, hash: u64) -> Result<u64, Option<usize>> {
        let Some(mask) = self.slots.len().checked_sub(1) else {
            return Err(None);
        };
        let tag = tag(hash);
        let mut i = home(hash, self.slots.len());
        loop {
            match self.slots.get(i).copied() {
                Some(FREE) | None => return Err(Some(i)),
                Some(slot) if slot & !ORDINAL == tag => {
                    let ordinal = ((slot & ORDINAL) as usize).wrapping_sub(1);
                    match self.keys.get(ordinal) {
                        Some(key) if key.hash == hash => return Ok(key.first_row),
                        _ => {}
                    }
                }
                Some(_) => {}
            }
            i = (i + 1) & mask;
        }
    }

    /// Doubles the table, or makes it large enough for `expected` keys if that is more (and
    /// reserves room for them in the keys' array, if memory allows), and puts every key back, from the
    /// hashes (read in order).
    fn grow(&mut self, expected: usize) {
        let expected = expected.min(MAX_LEN);
        let doubled = (self.slots.len() * 2).max(64);
        // At most 5/8 full with `expected` keys.
        let sized = (expected.saturating_mul(8) / 5 + 1).next_power_of_two();
        let mut size = doubled.max(sized);
        let mut slots = Vec::new();
        if slots.try_reserve_exact(size).is_err() {
            // The expectation is a hint: without the memory for it, the table doubles.
            size = doubled;
        }
        if let Some(more) = expected.checked_sub(self.keys.len()).filter(|&n| n > 0) {
            // Likewise: without the memory, the keys' array grows as it fills.
            let _ = self.keys.try_reserve_exact(more);
        }
        slots.resize(size, FREE);
        self.slots = slots;
        let mask = size - 1;
        for (ordinal, &Key { hash, .. }) in self.keys.iter().enumerate() {
            let mut i = home(hash, size);
            while let Some(s) = self.slots.get_mut(i) {
                if *s == FREE {
                    *s = tag(hash) | (ordinal as u32 + 1);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }
}

/// The home slot of `hash` in a table of `len` slots (a power of two): its top bits.
fn home(hash: u64, len: usize) -> usize {
    let bits = len.trailing_zeros();
    hash.checked_shr(64 - bits).unwrap_or(0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No expectation: the table doubles.
    fn none(_: usize) -> usize {
        0
    }

    #[test]
    fn keeps_the_first_row_of_every_key() {
        let mut table = FirstRows::default();
        // Keys that all share one home slot (the key 0 among them), then spread ones.
        let keys =
            (0..3_000u64).chain((1..3_000u64).map(|k| k.wrapping_mul(0x9E37_79B9_7F4A_7C15)));
        let keys: Vec<u64> = keys.collect();
        for (row, &hash) in keys.iter().enumerate() {
            assert_eq!(table.get_or_insert(hash, row as u64, true, none), None);
        }
        assert_eq!(table.len(), keys.len());
        for (row, &hash) in keys.iter().enumerate() {
            assert_eq!(
                table.get_or_insert(hash, 99_999, true, none),
                Some(row as u64)
            );
        }
        assert_eq!(table.get_or_insert(u64::MAX, 1, false, none), None);
        assert_eq!(table.get_or_insert(u64::MAX, 2, true, none), None);
        assert_eq!(table.get_or_insert(u64::MAX, 3, true, none), Some(2));
        assert_eq!(table.len(), keys.len() + 1);
    }

    #[test]
    fn the_home_slot_of_every_key_held_is_taken() {
        let mut table = FirstRows::default();
        assert_eq!(table.touch_all(&[table.home(7), 0, 5]), u64::from(FREE));
        let keys: Vec<u64> = (0..2_000u64)
            .map(|k| k.wrapping_mul(0x9E37_79B9_7F4A_7C15) | (k % 7))
            .collect();
        for (row, &hash) in keys.iter().enumerate() {
            table.get_or_insert(hash, row as u64, true, none);
        }
        // A key sits in its home slot or after it, past taken slots only.
        let homes: Vec<u32> = keys.iter().map(|&hash| table.home(hash)).collect();
        assert!(homes.iter().all(|&i| (i as usize) < table.capacity()));
        for &home in &homes {
            assert_ne!(table.touch_all(&[home]), u64::from(FREE));
        }
        let slots: u64 = homes
            .iter()
            .map(|&i| u64::from(table.slots[i as usize]))
            .fold(0, |a, s| a ^ s);
        assert_eq!(table.touch_all(&homes), slots);
        assert_eq!(table.touch_all(&[u32::MAX]), u64::from(FREE));
    }

    #[test]
    fn an_expectation_sizes_the_table_once() {
        let mut table = FirstRows::default();
        let keys: Vec<u64> = (1..=10_000u64)
            .map(|k| k.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        // No idea of what is coming for the first 150 keys, then 10,000 expected.
        let expected = |keys: usize| if keys > 150 { 10_000 } else { 0 };
        let mut sizes = Vec::new();
        for (row, &hash) in keys.iter().enumerate() {
            assert_eq!(table.get_or_insert(hash, row as u64, true, expected), None);
            if sizes.last() != Some(&table.capacity()) {
                sizes.push(table.capacity());
            }
        }
        // Doubled at 41 and 81 keys; at 161, sized for 10,000 keys at most 5/8 full (16,000 slots).
        assert_eq!(sizes, [64, 128, 256, 16_384]);
        assert!(table.keys.capacity() >= 10_000);
        for (row, &hash) in keys.iter().enumerate() {
            assert_eq!(table.get_or_insert(hash, 0, true, none), Some(row as u64));
        }
        // Beyond the expectation, it doubles again.
        for k in 10_001..=10_300u64 {
            table.get_or_insert(k.wrapping_mul(0x9E37_79B9_7F4A_7C15), k, true, expected);
        }
        assert_eq!(table.capacity(), 32_768);
        assert_eq!(table.len(), 10_300);
    }

    #[test]
    fn keys_whose_slots_look_alike_are_told_apart() {
        let mut table = FirstRows::default();
        let (a, b) = (0xDEAD_BEEF_0000_0001_u64, 0xDEAD_BEEF_0000_0002_u64);
        assert_eq!(table.get_or_insert(a, 1, true, none), None);
        assert_eq!(table.get_or_insert(b, 2, true, none), None);
        assert_eq!(table.get_or_insert(a, 3, true, none), Some(1));
        assert_eq!(table.get_or_insert(b, 4, true, none), Some(2));
        assert_eq!(table.len(), 2);
    }
}
