//! The baseline: the target system's own current export, read with the same streaming engine as
//! any upload, into a bounded index keyed by the profile's record key.

use std::collections::HashMap;

use crate::check::{CheckOptions, Engine, RecordInfo, RecordRole, Sink};
use crate::error::{Error, ErrorKind};
use crate::plan::hashing::{cell_hash, key_hash, KeySet, ABSENT};
use crate::profile::{all_hold, builtin, Compiled, Profile};
use crate::report::{Collector, Finding, Report};

/// One record of the export.
#[derive(Debug, Clone)]
struct Entry {
    /// Its spreadsheet row in the export.
    row: u64,
    /// Its key, as written (key columns joined by ` + `).
    key: Box<str>,
    /// Whether it counts towards the seat limit.
    counted: bool,
}

/// The system's current records, indexed by key: what a plan is computed against.
#[derive(Debug, Clone)]
pub struct Baseline {
    profile_id: String,
    columns: usize,
    index: HashMap<u64, u32>,
    alternates: Vec<HashMap<u64, u32>>,
    entries: Vec<Entry>,
    hashes: Vec<u32>,
    records: u64,
    capped: bool,
    /// Set when the export has been read.
    report: Option<Box<Report>>,
}

impl Baseline {
    /// Reads a whole export held in memory. `profile` is the profile of the files that will be
    /// checked against it (the export itself may be read with the profile's `plan.baselineProfile`).
    pub fn read(
        bytes: &[u8],
        profile: &Profile,
        options: &CheckOptions,
    ) -> Result<Baseline, Error> {
        let mut reader = BaselineReader::new(profile, options)?;
        reader.push(bytes);
        reader.finish()
    }

    /// The id of the profile the baseline was read for.
    pub fn profile_id(&self) -> &str {
        &self.profile_id
    }

    /// Data rows read from the export.
    pub fn records(&self) -> u64 {
        self.records
    }

    /// Whether the export had more records than the index holds.
    pub fn is_capped(&self) -> bool {
        self.capped
    }

    /// The check report of the export itself (its own problems, if any).
    pub fn report(&self) -> Option<&Report> {
        self.report.as_deref()
    }

    /// Indexed records.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The record with this key hash.
    pub(crate) fn lookup(&self, hash: u64) -> Option<usize> {
        self.index.get(&hash).map(|i| *i as usize)
    }

    /// The record with this alternate key hash (alternate key `a` of the profile).
    pub(crate) fn lookup_alternate(&self, a: usize, hash: u64) -> Option<usize> {
        self.alternates
            .get(a)
            .and_then(|m| m.get(&hash))
            .map(|i| *i as usize)
    }

    /// The export row of a record.
    pub(crate) fn row(&self, entry: usize) -> u64 {
        self.entries.get(entry).map_or(0, |e| e.row)
    }

    /// The key text of a record.
    pub(crate) fn key(&self, entry: usize) -> &str {
        self.entries.get(entry).map_or("", |e| &e.key)
    }

    /// Whether a record counts towards the seat limit.
    pub(crate) fn counted(&self, entry: usize) -> bool {
        self.entries.get(entry).is_some_and(|e| e.counted)
    }

    /// The hash of a record's value in profile column `col` ([`ABSENT`] when the export lacks it).
    pub(crate) fn cell(&self, entry: usize, col: usize) -> u32 {
        entry
            .checked_mul(self.columns)
            .and_then(|i| i.checked_add(col))
            .and_then(|i| self.hashes.get(i))
            .copied()
            .unwrap_or(ABSENT)
    }

    /// The key hashes of every record, for references from other files.
    pub(crate) fn key_set(&self, ignore_case: bool) -> KeySet {
        let mut set = KeySet::new(ignore_case);
        set.hashes.extend(self.index.keys().copied());
        set.capped = self.capped;
        set
    }
}

/// Receives the export's rows from the engine and indexes them.
struct IndexSink {
    collector: Collector,
    /// The checked profile, compiled (its key, alternates and seat conditions are used).
    target: Compiled,
    /// Export profile column → checked profile column.
    to_target: Vec<Option<usize>>,
    max_records: usize,
    baseline: Baseline,
    /// Per checked profile column: the current row's value, if the export has the column.
    row: Vec<Option<String>>,
    buf: String,
}

impl IndexSink {
    fn add_row(&mut self, info: &RecordInfo<'_>) {
        self.baseline.records += 1;
        for slot in self.row.iter_mut() {
            *slot = None;
        }
        for (from, to) in self.to_target.iter().enumerate() {
            let (Some(to), Some(true)) = (to, info.filled.get(from)) else {
                continue;
            };
            if let (Some(slot), Some(v)) = (self.row.get_mut(*to), info.values.get(from)) {
                *slot = Some(v.clone());
            }
        }
        let Some(key) = &self.target.relations.key else {
            return;
        };
        let row = &self.row;
        let part = |c: &usize| {
            row.get(*c)
                .and_then(|v| v.as_deref())
                .filter(|v| !v.is_empty())
        };
        if key.columns.iter().any(|c| part(c).is_none()) {
            return;
        }
        let hash = key_hash(
            key.columns.iter().filter_map(part),
            key.ignore_case,
            &mut self.buf,
        );
        if self.baseline.index.contains_key(&hash) {
            return; // the export's own duplicate: the first record wins
        }
        let entry = match u32::try_from(self.baseline.entries.len()) {
            Ok(e) if (e as usize) < self.max_records => e,
            _ => {
                self.baseline.capped = true;
                return;
            }
        };
        self.baseline.index.insert(hash, entry);
        for (a, alt) in key.alternate.iter().enumerate() {
            if alt.columns.iter().any(|c| part(c).is_none()) {
                continue;
            }
            let h = key_hash(
                alt.columns.iter().filter_map(part),
                alt.ignore_case,
                &mut self.buf,
            );
            if let Some(map) = self.baseline.alternates.get_mut(a) {
                map.entry(h).or_insert(entry);
            }
        }
        let cell = |c: usize| row.get(c).and_then(|v| v.as_deref());
        let counted = self.target.relations.seats.as_ref().map_or(true, |s| {
            !s.uncounted.iter().any(|conds| all_hold(conds, &cell))
        });
        let text: Vec<&str> = key.columns.iter().filter_map(part).collect();
        self.baseline.entries.push(Entry {
            row: info.row,
            key: text.join(" + ").into_boxed_str(),
            counted,
        });
        for v in row {
            self.baseline
                .hashes
                .push(v.as_deref().map_or(ABSENT, cell_hash));
        }
    }
}

impl Sink for IndexSink {
    fn finding(&mut self, finding: Finding) {
        self.collector.add(&finding);
    }

    fn end_record(&mut self, info: &RecordInfo<'_>) {
        if info.role == RecordRole::Data {
            self.add_row(info);
        }
    }

    fn counted(&mut self, rows: u64, rows_with_errors: u64) {
        self.collector.set_rows(rows, rows_with_errors);
    }
}

/// Reads an export in chunks: [`BaselineReader::push`] them, then [`BaselineReader::finish`].
pub struct BaselineReader {
    engine: Engine<IndexSink>,
    key_names: Vec<String>,
    export_profile: Compiled,
}

impl BaselineReader {
    /// Prepares to read the export for checks against `profile`. Fails when the profile has no
    /// `key`, or its `plan.baselineProfile` is unknown or does not have the key columns.
    pub fn new(profile: &Profile, options: &CheckOptions) -> Result<BaselineReader, Error> {
        let target = Compiled::new(profile, &options.params)?;
        let Some(key) = &target.relations.key else {
            return Err(invalid(format!(
                "profile \"{}\" has no key, so it cannot be compared with an export",
                profile.id
            )));
        };
        let key_names = key.names.clone();
        let alternates = key.alternate.len();
        let export = match &target.relations.baseline_profile {
            Some(id) => builtin(id)?,
            None => profile.clone(),
        };
        // The export is the system's own file: tenant parameters, the name and the size of the
        // upload do not apply to it.
        let export_options = CheckOptions {
            params: Default::default(),
            file_name: None,
            file_size: None,
            ..options.clone()
        };
        let export_profile = Compiled::new(&export, &export_options.params)?;
        let to_target: Vec<Option<usize>> = export_profile
            .columns
            .iter()
            .map(|c| target.columns.iter().position(|t| t.name == c.name))
            .collect();
        for name in &key_names {
            if !export_profile.columns.iter().any(|c| &*c.name == name) {
                return Err(invalid(format!(
                    "the export profile \"{}\" has no key column \"{name}\"",
                    export.id
                )));
            }
        }
        let columns = target.columns.len();
        let sink = IndexSink {
            collector: Collector::new(
                options.lang,
                options.max_diagnostics,
                export.system_codes.clone(),
            ),
            max_records: options.limits.max_unique_keys,
            to_target,
            row: vec![None; columns],
            buf: String::new(),
            baseline: Baseline {
                profile_id: profile.id.clone(),
                columns,
                index: HashMap::new(),
                alternates: vec![HashMap::new(); alternates],
                entries: Vec::new(),
                hashes: Vec::new(),
                records: 0,
                capped: false,
                report: None,
            },
            target,
        };
        let mut engine = Engine::new(&export, export_options, sink)?;
        engine.store_all_columns();
        Ok(BaselineReader {
            engine,
            key_names,
            export_profile,
        })
    }

    /// Feeds the next chunk of the export.
    pub fn push(&mut self, chunk: &[u8]) {
        self.engine.push(chunk);
    }

    /// Ends the export. Fails when its header lacks a key column (nothing could be matched).
    pub fn finish(self) -> Result<Baseline, Error> {
        let (sink, profile, file_name, detected) = self.engine.finish();
        let IndexSink {
            collector,
            mut baseline,
            ..
        } = sink;
        let report = collector.finish(profile, file_name, detected);
        let present: Vec<String> = report
            .detected
            .header
            .iter()
            .filter_map(|label| self.export_profile.column_for_label(label))
            .filter_map(|c| self.export_profile.columns.get(c))
            .map(|c| c.name.to_string())
            .collect();
        if let Some(missing) = self.key_names.iter().find(|k| !present.contains(k)) {
            return Err(invalid(format!(
                "the export has no column \"{missing}\": its records cannot be matched"
            )));
        }
        baseline.report = Some(Box::new(report));
        Ok(baseline)
    }
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidBaseline { message })
}
