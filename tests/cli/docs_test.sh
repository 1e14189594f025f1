#!/usr/bin/env bash
# docs/cli.md and the man page docs/kurdi.1 cannot drift from --help: every
# subcommand, every --option of every --help and every example line must
# appear in both (in the man page with roff's escaped hyphens, \-).
source "$(dirname "$0")/lib.sh"
MD="$KURDI_SOURCE_DIR/docs/cli.md"
MAN="$KURDI_SOURCE_DIR/docs/kurdi.1"
[[ -f "$MD" ]] || fail "missing $MD"
[[ -f "$MAN" ]] || fail "missing $MAN"
# The man page as plain text: roff escapes undone, font changes dropped.
sed -e 's/\\-/-/g' -e 's/\\(aq/'"'"'/g' -e 's/\\e/\\/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g' -e 's/\\(dq/"/g' "$MAN" > "$TMP/man.txt"

for cmd in "" normalize tokenize sentences stats stem lemma analyze translit index search delete export check reindex optimize serve; do
  "$KURDI" $cmd --help > "$TMP/help"
  label="kurdi${cmd:+ $cmd}"
  if [[ -n "$cmd" ]]; then
    grep -q "kurdi $cmd" "$MD" || fail "$label: not in docs/cli.md"
    grep -q "kurdi $cmd" "$TMP/man.txt" || fail "$label: not in docs/kurdi.1"
  fi
  options=$(grep -oE -- '--[a-z][a-z-]*' "$TMP/help" | sort -u)
  [[ -n "$options" ]] || fail "$label: no options found in --help"
  for option in $options; do
    if grep -qF -- "$option" "$MD"; then pass "$label $option in cli.md"; else fail "$label $option missing from docs/cli.md"; fi
    if grep -qF -- "$option" "$TMP/man.txt"; then pass "$label $option in kurdi.1"; else fail "$label $option missing from docs/kurdi.1"; fi
  done
  # Example command lines (their command part, before any trailing comment).
  while IFS= read -r example; do
    command_part=$(sed -E 's/^  //; s/ {2,}.*$//' <<< "$example")
    if grep -qF -- "$command_part" "$MD"; then pass "$label example in cli.md"; else fail "$label example missing from docs/cli.md: $command_part"; fi
    if grep -qF -- "$command_part" "$TMP/man.txt"; then pass "$label example in kurdi.1"; else fail "$label example missing from docs/kurdi.1: $command_part"; fi
  done < <(sed -n '/^Examples:/,/^$/p' "$TMP/help" | grep '^  kurdi ')
done

# The exit codes and the --strict message format are documented.
for text in "invalid UTF-8 at byte" "U+FFFD"; do
  grep -qF "$text" "$MD" || fail "docs/cli.md does not mention '$text'"
  grep -qF "$text" "$TMP/man.txt" || fail "docs/kurdi.1 does not mention '$text'"
done

# The man page is well-formed roff (when man is installed).
if command -v man > /dev/null; then
  if MANWIDTH=80 man -l "$MAN" > "$TMP/rendered" 2> "$TMP/warnings" && [[ ! -s "$TMP/warnings" ]]; then
    pass "man -l renders docs/kurdi.1 without warnings"
  else
    fail "man -l docs/kurdi.1: $(cat "$TMP/warnings")"
  fi
fi

finish
