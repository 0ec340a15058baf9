//! What it checks: the checker's own bounds: fields longer than the field limit, rows with more
//! fields than the column limit, rows longer than the record limit (many fields, each under the
//! field limit), values too long to be matched against a pattern (`field-too-long` too). What is
//! beyond the bound is counted, not stored, so memory stays bounded whatever the file holds.
//! Why: a missing quote can make the rest of a 100 MB file one field; the page must not run out of
//! memory, and the report must say why the value was not fully checked.
//! Example: a 10 MB field → `field-too-long`; 4,000 fields of 2 KB each → `record-too-long`.

use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::FieldTooLong, Code::TooManyFields, Code::RecordTooLong];

/// The finding for a truncated field.
pub(crate) fn field_too_long(limit: usize) -> Kind {
    Kind::FieldTooLong { limit }
}

/// The finding for a value too long to be matched against its column's pattern.
pub(crate) fn pattern_input_too_long(limit: usize) -> Kind {
    Kind::PatternInputTooLong { limit }
}

/// The finding for a row whose fields together pass the record limit.
pub(crate) fn record_too_long(limit: usize, truncated: bool) -> Option<Kind> {
    // Not `then_some`: it builds the finding (and drops it) for every record.
    if truncated {
        Some(Kind::RecordTooLong { limit })
    } else {
        None
    }
}

/// The finding for a row with too many fields.
pub(crate) fn too_many_fields(limit: usize, found: usize) -> Option<Kind> {
    if found > limit {
        Some(Kind::TooManyFields { limit, found })
    } else {
        None
    }
}
