//! What it checks: how many distinct values a column holds across the file (FLAT registers at most
//! 50,000 tag names).
//! Why: the import fails as a whole when the limit is passed.
//! Memory: one 64-bit hash per distinct value, never more than the limit plus one.
//! Example: the 50,001st distinct `tag` → `too-many-distinct-values`, once.

use std::collections::HashSet;

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::TooManyDistinctValues];

/// Counts the distinct values of one column.
pub(crate) struct DistinctCounter {
    max: u64,
    seen: HashSet<u64>,
    reported: bool,
}

impl DistinctCounter {
    pub(crate) fn new(max: u64) -> Self {
        DistinctCounter {
            max,
            seen: HashSet::new(),
            reported: false,
        }
    }

    /// Counts a non-empty value; reports the first value past the limit.
    pub(crate) fn add(&mut self, value: &str) -> Option<Kind> {
        if self.reported || value.is_empty() {
            return None;
        }
        self.seen
            .insert(xxhash_rust::xxh3::xxh3_64(value.as_bytes()));
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
        let mut c = DistinctCounter::new(2);
        assert_eq!(c.add("a"), None);
        assert_eq!(c.add("a"), None);
        assert_eq!(c.add("b"), None);
        assert_eq!(c.add("c"), Some(Kind::TooManyDistinctValues { max: 2 }));
        assert_eq!(c.add("d"), None);
    }
}
