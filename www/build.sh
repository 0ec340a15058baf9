#!/usr/bin/env bash
# Builds the demo page: www/dist/ (the servable site, index.html at its top) and
# www/dist/csv-preflight.html (one self-contained file that also works opened from disk).
# Run from anywhere: bash www/build.sh. Installs what it needs (scripts/setup.sh) and builds the npm
# package (pkg/, bash pkg-template/build.sh) when it is missing or older than its sources.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
need_node_modules

# The package is rebuilt unless it is newer than everything it is built from. (CSV_PREFLIGHT_PKG
# points at a package built elsewhere, used as is.)
pkg_stale() {
  local stamp=pkg/web/csv_preflight_bg.wasm
  ! [ -f "$stamp" ] || ! [ -f pkg/package.json ] \
    || [ -n "$(find src pkg-template schema Cargo.toml Cargo.lock -newer "$stamp" -print -quit 2>/dev/null)" ]
}
if [ -z "${CSV_PREFLIGHT_PKG:-}" ] && pkg_stale; then
  log "building the npm package (pkg/)"
  bash pkg-template/build.sh
fi

log "building the page (www/dist/)"
node www/build.mjs
