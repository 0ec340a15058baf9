//! What it checks: blank cells the system fills with a default of its own, reported as information
//! (learningBOX: a blank "Belong to" puts the user in the uploading administrator's group).
//! Why: a blank looks like "no change" but is a decision the system makes for you.
//! Example: learningBOX `Belong to` blank → `blank-value-default` (info).

use crate::profile::Text;
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::BlankValueDefault];

/// Reports a blank value of a column that says what a blank means.
pub(crate) fn check(value: &str, meaning: Option<&Text>, out: &mut Vec<Kind>) {
    if let (true, Some(meaning)) = (value.is_empty(), meaning) {
        out.push(Kind::BlankValueDefault {
            meaning: meaning.clone(),
        });
    }
}
