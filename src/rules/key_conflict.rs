//! What it checks: a second identity of a record (learningBOX: the e-mail address) that the
//! system's current export gives to a record with another key (login ID).
//! Why: the key cannot change by import, and learningBOX does not register an e-mail address
//! already in use: the row is refused, neither added nor updated (the plan counts it as a
//! conflict). The profile's reason says where the key can be changed instead.
//! Example: `taro@example.com` under login ID `taro2` while the export has it under `taro`
//! → `key-conflict`.

use crate::profile::Text;
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::KeyConflict];

/// The finding when the alternate key belongs to baseline record `owner` (its row) while the row's
/// own key is `row_key_owner` (`None`: the row's key is not in the export).
pub(crate) fn check(
    owner: Option<(usize, u64)>,
    row_key_owner: Option<usize>,
    reason: &Text,
) -> Option<Kind> {
    let (entry, baseline_row) = owner?;
    (row_key_owner != Some(entry)).then(|| Kind::KeyConflict {
        baseline_row,
        reason: reason.clone(),
    })
}
