//! A long run of blank rows is handed to the report as it is counted, not held as one finding
//! per row until the run ends (a million blank lines once held about 150 MB of findings).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use csv_preflight::{builtin, CheckOptions, Checker};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[test]
fn a_million_blank_rows_are_counted_in_bounded_memory() {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let header = "mail_address,family_name,given_name,language\r\n";
    let blank = "\r\n".repeat(1_000_000);
    let row = "taro@example.com,山田,太郎,ja\r\n";
    let mut checker = Checker::new(&profile, CheckOptions::default()).unwrap();
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    checker.push(header.as_bytes());
    for chunk in blank.as_bytes().chunks(64 << 10) {
        checker.push(chunk);
    }
    checker.push(row.as_bytes());
    let report = checker.finish();
    let peak = PEAK.load(Ordering::Relaxed) - before;

    let blank_rows = report
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "blank-row")
        .count();
    assert_eq!(blank_rows, 1000, "the list stops at maxDiagnostics");
    assert_eq!(report.summary.errors, 1_000_000, "each blank row counted");
    assert!(peak < 16 << 20, "peak {peak} bytes while checking");
}
