//! The engine: bytes in (any chunking), findings out, one pass, bounded memory.
//!
//! ```text
//! push(chunk) ─► prelude (BOM, UTF-16, delimiter from the first 64 KiB)
//!             ─► tokenizer (raw bytes; UTF-16 is transcoded first)
//!             ─► records ─► encoding decision (evidence from the first non-ASCII cells)
//!             ─► preamble / header / data rows ─► rules ─► sink (report or result CSV)
//! ```
//! Every decision depends on the bytes only, never on how they were chunked, so a streaming check
//! gives the same report as a whole-buffer check.

mod ahead;
mod cells;
mod engine;
mod legacy;
mod long_numbers;
mod options;
mod prelude;
mod quick;
mod records;
mod sink;
mod tracking;

pub(crate) use engine::Engine;
pub use options::{CheckOptions, Limits, Progress};
pub(crate) use sink::{RecordInfo, RecordRole, Sink};
pub(crate) use tracking::Context;

use std::sync::Arc;

use crate::error::Error;
use crate::plan::{Baseline, KeySet};
use crate::profile::Profile;
use crate::report::{Collector, Report};

/// A streaming check: feed chunks with [`Checker::push`], then call [`Checker::finish`].
///
/// The chunks may be of any size and split anywhere (inside a quoted field, a multi-byte
/// character, a CRLF): the report is the same as [`check`]'s for the whole file. Memory stays
/// bounded by [`CheckOptions::limits`], not by the file's size.
///
/// ```
/// use csv_preflight::{builtin, check, CheckOptions, Checker};
///
/// let profile = builtin("fujifilm-iwpro/add-users")?;
/// let csv = "mail_address,family_name,given_name,language,group,option,company_name,\
///            department_name,job_title_name,device_user_id,iccard_number\r\n\
///            taro@example.com,山田,太郎,JA,,,,,,,\r\n\
///            hanako@example.com,佐藤,花子,ja,,,,,,,\r\n";
///
/// let mut checker = Checker::new(&profile, CheckOptions::default())?;
/// for chunk in csv.as_bytes().chunks(5) {
///     checker.push(chunk);
/// }
/// assert_eq!(checker.progress().bytes, csv.len() as u64);
/// let report = checker.finish();
///
/// assert_eq!(report.summary.rows, 2);
/// assert_eq!(report.summary.rows_with_errors, 1);
/// assert_eq!(report, check(csv.as_bytes(), &profile, CheckOptions::default())?);
/// # Ok::<(), csv_preflight::Error>(())
/// ```
pub struct Checker {
    engine: Engine<Collector>,
}

impl Checker {
    /// Prepares a check; fails when the profile or the parameters are invalid.
    pub fn new(profile: &Profile, options: CheckOptions) -> Result<Checker, Error> {
        let collector = Collector::new(
            options.lang,
            options.max_diagnostics,
            profile.system_codes.clone(),
        );
        Ok(Checker {
            engine: Engine::new(profile, options, collector)?,
        })
    }

    /// Prepares a check against the system's current export: the report gets a
    /// [`Plan`](crate::plan::Plan), and the rules that need the export (new records, read-only
    /// columns, delete mode, second identities) run. Fails when the baseline was read for another
    /// profile.
    pub fn with_baseline(
        profile: &Profile,
        options: CheckOptions,
        baseline: Arc<Baseline>,
    ) -> Result<Checker, Error> {
        Self::with_context(
            profile,
            options,
            Context {
                baseline: Some(baseline),
                ..Context::default()
            },
        )
    }

    /// A check with everything it knows beyond the file.
    pub(crate) fn with_context(
        profile: &Profile,
        options: CheckOptions,
        context: Context,
    ) -> Result<Checker, Error> {
        let collector = Collector::new(
            options.lang,
            options.max_diagnostics,
            profile.system_codes.clone(),
        );
        Ok(Checker {
            engine: Engine::with_context(profile, options, collector, context)?,
        })
    }

    /// Feeds the next chunk of the file (any size).
    pub fn push(&mut self, chunk: &[u8]) {
        self.engine.push(chunk);
    }

    /// How far the check has got.
    pub fn progress(&self) -> Progress {
        self.engine.progress()
    }

    /// Ends the input and returns the report.
    pub fn finish(self) -> Report {
        self.finish_with_keys().0
    }

    /// Ends the input; also returns the file's key hashes when the context asked for them.
    pub(crate) fn finish_with_keys(self) -> (Report, Option<KeySet>) {
        let (mut collector, profile, file_name, detected) = self.engine.finish();
        let keys = collector.keys.take();
        (collector.finish(profile, file_name, detected), keys)
    }
}

/// Checks a whole file held in memory (see [`Checker`] for the streaming form).
///
/// Problems in the file are diagnostics in the [`Report`], never an `Err`; `Err` means the check
/// could not run (invalid profile, unknown or mistyped parameter, a limit of 0).
///
/// ```
/// use csv_preflight::{builtin, check, CheckOptions, Lang};
///
/// let profile = builtin("fujifilm-iwpro/add-users")?;
/// let csv = "mail_address,family_name,given_name,language,group,option,company_name,\
///            department_name,job_title_name,device_user_id,iccard_number\r\n\
///            taro@example.com,山田,太郎,JA,,,,,,,\r\n";
/// let options = CheckOptions { lang: Lang::En, ..CheckOptions::default() };
/// let report = check(csv.as_bytes(), &profile, options)?;
///
/// assert!(!report.valid);
/// let d = &report.diagnostics[0];
/// assert_eq!((d.code.as_str(), d.row, d.column.as_deref()), ("not-in-list", Some(2), Some("language")));
/// assert_eq!(d.value.as_deref(), Some("JA"));
/// assert_eq!(d.message, r#"not an accepted value; expected "ja", "en""#);
/// # Ok::<(), csv_preflight::Error>(())
/// ```
pub fn check(bytes: &[u8], profile: &Profile, options: CheckOptions) -> Result<Report, Error> {
    let mut checker = Checker::new(profile, options.for_whole(bytes.len()))?;
    checker.push(bytes);
    Ok(checker.finish())
}
