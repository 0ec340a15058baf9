//! `Deserialize` for the untagged enums of the profile format: [`ParamValue`], [`ParamOr`] and
//! [`Quantity`].
//!
//! Each reads the value once and tells which variant it fits, accepting exactly what the derived
//! impls (which buffered the value and tried each variant in turn) accepted, and failing with the
//! same `data did not match any variant of untagged enum Name` (see `crate::de`).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::de::{no_variant, skip_map, texts, Any, Blank, Text, Texts};
use crate::profile::{ParamExpr, ParamOr, ParamValue, Quantity};

/// What all three visitors expect (never shown: they take every kind of value).
const ANY: &str = "any value";

impl<'de> Deserialize<'de> for ParamValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ParamValueVisitor)?
            .ok_or_else(|| no_variant("ParamValue"))
    }
}

/// The variants in order: `Boolean`, `Integer` (an `i64`), `String`, `StringList`.
struct ParamValueVisitor;

impl<'de> Visitor<'de> for ParamValueVisitor {
    type Value = Option<ParamValue>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(ANY)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(ParamValue::Boolean(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(ParamValue::Integer(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(i64::try_from(v).ok().map(ParamValue::Integer))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(ParamValue::String(v.to_string())))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Ok(texts(seq)?.map(ParamValue::StringList))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        skip_map(map)?;
        Ok(None)
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
        d.deserialize_any(ParamOrVisitor(PhantomData))?
            .ok_or_else(|| no_variant("ParamOr"))
    }
}

impl<T: Blank> Blank for ParamOr<T> {
    fn blank() -> Self {
        ParamOr::Value(T::blank())
    }
}

/// The variants in order: `Param` (`{"param": "name"}`, other keys ignored), `Value`.
struct ParamOrVisitor<T>(PhantomData<T>);

impl<'de, T: Literal> Visitor<'de> for ParamOrVisitor<T> {
    type Value = Option<ParamOr<T>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(ANY)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(T::from_u64(v).map(ParamOr::Value))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Ok(texts(seq)?.and_then(T::from_texts).map(ParamOr::Value))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // One `param` text; unknown keys are skipped (the variant does not deny them).
        let mut param = Once::default();
        while let Some(Text(key)) = map.next_key()? {
            if key.as_deref() == Some("param") {
                let Text(value) = map.next_value()?;
                param.set(value);
            } else {
                map.next_value::<Any>()?;
            }
        }
        Ok(param.take().map(|param| ParamOr::Param { param }))
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(QuantityVisitor)?
            .ok_or_else(|| no_variant("Quantity"))
    }
}

impl Blank for Quantity {
    fn blank() -> Self {
        Quantity::Value(0)
    }
}

/// The variants in order: `Value` (a `u64`), `Param` (a [`ParamExpr`], written as an object or,
/// like any derived struct, as the array `[param, minus]`).
struct QuantityVisitor;

impl<'de> Visitor<'de> for QuantityVisitor {
    type Value = Option<Quantity>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(ANY)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(Quantity::Value(v)))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        // `[param]` or `[param, minus]`: fewer or more items do not fit.
        let mut param = None;
        let mut minus = Some(Vec::new());
        let mut fits = true;
        let mut index = 0;
        loop {
            let read = match index {
                0 => seq.next_element::<Text>()?.map(|Text(p)| param = p),
                1 => seq.next_element::<Texts>()?.map(|Texts(m)| minus = m),
                _ => seq.next_element::<Any>()?.map(|_| fits = false),
            };
            if read.is_none() {
                break;
            }
            index += 1;
        }
        Ok(expr(param, minus.filter(|_| fits)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // `param` (a text) and `minus` (a list of texts, default empty), once each, nothing else.
        let mut param = Once::default();
        let mut minus = Once::default();
        let mut fits = true;
        while let Some(Text(key)) = map.next_key()? {
            match key.as_deref() {
                Some("param") => param.set(map.next_value::<Text>()?.0),
                Some("minus") => minus.set(map.next_value::<Texts>()?.0),
                _ => {
                    map.next_value::<Any>()?;
                    fits = false;
                }
            }
        }
        let minus = if minus.seen {
            minus.take()
        } else {
            Some(Vec::new())
        };
        Ok(expr(param.take(), minus.filter(|_| fits)))
    }
}

/// The `Param` variant, when both parts fit.
fn expr(param: Option<String>, minus: Option<Vec<String>>) -> Option<Quantity> {
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
