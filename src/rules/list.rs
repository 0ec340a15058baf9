//! What it checks: values that hold a list (IWpro `option` = `NCS001|NCS003`, Canon `group` joined
//! by `|`, Canon card IDs joined by `;`): item count, empty items, repeated items, and every item
//! against the item checks.
//! Why: one bad item fails the whole row in the system, and the message must say which item.
//! Example: `option` = `NCS001||NCS002` → `empty-item`.

use crate::profile::CompiledList;
use crate::report::{Code, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::TooManyItems, Code::EmptyItem, Code::DuplicateItem];

/// Checks a non-empty list value.
pub(crate) fn check(value: &str, rule: &CompiledList, out: &mut Vec<Kind>) {
    let mut count = 0u32;
    let mut empty_reported = false;
    let mut seen: Vec<&str> = Vec::new();
    for item in value.split(rule.separator.as_str()) {
        count = count.saturating_add(1);
        if item.is_empty() {
            if !empty_reported {
                out.push(Kind::EmptyItem);
                empty_reported = true;
            }
            continue;
        }
        if rule.unique_items {
            if seen.contains(&item) {
                out.push(Kind::DuplicateItem {
                    item: item.to_string(),
                });
            } else if seen.len() < 1024 {
                seen.push(item);
            }
        }
        let before = out.len();
        super::check_value(item, &rule.item, out);
        for kind in out.iter_mut().skip(before) {
            let inner = std::mem::replace(kind, Kind::EmptyItem);
            *kind = Kind::Item {
                item: item.to_string(),
                inner: Box::new(inner),
            };
        }
    }
    if let Some(max) = rule.max_items {
        if count > max {
            out.push(Kind::TooManyItems { max, actual: count });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::CompiledChecks;

    fn rule() -> CompiledList {
        CompiledList {
            separator: "|".to_string(),
            max_items: Some(3),
            unique_items: true,
            item: CompiledChecks {
                one_of: Some((
                    vec!["NCS001".into(), "NCS002".into(), "NCS003".into()],
                    false,
                )),
                ..Default::default()
            },
        }
    }

    fn run(value: &str) -> Vec<Kind> {
        let mut out = Vec::new();
        check(value, &rule(), &mut out);
        out
    }

    #[test]
    fn items_are_checked_one_by_one() {
        assert!(run("NCS001|NCS003").is_empty());
        assert_eq!(run("NCS001||NCS002"), vec![Kind::EmptyItem]);
        assert_eq!(
            run("NCS001|NCS001"),
            vec![Kind::DuplicateItem {
                item: "NCS001".into()
            }]
        );
        assert!(
            matches!(&run("NCS001|NCS009")[..], [Kind::Item { item, inner }] if item == "NCS009" && matches!(**inner, Kind::NotInList { .. }))
        );
        assert_eq!(
            run("NCS001|NCS002|NCS003|NCS001"),
            vec![
                Kind::DuplicateItem {
                    item: "NCS001".into()
                },
                Kind::TooManyItems { max: 3, actual: 4 }
            ]
        );
    }
}
