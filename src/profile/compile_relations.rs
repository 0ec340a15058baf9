//! Resolving the relational parts of a profile: conditions, record keys, references, the import
//! mode, protected keys and seat limits (see `relations.rs` for the format).

use crate::error::{Error, ErrorKind};
use crate::profile::params::Resolved;
use crate::profile::{
    CharClass, Condition, ImportMode, KeyRule, KeyWhen, MustContain, ParamExpr, ParamOr,
    ParamValue, Profile, Quantity, Text,
};

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidProfile { message })
}

/// A condition of a row rule, a seat rule or an import mode.
#[derive(Debug, Clone)]
pub(crate) enum CondTest {
    /// A test of profile column `column` of the row.
    Column {
        column: usize,
        /// Holds when the value is one of these (empty: no test).
        equals: Vec<String>,
        /// Holds when the value is none of these (empty: no test).
        not_equals: Vec<String>,
        /// Holds when the value is (not) empty.
        filled: Option<bool>,
        /// Holds when the column is (not) in the file.
        present: Option<bool>,
    },
    /// A parameter condition, already evaluated.
    Constant(bool),
}

impl CondTest {
    /// Evaluates the condition; `cell(i)` is the value of profile column `i`, `None` when the
    /// column is not in the file.
    pub(crate) fn holds<'a>(&self, cell: &dyn Fn(usize) -> Option<&'a str>) -> bool {
        match self {
            CondTest::Constant(b) => *b,
            CondTest::Column {
                column,
                equals,
                not_equals,
                filled,
                present,
            } => {
                let found = cell(*column);
                let value = found.unwrap_or("");
                (equals.is_empty() || equals.iter().any(|e| e == value))
                    && !not_equals.iter().any(|e| e == value)
                    && filled.map_or(true, |f| f != value.is_empty())
                    && present.map_or(true, |p| p == found.is_some())
            }
        }
    }

    /// The column the condition reads, if any.
    pub(crate) fn column(&self) -> Option<usize> {
        match self {
            CondTest::Column { column, .. } => Some(*column),
            CondTest::Constant(_) => None,
        }
    }
}

/// Whether every condition holds.
pub(crate) fn all_hold<'a>(conds: &[CondTest], cell: &dyn Fn(usize) -> Option<&'a str>) -> bool {
    conds.iter().all(|c| c.holds(cell))
}

fn as_texts(value: &Option<ParamValue>) -> Vec<String> {
    match value {
        None => Vec::new(),
        Some(ParamValue::String(s)) => vec![s.clone()],
        Some(ParamValue::StringList(l)) => l.clone(),
        Some(ParamValue::Integer(i)) => vec![i.to_string()],
        Some(ParamValue::Boolean(b)) => vec![if *b { "1" } else { "0" }.to_string()],
    }
}

/// Resolves one condition; `column_index` maps a column name to its profile index.
pub(crate) fn condition(
    cond: &Condition,
    params: &Resolved,
    column_index: &dyn Fn(&str) -> Result<usize, Error>,
) -> Result<CondTest, Error> {
    match (&cond.column, &cond.param) {
        (Some(col), None) => Ok(CondTest::Column {
            column: column_index(col)?,
            equals: as_texts(&cond.equals),
            not_equals: as_texts(&cond.not_equals),
            filled: cond.filled,
            present: cond.present,
        }),
        (None, Some(param)) => {
            if cond.present.is_some() {
                return Err(invalid(format!(
                    "the condition on parameter \"{param}\" cannot test \"present\""
                )));
            }
            let value = params.get(param)?;
            let mut holds = match (&cond.equals, cond.filled) {
                (Some(expected), _) => value == Some(expected),
                (None, Some(filled)) => value.is_some() == filled,
                (None, None) => cond.not_equals.is_some() || value.is_some(),
            };
            if let Some(unexpected) = &cond.not_equals {
                holds &= value != Some(unexpected);
            }
            Ok(CondTest::Constant(holds))
        }
        _ => Err(invalid(
            "a condition names exactly one of column and param".to_string(),
        )),
    }
}

/// An integer parameter; `None` when unset.
pub(crate) fn integer(params: &Resolved, name: &str) -> Result<Option<i64>, Error> {
    match params.get(name)? {
        None => Ok(None),
        Some(ParamValue::Integer(i)) => Ok(Some(*i)),
        Some(_) => Err(invalid(format!("parameter \"{name}\" must be an integer"))),
    }
}

/// A count: `None` when its parameter is unset (the rule is off). Unset `minus` parameters count as 0.
pub(crate) fn quantity(q: &Quantity, params: &Resolved) -> Result<Option<u64>, Error> {
    match q {
        Quantity::Value(v) => Ok(Some(*v)),
        Quantity::Param(ParamExpr { param, minus }) => {
            let Some(base) = integer(params, param)? else {
                return Ok(None);
            };
            let mut total = base;
            for m in minus {
                total = total.saturating_sub(integer(params, m)?.unwrap_or(0));
            }
            Ok(Some(u64::try_from(total).unwrap_or(0)))
        }
    }
}

/// A `u32` literal or parameter; `None` when the parameter is unset.
pub(crate) fn u32_value(value: &ParamOr<u32>, params: &Resolved) -> Result<Option<u32>, Error> {
    match value {
        ParamOr::Value(v) => Ok(Some(*v)),
        ParamOr::Param { param } => {
            Ok(integer(params, param)?.map(|i| u32::try_from(i.max(0)).unwrap_or(u32::MAX)))
        }
    }
}

/// A list literal or parameter (a text parameter is a one-item list); empty when unset.
pub(crate) fn list(value: &ParamOr<Vec<String>>, params: &Resolved) -> Result<Vec<String>, Error> {
    match value {
        ParamOr::Value(v) => Ok(v.clone()),
        ParamOr::Param { param } => match params.get(param)? {
            None => Ok(Vec::new()),
            Some(ParamValue::StringList(l)) => Ok(l.clone()),
            Some(ParamValue::String(s)) if s.is_empty() => Ok(Vec::new()),
            Some(ParamValue::String(s)) => Ok(vec![s.clone()]),
            Some(_) => Err(invalid(format!("parameter \"{param}\" must be a list"))),
        },
    }
}

/// The classes of `mustContain` that apply with these parameters.
pub(crate) fn must_contain(
    rules: &[MustContain],
    params: &Resolved,
) -> Result<Vec<CharClass>, Error> {
    let mut out = Vec::new();
    for rule in rules {
        let on = match &rule.param {
            None => true,
            Some(p) => match params.get(p)? {
                None => false,
                Some(ParamValue::Boolean(b)) => *b,
                Some(_) => return Err(invalid(format!("parameter \"{p}\" must be a boolean"))),
            },
        };
        if on {
            out.push(rule.class);
        }
    }
    Ok(out)
}

/// The entry of `key.instead` whose parameter conditions all hold first, if any. Every entry is
/// looked through, so that a mistake in one is found whatever the parameters are.
fn chosen_key<'k>(
    key: &'k KeyRule,
    params: &Resolved,
    column_index: &dyn Fn(&str) -> Result<usize, Error>,
) -> Result<Option<&'k KeyWhen>, Error> {
    let mut chosen = None;
    for choice in &key.instead {
        if choice.columns.is_empty() {
            return Err(invalid("a key needs at least one column".to_string()));
        }
        for name in &choice.columns {
            column_index(name)?;
        }
        let holds = parameters_hold(&choice.when, params, column_index, "a record key")?;
        if holds && chosen.is_none() {
            chosen = Some(choice);
        }
    }
    Ok(chosen)
}

/// Whether every condition of `when`, on parameters only, holds; `what` names the thing they
/// choose, for the error when one is on a column.
fn parameters_hold(
    when: &[Condition],
    params: &Resolved,
    column_index: &dyn Fn(&str) -> Result<usize, Error>,
    what: &str,
) -> Result<bool, Error> {
    let mut holds = true;
    for cond in when {
        if cond.column.is_some() {
            return Err(invalid(format!("{what} is chosen by parameters only")));
        }
        holds &= condition(cond, params, column_index)?.holds(&|_| None);
    }
    Ok(holds)
}

/// A resolved record key.
#[derive(Debug, Clone)]
pub(crate) struct CompiledKey {
    pub columns: Vec<usize>,
    pub names: Vec<String>,
    pub ignore_case: bool,
    pub alternate: Vec<CompiledAlternate>,
}

/// A resolved alternate key.
#[derive(Debug, Clone)]
pub(crate) struct CompiledAlternate {
    pub columns: Vec<usize>,
    pub ignore_case: bool,
    pub reason: Text,
}

/// A resolved foreign key.
#[derive(Debug, Clone)]
pub(crate) struct CompiledForeignKey {
    pub columns: Vec<usize>,
    pub names: Vec<String>,
    pub role: String,
}

/// A resolved seat rule.
#[derive(Debug, Clone)]
pub(crate) struct CompiledSeats {
    /// `None` while the limit's parameter is unset (only the plan's counts are made).
    pub limit: Option<u64>,
    /// A row is not counted when all conditions of any entry hold.
    pub uncounted: Vec<Vec<CondTest>>,
}

/// The relational parts of a compiled profile.
#[derive(Debug, Clone, Default)]
pub(crate) struct Relations {
    pub key: Option<CompiledKey>,
    pub foreign_keys: Vec<CompiledForeignKey>,
    pub mode: ImportMode,
    /// Keys a replacing import never deletes.
    pub protect: Vec<String>,
    pub seats: Option<CompiledSeats>,
    pub baseline_profile: Option<String>,
}

impl Relations {
    /// Resolves keys, references, the import mode and seats.
    pub(crate) fn new(
        profile: &Profile,
        params: &Resolved,
        column_index: &dyn Fn(&str) -> Result<usize, Error>,
    ) -> Result<Relations, Error> {
        let indexes = |names: &[String]| -> Result<Vec<usize>, Error> {
            if names.is_empty() {
                return Err(invalid("a key needs at least one column".to_string()));
            }
            names.iter().map(|n| column_index(n)).collect()
        };
        let key = match &profile.key {
            None => None,
            Some(k) => {
                let (names, ignore_case) = match chosen_key(k, params, column_index)? {
                    Some(choice) => (&choice.columns, choice.ignore_case),
                    None => (&k.columns, k.ignore_case),
                };
                let columns = indexes(names)?;
                let mut alternate = Vec::with_capacity(k.alternate.len());
                for a in &k.alternate {
                    let alt_columns = indexes(&a.columns)?;
                    // The chosen key itself: its value names this record, no other.
                    if alt_columns != columns {
                        alternate.push(CompiledAlternate {
                            columns: alt_columns,
                            ignore_case: a.ignore_case,
                            reason: a.reason.clone(),
                        });
                    }
                }
                Some(CompiledKey {
                    columns,
                    names: names.clone(),
                    ignore_case,
                    alternate,
                })
            }
        };
        let foreign_keys = profile
            .foreign_keys
            .iter()
            .map(|f| {
                Ok(CompiledForeignKey {
                    columns: indexes(&f.columns)?,
                    names: f.columns.clone(),
                    role: f.reference.role.clone(),
                })
            })
            .collect::<Result<_, Error>>()?;
        let mut mode = ImportMode::Merge;
        let mut protect = Vec::new();
        let mut baseline_profile = None;
        if let Some(plan) = &profile.plan {
            mode = plan.mode;
            for choice in &plan.modes {
                if parameters_hold(&choice.when, params, column_index, "an import mode")? {
                    mode = choice.mode;
                    break;
                }
            }
            for p in &plan.protect {
                protect.extend(list(p, params)?);
            }
            baseline_profile = plan.baseline_profile.clone();
        }
        let seats = match &profile.seats {
            None => None,
            Some(s) => Some(CompiledSeats {
                limit: quantity(&s.limit, params)?,
                uncounted: s
                    .uncounted
                    .iter()
                    .map(|u| {
                        u.when
                            .iter()
                            .map(|c| condition(c, params, column_index))
                            .collect::<Result<Vec<_>, Error>>()
                    })
                    .collect::<Result<_, Error>>()?,
            }),
        };
        Ok(Relations {
            key,
            foreign_keys,
            mode,
            protect,
            seats,
            baseline_profile,
        })
    }

    /// Profile columns the relational checks read.
    pub(crate) fn columns(&self) -> impl Iterator<Item = usize> + '_ {
        let key = self.key.iter().flat_map(|k| {
            k.columns
                .iter()
                .chain(k.alternate.iter().flat_map(|a| a.columns.iter()))
        });
        let fks = self.foreign_keys.iter().flat_map(|f| f.columns.iter());
        let seats = self
            .seats
            .iter()
            .flat_map(|s| s.uncounted.iter().flatten().filter_map(CondTest::column));
        key.chain(fks).copied().chain(seats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_subtract_parameters_and_turn_off_when_unset() {
        let q = Quantity::Param(ParamExpr {
            param: "seats".into(),
            minus: vec!["admins".into()],
        });
        let resolved = |values: &[(&str, i64)]| {
            let values = values
                .iter()
                .map(|&(name, v)| (name.to_string(), ParamValue::Integer(v)))
                .collect();
            Resolved::declaring(values, &["seats", "admins"])
        };
        assert_eq!(quantity(&q, &resolved(&[])).unwrap(), None);
        assert_eq!(quantity(&q, &resolved(&[("seats", 10)])).unwrap(), Some(10));
        let both = resolved(&[("seats", 10), ("admins", 3)]);
        assert_eq!(quantity(&q, &both).unwrap(), Some(7));
        let more = resolved(&[("seats", 10), ("admins", 30)]);
        assert_eq!(quantity(&q, &more).unwrap(), Some(0));
        // A name the profile does not declare is the profile's mistake, not an unset value.
        let typo = Quantity::Param(ParamExpr {
            param: "seat".into(),
            minus: vec![],
        });
        assert_eq!(
            quantity(&typo, &both).unwrap_err().to_string(),
            "invalid profile: the profile refers to parameter \"seat\", which it does not declare \
             (it declares: seats, admins)"
        );
    }

    #[test]
    fn conditions_on_columns() {
        let c = CondTest::Column {
            column: 0,
            equals: vec!["1".into()],
            not_equals: vec![],
            filled: None,
            present: None,
        };
        assert!(c.holds(&|_| Some("1")));
        assert!(!c.holds(&|_| Some("0")));
        let absent = CondTest::Column {
            column: 0,
            equals: vec![],
            not_equals: vec!["1".into()],
            filled: None,
            present: Some(true),
        };
        assert!(absent.holds(&|_| Some("")));
        assert!(!absent.holds(&|_| None));
        assert!(!absent.holds(&|_| Some("1")));
    }
}
