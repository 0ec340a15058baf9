//! Prefetching for the unique index. Its table is far larger than the cache, so a new key costs
//! a cache miss, and wasm has no prefetch instruction: a miss per row, each waited for in turn,
//! was a fifth of a check. So once the header is read, records are held back a few at a time
//! (their buffers swapped with the tokenizer's, not copied); the keys of the held records are
//! hashed and their slots in the table loaded one after another, so that the misses overlap; then
//! the records are processed in order, and find their slots in the cache and their hashes done.
//!
//! Nothing else changes: the records are processed in the same order, by the same code, and all of
//! them before `push` returns. A kept hash is used only for a key that is the very field it was
//! computed from.

use crate::check::{Engine, Sink};
use crate::profile::Compiled;
use crate::read::Record;
use crate::rules::header::HeaderMap;
use crate::rules::unique::UniqueIndex;

/// Records held back at most: enough loads in flight to hide most of a miss (48 checked a million
/// rows in wasm ≈ 10 % faster than 16), few enough that their cache lines are still there when
/// the check gets to them.
const HOLD: usize = 48;

/// The records held back and the hashes of their keys.
#[derive(Default)]
pub(super) struct Ahead {
    /// Per unique key of the profile: its file column, if it is a key of one column the file has.
    columns: Vec<Option<usize>>,
    /// The held records (the first `len`), their buffers reused.
    records: Vec<Record>,
    len: usize,
    /// Per held record, per unique key: the hash of the key's field.
    hashes: Vec<Option<u64>>,
    /// The XOR of the loaded slots, kept so that the loads are not optimized away.
    loaded: u64,
}

/// The key hashes of the record being processed.
#[derive(Default)]
pub(super) struct KeyHashes {
    /// Its record number.
    record: u64,
    /// Per unique key: the file column and the hash of the record's field there.
    hashes: Vec<Option<(usize, u64)>>,
}

impl KeyHashes {
    /// The hash of `value`, the value of unique key `key` in `record`, if it was computed: for
    /// this record, from a field that is `value` itself.
    pub(super) fn get(&self, key: usize, record: &Record, value: &str) -> Option<u64> {
        if record.position().record != self.record {
            return None;
        }
        let (col, hash) = self.hashes.get(key).copied().flatten()?;
        (record.field(col)? == value.as_bytes()).then_some(hash)
    }
}

impl Ahead {
    /// Holds records from now on, for the unique keys of a file with this header (if any of them
    /// is one column that the file has).
    pub(super) fn new(profile: &Compiled, header: &HeaderMap) -> Self {
        let column = |columns: &[usize]| match columns {
            [col] => header.by_profile.get(*col).copied().flatten(),
            _ => None,
        };
        let columns: Vec<Option<usize>> =
            profile.unique.iter().map(|u| column(&u.columns)).collect();
        if columns.iter().all(Option::is_none) {
            return Ahead::default();
        }
        Ahead {
            columns,
            ..Ahead::default()
        }
    }

    /// Whether records are held back.
    fn holds(&self) -> bool {
        !self.columns.is_empty()
    }

    /// Takes `record`, leaving a used one in its place; true when the hold is full.
    fn push(&mut self, record: &mut Record) -> bool {
        if self.records.len() <= self.len {
            self.records.push(Record::default());
        }
        if let Some(held) = self.records.get_mut(self.len) {
            std::mem::swap(held, record);
            self.len += 1;
        }
        self.len >= HOLD
    }

    /// Hashes the keys of the held records and loads their slots in the tables.
    fn prefetch(&mut self, indexes: &mut [UniqueIndex]) {
        self.hashes.clear();
        for record in self.records.iter().take(self.len) {
            for (key, col) in self.columns.iter().enumerate() {
                let field = col.and_then(|c| record.field(c)).unwrap_or_default();
                let index = indexes.get_mut(key).filter(|_| !field.is_empty());
                self.hashes.push(index.and_then(|i| i.hash_ascii(field)));
            }
        }
        // The loads, one after another: independent, so their misses overlap.
        let keys = self.columns.len();
        for (i, hash) in self.hashes.iter().enumerate() {
            let index = indexes.get(i.checked_rem(keys).unwrap_or(0));
            if let (Some(index), Some(hash)) = (index, hash) {
                self.loaded ^= index.touch(*hash);
            }
        }
    }

    /// The key hashes of held record `i`.
    fn key_hashes(&self, i: usize, out: &mut KeyHashes) {
        let keys = self.columns.len();
        out.record = self.records.get(i).map_or(0, |r| r.position().record);
        out.hashes.clear();
        let hashes = self.hashes.iter().skip(i * keys).take(keys);
        for (col, hash) in self.columns.iter().zip(hashes) {
            out.hashes.push(col.zip(*hash));
        }
    }
}

impl<S: Sink> Engine<S> {
    /// Takes a record from the tokenizer: processed now, or held back with others.
    pub(super) fn take_record(&mut self, record: &mut Record) {
        if !self.ahead.holds() {
            self.on_record(record);
        } else if self.ahead.push(record) {
            self.release_records();
        }
    }

    /// Processes the held records.
    pub(super) fn release_records(&mut self) {
        if self.ahead.len == 0 {
            return;
        }
        let mut ahead = std::mem::take(&mut self.ahead);
        ahead.prefetch(&mut self.unique);
        for i in 0..ahead.len {
            ahead.key_hashes(i, &mut self.key_hashes);
            if let Some(record) = ahead.records.get(i) {
                self.on_record(record);
            }
        }
        ahead.len = 0;
        self.ahead = ahead;
    }
}
