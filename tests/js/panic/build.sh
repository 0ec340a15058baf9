#!/usr/bin/env bash
# Builds the test-only variant of the bindings with the `test-panic` feature (it adds the
# `forcePanicForTest` export, and `Checker.push` panics on a chunk that starts with
# "csv-preflight: force a panic") into target/test-panic-pkg/{node,web,worker}, for
# tests/js/panic.test.mjs. The worker helper is copied from pkg/ (bash pkg-template/build.sh first).
# Never part of the package. Dev profile and no wasm-opt: the test needs behaviour, not size.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source scripts/setup.sh
need_wasm

TARGET_DIR="$(cargo_target_dir)"
OUT="$TARGET_DIR/test-panic-pkg"
log "cargo build (wasm32, dev, features: test-panic) -> $OUT"
cargo build --lib --target wasm32-unknown-unknown --no-default-features --features test-panic
rm -rf "$OUT"
wasm-bindgen --target nodejs --out-dir "$OUT/node" --out-name csv_preflight \
  "$TARGET_DIR/wasm32-unknown-unknown/debug/csv_preflight.wasm"
wasm-bindgen --target web --out-dir "$OUT/web" --out-name csv_preflight \
  "$TARGET_DIR/wasm32-unknown-unknown/debug/csv_preflight.wasm"
node pkg-template/patch-glue.mjs "$OUT/node" "$OUT/web"
[ -f pkg/worker/worker.js ] || { echo "pkg/worker is missing: run bash pkg-template/build.sh first" >&2; exit 1; }
mkdir -p "$OUT/worker"
cp pkg/worker/*.js "$OUT/worker/"
