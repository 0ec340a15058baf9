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

mod engine;
mod options;
mod prelude;
mod records;
mod sink;

pub(crate) use engine::Engine;
pub use options::{CheckOptions, Limits, Progress};
pub(crate) use sink::{RecordInfo, RecordRole, Sink};

use crate::error::Error;
use crate::profile::Profile;
use crate::report::{Collector, Report};

/// A streaming check: feed chunks with [`Checker::push`], then call [`Checker::finish`].
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
        let (collector, profile, file_name, detected) = self.engine.finish();
        collector.finish(profile, file_name, detected)
    }
}

/// Checks a whole file held in memory.
pub fn check(bytes: &[u8], profile: &Profile, options: CheckOptions) -> Result<Report, Error> {
    let mut checker = Checker::new(profile, options)?;
    checker.push(bytes);
    Ok(checker.finish())
}
