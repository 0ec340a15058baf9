//! Stable diagnostic codes and severities.

use serde::Serialize;

/// How serious a diagnostic is. `valid` means: no `error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The target system would reject the row or the file.
    Error,
    /// Accepted, but probably not what the administrator meant.
    Warning,
    /// Worth knowing.
    Info,
}

crate::de::unit_enum!(Severity {
    Error: "error",
    Warning: "warning",
    Info: "info",
});

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $name:literal, $sev:ident; )*) => {
        /// A stable, kebab-case diagnostic code (Frictionless names where the meaning is the same).
        // `Serialize` and `Deserialize` are written below from `as_str` and the names table (the
        // derived ones were a match of their own per direction); the `serde` names are for the
        // JSON Schema and the TypeScript type.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])*
            #[cfg_attr(any(feature = "schema", feature = "wasm"), serde(rename = $name))]
            $variant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The kebab-case name.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $name, )* }
            }

            /// The severity unless a profile overrides it.
            pub fn default_severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }

            /// Looks a code up by its kebab-case name.
            pub fn from_name(name: &str) -> Option<Code> {
                match name { $( $name => Some(Code::$variant), )* _ => None }
            }
        }

        impl crate::de::UnitEnum for Code {
            const NAME: &'static str = "Code";
            const VARIANTS: &'static [&'static str] = &[ $( $name, )* ];
            const ALL: &'static [Code] = Code::ALL;
        }

        impl Serialize for Code {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                // What the derive called: the variant's index and its name.
                s.serialize_unit_variant("Code", *self as u32, self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for Code {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                crate::de::deserialize_unit_enum(d)
            }
        }
    };
}

codes! {
    /// The file has no bytes (or only a byte order mark).
    EmptyFile = "empty-file", Error;
    /// The file is not text: a workbook, an archive, a PDF or an image (told by its first bytes).
    NotText = "not-text", Error;
    /// The system needs a byte order mark.
    BomRequired = "bom-required", Error;
    /// The system does not accept a byte order mark.
    BomForbidden = "bom-forbidden", Error;
    /// The file's encoding is not one the system reads.
    EncodingNotAccepted = "encoding-not-accepted", Error;
    /// The bytes are not valid in any encoding we know.
    EncodingUnknown = "encoding-unknown", Error;
    /// A number Excel saved in scientific notation (`1.23E+11`): its digits are lost.
    ScientificNotation = "scientific-notation", Warning;
    /// A number of more than 15 significant digits that ends in zeros after the 15th
    /// (`1234567890123450000`): Excel keeps 15 significant digits and replaces the rest with
    /// zeros. A warning: a real number can end in zeros.
    DigitsTruncated = "digits-truncated", Warning;
    /// A malformed byte sequence in a cell.
    EncodingError = "encoding-error", Error;
    /// The file's delimiter is not one the system reads.
    DelimiterNotAccepted = "delimiter-not-accepted", Error;
    /// The file's line endings are not the ones the system reads.
    LineEndingNotAccepted = "line-ending-not-accepted", Error;
    /// The file mixes line-ending styles.
    MixedLineEndings = "mixed-line-endings", Warning;
    /// Lines end in CR alone, as old Mac programs write, and the system states no line endings:
    /// many import programs read such a file as one long line. The converter writes CRLF.
    CrLineEndings = "cr-line-endings", Warning;
    /// The file name does not follow the system's pattern.
    FileNameMismatch = "file-name-mismatch", Error;
    /// A line before the header, or the mark the header line starts with (FLAT `#`), is missing or
    /// wrong.
    InvalidPreamble = "invalid-preamble", Error;
    /// There is no header row.
    MissingHeader = "missing-header", Error;
    /// A required column is not in the header.
    MissingLabel = "missing-label", Error;
    /// A header label matches no column of the system.
    ExtraLabel = "extra-label", Error;
    /// The same column appears twice in the header.
    DuplicateLabel = "duplicate-label", Error;
    /// A header cell is empty.
    BlankLabel = "blank-label", Error;
    /// A header label holds a byte order mark (U+FEFF): the file starts with two of them, or
    /// files were joined. The system takes it as part of the column's name.
    StrayBom = "stray-bom", Error;
    /// A header label has spaces around it (` email`), in a system not known to trim them.
    UntrimmedLabel = "untrimmed-label", Warning;
    /// Columns are not in the system's order.
    ColumnOrder = "column-order", Warning;
    /// A marker the header must carry (Canon `CharSet:UTF8`) is missing.
    MissingHeaderMarker = "missing-header-marker", Error;
    /// The header carries a marker for another encoding than the file's (Canon `CharSet:UTF8` in
    /// a Shift_JIS file Excel saved from the device's export).
    HeaderMarkerMismatch = "header-marker-mismatch", Error;
    /// The file has a header but no data rows.
    NoDataRows = "no-data-rows", Error;
    /// More data rows than the system or the tenant allows.
    TooManyRows = "too-many-rows", Error;
    /// An empty row between data rows.
    BlankRow = "blank-row", Error;
    /// A data row that repeats the header: files were joined into one.
    RepeatedHeader = "repeated-header", Error;
    /// Empty lines at the end of the file.
    TrailingBlankLines = "trailing-blank-lines", Warning;
    /// A row has more cells than the header.
    ExtraCell = "extra-cell", Error;
    /// A row has fewer cells than the header.
    MissingCell = "missing-cell", Error;
    /// A double quote inside a field that does not start with one.
    StrayQuote = "stray-quote", Error;
    /// Text after the closing quote of a quoted field.
    TextAfterQuote = "text-after-quote", Error;
    /// A quoted field is never closed.
    UnclosedQuote = "unclosed-quote", Error;
    /// A control character (NUL, tab, line feed, ...) inside a value.
    ControlCharacter = "control-character", Error;
    /// A value a spreadsheet would run as a formula (starts with `=`, `+`, `-`, `@`, tab or CR).
    FormulaPrefix = "formula-prefix", Warning;
    /// A field longer than the checker's limit (its end was not checked).
    FieldTooLong = "field-too-long", Error;
    /// A row with more fields than the checker's limit.
    TooManyFields = "too-many-fields", Error;
    /// A row longer than the checker's limit, all fields together (its end was not checked).
    RecordTooLong = "record-too-long", Error;
    /// A required value is empty.
    MissingValue = "missing-value", Error;
    /// The cell must be empty.
    MustBeEmpty = "must-be-empty", Error;
    /// The manual says this need not be entered.
    ValueNotNeeded = "value-not-needed", Warning;
    /// The system ignores values in this column.
    ValueIgnored = "value-ignored", Warning;
    /// Spaces at the start or end of a value.
    UntrimmedValue = "untrimmed-value", Warning;
    /// The value is too long.
    TooLong = "too-long", Error;
    /// The value is too short.
    TooShort = "too-short", Error;
    /// A character outside the allowed set.
    InvalidCharacter = "invalid-character", Error;
    /// A character the system forbids here.
    ForbiddenCharacter = "forbidden-character", Error;
    /// A character the system's storage encoding cannot hold.
    UnencodableCharacter = "unencodable-character", Error;
    /// The value is not one of the accepted values.
    NotInList = "not-in-list", Error;
    /// The value does not match the required pattern.
    PatternMismatch = "pattern-mismatch", Error;
    /// Not a valid e-mail address.
    InvalidEmail = "invalid-email", Error;
    /// The e-mail domain is not allowed by the tenant.
    EmailDomainNotAllowed = "email-domain-not-allowed", Error;
    /// Digits expected.
    NotDigits = "not-digits", Error;
    /// More digits than allowed.
    TooManyDigits = "too-many-digits", Error;
    /// A whole number expected.
    NotAnInteger = "not-an-integer", Error;
    /// Not one of the flag values (0/1).
    InvalidFlag = "invalid-flag", Error;
    /// Not a date in an accepted format.
    InvalidDate = "invalid-date", Error;
    /// A list with more items than allowed.
    TooManyItems = "too-many-items", Error;
    /// The same item twice in a list.
    DuplicateItem = "duplicate-item", Warning;
    /// An empty item in a list (two separators in a row, or one at an end).
    EmptyItem = "empty-item", Error;
    /// A value that must be unique appears in an earlier row.
    UniqueError = "unique-error", Error;
    /// A constraint between columns of the row is not met.
    RowConstraint = "row-constraint", Error;
    /// A value that needs `[...]` brackets (leading zero, more than 12 digits) has none.
    MissingBrackets = "missing-brackets", Warning;
    /// Too many distinct values to keep checking uniqueness.
    IndexLimitReached = "index-limit-reached", Warning;
    /// A value the system refuses here (the signed-in administrator's own ID, an administrator).
    ForbiddenValue = "forbidden-value", Error;
    /// The value lacks a character class it needs (a password without a digit).
    MissingCharacterClass = "missing-character-class", Error;
    /// A blank that new records may not have; without the current export it is unknown whether the
    /// record is new.
    RequiredForNew = "required-for-new", Warning;
    /// A blank value the system fills with a default (learningBOX "Belong to").
    BlankValueDefault = "blank-value-default", Info;
    /// A column holds more distinct values than the system registers.
    TooManyDistinctValues = "too-many-distinct-values", Error;
    /// A value that must name a record of another file (or of the system) names none.
    ForeignKey = "foreign-key", Error;
    /// References could not be checked: neither the referenced file nor its export was given.
    ReferenceUnchecked = "reference-unchecked", Info;
    /// References name IDs that are not in the referenced file, and without the system's current
    /// export it is unknown whether they are registered.
    ReferenceOutsideFile = "reference-outside-file", Warning;
    /// A bundle file's header fits several roles alike and its name tells none of them apart: the
    /// role it is checked as was assumed.
    RoleAssumed = "role-assumed", Warning;
    /// A delete row does not match the system's record exactly.
    DeleteMismatch = "delete-mismatch", Error;
    /// A delete import checked without the system's current export.
    BaselineMissing = "baseline-missing", Info;
    /// A value of a read-only column differs from the system's.
    ReadOnlyChanged = "read-only-changed", Warning;
    /// A second identity (e-mail) of an existing record appears under another key.
    KeyConflict = "key-conflict", Error;
    /// More counted records than the tenant's licences.
    SeatLimitExceeded = "seat-limit-exceeded", Error;
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for &code in Code::ALL {
            assert_eq!(Code::from_name(code.as_str()), Some(code));
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }
}
