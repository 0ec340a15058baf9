//! Which file of a bundle is which: recognised by the labels of its header line.

use crate::profile::{Compiled, HeaderPresence};

/// Bytes of a file looked at to find its header line.
pub const RECOGNITION_WINDOW: usize = 64 * 1024;

/// The header labels of a file: its first non-empty line (within the first 64 KiB), BOM removed,
/// split on the delimiter outside double quotes, quotes removed.
fn header_labels(bytes: &[u8], delimiter: u8) -> Vec<String> {
    let window = bytes.get(..RECOGNITION_WINDOW).unwrap_or(bytes);
    let window = window.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(window);
    let text = String::from_utf8_lossy(window);
    let Some(line) = text.lines().find(|l| !l.trim().is_empty()) else {
        return Vec::new();
    };
    let mut labels = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for ch in line.chars() {
        match ch {
            '"' => quoted = !quoted,
            c if !quoted && u32::from(c) == u32::from(delimiter) => {
                labels.push(std::mem::take(&mut current));
            }
            c => current.push(c),
        }
    }
    labels.push(current);
    labels
}

/// How well a header fits a profile: `None` when a required column is missing; otherwise
/// (labels matched − labels unmatched, share of the profile's columns matched in thousandths).
fn fit(labels: &[String], profile: &Compiled) -> Option<(i64, i64)> {
    let mut seen = vec![false; profile.columns.len()];
    let mut unmatched = 0i64;
    for label in labels {
        let label = match &profile.label_prefix {
            Some(prefix) => label.strip_prefix(prefix.as_str()).unwrap_or(label),
            None => label,
        };
        match profile.column_for_label(label) {
            Some(c) => {
                if let Some(s) = seen.get_mut(c) {
                    *s = true;
                }
            }
            None => unmatched += 1,
        }
    }
    let required_missing = profile
        .columns
        .iter()
        .zip(&seen)
        .any(|(c, s)| c.header == HeaderPresence::Required && !s);
    if required_missing {
        return None;
    }
    let matched = seen.iter().filter(|s| **s).count() as i64;
    let share = matched * 1000 / (profile.columns.len().max(1) as i64);
    Some((matched - unmatched, share))
}

/// The role whose profile the header fits best, or `None` when none fits or two fit equally.
pub(crate) fn recognize<'a>(bytes: &[u8], roles: &'a [(String, Compiled)]) -> Option<&'a str> {
    let scored: Vec<((i64, i64), &str)> = roles
        .iter()
        .filter_map(|(role, profile)| {
            let delimiter = profile.delimiters.first().map_or(b',', |d| d.byte());
            fit(&header_labels(bytes, delimiter), profile).map(|s| (s, role.as_str()))
        })
        .collect();
    // The best score, if only one role has it (a scan: no sort needed, and none linked into wasm).
    let best = scored.iter().map(|(score, _)| *score).max()?;
    let mut at_best = scored.iter().filter(|(score, _)| *score == best);
    match (at_best.next(), at_best.next()) {
        (Some((_, role)), None) => Some(role),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_of_the_first_line() {
        assert_eq!(
            header_labels(b"\xEF\xBB\xBFid, name,\"a,b\"\r\nx,y,z\r\n", b','),
            vec!["id", " name", "a,b"]
        );
        assert!(header_labels(b"", b',').is_empty());
    }
}
