//! Tenant parameters: defaults from the profile, values from the caller, type-checked.

use std::collections::BTreeMap;

use crate::error::{Error, ErrorKind};
use crate::profile::{ParamType, ParamValue, Profile};

/// Parameter values by name.
pub type Params = BTreeMap<String, ParamValue>;

/// Parses a command-line parameter value according to the parameter's declared type.
/// Lists are comma-separated; an empty text gives an empty list.
pub fn parse_param_value(kind: ParamType, text: &str) -> Option<ParamValue> {
    match kind {
        // Counts and lengths: a negative one means nothing.
        ParamType::Integer => text
            .trim()
            .parse()
            .ok()
            .filter(|n: &i64| *n >= 0)
            .map(ParamValue::Integer),
        ParamType::Boolean => match text.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" | "on" => Some(ParamValue::Boolean(true)),
            "false" | "no" | "0" | "off" => Some(ParamValue::Boolean(false)),
            _ => None,
        },
        ParamType::String => Some(ParamValue::String(text.to_string())),
        ParamType::StringList => Some(ParamValue::StringList(
            text.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        )),
    }
}

fn type_matches(kind: ParamType, value: &ParamValue) -> bool {
    matches!(
        (kind, value),
        (ParamType::Integer, ParamValue::Integer(0..))
            | (ParamType::Boolean, ParamValue::Boolean(_))
            | (ParamType::String, ParamValue::String(_))
            | (ParamType::StringList, ParamValue::StringList(_))
    )
}

/// The parameter values of one check, with the names the profile declares.
#[derive(Debug, Clone, Default)]
pub(crate) struct Resolved {
    values: Params,
    declared: Vec<String>,
}

impl Resolved {
    /// Values for a profile that declares exactly the names in `values` (tests).
    #[cfg(test)]
    pub(crate) fn declaring(values: Params, declared: &[&str]) -> Self {
        Resolved {
            values,
            declared: declared.iter().map(|d| d.to_string()).collect(),
        }
    }

    /// The value of a parameter the profile refers to (`None`: unset, the rule is off). A name
    /// the profile does not declare is a mistake in the profile: a typo would otherwise turn its
    /// rule off with no way to turn it on.
    pub(crate) fn get(&self, name: &str) -> Result<Option<&ParamValue>, Error> {
        if !self.declared.iter().any(|d| d == name) {
            return Err(Error::new(ErrorKind::InvalidProfile {
                message: format!(
                    "the profile refers to parameter \"{name}\", which it does not declare (it declares: {})",
                    if self.declared.is_empty() {
                        "none".to_string()
                    } else {
                        self.declared.join(", ")
                    }
                ),
            }));
        }
        Ok(self.values.get(name))
    }
}

/// Merges the caller's values over the profile's defaults; unknown names and wrong types are errors.
pub(crate) fn resolve(profile: &Profile, given: &Params) -> Result<Resolved, Error> {
    let mut out = Params::new();
    for p in &profile.parameters {
        if let Some(default) = &p.default {
            if !type_matches(p.kind, default) {
                return Err(Error::new(ErrorKind::InvalidProfile {
                    message: format!("the default of parameter \"{}\" has the wrong type", p.name),
                }));
            }
            out.insert(p.name.clone(), default.clone());
        }
    }
    for (name, value) in given {
        let Some(decl) = profile.parameters.iter().find(|p| &p.name == name) else {
            return Err(Error::new(ErrorKind::UnknownParameter {
                name: name.clone(),
                known: profile.parameters.iter().map(|p| p.name.clone()).collect(),
            }));
        };
        // A list parameter given as one string (e.g. from a form field) is split like the CLI does.
        let value = match (decl.kind, value) {
            (ParamType::StringList, ParamValue::String(s)) => {
                parse_param_value(ParamType::StringList, s).unwrap_or_else(|| value.clone())
            }
            _ => value.clone(),
        };
        if !type_matches(decl.kind, &value) {
            return Err(Error::new(ErrorKind::InvalidParameter {
                name: name.clone(),
                expected: decl.kind,
            }));
        }
        if let (false, ParamValue::String(text)) = (decl.values.is_empty(), &value) {
            if !decl.values.contains(text) {
                return Err(Error::new(ErrorKind::InvalidOptions {
                    message: format!(
                        "parameter \"{name}\" must be one of: {}",
                        decl.values.join(", ")
                    ),
                }));
            }
        }
        out.insert(name.clone(), value);
    }
    Ok(Resolved {
        values: out,
        declared: profile.parameters.iter().map(|p| p.name.clone()).collect(),
    })
}
