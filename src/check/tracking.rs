//! The engine's side of the relational checks and the plan: what a check knows beyond the file
//! (the system's export, the other files of a bundle), the tracker's findings placed in the file,
//! and the end of the file.

use std::sync::Arc;

use crate::check::cells::CellPlan;
use crate::check::engine::Core;
use crate::check::Sink;
use crate::plan::{Baseline, KeySet, RowFinding, Tracker};
use crate::profile::Compiled;
use crate::read::Record;
use crate::report::{truncate_value, Place};
use crate::rules::role_assumed::RoleCheck;

pub(crate) use crate::plan::ReferenceSets;

/// What a check knows beyond the file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Context {
    /// The system's current export.
    pub baseline: Option<Arc<Baseline>>,
    /// Per foreign key of the profile: the key sets that resolve it.
    pub references: Vec<ReferenceSets>,
    /// Keep the file's key hashes (other files of a bundle refer to them).
    pub collect_keys: bool,
    /// The bundle roles of a file whose role was recognised, to say when it was assumed.
    pub role_check: Option<RoleCheck>,
}

impl Context {
    /// The tracker the check needs, if any.
    pub(crate) fn tracker(self, profile: &Compiled, max_keys: usize) -> Option<Tracker> {
        Tracker::new(
            profile,
            self.baseline,
            self.references,
            self.collect_keys,
            max_keys,
        )
    }
}

impl Core {
    /// Keeps every column's value (for readers that index whole rows, such as the baseline).
    pub(crate) fn store_all_columns(&mut self) {
        self.stored_columns.iter_mut().for_each(|s| *s = true);
        self.cell_plans.iter_mut().for_each(CellPlan::store);
    }

    /// Runs the tracker on the current data row and places its findings.
    pub(super) fn track_row(&mut self, record: &Record) {
        let Some(mut tracker) = self.tracker.take() else {
            return;
        };
        let mut out: Vec<RowFinding> = Vec::new();
        {
            let values = &self.row_values;
            let filled = &self.row_filled;
            let cell = |c: usize| match filled.get(c) {
                Some(true) => values.get(c).map(String::as_str),
                _ => None,
            };
            tracker.row(&cell, record.position().record, &mut out);
        }
        for RowFinding { kind, column } in out {
            let file_col = column.and_then(|c| {
                self.header
                    .as_ref()
                    .and_then(|h| h.by_profile.get(c).copied().flatten())
            });
            let mut place = self.place(record, file_col);
            if file_col.is_none() {
                place.column = column
                    .and_then(|c| self.profile.columns.get(c))
                    .map(|c| Arc::clone(&c.name));
            }
            let value = column
                .filter(|c| self.row_filled.get(*c).copied().unwrap_or(false))
                .and_then(|c| self.row_values.get(c))
                .filter(|v| !v.is_empty())
                .map(|v| truncate_value(v));
            self.emit(kind, place, value, None);
        }
        self.tracker = Some(tracker);
    }

    /// Ends the tracker: file-level findings, then the plan and the keys to the sink.
    pub(super) fn finish_tracking(&mut self, sink: &mut dyn Sink) {
        let Some(tracker) = self.tracker.take() else {
            return;
        };
        let mut out = Vec::new();
        let (plan, keys): (_, Option<KeySet>) = tracker.finish(&mut out);
        for kind in out {
            self.emit(kind, Place::default(), None, None);
        }
        self.flush(sink);
        sink.tracked(plan, keys);
    }
}
