//! The source side: the profile the engine reads the source with, and recognising which built-in
//! profile a file is (`from: "auto"`).
//!
//! The source is read by the checking engine itself, with a profile that accepts everything and
//! has no columns: the engine's encoding identification, tokenizer and positions are reused, and
//! its findings about malformed bytes or broken quotes become conversion diagnostics.
//!
//! Recognition looks at the first 64 KiB only, so that it never depends on how the input is
//! chunked: the header (after the profile's preamble lines) is matched against every built-in
//! profile. A profile fits when its preamble lines are there, every column it requires is in the
//! header, and most labels are its columns (all of them when it rejects unknown columns). The
//! best fit has the most matching labels; ties go to the target profile, then to the built-in
//! order.

use crate::check::{CheckOptions, Engine, Limits, RecordInfo, RecordRole, Sink};
use crate::convert::sink::ConvertSink;
use crate::convert::suggest::column_for;
use crate::decode::ALL_ENCODINGS;
use crate::error::Error;
use crate::profile::{
    builtin, builtin_ids, normalize_label, Delimiter, FileRules, HeaderPresence, HeaderRules,
    PreambleLine, Profile, Text, UnknownColumns, FORMAT_VERSION,
};
use crate::report::Finding;

/// A profile that reads any file: every encoding, the source's delimiters first (then the others),
/// the source's preamble lines, no columns.
pub(crate) fn reading_profile(
    preamble: &[PreambleLine],
    delimiters: &[Delimiter],
) -> Result<Profile, Error> {
    let mut order = delimiters.to_vec();
    for d in [Delimiter::Comma, Delimiter::Tab, Delimiter::Semicolon] {
        if !order.contains(&d) {
            order.push(d);
        }
    }
    // Built as a value, not as JSON read back (which linked serde_json's `Value` into the wasm
    // module for this alone).
    Ok(Profile {
        format_version: FORMAT_VERSION,
        id: "source".into(),
        system: String::new(),
        title: Text {
            en: "source".into(),
            ja: "変換元".into(),
        },
        description: None,
        sources: Vec::new(),
        parameters: Vec::new(),
        file: FileRules {
            encodings: ALL_ENCODINGS.to_vec(),
            bom: Default::default(),
            delimiters: order,
            line_endings: Vec::new(),
            file_types: Vec::new(),
            file_name: None,
            preamble: preamble.to_vec(),
            max_rows: None,
            require_rows: false,
            source: None,
        },
        header: HeaderRules {
            unknown_columns: UnknownColumns::Ignore,
            ..HeaderRules::default()
        },
        columns: Vec::new(),
        row_rules: Vec::new(),
        unique: Vec::new(),
        key: None,
        foreign_keys: Vec::new(),
        plan: None,
        seats: None,
        severities: Default::default(),
        system_codes: Default::default(),
        unchecked: Vec::new(),
    })
}

/// The first records of a window, as the engine read them.
pub(crate) struct Probe {
    records: Vec<(RecordRole, Vec<String>)>,
}

impl Sink for Probe {
    fn finding(&mut self, _finding: Finding) {}

    fn end_record(&mut self, record: &RecordInfo<'_>) {
        if self.records.len() < 4 && record.role != RecordRole::Blank {
            self.records.push((record.role, record.fields.to_vec()));
        }
    }

    fn wants_fields(&self) -> bool {
        true
    }
}

/// Reads the first records of `window` with `preamble` lines before the header.
fn probe(window: &[u8], preamble: usize, limits: Limits) -> Option<Probe> {
    let lines: Vec<PreambleLine> = (0..preamble)
        .map(|_| PreambleLine {
            starts_with: String::new(),
            description: Default::default(),
        })
        .collect();
    let profile = reading_profile(&lines, &[]).ok()?;
    let options = CheckOptions {
        limits,
        ..CheckOptions::default()
    };
    let mut engine = Engine::new(
        &profile,
        options,
        ConvertSink::Probe(Probe {
            records: Vec::new(),
        }),
    )
    .ok()?;
    engine.push(window);
    engine.finish().0.probe()
}

/// How well a header fits a profile: matching labels, or `None` when it does not fit.
fn fit(profile: &Profile, probe: &Probe) -> Option<usize> {
    let preamble: Vec<String> = probe
        .records
        .iter()
        .filter(|(role, _)| *role == RecordRole::Preamble)
        .map(|(_, fields)| fields.join(""))
        .collect();
    for (line, rule) in profile.file.preamble.iter().enumerate() {
        if !preamble.get(line)?.starts_with(&rule.starts_with) {
            return None;
        }
    }
    let (_, header) = probe
        .records
        .iter()
        .find(|(role, _)| *role == RecordRole::Header)?;
    let mut labels = header.clone();
    if let (Some(prefix), Some(first)) = (&profile.header.label_prefix, labels.first_mut()) {
        if let Some(rest) = first.strip_prefix(prefix.as_str()) {
            *first = rest.to_string();
        }
    }
    let markers: Vec<String> = profile
        .header
        .markers
        .iter()
        .flat_map(|m| std::iter::once(&m.label).chain(&m.aliases))
        .map(|l| normalize_label(l, true))
        .collect();
    let mut matched = 0usize;
    let mut unknown = 0usize;
    let mut seen = Vec::new();
    for label in &labels {
        if normalize_label(label, true).is_empty()
            || markers.contains(&normalize_label(label, true))
        {
            continue;
        }
        match column_for(profile, label) {
            Some(c) => {
                matched += 1;
                seen.push(c.name.as_str());
            }
            None => unknown += 1,
        }
    }
    let required_present = profile
        .columns
        .iter()
        .filter(|c| c.header == HeaderPresence::Required)
        .all(|c| seen.contains(&c.name.as_str()));
    let strict_ok = profile.header.unknown_columns != UnknownColumns::Error || unknown == 0;
    (required_present && strict_ok && matched > 0 && matched > unknown).then_some(matched)
}

/// The built-in profile a file is, judged from the first 64 KiB.
pub(crate) fn recognise(window: &[u8], target: &Profile, limits: Limits) -> Option<Profile> {
    let profiles: Vec<Profile> = builtin_ids().filter_map(|id| builtin(id).ok()).collect();
    let mut probes: Vec<(usize, Probe)> = Vec::new();
    let mut best: Option<(usize, bool, Profile)> = None;
    for profile in profiles {
        let p = profile.file.preamble.len();
        if !probes.iter().any(|(len, _)| *len == p) {
            if let Some(found) = probe(window, p, limits) {
                probes.push((p, found));
            }
        }
        let Some((_, probe)) = probes.iter().find(|(len, _)| *len == p) else {
            continue;
        };
        let Some(score) = fit(&profile, probe) else {
            continue;
        };
        let is_target = profile.id == target.id;
        let better = match &best {
            None => true,
            Some((s, t, _)) => score > *s || (score == *s && is_target && !*t),
        };
        if better {
            best = Some((score, is_target, profile));
        }
    }
    best.map(|(_, _, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reading_profile_is_the_profile_its_json_says() {
        let line = PreambleLine {
            starts_with: "#x".into(),
            description: Text {
                en: "e".into(),
                ja: "j".into(),
            },
        };
        let built = reading_profile(std::slice::from_ref(&line), &[Delimiter::Tab]).unwrap();
        let json = serde_json::json!({
            "formatVersion": 1,
            "id": "source",
            "system": "",
            "title": {"en": "source", "ja": "変換元"},
            "file": {
                "encodings": ["utf-8", "utf-16le", "utf-16be", "shift_jis", "euc-jp", "euc-kr",
                    "big5", "gbk", "gb18030"],
                "delimiters": ["tab", "comma", "semicolon"],
                "preamble": [line],
                "requireRows": false
            },
            "header": {"unknownColumns": "ignore"},
            "columns": []
        });
        let read = Profile::from_json(&json.to_string()).unwrap();
        assert_eq!(format!("{built:?}"), format!("{read:?}"));
    }

    fn recognised(csv: &str, target: &str) -> Option<String> {
        let target = builtin(target).unwrap();
        recognise(csv.as_bytes(), &target, Limits::default()).map(|p| p.id)
    }

    #[test]
    fn recognises_the_built_in_profiles() {
        let iwpro = "mail_address,family_name,given_name,language\r\na@example.com,A,B,ja\r\n";
        assert_eq!(
            recognised(iwpro, "canon/users").as_deref(),
            Some("fujifilm-iwpro/add-users")
        );
        assert_eq!(
            recognised(iwpro, "fujifilm-iwpro/update-users").as_deref(),
            Some("fujifilm-iwpro/update-users")
        );
        let flat =
            "#Format for differential import\r\n#email\ttag\tpermission\r\na@example.com\tt\t\r\n";
        assert_eq!(
            recognised(flat, "canon/users").as_deref(),
            Some("flat/users-differential")
        );
        let canon = "uid,cn,mail,CharSet:UTF8\r\nu1,A,a@example.com\r\n";
        assert_eq!(
            recognised(canon, "celf/users").as_deref(),
            Some("canon/users")
        );
        let hr = "氏名,メールアドレス,言語,入社日,社員番号\r\n山田 太郎,a@example.com,日本語,2020/4/1,1\r\n";
        assert_eq!(recognised(hr, "fujifilm-iwpro/add-users"), None);
    }
}
