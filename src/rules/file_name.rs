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

/// The file's own name: anything before the last `/` or `\` is the folder.
pub(crate) fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The extension of a file name (after its last dot, not counting a leading one), if any.
pub(crate) fn extension(path: &str) -> Option<&str> {
    let base = base_name(path);
    base.rfind('.')
        .filter(|dot| *dot > 0)
        .and_then(|dot| base.get(dot + 1..))
}

/// The finding for a name whose extension is none of the file types' (FLAT reads `.tsv` and
/// `.csv` files); nothing without file types.
pub(crate) fn check_extension(path: &str, types: &[FileType]) -> Option<Kind> {
    if types.is_empty() || super::dialect::type_by_name(path, types).is_some() {
        return None;
    }
    Some(Kind::ExtensionNotAccepted {
        name: truncate_value(base_name(path)),
        accepted: types.iter().map(|t| t.extension.clone()).collect(),
    })
}

/// Checks the base name (anything before the last `/` or `\` is ignored). A name longer than
/// [`MAX_PATTERN_INPUT`] (no file system has such names) is a mismatch without matching.
pub(crate) fn check(path: &str, pattern: &Regex, example: &str) -> Option<Kind> {
    let name = base_name(path);
    let matches = name.len() <= MAX_PATTERN_INPUT && pattern.is_match(name);
    (!matches).then(|| Kind::FileNameMismatch {
        name: truncate_value(name),
        example: example.to_string(),
    })
}
