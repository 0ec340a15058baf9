//! What it checks: values a column must not hold, given literally or by a tenant parameter (CELF:
//! the signed-in administrator's own ID; FLAT: administrator users' e-mail addresses).
//! Why: the system refuses the row or the whole file, and says so only after the upload.
//! Example: CELF `id` = `admin01` with `signedInUserId` = `admin01` → `forbidden-value`.

use crate::profile::Text;
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::ForbiddenValue];

/// Reports a value that is one of `values` (already lowercased when `ignore_case`).
pub(crate) fn check(
    value: &str,
    values: &[String],
    ignore_case: bool,
    reason: &Text,
    out: &mut Vec<Kind>,
) {
    let hit = if ignore_case {
        let lower = value.to_lowercase();
        values.contains(&lower)
    } else {
        values.iter().any(|v| v == value)
    };
    if hit {
        out.push(Kind::ForbiddenValue {
            reason: reason.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_listed_values() {
        let reason = Text::default();
        let mut out = Vec::new();
        check(
            "Admin@x.jp",
            &["admin@x.jp".into()],
            true,
            &reason,
            &mut out,
        );
        check(
            "Admin@x.jp",
            &["admin@x.jp".into()],
            false,
            &reason,
            &mut out,
        );
        check("user@x.jp", &["admin@x.jp".into()], true, &reason, &mut out);
        assert_eq!(out, vec![Kind::ForbiddenValue { reason }]);
    }
}
