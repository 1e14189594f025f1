# Helpers for the kurdi serve shell tests, on top of tests/cli/lib.sh (which
# the test sources first: it makes $TMP and defines pass, fail, terminate).

# Every server start_serve started; the test's EXIT trap calls stop_servers.
SERVE_PIDS=()

# start_serve NAME ARGS...: starts `kurdi serve ARGS` in the background
# (stderr in $TMP/NAME.log) and sets PID, and URL once the server printed
# its address. Returns 1 if it exits first or prints nothing for 30 s (a
# bound for a server that never starts; on a loaded machine a start may
# take seconds).
start_serve() {
  local name=$1; shift
  "$KURDI" serve "$@" 2> "$TMP/$name.log" &
  PID=$!
  SERVE_PIDS+=("$PID")
  URL=""
  local deadline=$((SECONDS + 30))
  while ((SECONDS < deadline)); do
    URL=$(sed -n 's/^kurdi serve: serving .* at \(http:[^ ]*\)$/\1/p' "$TMP/$name.log" | head -n1)
    [[ -n "$URL" ]] && return 0
    kill -0 "$PID" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# cpu_ms PID: the CPU time (user and system) process PID has used so far, in
# milliseconds.
cpu_ms() {
  local stat ticks
  stat=$(< "/proc/$1/stat")
  stat=${stat##*) }  # the fields after the command name, which may hold spaces
  # shellcheck disable=SC2086
  set -- $stat       # $12 and $13 here are utime and stime, fields 14 and 15 of proc(5)
  ticks=$(( ${12} + ${13} ))
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

# stop_servers: SIGKILL to every server still running (a test that checks a
# clean stop stops its server itself first, with terminate).
stop_servers() {
  for pid in "${SERVE_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}
