#!/usr/bin/env bash
# --json output is valid JSON, one object per line (tokenize) or sentence
# (sentences), and slicing the input line by [begin, end) gives "text".
source "$(dirname "$0")/lib.sh"
CHECK="$KURDI_TEST_DIR/json_check.py"

{
  printf 'quote " backslash \\ tab\there ctrl\x01x del\x7f «کورد» https://example.org/a?b=1 ٢٦/٧/٢٠٢١ 40%%ی.\n'
  printf 'bad \xff byte and \xe2\x82 truncated. Second sentence? Yes!\r\n'
  printf '\n'
  printf 'بەرپرسەکانی هێزێكی میلیشیاکاندا، لە ١٩٩٩دا گەیشتە هەولێر. ئەی تۆ؟ 😀 #کوردستان @kurdi a@b.org\n'
  printf 'no final newline'
} > "$TMP/tricky.txt"
# The seed articles (real news text), one file, after the tricky lines.
cp "$TMP/tricky.txt" "$TMP/all.txt"
printf '\n' >> "$TMP/all.txt"
for seed in "$KURDI_SOURCE_DIR"/samples/seeds/*.txt; do
  [[ -e "$seed" ]] && cat "$seed" >> "$TMP/all.txt"
done
# With a BOM: offsets count from after it.
{ printf '\xef\xbb\xbf'; cat "$TMP/tricky.txt"; } > "$TMP/bom.txt"
inputs=("$TMP/tricky.txt" "$TMP/all.txt" "$TMP/bom.txt")

for input in "${inputs[@]}"; do
  name=$(basename "$input")
  "$KURDI" tokenize --json "$input" > "$TMP/tokens.json"
  if python3 "$CHECK" tokens "$input" "$TMP/tokens.json"; then pass "tokenize --json $name"; else fail "tokenize --json $name"; fi
  "$KURDI" sentences --json "$input" > "$TMP/sentences.json"
  if python3 "$CHECK" sentences "$input" "$TMP/sentences.json"; then pass "sentences --json $name"; else fail "sentences --json $name"; fi
  # jq agrees that it is JSON (a second, independent parser), when installed.
  if command -v jq > /dev/null; then
    if jq -e . "$TMP/tokens.json" > /dev/null && jq -e . "$TMP/sentences.json" > /dev/null; then
      pass "jq parses $name"
    else
      fail "jq rejects the output for $name"
    fi
  fi
  # The plain tokenize output is the "norm" fields joined by one space.
  "$KURDI" tokenize "$input" > "$TMP/plain.txt"
  python3 -c '
import json, sys
for row in open(sys.argv[1], encoding="utf-8"):
    print(" ".join(t["norm"] for t in json.loads(row)["tokens"] if t["norm"]))' "$TMP/tokens.json" > "$TMP/from_json.txt"
  check_same "plain tokenize = JSON norms ($name)" "$TMP/from_json.txt" "$TMP/plain.txt"
  # The plain sentences output is the JSON texts, one per line.
  "$KURDI" sentences "$input" > "$TMP/plain.txt"
  python3 -c '
import json, sys
for row in open(sys.argv[1], encoding="utf-8"):
    print(json.loads(row)["text"])' "$TMP/sentences.json" > "$TMP/from_json.txt"
  check_same "plain sentences = JSON texts ($name)" "$TMP/from_json.txt" "$TMP/plain.txt"
done

# Control characters are escaped, not written raw.
if grep -q $'\x01' "$TMP/tokens.json" 2>/dev/null; then fail "raw control character in JSON"; fi
"$KURDI" tokenize --json "$TMP/tricky.txt" | head -1 > "$TMP/first.json"
if grep -qF '\u0001' "$TMP/first.json" && grep -qF '"text": "\""' "$TMP/first.json" && grep -qF '"text": "\\"' "$TMP/first.json"; then
  pass "control character, quote and backslash escaped"
else
  fail "escaping: $(cat "$TMP/first.json")"
fi

# stats --json is one valid JSON object.
"$KURDI" stats --json "$TMP/tricky.txt" > "$TMP/stats.json"
if python3 -m json.tool "$TMP/stats.json" > /dev/null; then pass "stats --json is valid JSON"; else fail "stats --json is not JSON"; fi

finish
