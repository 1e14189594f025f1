#!/usr/bin/env bash
# kurdi translit: a pure line filter (one line in, one line out, line breaks
# byte for byte), its options, and the round trip through the CLI.
source "$KURDI_TEST_DIR/lib.sh"

check_eq "latn default" "ew le řoj'awa hat, û 123" "$(printf 'ئەو لە ڕۆژئاوا هات، و ١٢٣\n' | "$KURDI" translit)"
check_eq "simplified" "hesen le roj'awa" "$(printf 'حەسەن لە ڕۆژئاوا\n' | "$KURDI" translit --scheme simplified)"
check_eq "ascii" "chawerre shar" "$(printf 'چاوەڕێ شار\n' | "$KURDI" translit --scheme ascii)"
check_eq "ipa" "roʒ.ʔa.wa" "$(printf 'ڕۆژئاوا\n' | "$KURDI" translit --to ipa)"
check_eq "arab" "ئنزیبات هێز هەز" "$(printf 'Inzîbat hêz hez\n' | "$KURDI" translit --to arab)"
check_eq "capitalize" "We ew hat. Kurd" "$(printf 'و ئەو هات. کورد\n' | "$KURDI" translit --capitalize)"

# Line structure: CRLF, empty lines, a missing final newline.
printf 'کورد\r\n\nشار' > "$TMP/in"
"$KURDI" translit "$TMP/in" > "$TMP/out"
printf 'kurd\r\n\nşar' > "$TMP/expected"
check_same "line breaks pass through" "$TMP/expected" "$TMP/out"

# The same as the library on a real file, and the round trip on the samples.
for f in "$KURDI_SOURCE_DIR"/samples/*/*.txt; do
  [[ -f "$f" ]] || continue
  "$KURDI" translit "$f" > "$TMP/latn"
  [[ $(wc -l < "$TMP/latn") == $(wc -l < "$f") ]] && pass "line count $(basename "$f")" || fail "line count differs for $f"
  "$KURDI" translit --to arab "$TMP/latn" > /dev/null || fail "--to arab on $f"
  break
done

# Malformed input: valid UTF-8 out, exit 0 (1 with --strict).
printf 'کورد\xff\n' | "$KURDI" translit > "$TMP/bad" && pass "malformed input accepted" || fail "malformed input exit"
python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' < "$TMP/bad" && pass "valid UTF-8 out" || fail "invalid UTF-8 out"
if printf 'کورد\xff\n' | "$KURDI" translit --strict > /dev/null 2>&1; then fail "--strict should exit 1"; else pass "--strict exits 1"; fi

# Usage errors.
status=0
"$KURDI" translit --to cyrl < /dev/null > /dev/null 2> "$TMP/err" || status=$?
check_eq "bad --to exits 2" 2 "$status"
grep -q "translit --help" "$TMP/err" && pass "bad --to message" || fail "bad --to message: $(cat "$TMP/err")"
# An option that would do nothing with the chosen --to is refused, not ignored.
for idle in "--to arab --scheme ascii" "--to arab --capitalize" "--to arab --no-exceptions" "--to ipa --scheme ascii" \
            "--to ipa --capitalize"; do
  status=0
  # shellcheck disable=SC2086 # (the options are split on purpose)
  printf 'shar\n' | "$KURDI" translit $idle > /dev/null 2> "$TMP/err" || status=$?
  check_eq "$idle exits 2" 2 "$status"
  grep -q "does nothing with" "$TMP/err" && pass "$idle message" || fail "$idle message: $(cat "$TMP/err")"
done

finish
