#!/usr/bin/env bash
# Builds the npm package `csv-preflight` into pkg/ (gitignored) from this template.
# Run from the repository root: bash pkg-template/build.sh
# Installs what it needs first (the pinned wasm-bindgen CLI, the npm dev tools: see scripts/setup.sh).
#
#   cargo (release, wasm32, --no-default-features --features wasm)
#     -> wasm-bindgen --target web | nodejs   -> pkg/web, pkg/node (bundlers use the web build;
#        wasm-bindgen's `bundler` build cannot start a fresh instance after a panic: see
#        src/bindings/panic.rs); one .wasm for both, in pkg/web
#     -> wasm-opt -Oz (npm binaryen; Debian's binaryen writes modules that fail to load)
#     -> the template's package.json, README, licences, entry points (TypeScript, compiled in place)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
need_wasm
need_node_modules

ROOT="$PWD"
PKG="$ROOT/pkg"
TEMPLATE="$ROOT/pkg-template"
BIN="$ROOT/tests/js/node_modules/.bin"
TARGET_DIR="$(cargo_target_dir)"
WASM="$TARGET_DIR/wasm32-unknown-unknown/release/csv_preflight.wasm"
# The features of the wasm32 target that rustc enables by default, so that wasm-opt keeps them.
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-reference-types --enable-multivalue --enable-simd)
# --low-memory-unused lets wasm-opt fold `pointer + constant` into the load or store offset (the
# two differ only when the sum wraps past 4 GiB, which no Rust object or field address does):
# about 9 KB smaller, and the check no slower.
WASM_OPT_FLAGS=(-Oz --low-memory-unused "${WASM_OPT_FEATURES[@]}")

# The panic locations kept in the module name the source files of the dependencies, which live
# under the builder's CARGO_HOME (/home/<user>/.cargo/registry/src/...): written as /cargo/...,
# so the .wasm says nothing about the machine that built it and is the same bytes wherever the
# same sources are built. (The crate's own paths are relative, the standard library's already
# /rustc/<commit>/.) Cargo adds these flags to the wasm target's in .cargo/config.toml (and keeps
# any the caller set in this variable).
# The path as cargo writes it: absolute (a relative CARGO_HOME is taken from the current
# directory), symbolic links kept, no trailing slash.
cargo_home="$(cd "${CARGO_HOME:-$HOME/.cargo}" && pwd)"
remap="--remap-path-prefix=$cargo_home=/cargo"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:+$CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS }$remap"

log "cargo build (wasm32, release, features: wasm)"
cargo build --lib --release --target wasm32-unknown-unknown --no-default-features --features wasm

rm -rf "$PKG"
mkdir -p "$PKG"
for target in web nodejs; do
  dir="$target"
  [ "$target" = nodejs ] && dir=node
  log "wasm-bindgen --target $target -> pkg/$dir"
  wasm-bindgen --target "$target" --out-dir "$PKG/$dir" --out-name csv_preflight "$WASM"
  node "$TEMPLATE/patch-glue.mjs" "$PKG/$dir"
done
# The two builds differ in their JavaScript glue only: the package carries the module once, in
# web/, and the Node.js glue reads it from there (pkg-template/share-wasm.mjs).
if ! cmp -s "$PKG/web/csv_preflight_bg.wasm" "$PKG/node/csv_preflight_bg.wasm"; then
  echo "build.sh: wasm-bindgen wrote different modules for web and nodejs; the package can no" >&2
  echo "longer share one (see pkg-template/share-wasm.mjs)" >&2
  exit 1
fi
rm "$PKG/node/csv_preflight_bg.wasm" "$PKG/node/csv_preflight_bg.wasm.d.ts"
node "$TEMPLATE/share-wasm.mjs" "$PKG/node" ../web
bindgen_size=$(stat -c %s "$PKG/web/csv_preflight_bg.wasm")
log "wasm-opt -Oz -> pkg/web/csv_preflight_bg.wasm (the Node.js build loads it too)"
"$BIN/wasm-opt" "${WASM_OPT_FLAGS[@]}" --strip-debug --strip-producers \
  "$PKG/web/csv_preflight_bg.wasm" -o "$PKG/web/csv_preflight_bg.wasm"

log "package files"
cp "$TEMPLATE/package.json" "$TEMPLATE/README.md" "$TEMPLATE/LICENSE" "$TEMPLATE/LICENSE-MIT" \
  "$TEMPLATE/LICENSE-APACHE" "$PKG/"
cp -R "$TEMPLATE/src/." "$PKG/"
HAS_SCHEMA=0
if [ -f schema/profile.schema.json ]; then
  cp schema/profile.schema.json "$PKG/"
  HAS_SCHEMA=1
fi
VERSION="$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages.find(p=>p.name==="csv-preflight").version))')"
VERSION="$VERSION" HAS_SCHEMA="$HAS_SCHEMA" node -e '
  const fs = require("fs");
  const path = process.argv[1];
  const pkg = JSON.parse(fs.readFileSync(path, "utf8"));
  pkg.version = process.env.VERSION;
  if (process.env.HAS_SCHEMA !== "1") {
    delete pkg.exports["./profile.schema.json"];
    pkg.files = pkg.files.filter((f) => f !== "profile.schema.json");
  }
  fs.writeFileSync(path, JSON.stringify(pkg, null, 2) + "\n");
' "$PKG/package.json"

log "tsc: entry points and the worker helper"
"$BIN/tsc" -p "$PKG/tsconfig.json"
find "$PKG" \( -name '*.ts' -o -name '*.mts' \) ! -name '*.d.ts' ! -name '*.d.mts' -delete
rm "$PKG/tsconfig.json"

opt=$(stat -c %s "$PKG/web/csv_preflight_bg.wasm")
gz=$(gzip -9 -c "$PKG/web/csv_preflight_bg.wasm" | wc -c)
log "pkg/ ready: csv-preflight@$VERSION; .wasm: $bindgen_size bytes from wasm-bindgen, $opt after wasm-opt -Oz, $gz gzipped"
