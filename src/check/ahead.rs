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

use crate::check::engine::Core;
use crate::check::Sink;
use crate::profile::Compiled;
use crate::read::Record;
use crate::rules::header::HeaderMap;
use crate::rules::unique::UniqueIndex;

/// Records held back at most: enough loads in flight to hide most of a miss (48 checked a million
/// rows in wasm ≈ 10 % faster than 16), few enough that their cache lines are still there when
/// the check gets to them.
const HOLD: usize = 48;

/// The records held back.
#[derive(Default)]
pub(super) struct Ahead {
    /// The held records (the first `len`), their buffers reused.
    records: Vec<Record>,
    len: usize,
    /// The XOR of the loaded slots, kept so that the loads are not optimized away.
    loaded: u64,
}

/// The hashes of the keys of the held records, and which of them is being processed.
#[derive(Default)]
pub(super) struct KeyHashes {
    /// Per unique key of the profile: its file column, if it is a key of one column the file has.
    /// Empty when no key is: then no record is held.
    columns: Vec<Option<usize>>,
    /// Per held record, per unique key (a row of `columns.len()` per record): the hash of the
    /// key's field.
    hashes: Vec<Option<u64>>,
    /// Scratch: the home slots of one key's hashes, loaded together.
    homes: Vec<u32>,
    /// The held record being processed: its index among the held ones, and its record number (0,
    /// which no record has, between batches).
    current: usize,
    record: u64,
}

impl KeyHashes {
    /// Key hashes from now on, for the unique keys of a file with this header (if any of them is
    /// one column that the file has).
    pub(super) fn new(profile: &Compiled, header: &HeaderMap) -> Self {
        let column = |columns: &[usize]| match columns {
            [col] => header.by_profile.get(*col).copied().flatten(),
            _ => None,
        };
        let columns: Vec<Option<usize>> =
            profile.unique.iter().map(|u| column(&u.columns)).collect();
        if columns.iter().all(Option::is_none) {
            return KeyHashes::default();
        }
        KeyHashes {
            columns,
            ..KeyHashes::default()
        }
    }

    /// Whether records are held back.
    fn holds(&self) -> bool {
        !self.columns.is_empty()
    }

    /// The hash of `value`, the value of unique key `key` in `record`, if it was computed: for
    /// this record, from a field that is `value` itself. The kept value is the field's text with
    /// perhaps its edges cut off (spaces, brackets), and a field hashed in advance is ASCII, its text
    /// its bytes: so the same length means the same value, and no comparison is needed (one per row
    /// was about 3 % of a check in wasm, where it is a call).
    pub(super) fn get(&self, key: usize, record: &Record, value: &str) -> Option<u64> {
        if record.position().record != self.record {
            return None;
        }
        let row = self.current.saturating_mul(self.columns.len());
        let hash = self
            .hashes
            .get(row.saturating_add(key))
            .copied()
            .flatten()?;
        let col = self.columns.get(key).copied().flatten()?;
        let field = record.field(col)?;
        debug_assert!(field.len() != value.len() || field == value.as_bytes());
        (field.len() == value.len()).then_some(hash)
    }

    /// Hashes the keys of `records` and loads their slots in the tables; returns the XOR of the
    /// loaded slots.
    fn prefetch(&mut self, records: &[Record], indexes: &mut [UniqueIndex]) -> u64 {
        self.record = 0;
        self.hashes.clear();
        for record in records {
            for (key, col) in self.columns.iter().enumerate() {
                let field = col.and_then(|c| record.field(c)).unwrap_or_default();
                let index = indexes.get_mut(key).filter(|_| !field.is_empty());
                self.hashes.push(index.and_then(|i| i.hash_ascii(field)));
            }
        }
        // The loads, one after another: independent, so their misses overlap. Their slots are
        // found first, so that the loop of loads is short and the core keeps more of them in
        // flight.
        let mut loaded = 0;
        let keys = self.columns.len().max(1);
        for (key, index) in indexes.iter().enumerate() {
            self.homes.clear();
            let hashes = self.hashes.iter().skip(key).step_by(keys).flatten();
            self.homes.extend(hashes.map(|&hash| index.home(hash)));
            loaded ^= index.touch_all(&self.homes);
        }
        loaded
    }

    /// Makes held record `i`, numbered `record`, the one being processed.
    fn point_at(&mut self, i: usize, record: u64) {
        self.current = i;
        self.record = record;
    }
}

impl Ahead {
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
}

impl Core {
    /// Takes a record from the tokenizer: processed now, or held back with others.
    pub(super) fn take_record(&mut self, sink: &mut dyn Sink, record: &mut Record) {
        if !self.key_hashes.holds() {
            self.on_record(sink, record);
        } else if self.ahead.push(record) {
            self.release_records(sink);
        }
    }

    /// Processes the held records.
    pub(super) fn release_records(&mut self, sink: &mut dyn Sink) {
        if self.ahead.len == 0 {
            return;
        }
        let mut ahead = std::mem::take(&mut self.ahead);
        let held = ahead.records.get(..ahead.len).unwrap_or_default();
        ahead.loaded ^= self.key_hashes.prefetch(held, &mut self.unique);
        for (i, record) in held.iter().enumerate() {
            self.key_hashes.point_at(i, record.position().record);
            self.on_record(sink, record);
        }
        ahead.len = 0;
        self.ahead = ahead;
    }
}
