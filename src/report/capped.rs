//! The cap on stored row-level diagnostics, keeping the most severe.
//!
//! A file can have thousands of harmless findings (learningBOX's blank `Belong to` is an `info` on
//! every row) before its one error. Storing the first `max` in file order would then show a page
//! of notes and hide the error. At the cap, a new finding takes the place of the last stored one
//! of the least severe kind, when that kind is less severe than it; counts are kept exactly
//! elsewhere, so only which findings are listed changes.
//!
//! The list is appended to only while the file is read: a finding that gives way is marked, and
//! [`SeverityCap::compact`] drops the marked ones once, at the end. Each finding then costs O(1),
//! also with the demo page's cap of 200,000 (taking items out of the middle of the list on the spot
//! made a file of 200,000 notes and then 200,000 errors quadratic).

use super::Severity;

/// Counts the stored row-level items by severity and decides what to keep.
#[derive(Debug, Clone)]
pub(crate) struct SeverityCap {
    max: usize,
    /// The list positions of the stored row-level items, by severity, in the order stored.
    stored: [Vec<usize>; 3],
    /// Positions of items that gave way, dropped by [`SeverityCap::compact`].
    dropped: Vec<usize>,
    capped: bool,
}

impl SeverityCap {
    /// A cap of `max` row-level items.
    pub(crate) fn new(max: usize) -> Self {
        SeverityCap {
            max,
            stored: [Vec::new(), Vec::new(), Vec::new()],
            dropped: Vec::new(),
            capped: false,
        }
    }

    /// Whether some row-level item was not stored or gave way.
    pub(crate) fn capped(&self) -> bool {
        self.capped
    }

    /// Whether a row-level item of `severity`, which would be pushed at position `next` of the
    /// list, is stored; when it is, the caller pushes it there. At the cap it may take the place
    /// of a less severe item (dropped by [`SeverityCap::compact`]).
    pub(crate) fn admit(&mut self, next: usize, severity: Severity) -> bool {
        let total: usize = self.stored.iter().map(Vec::len).sum();
        if total >= self.max {
            self.capped = true;
            // The least severe kind stored, if it is less severe than the new item.
            let evict = [Severity::Info, Severity::Warning]
                .into_iter()
                .find(|&s| s > severity && !self.stored[s as usize].is_empty());
            let Some(at) = evict.and_then(|s| self.stored[s as usize].pop()) else {
                return false;
            };
            self.dropped.push(at);
        }
        self.stored[severity as usize].push(next);
        true
    }

    /// Drops the items that gave way from `items`, keeping the order of the rest. Call once, when
    /// the list is complete (positions given to [`SeverityCap::admit`] refer to it as built).
    pub(crate) fn compact<T>(&mut self, items: &mut Vec<T>) {
        if self.dropped.is_empty() {
            return;
        }
        self.dropped.sort_unstable();
        let mut dropped = self.dropped.iter().peekable();
        let mut position = 0;
        items.retain(|_| {
            let drop = dropped.next_if_eq(&&position).is_some();
            position += 1;
            !drop
        });
        self.dropped.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn push(cap: &mut SeverityCap, items: &mut Vec<(u32, Severity)>, id: u32, s: Severity) {
        if cap.admit(items.len(), s) {
            items.push((id, s));
        }
    }

    #[test]
    fn keeps_the_most_severe_first_in_file_order() {
        use Severity::*;
        let mut cap = SeverityCap::new(3);
        let mut items = Vec::new();
        for (id, s) in [(1, Info), (2, Warning), (3, Info), (4, Info), (5, Error)] {
            push(&mut cap, &mut items, id, s);
        }
        // 4 found the list full of its kind; 5 took the place of the last info (3).
        let mut shown = items.clone();
        cap.clone().compact(&mut shown);
        assert_eq!(shown, vec![(1, Info), (2, Warning), (5, Error)]);
        push(&mut cap, &mut items, 6, Error);
        push(&mut cap, &mut items, 7, Warning);
        push(&mut cap, &mut items, 8, Error);
        cap.compact(&mut items);
        assert_eq!(items, vec![(5, Error), (6, Error), (8, Error)]);
        assert!(cap.capped());
        let mut open = SeverityCap::new(3);
        push(&mut open, &mut Vec::new(), 1, Info);
        assert!(!open.capped());
    }

    /// File-level items (pushed without `admit`) are never dropped, wherever they sit.
    #[test]
    fn items_pushed_without_admit_stay() {
        use Severity::*;
        let mut cap = SeverityCap::new(1);
        let mut items = vec![(0, Error)];
        push(&mut cap, &mut items, 1, Info);
        items.push((2, Error));
        push(&mut cap, &mut items, 3, Error);
        cap.compact(&mut items);
        assert_eq!(items, vec![(0, Error), (2, Error), (3, Error)]);
    }

    /// Against the plain rule (take out the last stored item of the least severe kind on the
    /// spot), over mixed sequences with file-level items among them.
    #[test]
    fn gives_what_removing_on_the_spot_gives() {
        use Severity::*;
        let mut seed = 7u64;
        for max in [0, 1, 5, 40] {
            let mut cap = SeverityCap::new(max);
            let mut items: Vec<(u32, Severity, bool)> = Vec::new();
            let mut plain: Vec<(u32, Severity, bool)> = Vec::new();
            for id in 0..400 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let s = [Error, Warning, Info, Info, Info][(seed >> 33) as usize % 5];
                let row_level = (seed >> 40) % 7 != 0;
                if !row_level {
                    items.push((id, s, false));
                    plain.push((id, s, false));
                    continue;
                }
                if cap.admit(items.len(), s) {
                    items.push((id, s, true));
                }
                let stored = plain.iter().filter(|i| i.2).count();
                if stored < max {
                    plain.push((id, s, true));
                } else if let Some(at) = [Info, Warning]
                    .into_iter()
                    .filter(|&e| e > s)
                    .find_map(|e| plain.iter().rposition(|i| i.2 && i.1 == e))
                {
                    plain.remove(at);
                    plain.push((id, s, true));
                }
            }
            cap.compact(&mut items);
            assert_eq!(items, plain, "max {max}");
        }
    }
}
