//! Enums of unit variants: [`UnitEnum`] and `unit_enum!`.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Error as _, Expected, Unexpected, Visitor};

/// An enum of unit variants, written as the variant's name (or, like the derive accepts,
/// `{"name": null}`).
///
/// Implemented with [`unit_enum!`](crate::de::unit_enum!), which also implements `Deserialize`.
pub(crate) trait UnitEnum: Copy + 'static {
    /// The enum's name, for `deserialize_enum` and the `enum Name` of error messages.
    const NAME: &'static str;
    /// The JSON names of the variants, in declaration order.
    const VARIANTS: &'static [&'static str];
    /// The variants, in the same order.
    const ALL: &'static [Self];
}

/// The `Deserialize` body of a [`UnitEnum`].
pub(crate) fn deserialize_unit_enum<'de, T: UnitEnum, D: Deserializer<'de>>(
    d: D,
) -> Result<T, D::Error> {
    let visitor = EnumVisitor {
        name: T::NAME,
        variants: T::VARIANTS,
    };
    let index = d.deserialize_enum(T::NAME, T::VARIANTS, visitor)?;
    // The visitor only returns indices into VARIANTS, which has one name per variant.
    T::ALL
        .get(index)
        .copied()
        .ok_or_else(|| D::Error::custom("variant index out of range"))
}

/// Reads a unit variant's index.
#[derive(Clone, Copy)]
struct EnumVisitor {
    name: &'static str,
    variants: &'static [&'static str],
}

impl<'de> Visitor<'de> for EnumVisitor {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "enum {}", self.name)
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
        let (index, variant) = data.variant_seed(VariantKey(self.variants))?;
        de::VariantAccess::unit_variant(variant)?;
        Ok(index)
    }
}

/// A variant name: its index.
#[derive(Clone, Copy)]
struct VariantKey(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for VariantKey {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for VariantKey {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|v| *v == name)
            .ok_or_else(|| E::unknown_variant(name, self.0))
    }

    fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<usize, E> {
        self.0
            .iter()
            .position(|v| v.as_bytes() == name)
            .ok_or_else(|| E::unknown_variant(&String::from_utf8_lossy(name), self.0))
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<usize, E> {
        match usize::try_from(index) {
            Ok(i) if i < self.0.len() => Ok(i),
            _ => Err(E::invalid_value(
                Unexpected::Unsigned(index),
                &VariantIndex(self.0.len()),
            )),
        }
    }
}

/// `variant index 0 <= i < N`.
struct VariantIndex(usize);

impl Expected for VariantIndex {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "variant index 0 <= i < {}", self.0)
    }
}

/// Implements [`UnitEnum`], `Deserialize` and [`Blank`] (the first variant) for an enum of unit
/// variants: each variant with its JSON name, in declaration order.
macro_rules! unit_enum {
    ($ty:ident { $first:ident : $first_name:literal $(, $variant:ident : $name:literal )* $(,)? }) => {
        impl $crate::de::UnitEnum for $ty {
            const NAME: &'static str = stringify!($ty);
            const VARIANTS: &'static [&'static str] = &[$first_name $(, $name)*];
            const ALL: &'static [Self] = &[$ty::$first $(, $ty::$variant)*];
        }

        impl $crate::de::Blank for $ty {
            fn blank() -> Self {
                $ty::$first
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::de::deserialize_unit_enum(d)
            }
        }
    };
}
pub(crate) use unit_enum;
