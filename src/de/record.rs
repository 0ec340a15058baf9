//! Structs: [`Record`], the map loop and the array form every record shares, and `record!`.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, Expected, MapAccess, SeqAccess, Unexpected, Visitor,
};

/// A struct read field by field: what differs between the derived impls of two structs.
///
/// Implemented with [`record!`](crate::de::record!), which also implements `Deserialize`.
pub(crate) trait Record: Sized {
    /// The struct's name, for `deserialize_struct` and the `struct Name` of error messages.
    const NAME: &'static str;
    /// The JSON names of the fields in declaration order (`unknown field` lists them so).
    const FIELDS: &'static [&'static str];
    /// Bit `i` set: field `i` has no default, leaving it out is `missing field`.
    const REQUIRED: u64;
    /// The value before any field is read: defaults, and placeholders for the required fields
    /// (each is overwritten or reported missing).
    fn blank() -> Self;
    /// Reads field `index` (into [`Record::FIELDS`]) from `d`.
    fn field<'de, D: Deserializer<'de>>(&mut self, index: usize, d: D) -> Result<(), D::Error>;
}

/// A placeholder for a required field, overwritten before the value is returned.
pub(crate) trait Blank {
    /// The placeholder (never seen by a caller).
    fn blank() -> Self;
}

impl Blank for String {
    fn blank() -> Self {
        String::new()
    }
}

impl Blank for u32 {
    fn blank() -> Self {
        0
    }
}

impl<T> Blank for Vec<T> {
    fn blank() -> Self {
        Vec::new()
    }
}

/// The position of `name` in `fields` (for the indices `record!` matches on; evaluated at
/// compile time, where a name missing from `fields` fails the build).
pub(crate) const fn position(fields: &[&str], name: &str) -> usize {
    let mut i = 0;
    while i < fields.len() {
        if str_eq(fields[i], name) {
            return i;
        }
        i += 1;
    }
    panic!("a field name is not in FIELDS")
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The `Deserialize` body of a [`Record`].
pub(crate) fn deserialize_record<'de, R: Record, D: Deserializer<'de>>(
    d: D,
) -> Result<R, D::Error> {
    // The visitor fills a record owned here (rather than returning one), so that the code
    // serde_json instantiates for each record type moves and drops no record.
    let mut record = R::blank();
    d.deserialize_struct(R::NAME, R::FIELDS, RecordVisitor(&mut record))?;
    Ok(record)
}

struct RecordVisitor<'a, R>(&'a mut R);

impl<R: Record> RecordVisitor<'_, R> {
    const KEYS: Keys = Keys {
        fields: R::FIELDS,
        required: R::REQUIRED,
    };
}

impl<'de, R: Record> Visitor<'de> for RecordVisitor<'_, R> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "struct {}", R::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let record = self.0;
        read_map(map, Self::KEYS, &mut |index, map: &mut A| {
            map.next_value_seed(Field { record, index })
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let record = self.0;
        read_seq(seq, R::NAME, Self::KEYS, &mut |index, seq: &mut A| {
            Ok(seq.next_element_seed(Field { record, index })?.is_some())
        })
    }
}

/// Reads field `index` from a map or a sequence (a record's own code, called by the shared loops).
type FieldReader<'r, A, T, E> = dyn FnMut(usize, &mut A) -> Result<T, E> + 'r;

/// What [`read_map`] and [`read_seq`] need to know of a record's fields.
#[derive(Clone, Copy)]
struct Keys {
    fields: &'static [&'static str],
    required: u64,
}

/// The map loop of every record (one copy per map type, not per record): reads the keys, rejects
/// unknown fields and duplicates and reports the first required field left out; `value` reads
/// the value of field `index`.
#[inline(never)]
fn read_map<'de, A: MapAccess<'de>>(
    mut map: A,
    keys: Keys,
    value: &mut FieldReader<'_, A, (), A::Error>,
) -> Result<(), A::Error> {
    let mut seen = 0u64;
    let key = Key {
        fields: keys.fields,
    };
    while let Some(index) = map.next_key_seed(key)? {
        seen = mark(seen, index, keys.fields)?;
        value(index, &mut map)?;
    }
    missing(keys.required & !seen, keys.fields)
}

/// The array form of every record: one element per field in declaration order; a missing
/// element takes the field's default, or is an error (as in the derive). `element` reads field
/// `index`, and says whether there was an element.
#[inline(never)]
fn read_seq<'de, A: SeqAccess<'de>>(
    mut seq: A,
    name: &'static str,
    keys: Keys,
    element: &mut FieldReader<'_, A, bool, A::Error>,
) -> Result<(), A::Error> {
    for index in 0..keys.fields.len() {
        if !element(index, &mut seq)? && keys.required & bit(index) != 0 {
            let expected = Elements(name, keys.fields.len());
            return Err(de::Error::invalid_length(index, &expected));
        }
    }
    Ok(())
}

fn bit(index: usize) -> u64 {
    1u64.checked_shl(index as u32).unwrap_or(0)
}

/// Records field `index` as seen, or fails with `duplicate field`.
fn mark<E: de::Error>(seen: u64, index: usize, fields: &'static [&'static str]) -> Result<u64, E> {
    if seen & bit(index) != 0 {
        return Err(E::duplicate_field(fields.get(index).copied().unwrap_or("")));
    }
    Ok(seen | bit(index))
}

/// `missing field` for the first required field (in declaration order) not seen.
fn missing<E: de::Error>(unseen: u64, fields: &'static [&'static str]) -> Result<(), E> {
    match (0..fields.len()).find(|&i| unseen & bit(i) != 0) {
        Some(i) => Err(E::missing_field(fields.get(i).copied().unwrap_or(""))),
        None => Ok(()),
    }
}

/// `struct Name with N elements`, what the array form of a struct expects.
struct Elements(&'static str, usize);

impl Expected for Elements {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let s = if self.1 == 1 { "" } else { "s" };
        write!(f, "struct {} with {} element{s}", self.0, self.1)
    }
}

/// Reads one field's value into the record.
struct Field<'a, R> {
    record: &'a mut R,
    index: usize,
}

impl<'de, R: Record> DeserializeSeed<'de> for Field<'_, R> {
    type Value = ();

    // Not inlined: the map and the array form share one copy of each record's field reader.
    #[inline(never)]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.record.field(self.index, d)
    }
}

/// A field name: its index (an unknown field is an error, serde's `deny_unknown_fields`).
#[derive(Clone, Copy)]
struct Key {
    fields: &'static [&'static str],
}

impl<'de> DeserializeSeed<'de> for Key {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<usize, E> {
        match self.fields.iter().position(|f| *f == name) {
            Some(i) => Ok(i),
            None => Err(E::unknown_field(name, self.fields)),
        }
    }

    fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<usize, E> {
        match self.fields.iter().position(|f| f.as_bytes() == name) {
            Some(i) => Ok(i),
            None => Err(E::unknown_field(
                &String::from_utf8_lossy(name),
                self.fields,
            )),
        }
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<usize, E> {
        match usize::try_from(index) {
            Ok(i) if i < self.fields.len() => Ok(i),
            _ => Err(E::invalid_value(
                Unexpected::Unsigned(index),
                &FieldIndex(self.fields.len()),
            )),
        }
    }
}

/// `field index 0 <= i < N`.
struct FieldIndex(usize);

impl Expected for FieldIndex {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "field index 0 <= i < {}", self.0)
    }
}

/// Implements [`Record`] and `Deserialize` for a struct: its fields in declaration order, each
/// with its JSON name and, for a field that may be left out, its default in parentheses
/// (`(default)` for `Default::default()`). After the fields, `default` says that every field may
/// be left out and takes its value from the struct's `Default` (serde's container `default`).
/// Unknown fields are errors (serde's `deny_unknown_fields`): a misspelt field is never ignored.
macro_rules! record {
    ($ty:ident { $($fields:tt)* }) => {
        $crate::de::record!(@impl $ty { $($fields)* } fields);
    };
    ($ty:ident { $($fields:tt)* }, default) => {
        $crate::de::record!(@impl $ty { $($fields)* } container);
    };
    (
        @impl $ty:ident { $( $field:ident : $name:literal $(( $($default:tt)* ))? ),* $(,)? }
        $defaults:ident
    ) => {
        // `REQUIRED` and the bit set of the fields seen are `u64`s.
        const _: () = assert!(<$ty as $crate::de::Record>::FIELDS.len() <= 64);

        impl $crate::de::Record for $ty {
            const NAME: &'static str = stringify!($ty);
            const FIELDS: &'static [&'static str] = &[$($name),*];
            const REQUIRED: u64 =
                0 $( | $crate::de::record!(@required $defaults $name $($($default)*)?) )*;

            $crate::de::record!(@blank $defaults $ty { $( $field $(( $($default)* ))? ),* });

            fn field<'de, D: serde::Deserializer<'de>>(
                &mut self,
                index: usize,
                d: D,
            ) -> Result<(), D::Error> {
                match index {
                    $( i if i == { const I: usize = $crate::de::position(
                        <$ty as $crate::de::Record>::FIELDS, $name); I } => {
                        self.$field = serde::Deserialize::deserialize(d)?;
                    } )*
                    _ => {}
                }
                Ok(())
            }
        }

        impl $crate::de::Blank for $ty {
            fn blank() -> Self {
                <$ty as $crate::de::Record>::blank()
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::de::deserialize_record(d)
            }
        }
    };
    (@required container $($any:tt)*) => { 0 };
    (@required fields $name:literal) => { (1u64 << $crate::de::position(Self::FIELDS, $name)) };
    (@required fields $name:literal $($default:tt)+) => { 0 };
    (@blank container $ty:ident { $($any:tt)* }) => {
        fn blank() -> Self {
            <$ty as Default>::default()
        }
    };
    (@blank fields $ty:ident { $( $field:ident $(( $($default:tt)* ))? ),* }) => {
        fn blank() -> Self {
            $ty { $( $field: $crate::de::record!(@value $($($default)*)?) ),* }
        }
    };
    (@value) => { $crate::de::Blank::blank() };
    (@value default) => { Default::default() };
    (@value $($default:tt)+) => { $($default)+ };
}
pub(crate) use record;
