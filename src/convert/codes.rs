//! Stable codes of conversion: why a cell changed ([`ChangeReason`]) and what conversion found
//! ([`ConvertCode`]). Both are kebab-case on the wire and never renamed.

use serde::{Deserialize, Serialize};

use crate::report::Severity;

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $( $(#[doc = $doc:literal])* $variant:ident = $wire:literal, )* }) => {
        $(#[$meta])*
        // `Serialize` is written below from `as_str` (the derived one was a second match); the
        // `serde` names are for the TypeScript type.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
        #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[doc = $doc])* #[serde(rename = $wire)] $variant, )*
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                // What the derive called: the variant's index and its name.
                s.serialize_unit_variant(stringify!($name), *self as u32, self.as_str())
            }
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];

            /// The kebab-case name.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $wire, )* }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

wire_enum! {
    /// Why a value changed between the source file and the converted file.
    ChangeReason {
        /// Spaces (half-width or ideographic) removed from the start or end.
        Trimmed = "trimmed",
        /// Full-width letters, digits, symbols or ideographic spaces made half-width, in a column
        /// that takes only half-width characters.
        HalfWidth = "half-width",
        /// A byte order mark (U+FEFF) inside the value removed.
        BomRemoved = "bom-removed",
        /// The letter case changed to the only accepted value that differs by case alone.
        CaseFixed = "case-fixed",
        /// A date rewritten in the format the target system reads.
        DateReformatted = "date-reformatted",
        /// Replaced through the mapping's value table.
        ValueMapped = "value-mapped",
        /// A blank filled with the mapping's default.
        DefaultApplied = "default-applied",
        /// Padded with leading zeros to the width the mapping gives.
        ZeroPadded = "zero-padded",
        /// A character replaced through the user's substitution table.
        Substituted = "substituted",
        /// A character the target encoding cannot hold replaced by `?` (the file is then offered
        /// only when forced).
        UnrepresentableReplaced = "unrepresentable-replaced",
        /// Canon-style `[...]` brackets added (leading zero, more than 12 digits, already bracketed).
        BracketsAdded = "brackets-added",
        /// `[...]` brackets removed: the target does not use them.
        BracketsRemoved = "brackets-removed",
        /// A masked placeholder (`********`) the target would read as a real value, left blank.
        MaskedCleared = "masked-cleared",
        /// An empty row between the data rows removed.
        BlankRowRemoved = "blank-row-removed",
        /// Empty cells after the last column removed.
        TrailingCellsRemoved = "trailing-cells-removed",
        /// Empty lines at the end of the file removed.
        TrailingLinesRemoved = "trailing-lines-removed",
        /// A header marker the target needs for the output's encoding (Canon's `CharSet:UTF8`)
        /// added.
        HeaderMarkerAdded = "header-marker-added",
        /// A header marker removed: it declares another encoding than the output's.
        HeaderMarkerRemoved = "header-marker-removed",
    }
}

wire_enum! {
    /// What conversion found: a problem it cannot repair without changing meaning, or a fact the
    /// administrator should know.
    ConvertCode {
        /// The target encoding cannot hold a character.
        UnrepresentableCharacter = "unrepresentable-character",
        /// A character that only Windows' Shift_JIS (CP932) has (①, ㈱, 髙).
        Cp932OnlyCharacter = "cp932-only-character",
        /// The source file cannot be read cleanly (malformed bytes, an unclosed quote...).
        SourceError = "source-error",
        /// A number Excel turned into scientific notation (`1.23E+11`).
        ScientificNotation = "scientific-notation",
        /// A long number Excel may have cut to 15 significant digits.
        DigitsTruncated = "digits-truncated",
        /// A number shorter than the column's fixed width: Excel may have dropped leading zeros.
        LeadingZerosLost = "leading-zeros-lost",
        /// A value that looks like something Excel turned into a date.
        ValueBecameDate = "value-became-date",
        /// A value to split has no separator: one of the parts stays empty.
        SplitIncomplete = "split-incomplete",
        /// A source column that the mapping does not use: a warning when a row has a value in
        /// it (that value is lost), an info when it is empty in every row.
        ColumnDropped = "column-dropped",
        /// A target column that needs a value and that no source column feeds.
        TargetUnmapped = "target-unmapped",
        /// A value that the mapping's value table does not list (written unchanged).
        ValueNotMapped = "value-not-mapped",
        /// A value of a date column that could not be read as a date (written unchanged).
        DateNotReformatted = "date-not-reformatted",
        /// The mapping names a column that the source file does not have.
        MappingColumnMissing = "mapping-column-missing",
        /// A filled cell beyond the header's last column (it has no column to go to).
        ExtraCellDropped = "extra-cell-dropped",
    }
}

impl ConvertCode {
    /// The severity of the code (`cp932-only-character` is an error when the target reads strict
    /// Shift_JIS, see [`crate::convert::ConvertOptions::strict_shift_jis`]; `column-dropped` is an
    /// info when the column is empty in every row).
    pub fn default_severity(self) -> Severity {
        use ConvertCode::*;
        match self {
            UnrepresentableCharacter | SourceError | MappingColumnMissing => Severity::Error,
            TargetUnmapped => Severity::Info,
            Cp932OnlyCharacter | ScientificNotation | DigitsTruncated | LeadingZerosLost
            | ValueBecameDate | SplitIncomplete | ColumnDropped | ValueNotMapped
            | DateNotReformatted | ExtraCellDropped => Severity::Warning,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_match_serde_and_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for r in ChangeReason::ALL {
            assert_eq!(
                serde_json::to_string(r).unwrap(),
                format!("\"{}\"", r.as_str())
            );
            assert!(seen.insert(r.as_str()));
        }
        for c in ConvertCode::ALL {
            assert_eq!(
                serde_json::to_string(c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
            assert!(seen.insert(c.as_str()));
        }
    }
}
