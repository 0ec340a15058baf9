//! Conversion to every built-in target (first byte) with options from the second byte, fed whole
//! and in random chunks (taking the output as it comes): no panic, and the same result either way.
#![no_main]

#[path = "common.rs"]
mod common;

use csv_preflight::convert::{ConvertOptions, ConvertStatus, Converter, Repairs};
use csv_preflight::{Limits, Profile, TextEncoding};
use libfuzzer_sys::fuzz_target;

fn options(selector: u8) -> ConvertOptions {
    let mut options = ConvertOptions {
        date: Some("2026-11-21".into()),
        ..ConvertOptions::default()
    };
    options.from = match selector & 3 {
        0 => "auto".into(),
        1 => "header".into(),
        2 => "fujifilm-iwpro/add-users".into(),
        _ => "learningbox/users".into(),
    };
    options.encoding = match (selector >> 2) & 3 {
        0 => None,
        1 => Some(TextEncoding::Utf8),
        2 => Some(TextEncoding::ShiftJis),
        _ => Some(TextEncoding::EucKr),
    };
    if selector & 16 != 0 {
        options.force = true;
    }
    if selector & 32 != 0 {
        options.repairs = Repairs {
            trim: false,
            half_width: false,
            stray_bom: false,
            trailing_empty: false,
            blank_rows: false,
            excel_dates: false,
            letter_case: false,
        };
        options.strict_shift_jis = true;
    }
    if selector & 64 != 0 {
        options.limits = Limits {
            max_field_bytes: 16,
            max_fields: 4,
            max_record_bytes: 40,
            max_unique_keys: 2,
        };
        options.max_diagnostics = 3;
        options.max_changes = 3;
    }
    options
}

fn run(target: &Profile, options: ConvertOptions, chunks: &[&[u8]]) -> Option<(Vec<u8>, String)> {
    let mut converter = Converter::new(target, options).ok()?;
    let mut bytes = Vec::new();
    for chunk in chunks {
        converter.push(chunk);
        bytes.append(&mut converter.take_output());
    }
    let mut result = converter.finish().ok()?;
    if result.status == ConvertStatus::Refused {
        bytes.clear();
    }
    bytes.append(&mut result.bytes);
    // Everything but the bytes, compared as JSON (the bytes were taken apart above).
    result.bytes = Vec::new();
    Some((bytes, serde_json::to_string(&result).ok()?))
}

fuzz_target!(|data: &[u8]| {
    let Some((&t, rest)) = data.split_first() else {
        return;
    };
    let Some((&o, rest)) = rest.split_first() else {
        return;
    };
    let Some((&cut, csv)) = rest.split_first() else {
        return;
    };
    let profiles = common::profiles();
    let Some(target) = profiles.get(usize::from(t) % profiles.len()) else {
        return;
    };
    let whole = run(target, options(o), &[csv]);
    let cut = (usize::from(cut) * 37) % (csv.len() + 1);
    let (a, b) = csv.split_at(cut);
    let (b1, b2) = b.split_at(b.len() / 2);
    let split = run(target, options(o), &[a, b1, b2]);
    assert_eq!(whole, split, "chunked at {cut}");
});
