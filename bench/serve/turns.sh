#!/usr/bin/env bash
# Servers of different builds or on different archives, measured in turns
# (A, B, C, A, B, C...) with one server running at a time, so that load from
# other programs falls on all alike and no server takes CPU from another's
# run. For before/after figures where the archive changes too (an optimized
# copy against the original; docs/benchmarks.md, "Serve").
# bench/serve/compare.sh runs two builds' servers at once on one archive.
#
#   bench/serve/turns.sh CONNECTIONS SECONDS ROUNDS QUERIES_BUILD LABEL=KURDI@ARCHIVE...
#
# Each turn starts `KURDI serve ARCHIVE` with its defaults (plus
# KURDI_SERVE_ARGS), warms it up for 5 s with wrk, pauses 3 s, measures for
# SECONDS and stops it. Queries: the 1,000 that QUERIES_BUILD's
# kurdi_bench_search_latency draws from the first ARCHIVE (seed 1), as
# bench/serve/run.sh does.
set -euo pipefail
usage="usage: bench/serve/turns.sh CONNECTIONS SECONDS ROUNDS QUERIES_BUILD LABEL=KURDI@ARCHIVE..."
connections=${1:?$usage}
seconds=${2:?$usage}
rounds=${3:?$usage}
queries_build=${4:?$usage}
shift 4
(($# > 0)) || { echo "$usage" >&2; exit 2; }
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=bench/serve/common.sh
source "$root/bench/serve/common.sh"  # also makes $work and stops the servers on exit

labels=() kurdis=() archives=()
for spec in "$@"; do
  [[ $spec == *=*@* ]] || { echo "not LABEL=KURDI@ARCHIVE: $spec" >&2; exit 2; }
  labels+=("${spec%%=*}")
  rest=${spec#*=}
  kurdis+=("${rest%%@*}")
  archives+=("${rest#*@}")
done

describe_run
draw_queries "$queries_build" "${archives[0]}" 1000
export KURDI_WRK_QUERIES="$work/queries.enc"
echo "connections: $connections; ${seconds} s per turn; server options: ${KURDI_SERVE_ARGS:-(defaults)}"
for ((round = 1; round <= rounds; ++round)); do
  for i in "${!labels[@]}"; do
    # shellcheck disable=SC2086 # KURDI_SERVE_ARGS is a list of options
    start_server "${kurdis[$i]}" "${archives[$i]}" ${KURDI_SERVE_ARGS:-}
    wrk -t2 -c"$connections" -d5s --timeout 10s -s "$root/tests/serve/queries.lua" "$url" > /dev/null 2>&1
    sleep 3
    line=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$root/tests/serve/queries.lua" "$url" 2>&1 |
      grep '^kurdi-wrk:' || true)
    echo "round $round $(date -u +%H:%M:%SZ) ${labels[$i]} (${archives[$i]##*/}): ${line:-wrk failed}"
    pid=${servers[-1]}
    kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    unset 'servers[-1]'
  done
done
