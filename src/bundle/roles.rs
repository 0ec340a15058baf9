//! Which file of a bundle is which: recognised by the labels of its header line, and by the file
//! name when the header fits several roles alike (CELF users reduced to `id,name` have the groups
//! file's header).

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

/// A role of a bundle, as recognition sees it.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub role: String,
    pub profile: Compiled,
    /// Words a file name of the role contains, lowercase.
    pub hints: Vec<String>,
}

impl Candidate {
    pub(crate) fn new(role: &str, profile: Compiled, hints: &[String]) -> Candidate {
        Candidate {
            role: role.to_string(),
            profile,
            hints: hints.iter().map(|h| h.to_lowercase()).collect(),
        }
    }

    /// Whether the file's own name (its folder aside) contains one of the role's words.
    fn named_by(&self, file_name: &str) -> bool {
        let name = crate::rules::file_name::base_name(file_name).to_lowercase();
        // Compared as bytes: a few hundred bytes smaller in wasm than `str::contains`.
        let name = name.as_bytes();
        self.hints
            .iter()
            .any(|h| !h.is_empty() && name.windows(h.len()).any(|w| w == h.as_bytes()))
    }
}

/// What the header and the file name say about a file's role.
#[derive(Debug, Clone)]
pub(crate) struct Recognized<'a> {
    /// The role.
    pub role: &'a str,
    /// The roles whose files have the same header, `role` among them, in the bundle's order,
    /// when the file name told none of them apart (`role` was then assumed); empty otherwise.
    pub alike: Vec<&'a Candidate>,
}

/// The role of a file with header `labels` and name `file_name`: the role whose profile the header
/// fits best (labels matched − labels unmatched); when it fits several alike, the one the file
/// name alone names; else the one with the largest share of its columns present, with the roles
/// alike. `None` when no role fits, or the share does not decide either.
pub(crate) fn recognize_labels<'a>(
    labels: &[String],
    file_name: Option<&str>,
    roles: &'a [Candidate],
) -> Option<Recognized<'a>> {
    let fits = roles
        .iter()
        .filter_map(|c| fit(labels, &c.profile).map(|score| (score, c)));
    decide(fits.collect(), file_name)
}

/// The role of a file from its first bytes (its header line, split on each role's delimiter) and
/// its name; see [`recognize_labels`].
pub(crate) fn recognize<'a>(
    bytes: &[u8],
    file_name: Option<&str>,
    roles: &'a [Candidate],
) -> Option<Recognized<'a>> {
    let fits = roles.iter().filter_map(|c| {
        let delimiter = c.profile.delimiters.first().map_or(b',', |d| d.byte());
        fit(&header_labels(bytes, delimiter), &c.profile).map(|score| (score, c))
    });
    decide(fits.collect(), file_name)
}

/// The decision over the roles the header fits, with their scores.
fn decide<'a>(
    fits: Vec<((i64, i64), &'a Candidate)>,
    file_name: Option<&str>,
) -> Option<Recognized<'a>> {
    let best = fits.iter().map(|((net, _), _)| *net).max()?;
    let alike: Vec<&((i64, i64), &Candidate)> =
        fits.iter().filter(|((net, _), _)| *net == best).collect();
    if let [(_, only)] = alike.as_slice() {
        return Some(Recognized {
            role: &only.role,
            alike: Vec::new(),
        });
    }
    let mut named = alike
        .iter()
        .filter(|(_, c)| file_name.is_some_and(|n| c.named_by(n)));
    if let (Some((_, by_name)), None) = (named.next(), named.next()) {
        return Some(Recognized {
            role: &by_name.role,
            alike: Vec::new(),
        });
    }
    // The best share, if only one role has it (a scan: no sort needed, and none linked into wasm).
    let top = alike.iter().map(|((_, share), _)| *share).max()?;
    let mut at_top = alike.iter().filter(|((_, share), _)| *share == top);
    match (at_top.next(), at_top.next()) {
        (Some((_, assumed)), None) => Some(Recognized {
            role: &assumed.role,
            alike: alike.iter().map(|(_, c)| *c).collect(),
        }),
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

    /// CELF's three roles with their file-name words.
    fn celf() -> Vec<Candidate> {
        let bundle = crate::bundle::builtin_bundle("celf").unwrap();
        let profiles = bundle.profiles().unwrap();
        bundle
            .roles
            .iter()
            .zip(&profiles)
            .map(|(r, p)| {
                let compiled = Compiled::new(p, &crate::profile::Params::new()).unwrap();
                Candidate::new(&r.role, compiled, &r.file_name_hints)
            })
            .collect()
    }

    /// (role, roles alike) for a header and a file name.
    fn decided(header: &[u8], name: Option<&str>) -> Option<(String, Vec<String>)> {
        let roles = celf();
        recognize(header, name, &roles).map(|r| {
            let alike = r.alike.iter().map(|c| c.role.clone()).collect();
            (r.role.to_string(), alike)
        })
    }

    #[test]
    fn the_header_decides_unless_it_fits_roles_alike() {
        let header_only = |role: &str| Some((role.to_string(), Vec::new()));
        // A users header with any optional column is the users file, whatever the name.
        assert_eq!(
            decided(b"id,name,password\r\n", Some("groups.csv")),
            header_only("users")
        );
        assert_eq!(
            decided(b"group-id,user-id\r\n", Some("users.csv")),
            header_only("affiliations")
        );
        assert_eq!(decided(b"mail,name\r\n", Some("users.csv")), None);
    }

    #[test]
    fn an_id_and_name_header_is_told_by_the_name_or_assumed_groups() {
        let by_name = |role: &str| Some((role.to_string(), Vec::new()));
        let assumed = Some(("groups".to_string(), vec!["users".into(), "groups".into()]));
        let header: &[u8] = b"\xEF\xBB\xBFid, name\r\nu1,Taro\r\n";
        assert_eq!(decided(header, Some("Users_2024.CSV")), by_name("users"));
        assert_eq!(
            decided(header, Some("C:\\data\\ユーザ一覧.csv")),
            by_name("users")
        );
        assert_eq!(
            decided(header, Some("exports/group.csv")),
            by_name("groups")
        );
        assert_eq!(decided(header, Some("グループ.csv")), by_name("groups"));
        // The folder is no evidence; a name with both words, none, or no name at all decides
        // nothing: groups (every column present) is assumed.
        assert_eq!(decided(header, Some("users/export.csv")), assumed);
        assert_eq!(decided(header, Some("usergroups.csv")), assumed);
        assert_eq!(decided(header, Some("export.csv")), assumed);
        assert_eq!(decided(header, None), assumed);
    }
}
