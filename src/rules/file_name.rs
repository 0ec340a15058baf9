//! What it checks: the file name, when it is known (IWpro reads the operation from it:
//! `add-users_{anything}.csv`).
//! Why: a file named `users.csv` is rejected or, worse, taken for another operation.
//! Example: `users.csv` for `fujifilm-iwpro/add-users` → `file-name-mismatch`.

use regex_lite::Regex;

use crate::profile::FileType;
use crate::report::{truncate_value, Code, Kind};
use crate::rules::pattern::MAX_PATTERN_INPUT;

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::FileNameMismatch];

/// The finding for a name whose extension is none of the file types' (FLAT reads `.tsv` and
/// `.csv` files); nothing without file types.
pub(crate) fn check_extension(path: &str, types: &[FileType]) -> Option<Kind> {
    if types.is_empty() || super::dialect::type_by_name(path, types).is_some() {
        return None;
    }
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    Some(Kind::ExtensionNotAccepted {
        name: truncate_value(name),
        accepted: types.iter().map(|t| t.extension.clone()).collect(),
    })
}

/// Checks the base name (anything before the last `/` or `\` is ignored). A name longer than
/// [`MAX_PATTERN_INPUT`] (no file system has such names) is a mismatch without matching.
pub(crate) fn check(path: &str, pattern: &Regex, example: &str) -> Option<Kind> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let matches = name.len() <= MAX_PATTERN_INPUT && pattern.is_match(name);
    (!matches).then(|| Kind::FileNameMismatch {
        name: truncate_value(name),
        example: example.to_string(),
    })
}
