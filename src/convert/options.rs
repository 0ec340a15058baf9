//! Options of a conversion.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::check::Limits;
use crate::convert::Mapping;
use crate::decode::{Lang, TextEncoding};
use crate::error::{Error, ErrorKind};
use crate::profile::{DateFormat, Delimiter, LineEndingKind, Params};

/// The repairs conversion applies. Each is on by default because it cannot change what a value
/// means; each change is listed in the change log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Repairs {
    /// Remove half-width and ideographic spaces at the start and end of values (never in password
    /// columns, where a space may be part of the secret).
    pub trim: bool,
    /// Make full-width ASCII characters and ideographic spaces half-width in columns that take
    /// only half-width characters (e-mail addresses, digits, codes, flags, dates).
    pub half_width: bool,
    /// Remove byte order marks (U+FEFF) inside values, left by files joined together.
    pub stray_bom: bool,
    /// Remove empty cells after the last column and empty lines at the end of the file.
    pub trailing_empty: bool,
    /// Remove empty rows between the data rows.
    pub blank_rows: bool,
    /// Rewrite year-first dates (`2025/1/5`, `2025-01-05 0:00`) in the target's date format.
    pub excel_dates: bool,
    /// Correct the letter case of a value that matches exactly one accepted value but for case
    /// (`JA` → `ja`).
    pub letter_case: bool,
}

crate::de::record!(
    Repairs {
        trim: "trim",
        half_width: "halfWidth",
        stray_bom: "strayBom",
        trailing_empty: "trailingEmpty",
        blank_rows: "blankRows",
        excel_dates: "excelDates",
        letter_case: "letterCase",
    },
    default
);

impl Default for Repairs {
    fn default() -> Self {
        Repairs {
            trim: true,
            half_width: true,
            stray_bom: true,
            trailing_empty: true,
            blank_rows: true,
            excel_dates: true,
            letter_case: true,
        }
    }
}

/// Options of a conversion.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ConvertOptions {
    /// What the source file is: `auto` (a built-in profile whose header it has, else a file with
    /// its own header), `header` (a file with its own header), or a built-in profile id.
    pub from: String,
    /// The column mapping; suggested from the header, the samples and the presets when absent.
    pub mapping: Option<Mapping>,
    /// The source's encoding, when identification guesses wrong (a few characters of EUC-KR
    /// also read as Big5); default: identified from the bytes.
    pub source_encoding: Option<TextEncoding>,
    /// The output encoding; default: the source's when the target accepts it, else the target's
    /// first.
    pub encoding: Option<TextEncoding>,
    /// Whether the output starts with a byte order mark (UTF-8 only); default: as the target's
    /// policy requires, else as the source had it (a legacy source converted to UTF-8 gets one, so
    /// that Excel opens the file correctly).
    pub bom: Option<bool>,
    /// The output delimiter; default: the source's when the target accepts it, else the target's
    /// first.
    pub delimiter: Option<Delimiter>,
    /// The output line ending; default: the source's when the target accepts it, else the target's
    /// first (CRLF when the target accepts any).
    pub line_ending: Option<LineEndingKind>,
    /// Offer the file even when it still has errors.
    pub force: bool,
    /// The date put in the suggested file name (e.g. `2026-11-21`), so that the same input always
    /// gives the same name; without it the name carries `converted` in its place.
    pub date: Option<String>,
    /// The source file's name, for the suggested file name.
    pub source_file_name: Option<String>,
    /// Replacements for characters the target encoding cannot hold (`{"髙": "高"}`); each use is
    /// logged. Nothing is ever replaced without an entry here.
    pub substitutions: BTreeMap<String, String>,
    /// The target reads standard Shift_JIS (JIS X 0208): characters only Windows' CP932 has (①,
    /// ㈱, 髙) are errors, not warnings.
    pub strict_shift_jis: bool,
    /// The repairs to apply.
    pub repairs: Repairs,
    /// Tenant parameters of the target profile, for the re-check.
    #[cfg_attr(feature = "wasm", tsify(type = "Record<string, ParamValue>"))]
    pub params: Params,
    /// Language of the messages.
    pub lang: Lang,
    /// Most row-level conversion diagnostics kept (counts stay exact).
    pub max_diagnostics: usize,
    /// Most changes kept in the change log (counts stay exact).
    pub max_changes: usize,
    /// Bounds of reading the source and re-checking the output.
    pub limits: Limits,
}

crate::de::record!(
    ConvertOptions {
        from: "from",
        mapping: "mapping",
        source_encoding: "sourceEncoding",
        encoding: "encoding",
        bom: "bom",
        delimiter: "delimiter",
        line_ending: "lineEnding",
        force: "force",
        date: "date",
        source_file_name: "sourceFileName",
        substitutions: "substitutions",
        strict_shift_jis: "strictShiftJis",
        repairs: "repairs",
        params: "params",
        lang: "lang",
        max_diagnostics: "maxDiagnostics",
        max_changes: "maxChanges",
        limits: "limits",
    },
    default
);

impl Default for ConvertOptions {
    fn default() -> Self {
        ConvertOptions {
            from: "auto".to_string(),
            mapping: None,
            source_encoding: None,
            encoding: None,
            bom: None,
            delimiter: None,
            line_ending: None,
            force: false,
            date: None,
            source_file_name: None,
            substitutions: BTreeMap::new(),
            strict_shift_jis: false,
            repairs: Repairs::default(),
            params: Params::new(),
            lang: Lang::En,
            max_diagnostics: 1000,
            max_changes: 1000,
            limits: Limits::default(),
        }
    }
}

pub(crate) fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidOptions { message })
}

impl ConvertOptions {
    /// The substitution table as characters; every key must be one character.
    pub(crate) fn substitution_table(&self) -> Result<BTreeMap<char, String>, Error> {
        let mut table = BTreeMap::new();
        for (from, to) in &self.substitutions {
            let mut chars = from.chars();
            match (chars.next(), chars.next()) {
                (Some(ch), None) => {
                    table.insert(ch, to.clone());
                }
                _ => {
                    return Err(invalid(format!(
                        "a substitution replaces one character, not \"{from}\""
                    )))
                }
            }
        }
        Ok(table)
    }

    /// The date for the file name, checked: `YYYY-MM-DD` or `YYYYMMDD`, a day of the calendar
    /// (`2025-13-01` and `2025-02-30` would end up in a file name).
    pub(crate) fn checked_date(&self) -> Result<Option<&str>, Error> {
        let Some(date) = self.date.as_deref() else {
            return Ok(None);
        };
        let forms = ["YYYY-MM-DD", "YYYYMMDD"].map(DateFormat::parse);
        let forms = forms.iter().flatten();
        if forms.clone().any(|f| f.matches(date)) {
            Ok(Some(date))
        } else if forms.clone().any(|f| f.names_no_date(date)) {
            Err(invalid(format!("the date \"{date}\" does not exist")))
        } else {
            Err(invalid(format!(
                "the date \"{date}\" is not of the form YYYY-MM-DD"
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_the_calendar_only() {
        let checked = |date: &str| {
            ConvertOptions {
                date: Some(date.to_string()),
                ..ConvertOptions::default()
            }
            .checked_date()
            .map(|d| d.map(str::to_string))
            .map_err(|e| e.to_string())
        };
        for date in ["2024-02-29", "20250131", "2025-12-31", "2000-02-29"] {
            assert_eq!(checked(date), Ok(Some(date.to_string())), "{date}");
        }
        for date in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "20250431",
            "1900-02-29",
        ] {
            assert_eq!(
                checked(date),
                Err(format!(
                    "invalid options: the date \"{date}\" does not exist"
                )),
                "{date}"
            );
        }
    }

    #[test]
    fn options_read_from_camel_case_json_and_reject_typos() {
        let json = r#"{"from":"header","encoding":"shift_jis","substitutions":{"髙":"高"},
                       "repairs":{"trim":false},"strictShiftJis":true,"date":"2026-11-21"}"#;
        let o: ConvertOptions = serde_json::from_str(json).unwrap();
        assert_eq!(o.from, "header");
        assert_eq!(o.encoding, Some(TextEncoding::ShiftJis));
        assert!(!o.repairs.trim && o.repairs.half_width);
        assert!(o.strict_shift_jis);
        assert_eq!(o.substitution_table().unwrap().get(&'髙').unwrap(), "高");
        assert_eq!(o.checked_date().unwrap(), Some("2026-11-21"));
        assert!(serde_json::from_str::<ConvertOptions>(r#"{"forse":true}"#).is_err());
        let bad = ConvertOptions {
            substitutions: [("ab".to_string(), "c".to_string())].into(),
            date: Some("21.11.2026".into()),
            ..ConvertOptions::default()
        };
        assert!(bad.substitution_table().is_err());
        assert!(bad.checked_date().is_err());
    }
}
