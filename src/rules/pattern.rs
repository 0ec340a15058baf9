//! What it checks: that the whole value matches the profile's regular expression.
//! Why: for formats the other rules do not name (product codes, IDs with a fixed shape).
//! The engine is regex-lite: time O(pattern size × value length), the size limited when the profile
//! is compiled and the length here, so a hostile pattern cannot hang a page. A value longer than
//! [`MAX_PATTERN_INPUT`] is not matched: it is reported by the limits rule (`field-too-long`).
//! Example: pattern `NCS00[1-3]` and value `NCS004` → `pattern-mismatch`.

use regex_lite::Regex;

use crate::profile::Text;
use crate::report::{Code, Kind};
use crate::rules::limits;

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::PatternMismatch];

/// Longest value matched against a pattern, in bytes (codes, IDs and addresses are far shorter).
pub(crate) const MAX_PATTERN_INPUT: usize = 4096;

/// Reports a value the (anchored) expression does not match.
pub(crate) fn check(value: &str, regex: &Regex, description: &Text, out: &mut Vec<Kind>) {
    if value.len() > MAX_PATTERN_INPUT {
        out.push(limits::pattern_input_too_long(MAX_PATTERN_INPUT));
        return;
    }
    if !regex.is_match(value) {
        out.push(Kind::PatternMismatch {
            description: description.clone(),
        });
    }
}
