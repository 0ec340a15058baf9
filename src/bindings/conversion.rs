//! `convert`: the library's conversion of a whole file, as one call.

use js_sys::Uint8Array;
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use super::options::{json_text, read_json, Root};
use super::outcome::{to_js, Failure};
use super::{bytes_of, for_each_piece};
use crate::convert::{ConvertOptions, ConvertResult, ConvertStatus, Converter};
use crate::error::{Error, ErrorKind};
use crate::profile::{builtin, Profile};

/// The result of `convert`.
#[derive(Serialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ConvertOutcome {
    /// The conversion ran; `result.status` says whether `bytes` is the file to upload (`ready`),
    /// a file with errors written anyway (`forced`), or nothing (`refused`, `result.refusal` says
    /// why).
    Success {
        /// The converted file (empty when refused).
        #[tsify(type = "Uint8Array")]
        #[serde(with = "serde_wasm_bindgen::preserve")]
        bytes: Uint8Array,
        /// Everything else: file name, mapping, change log, diagnostics, re-check report.
        result: Box<ConvertResult>,
    },
    /// The conversion could not run.
    Failure {
        /// Why.
        error: Failure,
    },
}

fn invalid(message: &str) -> Error {
    Error::new(ErrorKind::InvalidOptions {
        message: message.to_string(),
    })
}

/// A built-in profile id, a profile object, or a profile's JSON text.
fn profile_of(to: &JsValue) -> Result<Profile, Error> {
    match to.as_string() {
        Some(text) if text.trim_start().starts_with('{') => Profile::from_json(&text),
        Some(id) => builtin(&id),
        None if to.is_object() => Profile::from_json(&json_text(to, Root::Profile)?),
        None => Err(invalid(
            "the target must be a built-in profile id or a profile object",
        )),
    }
}

/// The options, read as JSON so that a misspelt option is an error; `undefined` or `null` for the
/// defaults.
fn options_of(options: &JsValue) -> Result<ConvertOptions, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(ConvertOptions::default());
    }
    read_json(options, "{ date: \"2026-11-21\" }")
}

fn run(
    input: &JsValue,
    to: &JsValue,
    options: &JsValue,
) -> Result<(Vec<u8>, ConvertResult), Error> {
    let input = bytes_of(input)?;
    let target = profile_of(to)?;
    let mut converter = Converter::new(&target, options_of(options)?)?;
    let mut out = Vec::new();
    for_each_piece(&input, &mut Vec::new(), |piece| {
        converter.push(piece);
        out.extend(converter.take_output());
    });
    let mut result = converter.finish()?;
    if result.status == ConvertStatus::Refused {
        out.clear();
    } else {
        out.append(&mut result.bytes);
    }
    Ok((out, result))
}

/// Converts a whole file to the target profile (`to`: a built-in id or a profile object): maps
/// the columns (suggested, or `options.mapping`), repairs, re-encodes and re-checks it.
#[wasm_bindgen]
pub fn convert(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Profile")] to: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ConvertOptions")] options: JsValue,
) -> Result<Ts<ConvertOutcome>, JsError> {
    let outcome = match run(&input, &to, &options) {
        Ok((bytes, result)) => ConvertOutcome::Success {
            bytes: Uint8Array::from(bytes.as_slice()),
            result: Box::new(result),
        },
        Err(e) => ConvertOutcome::Failure {
            error: Failure::from(&e),
        },
    };
    to_js(&outcome)
}
