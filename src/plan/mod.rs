//! Baseline and plan: the target system's own current export, read with the same profile machinery,
//! and what an import would do to the records it holds.
//!
//! ```text
//! export ─► BaselineReader (streaming) ─► Baseline: key hash → row, column hashes, key text
//! upload ─► Checker::with_baseline ─► per row: add / update / unchanged / delete (+ findings)
//!                                 ─► Report.plan: counts, capped key lists, deletions, seats
//! ```
//! Memory is bounded by the baseline index (one entry per record: the key's 64-bit hash, one
//! 32-bit hash per column, the key text), capped at `Limits::max_unique_keys` records. Values are
//! compared by hash: a change that keeps a 31-bit hash equal (about 1 in 2·10⁹) reads as unchanged.

mod baseline;
mod hashing;
mod tracker;

use serde::{Deserialize, Serialize};

pub use baseline::{Baseline, BaselineReader};
pub(crate) use hashing::KeySet;
pub(crate) use tracker::{ReferenceSets, RowFinding, Tracker};

/// Reads `baseline` (the system's current export) for `profile` and checks `bytes` against it.
pub fn check_with_baseline(
    bytes: &[u8],
    baseline: &[u8],
    profile: &crate::Profile,
    options: crate::CheckOptions,
) -> Result<crate::Report, crate::Error> {
    let index = Baseline::read(baseline, profile, &options)?;
    let options = options.for_whole(bytes.len());
    let mut checker = crate::Checker::with_baseline(profile, options, std::sync::Arc::new(index))?;
    checker.push(bytes);
    Ok(checker.finish())
}

use crate::profile::ImportMode;

/// Most keys listed per plan list (counts stay exact).
pub const MAX_PLAN_KEYS: usize = 100;

/// What the import would do, compared with the system's current export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Plan {
    /// The import mode planned for (from the profile and its parameters).
    pub mode: ImportMode,
    /// Records in the baseline.
    pub baseline_records: u64,
    /// Whether the baseline had more records than the index holds (the plan is then incomplete).
    pub baseline_capped: bool,
    /// Rows that add a record.
    pub add: PlanList,
    /// Rows that change a record.
    pub update: PlanList,
    /// Rows identical to their record (blank values that keep the current one are not compared).
    pub unchanged: PlanList,
    /// Records deleted: the matching rows of a delete import, or every record a replacing import
    /// leaves out (protected keys excepted).
    pub delete: PlanList,
    /// Delete rows that do not match their record exactly (or name none): in delete mode a single
    /// one makes the whole import fail.
    pub rejected: PlanList,
    /// Rows the system refuses because a second identity of theirs (learningBOX: the e-mail
    /// address) belongs to another record of the export (`key-conflict`): they neither add nor
    /// change a record, so they are not in `add`, `update` or `unchanged`.
    pub conflicts: PlanList,
    /// Rows without a complete key: they cannot be matched and are counted as additions.
    pub rows_without_key: u64,
    /// Records after the import. A delete import with a rejected row fails as a whole, so it
    /// leaves the export's count (`delete` then lists what it would delete without them).
    pub records_after: u64,
    /// Seats (licences) after the import, when the profile counts them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<SeatCount>,
}

/// A count with the first keys.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub struct PlanList {
    /// How many.
    pub count: u64,
    /// The first keys (at most 100), in file (or export) order; key columns joined by ` + `.
    pub keys: Vec<String>,
}

impl PlanList {
    pub(crate) fn push(&mut self, key: impl FnOnce() -> String) {
        self.count += 1;
        if self.keys.len() < MAX_PLAN_KEYS {
            self.keys.push(key());
        }
    }
}

/// Counted records after the import, and the limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub struct SeatCount {
    /// Records that count towards the limit.
    pub counted: u64,
    /// The tenant's limit, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}
