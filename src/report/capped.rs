//! The cap on stored row-level diagnostics, keeping the most severe.
//!
//! A file can have thousands of harmless findings (learningBOX's blank `Belong to` is an `info` on
//! every row) before its one error. Storing the first `max` in file order would then show a page
//! of notes and hide the error. At the cap, a new finding takes the place of the last stored one
//! of the least severe kind, when that kind is less severe than it; counts are kept exactly
//! elsewhere, so only which findings are listed changes.

use super::Severity;

/// Counts the stored row-level items by severity and decides what to keep.
#[derive(Debug, Clone)]
pub(crate) struct SeverityCap {
    max: usize,
    stored: [usize; 3],
    capped: bool,
}

impl SeverityCap {
    /// A cap of `max` row-level items.
    pub(crate) fn new(max: usize) -> Self {
        SeverityCap {
            max,
            stored: [0; 3],
            capped: false,
        }
    }

    /// Whether some row-level item was not stored or was dropped.
    pub(crate) fn capped(&self) -> bool {
        self.capped
    }

    /// Makes room in `items` for a row-level item of `severity`: returns whether to push it.
    /// `row_severity` gives an item's severity when it is row-level (file-level items are never
    /// counted or dropped).
    pub(crate) fn admit<T>(
        &mut self,
        items: &mut Vec<T>,
        severity: Severity,
        row_severity: impl Fn(&T) -> Option<Severity>,
    ) -> bool {
        let total: usize = self.stored.iter().sum();
        if total < self.max {
            self.stored[severity as usize] += 1;
            return true;
        }
        self.capped = true;
        // The least severe kind stored, if it is less severe than the new item.
        let Some(evict) = [Severity::Info, Severity::Warning]
            .into_iter()
            .find(|&s| s > severity && self.stored[s as usize] > 0)
        else {
            return false;
        };
        match items
            .iter()
            .rposition(|item| row_severity(item) == Some(evict))
        {
            Some(at) => {
                items.remove(at);
                self.stored[evict as usize] -= 1;
                self.stored[severity as usize] += 1;
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn push(cap: &mut SeverityCap, items: &mut Vec<(u32, Severity)>, id: u32, s: Severity) {
        if cap.admit(items, s, |&(_, s)| Some(s)) {
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
        assert_eq!(items, vec![(1, Info), (2, Warning), (5, Error)]);
        push(&mut cap, &mut items, 6, Error);
        push(&mut cap, &mut items, 7, Warning);
        push(&mut cap, &mut items, 8, Error);
        assert_eq!(items, vec![(5, Error), (6, Error), (8, Error)]);
        assert!(cap.capped());
        let mut open = SeverityCap::new(3);
        push(&mut open, &mut Vec::new(), 1, Info);
        assert!(!open.capped());
    }
}
