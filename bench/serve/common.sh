# Shared by the bench/serve scripts (sourced, not run, after the script has
# set `root`): a temporary directory `work` and the list `servers`, both
# cleaned up on exit; the bench queries; starting a server.

work=$(mktemp -d)
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# describe_run: the commit (and whether the measured parts have local
# changes), the machine and its load, for the run's record.
describe_run() {
  echo "commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- serve archive apps bench || echo ' (with local changes)')"
  echo "machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# draw_queries BUILD_DIR ARCHIVE N [EXTRA OPTIONS...]: N queries drawn by
# kurdi_bench_search_latency by document frequency (seed 1), as
# $work/latency.txt (its whole output), $work/queries.txt (one query per
# line) and $work/queries.enc (URL-encoded, for tests/serve/queries.lua).
draw_queries() {
  local build=$1 archive=$2 n=$3
  shift 3
  "$build/bench/archive/kurdi_bench_search_latency" "$archive" --queries "$n" --limit 10 --print-queries "$@" \
    > "$work/latency.txt"
  awk -F'\t' '$1 == "query" { print $3 }' "$work/latency.txt" > "$work/queries.txt"
  python3 -c 'import sys, urllib.parse
for line in open(sys.argv[1], encoding="utf-8"):
    print(urllib.parse.quote(line.rstrip("\n"), safe=""))' "$work/queries.txt" > "$work/queries.enc"
  echo "queries: $(wc -l < "$work/queries.txt") drawn by kurdi_bench_search_latency (seed 1)"
}

# start_server KURDI ARCHIVE [SERVE OPTIONS...]: starts `KURDI serve ARCHIVE
# --port 0 --quiet OPTIONS...`, adds its pid to `servers` and sets `url` to
# its address without the final slash. Call it in the script's own shell (not
# in $(...)): the server must be this shell's child, so that cleanup stops it.
start_server() {
  local kurdi=$1 archive=$2
  shift 2
  local log="$work/serve-${#servers[@]}.log"
  "$kurdi" serve "$archive" --port 0 --quiet "$@" 2> "$log" &
  servers+=($!)
  url=""
  for _ in $(seq 200); do
    url=$(sed -n 's/^kurdi serve: serving .* at \(http:[^ ]*\)$/\1/p' "$log" | head -n1)
    [[ -n "$url" ]] && break
    sleep 0.05
  done
  [[ -n "$url" ]] || { cat "$log" >&2; exit 1; }
  url=${url%/}
}
