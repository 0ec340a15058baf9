//! One stable sort for the crate's few sorts (diagnostics, the change log, output columns,
//! encoding candidates; none is on the check's hot path).
//!
//! Why: `sort_by_key` compiles its own copy of the standard library's stable sort for every element
//! type, about 5 KB of wasm each. [`by_key`] sorts `(key, index)` pairs instead, all through one
//! copy of the sort whatever the element type, and then moves the elements into place. A stable
//! sort's order is unique, so the result is exactly `sort_by_key`'s.

/// Sorts `items` by `key`, stably: the same order as `items.sort_by_key(key)`.
pub(crate) fn by_key<T>(items: &mut [T], key: impl FnMut(&T) -> u128) {
    // `sort_by_cached_key` sorts `(u128, usize)` pairs with `sort_unstable` (the index makes every
    // key distinct, hence the stability): one instantiation for every caller.
    items.sort_by_cached_key(key);
}

/// The key of a `(row, column)` order.
pub(crate) fn row_column(row: u64, column: u32) -> u128 {
    (u128::from(row) << 32) | u128::from(column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_like_sort_by_key() {
        let mut rows: Vec<(Option<u64>, Option<u32>, usize)> = (0..500)
            .map(|i: usize| {
                let row =
                    (i * 7919 % 13 != 0).then_some((i * 31 % 17) as u64 * u64::from(u32::MAX));
                let column = (i % 5 != 0).then_some((i * 13 % 7) as u32 * (u32::MAX / 8));
                (row, column, i)
            })
            .collect();
        let mut expected = rows.clone();
        expected.sort_by_key(|&(r, c, _)| (r.unwrap_or(0), c.unwrap_or(0)));
        by_key(&mut rows, |&(r, c, _)| {
            row_column(r.unwrap_or(0), c.unwrap_or(0))
        });
        assert_eq!(rows, expected);
    }
}
