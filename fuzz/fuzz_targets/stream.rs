//! A streaming check fed in random chunks equals the whole-buffer check, whatever file size it is
//! told (`CheckOptions::file_size` is a hint that sizes the unique index: never the report).
#![no_main]

#[path = "common.rs"]
mod common;

use csv_preflight::{check, Checker};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((profile, options, rest)) = common::split(data) else {
        return;
    };
    let Some((seed, csv)) = rest.split_first_chunk::<4>() else {
        return;
    };
    let whole = check(csv, profile, options.clone()).expect("built-in profiles compile");
    // Chunk sizes from a xorshift sequence seeded by the input: 0 to 70,000 bytes, mostly small,
    // sometimes past the 64 KiB sniff window.
    let mut state = u32::from_le_bytes(*seed) | 1;
    let told = match state % 5 {
        0 => None,
        1 => Some(csv.len() as u64),
        2 => Some(1),
        3 => Some(csv.len() as u64 * 10),
        _ => Some(u64::MAX),
    };
    let options = csv_preflight::CheckOptions {
        file_size: told,
        ..options
    };
    let mut checker = Checker::new(profile, options).expect("built-in profiles compile");
    let mut at = 0;
    while at < csv.len() {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let size = match state % 8 {
            0 => 0,
            1..=5 => (state >> 8) as usize % 8,
            6 => (state >> 8) as usize % 512,
            _ => (state >> 8) as usize % 70_000,
        };
        let end = (at + size).min(csv.len());
        checker.push(&csv[at..end]);
        at = end;
    }
    assert_eq!(checker.finish(), whole);
});
