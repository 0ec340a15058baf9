//! What it checks: the delimiter and the line endings against the profile, and mixed line endings.
//! Why: FLAT wants tab-separated lines ending in CRLF; a semicolon file from a European Excel or a
//! file edited on a Mac and on Windows in turn imports as one column or shifted rows.
//! Example: a TSV for IWpro → `delimiter-not-accepted`.
//!
//! The delimiter is sniffed from the header line: the candidate (comma, tab, semicolon) that occurs
//! most often outside quotes wins; ties and zero counts go to the profile's first delimiter.
//!
//! With file types (FLAT: `.tsv` tab-separated with CRLF, `.csv` Excel's CSV), a known file name
//! picks the type by its extension, and the file must have that type's delimiter; without a name
//! the type is the one with the file's delimiter. The type's line endings then apply.

use crate::profile::{Delimiter, FileType, LineEndingKind};
use crate::read::LineEndingStats;
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[
    Code::DelimiterNotAccepted,
    Code::LineEndingNotAccepted,
    Code::MixedLineEndings,
    Code::CrLineEndings,
];

/// Picks the delimiter of a header line.
pub(crate) fn sniff_delimiter(line: &[u8], accepted: &[Delimiter]) -> Delimiter {
    let default = accepted.first().copied().unwrap_or(Delimiter::Comma);
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for &b in line {
        match b {
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => counts[0] += 1,
            b'\t' if !in_quotes => counts[1] += 1,
            b';' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [Delimiter::Comma, Delimiter::Tab, Delimiter::Semicolon];
    let best = counts.iter().copied().max().unwrap_or(0);
    if best == 0 {
        return default;
    }
    // Prefer an accepted delimiter among those with the top count. A match, not a position in
    // `candidates`: a new delimiter must be counted before it compiles.
    let [commas, tabs, semicolons] = counts;
    let top = |d: &Delimiter| {
        best == match d {
            Delimiter::Comma => commas,
            Delimiter::Tab => tabs,
            Delimiter::Semicolon => semicolons,
        }
    };
    accepted
        .iter()
        .copied()
        .find(|d| top(d))
        .or_else(|| candidates.iter().copied().find(|d| top(d)))
        .unwrap_or(default)
}

/// The delimiter finding, if the file's delimiter is not accepted.
pub(crate) fn check_delimiter(found: Delimiter, accepted: &[Delimiter]) -> Option<Kind> {
    (!accepted.contains(&found)).then(|| Kind::DelimiterNotAccepted {
        detected: found,
        accepted: accepted.to_vec(),
    })
}

/// The index of the file type whose extension the name has (ignoring ASCII case).
pub(crate) fn type_by_name(name: &str, types: &[FileType]) -> Option<usize> {
    let ext = super::file_name::extension(name)?;
    types
        .iter()
        .position(|t| t.extension.eq_ignore_ascii_case(ext))
}

/// The index of the file type with `delimiter`.
pub(crate) fn type_by_delimiter(delimiter: Delimiter, types: &[FileType]) -> Option<usize> {
    types.iter().position(|t| t.delimiter == delimiter)
}

/// The finding for a file of type `file_type` (known by its name) whose delimiter is another.
pub(crate) fn check_type_delimiter(found: Delimiter, file_type: &FileType) -> Option<Kind> {
    (found != file_type.delimiter).then(|| Kind::DelimiterNotForExtension {
        detected: found,
        extension: file_type.extension.clone(),
        expected: file_type.delimiter,
    })
}

/// The most frequent style (ties: CRLF, LF, CR).
pub(crate) fn dominant(stats: &LineEndingStats) -> Option<LineEndingKind> {
    let all = [
        (stats.crlf, LineEndingKind::Crlf),
        (stats.lf, LineEndingKind::Lf),
        (stats.cr, LineEndingKind::Cr),
    ];
    let best = all.iter().map(|(n, _)| *n).max().unwrap_or(0);
    if best == 0 {
        return None;
    }
    all.iter().find(|(n, _)| *n == best).map(|(_, k)| *k)
}

/// Findings for the line endings of the whole file: one per style the profile does not accept
/// (at its first occurrence, returned as `(kind, byte, line)`), and one for mixed styles.
pub(crate) fn check_line_endings(
    stats: &LineEndingStats,
    accepted: &[LineEndingKind],
) -> Vec<(Kind, Option<(u64, u64)>)> {
    let mut out = Vec::new();
    let styles = [
        (LineEndingKind::Crlf, stats.crlf, stats.first_crlf),
        (LineEndingKind::Lf, stats.lf, stats.first_lf),
        (LineEndingKind::Cr, stats.cr, stats.first_cr),
    ];
    if accepted.is_empty() {
        // Nothing stated: CRLF and LF are read everywhere, CR alone is not (PHP's and many
        // other CSV readers split lines at LF only).
        if stats.cr > 0 {
            out.push((Kind::CrLineEndings { lines: stats.cr }, stats.first_cr));
        }
    } else {
        for (kind, count, first) in styles {
            if count > 0 && !accepted.contains(&kind) {
                out.push((
                    Kind::LineEndingNotAccepted {
                        found: kind,
                        accepted: accepted.to_vec(),
                    },
                    first,
                ));
            }
        }
    }
    if styles.iter().filter(|(_, n, _)| *n > 0).count() > 1 {
        // Point at the first line that does not end the way most lines do.
        let main = dominant(stats);
        let first_odd = styles
            .iter()
            .filter(|(kind, n, _)| *n > 0 && Some(*kind) != main)
            .filter_map(|(_, _, first)| *first)
            .min();
        out.push((
            Kind::MixedLineEndings {
                crlf: stats.crlf,
                lf: stats.lf,
                cr: stats.cr,
            },
            first_odd,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tsv_and_csv() -> Vec<FileType> {
        [("tsv", Delimiter::Tab), ("csv", Delimiter::Comma)]
            .map(|(extension, delimiter)| FileType {
                extension: extension.into(),
                delimiter,
                line_endings: vec![],
                source: None,
            })
            .to_vec()
    }

    #[test]
    fn the_extension_picks_the_file_type() {
        let types = tsv_and_csv();
        use crate::rules::file_name::extension;
        assert_eq!(extension("dir.v2/users.TSV"), Some("TSV"));
        assert_eq!(extension(r"C:\data\.tsv"), None);
        assert_eq!(extension("users"), None);
        assert_eq!(type_by_name("users.TSV", &types), Some(0));
        assert_eq!(type_by_name("users.txt", &types), None);
        assert_eq!(type_by_delimiter(Delimiter::Comma, &types), Some(1));
        let tsv = &types[0];
        assert_eq!(check_type_delimiter(Delimiter::Tab, tsv), None);
        assert_eq!(
            check_type_delimiter(Delimiter::Comma, tsv),
            Some(Kind::DelimiterNotForExtension {
                detected: Delimiter::Comma,
                extension: "tsv".into(),
                expected: Delimiter::Tab,
            })
        );
    }

    #[test]
    fn sniffs_outside_quotes_and_prefers_accepted() {
        let comma = [Delimiter::Comma];
        assert_eq!(sniff_delimiter(b"a,b,c", &comma), Delimiter::Comma);
        assert_eq!(sniff_delimiter(b"a\tb\tc", &comma), Delimiter::Tab);
        assert_eq!(sniff_delimiter(b"\"a;b;c\",d", &comma), Delimiter::Comma);
        assert_eq!(
            sniff_delimiter(b"a;b,c", &[Delimiter::Tab, Delimiter::Comma]),
            Delimiter::Comma
        );
        assert_eq!(
            sniff_delimiter(b"#Format", &[Delimiter::Tab]),
            Delimiter::Tab
        );
    }
}
