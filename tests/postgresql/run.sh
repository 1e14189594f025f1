#!/usr/bin/env bash
# The PostgreSQL extension's tests against a real server (docs/postgresql.md,
# "Tests"). Creates a throwaway PostgreSQL 15 cluster with pg_virtualenv, which
# also stops and removes it when the tests end (or fail), and runs:
#   1. the pg_regress suites of ext/postgresql (make installcheck);
#   2. the shared search-behaviour suite (tests/postgresql/behaviour.py);
#   3. a reload: ALTER TEXT SEARCH DICTIONARY in one session changes the
#      lexemes of another session that already uses the dictionary;
#   4. an upgrade from an earlier version (ALTER EXTENSION kurdi UPDATE warns
#      that the analysis changed), when the extension directory is writable (root, as in CI).
# The extension must be installed (scripts/setup.sh, or
# `make -C ext/postgresql install`) from this checkout's build: the installed
# version must be the build's analyzer version.
# Ends with 'postgresql: N passed, N failed'; exits non-zero when anything failed.
#
# Usage: tests/postgresql/run.sh [inner]   ('inner' is used by pg_virtualenv)
# Environment: KURDI_BUILD (default build/), PG_VERSION (default 15).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${KURDI_BUILD:-$root/build}
pg_version=${PG_VERSION:-15}
pg_config=/usr/lib/postgresql/$pg_version/bin/pg_config
[ -x "$pg_config" ] || pg_config=pg_config

if [ "${1:-}" != inner ]; then
  if ! command -v pg_virtualenv >/dev/null; then
    echo "postgresql tests: pg_virtualenv not found (Debian package postgresql-common)" >&2
    exit 2
  fi
  want=$(sed -n 's/.*analyzer_version() noexcept { return "\(.*\)"; }/\1/p' "$build/src/generated/version.cpp" 2>/dev/null)
  control=$("$pg_config" --sharedir)/extension/kurdi.control
  have=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$control" 2>/dev/null)
  if [ -z "$want" ] || [ "$want" != "$have" ]; then
    echo "postgresql tests: the installed extension (${have:-none}) is not this build's (${want:-no build in $build})." >&2
    echo "  Install it: make -C ext/postgresql && sudo make -C ext/postgresql install" >&2
    exit 2
  fi
  # The cluster is stopped and removed when the command exits; -t keeps it in a
  # temporary directory, so it never meets a system cluster or another run.
  exec pg_virtualenv -t -v "$pg_version" "$0" inner
fi

# Inside pg_virtualenv: PGHOST, PGPORT, PGUSER, PGPASSWORD point to the new cluster.
passed=0
failed=0
result() {  # NAME RC
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "postgresql: $1 passed"; else failed=$((failed + 1)); echo "postgresql: $1 FAILED" >&2; fi
}

# 1. pg_regress
make -C "$root/ext/postgresql" --no-print-directory installcheck KURDI_BUILD="$build"
rc=$?
if [ $rc -ne 0 ] && [ -f "$root/ext/postgresql/regression.diffs" ]; then
  head -n 200 "$root/ext/postgresql/regression.diffs"
fi
result "pg_regress (ext/postgresql/sql/*.sql)" $rc

# 2. behaviour suite
python3 "$root/tests/postgresql/behaviour.py"
result "search behaviour (tests/behaviour/search)" $?

# 3. ALTER TEXT SEARCH DICTIONARY reaches a session that already uses the dictionary
reload_test() {
  psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE kurdi_reload" || return 1
  psql -X -q -v ON_ERROR_STOP=1 -d kurdi_reload \
    -c "CREATE EXTENSION kurdi" -c "CREATE TEXT SEARCH DICTIONARY reload_test (TEMPLATE = kurdi)" || return 1
  local q="SELECT translate(ts_lexize('reload_test', 'بەرپرسەکانی')::text, E'\\x01', '~');"
  local before after rc=0
  coproc SESSION { psql -X -q -A -t -d kurdi_reload 2>&1; }
  echo "$q" >&"${SESSION[1]}"
  read -r -t 30 before <&"${SESSION[0]}" || rc=1
  # Another session changes the dictionary; the first one must see it.
  psql -X -q -v ON_ERROR_STOP=1 -d kurdi_reload -c "ALTER TEXT SEARCH DICTIONARY reload_test (stems = off)" || rc=1
  echo "$q" >&"${SESSION[1]}"
  read -r -t 30 after <&"${SESSION[0]}" || rc=1
  echo '\q' >&"${SESSION[1]}"
  wait "$SESSION_PID" 2>/dev/null
  psql -X -q -d postgres -c "DROP DATABASE kurdi_reload"
  echo "reload: before {$before}, after ALTER in another session {$after}"
  [ "$rc" -eq 0 ] && [ "$before" = "{بەرپرسەکانی,~بەرپرس}" ] && [ "$after" = "{بەرپرسەکانی}" ]
}
reload_test
result "ALTER TEXT SEARCH DICTIONARY seen by another session" $?

# 4. upgrade from an earlier version
ext_dir=$("$pg_config" --sharedir)/extension
current=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$ext_dir/kurdi.control")
old=0.0.0+000000000000
if [ -w "$ext_dir" ]; then
  cleanup() { rm -f "$ext_dir/kurdi--$old.sql" "$ext_dir/kurdi--$old--$current.sql"; }
  trap cleanup EXIT
  cp "$ext_dir/kurdi--$current.sql" "$ext_dir/kurdi--$old.sql"
  make -C "$root/ext/postgresql" --no-print-directory -s install-upgrade-scripts KURDI_BUILD="$build" >/dev/null
  out=$(psql -X -q -v ON_ERROR_STOP=1 -d postgres 2>&1 <<SQL
CREATE DATABASE kurdi_upgrade;
\c kurdi_upgrade
CREATE EXTENSION kurdi VERSION '$old';
ALTER EXTENSION kurdi UPDATE;
SELECT 'version=' || extversion FROM pg_extension WHERE extname = 'kurdi';
\c postgres
DROP DATABASE kurdi_upgrade;
SQL
)
  rc=$?
  echo "$out"
  if [ $rc -eq 0 ] && grep -q "WARNING:  kurdi: the analyzer changed from $old to $current" <<<"$out" \
     && grep -q "version=$current" <<<"$out"; then
    result "upgrade $old -> $current (WARNING raised)" 0
  else
    result "upgrade $old -> $current" 1
  fi
  cleanup
else
  echo "postgresql: upgrade test skipped ($ext_dir is not writable)"
fi

echo "postgresql: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
