//! The unique index's table: key hash → first row, open addressing with linear probing.
//!
//! The keys are already uniform 64-bit hashes, so the table needs no hasher and no control
//! bytes: one probe reads one 16-byte slot, usually in the cache line of the first. This is leaner
//! than a general hash map, in wasm above all (no SIMD group probing there).

/// Marks a free slot; the key 0 itself is kept aside.
const FREE: u64 = 0;

/// Key hash → first row.
#[derive(Default)]
pub(crate) struct FirstRows {
    /// `(hash, row)`, `hash == FREE` when free; the length is a power of two (or 0).
    slots: Vec<(u64, u64)>,
    /// The row of the key 0.
    zero: Option<u64>,
    len: usize,
}

impl FirstRows {
    /// Number of keys held.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The row recorded for `hash`.
    pub(crate) fn get(&self, hash: u64) -> Option<u64> {
        if hash == FREE {
            return self.zero;
        }
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = slot_of(hash, mask);
        loop {
            match self.slots.get(i) {
                Some(&(h, row)) if h == hash => return Some(row),
                Some(&(FREE, _)) | None => return None,
                Some(_) => i = (i + 1) & mask,
            }
        }
    }

    /// Records `row` for `hash`, which must not be held yet.
    pub(crate) fn insert(&mut self, hash: u64, row: u64) {
        self.len += 1;
        if hash == FREE {
            self.zero = Some(row);
            return;
        }
        // At most three quarters full, so that probe runs stay short.
        if self.len * 4 > self.slots.len() * 3 {
            self.grow();
        }
        put(&mut self.slots, hash, row);
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        let old = std::mem::replace(&mut self.slots, vec![(FREE, 0); size]);
        for (hash, row) in old {
            if hash != FREE {
                put(&mut self.slots, hash, row);
            }
        }
    }
}

/// The home slot of `hash` (its halves folded, so that keys differing only in the high half
/// spread too).
fn slot_of(hash: u64, mask: usize) -> usize {
    ((hash >> 32) ^ hash) as usize & mask
}

/// Puts `(hash, row)` in the first free slot from its home (the table has a free slot).
fn put(slots: &mut [(u64, u64)], hash: u64, row: u64) {
    let mask = slots.len() - 1;
    let mut i = slot_of(hash, mask);
    while let Some(slot) = slots.get_mut(i) {
        if slot.0 == FREE {
            *slot = (hash, row);
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
        assert_eq!(table.get(7), None);
        // Keys that all share one home slot (the key 0 among them), then spread ones.
        let keys = (0..3_000u64)
            .map(|k| (k << 32) | k)
            .chain((1..3_000u64).map(|k| k * 7919));
        let keys: Vec<u64> = keys.collect();
        for (row, &hash) in keys.iter().enumerate() {
            assert_eq!(table.get(hash), None);
            table.insert(hash, row as u64);
        }
        assert_eq!(table.len(), keys.len());
        for (row, &hash) in keys.iter().enumerate() {
            assert_eq!(table.get(hash), Some(row as u64));
        }
        assert_eq!(table.get(u64::MAX), None);
    }
}
