//! What it checks: how many distinct values a column holds across the file (FLAT registers at most
//! 50,000 tag names).
//! Why: the import fails as a whole when the limit is passed.
//! Memory: one 64-bit hash per distinct value, never more than the limit plus one, nor more than
//! the checker's index limit (`Limits::max_unique_keys`): a custom profile's `maxDistinct` of 10^12
//! stops counting there with `index-limit-reached` (a warning).
//! Example: the 50,001st distinct `tag` → `too-many-distinct-values`, once.

use std::collections::HashSet;

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::TooManyDistinctValues];

/// Counts the distinct values of one column.
pub(crate) struct DistinctCounter {
    max: u64,
    /// Most hashes kept (the checker's index limit).
    max_keys: usize,
    seen: HashSet<u64>,
    reported: bool,
}

impl DistinctCounter {
    pub(crate) fn new(max: u64, max_keys: usize) -> Self {
        DistinctCounter {
            max,
            max_keys,
            seen: HashSet::new(),
            reported: false,
        }
    }

    /// Counts a non-empty value; reports the first value past the limit.
    pub(crate) fn add(&mut self, value: &str) -> Option<Kind> {
        if self.reported || value.is_empty() {
            return None;
        }
        let hash = crate::hash::bytes(value.as_bytes());
        let past_index = self.max > self.max_keys as u64 && self.seen.len() >= self.max_keys;
        if past_index && !self.seen.contains(&hash) {
            self.reported = true;
            self.seen = HashSet::new();
            return Some(Kind::IndexLimitReached {
                limit: self.max_keys,
            });
        }
        self.seen.insert(hash);
        if self.seen.len() as u64 > self.max {
            self.reported = true;
            self.seen = HashSet::new();
            return Some(Kind::TooManyDistinctValues { max: self.max });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_once_past_the_limit() {
        let mut c = DistinctCounter::new(2, 100);
        assert_eq!(c.add("a"), None);
        assert_eq!(c.add("a"), None);
        assert_eq!(c.add("b"), None);
        assert_eq!(c.add("c"), Some(Kind::TooManyDistinctValues { max: 2 }));
        assert_eq!(c.add("d"), None);
    }

    #[test]
    fn stops_at_the_index_limit_when_the_profile_allows_more() {
        let mut c = DistinctCounter::new(u64::MAX, 2);
        assert_eq!(c.add("a"), None);
        assert_eq!(c.add("b"), None);
        assert_eq!(c.add("a"), None);
        assert_eq!(c.add("c"), Some(Kind::IndexLimitReached { limit: 2 }));
        assert_eq!(c.add("d"), None);
        assert!(c.seen.is_empty());
        // A profile limit within the index limit is reported as such.
        let mut c = DistinctCounter::new(2, 2);
        assert_eq!(c.add("a"), None);
        assert_eq!(c.add("b"), None);
        assert_eq!(c.add("c"), Some(Kind::TooManyDistinctValues { max: 2 }));
    }
}
