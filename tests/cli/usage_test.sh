#!/usr/bin/env bash
# Usage errors exit 2 with a message on stderr; --help exits 0 everywhere.
source "$(dirname "$0")/lib.sh"

expect_usage_error() {  # NAME PATTERN ARGS...
  local name=$1 pattern=$2
  shift 2
  set +e
  "$KURDI" "$@" < /dev/null > "$TMP/out" 2> "$TMP/err"
  local rc=$?
  set -e
  check_eq "$name: exit 2" 2 "$rc"
  if grep -q -- "$pattern" "$TMP/err"; then pass "$name: message"; else fail "$name: stderr was [$(cat "$TMP/err")]"; fi
  check_eq "$name: nothing on stdout" "" "$(cat "$TMP/out")"
}

expect_usage_error "unknown option" "--bogus" normalize --bogus
expect_usage_error "unknown program option" "--bogus" --bogus
expect_usage_error "unknown subcommand" "'frobnicate' is not a kurdi command" frobnicate
expect_usage_error "bad --profile lists the allowed values" "allowed: standard, search" normalize --profile fancy
expect_usage_error "bad tokenize --profile" "allowed: standard, search" tokenize --profile=fancy
expect_usage_error "bad --digits lists the allowed values" "allowed: ascii, arabic-indic, keep" normalize --digits roman
expect_usage_error "--profile without a value" "profile" normalize --profile
expect_usage_error "no subcommand" "Usage" 

for cmd in "" normalize tokenize sentences stats; do
  set +e
  "$KURDI" $cmd --help > "$TMP/out" 2> "$TMP/err"
  rc=$?
  set -e
  check_eq "'kurdi $cmd --help' exit 0" 0 "$rc"
  if grep -q "^Examples:" "$TMP/out" && grep -q "^  kurdi " "$TMP/out"; then
    pass "'kurdi $cmd --help' has examples"
  else
    fail "'kurdi $cmd --help' has no examples"
  fi
  if [[ -n "$cmd" ]] && ! grep -q "Usage: kurdi $cmd" "$TMP/out"; then fail "'kurdi $cmd --help' shows the wrong usage"; fi
done

# Valid option spellings are accepted.
echo 'كورد ١٢' | "$KURDI" normalize --profile=search --digits ascii --keep-harakat --strict > "$TMP/out"
check_eq "--profile=search --digits ascii" "کورد 12" "$(cat "$TMP/out")"
echo 'كورد 12' | "$KURDI" normalize --digits arabic-indic > "$TMP/out"
check_eq "--digits arabic-indic" "کورد ١٢" "$(cat "$TMP/out")"

finish
