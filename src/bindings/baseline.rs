//! The `Baseline` class: the target system's own current export, read once, checked against.

use std::sync::Arc;

use tsify::Ts;
use wasm_bindgen::prelude::*;

use super::outcome::{thrown, to_js};
use super::{bytes_of, for_each_piece, options, Options};
use crate::error::{Error, ErrorKind};
use crate::plan::BaselineReader;
use crate::report::Report;

/// The target system's current export (FLAT's user list, Canon's address book, ...), read in
/// chunks like a checked file: `push` them, then `end`. A check against it (`Checker.withBaseline`,
/// `checkWithBaseline`) gets a `plan` (which rows add, update or leave users unchanged, what a
/// total import deletes, seats after import) and the rules that need the export, as the CLI's
/// `--baseline`. One baseline serves any number of checks.
///
/// ```js
/// const baseline = new Baseline({ profile: "flat/users-total" });
/// baseline.push(exportBytes);
/// const exportReport = baseline.end(); // the export's own findings
/// const checker = Checker.withBaseline({ profile: "flat/users-total", fileName }, baseline);
/// ```
#[wasm_bindgen]
pub struct Baseline {
    reader: Option<BaselineReader>,
    read: Option<Arc<crate::plan::Baseline>>,
    buf: Vec<u8>,
}

fn invalid(message: &str) -> Error {
    Error::new(ErrorKind::InvalidBaseline {
        message: message.into(),
    })
}

#[wasm_bindgen]
impl Baseline {
    /// Prepares to read the export for checks against `options.profile` (with the same
    /// parameters). Throws a `CsvPreflightError` when the profile is invalid or has no key to
    /// match records by.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Ts<Options>) -> Result<Baseline, JsValue> {
        let (profile, options) = options::resolve(&options).map_err(thrown)?;
        let reader = BaselineReader::new(&profile, &options).map_err(thrown)?;
        Ok(Baseline {
            reader: Some(reader),
            read: None,
            buf: Vec::new(),
        })
    }

    /// Feeds the next chunk of the export. Throws when `chunk` is not bytes, or after `end`.
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] chunk: JsValue,
    ) -> Result<(), JsValue> {
        let chunk = bytes_of(&chunk).map_err(thrown)?;
        let reader = self
            .reader
            .as_mut()
            .ok_or_else(|| thrown(invalid("the export was already ended")))?;
        for_each_piece(&chunk, &mut self.buf, |piece| reader.push(piece));
        Ok(())
    }

    /// Ends the export and returns its own report (what is wrong in the export itself; the plan
    /// uses the records it could read). Throws a `CsvPreflightError` (kind `invalidBaseline`)
    /// when its header lacks a key column, so that no record could be matched.
    pub fn end(&mut self) -> Result<Ts<Report>, JsValue> {
        let reader = self
            .reader
            .take()
            .ok_or_else(|| thrown(invalid("the export was already ended")))?;
        let baseline = reader.finish().map_err(thrown)?;
        // `finish` always keeps the export's report; a missing one would be a bug of the library.
        let report = baseline.report().ok_or_else(|| {
            thrown(Error::new(ErrorKind::Internal {
                message: "the export's report is missing".into(),
            }))
        })?;
        let report = to_js(report)?;
        self.read = Some(Arc::new(baseline));
        self.buf = Vec::new();
        Ok(report)
    }
}

impl Baseline {
    /// The export, once ended.
    pub(super) fn get(&self) -> Result<Arc<crate::plan::Baseline>, Error> {
        self.read
            .clone()
            .ok_or_else(|| invalid("the export is still being read: call end() first"))
    }
}
