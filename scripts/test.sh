#!/usr/bin/env bash
# Runs every test: formatting, lints, native tests, wasm tests (Node + headless Chromium), the npm
# package in Node, the TypeScript types, a Vite consumer build, and the demo page end to end.
# Installs what is missing first (see scripts/setup.sh). Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

log "cargo fmt --check"
cargo fmt --check
log "cargo clippy -- -D warnings"
cargo clippy --all-targets -- -D warnings
log "native tests"
cargo test

# --- The WebAssembly bindings and the npm package ---------------------------------------------
need_wasm
need_node_modules
need_chromium
WASM_FEATURES=(--target wasm32-unknown-unknown --no-default-features --features wasm)
log "cargo clippy (wasm32, features: wasm + test-panic) -- -D warnings"
cargo clippy "${WASM_FEATURES[@]}" --features test-panic --lib --test wasm_node --test wasm_browser -- -D warnings
log "build the npm package (pkg/)"
bash pkg-template/build.sh
log "wasm-bindgen-test: the bindings in Node.js and in headless Chromium"
# No -q here: cargo would pass it on to wasm-bindgen-test-runner, which rejects it.
# --lib: the unit tests src/bindings/unit_tests.rs registers run in wasm too (the SIMD byte scans and their users).
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test "${WASM_FEATURES[@]}" --lib --test wasm_node --test wasm_browser
log "the test-only build that can be made to panic (target/test-panic-pkg/)"
bash tests/js/panic/build.sh
log "the npm package: Node.js, headless Chromium (page + worker), tsc --noEmit, Vite build, panics"
(cd tests/js && node --test --test-concurrency=1 node.test.mjs baseline.test.mjs bundle.test.mjs browser.test.mjs types.test.mjs vite.test.mjs \
  no-network.test.mjs build-paths.test.mjs package-files.test.mjs panic.test.mjs)

# --- The demo page (www/) ---------------------------------------------------------------------
# A Japanese font only makes the screenshots readable (the assertions do not need it): best effort.
if command -v fc-list >/dev/null && ! fc-list :lang=ja | grep -q . && [ "$(id -u)" -eq 0 ]; then
  log "installing a Japanese font for the screenshots (fonts-ipafont-gothic)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-ipafont-gothic; } >/dev/null 2>&1 \
    || log "no Japanese font: Japanese text shows as boxes in the screenshots"
fi
log "build the demo page (www/dist/)"
bash www/build.sh
log "the demo page end to end: served and from file://, headless Chromium (screenshots: artifacts/e2e/)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs
