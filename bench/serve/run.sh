#!/usr/bin/env bash
# kurdi serve's speed (issue 6, section 6): requests per second and p50/p99
# latency of /api/search under wrk at 16 and 64 connections, against a
# baseline in the same run: the same queries through the same handler in the
# same process with no HTTP (kurdi_bench_serve_direct, as many threads as
# connections), once with kurdi serve's defaults and once counting every
# match of a full page (--count-limit 0, what the handler did before the
# limit), which shows what the capped count saves. Results go to
# docs/benchmarks.md ("Serve").
#
#   bench/serve/run.sh ARCHIVE [BUILD_DIR] [SECONDS] [QUERIES]
#
# ARCHIVE: made by `kurdi index` from bench/archive/make_corpus.py output.
# BUILD_DIR (default build-bench): a Release build with -DKURDI_BUILD_BENCH=ON
# (kurdi, kurdi_bench_search_latency, kurdi_bench_serve_direct). SECONDS
# (default 20) per measurement, QUERIES (default 1000) drawn by
# kurdi_bench_search_latency by document frequency (bench/archive/README.md).
# Starts and stops its own server on a free loopback port.
set -euo pipefail
archive=${1:?usage: bench/serve/run.sh ARCHIVE [BUILD_DIR] [SECONDS] [QUERIES]}
build=${2:-build-bench}
seconds=${3:-20}
nqueries=${4:-1000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
server=""
cleanup() {
  [[ -n "$server" ]] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- serve archive apps bench || echo ' (with local changes)')"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "archive: $archive ($(du -h "$archive" | cut -f1)), $("$build/apps/cli/kurdi" stats "$archive" --json | sed -n 's/.*"documents": *\([0-9]*\).*/\1/p') documents"

# The queries, and Archive::search alone on one thread (limit 10) as a first baseline.
"$build/bench/archive/kurdi_bench_search_latency" "$archive" --queries "$nqueries" --limit 10 --print-queries \
  > "$work/latency.txt"
awk -F'\t' '$1 == "query" { print $3 }' "$work/latency.txt" > "$work/queries.txt"
python3 -c 'import sys, urllib.parse
for line in open(sys.argv[1], encoding="utf-8"):
    print(urllib.parse.quote(line.rstrip("\n"), safe=""))' "$work/queries.txt" > "$work/queries.enc"
echo "queries: $(wc -l < "$work/queries.txt") drawn by kurdi_bench_search_latency (seed 1)"
echo "Archive::search on one thread, no count, no JSON, no HTTP:"
grep -E '^\||^target' "$work/latency.txt" | sed 's/^/  /'

"$build/apps/cli/kurdi" serve "$archive" --port 0 --quiet 2> "$work/serve.log" &
server=$!
url=""
for _ in $(seq 200); do
  url=$(sed -n 's/^kurdi serve: serving .* at \(http:[^ ]*\)$/\1/p' "$work/serve.log" | head -n1)
  [[ -n "$url" ]] && break
  sleep 0.05
done
[[ -n "$url" ]] || { cat "$work/serve.log" >&2; exit 1; }

export KURDI_WRK_QUERIES="$work/queries.enc"
for connections in 16 64; do
  echo "== $connections concurrent clients"
  # Warm-up: every connection's word cache, and SQLite's page cache.
  wrk -t2 -c"$connections" -d5s --timeout 10s -s "$root/tests/serve/queries.lua" "${url%/}" > /dev/null
  "$build/bench/serve/kurdi_bench_serve_direct" "$archive" "$work/queries.txt" --threads "$connections" \
    --seconds "$seconds" | sed 's/^/  baseline /' || true  # failures are in its line
  "$build/bench/serve/kurdi_bench_serve_direct" "$archive" "$work/queries.txt" --threads "$connections" \
    --seconds "$seconds" --count-limit 0 | sed 's/^/  exact    /' || true
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$root/tests/serve/queries.lua" "${url%/}" \
    > "$work/wrk.txt"
  sed -n 's/^kurdi-wrk: /  http     /p' "$work/wrk.txt"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
