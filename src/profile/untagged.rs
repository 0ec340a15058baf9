//! `Deserialize` for the untagged enums of the profile format: [`ParamValue`], [`ParamOr`] and
//! [`Quantity`].
//!
//! Each reads the value once as a [`Shape`] and picks the first variant that fits, accepting
//! exactly what the derived impls (which buffered the value and tried each variant in turn)
//! accepted, and failing with the same `data did not match any variant of untagged enum Name`
//! (see `crate::de`).

use serde::de::{Deserialize, Deserializer};

use crate::de::{no_variant, Blank, Shape};
use crate::profile::{ParamExpr, ParamOr, ParamValue, Quantity};

impl<'de> Deserialize<'de> for ParamValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        param_value(Shape::deserialize(d)?).ok_or_else(|| no_variant("ParamValue"))
    }
}

/// The variants in order: `Boolean`, `Integer` (an `i64`), `String`, `StringList`.
fn param_value(shape: Shape) -> Option<ParamValue> {
    match shape {
        Shape::Bool(b) => Some(ParamValue::Boolean(b)),
        Shape::Negative(i) => Some(ParamValue::Integer(i)),
        Shape::Unsigned(u) => i64::try_from(u).ok().map(ParamValue::Integer),
        Shape::Text(s) => Some(ParamValue::String(s)),
        list @ Shape::List(_) => list.texts().map(ParamValue::StringList),
        Shape::Float | Shape::Null | Shape::Map(_) => None,
    }
}

/// The literal of a [`ParamOr`]: which JSON values it is made from.
pub trait Literal: Sized {
    /// From a non-negative integer.
    fn from_u64(_: u64) -> Option<Self> {
        None
    }
    /// From a list of texts.
    fn from_texts(_: Vec<String>) -> Option<Self> {
        None
    }
}

impl Literal for u32 {
    fn from_u64(v: u64) -> Option<Self> {
        u32::try_from(v).ok()
    }
}

impl Literal for Vec<String> {
    fn from_texts(v: Vec<String>) -> Option<Self> {
        Some(v)
    }
}

impl<'de, T: Literal> Deserialize<'de> for ParamOr<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        param_or(Shape::deserialize(d)?).ok_or_else(|| no_variant("ParamOr"))
    }
}

impl<T: Blank> Blank for ParamOr<T> {
    fn blank() -> Self {
        ParamOr::Value(T::blank())
    }
}

/// The variants in order: `Param` (`{"param": "name"}`; the variant does not deny other keys),
/// `Value`.
fn param_or<T: Literal>(shape: Shape) -> Option<ParamOr<T>> {
    match shape {
        Shape::Map(entries) => {
            let mut param = Once::default();
            for (key, value) in entries {
                if key.as_deref() == Some("param") {
                    param.set(value.text());
                }
            }
            param.take().map(|param| ParamOr::Param { param })
        }
        Shape::Unsigned(u) => T::from_u64(u).map(ParamOr::Value),
        list @ Shape::List(_) => list.texts().and_then(T::from_texts).map(ParamOr::Value),
        _ => None,
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        quantity(Shape::deserialize(d)?).ok_or_else(|| no_variant("Quantity"))
    }
}

impl Blank for Quantity {
    fn blank() -> Self {
        Quantity::Value(0)
    }
}

/// The variants in order: `Value` (a `u64`), `Param` (a [`ParamExpr`], written as an object or,
/// like any derived struct, as the array `[param]` or `[param, minus]`).
fn quantity(shape: Shape) -> Option<Quantity> {
    let (param, minus) = match shape {
        Shape::Unsigned(u) => return Some(Quantity::Value(u)),
        Shape::List(items) => {
            // Exactly one or two items.
            let mut items = items.into_iter();
            let param = items.next()?.text();
            let minus = match items.next() {
                Some(minus) => minus.texts(),
                None => Some(Vec::new()),
            };
            if items.next().is_some() {
                return None;
            }
            (param, minus)
        }
        Shape::Map(entries) => {
            // `param` (a text) and `minus` (a list of texts, default empty), once each, no other
            // key.
            let mut param = Once::default();
            let mut minus = Once::default();
            for (key, value) in entries {
                match key.as_deref() {
                    Some("param") => param.set(value.text()),
                    Some("minus") => minus.set(value.texts()),
                    _ => return None,
                }
            }
            let minus = if minus.seen {
                minus.take()
            } else {
                Some(Vec::new())
            };
            (param.take(), minus)
        }
        _ => return None,
    };
    Some(Quantity::Param(ParamExpr {
        param: param?,
        minus: minus?,
    }))
}

/// A field of a struct variant read from a map: set at most once, to a value that fits.
struct Once<T> {
    value: Option<T>,
    seen: bool,
    fits: bool,
}

impl<T> Default for Once<T> {
    fn default() -> Self {
        Once {
            value: None,
            seen: false,
            fits: true,
        }
    }
}

impl<T> Once<T> {
    /// Records a value (`None`: one of the wrong type); a second one does not fit.
    fn set(&mut self, value: Option<T>) {
        self.fits &= !self.seen && value.is_some();
        self.seen = true;
        self.value = value;
    }

    /// The value, if it was given once and fits.
    fn take(self) -> Option<T> {
        self.value.filter(|_| self.fits)
    }
}
