//! Panics: a bug in the library must not kill the module for the whole page.
//!
//! wasm32 builds abort on a panic: the module traps with an opaque `RuntimeError: unreachable`,
//! and its memory may be left mid-update, so no later call can be trusted. The hook installed here
//! runs first and
//! 1. asks wasm-bindgen's glue to start a fresh instance of the module before the next call, so
//!    the page keeps working (objects made before, such as a `Checker`, are gone: their methods
//!    throw a `CsvPreflightError` of kind `internal` saying to make the object again; the glue
//!    checks this before entering the module, so `pkg-template/patch-glue.mjs` makes its error
//!    one of ours);
//! 2. throws a `CsvPreflightError` with kind `internal`, the panic's message and its place in
//!    the source, instead of the trap. Throwing from the hook leaves the old instance's stack
//!    behind, which is fine: that instance is never called again.

use std::panic::PanicHookInfo;

use wasm_bindgen::prelude::*;

use super::outcome::Failure;
use crate::error::{Error, ErrorKind};

/// Runs when the module is instantiated (and again after every reset).
#[wasm_bindgen(start, private)]
fn install_panic_hook() {
    std::panic::set_hook(Box::new(on_panic));
}

fn on_panic(info: &PanicHookInfo<'_>) {
    // First, before anything that could fail in a module that is already in trouble.
    wasm_bindgen::handler::schedule_reinit();
    let error = Error::new(ErrorKind::Internal {
        message: describe(info),
    });
    wasm_bindgen::throw_val(Failure::from(&error).into_js_error());
}

/// The panic's message and where it happened, e.g. `index out of bounds at src/read/record.rs:42`.
fn describe(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic");
    match info.location() {
        Some(at) => format!("{message} at {}:{}", at.file(), at.line()),
        None => message.to_string(),
    }
}

/// Test-only: a chunk starting with this makes `Checker.push` panic, so that tests can reach the
/// hook through the worker helper `checkFile`, which only pushes chunks.
#[cfg(feature = "test-panic")]
const PANIC_MARKER: &[u8] = b"csv-preflight: force a panic";

/// Panics when `piece` starts with [`PANIC_MARKER`] (`test-panic` builds only).
#[cfg(feature = "test-panic")]
pub(super) fn panic_on_marker(piece: &[u8]) {
    if piece.starts_with(PANIC_MARKER) {
        panic!("forced by the test marker");
    }
}

/// Panics on purpose, so that tests can prove the hook's promise: the call throws a typed error
/// and the next call works. Only in builds with the `test-panic` feature, never in the package.
#[cfg(feature = "test-panic")]
#[wasm_bindgen(js_name = forcePanicForTest)]
pub fn force_panic_for_test(message: &str) {
    panic!("{message}");
}
