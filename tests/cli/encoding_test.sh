#!/usr/bin/env bash
# Input decoding: UTF-8 BOM dropped, UTF-16LE/BE with a BOM transcoded,
# malformed UTF-8 becomes U+FFFD by default (no message, exit 0).
source "$(dirname "$0")/lib.sh"

printf 'سڵاو لە هەولێر\nكورد 2021\n' > "$TMP/plain.txt"
"$KURDI" normalize "$TMP/plain.txt" > "$TMP/plain.out"
"$KURDI" tokenize --json "$TMP/plain.txt" > "$TMP/plain.json"

# UTF-8 BOM: dropped, and JSON offsets count from after it.
{ printf '\xef\xbb\xbf'; cat "$TMP/plain.txt"; } > "$TMP/bom.txt"
"$KURDI" normalize "$TMP/bom.txt" > "$TMP/out"
check_same "UTF-8 BOM dropped (normalize)" "$TMP/plain.out" "$TMP/out"
"$KURDI" tokenize --json "$TMP/bom.txt" > "$TMP/out"
check_same "UTF-8 BOM dropped (tokenize --json offsets)" "$TMP/plain.json" "$TMP/out"
"$KURDI" normalize < "$TMP/bom.txt" > "$TMP/out"
check_same "UTF-8 BOM dropped on stdin" "$TMP/plain.out" "$TMP/out"

# UTF-16 with a BOM, both byte orders, from a file and from stdin.
for enc in utf-16-le utf-16-be; do
  python3 - "$TMP/plain.txt" "$TMP/$enc.txt" "$enc" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
bom = b"\xff\xfe" if sys.argv[3] == "utf-16-le" else b"\xfe\xff"
open(sys.argv[2], "wb").write(bom + text.encode(sys.argv[3]))
PY
  "$KURDI" normalize "$TMP/$enc.txt" > "$TMP/out"
  check_same "$enc input (normalize)" "$TMP/plain.out" "$TMP/out"
  "$KURDI" tokenize --json < "$TMP/$enc.txt" > "$TMP/out"
  check_same "$enc input on stdin (tokenize --json)" "$TMP/plain.json" "$TMP/out"
done

# A large UTF-16LE file (several read blocks, odd block boundaries through a
# pipe) decodes like its UTF-8 original.
python3 - "$TMP/big8.txt" "$TMP/big16.txt" <<'PY'
import sys
text = "".join(f"سڵاو لە هەولێر 😀 {i} كورد\n" for i in range(60000))
open(sys.argv[1], "w", encoding="utf-8").write(text)
open(sys.argv[2], "wb").write(b"\xff\xfe" + text.encode("utf-16-le"))
PY
"$KURDI" normalize "$TMP/big8.txt" > "$TMP/big8.out"
cat "$TMP/big16.txt" | "$KURDI" normalize > "$TMP/out"
check_same "large UTF-16LE through a pipe" "$TMP/big8.out" "$TMP/out"

# Malformed UTF-8 without --strict: U+FFFD, no message, exit 0.
printf 'a\xffb \xc3\n\xe2\x82x\n' > "$TMP/bad.txt"
set +e
"$KURDI" normalize "$TMP/bad.txt" > "$TMP/out" 2> "$TMP/err"
rc=$?
set -e
printf 'a\xef\xbf\xbdb \xef\xbf\xbd\n\xef\xbf\xbdx\n' > "$TMP/expected"
check_same "malformed UTF-8 becomes U+FFFD" "$TMP/expected" "$TMP/out"
check_eq "malformed UTF-8 without --strict: exit 0" 0 "$rc"
check_eq "malformed UTF-8 without --strict: no message" "" "$(cat "$TMP/err")"
if python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$TMP/out"; then
  pass "output is valid UTF-8"
else
  fail "output is not valid UTF-8"
fi
"$KURDI" tokenize "$TMP/bad.txt" > "$TMP/out"
if python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$TMP/out"; then
  pass "tokenize output is valid UTF-8"
else
  fail "tokenize output is not valid UTF-8"
fi
"$KURDI" sentences "$TMP/bad.txt" > "$TMP/out"
if python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$TMP/out"; then
  pass "sentences output is valid UTF-8"
else
  fail "sentences output is not valid UTF-8"
fi

finish
