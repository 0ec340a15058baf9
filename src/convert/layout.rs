//! A mapping resolved against the source's header: for every column of the converted file, where
//! its value comes from (by field index), its label, and what the target profile says about it.

use crate::convert::concepts::normalize;
use crate::convert::dates::SourceDateFormat;
use crate::convert::mapping::SplitPart;
use crate::convert::messages::Issue;
use crate::convert::repairs::TargetColumn;
use crate::convert::suggest::column_for;
use crate::convert::Mapping;
use crate::profile::{normalize_label, trim_label, ColumnOrder, Profile};

/// Where a value comes from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Producer {
    /// Nothing: the column is written empty.
    Empty,
    /// One source field.
    From(usize),
    /// Several source fields joined, blanks skipped.
    Join(Vec<usize>, String),
    /// A part of one source field (`None`: split at spaces).
    Split(usize, Option<String>, SplitPart),
    /// The same value in every row.
    Constant(String),
}

/// One column of the converted file.
#[derive(Debug, Clone)]
pub(crate) struct OutColumn {
    pub label: String,
    /// The source's label as written, when the column keeps it (same profile on both sides, and
    /// the label names this very column).
    pub raw_label: Option<String>,
    pub producer: Producer,
    /// The source label(s), for the change log (`氏名`, `family_name + given_name`).
    pub source_label: Option<String>,
    /// Value table: (source value, target value).
    pub values: Vec<(String, String)>,
    /// Explicit date reformat: source formats and the target format.
    pub date: Option<(Vec<SourceDateFormat>, String)>,
    pub default: Option<String>,
    pub zero_pad: Option<u32>,
    pub target: TargetColumn,
}

/// What the source profile says about a source field.
#[derive(Debug, Clone, Default)]
pub(crate) struct SourceField {
    pub brackets: bool,
    pub masked: Vec<String>,
    /// The source profile's column holds dates (a date-time at midnight ends in zeros).
    pub date: bool,
}

/// The resolved mapping.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layout {
    pub columns: Vec<OutColumn>,
    /// Per source field.
    pub sources: Vec<SourceField>,
    /// Per source field: whether a column reads it.
    pub used: Vec<bool>,
    /// File-level issues: (issue, source column, target column).
    pub issues: Vec<(Issue, Option<String>, Option<String>)>,
    /// Source fields that no column reads, with their labels (not the blank labels, which have
    /// their own diagnostic, nor the header markers). Whether dropping one loses data is known
    /// only once every row has been read.
    pub dropped: Vec<(usize, String)>,
}

/// The header field a mapping's `from` names: as written, then ignoring case, then by the
/// normalised form (`Mail Address` = `mail_address`).
fn find(header: &[String], name: &str) -> Option<usize> {
    let name = trim_label(name);
    header
        .iter()
        .position(|l| trim_label(l) == name)
        .or_else(|| {
            let n = normalize_label(name, true);
            header.iter().position(|l| normalize_label(l, true) == n)
        })
        .or_else(|| {
            let n = normalize(name);
            (!n.is_empty())
                .then(|| header.iter().position(|l| normalize(l) == n))
                .flatten()
        })
}

/// Resolves `mapping` (already validated against `target`) against the source header.
pub(crate) fn resolve(
    mapping: &Mapping,
    header: &[String],
    source: Option<&Profile>,
    target: &Profile,
) -> Layout {
    let same_profile = source.is_some_and(|s| s.id == target.id);
    let mut layout = Layout {
        sources: header
            .iter()
            .map(|label| {
                source
                    .and_then(|p| column_for(p, label))
                    .map_or_else(SourceField::default, |c| SourceField {
                        brackets: c.brackets,
                        masked: c.masked.clone(),
                        date: !c.check.date_formats.is_empty(),
                    })
            })
            .collect(),
        used: vec![false; header.len()],
        ..Layout::default()
    };
    let mut entries: Vec<(usize, OutColumn)> = Vec::new();
    for entry in &mapping.columns {
        let Some((t, column)) = target
            .columns
            .iter()
            .enumerate()
            .find(|(_, c)| c.name == entry.target)
        else {
            continue;
        };
        let lookup = |name: &str, layout: &mut Layout| match find(header, name) {
            Some(i) => {
                if let Some(u) = layout.used.get_mut(i) {
                    *u = true;
                }
                Some(i)
            }
            None => {
                layout.issues.push((
                    Issue::MappingColumnMissing {
                        column: name.to_string(),
                    },
                    None,
                    Some(entry.target.clone()),
                ));
                None
            }
        };
        let (producer, source_label) = if let Some(from) = &entry.from {
            (
                lookup(from, &mut layout).map_or(Producer::Empty, Producer::From),
                Some(from.clone()),
            )
        } else if !entry.join.is_empty() {
            let fields: Vec<usize> = entry
                .join
                .iter()
                .filter_map(|n| lookup(n, &mut layout))
                .collect();
            let sep = entry.separator.clone().unwrap_or_else(|| " ".to_string());
            (Producer::Join(fields, sep), Some(entry.join.join(" + ")))
        } else if let Some(split) = &entry.split {
            (
                lookup(&split.from, &mut layout).map_or(Producer::Empty, |i| {
                    Producer::Split(i, split.separator.clone(), split.part)
                }),
                Some(split.from.clone()),
            )
        } else if let Some(constant) = &entry.constant {
            (Producer::Constant(constant.clone()), None)
        } else {
            (Producer::Empty, None)
        };
        // The file's own spelling of the label is kept only where it names this very column (the
        // same profile on both sides): a column mapped from another source column, by a suggestion
        // or the user's mapping, is written under the target's name.
        let raw_label = match (&producer, &entry.from) {
            (Producer::From(i), Some(_)) if same_profile => header
                .get(*i)
                .filter(|l| column_for(target, l).is_some_and(|c| c.name == column.name))
                .cloned(),
            _ => None,
        };
        let label = raw_label
            .as_deref()
            .map_or_else(|| column.name.clone(), |l| trim_label(l).to_string());
        let date = entry.date.as_ref().map(|d| {
            let formats = d
                .from
                .iter()
                .filter_map(|f| SourceDateFormat::parse(f))
                .collect();
            let to =
                d.to.clone()
                    .or_else(|| column.check.date_formats.first().cloned())
                    .unwrap_or_default();
            (formats, to)
        });
        let out = OutColumn {
            label,
            raw_label,
            producer,
            source_label,
            values: entry
                .values
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            date,
            default: entry.default.clone(),
            zero_pad: entry.zero_pad,
            target: TargetColumn::new(column),
        };
        let no_source = entry.from.is_none()
            && entry.join.is_empty()
            && entry.split.is_none()
            && entry.constant.is_none();
        if no_source && out.default.is_none() && out.target.required {
            layout
                .issues
                .push((Issue::TargetUnmapped, None, Some(column.name.clone())));
        }
        entries.push((t, out));
    }
    if target.header.order != ColumnOrder::Any {
        crate::sort::by_key(&mut entries, |(t, _)| *t as u128);
    }
    layout.columns = entries.into_iter().map(|(_, c)| c).collect();
    let markers: Vec<String> = source
        .iter()
        .flat_map(|p| &p.header.markers)
        .flat_map(|m| std::iter::once(&m.label).chain(&m.aliases))
        .map(|l| normalize_label(l, true))
        .collect();
    for (i, label) in header.iter().enumerate() {
        let shown = trim_label(label);
        let is_marker = markers.contains(&normalize_label(label, true));
        if !layout.used.get(i).copied().unwrap_or(true) && !shown.is_empty() && !is_marker {
            layout.dropped.push((i, shown.to_string()));
        }
    }
    layout
}
