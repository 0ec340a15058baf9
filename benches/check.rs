//! Native throughput and peak memory of a full IWpro check (a benchmark, not a test).
//!
//! `cargo bench --bench check` generates add-users files of 100,000 and 1,000,000 rows in memory,
//! pushes them in 1 MiB chunks, and prints MB/s, rows/s and the peak heap, with and without the
//! unique-e-mail index (the only structure that grows with the number of rows), and for the same
//! rows in Shift_JIS.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use csv_preflight::{builtin, CheckOptions, Checker, Profile, TextEncoding};

struct Counting;
static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A realistic add-users file: Japanese names, every 50th row with an error.
pub fn generate(rows: usize) -> Vec<u8> {
    let mut out = String::with_capacity(rows * 64);
    out.push_str("mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number\r\n");
    let families = [
        "山田", "佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "中村",
    ];
    let givens = [
        "太郎",
        "花子",
        "一郎",
        "さくら",
        "健太",
        "美咲",
        "翔",
        "陽菜",
    ];
    for i in 0..rows {
        let lang = if i % 50 == 49 {
            "JA"
        } else if i % 3 == 0 {
            "en"
        } else {
            "ja"
        };
        let option = ["NCS001", "NCS002", "NCS001|NCS003", ""][i % 4];
        out.push_str(&format!(
            "user{i:07}@example.co.jp,{},{},{lang},,{option},,,,,\r\n",
            families[i % families.len()],
            givens[(i / 8) % givens.len()]
        ));
    }
    out.into_bytes()
}

/// Checks `bytes` streamed in 1 MiB chunks, told the file's size if `sized` (as the CLI and
/// `checkFile` are), and prints the rate and the peak heap.
fn run(label: &str, profile: &Profile, bytes: &[u8], rows: usize, sized: bool) {
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = Instant::now();
    let options = CheckOptions {
        file_size: sized.then_some(bytes.len() as u64),
        ..CheckOptions::default()
    };
    let mut checker = Checker::new(profile, options).expect("profile");
    for chunk in bytes.chunks(1 << 20) {
        checker.push(chunk);
    }
    let report = checker.finish();
    let secs = start.elapsed().as_secs_f64();
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    assert_eq!(report.summary.rows, rows as u64);
    println!(
        "{label:<28} {rows:>9} rows {:>7.1} MB  {:>7.1} MB/s  {:>10.0} rows/s  peak heap {:>6.1} MB  ({} errors)",
        bytes.len() as f64 / 1e6,
        bytes.len() as f64 / 1e6 / secs,
        rows as f64 / secs,
        peak as f64 / 1e6,
        report.summary.errors,
    );
}

fn main() {
    let profile = builtin("fujifilm-iwpro/add-users").expect("builtin");
    let mut without_index = profile.clone();
    without_index.unique.clear();
    // The same rows as Excel writes CSV in Japan, checked with a copy of the profile that accepts
    // Shift_JIS (IWpro itself wants UTF-8).
    let mut shift_jis = profile.clone();
    shift_jis.file.encodings = vec![TextEncoding::ShiftJis];
    for rows in [100_000, 1_000_000] {
        let bytes = generate(rows);
        run("add-users (full check)", &profile, &bytes, rows, true);
        run("  not told the file's size", &profile, &bytes, rows, false);
        run(
            "add-users (no unique index)",
            &without_index,
            &bytes,
            rows,
            true,
        );
        let text = String::from_utf8(bytes).expect("generated as UTF-8");
        let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
        assert!(!unmappable);
        run("add-users in Shift_JIS", &shift_jis, &sjis, rows, true);
    }
}
