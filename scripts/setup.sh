#!/usr/bin/env bash
# Installs what the build and the tests need, once per machine. Idempotent and quiet when done.
# Tools are cached outside the clone (CI starts from a fresh clone on the same machine).
# Usage: source scripts/setup.sh; then call need_wasm / need_node_modules / need_chromium.
set -euo pipefail

CACHE="${CSV_PREFLIGHT_CACHE:-$HOME/.cache/csv-preflight}"
# Must equal the `wasm-bindgen = "=X"` pin in Cargo.toml.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$(dirname "${BASH_SOURCE[0]}")/../Cargo.toml" | head -n1)"
WASM_BINDGEN_VERSION="${WASM_BINDGEN_VERSION:-0.2.130}"
WASM_BINDGEN_ROOT="$CACHE/wasm-bindgen-$WASM_BINDGEN_VERSION"
export PATH="$WASM_BINDGEN_ROOT/bin:$PATH"

log() { printf '==> %s\n' "$*" >&2; }

# Cargo's target directory (honours CARGO_TARGET_DIR and .cargo/config).
cargo_target_dir() {
  cargo metadata --format-version 1 --no-deps |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))'
}

need_wasm() {
  if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! [ -x "$WASM_BINDGEN_ROOT/bin/wasm-bindgen" ] || ! "$WASM_BINDGEN_ROOT/bin/wasm-bindgen" --version | grep -q "$WASM_BINDGEN_VERSION"; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION into $WASM_BINDGEN_ROOT (once, ~2 min)"
    # --locked fails for some versions (a dependency missing from the index): fall back to unlocked.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --root "$WASM_BINDGEN_ROOT" \
      || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$WASM_BINDGEN_ROOT"
  fi
}

# npm dev tools (binaryen's wasm-opt, typescript, vite, playwright-core, papaparse, csv-spectrum, axe-core),
# installed from the committed lock file into tests/js/node_modules.
need_node_modules() {
  local dir
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../tests/js" && pwd)"
  if ! [ -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.installed" ]; then
    log "installing npm dev tools in tests/js"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed)
  fi
}

need_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian chromium and chromium-driver"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}
