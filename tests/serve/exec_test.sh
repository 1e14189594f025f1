#!/usr/bin/env bash
# `kurdi serve` runs kurdi-serve in kurdi's place (execv, apps/cli/serve_exec.cpp):
#   * the process started as `kurdi serve` is kurdi-serve, with the same PID
#     (what users and tests signal) and the same command line;
#   * kurdi finds kurdi-serve beside itself (the build tree) or at the
#     installed place relative to itself (KURDI_SERVE_FROM_BINDIR), so a
#     moved install still works;
#   * without kurdi-serve, a clear message naming where it looked, exit 1;
#   * kurdi-serve run on its own (not as `kurdi serve`) says how to start it.
source "$KURDI_TEST_DIR/lib.sh"
: "${KURDI_SERVE:?KURDI_SERVE must point to the kurdi-serve binary}"
: "${KURDI_SERVE_FROM_BINDIR:?}"
PID=""
cleanup() {
  [[ -n "$PID" ]] && kill -KILL "$PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

# kurdi alone, without kurdi-serve anywhere it looks.
mkdir -p "$TMP/alone/bin"
cp "$KURDI" "$TMP/alone/bin/kurdi"
for args in "--help" "$TMP/a.db --port 0"; do
  set +e
  # shellcheck disable=SC2086
  "$TMP/alone/bin/kurdi" serve $args > "$TMP/out" 2> "$TMP/err"
  rc=$?
  set -e
  check_eq "no kurdi-serve (serve $args): exit 1" 1 "$rc"
  installed=$(realpath -m "$TMP/alone/bin/$KURDI_SERVE_FROM_BINDIR/kurdi-serve")
  grep -qF "kurdi serve: cannot find kurdi-serve" "$TMP/err" \
    && grep -qF "$TMP/alone/bin/kurdi-serve" "$TMP/err" && grep -qF "$installed" "$TMP/err" \
    && pass "no kurdi-serve: the message names both places: $(cat "$TMP/err")" \
    || fail "no kurdi-serve: $(cat "$TMP/err")"
  [[ -s "$TMP/out" ]] && fail "no kurdi-serve: printed on stdout" || true
done
# The other commands do not need it.
"$TMP/alone/bin/kurdi" --version > /dev/null && pass "no kurdi-serve: --version works" || fail "--version without kurdi-serve"
"$TMP/alone/bin/kurdi" --help | grep -q '^  serve ' && pass "kurdi --help lists serve" || fail "kurdi --help does not list serve"

# The installed layout, moved to another prefix: <prefix>/bin/kurdi finds
# <prefix>/bin/$KURDI_SERVE_FROM_BINDIR/kurdi-serve.
mkdir -p "$TMP/moved/bin" "$TMP/moved/bin/$KURDI_SERVE_FROM_BINDIR"
cp "$KURDI" "$TMP/moved/bin/kurdi"
cp "$KURDI_SERVE" "$TMP/moved/bin/$KURDI_SERVE_FROM_BINDIR/kurdi-serve"
"$TMP/moved/bin/kurdi" serve --help > "$TMP/moved.help" 2> "$TMP/err" \
  && pass "a moved install finds kurdi-serve" || fail "moved install: $(cat "$TMP/err")"
"$KURDI" serve --help > "$TMP/build.help"
check_same "the same help from the build tree and the moved install" "$TMP/build.help" "$TMP/moved.help"
# A symlink to kurdi (as in a PATH directory) still finds it beside the real file.
ln -s "$TMP/moved/bin/kurdi" "$TMP/kurdi-link"
"$TMP/kurdi-link" serve --help > /dev/null 2> "$TMP/err" && pass "through a symlink to kurdi" \
  || fail "through a symlink: $(cat "$TMP/err")"

# kurdi-serve on its own.
set +e
"$KURDI_SERVE" > /dev/null 2> "$TMP/err"; rc=$?
set -e
check_eq "kurdi-serve alone: exit 2" 2 "$rc"
grep -q "kurdi serve ARCHIVE" "$TMP/err" && pass "kurdi-serve alone: says how to start it" || fail "kurdi-serve alone: $(cat "$TMP/err")"

# The PID started as `kurdi serve` is the server.
"$KURDI" index "$TMP/a.db" "$KURDI_SOURCE_DIR/tests/behaviour/search/documents.jsonl" > /dev/null 2>&1 \
  || { fail "cannot build the test archive"; finish; }
"$KURDI" serve "$TMP/a.db" --port 0 --quiet 2> "$TMP/serve.log" &
PID=$!
for _ in $(seq 100); do
  grep -q "serving" "$TMP/serve.log" && break
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.05
done
grep -q "serving" "$TMP/serve.log" || fail "server did not start: $(cat "$TMP/serve.log")"
check_eq "the started PID runs kurdi-serve" "$(realpath "$KURDI_SERVE")" "$(realpath "/proc/$PID/exe")"
check_eq "with kurdi's command line" "$KURDI serve $TMP/a.db --port 0 --quiet" "$(tr '\0' ' ' < "/proc/$PID/cmdline" | sed 's/ $//')"
terminate "$PID"
PID=""
check_eq "SIGTERM to that PID: exit 0" 0 "$rc"
grep -q "SIGTERM received" "$TMP/serve.log" && pass "SIGTERM: message" || fail "SIGTERM: $(tail -n 2 "$TMP/serve.log")"

finish
