//! What it checks: the shape of the CSV. Empty file; blank rows between users and blank lines at
//! the end; a row that repeats the header (files joined); rows with more or fewer cells than the header; stray, misplaced and unclosed quotes.
//! Why: a comma inside an unquoted value shifts every later cell of the row into the wrong column;
//! an unclosed quote swallows the rest of the file into one value.
//! Example: `taro@example.com,Yamada,"Taro` at the end of the file → `unclosed-quote`.

use crate::read::QuoteProblem;
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[
    Code::EmptyFile,
    Code::BlankRow,
    Code::RepeatedHeader,
    Code::TrailingBlankLines,
    Code::ExtraCell,
    Code::MissingCell,
    Code::StrayQuote,
    Code::TextAfterQuote,
    Code::UnclosedQuote,
];

/// The finding for a quote problem, with its byte, line and 0-based field.
pub(crate) fn quote_problem(problem: &QuoteProblem) -> (Kind, u64, u64, usize) {
    match *problem {
        QuoteProblem::StrayQuote { byte, line, field } => (Kind::StrayQuote, byte, line, field),
        QuoteProblem::TextAfterClosingQuote { byte, line, field } => {
            (Kind::TextAfterQuote, byte, line, field)
        }
        QuoteProblem::UnclosedQuote { byte, line, field } => {
            (Kind::UnclosedQuote, byte, line, field)
        }
    }
}

/// Compares a row's cell count with the header's. `optional_tail` header cells at the end (markers)
/// may be left out by data rows; `tab`: the file is tab-separated.
pub(crate) fn ragged(
    expected: usize,
    optional_tail: usize,
    found: usize,
    tab: bool,
) -> Option<Kind> {
    let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    if found > expected {
        Some(Kind::ExtraCell {
            tab,
            expected: to_u32(expected),
            found: to_u32(found),
        })
    } else if found + optional_tail < expected {
        Some(Kind::MissingCell {
            expected: to_u32(expected),
            found: to_u32(found),
        })
    } else {
        None
    }
}
