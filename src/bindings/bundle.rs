//! Bundles from JavaScript: the files of one multi-file import (CELF users, groups and
//! affiliations) checked together, references between them resolved (the CLI's
//! `check --profile celf users.csv groups.csv affiliations.csv`).

use std::collections::BTreeMap;

use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use super::outcome::{thrown, to_js};
use super::{bytes_of, for_each_piece, Baseline};
use crate::bundle::{builtin_bundle, builtin_bundle_ids, Bundle, BundleOptions, BundleReport};
use crate::check::{CheckOptions, Limits, Progress};
use crate::decode::Lang;
use crate::error::{Error, ErrorKind};
use crate::profile::Params;

/// Which bundle to check, and how (the options of `check`, with `bundle` for `profile`).
#[derive(Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BundleCheckOptions {
    /// A built-in bundle id (see `bundles()`), e.g. `celf`.
    bundle: String,
    /// Tenant parameters by name, of any role's profile (each role takes the ones it declares).
    #[tsify(type = "Record<string, ParamValue>")]
    #[serde(default)]
    params: Params,
    /// Language of the messages (default `en`).
    #[serde(default)]
    lang: Option<Lang>,
    /// Most row-level diagnostics kept per file (default 1000; counts stay exact).
    #[serde(default)]
    max_diagnostics: Option<usize>,
    /// The checker's own bounds, each at least 1 (the defaults as `check`'s).
    #[tsify(type = "Partial<Limits>")]
    #[serde(default)]
    limits: Option<Limits>,
}

crate::de::record!(BundleCheckOptions {
    bundle: "bundle",
    params: "params"(default),
    lang: "lang"(default),
    max_diagnostics: "maxDiagnostics"(default),
    limits: "limits"(default),
});

/// Reads the options (as JSON, like `check`'s: a misspelt option is an error).
fn resolve(options: &Ts<BundleCheckOptions>) -> Result<(Bundle, CheckOptions), Error> {
    let options: BundleCheckOptions =
        super::options::read_json(&options.js_value(), "{ bundle: \"celf\" }")?;
    let bundle = builtin_bundle(&options.bundle)?;
    let defaults = CheckOptions::default();
    let check = CheckOptions {
        lang: options.lang.unwrap_or(defaults.lang),
        file_name: None,
        params: options.params,
        max_diagnostics: options.max_diagnostics.unwrap_or(defaults.max_diagnostics),
        limits: options.limits.unwrap_or(defaults.limits),
        // One set of options for files of different sizes.
        file_size: None,
    };
    Ok((bundle, check))
}

/// The role names of the constructor's `roles`: an array of strings (a typed error otherwise,
/// not wasm-bindgen's untyped one).
fn role_names(roles: &JsValue) -> Result<Vec<String>, Error> {
    let invalid = |what: String| {
        Error::new(ErrorKind::InvalidOptions {
            message: format!(
                "roles must be an array of role names such as [\"users\", \"groups\"]; {what}"
            ),
        })
    };
    if !js_sys::Array::is_array(roles) {
        return Err(invalid(format!("got {}", type_of(roles))));
    }
    let roles: &js_sys::Array = roles.unchecked_ref();
    let mut names = Vec::new();
    for (i, role) in roles.iter().enumerate() {
        names.push(
            role.as_string()
                .ok_or_else(|| invalid(format!("roles[{i}] is {}", type_of(&role))))?,
        );
    }
    Ok(names)
}

/// A JavaScript value's type for a message: `a number`, `null`, `an object`.
fn type_of(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    let name = value.js_typeof().as_string().unwrap_or_default();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    match name.as_str() {
        "undefined" => name,
        _ => format!("{article} {name}"),
    }
}

/// The built-in bundles: ids, titles, and each role's profile.
#[wasm_bindgen]
pub fn bundles() -> Result<Vec<Ts<Bundle>>, JsError> {
    builtin_bundle_ids()
        .map(|id| {
            let bundle = builtin_bundle(id).map_err(|e| JsError::new(&e.to_string()))?;
            to_js(&bundle)
        })
        .collect()
}

/// The role of a bundle file, recognised from its first bytes (its header) and, when the header
/// fits several roles alike (CELF users reduced to `id,name`, and groups), from `fileName`
/// ("user" → users, "group" → groups); else the role whose every column is there is assumed
/// (pass `recognized: true` to `BundleChecker.begin` and the report says so). `undefined` when no
/// role fits or nothing decides. Throws a `CsvPreflightError` when the options are invalid.
#[wasm_bindgen(js_name = bundleRole)]
pub fn bundle_role(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] head: JsValue,
    options: Ts<BundleCheckOptions>,
    #[wasm_bindgen(js_name = fileName)] file_name: Option<String>,
) -> Result<Option<String>, JsValue> {
    let (bundle, check) = resolve(&options).map_err(thrown)?;
    let head = bytes_of(&head).map_err(thrown)?.to_vec();
    let options = BundleOptions {
        check,
        baselines: BTreeMap::new(),
    };
    let probe = crate::bundle::BundleChecker::new(&bundle, options, &[]).map_err(thrown)?;
    Ok(probe.recognize_file(&head, file_name.as_deref()))
}

/// A streaming bundle check. Give the roles of the files you have, then each file in `order()`:
/// `begin(role, fileName)`, `push` its chunks, `end()`; `finish()` gives one report per file.
///
/// ```ts
/// const files: Record<string, File> = { users: usersFile, groups: groupsFile }; // the roles you have
/// const checker = new BundleChecker({ bundle: "celf" }, Object.keys(files));
/// for (const role of checker.order()) {
///   const file = files[role]!; // order() lists only the roles given
///   checker.begin(role, file.name);
///   checker.push(new Uint8Array(await file.arrayBuffer())); // or in chunks
///   checker.end();
/// }
/// const report = checker.finish(); // { valid, bundle, files: [{ role, report }] }
/// ```
#[wasm_bindgen]
pub struct BundleChecker {
    inner: crate::bundle::BundleChecker,
    buf: Vec<u8>,
}

#[wasm_bindgen]
impl BundleChecker {
    /// Prepares a check of the files of `roles` (the roles of the files that will be given, each
    /// once). Throws a `CsvPreflightError` when the bundle, a role, a parameter or an option is
    /// invalid; `finish()` throws one when a role declared here got no file.
    #[wasm_bindgen(constructor)]
    pub fn new(
        options: Ts<BundleCheckOptions>,
        #[wasm_bindgen(unchecked_param_type = "string[]")] roles: JsValue,
    ) -> Result<BundleChecker, JsValue> {
        let (bundle, check) = resolve(&options).map_err(thrown)?;
        let options = BundleOptions {
            check,
            baselines: BTreeMap::new(),
        };
        let roles = role_names(&roles).map_err(thrown)?;
        let present: Vec<&str> = roles.iter().map(String::as_str).collect();
        let inner =
            crate::bundle::BundleChecker::new(&bundle, options, &present).map_err(thrown)?;
        Ok(BundleChecker {
            inner,
            buf: Vec::new(),
        })
    }

    /// Checks `role`'s file against the system's current export of it (a `Baseline` read for
    /// the role's profile, e.g. `celf/users`): its plan, and references to records the export
    /// has. Call before the first `begin`.
    #[wasm_bindgen(js_name = setBaseline)]
    pub fn set_baseline(&mut self, role: &str, baseline: &Baseline) -> Result<(), JsValue> {
        let baseline = baseline.get().map_err(thrown)?;
        self.inner.add_baseline(role, baseline).map_err(thrown)
    }

    /// The roles given to the constructor, in checking order: every role after the roles it
    /// references. Give their files in this order.
    pub fn order(&self) -> Vec<String> {
        self.inner.order()
    }

    /// Starts the file of `role` (ending the previous one). `recognized`: the role came from
    /// `bundleRole`, not from the administrator; when it was assumed (the header fits several
    /// roles alike and the file name tells none of them apart) the report has a `role-assumed`
    /// warning. Throws when the role is unknown, was given already, or references a role whose
    /// file comes later.
    pub fn begin(
        &mut self,
        role: &str,
        #[wasm_bindgen(js_name = fileName)] file_name: Option<String>,
        recognized: Option<bool>,
    ) -> Result<(), JsValue> {
        let name = file_name.as_deref();
        let begun = match recognized {
            Some(true) => self.inner.begin_recognized(role, name),
            _ => self.inner.begin(role, name),
        };
        begun.map_err(thrown)
    }

    /// Feeds the next chunk of the current file. Throws when `chunk` is not bytes, or when no
    /// file was begun (or it was ended).
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] chunk: JsValue,
    ) -> Result<(), JsValue> {
        let chunk = bytes_of(&chunk).map_err(thrown)?;
        let inner = &mut self.inner;
        let mut result = Ok(());
        for_each_piece(&chunk, &mut self.buf, |piece| {
            if result.is_ok() {
                result = inner.push(piece);
            }
        });
        result.map_err(thrown)
    }

    /// How far the check has got, over every file given so far: bytes pushed and records read
    /// (headers included). A file's records are counted once its first 64 KiB are pushed, or
    /// when it ends.
    #[wasm_bindgen(getter)]
    pub fn progress(&self) -> Result<Ts<Progress>, JsError> {
        to_js(&self.inner.progress())
    }

    /// Ends the current file.
    pub fn end(&mut self) -> Result<(), JsValue> {
        self.inner.end().map_err(thrown)
    }

    /// Ends the bundle and returns one report per file (the same as the CLI's `--format json`).
    /// Throws a `CsvPreflightError` (kind `invalidOptions`) when a role given to the constructor
    /// got no file. The checker cannot be used afterwards.
    pub fn finish(self) -> Result<Ts<BundleReport>, JsValue> {
        let report = self.inner.finish().map_err(thrown)?;
        Ok(to_js(&report)?)
    }
}
