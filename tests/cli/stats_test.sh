#!/usr/bin/env bash
# stats: directories are searched recursively for *.txt in sorted order;
# the counts add up; --json gives the same numbers; the bundled samples work.
source "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/corpus/b" "$TMP/corpus/a"
printf 'سڵاو لە هەولێر. كوردستان جوانە.\nلە ساڵی 2021 John هات.\n' > "$TMP/corpus/b/two.txt"
printf 'سڵاو سڵاو سڵاو!\n' > "$TMP/corpus/a/one.txt"
printf 'not text\n' > "$TMP/corpus/a/skip.md"
printf 'ئەمە ڕستەیەکە.' > "$TMP/corpus/z.txt"

"$KURDI" stats "$TMP/corpus" > "$TMP/table"
cat "$TMP/table"
order=$(grep -oE "^$TMP/corpus/[^ ]+\.txt" "$TMP/table" | tr '\n' ' ')
check_eq "documents in sorted order, *.txt only" "$TMP/corpus/a/one.txt $TMP/corpus/b/two.txt $TMP/corpus/z.txt " "$order"
grep -q '^total ' "$TMP/table" && pass "table has a total row" || fail "no total row"
grep -q 'Most frequent Sorani words' "$TMP/table" && pass "top words section" || fail "no top words section"
grep -q 'Example sentence' "$TMP/table" && pass "example section" || fail "no example section"

"$KURDI" stats --json "$TMP/corpus" > "$TMP/stats.json"
python3 - "$TMP/stats.json" "$TMP/corpus" <<'PY' && pass "stats --json: counts consistent" || fail "stats --json"
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
corpus = sys.argv[2]
docs = report["documents"]
assert [d["path"] for d in docs] == [f"{corpus}/a/one.txt", f"{corpus}/b/two.txt", f"{corpus}/z.txt"], docs
assert [d["lines"] for d in docs] == [1, 2, 1], docs
assert [d["bytes"] for d in docs] == [len(open(d["path"], "rb").read()) for d in docs]
totals = report["totals"]
assert totals["documents"] == 3
for key in ("lines", "sentences", "tokens", "sorani_words", "latin_words", "numbers", "other_tokens",
            "changed_characters", "bytes", "characters"):
    assert totals[key] == sum(d[key] for d in docs), key
for d in docs:
    assert d["tokens"] == d["sorani_words"] + d["latin_words"] + d["numbers"] + d["other_tokens"], d
assert docs[0]["sorani_words"] == 3 and docs[0]["sentences"] == 1, docs[0]
assert docs[1]["latin_words"] == 1 and docs[1]["numbers"] == 1, docs[1]
assert docs[1]["sentences"] == 3, docs[1]
assert docs[1]["changed_characters"] >= 1, docs[1]      # the Arabic kaf
top = report["top_sorani_words"]
assert top[0] == {"word": "سڵاو", "count": 4}, top
assert len(top) <= 15
example = report["example"]
assert example["path"] == f"{corpus}/a/one.txt" and example["line"] == 1, example
PY

# Missing path: message, exit 1, the others still counted.
set +e
"$KURDI" stats --json "$TMP/nope" "$TMP/corpus/z.txt" > "$TMP/out" 2> "$TMP/err"
rc=$?
set -e
check_eq "missing path: exit 1" 1 "$rc"
check_eq "missing path: message" "kurdi: $TMP/nope: No such file or directory" "$(cat "$TMP/err")"
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["totals"]["documents"] == 1' "$TMP/out" \
  && pass "missing path: other documents counted" || fail "missing path: other documents"

# stdin.
"$KURDI" stats < "$TMP/corpus/a/one.txt" > "$TMP/out"
grep -q '^<stdin> ' "$TMP/out" && pass "stdin is <stdin>" || fail "stdin row: $(cat "$TMP/out")"

# The bundled samples (the README's first command runs this).
if [[ -d "$KURDI_SOURCE_DIR/samples" ]]; then
  "$KURDI" stats "$KURDI_SOURCE_DIR/samples" > "$TMP/samples" && pass "stats on samples/" || fail "stats on samples/"
  grep -q '^total ' "$TMP/samples" || fail "samples: no total row"
fi

# changed_characters counts input characters replaced or deleted: six tatweels,
# five kafs, ه + ZWNJ (two).
for pair in "ڕۆمــــــان:6" "ككككك:5" "ئه‌و:2" "کورد:0"; do
  check_eq "changed_characters of ${pair%%:*}" "${pair##*:}" \
    "$(printf '%s\n' "${pair%%:*}" | "$KURDI" stats --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["totals"]["changed_characters"])')"
done

# A link back up the tree is not followed (it counted every file again, to ELOOP).
mkdir -p "$TMP/loopdir"
printf 'کورد هێز\n' > "$TMP/loopdir/a.txt"
ln -sfn ../loopdir "$TMP/loopdir/up"
check_eq "a directory link is not followed" "1 document, 16 bytes, 8 characters" \
  "$("$KURDI" stats "$TMP/loopdir" | grep -E '^[0-9]+ documents?, ')"

finish
