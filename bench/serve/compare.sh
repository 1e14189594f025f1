#!/usr/bin/env bash
# Two kurdi serve builds side by side on one archive: both servers run at
# once, and wrk measures them in turns (A, B, A, B...) at 16 and 64
# connections, so that the load other programs put on the machine falls on
# both alike. For before/after figures of a change to the server
# (docs/benchmarks.md, "Serve").
#
#   bench/serve/compare.sh ARCHIVE BUILD_A BUILD_B [SECONDS] [ROUNDS] [QUERIES]
#
# BUILD_A, BUILD_B: build directories holding apps/cli/kurdi (B also
# bench/archive/kurdi_bench_search_latency, which draws the queries as
# bench/serve/run.sh does). SECONDS (default 20) per measurement after a 5 s
# warm-up, ROUNDS (default 2) turns per server and connection count,
# QUERIES (default 1000). Extra server options for both go in
# KURDI_SERVE_ARGS (e.g. "--count-limit 0").
set -euo pipefail
archive=${1:?usage: bench/serve/compare.sh ARCHIVE BUILD_A BUILD_B [SECONDS] [ROUNDS] [QUERIES]}
build_a=${2:?build directory A}
build_b=${3:?build directory B}
seconds=${4:-20}
rounds=${5:-2}
nqueries=${6:-1000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "archive: $archive; A: $build_a; B: $build_b; server options: ${KURDI_SERVE_ARGS:-(defaults)}"
"$build_b/bench/archive/kurdi_bench_search_latency" "$archive" --queries "$nqueries" --limit 10 --print-queries \
  > "$work/latency.txt"
awk -F'\t' '$1 == "query" { print $3 }' "$work/latency.txt" |
  python3 -c 'import sys, urllib.parse
for line in sys.stdin:
    print(urllib.parse.quote(line.rstrip("\n"), safe=""))' > "$work/queries.enc"
echo "queries: $(wc -l < "$work/queries.enc") drawn by kurdi_bench_search_latency (seed 1)"

declare -A url
for name in A B; do
  build=$build_a
  [[ $name == B ]] && build=$build_b
  # shellcheck disable=SC2086 # KURDI_SERVE_ARGS is a list of options
  "$build/apps/cli/kurdi" serve "$archive" --port 0 --quiet ${KURDI_SERVE_ARGS:-} 2> "$work/$name.log" &
  pids+=($!)
  for _ in $(seq 200); do
    url[$name]=$(sed -n 's/^kurdi serve: serving .* at \(http:[^ ]*\)$/\1/p' "$work/$name.log" | head -n1)
    [[ -n "${url[$name]}" ]] && break
    sleep 0.05
  done
  [[ -n "${url[$name]}" ]] || { cat "$work/$name.log" >&2; exit 1; }
done

export KURDI_WRK_QUERIES="$work/queries.enc"
for connections in 16 64; do
  for round in $(seq "$rounds"); do
    for name in A B; do
      # Requests wrk abandoned at the end of the last run still run in their
      # server (up to --time-limit, 10 s): let them finish first, so that
      # neither server is measured beside the other's leftovers.
      sleep 11
      wrk -t2 -c"$connections" -d5s --timeout 10s -s "$root/tests/serve/queries.lua" "${url[$name]%/}" > /dev/null
      wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$root/tests/serve/queries.lua" "${url[$name]%/}" \
        > "$work/wrk.txt"
      echo "$connections clients, round $round, $name (load $(cut -d' ' -f1 /proc/loadavg)): $(sed -n 's/^kurdi-wrk: //p' "$work/wrk.txt")"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
