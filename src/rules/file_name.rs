//! What it checks: the file name, when it is known (IWpro reads the operation from it:
//! `add-users_{anything}.csv`).
//! Why: a file named `users.csv` is rejected or, worse, taken for another operation.
//! Example: `users.csv` for `fujifilm-iwpro/add-users` → `file-name-mismatch`.

use regex_lite::Regex;

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::FileNameMismatch];

/// Checks the base name (anything before the last `/` or `\` is ignored).
pub(crate) fn check(path: &str, pattern: &Regex, example: &str) -> Option<Kind> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    (!pattern.is_match(name)).then(|| Kind::FileNameMismatch {
        name: name.to_string(),
        example: example.to_string(),
    })
}
