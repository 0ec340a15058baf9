//! What it checks: the header row. Required columns present, labels the system does not know,
//! duplicate and empty labels, the column order where the system cares, and markers such as
//! Canon's `CharSet:UTF8`. Labels match the profile's names and aliases, trimmed (CELF documents its
//! header with spaces after commas), and optionally ignoring case.
//! Why: a renamed or missing column makes the system reject the whole file, or silently drop data.
//! Example: `mail address` instead of `mail_address` → `extra-label` and `missing-label`.

use std::sync::Arc;

use crate::decode::TextEncoding;
use crate::profile::{normalize_label, ColumnOrder, Compiled, HeaderPresence, UnknownColumns};
use crate::report::{Code, Kind, Severity};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[
    Code::MissingHeader,
    Code::MissingLabel,
    Code::ExtraLabel,
    Code::DuplicateLabel,
    Code::BlankLabel,
    Code::StrayBom,
    Code::UntrimmedLabel,
    Code::ColumnOrder,
    Code::MissingHeaderMarker,
    Code::HeaderMarkerMismatch,
];

/// How the file's columns map to the profile's.
#[derive(Debug, Clone, Default)]
pub(crate) struct HeaderMap {
    /// Label per file column, as written.
    pub labels: Vec<Arc<str>>,
    /// Profile column per file column.
    pub by_file: Vec<Option<usize>>,
    /// File column per profile column.
    pub by_profile: Vec<Option<usize>>,
    /// Marker columns at the end of the header, which data rows may leave out.
    pub optional_tail: usize,
    /// Per profile marker: whether the header carries it.
    pub markers_seen: Vec<bool>,
}

/// A header finding: the kind, its 0-based file column (if any), the column name and a severity
/// that overrides the profile's, if any.
pub(crate) type HeaderFinding = (Kind, Option<usize>, Option<Arc<str>>, Option<Severity>);

/// The marker `label` was probably meant as: the same but for spaces, case and full-width
/// characters (`CharSet: UTF8`, `CharSet：UTF8` typed with the IME on).
fn marker_like_label(label: &str, profile: &Compiled) -> Option<String> {
    let squeeze = |s: &str| -> String {
        s.chars()
            .map(crate::rules::width::narrow)
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let want = squeeze(label);
    profile
        .markers
        .iter()
        .find(|m| {
            std::iter::once(&m.label)
                .chain(&m.aliases)
                .any(|l| squeeze(l) == want)
        })
        .map(|m| m.label.clone())
}

/// Matches the header labels (decoded, label prefix already removed) to the profile.
pub(crate) fn match_header(
    labels: &[String],
    profile: &Compiled,
) -> (HeaderMap, Vec<HeaderFinding>) {
    let mut map = HeaderMap {
        labels: labels.iter().map(|l| Arc::from(l.as_str())).collect(),
        by_file: vec![None; labels.len()],
        by_profile: vec![None; profile.columns.len()],
        optional_tail: 0,
        markers_seen: Vec::new(),
    };
    let mut findings: Vec<HeaderFinding> = Vec::new();
    let mut marker_cols = vec![false; labels.len()];
    let mut markers_seen = vec![false; profile.markers.len()];

    for (i, label) in labels.iter().enumerate() {
        let name = map.labels.get(i).cloned();
        // The decoder removed the file's byte order mark; one left in a label is a second one
        // (or files joined together), which the system keeps as part of the name.
        if label.contains('\u{FEFF}') {
            let label = label.replace('\u{FEFF}', "");
            findings.push((Kind::StrayBom { label }, Some(i), name.clone(), None));
        }
        let trimmed = label.trim_matches(crate::rules::whitespace::is_space);
        if !profile.trims_labels && !trimmed.is_empty() && trimmed.len() != label.len() {
            let label = trimmed.replace('\u{FEFF}', "");
            findings.push((Kind::UntrimmedLabel { label }, Some(i), name.clone(), None));
        }
        let norm = normalize_label(label, true);
        if let Some(m) = profile.markers.iter().position(|m| {
            std::iter::once(&m.label)
                .chain(&m.aliases)
                .any(|l| normalize_label(l, true) == norm)
        }) {
            if let Some(slot) = markers_seen.get_mut(m) {
                *slot = true;
            }
            if let Some(slot) = marker_cols.get_mut(i) {
                *slot = true;
            }
            continue;
        }
        if norm.is_empty() {
            // A column without a name is one the system does not know (often a formatted column
            // Excel kept after the last one): as severe as any unknown column.
            let kind = Kind::BlankLabel {
                index: u32::try_from(i + 1).unwrap_or(u32::MAX),
            };
            match profile.unknown_columns {
                UnknownColumns::Ignore => {}
                UnknownColumns::Warning => {
                    findings.push((kind, Some(i), name, Some(Severity::Warning)))
                }
                UnknownColumns::Error => findings.push((kind, Some(i), name, None)),
            }
            continue;
        }
        match profile.column_for_label(label) {
            Some(col) => match map.by_profile.get(col).copied().flatten() {
                Some(first) => findings.push((
                    Kind::DuplicateLabel {
                        first_index: (first + 1) as u32,
                    },
                    Some(i),
                    name,
                    None,
                )),
                None => {
                    if let Some(slot) = map.by_profile.get_mut(col) {
                        *slot = Some(i);
                    }
                    if let Some(slot) = map.by_file.get_mut(i) {
                        *slot = Some(col);
                    }
                }
            },
            None => {
                let suggestion = || {
                    profile
                        .column_like_label(label)
                        .and_then(|c| profile.columns.get(c))
                        .map(|c| c.name.to_string())
                        .or_else(|| marker_like_label(label, profile))
                };
                match profile.unknown_columns {
                    UnknownColumns::Ignore => {}
                    UnknownColumns::Warning => findings.push((
                        Kind::ExtraLabel {
                            suggestion: suggestion(),
                        },
                        Some(i),
                        name,
                        Some(Severity::Warning),
                    )),
                    UnknownColumns::Error => findings.push((
                        Kind::ExtraLabel {
                            suggestion: suggestion(),
                        },
                        Some(i),
                        name,
                        None,
                    )),
                }
            }
        }
    }
    map.optional_tail = marker_cols.iter().rev().take_while(|m| **m).count();
    let nothing_matched =
        map.by_profile.iter().all(Option::is_none) && !markers_seen.contains(&true);
    map.markers_seen = markers_seen;

    // A first line that names no column but holds an e-mail address is a user, not a header:
    // one finding says so, instead of a label finding for each of its values.
    if nothing_matched {
        if let Some(example) = labels
            .iter()
            .map(|l| l.trim())
            .find(|l| looks_like_email(l))
        {
            let kind = Kind::HeaderIsData {
                example: example.to_string(),
            };
            return (map, vec![(kind, None, None, None)]);
        }
        if !labels.iter().all(|l| l.trim().is_empty()) {
            findings.push((Kind::NoKnownLabel, None, None, None));
            return (map, findings);
        }
    }

    for (col, column) in profile.columns.iter().enumerate() {
        let present = map.by_profile.get(col).copied().flatten().is_some();
        if !present && column.header == HeaderPresence::Required {
            findings.push((Kind::MissingLabel, None, Some(column.name.clone()), None));
        }
        if !present && column.header == HeaderPresence::Recommended {
            // The system applies its default to every row (Canon: the initial role).
            findings.push((
                Kind::RecommendedLabelMissing,
                None,
                Some(column.name.clone()),
                Some(Severity::Warning),
            ));
        }
    }

    if profile.order != ColumnOrder::Any {
        let order: Vec<(usize, usize)> = map
            .by_file
            .iter()
            .enumerate()
            .filter_map(|(file_col, p)| p.map(|p| (file_col, p)))
            .collect();
        let mut sorted: Vec<usize> = order.iter().map(|(_, p)| *p).collect();
        sorted.sort_unstable();
        if let Some((pos, (file_col, p))) = order
            .iter()
            .enumerate()
            .find(|(pos, (_, p))| sorted.get(*pos) != Some(p))
        {
            let _ = pos;
            let expected = sorted.iter().position(|s| s == p).unwrap_or(0) + 1;
            let severity = (profile.order == ColumnOrder::Fixed).then_some(Severity::Error);
            findings.push((
                Kind::ColumnOrder {
                    expected_index: expected as u32,
                },
                Some(*file_col),
                map.labels.get(*file_col).cloned(),
                severity,
            ));
        }
    }
    (map, findings)
}

/// `local@domain.tld` with no space: no label of any system looks like that.
fn looks_like_email(value: &str) -> bool {
    match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.contains('@')
                && !value.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// The markers the header lacks for a file in `encoding`, and those it has for another encoding
/// (a marker is required for the encodings it declares). Called once the encoding is known from
/// the bytes (a BOM or non-ASCII text): an ASCII-only file reads the same in every encoding and
/// needs no marker. A file in an encoding the system does not read at all (Excel's UTF-16
/// "Unicode text") has its own finding, which says what to save it as: its markers are not
/// judged against an encoding it must not keep.
pub(crate) fn marker_findings(
    map: &HeaderMap,
    profile: &Compiled,
    encoding: TextEncoding,
) -> Vec<Kind> {
    let mut out = Vec::new();
    if !profile.encodings.iter().any(|e| e.includes(encoding)) {
        return out;
    }
    for (m, marker) in profile.markers.iter().enumerate() {
        let seen = map.markers_seen.get(m).copied().unwrap_or(false);
        let declared = marker.required_for.iter().any(|e| e.includes(encoding));
        match (seen, declared, marker.required_for.first()) {
            (false, true, _) => out.push(Kind::MissingHeaderMarker {
                marker: marker.label.clone(),
                encoding,
            }),
            (true, false, Some(&declares)) => out.push(Kind::HeaderMarkerMismatch {
                marker: marker.label.clone(),
                declares,
                encoding,
            }),
            _ => {}
        }
    }
    out
}
