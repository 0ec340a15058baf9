//! The column mapping: a JSON document that says where every column of the converted file comes
//! from. A page can show it, let the administrator edit it, and save it for next time.
//!
//! ```json
//! {
//!   "formatVersion": 1,
//!   "from": "header",
//!   "to": "fujifilm-iwpro/add-users",
//!   "columns": [
//!     { "target": "mail_address", "from": "メールアドレス" },
//!     { "target": "family_name", "split": { "from": "氏名", "part": "first" } },
//!     { "target": "given_name", "split": { "from": "氏名", "part": "rest" } },
//!     { "target": "language", "from": "言語", "values": { "日本語": "ja", "英語": "en" } },
//!     { "target": "option", "constant": "NCS001" }
//!   ]
//! }
//! ```
//!
//! Each entry names a `target` column of the target profile and at most one source:
//! - `from`: one source column (by its header label);
//! - `join` (+ `separator`, default one space): several source columns, blanks skipped;
//! - `split`: a part of one source column, cut at `separator` (default: a run of half-width or
//!   ideographic spaces): `first`, `rest` (after the first separator), `last`, `allButLast`;
//! - `constant`: the same value in every row;
//! - none of these: the column is written empty.
//!
//! and optional transformations, applied in this order after the repairs: `values` (a table from
//! source value to target value, e.g. `"Japanese": "ja"`; values not listed are kept and
//! reported), `date` (source formats such as `D/M/YYYY` and an optional target format), `default`
//! (for blank values), `zeroPad` (pad digits with leading zeros to a width). Every entry may carry
//! `suggestedBy`, which says how a suggestion was made; it has no effect.
//!
//! For targets whose columns must follow the template's order the converted file uses the
//! profile's order; otherwise it uses the order of `columns`. Each column is written under the
//! target's column name; only when the source is a file of the target profile itself and the
//! column comes from the source column that names it (an alias such as `氏名` for learningBOX's
//! `Name`) does the converted file keep the source's spelling. So a given mapping and the same
//! mapping suggested give the same file.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::convert::dates::SourceDateFormat;
use crate::convert::options::invalid;
use crate::error::Error;
use crate::profile::{DateFormat, Profile};

/// The mapping format version this build reads.
pub const MAPPING_FORMAT_VERSION: u32 = 1;

fn one() -> u32 {
    MAPPING_FORMAT_VERSION
}

/// Where every column of the converted file comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Mapping {
    /// Always 1 for this format.
    #[serde(default = "one")]
    pub format_version: u32,
    /// The source: a profile id, or `header` for a file with its own header (informative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The target profile id.
    pub to: String,
    /// The columns of the converted file.
    pub columns: Vec<ColumnMapping>,
}

crate::de::record!(Mapping {
    format_version: "formatVersion"(one()),
    from: "from"(default),
    to: "to",
    columns: "columns",
});

/// One column of the converted file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ColumnMapping {
    /// The target profile's column name.
    pub target: String,
    /// One source column, by its header label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Several source columns joined with `separator`; blank ones are skipped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub join: Vec<String>,
    /// The separator of `join` (default: one space).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub separator: Option<String>,
    /// A part of one source column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<Split>,
    /// The same value in every row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constant: Option<String>,
    /// Source value → target value (looked up as written, then ignoring case and surrounding
    /// spaces). Values not listed are kept and reported.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, String>,
    /// Read the value as a date in one of these formats and write it in the target's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateMapping>,
    /// The value used when the source is blank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// Pad a value made of digits with leading zeros to this many digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero_pad: Option<u32>,
    /// How a suggested entry was found (informative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested_by: Option<SuggestedBy>,
}

crate::de::record!(ColumnMapping {
    target: "target",
    from: "from"(default),
    join: "join"(default),
    separator: "separator"(default),
    split: "split"(default),
    constant: "constant"(default),
    values: "values"(default),
    date: "date"(default),
    default: "default"(default),
    zero_pad: "zeroPad"(default),
    suggested_by: "suggestedBy"(default),
});

/// A part of a source value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Split {
    /// The source column.
    pub from: String,
    /// Where to cut (default: a run of half-width or ideographic spaces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub separator: Option<String>,
    /// Which part to take.
    pub part: SplitPart,
}

crate::de::record!(Split {
    from: "from",
    separator: "separator"(default),
    part: "part",
});

/// Which part of a split value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum SplitPart {
    /// Before the first separator (the whole value when there is none).
    First,
    /// After the first separator (empty when there is none).
    Rest,
    /// After the last separator (the whole value when there is none).
    Last,
    /// Before the last separator (empty when there is none).
    AllButLast,
}

crate::de::unit_enum!(SplitPart {
    First: "first",
    Rest: "rest",
    Last: "last",
    AllButLast: "allButLast",
});

/// A date reformat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DateMapping {
    /// Source formats, tried in order, built from `YYYY`, `MM`/`M`, `DD`/`D`, `hh`/`h`, `mm`,
    /// `ss` and literal characters (`M`, `D`, `h` take one or two digits).
    pub from: Vec<String>,
    /// The target format (default: the target column's first date format).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

crate::de::record!(DateMapping {
    from: "from",
    to: "to"(default),
});

/// How a suggested mapping entry was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum SuggestedBy {
    /// The same profile on both sides.
    Identity,
    /// A preset between two built-in profiles.
    Preset,
    /// The header label is the target column's name, one of its aliases or its title.
    Name,
    /// The header label means the same (English and Japanese synonyms).
    Synonym,
    /// The values look like what the column holds (e-mail addresses).
    Samples,
}

crate::de::unit_enum!(SuggestedBy {
    Identity: "identity",
    Preset: "preset",
    Name: "name",
    Synonym: "synonym",
    Samples: "samples",
});

impl Mapping {
    /// Reads a mapping from JSON, rejecting unknown fields and other format versions.
    pub fn from_json(json: &str) -> Result<Mapping, Error> {
        let mapping: Mapping =
            serde_json::from_str(json).map_err(|e| invalid(format!("invalid mapping: {e}")))?;
        if mapping.format_version != MAPPING_FORMAT_VERSION {
            return Err(invalid(format!(
                "mapping format version {} is not supported (this version reads {MAPPING_FORMAT_VERSION})",
                mapping.format_version
            )));
        }
        Ok(mapping)
    }

    /// The mapping as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks the mapping against the target profile: known and distinct target columns, at
    /// most one source per column, readable date formats.
    pub fn validate(&self, target: &Profile) -> Result<(), Error> {
        if self.to != target.id {
            return Err(invalid(format!(
                "the mapping is for \"{}\", not \"{}\"",
                self.to, target.id
            )));
        }
        let mut seen = std::collections::BTreeSet::new();
        for c in &self.columns {
            let Some(column) = target.columns.iter().find(|t| t.name == c.target) else {
                return Err(invalid(format!(
                    "the mapping names the column \"{}\", which \"{}\" does not have",
                    c.target, target.id
                )));
            };
            if !seen.insert(c.target.as_str()) {
                return Err(invalid(format!(
                    "the mapping has the column \"{}\" twice",
                    c.target
                )));
            }
            let sources = usize::from(c.from.is_some())
                + usize::from(!c.join.is_empty())
                + usize::from(c.split.is_some())
                + usize::from(c.constant.is_some());
            if sources > 1 {
                return Err(invalid(format!(
                    "the column \"{}\" has more than one of from, join, split and constant",
                    c.target
                )));
            }
            if c.zero_pad.is_some_and(|w| w == 0 || w > 64) {
                return Err(invalid(format!(
                    "zeroPad of \"{}\" must be between 1 and 64",
                    c.target
                )));
            }
            if let Some(date) = &c.date {
                for f in &date.from {
                    SourceDateFormat::parse(f).ok_or_else(|| {
                        invalid(format!("date format \"{f}\" has no year, month and day"))
                    })?;
                }
                let to = date
                    .to
                    .clone()
                    .or_else(|| column.check.date_formats.first().cloned());
                match to {
                    Some(to) if DateFormat::parse(&to).is_some() => {}
                    Some(to) => {
                        return Err(invalid(format!("date format \"{to}\" has no date field")))
                    }
                    None => {
                        return Err(invalid(format!(
                            "the column \"{}\" has no date format: give \"date\": {{\"to\": ...}}",
                            c.target
                        )))
                    }
                }
            }
        }
        Ok(())
    }

    /// The source columns this mapping reads.
    pub fn source_columns(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in &self.columns {
            let names = c
                .from
                .iter()
                .map(String::as_str)
                .chain(c.join.iter().map(String::as_str))
                .chain(c.split.iter().map(|s| s.from.as_str()));
            for name in names {
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::builtin;

    #[test]
    fn the_documented_example_reads_and_validates() {
        let json = r#"{
          "formatVersion": 1,
          "from": "header",
          "to": "fujifilm-iwpro/add-users",
          "columns": [
            { "target": "mail_address", "from": "メールアドレス" },
            { "target": "family_name", "split": { "from": "氏名", "part": "first" } },
            { "target": "given_name", "split": { "from": "氏名", "part": "rest" } },
            { "target": "language", "from": "言語", "values": { "日本語": "ja", "英語": "en" } },
            { "target": "option", "constant": "NCS001" }
          ]
        }"#;
        let mapping = Mapping::from_json(json).unwrap();
        let target = builtin("fujifilm-iwpro/add-users").unwrap();
        mapping.validate(&target).unwrap();
        assert_eq!(
            mapping.source_columns(),
            vec!["メールアドレス", "氏名", "言語"]
        );
        let again = Mapping::from_json(&mapping.to_json()).unwrap();
        assert_eq!(again, mapping);
    }

    #[test]
    fn mistakes_are_errors() {
        let target = builtin("fujifilm-iwpro/add-users").unwrap();
        let bad = |json: &str| {
            Mapping::from_json(json)
                .and_then(|m| m.validate(&target))
                .unwrap_err()
                .to_string()
        };
        let head = r#"{"to":"fujifilm-iwpro/add-users","columns":["#;
        assert!(bad(&format!("{head}{{\"target\":\"mail\"}}]}}")).contains("\"mail\""));
        assert!(bad(&format!(
            "{head}{{\"target\":\"language\",\"form\":\"x\"}}]}}"
        ))
        .contains("unknown field"));
        assert!(bad(&format!(
            "{head}{{\"target\":\"language\",\"from\":\"x\",\"constant\":\"ja\"}}]}}"
        ))
        .contains("more than one"));
        assert!(bad(&format!(
            "{head}{{\"target\":\"language\"}},{{\"target\":\"language\"}}]}}"
        ))
        .contains("twice"));
        assert!(bad(&format!(
            "{head}{{\"target\":\"language\",\"date\":{{\"from\":[\"YYYY\"]}}}}]}}"
        ))
        .contains("date format"));
        assert!(bad(r#"{"formatVersion":2,"to":"x","columns":[]}"#).contains("version"));
        assert!(bad(r#"{"to":"canon/users","columns":[]}"#).contains("not"));
    }
}
