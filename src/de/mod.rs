//! Compact `Deserialize` impls for the profile format and the options objects.
//!
//! Why not `#[derive(Deserialize)]`: the derive writes a complete visitor for every struct and
//! enum (a field-identifier visitor, a map loop with one `Option` per field, an array form, the
//! missing-field checks) and, compiled at this crate's `opt-level = 3`, each is inlined into its
//! caller. For the ~50 types of the profile format that was about 180 KB of the 1.25 MB wasm
//! module. Here the loop is written once ([`Record`], [`UnitEnum`]) and each type only lists its
//! fields and reads one of them by index.
//!
//! What is accepted, and every error message, is what the derived impls gave: the same serde
//! errors (`unknown field`, `missing field`, `duplicate field`, `invalid length`, `unknown
//! variant`, `invalid type`) raised at the same point of the input, so serde_json adds the same
//! line and column. That includes the derive's less obvious forms: a struct may be written as an
//! array of its field values in declaration order, and a unit variant as `{"name": null}`.
//! `tests/profile_errors.rs` pins the messages and both forms; `tests/schema.rs` checks that the
//! field lists here match the types' serde attributes (which the JSON Schema, `Serialize` and the
//! TypeScript types are made from).

mod record;
mod shape;
mod unit_enum;

pub(crate) use record::{deserialize_record, position, record, Blank, Record};
pub(crate) use shape::{no_variant, Shape};
pub(crate) use unit_enum::{deserialize_unit_enum, unit_enum, UnitEnum};

#[cfg(all(test, feature = "schema", feature = "cli"))]
mod tests;
