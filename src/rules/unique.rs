//! What it checks: keys that must be unique across the file (IWpro `mail_address`, ignoring case).
//! Why: the system rejects or merges the second row; CELF fails the whole import.
//! Memory: one 64-bit hash and the first row per distinct key (`crate::hash`; a false duplicate
//! needs a 64-bit collision, about 1 in 10^7 for a million keys), capped at `max_keys`.
//! Example: `Taro@example.com` in row 5 after `taro@example.com` in row 2 → `unique-error`.

mod first_rows;

use crate::report::{Code, Kind};
use first_rows::FirstRows;

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::UniqueError, Code::IndexLimitReached];

/// The index of one unique key.
pub(crate) struct UniqueIndex {
    ignore_case: bool,
    max_keys: usize,
    seen: FirstRows,
    full: bool,
    buf: String,
}

impl UniqueIndex {
    /// An index of at most `max_keys` keys (and at most [`first_rows::MAX_LEN`]).
    pub(crate) fn new(ignore_case: bool, max_keys: usize) -> Self {
        UniqueIndex {
            ignore_case,
            max_keys: max_keys.min(first_rows::MAX_LEN),
            seen: FirstRows::default(),
            full: false,
            buf: String::new(),
        }
    }

    /// Records the key of `row`; reports an earlier row with the same key.
    pub(crate) fn check<'a>(
        &mut self,
        parts: impl Iterator<Item = &'a str>,
        row: u64,
        columns: &[String],
    ) -> Option<Kind> {
        let hash = self.hash(parts);
        self.check_hash(hash, row, columns)
    }

    /// [`UniqueIndex::check`] for a key whose hash is known (see [`UniqueIndex::hash_ascii`]).
    pub(crate) fn check_hash(&mut self, hash: u64, row: u64, columns: &[String]) -> Option<Kind> {
        let room = self.seen.len() < self.max_keys;
        if let Some(first_row) = self.seen.get_or_insert(hash, row, room) {
            return Some(Kind::UniqueError {
                first_row,
                columns: columns.to_vec(),
            });
        }
        if room {
            None
        } else if !self.full {
            self.full = true;
            Some(Kind::IndexLimitReached {
                limit: self.max_keys,
            })
        } else {
            None
        }
    }

    /// The hash [`UniqueIndex::check`] gives the one-part key `key`, if it is ASCII.
    pub(crate) fn hash_ascii(&self, key: &[u8]) -> Option<u64> {
        crate::hash::ascii(key, self.ignore_case)
    }

    /// Loads the table's slot for `hash` (a prefetch: see `check::ahead`).
    pub(crate) fn touch(&self, hash: u64) -> u64 {
        self.seen.touch(hash)
    }

    /// The hash of the parts joined with U+001F, lowercased when case is ignored.
    fn hash<'a>(&mut self, parts: impl Iterator<Item = &'a str>) -> u64 {
        crate::hash::key(parts, self.ignore_case, &mut self.buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitive_duplicates_and_stops_at_the_limit() {
        let cols = vec!["mail_address".to_string()];
        let mut index = UniqueIndex::new(true, 2);
        assert_eq!(
            index.check(["taro@example.com"].into_iter(), 2, &cols),
            None
        );
        assert_eq!(
            index.check(["TARO@example.com"].into_iter(), 3, &cols),
            Some(Kind::UniqueError {
                first_row: 2,
                columns: cols.clone()
            })
        );
        assert_eq!(index.check(["b@example.com"].into_iter(), 4, &cols), None);
        assert_eq!(
            index.check(["c@example.com"].into_iter(), 5, &cols),
            Some(Kind::IndexLimitReached { limit: 2 })
        );
        assert_eq!(index.check(["d@example.com"].into_iter(), 6, &cols), None);
    }

    #[test]
    fn the_index_is_capped_where_its_table_ends() {
        assert_eq!(UniqueIndex::new(false, usize::MAX).max_keys, 16_777_214);
        assert_eq!(UniqueIndex::new(false, 5_000_000).max_keys, 5_000_000);
    }

    #[test]
    fn an_ascii_key_hashes_alike_either_way() {
        for ignore_case in [false, true] {
            let mut index = UniqueIndex::new(ignore_case, 10);
            for key in ["taro@example.com", "Taro@Example.COM", "", "a b"] {
                let whole = index.hash(std::iter::once(key));
                assert_eq!(index.hash_ascii(key.as_bytes()), Some(whole), "{key}");
            }
            assert_eq!(index.hash_ascii("山田@example.com".as_bytes()), None);
        }
    }
}
