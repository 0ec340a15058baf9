//! Untagged enums: what a JSON value is, read once (see `profile::untagged`).
//!
//! The derive reads an untagged enum's value into a buffer (every nested value through
//! `deserialize_any`), then tries each variant on the buffer and fails with `data did not match
//! any variant of untagged enum Name`. [`Shape`] is that buffer, reduced to what the profile
//! format's untagged enums look at, and read the same way, so serde_json's syntax errors and its
//! nesting limit strike at the same places. One `Shape` reader serves every untagged enum; each
//! enum then picks its variant from the shape in plain code.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JSON value, as far as the untagged enums care.
pub(crate) enum Shape {
    /// `true` or `false`.
    Bool(bool),
    /// A negative integer.
    Negative(i64),
    /// A non-negative integer.
    Unsigned(u64),
    /// A number with a fraction or an exponent, or too big for 64 bits.
    Float,
    /// `null`.
    Null,
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Shape>),
    /// An object: its keys (strings in JSON; anything else is kept as `None`) and values, in order
    /// and with repeats.
    Map(Vec<(Option<String>, Shape)>),
}

impl Shape {
    /// The text, if it is one.
    pub(crate) fn text(self) -> Option<String> {
        match self {
            Shape::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The texts, if it is a list of nothing else.
    pub(crate) fn texts(self) -> Option<Vec<String>> {
        match self {
            Shape::List(items) => items.into_iter().map(Shape::text).collect(),
            _ => None,
        }
    }
}

/// `data did not match any variant of untagged enum {name}`, raised after the value was read (so
/// serde_json gives it the same position as the derive's error).
pub(crate) fn no_variant<E: de::Error>(name: &str) -> E {
    E::custom(format_args!(
        "data did not match any variant of untagged enum {name}"
    ))
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shape, D::Error> {
        d.deserialize_any(ShapeVisitor)
    }
}

struct ShapeVisitor;

impl<'de> Visitor<'de> for ShapeVisitor {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Shape, E> {
        Ok(Shape::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Shape, E> {
        Ok(match u64::try_from(v) {
            Ok(v) => Shape::Unsigned(v),
            Err(_) => Shape::Negative(v),
        })
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Shape, E> {
        Ok(Shape::Unsigned(v))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Shape, E> {
        Ok(Shape::Float)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Shape, E> {
        Ok(Shape::Text(v.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Shape, E> {
        Ok(Shape::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Shape::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<Shape, Shape>()? {
            entries.push((key.text(), value));
        }
        Ok(Shape::Map(entries))
    }
}
