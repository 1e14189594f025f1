# Helpers for the kurdi serve shell tests, on top of tests/cli/lib.sh (which
# the test sources first: it makes $TMP and defines pass, fail, terminate).

# Every server start_serve started; the test's EXIT trap calls stop_servers.
SERVE_PIDS=()

# start_serve NAME ARGS...: starts `kurdi serve ARGS` in the background
# (stderr in $TMP/NAME.log) and sets PID, and URL once the server printed
# its address. Returns 1 if it exits first or prints nothing for 5 s.
start_serve() {
  local name=$1; shift
  "$KURDI" serve "$@" 2> "$TMP/$name.log" &
  PID=$!
  SERVE_PIDS+=("$PID")
  URL=""
  for _ in $(seq 100); do
    URL=$(sed -n 's/^kurdi serve: serving .* at \(http:[^ ]*\)$/\1/p' "$TMP/$name.log" | head -n1)
    [[ -n "$URL" ]] && return 0
    kill -0 "$PID" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# stop_servers: SIGKILL to every server still running (a test that checks a
# clean stop stops its server itself first, with terminate).
stop_servers() {
  for pid in "${SERVE_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}
