#!/usr/bin/env bash
# Connection bursts against a busy server (issue 6, "zero errors at 64
# connections"): one `kurdi serve`, then TURNS times a 5 s wrk warm-up at
# CONNECTIONS connections and, with no pause, a measured run at the same
# count. The measured run connects while the server is still working off the
# warm-up's abandoned requests, so its connections arrive at a busy accept
# loop: with a short listen backlog the kernel drops some, and they wait for
# the clients' retries (1, 3, 7 s). Prints wrk's summary per turn and the
# kernel's listen-queue overflows over the whole run (nstat, if installed).
# Results go to docs/benchmarks.md (Serve).
#
#   bench/serve/burst.sh ARCHIVE [BUILD_DIR] [CONNECTIONS] [SECONDS] [TURNS] [QUERIES]
#
# BUILD_DIR (default build-bench): a Release build with -DKURDI_BUILD_BENCH=ON.
# CONNECTIONS default 64, SECONDS 20 per measured run, TURNS 2, QUERIES 1000
# drawn by kurdi_bench_search_latency. Extra server options in KURDI_SERVE_ARGS.
set -euo pipefail
archive=${1:?usage: bench/serve/burst.sh ARCHIVE [BUILD_DIR] [CONNECTIONS] [SECONDS] [TURNS] [QUERIES]}
build=${2:-build-bench}
connections=${3:-64}
seconds=${4:-20}
turns=${5:-2}
nqueries=${6:-1000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=bench/serve/common.sh
source "$root/bench/serve/common.sh"  # also makes $work and stops the servers on exit

describe_run
draw_queries "$build" "$archive" "$nqueries" --no-baseline
# shellcheck disable=SC2086 # KURDI_SERVE_ARGS is a list of options
start_server "$build/apps/cli/kurdi" "$archive" ${KURDI_SERVE_ARGS:-}

have_nstat=false
command -v nstat > /dev/null && have_nstat=true
$have_nstat && nstat -n > /dev/null  # resets nstat's history: the next call prints what happened since
export KURDI_WRK_QUERIES="$work/queries.enc"
for turn in $(seq "$turns"); do
  wrk -t2 -c"$connections" -d5s --timeout 10s -s "$root/tests/serve/queries.lua" "$url" > /dev/null
  load=$(cut -d' ' -f1 /proc/loadavg)
  line=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$root/tests/serve/queries.lua" "$url" |
    sed -n 's/^kurdi-wrk: //p')
  echo "$connections clients, turn $turn (load $load): $line"
done
if $have_nstat; then
  echo "listen-queue overflows during the run: $(nstat -z TcpExtListenOverflows | awk '$1 == "TcpExtListenOverflows" { print $2 }')"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
