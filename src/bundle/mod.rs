//! Bundles: the files of one multi-file import (CELF users + groups + affiliations) checked
//! together, with references between them resolved against the other files and their baselines.
//!
//! ```text
//! users.csv ──► Checker (keys collected) ──┐
//! groups.csv ─► Checker (keys collected) ──┼─► affiliations.csv ─► Checker (foreign keys)
//! baselines (per role) ────────────────────┘
//! ```
//! Files are checked one after the other, referenced roles first, each streaming; memory is the
//! key indexes (one 64-bit hash per record) plus one file's engine.

mod model;
mod roles;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use model::{builtin_bundle, builtin_bundle_ids, Bundle, BundleRole};
pub use roles::RECOGNITION_WINDOW;
pub(crate) use roles::{recognize_labels, Candidate};

use crate::check::{CheckOptions, Checker, Context, Progress};
use crate::error::{Error, ErrorKind};
use crate::plan::{Baseline, KeySet, ReferenceSets};
use crate::profile::{Compiled, ImportMode, Params, Profile};
use crate::report::Report;
use crate::rules::role_assumed::RoleCheck;

/// One file of a bundle check.
#[derive(Debug, Clone, Copy)]
pub struct BundleInput<'a> {
    /// Its role (`users`), or `None` to recognise it by its header (and, when the header fits
    /// several roles alike, by its name).
    pub role: Option<&'a str>,
    /// Its name, shown in diagnostics (`file`).
    pub name: Option<&'a str>,
    /// Its bytes.
    pub bytes: &'a [u8],
}

/// Options of a bundle check.
#[derive(Debug, Clone, Default)]
pub struct BundleOptions {
    /// Language, limits and the tenant parameters of every role (each profile takes the ones it
    /// declares; a name no role declares is an error).
    pub check: CheckOptions,
    /// The system's current exports, by role.
    pub baselines: BTreeMap<String, Arc<Baseline>>,
}

/// The reports of a bundle check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BundleReport {
    /// No file has an error.
    pub valid: bool,
    /// The bundle checked against.
    pub bundle: String,
    /// One report per file, in the order they were checked (referenced roles first).
    pub files: Vec<BundleFile>,
}

/// The report of one file of a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "camelCase")]
pub struct BundleFile {
    /// The file's role.
    pub role: String,
    /// The report; every diagnostic names the file in `file`.
    pub report: Report,
}

/// A role, ready to check.
struct RoleState {
    role: String,
    profile: Profile,
    compiled: Compiled,
    params: Params,
    /// The file's key hashes, once checked.
    keys: Option<Arc<KeySet>>,
    /// Whether a file will be (or was) given for the role.
    present: bool,
    done: bool,
}

/// A streaming bundle check: [`BundleChecker::begin`] a file, [`BundleChecker::push`] its
/// chunks, [`BundleChecker::end`] it; referenced roles first ([`BundleChecker::order`]).
pub struct BundleChecker {
    bundle: String,
    options: BundleOptions,
    roles: Vec<RoleState>,
    /// The roles as recognition sees them.
    candidates: Arc<[Candidate]>,
    current: Option<(usize, Option<String>, Checker)>,
    files: Vec<BundleFile>,
}

impl BundleChecker {
    /// Prepares a bundle check of the files of `present` roles (the others are not given).
    pub fn new(
        bundle: &Bundle,
        options: BundleOptions,
        present: &[&str],
    ) -> Result<BundleChecker, Error> {
        options.check.limits.checked()?;
        let mut roles = Vec::new();
        let mut candidates = Vec::new();
        for (r, profile) in bundle.roles.iter().zip(bundle.profiles()?) {
            // Inserted one by one: collecting into a map sorts first, with a stable sort that
            // would be linked into wasm for this alone (about 8 KB).
            let mut params = Params::new();
            for (name, value) in &options.check.params {
                if profile.parameters.iter().any(|p| &p.name == name) {
                    params.insert(name.clone(), value.clone());
                }
            }
            let compiled = Compiled::new(&profile, &params)?;
            candidates.push(Candidate::new(
                &r.role,
                compiled.clone(),
                &r.file_name_hints,
            ));
            roles.push(RoleState {
                role: r.role.clone(),
                present: present.contains(&r.role.as_str()),
                profile,
                compiled,
                params,
                keys: None,
                done: false,
            });
        }
        for name in options.check.params.keys() {
            if !roles.iter().any(|r| r.params.contains_key(name)) {
                let mut known = std::collections::BTreeSet::new();
                for r in &roles {
                    known.extend(r.profile.parameters.iter().map(|p| p.name.clone()));
                }
                return Err(Error::new(ErrorKind::UnknownParameter {
                    name: name.clone(),
                    known: known.into_iter().collect(),
                }));
            }
        }
        let known: Vec<&str> = roles.iter().map(|r| r.role.as_str()).collect();
        // Files, baselines and the checking order are per role name: two roles of one name
        // could never both be given (and the order would never be complete).
        let twice = (1..known.len()).find_map(|i| {
            let (before, role) = (known.get(..i)?, known.get(i)?);
            before.contains(role).then_some(*role)
        });
        if let Some(twice) = twice {
            return Err(Error::new(ErrorKind::InvalidProfile {
                message: format!("bundle \"{}\" has the role \"{twice}\" twice", bundle.id),
            }));
        }
        let given = present.iter().copied();
        for role in given.chain(options.baselines.keys().map(String::as_str)) {
            if !known.contains(&role) {
                return Err(unknown_role(&bundle.id, &known, role));
            }
        }
        // One file per role: a role declared twice is a mistake in the caller's list.
        let twice = (1..present.len()).find_map(|i| {
            let (before, role) = (present.get(..i)?, present.get(i)?);
            before.contains(role).then_some(*role)
        });
        if let Some(twice) = twice {
            return Err(invalid(format!(
                "role \"{twice}\" is declared twice: one file per role"
            )));
        }
        for state in &roles {
            for fk in &state.compiled.relations.foreign_keys {
                let target = roles.iter().find(|r| r.role == fk.role);
                let ok = target
                    .and_then(|t| t.compiled.relations.key.as_ref())
                    .is_some_and(|k| k.columns.len() == fk.columns.len());
                if !ok {
                    return Err(Error::new(ErrorKind::InvalidProfile {
                        message: format!(
                            "\"{}\" references role \"{}\", which the bundle lacks or which has no key of {} column(s)",
                            state.role,
                            fk.role,
                            fk.columns.len()
                        ),
                    }));
                }
            }
        }
        Ok(BundleChecker {
            bundle: bundle.id.clone(),
            options,
            roles,
            candidates: candidates.into(),
            current: None,
            files: Vec::new(),
        })
    }

    /// Adds the system's export of `role` (as [`BundleOptions::baselines`]); before the first file
    /// only, since the files already checked could not use it.
    pub fn add_baseline(&mut self, role: &str, baseline: Arc<Baseline>) -> Result<(), Error> {
        if self.current.is_some() || !self.files.is_empty() {
            return Err(invalid(
                "add the baselines before the first file".to_string(),
            ));
        }
        let known: Vec<&str> = self.roles.iter().map(|r| r.role.as_str()).collect();
        if !known.contains(&role) {
            return Err(unknown_role(&self.bundle, &known, role));
        }
        self.options.baselines.insert(role.to_string(), baseline);
        Ok(())
    }

    /// The roles whose files will be given, in checking order: every role after the roles it
    /// references.
    pub fn order(&self) -> Vec<String> {
        let present = |role: &String| self.roles.iter().any(|r| &r.role == role && r.present);
        self.order_of_all().into_iter().filter(present).collect()
    }

    /// Every role of the bundle in checking order.
    fn order_of_all(&self) -> Vec<String> {
        let mut order: Vec<String> = Vec::new();
        while order.len() < self.roles.len() {
            let before = order.len();
            for r in &self.roles {
                let ready = r
                    .compiled
                    .relations
                    .foreign_keys
                    .iter()
                    .all(|fk| fk.role == r.role || order.contains(&fk.role));
                if !order.contains(&r.role) && ready {
                    order.push(r.role.clone());
                }
            }
            if order.len() == before {
                // A cycle: the rest in bundle order (their references are then checked as far as known).
                for r in &self.roles {
                    if !order.contains(&r.role) {
                        order.push(r.role.clone());
                    }
                }
            }
        }
        order
    }

    /// Starts the file of `role`. Fails when the role was not declared ([`BundleChecker::new`]'s
    /// `present`), or a referenced declared role has not been checked yet.
    pub fn begin(&mut self, role: &str, file_name: Option<&str>) -> Result<(), Error> {
        self.begin_with(role, file_name, false)
    }

    /// Starts the file of `role` as [`BundleChecker::begin`] does, for a role that
    /// [`BundleChecker::recognize_file`] gave rather than the administrator: when it was assumed
    /// (the header fits several roles alike and the file name tells none of them apart), the
    /// file's report says so in a `role-assumed` warning, with how to give the role instead.
    pub fn begin_recognized(&mut self, role: &str, file_name: Option<&str>) -> Result<(), Error> {
        self.begin_with(role, file_name, true)
    }

    fn begin_with(
        &mut self,
        role: &str,
        file_name: Option<&str>,
        recognized: bool,
    ) -> Result<(), Error> {
        self.end()?;
        let i = self
            .roles
            .iter()
            .position(|r| r.role == role)
            .ok_or_else(|| invalid(format!("the bundle has no role \"{role}\"")))?;
        let state = self.roles.get(i).ok_or_else(|| invalid(String::new()))?;
        if !state.present {
            return Err(invalid(format!(
                "role \"{role}\" was not declared when the check was prepared (declared: {})",
                self.declared().join(", ")
            )));
        }
        if state.done {
            return Err(invalid(format!("role \"{role}\" was given twice")));
        }
        let mut references = Vec::new();
        for fk in &state.compiled.relations.foreign_keys {
            let Some(target) = self.roles.iter().find(|r| r.role == fk.role) else {
                references.push(ReferenceSets::default());
                continue;
            };
            if target.present && !target.done && target.role != role {
                return Err(invalid(format!(
                    "check \"{}\" before \"{role}\": it references it",
                    target.role
                )));
            }
            let ignore_case = target
                .compiled
                .relations
                .key
                .as_ref()
                .is_some_and(|k| k.ignore_case);
            let mut sets = Vec::new();
            if let Some(keys) = &target.keys {
                sets.push(Arc::clone(keys));
            }
            // The export's records stay unless the role's file replaces them.
            let replaced = target.present && target.compiled.relations.mode == ImportMode::Replace;
            let baseline = self.options.baselines.get(&target.role);
            if let (Some(b), false) = (baseline, replaced) {
                sets.push(Arc::new(b.key_set(ignore_case)));
            }
            // Records the role's import never deletes (CELF: "the login user is not deleted")
            // stay, replaced or not.
            let protect = &target.compiled.relations.protect;
            if !protect.is_empty() {
                let mut kept = KeySet::new(ignore_case);
                let mut buf = String::new();
                for key in protect {
                    kept.insert(
                        crate::hash::key(std::iter::once(key.as_str()), ignore_case, &mut buf),
                        usize::MAX,
                    );
                }
                sets.push(Arc::new(kept));
            }
            // "An error will occur if a group ID or user ID that is not registered is
            // specified": without the export, an ID outside the file may be registered already.
            let open = target.keys.is_some() && !replaced && baseline.is_none();
            references.push(ReferenceSets::new(sets, open));
        }
        let referenced = self.roles.iter().any(|r| {
            r.role != role
                && r.compiled
                    .relations
                    .foreign_keys
                    .iter()
                    .any(|fk| fk.role == role)
        });
        let mut options = self.options.check.clone();
        options.params = state.params.clone();
        options.file_name = file_name.map(str::to_string);
        let context = Context {
            baseline: self.options.baselines.get(role).cloned(),
            references,
            collect_keys: referenced,
            role_check: recognized.then(|| RoleCheck {
                role: role.to_string(),
                roles: Arc::clone(&self.candidates),
            }),
        };
        let checker = Checker::with_context(&state.profile, options, context)?;
        self.current = Some((i, file_name.map(str::to_string), checker));
        Ok(())
    }

    /// Bytes pushed and records read so far, over the files ended and the current one.
    pub fn progress(&self) -> Progress {
        let ended = self.files.iter().map(|f| &f.report.detected);
        let mut progress = Progress {
            bytes: ended.clone().map(|d| d.bytes).sum(),
            records: ended.map(|d| d.records).sum(),
        };
        if let Some((_, _, checker)) = &self.current {
            let current = checker.progress();
            progress.bytes += current.bytes;
            progress.records += current.records;
        }
        progress
    }

    /// Feeds the next chunk of the current file. Fails when no file was begun (or it was ended):
    /// the bytes would belong to no file.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), Error> {
        let Some((_, _, checker)) = self.current.as_mut() else {
            return Err(invalid(
                "no file to push to: call begin(role, fileName) first".to_string(),
            ));
        };
        checker.push(chunk);
        Ok(())
    }

    /// Ends the current file (if any).
    pub fn end(&mut self) -> Result<(), Error> {
        let Some((i, name, checker)) = self.current.take() else {
            return Ok(());
        };
        let (mut report, keys) = checker.finish_with_keys();
        let state = self
            .roles
            .get_mut(i)
            .ok_or_else(|| invalid("lost the current role".to_string()))?;
        state.done = true;
        state.keys = keys.map(Arc::new);
        let label = name.unwrap_or_else(|| state.role.clone());
        for d in &mut report.diagnostics {
            d.file = Some(label.clone());
        }
        self.files.push(BundleFile {
            role: state.role.clone(),
            report,
        });
        Ok(())
    }

    /// Ends the bundle and returns the reports. Fails when a declared role got no file: its
    /// file was announced, so a report without it would look complete (and valid) when it is not.
    pub fn finish(mut self) -> Result<BundleReport, Error> {
        self.end()?;
        let missing: Vec<String> = self
            .roles
            .iter()
            .filter(|r| r.present && !r.done)
            .map(|r| format!("\"{}\"", r.role))
            .collect();
        if !missing.is_empty() {
            let noun = if missing.len() == 1 { "role" } else { "roles" };
            return Err(invalid(format!(
                "no file was given for the declared {noun} {} (declare only the roles whose files are given)",
                missing.join(", ")
            )));
        }
        Ok(BundleReport {
            valid: self.files.iter().all(|f| f.report.valid),
            bundle: self.bundle,
            files: self.files,
        })
    }

    /// The declared roles, in the bundle's order.
    fn declared(&self) -> Vec<&str> {
        let present = self.roles.iter().filter(|r| r.present);
        present.map(|r| r.role.as_str()).collect()
    }

    /// The role a file's header fits best among the bundle's roles (`None`: none or ambiguous),
    /// from the header alone: [`BundleChecker::recognize_file`] also reads the file name.
    pub fn recognize(&self, bytes: &[u8]) -> Option<String> {
        self.recognize_file(bytes, None)
    }

    /// The role of a file from its first bytes (the header line, within
    /// [`RECOGNITION_WINDOW`]) and its name: the role whose profile the header fits best; when it
    /// fits several alike (CELF users reduced to `id,name`, and groups), the one whose words
    /// ([`BundleRole::file_name_hints`]) the name alone contains; else the one with the largest
    /// share of its columns present, which is then assumed ([`BundleChecker::begin_recognized`]
    /// says so in the report). `None` when no role fits, or nothing decides.
    pub fn recognize_file(&self, bytes: &[u8], file_name: Option<&str>) -> Option<String> {
        roles::recognize(bytes, file_name, &self.candidates).map(|r| r.role.to_string())
    }
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidOptions { message })
}

fn unknown_role(bundle: &str, known: &[&str], role: &str) -> Error {
    invalid(format!(
        "bundle \"{bundle}\" has no role \"{role}\" (it has: {})",
        known.join(", ")
    ))
}

/// Checks the files of a bundle held in memory. Files without a role are recognised by their
/// header, and by their name when the header fits several roles alike
/// ([`BundleChecker::recognize_file`]; an assumed role is a `role-assumed` warning in the file's
/// report); a file that fits no role, or two files of one role, make the run fail.
///
/// ```
/// use csv_preflight::bundle::{builtin_bundle, check_bundle, BundleInput, BundleOptions};
/// use csv_preflight::profile::ParamValue;
///
/// let bundle = builtin_bundle("celf")?;
/// let users = "id,name,password,celf-app-user?,web-app-user?,suspended?,ai-user?\r\n\
///              user01,山田 太郎,Welc0me!,1,0,0,0\r\n";
/// let groups = "id,name\r\nsales,営業部\r\n";
/// let affiliations = "group-id,user-id\r\nsales,user01\r\nhr,user01\r\n";
/// let inputs = [
///     BundleInput { role: None, name: Some("affiliations.csv"), bytes: affiliations.as_bytes() },
///     BundleInput { role: Some("groups"), name: Some("groups.csv"), bytes: groups.as_bytes() },
///     BundleInput { role: None, name: Some("users.csv"), bytes: users.as_bytes() },
/// ];
/// // With `replacement` the files are all the system will hold after the import.
/// let mut options = BundleOptions::default();
/// options.check.params.insert("replacement".into(), ParamValue::Boolean(true));
/// let report = check_bundle(&bundle, &inputs, options)?;
///
/// // Referenced roles are checked first; group `hr` is not in groups.csv.
/// let roles: Vec<&str> = report.files.iter().map(|f| f.role.as_str()).collect();
/// assert_eq!(roles, ["users", "groups", "affiliations"]);
/// assert!(!report.valid);
/// let found: Vec<_> = report.files.iter().flat_map(|f| &f.report.diagnostics).collect();
/// assert_eq!(found.len(), 1);
/// assert_eq!(
///     (found[0].code.as_str(), found[0].row, found[0].column.as_deref(), found[0].file.as_deref()),
///     ("foreign-key", Some(3), Some("group-id"), Some("affiliations.csv"))
/// );
/// # Ok::<(), csv_preflight::Error>(())
/// ```
pub fn check_bundle(
    bundle: &Bundle,
    inputs: &[BundleInput<'_>],
    options: BundleOptions,
) -> Result<BundleReport, Error> {
    let probe = BundleChecker::new(bundle, options.clone(), &[])?;
    let mut assigned: Vec<(String, &BundleInput<'_>)> = Vec::new();
    for input in inputs {
        let role = match input.role {
            Some(r) => r.to_string(),
            None => probe.recognize_file(input.bytes, input.name).ok_or_else(|| {
                invalid(format!(
                    "cannot tell which file of bundle \"{}\" {} is from its header; give its role as role=path",
                    bundle.id,
                    input.name.map_or("a file".to_string(), |n| format!("\"{n}\""))
                ))
            })?,
        };
        if let Some((_, first)) = assigned.iter().find(|(r, _)| *r == role) {
            let name =
                |i: &BundleInput<'_>| i.name.map_or("a file".to_string(), |n| format!("\"{n}\""));
            return Err(invalid(format!(
                "{} and {} both have the role \"{role}\" (recognised from the header, or given); give the role of the one that is another",
                name(first),
                name(input)
            )));
        }
        assigned.push((role, input));
    }
    let present: Vec<&str> = assigned.iter().map(|(r, _)| r.as_str()).collect();
    let mut checker = BundleChecker::new(bundle, options, &present)?;
    for role in checker.order() {
        if let Some((_, input)) = assigned.iter().find(|(r, _)| *r == role) {
            match input.role {
                Some(_) => checker.begin(&role, input.name)?,
                None => checker.begin_recognized(&role, input.name)?,
            }
            checker.push(input.bytes)?;
            checker.end()?;
        }
    }
    checker.finish()
}
