//! The options object of `check`, `resultCsv` and `new Checker`.

use serde_json::value::RawValue;
use tsify::{Ts, Tsify};
use wasm_bindgen::JsCast;

use crate::check::{CheckOptions, Limits};
use crate::decode::Lang;
use crate::error::{Error, ErrorKind};
use crate::profile::{builtin, Params, Profile};

/// What to check against, and how.
#[derive(Tsify)]
#[tsify(rename = "CheckOptions", missing_as_null, hashmap_as_object)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// A built-in profile id (see `profiles()`), or a custom profile: an object in the format of
    /// `profile(id)` (its JSON Schema ships as `profile.schema.json`) or that JSON as text.
    #[tsify(type = "string | Profile")]
    profile: Box<RawValue>,
    /// Tenant parameters by name (see `profiles()` for each profile's parameters).
    #[tsify(type = "Record<string, ParamValue>")]
    #[serde(default)]
    params: Params,
    /// Language of the messages (default `en`).
    #[serde(default)]
    lang: Option<Lang>,
    /// The file's name, for the file-name rule.
    #[serde(default)]
    file_name: Option<String>,
    /// Most row-level diagnostics kept in the report (default 1000; counts stay exact).
    #[serde(default)]
    max_diagnostics: Option<usize>,
    /// The checker's own bounds (defaults: 1 MiB per field, 4096 fields, 5,000,000 unique keys).
    #[tsify(type = "Partial<Limits>")]
    #[serde(default)]
    limits: Option<Limits>,
    /// The file's size in bytes, when known (`file.size`; `check` and `resultCsv` use their
    /// input's length, and `checkFile` the file's size): a hint for a streaming `Checker`. The
    /// unique keys' indexes are then sized once for the whole file instead of doubling as they
    /// fill. A wrong size changes memory and speed only, never the report.
    #[serde(default)]
    file_size: Option<u64>,
}

crate::de::record!(Options {
    profile: "profile",
    params: "params"(default),
    lang: "lang"(default),
    file_name: "fileName"(default),
    max_diagnostics: "maxDiagnostics"(default),
    limits: "limits"(default),
    file_size: "fileSize"(default),
});

impl crate::de::Blank for Box<RawValue> {
    fn blank() -> Self {
        // Never seen: `profile` is required, so it is overwritten or the options are an error.
        RawValue::NULL.to_owned()
    }
}

fn invalid_options(message: String) -> Error {
    Error::new(ErrorKind::InvalidOptions { message })
}

/// Reads an options object as JSON (`JSON.stringify`), so that a misspelt option is an error;
/// `example` shows the least such object in the message for a value that is not one.
pub(super) fn read_json<T: serde::de::DeserializeOwned>(
    value: &wasm_bindgen::JsValue,
    example: &str,
) -> Result<T, Error> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(invalid_options(format!(
            "options must be an object such as {example}"
        )));
    }
    let json = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.dyn_into::<js_sys::JsString>().ok())
        .map(String::from)
        .ok_or_else(|| invalid_options("the options cannot be written as JSON".into()))?;
    serde_json::from_str(&json).map_err(|e| invalid_options(json_error(&e)))
}

/// A JSON error in options read through `JSON.stringify`, without its line and column: they are
/// places in text the caller never wrote.
pub(super) fn json_error(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let place = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&place) {
        Some(message) => message.to_string(),
        None => text,
    }
}

/// The library's checker for `options`, against `baseline` (ended) when given, for an input of
/// `whole` bytes when it is held whole.
pub(super) fn checker(
    options: &Ts<Options>,
    baseline: Option<&super::Baseline>,
    whole: Option<u32>,
) -> Result<crate::Checker, Error> {
    let (profile, mut options) = resolve(options)?;
    if let Some(len) = whole {
        options = options.for_whole(len as usize);
    }
    match baseline {
        Some(b) => crate::Checker::with_baseline(&profile, options, b.get()?),
        None => crate::Checker::new(&profile, options),
    }
}

/// Reads the options and the profile (built-in, or custom through the same JSON reader as the CLI).
///
/// The options object is read as JSON (`JSON.stringify`), so that a misspelt option is an error and
/// a profile object is read exactly like a profile file.
pub(super) fn resolve(options: &Ts<Options>) -> Result<(Profile, CheckOptions), Error> {
    let options: Options = read_json(
        &options.js_value(),
        "{ profile: \"fujifilm-iwpro/add-users\" }",
    )?;
    let spec = options.profile.get();
    let profile = if spec.starts_with('{') {
        Profile::from_json(spec)?
    } else if let Ok(text) = serde_json::from_str::<String>(spec) {
        if text.trim_start().starts_with('{') {
            Profile::from_json(&text)?
        } else {
            builtin(&text)?
        }
    } else {
        return Err(invalid_options(
            "profile must be a built-in profile id or a profile object".into(),
        ));
    };
    let defaults = CheckOptions::default();
    let options = CheckOptions {
        lang: options.lang.unwrap_or(defaults.lang),
        file_name: options.file_name,
        params: options.params,
        max_diagnostics: options.max_diagnostics.unwrap_or(defaults.max_diagnostics),
        limits: options.limits.unwrap_or(defaults.limits),
        file_size: options.file_size,
    };
    Ok((profile, options))
}
