//! Hashes for keys and cells, and sets of key hashes (for references between files).

use std::collections::HashSet;

/// A value that no cell hash takes: the column was not in the file.
pub(crate) const ABSENT: u32 = u32::MAX;

/// The 64-bit hash of a key: its parts joined by U+001F, lowercased when `ignore_case` (the
/// unique rule's hash, so that one key hashes alike everywhere).
pub(crate) use crate::hash::key as key_hash;

/// The 31-bit hash of a cell value (never [`ABSENT`]).
pub(crate) fn cell_hash(value: &str) -> u32 {
    (crate::hash::bytes(value.as_bytes()) as u32) & 0x7FFF_FFFF
}

/// The key hashes of one file (or export), for references from other files.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeySet {
    /// Whether keys are compared ignoring case.
    pub ignore_case: bool,
    /// The hashes.
    pub hashes: HashSet<u64>,
    /// Whether keys were left out because of the index limit (then a miss proves nothing).
    pub capped: bool,
}

impl KeySet {
    pub(crate) fn new(ignore_case: bool) -> Self {
        KeySet {
            ignore_case,
            hashes: HashSet::new(),
            capped: false,
        }
    }

    /// Adds a hash, unless the set holds `max` already.
    pub(crate) fn insert(&mut self, hash: u64, max: usize) {
        if self.hashes.len() >= max && !self.hashes.contains(&hash) {
            self.capped = true;
            return;
        }
        self.hashes.insert(hash);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_only_when_asked() {
        let mut buf = String::new();
        let a = key_hash(["Taro@Example.com"].into_iter(), true, &mut buf);
        let b = key_hash(["taro@example.com"].into_iter(), true, &mut buf);
        let c = key_hash(["Taro@Example.com"].into_iter(), false, &mut buf);
        assert_eq!(a, b);
        assert_ne!(a, c);
        let ab = key_hash(["a", "b"].into_iter(), false, &mut buf);
        let a_b = key_hash(["a\u{1F}b"].into_iter(), false, &mut buf);
        assert_eq!(ab, a_b, "parts are joined by U+001F");
        assert_ne!(cell_hash(""), ABSENT);
    }
}
