#!/usr/bin/env bash
# kurdi serve --jobs (docs/serve.md, "Concurrency"): /api/search under wrk at
# 16 and 64 connections with the default (as many requests in the archive at
# once as there are cores, the others waiting their turn) against --jobs 0
# (every request at once, the server before --jobs), in the same run: two
# servers on the same archive, measured in alternating turns. Results go to
# docs/benchmarks.md (Serve, "Concurrency").
#
#   bench/serve/jobs.sh ARCHIVE [BUILD_DIR] [SECONDS] [TURNS] [QUERIES]
#
# ARCHIVE: made by `kurdi index` from bench/archive/make_corpus.py output.
# BUILD_DIR (default build-bench): a Release build with -DKURDI_BUILD_BENCH=ON
# (kurdi, kurdi-serve, kurdi_bench_search_latency). SECONDS (default 20) per
# measurement, TURNS (default 2) of each setting at each connection count,
# QUERIES (default 1000) drawn by kurdi_bench_search_latency by document
# frequency (bench/archive/README.md), as bench/serve/run.sh does.
set -euo pipefail
archive=${1:?usage: bench/serve/jobs.sh ARCHIVE [BUILD_DIR] [SECONDS] [TURNS] [QUERIES]}
build=${2:-build-bench}
seconds=${3:-20}
turns=${4:-2}
nqueries=${5:-1000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=bench/serve/common.sh
source "$root/bench/serve/common.sh"  # also makes $work and stops the servers on exit

describe_run
echo "archive: $archive ($(du -h "$archive" | cut -f1))"

draw_queries "$build" "$archive" "$nqueries" --no-baseline

start_server "$build/apps/cli/kurdi" "$archive"
default_url=$url
start_server "$build/apps/cli/kurdi" "$archive" --jobs 0
unlimited_url=$url
echo "servers: default --jobs ($(nproc) here) at $default_url; --jobs 0 at $unlimited_url"

export KURDI_WRK_QUERIES="$work/queries.enc"
run_wrk() {  # URL CONNECTIONS SECONDS
  wrk -t2 -c"$2" -d"$3s" --timeout 10s -s "$root/tests/serve/queries.lua" "$1"
}
for connections in 16 64; do
  echo "== $connections concurrent clients"
  # Warm-up: each server's connections, word caches and SQLite's page cache.
  run_wrk "$default_url" "$connections" 5 > /dev/null
  sleep 11
  run_wrk "$unlimited_url" "$connections" 5 > /dev/null
  for turn in $(seq "$turns"); do
    for setting in default unlimited; do
      url=$default_url
      [[ $setting == unlimited ]] && url=$unlimited_url
      # Requests wrk abandoned at the end of the last run still run in that
      # server (up to --time-limit, 10 s): let them finish first, so that
      # neither server is measured beside the other's leftovers.
      sleep 11
      load=$(cut -d' ' -f1 /proc/loadavg)
      line=$(run_wrk "$url" "$connections" "$seconds" | sed -n 's/^kurdi-wrk: //p')
      printf '  turn %d %-9s (load %s) %s\n' "$turn" "$setting" "$load" "$line"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
