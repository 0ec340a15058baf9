//! The field and variant lists of `record!` and `unit_enum!` against the serde attributes of the
//! same types (through the JSON Schema schemars derives from them, or `Serialize`): a field renamed
//! or given a default in one place but not the other fails here.

use serde_json::Value;

use super::{Record, UnitEnum};
use crate::convert::{ColumnMapping, DateMapping, Mapping, Split, SplitPart, SuggestedBy};
use crate::decode::{Lang, TextEncoding};
use crate::profile::*;
use crate::report::{Code, Severity};

/// The schema's properties (in declaration order) and which of them are required.
fn schema_fields<T: schemars::JsonSchema>() -> (Vec<String>, Vec<String>) {
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    let names = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let required = schema["required"]
        .as_array()
        .map(|r| r.iter().map(|v| v.as_str().unwrap().to_string()).collect())
        .unwrap_or_default();
    (names, required)
}

fn record_fields<T: Record>() -> (Vec<String>, Vec<String>) {
    let names: Vec<String> = T::FIELDS.iter().map(|s| s.to_string()).collect();
    let required = names
        .iter()
        .enumerate()
        .filter(|(i, _)| T::REQUIRED & (1 << i) != 0)
        .map(|(_, n)| n.clone())
        .collect();
    (names, required)
}

/// The variant names of a unit enum's schema (`enum`, or `oneOf` of `const`/`enum`).
fn schema_variants<T: schemars::JsonSchema>() -> Vec<String> {
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    let mut names = Vec::new();
    let mut collect = |v: &Value| {
        if let Some(s) = v.get("const").and_then(Value::as_str) {
            names.push(s.to_string());
        }
        for s in v
            .get("enum")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            names.push(s.as_str().unwrap().to_string());
        }
    };
    collect(&schema);
    for v in schema
        .get("oneOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        collect(v);
    }
    names
}

macro_rules! check_records {
    ($($ty:ident),* $(,)?) => {
        $( assert_eq!(record_fields::<$ty>(), schema_fields::<$ty>(), stringify!($ty)); )*
    };
}

macro_rules! check_enums {
    ($($ty:ident),* $(,)?) => {
        $( assert_eq!(
            <$ty as UnitEnum>::VARIANTS.to_vec(),
            schema_variants::<$ty>(),
            stringify!($ty)
        ); )*
    };
}

#[test]
fn records_match_their_serde_attributes() {
    check_records!(
        Text,
        Profile,
        Parameter,
        FileRules,
        FileNameRule,
        FileType,
        PreambleLine,
        HeaderRules,
        HeaderMarker,
        Column,
        ValueChecks,
        Length,
        Chars,
        CharsByParam,
        OneOf,
        Pattern,
        ListRule,
        RowRule,
        Condition,
        Requirement,
        UniqueKey,
        KeyRule,
        AlternateKey,
        KeyWhen,
        ForeignKey,
        Reference,
        PlanRules,
        ModeWhen,
        SeatRule,
        Uncounted,
        ParamExpr,
        NotOneOf,
        MustContain,
        Mapping,
        ColumnMapping,
        Split,
        DateMapping,
    );
}

#[test]
fn unit_enums_match_their_serde_attributes() {
    check_enums!(
        ParamType,
        BomPolicy,
        Delimiter,
        LineEndingKind,
        ColumnOrder,
        UnknownColumns,
        HeaderPresence,
        ValuePolicy,
        LengthUnit,
        CharClass,
        ValueType,
        ImportMode,
        SplitPart,
        SuggestedBy,
        TextEncoding,
        Lang,
        Severity,
        Code,
    );
}

/// The options have no schema; `Serialize` writes every field under its JSON name, in order.
fn serialized_fields<T: serde::Serialize + Default>() -> Vec<String> {
    let value = serde_json::to_value(T::default()).unwrap();
    value.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn options_match_their_serde_attributes() {
    use crate::check::Limits;
    use crate::convert::{ConvertOptions, Repairs};
    assert_eq!(
        ConvertOptions::FIELDS,
        serialized_fields::<ConvertOptions>()
    );
    assert_eq!(Repairs::FIELDS, serialized_fields::<Repairs>());
    assert_eq!(Limits::FIELDS, serialized_fields::<Limits>());
    // Every field may be left out (serde's container `default`).
    assert_eq!(
        ConvertOptions::REQUIRED | Repairs::REQUIRED | Limits::REQUIRED,
        0
    );
}
