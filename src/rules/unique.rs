//! What it checks: keys that must be unique across the file (IWpro `mail_address`, ignoring case).
//! Why: the system rejects or merges the second row; CELF fails the whole import.
//! Memory: one 64-bit hash and the first row per distinct key (xxh3; a false duplicate needs a
//! 64-bit collision, about 1 in 10^7 for a million keys), capped at `max_keys`.
//! Example: `Taro@example.com` in row 5 after `taro@example.com` in row 2 → `unique-error`.

use std::collections::HashMap;

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::UniqueError, Code::IndexLimitReached];

/// The index of one unique key.
pub(crate) struct UniqueIndex {
    ignore_case: bool,
    max_keys: usize,
    seen: HashMap<u64, u64>,
    full: bool,
    buf: String,
}

impl UniqueIndex {
    pub(crate) fn new(ignore_case: bool, max_keys: usize) -> Self {
        UniqueIndex {
            ignore_case,
            max_keys,
            seen: HashMap::new(),
            full: false,
            buf: String::new(),
        }
    }

    /// Records the key of `row`; reports an earlier row with the same key.
    pub(crate) fn check(&mut self, parts: &[&str], row: u64, columns: &[String]) -> Option<Kind> {
        self.buf.clear();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                self.buf.push('\u{1F}');
            }
            if self.ignore_case {
                self.buf.extend(part.chars().flat_map(char::to_lowercase));
            } else {
                self.buf.push_str(part);
            }
        }
        let hash = xxhash_rust::xxh3::xxh3_64(self.buf.as_bytes());
        if let Some(first_row) = self.seen.get(&hash) {
            return Some(Kind::UniqueError {
                first_row: *first_row,
                columns: columns.to_vec(),
            });
        }
        if self.seen.len() >= self.max_keys {
            if !self.full {
                self.full = true;
                return Some(Kind::IndexLimitReached {
                    limit: self.max_keys,
                });
            }
            return None;
        }
        self.seen.insert(hash, row);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitive_duplicates_and_stops_at_the_limit() {
        let cols = vec!["mail_address".to_string()];
        let mut index = UniqueIndex::new(true, 2);
        assert_eq!(index.check(&["taro@example.com"], 2, &cols), None);
        assert_eq!(
            index.check(&["TARO@example.com"], 3, &cols),
            Some(Kind::UniqueError {
                first_row: 2,
                columns: cols.clone()
            })
        );
        assert_eq!(index.check(&["b@example.com"], 4, &cols), None);
        assert_eq!(
            index.check(&["c@example.com"], 5, &cols),
            Some(Kind::IndexLimitReached { limit: 2 })
        );
        assert_eq!(index.check(&["d@example.com"], 6, &cols), None);
    }
}
