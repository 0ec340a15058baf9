#!/usr/bin/env bash
# The main job: builds the CLI and checks the bundled example file.
# (The demo-page issue turns this into: build the page and serve it on 127.0.0.1.)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
./target/release/csv-preflight check --profile fujifilm-iwpro/add-users examples/add-users_example.csv || true
