#!/usr/bin/env bash
# --strict: each malformed UTF-8 sequence reported as
# "kurdi: FILE:LINE: invalid UTF-8 at byte OFFSET" (first 20, then a count),
# output still written, exit 1. Unreadable files: message, others processed.
source "$(dirname "$0")/lib.sh"

# Line 1 fine; line 2 has \xff at byte 13; line 3 starts with a truncated
# sequence at byte 20; a BOM does not shift file offsets.
printf 'سڵاو هەولێر\nab \xff cd\n\xe2\x82 x\n' > "$TMP/bad.txt"
for cmd in normalize tokenize sentences stats; do
  set +e
  "$KURDI" $cmd --strict "$TMP/bad.txt" > "$TMP/out" 2> "$TMP/err"
  rc=$?
  set -e
  check_eq "$cmd --strict exit code" 1 "$rc"
  expected="kurdi: $TMP/bad.txt:2: invalid UTF-8 at byte 25
kurdi: $TMP/bad.txt:3: invalid UTF-8 at byte 30"
  check_eq "$cmd --strict messages" "$expected" "$(cat "$TMP/err")"
  if [[ -s "$TMP/out" ]]; then pass "$cmd --strict still writes output"; else fail "$cmd --strict wrote nothing"; fi
done

# The normalize output under --strict is the same as without it.
"$KURDI" normalize "$TMP/bad.txt" > "$TMP/lenient" 2>/dev/null
"$KURDI" normalize --strict "$TMP/bad.txt" > "$TMP/strict" 2>/dev/null || true
check_same "--strict output equals default output" "$TMP/lenient" "$TMP/strict"

# stdin is named <stdin>; offsets count the BOM (file bytes).
set +e
{ printf '\xef\xbb\xbfok\n\xc0\x80\n'; } | "$KURDI" normalize --strict > /dev/null 2> "$TMP/err"
rc=$?
set -e
check_eq "stdin --strict exit code" 1 "$rc"
check_eq "stdin --strict message (BOM counted in offset)" "kurdi: <stdin>:2: invalid UTF-8 at byte 6" "$(head -1 "$TMP/err")"

# Valid input under --strict: exit 0, no message.
printf 'سڵاو\n' > "$TMP/good.txt"
"$KURDI" tokenize --strict "$TMP/good.txt" > /dev/null 2> "$TMP/err"
check_eq "--strict on valid input: no message" "" "$(cat "$TMP/err")"

# More than 20: 20 messages and a summary with the count.
python3 -c 'import sys; sys.stdout.buffer.write(b"x\xff\n" * 25)' > "$TMP/many.txt"
set +e
"$KURDI" normalize --strict "$TMP/many.txt" > /dev/null 2> "$TMP/err"
rc=$?
set -e
check_eq "many errors: exit 1" 1 "$rc"
check_eq "many errors: 20 messages + summary" 21 "$(wc -l < "$TMP/err")"
check_eq "many errors: 20th message" "kurdi: $TMP/many.txt:20: invalid UTF-8 at byte 58" "$(sed -n 20p "$TMP/err")"
if grep -q "25 invalid UTF-8 sequences" "$TMP/err"; then pass "summary counts 25"; else fail "summary: $(tail -1 "$TMP/err")"; fi

# Across read blocks (1 MiB): a valid 2-byte letter straddling the block
# boundary is not an error; a bad byte far into the file gets the right
# line and offset.
python3 - "$TMP/blocks.txt" <<'PY'
import sys
line = "a" * 99 + "\n"                   # 100 bytes
head = line * 10485 + "a" * 75           # 1048575 bytes: 'ە' straddles 1 MiB
data = head.encode() + "ە\n".encode() + b"b" * 10 + b"\xff\n"
open(sys.argv[1], "wb").write(data)
PY
set +e
"$KURDI" normalize --strict "$TMP/blocks.txt" > /dev/null 2> "$TMP/err"
rc=$?
set -e
check_eq "block boundary: exit 1" 1 "$rc"
check_eq "block boundary: one message, right line and offset" \
  "kurdi: $TMP/blocks.txt:10487: invalid UTF-8 at byte 1048588" "$(cat "$TMP/err")"

# Unreadable file: message with strerror, exit 1, the other files processed.
set +e
"$KURDI" normalize "$TMP/missing.txt" "$TMP/good.txt" > "$TMP/out" 2> "$TMP/err"
rc=$?
set -e
check_eq "missing file: exit 1" 1 "$rc"
check_eq "missing file: message" "kurdi: $TMP/missing.txt: No such file or directory" "$(cat "$TMP/err")"
check_same "missing file: other files still processed" "$TMP/good.txt" "$TMP/out"
set +e
"$KURDI" tokenize "$TMP" > /dev/null 2> "$TMP/err"
rc=$?
set -e
check_eq "directory as FILE: exit 1" 1 "$rc"
check_eq "directory as FILE: message" "kurdi: $TMP: Is a directory" "$(cat "$TMP/err")"

finish
