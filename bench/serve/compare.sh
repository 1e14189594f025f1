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
# shellcheck source=bench/serve/common.sh
source "$root/bench/serve/common.sh"  # also makes $work and stops the servers on exit

describe_run
echo "archive: $archive; A: $build_a; B: $build_b; server options: ${KURDI_SERVE_ARGS:-(defaults)}"
draw_queries "$build_b" "$archive" "$nqueries"

declare -A urls
for name in A B; do
  build=$build_a
  [[ $name == B ]] && build=$build_b
  # shellcheck disable=SC2086 # KURDI_SERVE_ARGS is a list of options
  start_server "$build/apps/cli/kurdi" "$archive" ${KURDI_SERVE_ARGS:-}
  urls[$name]=$url
done

export KURDI_WRK_QUERIES="$work/queries.enc"
for connections in 16 64; do
  for round in $(seq "$rounds"); do
    for name in A B; do
      # Requests wrk abandoned at the end of the last run still run in their
      # server (up to --time-limit, 10 s): let them finish first, so that
      # neither server is measured beside the other's leftovers.
      sleep 11
      wrk -t2 -c"$connections" -d5s --timeout 10s -s "$root/tests/serve/queries.lua" "${urls[$name]}" > /dev/null
      wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$root/tests/serve/queries.lua" "${urls[$name]}" \
        > "$work/wrk.txt"
      echo "$connections clients, round $round, $name (load $(cut -d' ' -f1 /proc/loadavg)): $(sed -n 's/^kurdi-wrk: //p' "$work/wrk.txt")"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
