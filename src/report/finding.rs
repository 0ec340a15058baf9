//! What a rule found, before it is rendered into a message.
//!
//! Rules produce [`Finding`]s: compact data with positions. Messages are rendered from them only for
//! the diagnostics that are kept (the report caps them), never eagerly for a million rows.

use std::sync::Arc;

use crate::decode::TextEncoding;
use crate::profile::{CharClass, Delimiter, LineEndingKind, Text};
use crate::report::{Code, Severity};

/// The facts behind one diagnostic; the message is rendered from these.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)] // the variants mirror `Code`, documented there
#[non_exhaustive]
pub enum Kind {
    EmptyFile,
    NotText {
        format: crate::rules::not_text::BinaryFormat,
    },
    BomRequired,
    BomForbidden,
    EncodingNotAccepted {
        detected: TextEncoding,
        accepted: Vec<TextEncoding>,
    },
    EncodingUnknown {
        guess: TextEncoding,
    },
    EncodingError {
        encoding: TextEncoding,
        bytes: String,
    },
    /// The malformed sequences of a cell after the first ones reported each.
    MoreEncodingErrors {
        encoding: TextEncoding,
        count: u64,
    },
    ScientificNotation,
    DigitsTruncated,
    DelimiterNotAccepted {
        detected: Delimiter,
        accepted: Vec<Delimiter>,
    },
    /// The file's name says it is of a type with another delimiter (a `.tsv` with commas).
    DelimiterNotForExtension {
        detected: Delimiter,
        extension: String,
        expected: Delimiter,
    },
    LineEndingNotAccepted {
        found: LineEndingKind,
        accepted: Vec<LineEndingKind>,
    },
    MixedLineEndings {
        crlf: u64,
        lf: u64,
        cr: u64,
    },
    CrLineEndings {
        lines: u64,
    },
    FileNameMismatch {
        name: String,
        example: String,
    },
    /// The name's extension is none of the file types' (`accepted`, without dots).
    ExtensionNotAccepted {
        name: String,
        accepted: Vec<String>,
    },
    /// The header line lacks the mark it starts with (FLAT: `#email`); `first` is its first label.
    MissingLabelPrefix {
        prefix: String,
        first: String,
    },
    InvalidPreamble {
        starts_with: String,
        description: Text,
    },
    /// The line a preamble line should be is the header itself (code `invalid-preamble`): the
    /// file is of the other layout (FLAT's total import, which has no identification line).
    PreambleIsHeader {
        starts_with: String,
        description: Text,
    },
    MissingHeader,
    /// The first line matches no column and holds a value such as an e-mail address.
    HeaderIsData {
        example: String,
    },
    MissingLabel,
    /// The header names no column of the profile (code `missing-label`): the wrong file, or the
    /// wrong system chosen. Said once, in place of a `missing-label` per required column.
    NoKnownLabel,
    /// A `recommended` column is missing (code `missing-label`, a warning): the system applies its
    /// default to every row.
    RecommendedLabelMissing,
    ExtraLabel {
        /// The column the label names but for case or width, if any.
        suggestion: Option<String>,
    },
    DuplicateLabel {
        first_index: u32,
    },
    /// A header cell is empty; `index` is its 1-based column (often a column Excel kept after
    /// the last one because it was formatted).
    BlankLabel {
        index: u32,
    },
    /// A header label holds U+FEFF; `label` is the label without it.
    StrayBom {
        label: String,
    },
    /// A header label with spaces around it; `label` is the label without them.
    UntrimmedLabel {
        label: String,
    },
    ColumnOrder {
        expected_index: u32,
    },
    MissingHeaderMarker {
        marker: String,
        encoding: TextEncoding,
    },
    /// The header has `marker`, which declares `declares`, but the file is in `encoding`.
    HeaderMarkerMismatch {
        marker: String,
        declares: TextEncoding,
        encoding: TextEncoding,
    },
    NoDataRows,
    TooManyRows {
        max: u64,
        rows: u64,
    },
    /// An empty row between users; `tab` when the file is tab-separated (the message names the
    /// delimiter the user sees).
    BlankRow {
        tab: bool,
    },
    /// A data row that repeats the header; `bom` when it starts with a byte order mark (the
    /// second file's, left in the middle of the joined file).
    RepeatedHeader {
        bom: bool,
    },
    TrailingBlankLines {
        count: u64,
    },
    ExtraCell {
        /// Whether the file is tab-separated.
        tab: bool,
        expected: u32,
        found: u32,
    },
    MissingCell {
        expected: u32,
        found: u32,
    },
    StrayQuote,
    TextAfterQuote,
    UnclosedQuote,
    ControlCharacter {
        ch: char,
    },
    FormulaPrefix {
        first: char,
    },
    FieldTooLong {
        limit: usize,
    },
    TooManyFields {
        limit: usize,
        found: usize,
    },
    RecordTooLong {
        limit: usize,
    },
    /// A value longer than the checker matches against a pattern (code `field-too-long`).
    PatternInputTooLong {
        limit: usize,
    },
    MissingValue,
    MustBeEmpty,
    ValueNotNeeded,
    ValueIgnored,
    UntrimmedValue,
    /// A cell of an optional column that holds only spaces (code `untrimmed-value`): it looks
    /// empty, and the system may not take it as empty.
    OnlySpaces,
    TooLong {
        max: u32,
        actual: u32,
        bytes_in: Option<String>,
    },
    TooShort {
        min: u32,
        actual: u32,
        bytes_in: Option<String>,
    },
    InvalidCharacter {
        ch: char,
        allowed: Vec<CharClass>,
        extra: String,
    },
    ForbiddenCharacter {
        ch: char,
    },
    UnencodableCharacter {
        ch: char,
        encoding: String,
    },
    NotInList {
        allowed: Vec<String>,
        suggestion: Option<String>,
    },
    PatternMismatch {
        description: Text,
    },
    InvalidEmail {
        problem: EmailProblem,
    },
    EmailDomainNotAllowed {
        domain: String,
        allowed: Vec<String>,
    },
    /// `full_width`: the value has full-width digits; `scientific`: it is a number Excel saved
    /// in scientific notation (deleting the letters would make a wrong value).
    NotDigits {
        full_width: bool,
        scientific: bool,
    },
    TooManyDigits {
        max: u32,
        actual: u32,
    },
    NotAnInteger,
    InvalidFlag {
        allowed: Vec<String>,
        /// The value is an allowed one typed in full-width characters (`１`).
        full_width: bool,
    },
    InvalidDate {
        formats: Vec<String>,
        /// The value has a format's shape but names no real date (`20230229`).
        no_such_date: bool,
    },
    TooManyItems {
        max: u32,
        actual: u32,
    },
    DuplicateItem {
        item: String,
    },
    EmptyItem,
    UniqueError {
        first_row: u64,
        columns: Vec<String>,
    },
    RowConstraint {
        reason: Text,
        expect: Expectation,
    },
    MissingBrackets,
    IndexLimitReached {
        limit: usize,
    },
    ForbiddenValue {
        reason: Text,
    },
    MissingCharacterClass {
        class: CharClass,
    },
    RequiredForNew,
    BlankValueDefault {
        meaning: Text,
    },
    TooManyDistinctValues {
        max: u64,
    },
    /// `role`: the referenced bundle role.
    ForeignKey {
        role: String,
    },
    ReferenceUnchecked {
        role: String,
        columns: Vec<String>,
    },
    /// `count` references name no record of the `role` file, and the records already registered
    /// are unknown; `examples`: the first distinct IDs, each with its first row; `more_ids`:
    /// other IDs follow them.
    ReferenceOutsideFile {
        role: String,
        columns: Vec<String>,
        count: u64,
        examples: Vec<(String, u64)>,
        more_ids: bool,
    },
    /// `role`: the role a bundle file is checked as; `alike`: the roles whose files have the same
    /// header (`role` among them, in the bundle's order), each with a word of its file names.
    RoleAssumed {
        role: String,
        alike: Vec<(String, Option<String>)>,
    },
    /// `column`: the first column that differs; `None` when the record is not in the export.
    DeleteMismatch {
        column: Option<String>,
    },
    BaselineMissing,
    ReadOnlyChanged {
        new_record: bool,
    },
    KeyConflict {
        baseline_row: u64,
        reason: Text,
    },
    SeatLimitExceeded {
        limit: u64,
        counted: u64,
        after_import: bool,
    },
    /// A finding about one item of a list value; its code is the inner finding's.
    Item {
        item: String,
        inner: Box<Kind>,
    },
}

/// What a row rule expected of its column.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expectation {
    /// The cell must be filled.
    Filled,
    /// The cell must be empty.
    Empty,
    /// The value must be one of these.
    OneOf(Vec<String>),
}

/// Why an e-mail address is invalid, so the help can say what to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EmailProblem {
    /// No `@`.
    NoAt,
    /// More than one `@`.
    SeveralAt,
    /// A full-width `＠` or other full-width characters.
    FullWidth,
    /// Nothing before the `@`.
    EmptyLocal,
    /// The part before `@` is longer than 64 characters.
    LocalTooLong,
    /// Dots at the start or end of the local part, or two in a row.
    BadDots,
    /// Characters not allowed in an address (spaces, commas, non-ASCII...).
    BadCharacter,
    /// The domain is missing or malformed.
    BadDomain,
    /// The domain has no dot (e.g. `user@example`).
    DomainWithoutDot,
}

impl Kind {
    /// The stable code of this finding.
    pub fn code(&self) -> Code {
        use Kind::*;
        match self {
            EmptyFile => Code::EmptyFile,
            NotText { .. } => Code::NotText,
            ScientificNotation => Code::ScientificNotation,
            DigitsTruncated => Code::DigitsTruncated,
            BomRequired => Code::BomRequired,
            BomForbidden => Code::BomForbidden,
            EncodingNotAccepted { .. } => Code::EncodingNotAccepted,
            EncodingUnknown { .. } => Code::EncodingUnknown,
            EncodingError { .. } | MoreEncodingErrors { .. } => Code::EncodingError,
            DelimiterNotAccepted { .. } | DelimiterNotForExtension { .. } => {
                Code::DelimiterNotAccepted
            }
            LineEndingNotAccepted { .. } => Code::LineEndingNotAccepted,
            MixedLineEndings { .. } => Code::MixedLineEndings,
            CrLineEndings { .. } => Code::CrLineEndings,
            FileNameMismatch { .. } | ExtensionNotAccepted { .. } => Code::FileNameMismatch,
            InvalidPreamble { .. } | PreambleIsHeader { .. } | MissingLabelPrefix { .. } => {
                Code::InvalidPreamble
            }
            MissingHeader | HeaderIsData { .. } => Code::MissingHeader,
            MissingLabel | RecommendedLabelMissing | NoKnownLabel => Code::MissingLabel,
            ExtraLabel { .. } => Code::ExtraLabel,
            DuplicateLabel { .. } => Code::DuplicateLabel,
            BlankLabel { .. } => Code::BlankLabel,
            StrayBom { .. } => Code::StrayBom,
            UntrimmedLabel { .. } => Code::UntrimmedLabel,
            ColumnOrder { .. } => Code::ColumnOrder,
            MissingHeaderMarker { .. } => Code::MissingHeaderMarker,
            HeaderMarkerMismatch { .. } => Code::HeaderMarkerMismatch,
            NoDataRows => Code::NoDataRows,
            TooManyRows { .. } => Code::TooManyRows,
            BlankRow { .. } => Code::BlankRow,
            RepeatedHeader { .. } => Code::RepeatedHeader,
            TrailingBlankLines { .. } => Code::TrailingBlankLines,
            ExtraCell { .. } => Code::ExtraCell,
            MissingCell { .. } => Code::MissingCell,
            StrayQuote => Code::StrayQuote,
            TextAfterQuote => Code::TextAfterQuote,
            UnclosedQuote => Code::UnclosedQuote,
            ControlCharacter { .. } => Code::ControlCharacter,
            FormulaPrefix { .. } => Code::FormulaPrefix,
            FieldTooLong { .. } | PatternInputTooLong { .. } => Code::FieldTooLong,
            TooManyFields { .. } => Code::TooManyFields,
            RecordTooLong { .. } => Code::RecordTooLong,
            MissingValue => Code::MissingValue,
            MustBeEmpty => Code::MustBeEmpty,
            ValueNotNeeded => Code::ValueNotNeeded,
            ValueIgnored => Code::ValueIgnored,
            UntrimmedValue | OnlySpaces => Code::UntrimmedValue,
            TooLong { .. } => Code::TooLong,
            TooShort { .. } => Code::TooShort,
            InvalidCharacter { .. } => Code::InvalidCharacter,
            ForbiddenCharacter { .. } => Code::ForbiddenCharacter,
            UnencodableCharacter { .. } => Code::UnencodableCharacter,
            NotInList { .. } => Code::NotInList,
            PatternMismatch { .. } => Code::PatternMismatch,
            InvalidEmail { .. } => Code::InvalidEmail,
            EmailDomainNotAllowed { .. } => Code::EmailDomainNotAllowed,
            NotDigits { .. } => Code::NotDigits,
            TooManyDigits { .. } => Code::TooManyDigits,
            NotAnInteger => Code::NotAnInteger,
            InvalidFlag { .. } => Code::InvalidFlag,
            InvalidDate { .. } => Code::InvalidDate,
            TooManyItems { .. } => Code::TooManyItems,
            DuplicateItem { .. } => Code::DuplicateItem,
            EmptyItem => Code::EmptyItem,
            UniqueError { .. } => Code::UniqueError,
            RowConstraint { .. } => Code::RowConstraint,
            MissingBrackets => Code::MissingBrackets,
            IndexLimitReached { .. } => Code::IndexLimitReached,
            ForbiddenValue { .. } => Code::ForbiddenValue,
            MissingCharacterClass { .. } => Code::MissingCharacterClass,
            RequiredForNew => Code::RequiredForNew,
            BlankValueDefault { .. } => Code::BlankValueDefault,
            TooManyDistinctValues { .. } => Code::TooManyDistinctValues,
            ForeignKey { .. } => Code::ForeignKey,
            ReferenceUnchecked { .. } => Code::ReferenceUnchecked,
            ReferenceOutsideFile { .. } => Code::ReferenceOutsideFile,
            RoleAssumed { .. } => Code::RoleAssumed,
            DeleteMismatch { .. } => Code::DeleteMismatch,
            BaselineMissing => Code::BaselineMissing,
            ReadOnlyChanged { .. } => Code::ReadOnlyChanged,
            KeyConflict { .. } => Code::KeyConflict,
            SeatLimitExceeded { .. } => Code::SeatLimitExceeded,
            Item { inner, .. } => inner.code(),
        }
    }
}

/// Where a finding is. Rows are spreadsheet rows (header = row 1 when there is no preamble).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Place {
    /// Spreadsheet row (1-based record number).
    pub row: Option<u64>,
    /// Physical line where the record starts (1-based).
    pub line: Option<u64>,
    /// Byte offset in the file.
    pub byte: Option<u64>,
    /// Column label as written in the file (or the profile's name for a missing column).
    pub column: Option<Arc<str>>,
    /// 1-based column index in the file.
    pub column_index: Option<u32>,
}

/// One finding with its place, severity and the offending value.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What was found.
    pub kind: Kind,
    /// Its severity after profile overrides.
    pub severity: Severity,
    /// Where.
    pub place: Place,
    /// The offending value, truncated.
    pub value: Option<String>,
}

/// Longest value quoted in a diagnostic, in characters.
pub const MAX_VALUE_CHARS: usize = 80;

/// Shortens a value for a diagnostic, marking the cut with `…`.
pub fn truncate_value(value: &str) -> String {
    match value.char_indices().nth(MAX_VALUE_CHARS) {
        Some((cut, _)) => {
            let mut short = value[..cut].to_string();
            short.push('…');
            short
        }
        None => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_on_char_boundaries() {
        let long = "あ".repeat(100);
        let short = truncate_value(&long);
        assert_eq!(short.chars().count(), MAX_VALUE_CHARS + 1);
        assert!(short.ends_with('…'));
        assert_eq!(truncate_value("abc"), "abc");
    }
}
