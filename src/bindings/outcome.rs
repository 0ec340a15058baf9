//! What crosses back to JavaScript: tagged `{ type: "success" | "failure" }` values.

use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::{JsError, JsValue};

use crate::decode::TextEncoding;
use crate::error::{Error, ErrorKind};
use crate::profile::Profile;
use crate::report::{Report, ResultCsv};

/// Why a call could not run (never a problem in the file: those are diagnostics). One member per
/// kind of `ErrorKind`: testing `kind` narrows `detail` to that kind's own fields.
// The TypeScript type is written here because the derived one would leave `kind` and `detail`
// unrelated (a string and the whole union); it is built from the generated `ErrorKind`, so a new
// kind joins it by itself. The value is the struct's: `{ kind, message, detail }`.
#[derive(Debug, Serialize, Tsify)]
#[tsify(type = r#"{ [K in ErrorKind["kind"]]: {
    /**
     * What kind of failure (`unknownProfile`, `invalidProfile`, `invalidOptions`, ...): testing
     * it narrows `detail`.
     */
    kind: K;
    /** One line for people, e.g. `unknown profile "x"`. */
    message: string;
    /** The same, with the kind's own fields (the id asked for, the parameter, ...). */
    detail: Extract<ErrorKind, { kind: K }>;
} }[ErrorKind["kind"]]"#)]
pub struct Failure {
    /// What kind of failure: `detail`'s tag (`unknownProfile`, `invalidProfile`, ...).
    pub kind: String,
    /// One line for people, e.g. `unknown profile "x"`.
    pub message: String,
    /// The same, with the kind's own fields (the id asked for, the parameter, ...).
    pub detail: ErrorKind,
}

impl From<&Error> for Failure {
    fn from(error: &Error) -> Self {
        Failure {
            kind: error.kind().name().to_string(),
            message: error.to_string(),
            detail: error.kind().clone(),
        }
    }
}

impl Failure {
    /// The failure as a thrown JavaScript `Error` (name `CsvPreflightError`) carrying `kind` and
    /// `detail`, for the one place that cannot return a value: the `Checker` constructor.
    pub(super) fn into_js_error(self) -> JsValue {
        let error = js_sys::Error::new(&self.message);
        error.set_name("CsvPreflightError");
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        for (key, value) in [
            ("kind", self.kind.serialize(&serializer)),
            ("detail", self.detail.serialize(&serializer)),
        ] {
            if let Ok(value) = value {
                // Setting a property on a fresh Error object cannot fail.
                let _ = js_sys::Reflect::set(&error, &JsValue::from_str(key), &value);
            }
        }
        error.into()
    }
}

#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const CSV_PREFLIGHT_ERROR: &'static str = r#"
/**
 * What csv-preflight throws when a call cannot run (`new Checker` with a bad profile or option, a
 * misused or finished object, a bug: kind `internal`): an `Error` named `CsvPreflightError` with
 * the fields of a `Failure`, so that testing `kind` narrows `detail` as on a `Failure`. Test for
 * one with `isCsvPreflightError(error)`.
 */
export type CsvPreflightError = Error & Failure & {
    name: "CsvPreflightError";
};
"#;

/// Whether `error` is an error csv-preflight threw (a `CsvPreflightError`: `name`
/// `"CsvPreflightError"`, with `kind` and `detail`), so that a `catch` can read its fields with
/// their types. `checkFile`'s rejections (the class of `csv-preflight/worker`) are ones too.
#[wasm_bindgen::prelude::wasm_bindgen(
    js_name = isCsvPreflightError,
    unchecked_return_type = "error is CsvPreflightError"
)]
pub fn is_csv_preflight_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] error: JsValue,
) -> bool {
    let field = |name: &str| js_sys::Reflect::get(&error, &JsValue::from_str(name)).ok();
    error.is_object()
        && field("name").and_then(|n| n.as_string()).as_deref() == Some("CsvPreflightError")
        && field("kind").is_some_and(|k| k.is_string())
        && field("message").is_some_and(|m| m.is_string())
}

/// `error` as the thrown `CsvPreflightError`, for the calls that cannot return a value
/// (constructors, and methods of a class whose misuse is a programming error).
pub(super) fn thrown(error: Error) -> JsValue {
    Failure::from(&error).into_js_error()
}

/// The result of `check`.
#[derive(Serialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum CheckResult {
    /// The check ran; `report.valid` says whether the file is good.
    Success {
        /// The report, the same as the CLI's `--format json`.
        report: Box<Report>,
    },
    /// The check could not run.
    Failure {
        /// Why.
        error: Failure,
    },
}

impl From<Result<Report, Error>> for CheckResult {
    fn from(result: Result<Report, Error>) -> Self {
        match result {
            Ok(report) => CheckResult::Success {
                report: Box::new(report),
            },
            Err(e) => CheckResult::Failure {
                error: Failure::from(&e),
            },
        }
    }
}

/// The result of `resultCsv`.
#[derive(Serialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ResultCsvResult {
    /// The file's rows with `result`, `codes` and `messages` columns.
    Success {
        /// The bytes of the result CSV.
        #[tsify(type = "Uint8Array")]
        #[serde(with = "serde_wasm_bindgen::preserve")]
        bytes: js_sys::Uint8Array,
        /// The encoding they are in (the input's, or UTF-8 with a BOM when the input's cannot
        /// hold the messages).
        encoding: TextEncoding,
    },
    /// The check could not run.
    Failure {
        /// Why.
        error: Failure,
    },
}

impl From<Result<ResultCsv, Error>> for ResultCsvResult {
    fn from(result: Result<ResultCsv, Error>) -> Self {
        match result {
            Ok(csv) => ResultCsvResult::Success {
                bytes: js_sys::Uint8Array::from(csv.bytes.as_slice()),
                encoding: csv.encoding,
            },
            Err(e) => ResultCsvResult::Failure {
                error: Failure::from(&e),
            },
        }
    }
}

/// The result of `profile(id)`.
#[derive(Serialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ProfileResult {
    /// The profile.
    Success {
        /// The profile object.
        profile: Box<Profile>,
    },
    /// No built-in profile has this id.
    Failure {
        /// Why.
        error: Failure,
    },
}

impl From<Result<Profile, Error>> for ProfileResult {
    fn from(result: Result<Profile, Error>) -> Self {
        match result {
            Ok(profile) => ProfileResult::Success {
                profile: Box::new(profile),
            },
            Err(e) => ProfileResult::Failure {
                error: Failure::from(&e),
            },
        }
    }
}

/// Converts a value into a plain JSON-compatible JavaScript value (maps as objects, `None` as
/// `null`), so that it serializes to the same JSON as the CLI prints.
pub(super) fn to_js<T: Serialize + Tsify>(value: &T) -> Result<Ts<T>, JsError> {
    let js = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
    Ok(Ts::new_unchecked(js))
}
