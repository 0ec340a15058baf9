//! A profile resolved for checking: parameters substituted, patterns compiled, names indexed.
//! Everything that can be wrong with a profile is found here, before the first byte is read.

use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use regex_lite::{Regex, RegexBuilder};

use crate::decode::TextEncoding;
use crate::error::{Error, ErrorKind};
use crate::profile::compile_relations::{
    self, condition, must_contain, quantity, u32_value, CondTest, Relations,
};
use crate::profile::params::{resolve, Params, Resolved};
use crate::profile::{
    BomPolicy, CharClass, Chars, ColumnOrder, DateFormat, Delimiter, FileNameRule, FileRules,
    FileType, HeaderMarker, HeaderPresence, LengthUnit, LineEndingKind, ParamOr, ParamValue,
    PreambleLine, Profile, Requirement, Text, UnknownColumns, ValueChecks, ValuePolicy, ValueType,
};
use crate::report::{Code, Severity};

/// Largest compiled regular expression, in bytes. regex-lite matches in O(size × length), so this
/// bounds the time per byte of a value as well as memory: the worst pattern that fits,
/// `(?:.*){180}b`, costs about 10 µs per byte (docs/security.md). `[A-Za-z0-9._-]{1,100}` fits;
/// longer lengths belong in `length` rules, not in `{m,n}`.
const MAX_REGEX_SIZE: usize = 16 << 10;
/// All the compiled expressions of a profile together, in bytes (each counted at the power of two
/// its size fits in), so that a profile of many patterns cannot exhaust memory.
const MAX_REGEX_TOTAL: usize = 1 << 20;
/// Deepest nesting allowed in a regular expression.
const MAX_REGEX_NEST: u32 = 64;

/// The checks on a value, resolved.
#[derive(Debug, Clone, Default)]
pub(crate) struct CompiledChecks {
    pub length: Option<CompiledLength>,
    pub chars: Option<CompiledChars>,
    pub allow_control_chars: bool,
    pub one_of: Option<(Vec<String>, bool)>,
    pub pattern: Option<(Regex, Text)>,
    pub kind: Option<ValueType>,
    pub max_digits: Option<u32>,
    pub date_formats: Vec<DateFormat>,
    pub flag_values: Vec<String>,
    /// Lowercased allowed domains; empty = any.
    pub email_domains: Vec<String>,
    pub list: Option<Box<CompiledList>>,
    /// Refused values (lowercased when `ignore_case`), whether case is ignored, and why.
    pub not_one_of: Option<(Vec<String>, bool, Text)>,
    /// Classes the value must contain.
    pub must_contain: Vec<CharClass>,
}

/// A resolved length rule.
#[derive(Debug, Clone)]
pub(crate) struct CompiledLength {
    pub min: Option<u32>,
    pub max: Option<u32>,
    /// `Some` when counting bytes of this encoding.
    pub bytes_in: Option<&'static encoding_rs::Encoding>,
}

/// Resolved character rules.
#[derive(Debug, Clone)]
pub(crate) struct CompiledChars {
    pub allow: Vec<CharClass>,
    pub extra: String,
    pub forbid: Vec<char>,
}

/// A resolved list rule.
#[derive(Debug, Clone)]
pub(crate) struct CompiledList {
    pub separator: String,
    pub max_items: Option<u32>,
    pub unique_items: bool,
    pub item: CompiledChecks,
}

/// A resolved column.
#[derive(Debug, Clone)]
pub(crate) struct CompiledColumn {
    pub name: Arc<str>,
    pub header: HeaderPresence,
    pub value: ValuePolicy,
    pub masked: Vec<String>,
    pub brackets: bool,
    pub secret: bool,
    pub checks: CompiledChecks,
    pub blank_keeps: bool,
    pub when_blank: Option<Text>,
    pub max_distinct: Option<u64>,
}

/// A resolved row rule.
#[derive(Debug, Clone)]
pub(crate) struct CompiledRowRule {
    pub when: Vec<CondTest>,
    pub column: usize,
    pub filled: Option<bool>,
    pub one_of: Vec<String>,
    pub reason: Text,
    pub severity: Option<Severity>,
}

/// A resolved unique key.
#[derive(Debug, Clone)]
pub(crate) struct CompiledUnique {
    pub columns: Vec<usize>,
    /// The columns' names, for messages.
    pub names: Vec<String>,
    pub ignore_case: bool,
}

/// A profile ready to check with.
#[derive(Debug, Clone)]
pub(crate) struct Compiled {
    pub id: String,
    pub encodings: Vec<TextEncoding>,
    pub bom: BomPolicy,
    pub delimiters: Vec<Delimiter>,
    pub line_endings: Vec<LineEndingKind>,
    pub file_types: Vec<FileType>,
    pub file_name: Option<(Regex, String)>,
    pub preamble: Vec<PreambleLine>,
    pub max_rows: Option<u64>,
    pub require_rows: bool,
    pub order: ColumnOrder,
    pub unknown_columns: UnknownColumns,
    pub ignore_case: bool,
    pub trims_labels: bool,
    pub label_prefix: Option<String>,
    pub markers: Vec<HeaderMarker>,
    /// Normalised label (name or alias) → column index.
    pub labels: HashMap<String, usize>,
    pub columns: Vec<CompiledColumn>,
    pub row_rules: Vec<CompiledRowRule>,
    pub unique: Vec<CompiledUnique>,
    pub severities: BTreeMap<Code, Severity>,
    /// Keys, references, import mode, seats.
    pub relations: Relations,
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidProfile { message })
}

/// A profile's pattern compiled on its own, within the bounds a profile's patterns have (a
/// pattern that could take gigabytes to compile is an error, as in [`Compiled::new`]).
pub(crate) fn bounded_regex(pattern: &str) -> Result<Regex, Error> {
    regex(pattern, &Cell::new(MAX_REGEX_TOTAL))
}

/// Compiles an anchored pattern, charging its size (rounded up to a power of two from 1 KiB) to
/// `budget`.
fn regex(pattern: &str, budget: &Cell<usize>) -> Result<Regex, Error> {
    let anchored = format!("^(?:{pattern})$");
    let build = |limit: usize| {
        RegexBuilder::new(&anchored)
            .size_limit(limit)
            .nest_limit(MAX_REGEX_NEST)
            .build()
    };
    let fail = |message: String| {
        Error::new(ErrorKind::InvalidPattern {
            pattern: pattern.to_string(),
            message,
        })
    };
    let mut limit = 1 << 10;
    let regex = loop {
        match build(limit) {
            Ok(regex) => break regex,
            // Too big for this limit, or invalid: the error at the largest limit says which.
            Err(_) if limit < MAX_REGEX_SIZE => limit *= 2,
            Err(e) => return Err(fail(e.to_string())),
        }
    };
    let left = budget.get();
    if limit > left {
        return Err(fail(format!(
            "the profile's patterns together compile to more than {MAX_REGEX_TOTAL} bytes"
        )));
    }
    budget.set(left - limit);
    Ok(regex)
}

struct Resolver<'a> {
    params: &'a Resolved,
    /// Bytes of compiled patterns the profile may still use.
    regex_budget: Cell<usize>,
}

impl Resolver<'_> {
    fn list(&self, value: &ParamOr<Vec<String>>) -> Result<Vec<String>, Error> {
        compile_relations::list(value, self.params)
    }

    fn flag(&self, param: &str) -> Result<bool, Error> {
        match self.params.get(param)? {
            None => Ok(false),
            Some(ParamValue::Boolean(b)) => Ok(*b),
            Some(_) => Err(invalid(format!("parameter \"{param}\" must be a boolean"))),
        }
    }

    fn chars(&self, chars: &Chars) -> Result<CompiledChars, Error> {
        let mut forbid: Vec<char> = chars.forbid.chars().collect();
        for by in &chars.allowed_by {
            if self.flag(&by.param)? {
                forbid.retain(|c| !by.chars.contains(*c));
            }
        }
        Ok(CompiledChars {
            allow: chars.allow.clone(),
            extra: chars.extra.clone(),
            forbid,
        })
    }

    fn checks(&self, checks: &ValueChecks, depth: usize) -> Result<CompiledChecks, Error> {
        if depth > 2 {
            return Err(invalid("lists can be nested at most twice".to_string()));
        }
        let length = match &checks.length {
            None => None,
            Some(l) => {
                let bytes_in = match (l.unit, &l.encoding) {
                    (LengthUnit::Chars, None) => None,
                    (LengthUnit::Chars, Some(_)) => {
                        return Err(invalid(
                            "a length in characters takes no encoding".to_string(),
                        ))
                    }
                    (LengthUnit::Bytes, None) => Some(encoding_rs::UTF_8),
                    (LengthUnit::Bytes, Some(label)) => Some(
                        encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
                            invalid(format!("unknown encoding \"{label}\" in a length rule"))
                        })?,
                    ),
                };
                Some(CompiledLength {
                    min: l
                        .min
                        .as_ref()
                        .map(|m| u32_value(m, self.params))
                        .transpose()?
                        .flatten(),
                    max: l
                        .max
                        .as_ref()
                        .map(|m| u32_value(m, self.params))
                        .transpose()?
                        .flatten(),
                    bytes_in,
                })
            }
        };
        let date_formats = checks
            .date_formats
            .iter()
            .map(|f| {
                DateFormat::parse(f)
                    .ok_or_else(|| invalid(format!("date format \"{f}\" has no date field")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if checks.kind == Some(ValueType::Date) && date_formats.is_empty() {
            return Err(invalid("a date column needs dateFormats".to_string()));
        }
        let list = match &checks.list {
            None => None,
            Some(l) => {
                if l.separator.is_empty() {
                    return Err(invalid("a list separator cannot be empty".to_string()));
                }
                Some(Box::new(CompiledList {
                    separator: l.separator.clone(),
                    max_items: l.max_items,
                    unique_items: l.unique_items,
                    item: self.checks(&l.item, depth + 1)?,
                }))
            }
        };
        Ok(CompiledChecks {
            length,
            chars: checks.chars.as_ref().map(|c| self.chars(c)).transpose()?,
            allow_control_chars: checks.allow_control_chars,
            one_of: checks
                .one_of
                .as_ref()
                .map(|o| (o.values.clone(), o.ignore_case)),
            pattern: checks
                .pattern
                .as_ref()
                .map(|p| regex(&p.regex, &self.regex_budget).map(|r| (r, p.description.clone())))
                .transpose()?,
            kind: checks.kind,
            max_digits: checks.max_digits,
            date_formats,
            flag_values: if checks.flag_values.is_empty() {
                vec!["0".to_string(), "1".to_string()]
            } else {
                checks.flag_values.clone()
            },
            email_domains: match &checks.email_domains {
                None => Vec::new(),
                Some(d) => self
                    .list(d)?
                    .iter()
                    .map(|s| s.trim().trim_start_matches('@').to_lowercase())
                    .collect(),
            },
            list,
            not_one_of: match &checks.not_one_of {
                None => None,
                Some(n) => {
                    let values = self
                        .list(&n.values)?
                        .into_iter()
                        .map(|v| if n.ignore_case { v.to_lowercase() } else { v })
                        .collect::<Vec<_>>();
                    (!values.is_empty()).then(|| (values, n.ignore_case, n.reason.clone()))
                }
            },
            must_contain: must_contain(&checks.must_contain, self.params)?,
        })
    }
}

fn file_name_rule(
    rule: &Option<FileNameRule>,
    budget: &Cell<usize>,
) -> Result<Option<(Regex, String)>, Error> {
    rule.as_ref()
        .map(|r| regex(&r.pattern, budget).map(|re| (re, r.example.clone())))
        .transpose()
}

/// The file types, each with an extension and one of the file's delimiters.
fn file_types(file: &FileRules) -> Result<Vec<FileType>, Error> {
    for t in &file.file_types {
        let plain = !t.extension.is_empty() && !t.extension.contains(['.', '/', '\\']);
        if !plain || !file.delimiters.contains(&t.delimiter) {
            return Err(invalid(format!(
                "file.fileTypes: \"{}\" needs an extension without a dot and one of \
                 file.delimiters",
                t.extension
            )));
        }
    }
    Ok(file.file_types.clone())
}

impl Compiled {
    /// Resolves a profile with the caller's parameter values.
    pub(crate) fn new(profile: &Profile, given: &Params) -> Result<Compiled, Error> {
        let params = resolve(profile, given)?;
        let r = Resolver {
            params: &params,
            regex_budget: Cell::new(MAX_REGEX_TOTAL),
        };
        if profile.file.encodings.is_empty() || profile.file.delimiters.is_empty() {
            return Err(invalid(
                "file.encodings and file.delimiters need at least one entry".to_string(),
            ));
        }
        let ignore_case = profile.header.ignore_case;
        let norm = |s: &str| normalize_label(s, ignore_case);
        let mut labels = HashMap::new();
        let mut columns = Vec::with_capacity(profile.columns.len());
        for (i, c) in profile.columns.iter().enumerate() {
            for label in std::iter::once(&c.name).chain(&c.aliases) {
                if labels.insert(norm(label), i).is_some() {
                    return Err(invalid(format!("the label \"{label}\" names two columns")));
                }
            }
            columns.push(CompiledColumn {
                name: Arc::from(c.name.as_str()),
                header: c.header,
                value: c.value,
                masked: c.masked.clone(),
                brackets: c.brackets,
                secret: c.secret,
                checks: r.checks(&c.check, 0)?,
                blank_keeps: c.blank_keeps,
                when_blank: c.when_blank.clone(),
                max_distinct: c.max_distinct,
            });
        }
        let column_index = |name: &str| {
            profile
                .columns
                .iter()
                .position(|c| c.name == name)
                .ok_or_else(|| invalid(format!("a rule names the unknown column \"{name}\"")))
        };
        let mut row_rules = Vec::new();
        for rule in &profile.row_rules {
            let when = rule
                .when
                .iter()
                .map(|cond| condition(cond, &params, &column_index))
                .collect::<Result<Vec<_>, Error>>()?;
            let Requirement {
                column,
                filled,
                one_of,
            } = &rule.then;
            row_rules.push(CompiledRowRule {
                when,
                column: column_index(column)?,
                filled: *filled,
                one_of: match one_of {
                    None => Vec::new(),
                    Some(values) => compile_relations::list(values, &params)?,
                },
                reason: rule.reason.clone(),
                severity: rule.severity,
            });
        }
        // A rule that holds for every row (its conditions are parameters, all true) and wants the
        // column blank makes the column's value checks moot: a value there is that rule's error,
        // not also "too short" (learningBOX with login IDs turned off).
        for rule in &row_rules {
            let always = rule
                .when
                .iter()
                .all(|c| matches!(c, CondTest::Constant(true)));
            if always && rule.filled == Some(false) {
                if let Some(column) = columns.get_mut(rule.column) {
                    column.checks = CompiledChecks::default();
                }
            }
        }
        let unique = profile
            .unique
            .iter()
            .map(|u| {
                Ok(CompiledUnique {
                    names: u.columns.clone(),
                    columns: u
                        .columns
                        .iter()
                        .map(|c| column_index(c))
                        .collect::<Result<_, Error>>()?,
                    ignore_case: u.ignore_case,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let relations = Relations::new(profile, &params, &column_index)?;
        Ok(Compiled {
            id: profile.id.clone(),
            encodings: profile.file.encodings.clone(),
            bom: profile.file.bom,
            delimiters: profile.file.delimiters.clone(),
            line_endings: profile.file.line_endings.clone(),
            file_types: file_types(&profile.file)?,
            file_name: file_name_rule(&profile.file.file_name, &r.regex_budget)?,
            preamble: profile.file.preamble.clone(),
            max_rows: profile
                .file
                .max_rows
                .as_ref()
                .map(|m| quantity(m, &params))
                .transpose()?
                .flatten(),
            require_rows: profile.file.require_rows,
            order: profile.header.order,
            unknown_columns: profile.header.unknown_columns,
            ignore_case,
            trims_labels: profile.header.trims_labels,
            label_prefix: profile.header.label_prefix.clone(),
            markers: profile.header.markers.clone(),
            labels,
            columns,
            row_rules,
            unique,
            severities: profile.severities.clone(),
            relations,
        })
    }

    /// The severity of a code in this profile.
    pub(crate) fn severity(&self, code: Code) -> Severity {
        self.severities
            .get(&code)
            .copied()
            .unwrap_or_else(|| code.default_severity())
    }

    /// The column a header label names, if any.
    pub(crate) fn column_for_label(&self, label: &str) -> Option<usize> {
        self.labels
            .get(&normalize_label(label, self.ignore_case))
            .copied()
    }

    /// The column a label names but for letter case or full-width characters (`#Email` for
    /// `email`), for a "did you mean" (the first such column, for the same answer every time).
    pub(crate) fn column_like_label(&self, label: &str) -> Option<usize> {
        // Any white space around it too: a no-break space comes with labels copied from a web page.
        let narrowed: String = label
            .trim_matches(char::is_whitespace)
            .chars()
            .map(crate::rules::width::narrow)
            .collect();
        let want = normalize_label(&narrowed, true);
        self.labels
            .iter()
            .filter(|(known, _)| known.to_ascii_lowercase() == want)
            .map(|(_, &col)| col)
            .min()
    }
}

/// A header label without the spaces (half-width or ideographic) and byte order marks around it.
pub(crate) fn trim_label(label: &str) -> &str {
    label.trim_matches(|c: char| crate::rules::whitespace::is_space(c) || c == '\u{FEFF}')
}

/// Header labels are compared trimmed (CELF's documentation shows spaces after commas), and
/// optionally ignoring ASCII case.
pub(crate) fn normalize_label(label: &str, ignore_case: bool) -> String {
    // The same trim as `trim_label`, written here again on purpose: calling it from here changed
    // how the check's header code is inlined and made the wasm about 6.7 KB larger (measured).
    let trimmed = label.trim_matches(|c: char| c == ' ' || c == '\u{3000}' || c == '\u{FEFF}');
    if ignore_case {
        trimmed.to_ascii_lowercase()
    } else {
        trimmed.to_string()
    }
}
