//! The streaming `Checker` class.

use tsify::Ts;
use wasm_bindgen::prelude::*;

use super::outcome::{thrown, to_js};
use super::{bytes_of, for_each_piece, options, Baseline, Options};
use crate::check::Progress;
use crate::error::Error;
use crate::report::Report;

/// A streaming check: `push` the file's chunks in order (any sizes), then `finish`.
///
/// ```js
/// const checker = new Checker({ profile: "fujifilm-iwpro/add-users", fileName: file.name });
/// const reader = file.stream().getReader();
/// for (let next = await reader.read(); !next.done; next = await reader.read()) checker.push(next.value);
/// const report = checker.finish();
/// ```
#[wasm_bindgen]
pub struct Checker {
    inner: crate::Checker,
    buf: Vec<u8>,
}

#[wasm_bindgen]
impl Checker {
    /// Prepares a check. Throws a `CsvPreflightError` (with `kind`, `message` and `detail`, the
    /// fields of a `Failure`) when the profile, the parameters or the options are invalid.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Ts<Options>) -> Result<Checker, JsValue> {
        Checker::start(&options, None).map_err(thrown)
    }

    /// Prepares a check against the target system's current export (see `Baseline`): the report
    /// gets a `plan`, and the rules that need the export run. Throws like the constructor, and
    /// when the baseline was not ended or was read for another profile.
    #[wasm_bindgen(js_name = withBaseline)]
    pub fn with_baseline(options: Ts<Options>, baseline: &Baseline) -> Result<Checker, JsValue> {
        Checker::start(&options, Some(baseline)).map_err(thrown)
    }

    /// Feeds the next chunk of the file. Throws a `CsvPreflightError` (kind `invalidOptions`)
    /// when `chunk` is not bytes.
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] chunk: JsValue,
    ) -> Result<(), JsValue> {
        let chunk = bytes_of(&chunk).map_err(thrown)?;
        let inner = &mut self.inner;
        for_each_piece(&chunk, &mut self.buf, |piece| {
            #[cfg(feature = "test-panic")]
            super::panic::panic_on_marker(piece);
            inner.push(piece)
        });
        Ok(())
    }

    /// How far the check has got: bytes pushed and records read (header included). `records`
    /// stays 0 until the first 64 KiB are pushed (they decide the encoding and the delimiter
    /// before any record is read), or until `finish()` for a smaller file.
    #[wasm_bindgen(getter)]
    pub fn progress(&self) -> Result<Ts<Progress>, JsError> {
        to_js(&self.inner.progress())
    }

    /// Ends the input and returns the report (the same as the CLI's `--format json`). The checker
    /// cannot be used afterwards.
    pub fn finish(self) -> Result<Ts<Report>, JsError> {
        to_js(&self.inner.finish())
    }
}

impl Checker {
    /// A checker for `options`, against `baseline` when given.
    fn start(options: &Ts<Options>, baseline: Option<&Baseline>) -> Result<Checker, Error> {
        Ok(Checker {
            inner: options::checker(options, baseline, None)?,
            buf: Vec::new(),
        })
    }
}
