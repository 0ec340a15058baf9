//! Suggests a mapping from the source's header (and its first rows) to a target profile.
//!
//! In order, each step filling only what the earlier ones left open:
//! 1. the same profile on both sides: every column to itself, in the file's order (the steps
//!    below still map the columns the profile does not know, which then keep their place);
//! 2. the preset between the two built-in profiles, if there is one;
//! 3. a header label that is the target column's name or alias, or its title in English or
//!    Japanese (with or without a parenthesised ending: Canon's `部門ID`, `ユーザー名（uid）`);
//! 4. a header label that means the same ([`concepts`](super::concepts): `氏名` ↔ `Name`,
//!    `メールアドレス` ↔ `mail_address`);
//! 5. a column whose sample values are e-mail addresses, for an e-mail column;
//! 6. a full name split into family and given name, or the two joined into one name;
//! 7. value tables from the samples where a target column takes fixed values (`日本語` → `ja`,
//!    `TRUE` → `1`);
//! 8. every column the target requires (every column of its template when the target wants the
//!    template's order), empty if nothing feeds it (so the page shows the gap).

use crate::convert::concepts::{concept_of, flag_value, language_code, normalize, Concept};
use crate::convert::mapping::{ColumnMapping, Split, SplitPart, SuggestedBy};
use crate::convert::presets::preset;
use crate::convert::Mapping;
use crate::profile::{
    normalize_label, Column, ColumnOrder, HeaderPresence, Profile, ValuePolicy, ValueType,
};

/// The header label of the file that names a column of `profile` (by name or alias).
pub(crate) fn label_for(header: &[String], profile: &Profile, column: &Column) -> Option<String> {
    let ignore_case = profile.header.ignore_case;
    let names: Vec<String> = std::iter::once(&column.name)
        .chain(&column.aliases)
        .map(|n| normalize_label(n, ignore_case))
        .collect();
    header
        .iter()
        .find(|l| names.contains(&normalize_label(l, ignore_case)))
        .cloned()
}

/// The column of `profile` a header label names.
pub(crate) fn column_for<'a>(profile: &'a Profile, label: &str) -> Option<&'a Column> {
    let ignore_case = profile.header.ignore_case;
    let wanted = normalize_label(label, ignore_case);
    profile.columns.iter().find(|c| {
        std::iter::once(&c.name)
            .chain(&c.aliases)
            .any(|n| normalize_label(n, ignore_case) == wanted)
    })
}

/// A title without its trailing parenthesised part: `ユーザー名（uid）` → `ユーザー名`,
/// `Role (permission)` → `Role`.
fn title_stem(title: &str) -> Option<&str> {
    let inner = title
        .strip_suffix(')')
        .or_else(|| title.strip_suffix('）'))?;
    let open = inner.rfind(['(', '（'])?;
    let stem = inner.get(..open)?.trim_end_matches([' ', '\u{3000}']);
    (!stem.is_empty()).then_some(stem)
}

/// Every way the target profile itself names a column, normalised: its name, its aliases and
/// its titles in English and Japanese (with and without a parenthesised ending), so that
/// Canon's `部門ID` finds `dept_id` and `ユーザー名` finds `uid`.
fn own_names(column: &Column) -> Vec<String> {
    let titles = column
        .title
        .iter()
        .flat_map(|t| [t.en.as_str(), t.ja.as_str()])
        .flat_map(|t| std::iter::once(t).chain(title_stem(t)));
    let mut names: Vec<String> = std::iter::once(column.name.as_str())
        .chain(column.aliases.iter().map(String::as_str))
        .chain(titles)
        .map(normalize)
        .filter(|n| !n.is_empty())
        .collect();
    names.dedup();
    names
}

fn target_concept(column: &Column) -> Option<Concept> {
    let titles = column
        .title
        .iter()
        .flat_map(|t| [t.en.as_str(), t.ja.as_str()]);
    std::iter::once(column.name.as_str())
        .chain(column.aliases.iter().map(String::as_str))
        .chain(titles)
        .find_map(concept_of)
}

fn looks_like_email(v: &str) -> bool {
    let v = v.trim();
    v.split_once('@')
        .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
        && !v.contains(char::is_whitespace)
}

struct Suggester<'a> {
    header: &'a [String],
    samples: &'a [Vec<String>],
    target: &'a Profile,
    /// Per target column: the entry so far.
    entries: Vec<Option<ColumnMapping>>,
    /// Per header column: whether an entry reads it.
    used: Vec<bool>,
}

impl Suggester<'_> {
    fn open(&self, t: usize) -> bool {
        self.entries.get(t).is_some_and(|e| match e {
            None => true,
            Some(e) => {
                e.from.is_none() && e.join.is_empty() && e.split.is_none() && e.constant.is_none()
            }
        })
    }

    fn use_label(&mut self, label: &str) {
        if let Some(i) = self.header.iter().position(|l| l == label) {
            if let Some(u) = self.used.get_mut(i) {
                *u = true;
            }
        }
    }

    fn set(&mut self, t: usize, entry: ColumnMapping) {
        for label in entry
            .from
            .iter()
            .chain(&entry.join)
            .chain(entry.split.iter().map(|s| &s.from))
            .cloned()
            .collect::<Vec<_>>()
        {
            self.use_label(&label);
        }
        if let Some(slot) = self.entries.get_mut(t) {
            *slot = Some(entry);
        }
    }

    fn entry(&self, t: usize, by: SuggestedBy) -> ColumnMapping {
        ColumnMapping {
            target: self
                .target
                .columns
                .get(t)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            suggested_by: Some(by),
            ..ColumnMapping::default()
        }
    }

    /// The first unused header label with this concept.
    fn unused_with(&self, concept: Concept) -> Option<String> {
        self.header
            .iter()
            .zip(&self.used)
            .find(|(l, used)| !**used && concept_of(l) == Some(concept))
            .map(|(l, _)| l.clone())
    }

    fn concept_target(&self, concept: Concept) -> Option<usize> {
        self.target
            .columns
            .iter()
            .position(|c| target_concept(c) == Some(concept))
    }

    /// Every header label that names a column of the target (the same profile on both sides) to
    /// that column.
    fn identity(&mut self) {
        for label in self.header {
            let Some(t) = column_for(self.target, label)
                .and_then(|c| self.target.columns.iter().position(|x| x.name == c.name))
            else {
                continue;
            };
            if self.open(t) && self.entries.get(t).is_some_and(Option::is_none) {
                let entry = ColumnMapping {
                    from: Some(label.clone()),
                    ..self.entry(t, SuggestedBy::Identity)
                };
                self.set(t, entry);
            }
        }
    }

    /// The target columns in the order of the header labels that feed them, then the others in
    /// the target's order.
    fn file_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = Vec::new();
        for label in self.header {
            for (t, entry) in self.entries.iter().enumerate() {
                let reads = entry.as_ref().is_some_and(|e| {
                    e.from
                        .iter()
                        .chain(e.join.first())
                        .chain(e.split.iter().map(|s| &s.from))
                        .any(|l| l == label)
                });
                if reads && !order.contains(&t) {
                    order.push(t);
                }
            }
        }
        let rest: Vec<usize> = (0..self.target.columns.len())
            .filter(|t| !order.contains(t))
            .collect();
        order.extend(rest);
        order
    }

    fn apply_preset(&mut self, source: &Profile) {
        let Some(preset) = preset(source, self.target) else {
            return;
        };
        for p in preset.columns {
            let Some(t) = self.target.columns.iter().position(|c| c.name == p.target) else {
                continue;
            };
            let resolve = |name: &str| {
                source
                    .columns
                    .iter()
                    .find(|c| c.name == name)
                    .and_then(|c| label_for(self.header, source, c))
            };
            let mut entry = ColumnMapping {
                suggested_by: Some(SuggestedBy::Preset),
                ..p.clone()
            };
            let mut complete = true;
            if let Some(from) = &p.from {
                entry.from = resolve(from);
                complete &= entry.from.is_some();
            }
            if !p.join.is_empty() {
                entry.join = p.join.iter().filter_map(|n| resolve(n)).collect();
                complete &= !entry.join.is_empty();
            }
            if let Some(split) = &p.split {
                entry.split = resolve(&split.from).map(|from| Split {
                    from,
                    ..split.clone()
                });
                complete &= entry.split.is_some();
            }
            if complete {
                self.set(t, entry);
            }
        }
    }

    fn by_name_and_concept(&mut self) {
        for t in 0..self.target.columns.len() {
            if !self.open(t) {
                continue;
            }
            let Some(column) = self.target.columns.get(t) else {
                continue;
            };
            let names = own_names(column);
            let by_name = self
                .header
                .iter()
                .zip(&self.used)
                .find(|(l, used)| !**used && names.contains(&normalize(l)))
                .map(|(l, _)| l.clone());
            if let Some(label) = by_name {
                let entry = ColumnMapping {
                    from: Some(label),
                    ..self.entry(t, SuggestedBy::Name)
                };
                self.set(t, entry);
            }
        }
        for t in 0..self.target.columns.len() {
            let concept = self.target.columns.get(t).and_then(target_concept);
            let Some(concept) = concept.filter(|_| self.open(t)) else {
                continue;
            };
            // A display name and a full name stand in for each other where the target has only
            // one of them (Canon's cn, CELF's name).
            let stand_in = match concept {
                Concept::DisplayName if self.concept_target(Concept::FullName).is_none() => {
                    Some(Concept::FullName)
                }
                Concept::FullName if self.concept_target(Concept::DisplayName).is_none() => {
                    Some(Concept::DisplayName)
                }
                _ => None,
            };
            let found = self
                .unused_with(concept)
                .or_else(|| stand_in.and_then(|c| self.unused_with(c)));
            if let Some(label) = found {
                let entry = ColumnMapping {
                    from: Some(label),
                    ..self.entry(t, SuggestedBy::Synonym)
                };
                self.set(t, entry);
            }
        }
    }

    fn by_samples(&mut self) {
        let Some(t) = self
            .concept_target(Concept::Email)
            .filter(|t| self.open(*t))
        else {
            return;
        };
        let found = (0..self.header.len()).find(|&i| {
            let values: Vec<&str> = self
                .samples
                .iter()
                .filter_map(|row| row.get(i).map(String::as_str))
                .filter(|v| !v.trim().is_empty())
                .collect();
            !self.used.get(i).copied().unwrap_or(true)
                && !values.is_empty()
                && values.iter().all(|v| looks_like_email(v))
        });
        if let Some(label) = found.and_then(|i| self.header.get(i).cloned()) {
            let entry = ColumnMapping {
                from: Some(label),
                ..self.entry(t, SuggestedBy::Samples)
            };
            self.set(t, entry);
        }
    }

    fn split_and_join(&mut self) {
        let family = self.concept_target(Concept::FamilyName);
        let given = self.concept_target(Concept::GivenName);
        if let (Some(f), Some(g)) = (family, given) {
            if self.open(f) && self.open(g) {
                if let Some(full) = self.unused_with(Concept::FullName) {
                    for (t, part) in [(f, SplitPart::First), (g, SplitPart::Rest)] {
                        let entry = ColumnMapping {
                            split: Some(Split {
                                from: full.clone(),
                                separator: None,
                                part,
                            }),
                            ..self.entry(t, SuggestedBy::Synonym)
                        };
                        self.set(t, entry);
                    }
                }
            }
        }
        let name = self
            .concept_target(Concept::FullName)
            .or_else(|| self.concept_target(Concept::DisplayName))
            .filter(|t| self.open(*t));
        if let Some(t) = name {
            let parts = (
                self.unused_with(Concept::FamilyName),
                self.unused_with(Concept::GivenName),
            );
            if let (Some(f), Some(g)) = parts {
                let entry = ColumnMapping {
                    join: vec![f, g],
                    separator: Some(" ".to_string()),
                    ..self.entry(t, SuggestedBy::Synonym)
                };
                self.set(t, entry);
            }
        }
    }

    fn value_tables(&mut self) {
        for t in 0..self.entries.len() {
            let Some(column) = self.target.columns.get(t) else {
                continue;
            };
            let Some(Some(entry)) = self.entries.get(t) else {
                continue;
            };
            let Some(i) = entry
                .from
                .as_ref()
                .and_then(|f| self.header.iter().position(|l| l == f))
            else {
                continue;
            };
            let accepted: Vec<String> = match (&column.check.one_of, column.check.kind) {
                (Some(o), _) if column.check.list.is_none() => o.values.clone(),
                (None, Some(ValueType::Flag)) if column.check.flag_values.is_empty() => {
                    vec!["0".into(), "1".into()]
                }
                _ => continue,
            };
            let mut table = entry.values.clone();
            for row in self.samples {
                let Some(v) = row.get(i).map(|v| v.trim()) else {
                    continue;
                };
                if v.is_empty() || accepted.iter().any(|a| a.eq_ignore_ascii_case(v)) {
                    continue;
                }
                let to = language_code(v).or_else(|| flag_value(v));
                if let Some(to) = to.filter(|to| accepted.iter().any(|a| a == to)) {
                    table.insert(v.to_string(), to.to_string());
                }
            }
            if let Some(Some(entry)) = self.entries.get_mut(t) {
                entry.values = table;
            }
        }
    }
}

/// Suggests a mapping. `header` holds the source's labels as written (without the source
/// profile's label prefix), `samples` its first data rows, `source` its profile when known.
pub fn suggest_mapping(
    header: &[String],
    samples: &[Vec<String>],
    source: Option<&Profile>,
    target: &Profile,
) -> Mapping {
    let header: Vec<String> = header
        .iter()
        .map(|l| crate::profile::trim_label(l).to_string())
        .collect();
    let mut s = Suggester {
        header: &header,
        samples,
        target,
        entries: vec![None; target.columns.len()],
        used: vec![false; header.len()],
    };
    let same_profile = source.is_some_and(|source| source.id == target.id);
    match source {
        Some(_) if same_profile => {
            s.identity();
            // The columns the profile does not know still hold data (an HR export recognised as
            // Canon's by its uid and mail columns also has 氏名): they are suggested as for any
            // other file, never dropped because the rest of the file looked familiar.
            s.by_name_and_concept();
        }
        Some(source) => {
            s.apply_preset(source);
            s.by_name_and_concept();
        }
        None => s.by_name_and_concept(),
    }
    s.by_samples();
    s.split_and_join();
    s.value_tables();
    // A target with a template order gets the whole template, as its own template file has it.
    let template = target.header.order != ColumnOrder::Any;
    for (t, column) in target.columns.iter().enumerate() {
        let in_template =
            template && !matches!(column.value, ValuePolicy::ReadOnly | ValuePolicy::Ignored);
        let needed = in_template
            || column.header == HeaderPresence::Required
            || column.value == ValuePolicy::Required;
        if needed && s.entries.get(t).is_some_and(Option::is_none) {
            let entry = s.entry(t, SuggestedBy::Name);
            if let Some(slot) = s.entries.get_mut(t) {
                *slot = Some(ColumnMapping {
                    suggested_by: None,
                    ..entry
                });
            }
        }
    }
    let order = if same_profile {
        s.file_order()
    } else {
        (0..target.columns.len()).collect()
    };
    let columns = order
        .into_iter()
        .filter_map(|t| s.entries.get(t).cloned().flatten())
        .collect();
    Mapping {
        format_version: crate::convert::mapping::MAPPING_FORMAT_VERSION,
        from: Some(source.map_or_else(|| "header".to_string(), |p| p.id.clone())),
        to: target.id.clone(),
        columns,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::builtin;

    fn labels(s: &str) -> Vec<String> {
        s.split(',').map(String::from).collect()
    }

    #[test]
    fn an_hr_export_to_iwpro() {
        let target = builtin("fujifilm-iwpro/add-users").unwrap();
        let header = labels("社員番号,氏名,フリガナ,メールアドレス,部署,言語,入社日");
        let samples = vec![
            labels("001,山田 太郎,ヤマダ タロウ,taro@example.com,営業部,日本語,2020/4/1"),
            labels("002,John Smith,,john@example.com,開発部,英語,2021/4/1"),
        ];
        let m = suggest_mapping(&header, &samples, None, &target);
        let json = serde_json::to_string(&m.columns).unwrap();
        assert_eq!(
            json,
            r#"[{"target":"mail_address","from":"メールアドレス","suggestedBy":"name"},{"target":"family_name","split":{"from":"氏名","part":"first"},"suggestedBy":"synonym"},{"target":"given_name","split":{"from":"氏名","part":"rest"},"suggestedBy":"synonym"},{"target":"language","from":"言語","values":{"日本語":"ja","英語":"en"},"suggestedBy":"synonym"},{"target":"group"},{"target":"option"},{"target":"company_name"},{"target":"department_name","from":"部署","suggestedBy":"synonym"},{"target":"job_title_name"},{"target":"device_user_id"},{"target":"iccard_number"}]"#
        );
        m.validate(&target).unwrap();
    }

    #[test]
    fn the_target_s_own_titles_name_its_columns() {
        let canon = builtin("canon/users").unwrap();
        let header = labels("ユーザー名,部門ID,部門暗証番号,ロール,有効期限,無効,グループ,表示名");
        let samples = vec![labels(
            "yamada,0012345,1234,GeneralUser,20261231,0,sales,山田",
        )];
        let m = suggest_mapping(&header, &samples, None, &canon);
        let found: Vec<String> = m
            .columns
            .iter()
            .map(|c| format!("{} ← {}", c.target, c.from.as_deref().unwrap_or("-")))
            .collect();
        assert_eq!(
            found,
            [
                "uid ← ユーザー名",
                "cn ← 表示名",
                "dept_id ← 部門ID",
                "dept_pin ← 部門暗証番号",
                "roleName ← ロール",
                "accountExpires ← 有効期限",
                "accountDisabled ← 無効",
                "group ← グループ",
            ]
        );
        assert!(m
            .columns
            .iter()
            .all(|c| c.suggested_by == Some(SuggestedBy::Name)));
        // In English too, with the parenthesised ending or without it.
        let header = labels("User name (uid),Department ID,Department PIN,Display name");
        let m = suggest_mapping(&header, &[], None, &canon);
        let targets: Vec<&str> = m.columns.iter().map(|c| c.target.as_str()).collect();
        assert_eq!(targets, ["uid", "cn", "dept_id", "dept_pin"]);
        assert_eq!(title_stem("暗証番号（PIN）"), Some("暗証番号"));
        assert_eq!(title_stem("Role (permission)"), Some("Role"));
        assert_eq!(title_stem("(uid)"), None);
        assert_eq!(title_stem("部門ID"), None);
    }

    #[test]
    fn no_name_alias_or_title_names_two_columns_of_a_built_in_profile() {
        for id in crate::profile::builtin_ids() {
            let profile = builtin(id).unwrap();
            let mut seen: Vec<(String, &str)> = Vec::new();
            for column in &profile.columns {
                for name in own_names(column) {
                    if let Some((_, other)) =
                        seen.iter().find(|(n, c)| *n == name && *c != column.name)
                    {
                        panic!("{id}: \"{name}\" names {other} and {}", column.name);
                    }
                    seen.push((name, &column.name));
                }
            }
        }
    }

    #[test]
    fn identity_keeps_the_file_order_and_presets_fill_the_rest() {
        let canon = builtin("canon/users").unwrap();
        let header = labels("mail,uid,cn,CharSet:UTF8");
        let m = suggest_mapping(&header, &[], Some(&canon), &canon);
        let targets: Vec<&str> = m.columns.iter().map(|c| c.target.as_str()).collect();
        assert_eq!(targets, ["mail", "uid", "cn"]);

        let iwpro = builtin("fujifilm-iwpro/add-users").unwrap();
        let header = labels("mail_address,family_name,given_name,language");
        let m = suggest_mapping(&header, &[], Some(&iwpro), &canon);
        let uid = &m.columns[0];
        assert_eq!(uid.target, "uid");
        assert_eq!(uid.split.as_ref().unwrap().separator.as_deref(), Some("@"));
        assert_eq!(m.columns[1].join, ["family_name", "given_name"]);
        m.validate(&canon).unwrap();
    }

    #[test]
    fn e_mail_found_by_samples_and_flags_by_words() {
        let celf = builtin("celf/users").unwrap();
        let header = labels("login,contact,full name,locked");
        let samples = vec![labels("u1,a@example.com,A B,TRUE")];
        let m = suggest_mapping(&header, &samples, None, &celf);
        let get = |t: &str| m.columns.iter().find(|c| c.target == t).unwrap();
        assert_eq!(get("id").from.as_deref(), Some("login"));
        assert_eq!(get("name").from.as_deref(), Some("full name"));
        assert_eq!(
            get("suspended?").values.get("TRUE").map(String::as_str),
            Some("1")
        );
    }
}
