#!/usr/bin/env bash
# A bounded load test of kurdi serve with wrk on loopback: 3 s at 16 and 3 s
# at 64 connections on /api/search over an archive of the shared
# search-behaviour documents (small, so that the test measures the server
# rather than snippet work on long documents on a busy CI machine);
# fails on any socket error, timeout or non-2xx answer, and when the server
# does not stop cleanly afterwards. Exits 77 (skipped) when wrk is missing,
# except under CI=true, where that is a failure.
source "$KURDI_TEST_DIR/lib.sh"
if ! command -v wrk > /dev/null; then
  if [[ "${CI:-}" == true ]]; then echo "FAIL: wrk is not installed (CI=true: the load test must run)" >&2; exit 1; fi
  echo "SKIP: wrk is not installed"
  exit 77
fi
source "$(dirname "$0")/lib.sh"
cleanup() {
  stop_servers
  rm -rf "$TMP"
}
trap cleanup EXIT

"$KURDI" index "$TMP/a.db" "$KURDI_SOURCE_DIR/tests/behaviour/search/documents.jsonl" > /dev/null 2>&1 \
  || { echo "cannot build the test archive" >&2; exit 1; }
start_serve serve "$TMP/a.db" --port 0 --quiet || { cat "$TMP/serve.log" >&2; echo "server did not start" >&2; exit 1; }

for connections in 16 64; do
  wrk -t2 -c"$connections" -d3s --timeout 5s -s "$(dirname "$0")/queries.lua" "${URL%/}" > "$TMP/wrk.txt" 2>&1
  line=$(grep '^kurdi-wrk:' "$TMP/wrk.txt" || true)
  echo "$connections connections: ${line#kurdi-wrk: }"
  if [[ -z "$line" ]]; then cat "$TMP/wrk.txt" >&2; fail "$connections connections: wrk gave no summary"; continue; fi
  requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<< "$line")
  errors=$(sed -E 's/.*non2xx=([0-9]+) connect=([0-9]+) read=([0-9]+) write=([0-9]+) timeout=([0-9]+).*/\1 \2 \3 \4 \5/' <<< "$line")
  (( requests >= 20 )) && pass "$connections connections: $requests requests" || fail "$connections connections: only $requests requests"
  [[ "$errors" == "0 0 0 0 0" ]] && pass "$connections connections: no errors" \
    || fail "$connections connections: errors (non2xx connect read write timeout) = $errors"
done

curl -fsS "${URL}healthz" > /dev/null && pass "healthy after the load" || fail "not healthy after the load"
terminate "$PID"
check_eq "clean stop after the load" 0 "$rc"
finish
