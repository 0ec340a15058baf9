//! What it checks: that the whole value matches the profile's regular expression.
//! Why: for formats the other rules do not name (product codes, IDs with a fixed shape).
//! The engine is regex-lite: linear time, size-limited, so a hostile pattern cannot hang a page.
//! Example: pattern `NCS00[1-3]` and value `NCS004` → `pattern-mismatch`.

use regex_lite::Regex;

use crate::profile::Text;
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::PatternMismatch];

/// Reports a value the (anchored) expression does not match.
pub(crate) fn check(value: &str, regex: &Regex, description: &Text, out: &mut Vec<Kind>) {
    if !regex.is_match(value) {
        out.push(Kind::PatternMismatch {
            description: description.clone(),
        });
    }
}
