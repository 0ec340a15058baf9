//! What it checks: values that hold a list (IWpro `option` = `NCS001|NCS003`, Canon `group` joined
//! by `|`, Canon card IDs joined by `;`): item count, empty items, repeated items, and every item
//! against the item checks.
//! Why: one bad item fails the whole row in the system, and the message must say which item.
//! Example: `option` = `NCS001||NCS002` → `empty-item`.

use crate::profile::CompiledList;
use crate::report::{Code, Kind};
use crate::rules::one_of;

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::TooManyItems, Code::EmptyItem, Code::DuplicateItem];

/// Checks a non-empty list value.
pub(crate) fn check(value: &str, rule: &CompiledList, suspicious: bool, out: &mut Vec<Kind>) {
    let sep = rule.separator.as_str();
    // Single-byte ASCII separators (`|`, `;`) split on bytes: cutting at an ASCII byte always falls
    // on a character boundary, and this is several times faster than a `str` pattern search.
    let count = match sep.as_bytes() {
        [b] if b.is_ascii() => {
            let b = *b;
            check_items(
                split_ascii(value, b),
                || split_ascii(value, b),
                rule,
                suspicious,
                out,
            )
        }
        _ => check_items(value.split(sep), || value.split(sep), rule, suspicious, out),
    };
    if let Some(max) = rule.max_items {
        if count > max {
            out.push(Kind::TooManyItems { max, actual: count });
        }
    }
}

/// Whether the list check finds nothing in `value` (without control characters), for a rule whose
/// separator is one ASCII byte and whose items need only be one of a list of values (see
/// `shortcut`); `false` when something is wrong, or the list is too long to tell quickly.
pub(crate) fn items_allowed(value: &str, rule: &CompiledList) -> bool {
    /// Longer lists take the general path.
    const MOST: usize = 16;
    let ([sep], Some((values, ignore_case))) = (rule.separator.as_bytes(), &rule.item.one_of)
    else {
        return false;
    };
    let mut items: [&[u8]; MOST] = [&[]; MOST];
    let mut count = 0;
    for item in value.as_bytes().split(|b| b == sep) {
        let earlier = items.get(..count).unwrap_or_default();
        let repeated = rule.unique_items && earlier.iter().any(|e| one_of::same(e, item));
        if item.is_empty() || repeated || !one_of::allowed(item, values, *ignore_case) {
            return false;
        }
        let Some(slot) = items.get_mut(count) else {
            return false;
        };
        *slot = item;
        count += 1;
    }
    rule.max_items.map_or(true, |max| count <= max as usize)
}

/// Splits at every occurrence of an ASCII byte (a plain scan: items are short, and a memchr call
/// costs more than it saves on them).
fn split_ascii(value: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut start = 0usize;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let rest = value.as_bytes().get(start..).unwrap_or(&[]);
        match rest.iter().position(|&b| b == sep) {
            Some(i) => {
                let item = value.get(start..start + i).unwrap_or("");
                start += i + 1;
                Some(item)
            }
            None => {
                done = true;
                value.get(start..)
            }
        }
    })
}

/// Checks every item; `again` restarts the split to compare an item with the earlier ones (lists
/// are short, so this beats allocating a set for every cell). Returns the item count.
fn check_items<'a, I: Iterator<Item = &'a str>>(
    items: I,
    again: impl Fn() -> I,
    rule: &CompiledList,
    suspicious: bool,
    out: &mut Vec<Kind>,
) -> u32 {
    let mut count = 0u32;
    let mut empty_reported = false;
    for (index, item) in items.enumerate() {
        count = count.saturating_add(1);
        if item.is_empty() {
            if !empty_reported {
                out.push(Kind::EmptyItem);
                empty_reported = true;
            }
            continue;
        }
        if rule.unique_items && index < 1024 && again().take(index).any(|earlier| earlier == item) {
            out.push(Kind::DuplicateItem {
                item: item.to_string(),
            });
        }
        let before = out.len();
        super::check_value(item, &rule.item, suspicious, out);
        for kind in out.iter_mut().skip(before) {
            let inner = std::mem::replace(kind, Kind::EmptyItem);
            *kind = Kind::Item {
                item: item.to_string(),
                inner: Box::new(inner),
            };
        }
    }
    count
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
        check(value, &rule(), true, &mut out);
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
