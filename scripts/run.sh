#!/usr/bin/env bash
# The main job: builds the demo page (and the npm package it runs on, when missing or stale) and
# serves it on 127.0.0.1, printing the URL. Nothing is uploaded: the page checks files in the browser.
# Usage: bash scripts/run.sh [PORT]   (default 8080; a free port is taken when it is busy)
# The single-file build, www/dist/csv-preflight.html, also works opened straight from disk.
set -euo pipefail
cd "$(dirname "$0")/.."
bash www/build.sh
exec python3 - "${1:-${PORT:-8080}}" www/dist <<'PY'
import functools, http.server, sys

port, directory = int(sys.argv[1]), sys.argv[2]

class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".svg": "image/svg+xml"}

class Server(http.server.ThreadingHTTPServer):
    allow_reuse_address = True

handler = functools.partial(Handler, directory=directory)
try:
    server = Server(("127.0.0.1", port), handler)
except OSError:
    server = Server(("127.0.0.1", 0), handler)
print(f"csv-preflight demo page: http://127.0.0.1:{server.server_address[1]}/  (Ctrl+C stops)", flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
PY
