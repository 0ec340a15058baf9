//! The options object of `check`, `resultCsv` and `new Checker`.

use serde_json::value::RawValue;
use tsify::{Ts, Tsify};
use wasm_bindgen::{JsCast, JsValue};

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
    /// The checker's own bounds, each at least 1 (defaults: 1 MiB per field, 4096 fields, 4 MiB
    /// per record, 5,000,000 unique keys).
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
    let json = json_text(value, Root::Options { example })?;
    serde_json::from_str(&json).map_err(|e| invalid_options(json_error(&e)))
}

/// What a value given to [`json_text`] is, for the paths and examples of its messages.
#[derive(Clone, Copy)]
pub(super) enum Root<'a> {
    /// An options object; `example` is the least one (`{ profile: "..." }`). Its fields are
    /// named by their own names (`params.availableSeats`).
    Options {
        /// The least options object, shown when the options themselves are not one.
        example: &'a str,
    },
    /// A profile object given on its own (`convert`'s target): named `profile` (`profile.columns[0]`).
    Profile,
}

/// Deepest level of a value looked at for what JSON would change (far deeper than any option or
/// profile: a bound, so that no value can make the look endless).
const MAX_DEPTH: usize = 200;

/// `JSON.stringify(value)`: the one place where options (and profile objects) given from
/// JavaScript are turned into text. (An object with `toJSON`, such as a `Date`, is written as that
/// gives, and not looked into.)
///
/// JSON would silently change some values into others: a `Map` or a `Set` becomes `{}` (so a
/// tenant's `params` given as a `Map` would be dropped, and the seat limit with them), `NaN` and
/// `Infinity` become `null` (the default). Those are an `invalidOptions` error that names the
/// value, instead. A value JSON cannot hold at all (a `bigint`, a cycle) is one too.
pub(super) fn json_text(value: &JsValue, root: Root<'_>) -> Result<String, Error> {
    let json = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.dyn_into::<js_sys::JsString>().ok())
        .map(String::from)
        .ok_or_else(|| {
            let what = match root {
                Root::Options { .. } => "options",
                Root::Profile => "profile",
            };
            invalid_options(format!("the {what} cannot be written as JSON"))
        })?;
    let mut path = match root {
        Root::Options { .. } => String::new(),
        Root::Profile => "profile".to_string(),
    };
    match lossy(value, &mut path, 0) {
        Some(message) => Err(invalid_options(message_for(&path, message, root))),
        None => Ok(json),
    }
}

/// What JSON would silently change in a value.
#[derive(Clone, Copy)]
enum Lossy {
    Map,
    Set,
    /// A number JSON has no place for: `NaN`, `Infinity` or `-Infinity`.
    NotFinite(f64),
}

/// The first value under `value` that JSON would silently change, its path left in `path` (`params.availableSeats`, `profile.columns[0].title`), in the
/// order `JSON.stringify` visits them.
fn lossy(value: &JsValue, path: &mut String, depth: usize) -> Option<Lossy> {
    if !value.is_object() {
        let number = value.as_f64()?;
        return (!number.is_finite()).then_some(Lossy::NotFinite(number));
    }
    if depth > MAX_DEPTH {
        return None;
    }
    // What JSON writes for an object with `toJSON` (a `Date`) is what that gives, which is not
    // looked into: calling a function would take an import (Function.prototype.call) that could
    // reach any function, and the module's imports are kept free of that (no-network.test.mjs).
    let to_json = js_sys::Reflect::get(value, &JsValue::from_str("toJSON")).ok();
    if to_json.is_some_and(|f| f.is_function()) {
        return None;
    }
    if value.is_instance_of::<js_sys::Map>() {
        return Some(Lossy::Map);
    }
    if value.is_instance_of::<js_sys::Set>() {
        return Some(Lossy::Set);
    }
    let len = path.len();
    if js_sys::Array::is_array(value) {
        let array: &js_sys::Array = value.unchecked_ref();
        for (i, item) in array.iter().enumerate() {
            path.push_str(&format!("[{i}]"));
            if let Some(found) = lossy(&item, path, depth + 1) {
                return Some(found);
            }
            path.truncate(len);
        }
        return None;
    }
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        let item = js_sys::Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
        let identifier = name.chars().next().is_some_and(|c| !c.is_ascii_digit())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
        if path.is_empty() {
            path.push_str(&name);
        } else if identifier {
            path.push('.');
            path.push_str(&name);
        } else {
            let quoted = serde_json::to_string(&name).unwrap_or_default();
            path.push_str(&format!("[{quoted}]"));
        }
        if let Some(found) = lossy(&item, path, depth + 1) {
            return Some(found);
        }
        path.truncate(len);
    }
    None
}

/// The message for a value JSON would change, at `path` (empty: the options themselves).
fn message_for(path: &str, found: Lossy, root: Root<'_>) -> String {
    let (name, example) = match (path, root) {
        ("", Root::Options { example }) => ("options", format!(" such as {example}")),
        ("params", _) => (path, " such as { availableSeats: 100 }".to_string()),
        _ => (path, String::new()),
    };
    match found {
        Lossy::Map => format!(
            "{name} must be a plain object{example}, not a Map (Object.fromEntries(map) makes one)"
        ),
        Lossy::Set => format!("{name} must be an array, not a Set ([...set] makes one)"),
        Lossy::NotFinite(number) => {
            let number = if number.is_nan() {
                "NaN"
            } else if number > 0.0 {
                "Infinity"
            } else {
                "-Infinity"
            };
            format!("{name} must be a finite number, not {number}")
        }
    }
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
