//! The unique index's table: key hash → first row, open addressing with linear probing.
//!
//! The keys are already uniform 64-bit hashes, so the table needs no hasher and no control
//! bytes: one probe reads one 16-byte slot, usually in the cache line of the first. A key's home
//! slot is given by the hash's top bits, so homes keep their order when the table doubles and
//! growing streams through both tables instead of scattering a cache miss per key.

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

    /// The row recorded for `hash`, or else records `row` for it if `room` (and returns `None`).
    pub(crate) fn get_or_insert(&mut self, hash: u64, row: u64, room: bool) -> Option<u64> {
        if hash == FREE {
            if self.zero.is_none() && room {
                self.zero = Some(row);
                self.len += 1;
                return None;
            }
            return self.zero;
        }
        let free = match find(&self.slots, hash) {
            Ok(row) => return Some(row),
            Err(free) => free,
        };
        if !room {
            return None;
        }
        self.len += 1;
        // At most three quarters full, so that probe runs stay short.
        match free {
            Some(i) if self.len * 4 <= self.slots.len() * 3 => {
                if let Some(slot) = self.slots.get_mut(i) {
                    *slot = (hash, row);
                }
            }
            _ => {
                self.grow();
                put(&mut self.slots, hash, row);
            }
        }
        None
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

/// The home slot of `hash` in a table of `len` slots (a power of two): its top bits.
fn home(hash: u64, len: usize) -> usize {
    let bits = len.trailing_zeros();
    hash.checked_shr(64 - bits).unwrap_or(0) as usize
}

/// The row of `hash`, or else the free slot where it would go (`None` in an empty table).
fn find(slots: &[(u64, u64)], hash: u64) -> Result<u64, Option<usize>> {
    let Some(mask) = slots.len().checked_sub(1) else {
        return Err(None);
    };
    let mut i = home(hash, slots.len());
    loop {
        match slots.get(i) {
            Some(&(h, row)) if h == hash => return Ok(row),
            Some(&(FREE, _)) | None => return Err(Some(i)),
            Some(_) => i = (i + 1) & mask,
        }
    }
}

/// Puts `(hash, row)` in the first free slot from its home (the table has a free slot).
fn put(slots: &mut [(u64, u64)], hash: u64, row: u64) {
    let mask = slots.len() - 1;
    let mut i = home(hash, slots.len());
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
}
