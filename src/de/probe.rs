//! Untagged enums: reading a value once and telling what it is (see `profile::untagged`).
//!
//! The derive reads an untagged enum's value into a buffer (every nested value through
//! `deserialize_any`), then tries each variant on the buffer and fails with `data did not match
//! any variant of untagged enum Name`. The impls in `profile::untagged` read the value once
//! instead, remembering whether it fits a variant; what follows keeps what the buffering did to the
//! input: every nested value is read through `deserialize_any`, so serde_json's syntax errors and
//! its nesting limit strike at the same places.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

/// `data did not match any variant of untagged enum {name}`, raised after the value was read (so
/// serde_json gives it the same position as the derive's error).
pub(crate) fn no_variant<E: de::Error>(name: &str) -> E {
    E::custom(format_args!(
        "data did not match any variant of untagged enum {name}"
    ))
}

/// Any JSON value, read and dropped.
pub(crate) struct Any;

impl<'de> serde::Deserialize<'de> for Any {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Any, D::Error> {
        d.deserialize_any(Probe(PhantomData::<Any>))
    }
}

/// A text, or `None` (after reading the value) for anything else.
pub(crate) struct Text(pub Option<String>);

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        d.deserialize_any(Probe(PhantomData::<Text>))
    }
}

/// A list of texts, or `None` (after reading the value) for anything else.
pub(crate) struct Texts(pub Option<Vec<String>>);

impl<'de> serde::Deserialize<'de> for Texts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Texts, D::Error> {
        d.deserialize_any(Probe(PhantomData::<Texts>))
    }
}

/// What [`Probe`] makes of each kind of value: nothing by default.
pub(crate) trait Probed: Sized {
    /// Nothing matched.
    fn none() -> Self;
    /// A text.
    fn text(_: &str) -> Self {
        Self::none()
    }
    /// A list whose items were all texts.
    fn texts(_: Vec<String>) -> Self {
        Self::none()
    }
}

impl Probed for Any {
    fn none() -> Self {
        Any
    }
}

impl Probed for Text {
    fn none() -> Self {
        Text(None)
    }
    fn text(s: &str) -> Self {
        Text(Some(s.to_string()))
    }
}

impl Probed for Texts {
    fn none() -> Self {
        Texts(None)
    }
    fn texts(list: Vec<String>) -> Self {
        Texts(Some(list))
    }
}

/// Reads any value through `deserialize_any` and classifies it as `T` says.
struct Probe<T>(PhantomData<T>);

impl<'de, T: Probed> Visitor<'de> for Probe<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<T, E> {
        Ok(T::none())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<T, E> {
        Ok(T::none())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<T, E> {
        Ok(T::none())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<T, E> {
        Ok(T::none())
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
        Ok(T::text(s))
    }

    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        Ok(T::none())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
        Ok(match texts(seq)? {
            Some(list) => T::texts(list),
            None => T::none(),
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        skip_map(map)?;
        Ok(T::none())
    }
}

/// Reads every item; `Some` when all were texts.
pub(crate) fn texts<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Vec<String>>, A::Error> {
    let mut list = Some(Vec::new());
    while let Some(Text(item)) = seq.next_element()? {
        match (&mut list, item) {
            (Some(list), Some(item)) => list.push(item),
            _ => list = None,
        }
    }
    Ok(list)
}

/// Reads every entry of a map.
pub(crate) fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<Any, Any>()?.is_some() {}
    Ok(())
}
