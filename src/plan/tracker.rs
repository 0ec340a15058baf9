//! The per-row work that needs more than the row itself: the record key against the baseline
//! (add / update / unchanged / delete), values only new records need, read-only columns, second
//! identities, references to other files, seat counting and distinct-value limits.
//!
//! The tracker knows nothing of positions: it reports findings by profile column, and the engine
//! places them. It is built only when the profile or the options need it.

use std::collections::HashSet;
use std::sync::Arc;

use crate::plan::hashing::{cell_hash, key_hash, KeySet, ABSENT};
use crate::plan::{Baseline, Plan, PlanList, SeatCount};
use crate::profile::{all_hold, Compiled, ImportMode, Relations, ValuePolicy};
use crate::report::{truncate_value, Kind};
use crate::rules::distinct::DistinctCounter;
use crate::rules::{delete_match, foreign_key, key_conflict, new_records, read_only, seats};

/// A finding of the tracker, about profile column `column` of the current row.
pub(crate) struct RowFinding {
    pub kind: Kind,
    pub column: Option<usize>,
}

/// What a column is, for comparisons.
struct TrackedColumn {
    name: String,
    value: ValuePolicy,
    masked: Vec<String>,
    blank_keeps: bool,
}

/// The records another file of a bundle (and its baseline) holds, for one foreign key.
#[derive(Debug, Clone, Default)]
pub(crate) struct ReferenceSets {
    /// Key sets that resolve a reference (empty: the references cannot be checked).
    sets: Vec<Arc<KeySet>>,
    /// Whether the system may hold records outside `sets`: the referenced file is given but
    /// neither its current export nor a replacement, so the records already registered are
    /// unknown. A reference found in none of the sets is then counted, not an error.
    open: bool,
    /// References found in none of the sets while `open`.
    outside: u64,
    /// The first distinct ones, each with its first row: one more than the finding shows
    /// ([`foreign_key::MAX_EXAMPLES`]), so that it can tell whether there are more.
    examples: Vec<(String, u64)>,
}

impl ReferenceSets {
    /// The key sets of one foreign key; `open` as in [`ReferenceSets::open`].
    pub(crate) fn new(sets: Vec<Arc<KeySet>>, open: bool) -> Self {
        ReferenceSets {
            sets,
            open,
            ..ReferenceSets::default()
        }
    }
}

/// Per-check state of the relational checks and the plan.
pub(crate) struct Tracker {
    columns: Vec<TrackedColumn>,
    relations: Relations,
    baseline: Option<Arc<Baseline>>,
    seen: Vec<bool>,
    protect: HashSet<u64>,
    references: Vec<ReferenceSets>,
    keys: Option<KeySet>,
    max_keys: usize,
    distinct: Vec<(usize, DistinctCounter)>,
    add: PlanList,
    update: PlanList,
    unchanged: PlanList,
    delete: PlanList,
    rejected: PlanList,
    conflicts: PlanList,
    deleted_counted: u64,
    rows_without_key: u64,
    file_counted: u64,
    /// Keys of this file already planned (a repeated key is a `unique-error`, planned once).
    planned: HashSet<u64>,
    buf: String,
}

impl Tracker {
    /// A tracker for `profile`, or `None` when nothing needs one. `references` has one entry per
    /// foreign key of the profile (missing entries: unchecked); `collect_keys` keeps the file's key
    /// hashes for other files of a bundle.
    pub(crate) fn new(
        profile: &Compiled,
        baseline: Option<Arc<Baseline>>,
        references: Vec<ReferenceSets>,
        collect_keys: bool,
        max_keys: usize,
    ) -> Option<Tracker> {
        let relations = profile.relations.clone();
        let distinct: Vec<(usize, DistinctCounter)> = profile
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                c.max_distinct
                    .map(|m| (i, DistinctCounter::new(m, max_keys)))
            })
            .collect();
        let needs_new = profile
            .columns
            .iter()
            .any(|c| c.value == ValuePolicy::RequiredWhenNew);
        let wanted = baseline.is_some()
            || needs_new
            || !distinct.is_empty()
            || !relations.foreign_keys.is_empty()
            || relations.seats.is_some()
            || relations.mode == ImportMode::Delete
            || (collect_keys && relations.key.is_some());
        if !wanted {
            return None;
        }
        let mut buf = String::new();
        let ignore_case = relations.key.as_ref().is_some_and(|k| k.ignore_case);
        let protect = relations
            .protect
            .iter()
            .map(|p| key_hash(std::iter::once(p.as_str()), ignore_case, &mut buf))
            .collect();
        Some(Tracker {
            columns: profile
                .columns
                .iter()
                .map(|c| TrackedColumn {
                    name: c.name.to_string(),
                    value: c.value,
                    masked: c.masked.clone(),
                    blank_keeps: c.blank_keeps,
                })
                .collect(),
            seen: vec![false; baseline.as_ref().map_or(0, |b| b.len())],
            baseline,
            protect,
            references,
            keys: (collect_keys && relations.key.is_some()).then(|| KeySet::new(ignore_case)),
            max_keys,
            distinct,
            relations,
            add: PlanList::default(),
            update: PlanList::default(),
            unchanged: PlanList::default(),
            delete: PlanList::default(),
            rejected: PlanList::default(),
            conflicts: PlanList::default(),
            deleted_counted: 0,
            rows_without_key: 0,
            file_counted: 0,
            planned: HashSet::new(),
            buf,
        })
    }

    /// Profile columns whose values the tracker reads.
    pub(crate) fn needed_columns(&self) -> Vec<usize> {
        let mut cols: Vec<usize> = self.relations.columns().collect();
        cols.extend(self.distinct.iter().map(|(c, _)| *c));
        for (i, c) in self.columns.iter().enumerate() {
            if self.baseline.is_some() || c.value == ValuePolicy::RequiredWhenNew {
                cols.push(i);
            }
        }
        cols
    }

    /// Checks one data row, spreadsheet row `row`; `cell(i)` is the trimmed value of profile
    /// column `i` (`None`: not in the file).
    pub(crate) fn row<'a>(
        &mut self,
        cell: &dyn Fn(usize) -> Option<&'a str>,
        row: u64,
        out: &mut Vec<RowFinding>,
    ) {
        let key = self.key_of(cell);
        if let (Some((hash, _)), Some(keys)) = (&key, self.keys.as_mut()) {
            keys.insert(*hash, self.max_keys);
        }
        let entry = match (&key, &self.baseline) {
            (Some((hash, _)), Some(b)) => b.lookup(*hash),
            _ => None,
        };
        if let Some(seen) = entry.and_then(|e| self.seen.get_mut(e)) {
            *seen = true;
        }
        let is_new = self
            .baseline
            .as_ref()
            .and(key.as_ref())
            .map(|_| entry.is_none());
        let mode = self.relations.mode;
        if mode != ImportMode::Delete {
            self.new_records(cell, is_new, out);
        }
        let mut refused = false;
        if let Some(b) = self.baseline.clone() {
            self.read_only(cell, &b, entry, key.is_some(), out);
            let conflicts = key.is_some() && self.alternates(cell, &b, entry, out);
            // The system refuses such a row (a delete row is matched exactly instead).
            refused = conflicts && mode != ImportMode::Delete;
            let repeated = match &key {
                Some((hash, _)) if self.planned.len() < self.max_keys => {
                    !self.planned.insert(*hash)
                }
                _ => false,
            };
            match key {
                Some((_, text)) if refused && !repeated => {
                    self.conflicts.push(|| text);
                    // Its record, if any, stays as it is: as if the row were not in the file.
                    if let Some(seen) = entry.and_then(|e| self.seen.get_mut(e)) {
                        *seen = false;
                    }
                }
                key if !repeated => self.plan_row(cell, &b, entry, key.map(|(_, text)| text), out),
                _ => {}
            }
        }
        self.references(cell, row, out);
        if let Some(s) = &self.relations.seats {
            if !refused && !s.uncounted.iter().any(|conds| all_hold(conds, cell)) {
                self.file_counted += 1;
            }
        }
        for (col, counter) in self.distinct.iter_mut() {
            if let Some(kind) = cell(*col).and_then(|v| counter.add(v)) {
                out.push(RowFinding {
                    kind,
                    column: Some(*col),
                });
            }
        }
    }

    /// The row's key hash and text, when every key column is filled.
    fn key_of<'a>(&mut self, cell: &dyn Fn(usize) -> Option<&'a str>) -> Option<(u64, String)> {
        let key = self.relations.key.as_ref()?;
        let parts: Option<Vec<&str>> = key
            .columns
            .iter()
            .map(|c| cell(*c).filter(|v| !v.is_empty()))
            .collect();
        let parts = parts?;
        let hash = key_hash(parts.iter().copied(), key.ignore_case, &mut self.buf);
        Some((hash, parts.join(" + ")))
    }

    fn new_records<'a>(
        &self,
        cell: &dyn Fn(usize) -> Option<&'a str>,
        is_new: Option<bool>,
        out: &mut Vec<RowFinding>,
    ) {
        for (i, c) in self.columns.iter().enumerate() {
            if c.value != ValuePolicy::RequiredWhenNew {
                continue;
            }
            let blank = cell(i).map_or(true, str::is_empty);
            if let Some(kind) = new_records::check(blank, is_new) {
                out.push(RowFinding {
                    kind,
                    column: Some(i),
                });
            }
        }
    }

    fn read_only<'a>(
        &self,
        cell: &dyn Fn(usize) -> Option<&'a str>,
        b: &Baseline,
        entry: Option<usize>,
        has_key: bool,
        out: &mut Vec<RowFinding>,
    ) {
        if !has_key {
            return;
        }
        for (i, c) in self.columns.iter().enumerate() {
            if c.value != ValuePolicy::ReadOnly {
                continue;
            }
            let Some(value) = cell(i).filter(|v| !v.is_empty()) else {
                continue;
            };
            if c.masked.iter().any(|m| m == value) {
                continue;
            }
            let current = entry.map(|e| b.cell(e, i)).filter(|h| *h != ABSENT);
            if entry.is_some() && current.is_none() {
                continue; // the export lacks the column: nothing to compare with
            }
            if let Some(kind) = read_only::check(cell_hash(value), current) {
                out.push(RowFinding {
                    kind,
                    column: Some(i),
                });
            }
        }
    }

    /// Checks the row's second identities against the export; whether one belongs to another
    /// record.
    fn alternates<'a>(
        &mut self,
        cell: &dyn Fn(usize) -> Option<&'a str>,
        b: &Baseline,
        entry: Option<usize>,
        out: &mut Vec<RowFinding>,
    ) -> bool {
        let Some(key) = &self.relations.key else {
            return false;
        };
        let mut conflicts = false;
        for (a, alt) in key.alternate.iter().enumerate() {
            let parts: Option<Vec<&str>> = alt
                .columns
                .iter()
                .map(|c| cell(*c).filter(|v| !v.is_empty()))
                .collect();
            let Some(parts) = parts else { continue };
            let hash = key_hash(parts.into_iter(), alt.ignore_case, &mut self.buf);
            let owner = b.lookup_alternate(a, hash).map(|e| (e, b.row(e)));
            if let Some(kind) = key_conflict::check(owner, entry, &alt.reason) {
                conflicts = true;
                out.push(RowFinding {
                    kind,
                    column: alt.columns.first().copied(),
                });
            }
        }
        conflicts
    }

    /// The first column whose value differs from the record's. `exact`: every column present in
    /// both is compared (delete mode); otherwise blanks that keep and masked values are skipped.
    fn first_difference<'a>(
        &self,
        cell: &dyn Fn(usize) -> Option<&'a str>,
        b: &Baseline,
        entry: usize,
        exact: bool,
    ) -> Option<usize> {
        self.columns.iter().enumerate().position(|(i, c)| {
            if matches!(c.value, ValuePolicy::ReadOnly | ValuePolicy::Ignored) {
                return false;
            }
            let Some(value) = cell(i) else { return false };
            let current = b.cell(entry, i);
            if current == ABSENT {
                return false;
            }
            if !exact
                && ((value.is_empty() && c.blank_keeps) || c.masked.iter().any(|m| m == value))
            {
                return false;
            }
            cell_hash(value) != current
        })
    }

    fn plan_row<'a>(
        &mut self,
        cell: &dyn Fn(usize) -> Option<&'a str>,
        b: &Baseline,
        entry: Option<usize>,
        key: Option<String>,
        out: &mut Vec<RowFinding>,
    ) {
        let key_col = self
            .relations
            .key
            .as_ref()
            .and_then(|k| k.columns.first().copied());
        let Some(key) = key else {
            self.rows_without_key += 1;
            return;
        };
        match (self.relations.mode, entry) {
            (ImportMode::Delete, None) => {
                self.rejected.push(|| key);
                if let Some(kind) = delete_match::check(false, None) {
                    out.push(RowFinding {
                        kind,
                        column: key_col,
                    });
                }
            }
            (ImportMode::Delete, Some(e)) => match self.first_difference(cell, b, e, true) {
                Some(col) => {
                    self.rejected.push(|| key);
                    let name = self.columns.get(col).map(|c| c.name.as_str());
                    if let Some(kind) = delete_match::check(true, name) {
                        out.push(RowFinding {
                            kind,
                            column: Some(col),
                        });
                    }
                }
                None => {
                    self.delete.push(|| key);
                    if b.counted(e) {
                        self.deleted_counted += 1;
                    }
                }
            },
            (_, None) => self.add.push(|| key),
            (_, Some(e)) => match self.first_difference(cell, b, e, false) {
                Some(_) => self.update.push(|| key),
                None => self.unchanged.push(|| key),
            },
        }
    }

    fn references<'a>(
        &mut self,
        cell: &dyn Fn(usize) -> Option<&'a str>,
        row: u64,
        out: &mut Vec<RowFinding>,
    ) {
        for (f, fk) in self.relations.foreign_keys.iter().enumerate() {
            let Some(refs) = self.references.get_mut(f).filter(|r| !r.sets.is_empty()) else {
                continue;
            };
            let parts: Option<Vec<&str>> = fk
                .columns
                .iter()
                .map(|c| cell(*c).filter(|v| !v.is_empty()))
                .collect();
            let Some(parts) = parts else { continue };
            let mut found = false;
            let mut unsure = false;
            for set in &refs.sets {
                let hash = key_hash(parts.iter().copied(), set.ignore_case, &mut self.buf);
                found |= set.hashes.contains(&hash);
                unsure |= set.capped;
            }
            if found || unsure {
                continue;
            }
            if refs.open {
                refs.outside += 1;
                if refs.examples.len() <= foreign_key::MAX_EXAMPLES {
                    let value = truncate_value(&parts.join(","));
                    if !refs.examples.iter().any(|(v, _)| *v == value) {
                        refs.examples.push((value, row));
                    }
                }
                continue;
            }
            if let Some(kind) = foreign_key::check(found, &fk.role) {
                out.push(RowFinding {
                    kind,
                    column: fk.columns.first().copied(),
                });
            }
        }
    }

    /// File-level findings, the plan (with a baseline) and the file's key hashes (when collected).
    pub(crate) fn finish(self, out: &mut Vec<Kind>) -> (Option<Plan>, Option<KeySet>) {
        let mode = self.relations.mode;
        if mode == ImportMode::Delete && self.baseline.is_none() {
            out.push(delete_match::without_baseline());
        }
        for (f, fk) in self.relations.foreign_keys.iter().enumerate() {
            match self.references.get(f).filter(|r| !r.sets.is_empty()) {
                None => out.push(foreign_key::unchecked(&fk.role, &fk.names)),
                Some(r) if r.outside > 0 => out.push(foreign_key::outside_file(
                    &fk.role,
                    &fk.names,
                    r.outside,
                    &r.examples,
                )),
                Some(_) => {}
            }
        }
        let seat_limit = self.relations.seats.as_ref().and_then(|s| s.limit);
        let Some(b) = &self.baseline else {
            if let Some(kind) = self
                .relations
                .seats
                .as_ref()
                .and_then(|_| seats::check(self.file_counted, seat_limit, false))
            {
                out.push(kind);
            }
            return (None, self.keys);
        };
        let mut delete = self.delete;
        let mut kept = 0u64;
        let mut kept_counted = 0u64;
        let mut buf = String::new();
        let key_ignore_case = self.relations.key.as_ref().is_some_and(|k| k.ignore_case);
        for (e, seen) in self.seen.iter().enumerate() {
            if *seen {
                continue;
            }
            let mut protected = || {
                let hash = key_hash(std::iter::once(b.key(e)), key_ignore_case, &mut buf);
                self.protect.contains(&hash)
            };
            if mode == ImportMode::Replace && !protected() {
                delete.push(|| b.key(e).to_string());
            } else {
                kept += 1;
                kept_counted += u64::from(b.counted(e));
            }
        }
        let in_file =
            self.add.count + self.update.count + self.unchanged.count + self.rows_without_key;
        let baseline_total = b.len() as u64;
        // A delete import with a rejected row fails as a whole: nothing is deleted.
        let deletes = mode == ImportMode::Delete && self.rejected.count == 0;
        let records_after = match mode {
            ImportMode::Delete if deletes => baseline_total.saturating_sub(delete.count),
            ImportMode::Delete => baseline_total,
            _ => in_file + kept,
        };
        let seats = self.relations.seats.as_ref().map(|_| {
            let counted = match mode {
                ImportMode::Delete => {
                    let total: u64 = (0..b.len()).map(|e| u64::from(b.counted(e))).sum();
                    total.saturating_sub(if deletes { self.deleted_counted } else { 0 })
                }
                _ => self.file_counted + kept_counted,
            };
            SeatCount {
                counted,
                limit: seat_limit,
            }
        });
        if let Some(kind) = seats
            .as_ref()
            .and_then(|s| seats::check(s.counted, s.limit, true))
        {
            out.push(kind);
        }
        let plan = Plan {
            mode,
            baseline_records: b.records(),
            baseline_capped: b.is_capped(),
            add: self.add,
            update: self.update,
            unchanged: self.unchanged,
            delete,
            rejected: self.rejected,
            conflicts: self.conflicts,
            rows_without_key: self.rows_without_key,
            records_after,
            seats,
        };
        (Some(plan), self.keys)
    }
}
