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

/// Bytes of the file read before its size is used to tell how many keys are coming (at least;
/// also at least a sixty-fourth of the file): fewer are not a sample worth sizing the table on.
const MIN_SAMPLE: u64 = 64 << 10;

/// The index of one unique key.
pub(crate) struct UniqueIndex {
    ignore_case: bool,
    max_keys: usize,
    /// The file's size, when known (`CheckOptions::file_size`).
    file_size: Option<u64>,
    seen: FirstRows,
    full: bool,
    buf: String,
}

impl UniqueIndex {
    /// An index of at most `max_keys` keys (and at most [`first_rows::MAX_LEN`]), for a file of
    /// `file_size` bytes if known.
    pub(crate) fn new(ignore_case: bool, max_keys: usize, file_size: Option<u64>) -> Self {
        UniqueIndex {
            ignore_case,
            max_keys: max_keys.min(first_rows::MAX_LEN),
            file_size,
            seen: FirstRows::default(),
            full: false,
            buf: String::new(),
        }
    }

    /// Records the key of `row`, whose record ends `read` bytes into the file; reports an earlier
    /// row with the same key.
    pub(crate) fn check<'a>(
        &mut self,
        parts: impl Iterator<Item = &'a str>,
        row: u64,
        read: u64,
        columns: &[String],
    ) -> Option<Kind> {
        let hash = self.hash(parts);
        self.check_hash(hash, row, read, columns)
    }

    /// [`UniqueIndex::check`] for a key whose hash is known (see [`UniqueIndex::hash_ascii`]).
    pub(crate) fn check_hash(
        &mut self,
        hash: u64,
        row: u64,
        read: u64,
        columns: &[String],
    ) -> Option<Kind> {
        let room = self.seen.len() < self.max_keys;
        let (file_size, max_keys) = (self.file_size, self.max_keys);
        let expected = |keys| expected_keys(keys, read, file_size).min(max_keys);
        if let Some(first_row) = self.seen.get_or_insert(hash, row, room, expected) {
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

    /// The home slot of `hash` in the table (see [`UniqueIndex::touch_all`]).
    pub(crate) fn home(&self, hash: u64) -> u32 {
        self.seen.home(hash)
    }

    /// Loads the table's slots `homes` (prefetches: see `check::ahead`).
    pub(crate) fn touch_all(&self, homes: &[u32]) -> u64 {
        self.seen.touch_all(homes)
    }

    /// The hash of the parts joined with U+001F, lowercased when case is ignored.
    fn hash<'a>(&mut self, parts: impl Iterator<Item = &'a str>) -> u64 {
        crate::hash::key(parts, self.ignore_case, &mut self.buf)
    }
}

/// The distinct keys a file of `file_size` bytes brings if the rest of it is like its first `read`
/// bytes, which brought `keys` (and a sixteenth more, so that a file a little denser further on
/// does not make the arrays grow again); 0 (no idea) without the size, or before the sample
/// ([`MIN_SAMPLE`], a sixty-fourth of the file) is read. A wrong size or an unusual start of the
/// file changes memory and speed only, within the index's limit.
fn expected_keys(keys: usize, read: u64, file_size: Option<u64>) -> usize {
    let Some(size) = file_size.filter(|&size| read >= MIN_SAMPLE.max(size / 64)) else {
        return 0;
    };
    // In floating point: exact enough for a hint, and no 128-bit division in the wasm.
    let expected = keys as f64 * size as f64 / read as f64 * 17.0 / 16.0;
    expected as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitive_duplicates_and_stops_at_the_limit() {
        let cols = vec!["mail_address".to_string()];
        let mut index = UniqueIndex::new(true, 2, None);
        assert_eq!(
            index.check(["taro@example.com"].into_iter(), 2, 0, &cols),
            None
        );
        assert_eq!(
            index.check(["TARO@example.com"].into_iter(), 3, 0, &cols),
            Some(Kind::UniqueError {
                first_row: 2,
                columns: cols.clone()
            })
        );
        assert_eq!(
            index.check(["b@example.com"].into_iter(), 4, 0, &cols),
            None
        );
        assert_eq!(
            index.check(["c@example.com"].into_iter(), 5, 0, &cols),
            Some(Kind::IndexLimitReached { limit: 2 })
        );
        assert_eq!(
            index.check(["d@example.com"].into_iter(), 6, 0, &cols),
            None
        );
    }

    #[test]
    fn the_keys_expected_follow_the_part_read() {
        const MIB: u64 = 1 << 20;
        // Without the size, or before 64 KiB and a sixty-fourth of the file: no idea.
        assert_eq!(expected_keys(1_000, MIB, None), 0);
        assert_eq!(expected_keys(1_000, 60_000, Some(100_000)), 0);
        assert_eq!(expected_keys(8_000, MIB - 1, Some(64 * MIB)), 0);
        // Then the rate so far, and a sixteenth more.
        assert_eq!(expected_keys(16_000, MIB, Some(64 * MIB)), 1_088_000);
        assert_eq!(expected_keys(1_000, 64 << 10, Some(128 << 10)), 2_125);
        assert_eq!(expected_keys(0, MIB, Some(64 * MIB)), 0);
        // A size smaller than the part read (a wrong hint) expects fewer keys than there are.
        assert_eq!(expected_keys(16_000, 2 * MIB, Some(MIB)), 8_500);
        assert_eq!(expected_keys(10, 64 << 10, Some(u64::MAX)), 0);
        assert_eq!(expected_keys(10, u64::MAX / 64, Some(u64::MAX)), 680);
        let huge = expected_keys(usize::MAX / 2, u64::MAX / 64, Some(u64::MAX));
        assert_eq!(huge, usize::MAX);
    }

    #[test]
    fn the_table_is_sized_within_the_limit() {
        let cols = vec!["mail_address".to_string()];
        // Every key read so far is a sixty-fourth of the file: 68 keys expected per key read.
        let mut index = UniqueIndex::new(false, 1_000, Some(64 << 30));
        for row in 0..1_100u64 {
            let key = format!("user{row}@example.com");
            index.check(std::iter::once(key.as_str()), row, 1 << 30, &cols);
        }
        // Sized for the 1,000 keys the limit allows (at most 5/8 full: 2,048 slots) when 81 keys
        // made it grow, not for the 5,508 expected then (16,384 slots).
        assert_eq!(index.seen.capacity(), 2_048);
        assert_eq!(index.seen.len(), 1_000);
    }

    #[test]
    fn the_index_is_capped_where_its_table_ends() {
        assert_eq!(
            UniqueIndex::new(false, usize::MAX, None).max_keys,
            16_777_214
        );
        assert_eq!(UniqueIndex::new(false, 5_000_000, None).max_keys, 5_000_000);
    }

    #[test]
    fn an_ascii_key_hashes_alike_either_way() {
        for ignore_case in [false, true] {
            let mut index = UniqueIndex::new(ignore_case, 10, None);
            for key in ["taro@example.com", "Taro@Example.COM", "", "a b"] {
                let whole = index.hash(std::iter::once(key));
                assert_eq!(index.hash_ascii(key.as_bytes()), Some(whole), "{key}");
            }
            assert_eq!(index.hash_ascii("山田@example.com".as_bytes()), None);
        }
    }
}
