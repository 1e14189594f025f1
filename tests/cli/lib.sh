# Shared helpers for the CLI tests (sourced). Environment from CMake:
# KURDI (the binary), KURDI_REF, KURDI_SOURCE_DIR, KURDI_VERSION.
set -euo pipefail
export PYTHONIOENCODING=utf-8 LC_ALL=C.UTF-8
: "${KURDI:?KURDI must point to the kurdi binary}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0

fail() {
  echo "FAIL: $*" >&2
  FAILS=$((FAILS + 1))
}
pass() { echo "ok: $*"; }

# check NAME EXPECTED_FILE ACTUAL_FILE: byte-for-byte equality.
check_same() {
  if cmp -s "$2" "$3"; then pass "$1"; else
    fail "$1: bytes differ"
    cmp "$2" "$3" >&2 || true
    od -c "$2" | head -5 >&2
    od -c "$3" | head -5 >&2
  fi
}

# check_eq NAME EXPECTED ACTUAL: string equality.
check_eq() {
  if [[ "$2" == "$3" ]]; then pass "$1"; else fail "$1: expected [$2], got [$3]"; fi
}

# check_json NAME tokens|sentences INPUT OUTPUT: json_check.py accepts OUTPUT
# as the --json output of that command for INPUT.
check_json() {
  if python3 "$KURDI_TEST_DIR/json_check.py" "$2" "$3" "$4"; then pass "$1"; else fail "$1"; fi
}

# terminate PID: SIGTERM to PID (a child of this shell), then wait for it;
# its exit status is left in $rc.
terminate() {
  kill -TERM "$1"
  set +e
  wait "$1"
  rc=$?
  set -e
}

finish() {
  if ((FAILS > 0)); then
    echo "$FAILS check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
}
