#!/usr/bin/env bash
# Builds nuan in release mode, starts `nuan serve` on the shipped rules and runs
# scripts/load-serve.py against it at 1, 8 and 64 concurrent clients (BENCHMARKS.md,
# "nuan serve"). Not part of CI. Extra arguments go to load-serve.py (e.g. --seconds 5,
# --explain none, --clients 1,8,64,128).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift build -c release --product nuan >/dev/null
port="${PORT:-18091}"
log="$(mktemp)"
# --max-connections above the largest client count: the test measures throughput, not refusals
.build/release/nuan serve --rules Rules/ --port "$port" --max-connections 256 2>"$log" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
echo "nuan serve (release) on $(nproc) CPU(s); POST /v1/decide, Rules/examples/bengbu-deep-national.json under bengbu-2022"
python3 scripts/load-serve.py --url "http://127.0.0.1:$port" "$@"
