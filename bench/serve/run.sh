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
# shellcheck source=bench/serve/common.sh
source "$root/bench/serve/common.sh"  # also makes $work and stops the servers on exit

describe_run
echo "archive: $archive ($(du -h "$archive" | cut -f1)), $("$build/apps/cli/kurdi" stats "$archive" --json | sed -n 's/.*"documents": *\([0-9]*\).*/\1/p') documents"

# The queries, and Archive::search alone on one thread (limit 10) as a first baseline.
draw_queries "$build" "$archive" "$nqueries"
echo "Archive::search on one thread, no count, no JSON, no HTTP:"
grep -E '^\||^target' "$work/latency.txt" | sed 's/^/  /'

start_server "$build/apps/cli/kurdi" "$archive"

export KURDI_WRK_QUERIES="$work/queries.enc"
for connections in 16 64; do
  echo "== $connections concurrent clients"
  # Warm-up: every connection's word cache, and SQLite's page cache.
  wrk -t2 -c"$connections" -d5s --timeout 10s -s "$root/tests/serve/queries.lua" "$url" > /dev/null
  "$build/bench/serve/kurdi_bench_serve_direct" "$archive" "$work/queries.txt" --threads "$connections" \
    --seconds "$seconds" | sed 's/^/  baseline /' || true  # failures are in its line
  "$build/bench/serve/kurdi_bench_serve_direct" "$archive" "$work/queries.txt" --threads "$connections" \
    --seconds "$seconds" --count-limit 0 | sed 's/^/  exact    /' || true
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$root/tests/serve/queries.lua" "$url" \
    > "$work/wrk.txt"
  sed -n 's/^kurdi-wrk: /  http     /p' "$work/wrk.txt"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
