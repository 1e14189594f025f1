#!/usr/bin/env bash
# kurdi stem, lemma, analyze and tokenize --morphemes: line alignment with
# kurdi tokenize, empty lines, non-word tokens, JSON shape, --user-lexicon.
source "$(dirname "$0")/lib.sh"

printf 'بەرپرسەکانی کوردستان ١٩٩٩دا.\n\nدەیانگوت زژڤ\n' > "$TMP/in.txt"

# One output line per input line, one item per token (as kurdi tokenize).
for cmd in stem lemma; do
  "$KURDI" "$cmd" "$TMP/in.txt" > "$TMP/$cmd.out"
  check_eq "$cmd: line count" 3 "$(wc -l < "$TMP/$cmd.out")"
  check_eq "$cmd: empty line stays empty" "" "$(sed -n 2p "$TMP/$cmd.out")"
done
"$KURDI" tokenize "$TMP/in.txt" > "$TMP/tok.out"
paste -d'\n' <(awk '{print NF}' "$TMP/tok.out") <(awk '{print NF}' "$TMP/lemma.out") | paste - - |
  while read -r a b; do [[ "$a" == "$b" ]] || echo mismatch; done > "$TMP/align"
check_eq "lemma: as many items as tokens on every line" "" "$(cat "$TMP/align")"
check_eq "lemma: words, number, suffix, punctuation" "بەرپرس کوردستان ١٩٩٩ دا ." "$(sed -n 1p "$TMP/lemma.out")"
check_eq "lemma: verb with an inner clitic; unknown word as is" "گوتن زژڤ" "$(sed -n 3p "$TMP/lemma.out")"
check_eq "stem: first line" "بەرپرس کوردستان ١٩٩٩ دا ." "$(sed -n 1p "$TMP/stem.out")"
check_eq "stem: an ambiguous word gives every stem" "کوردی|کورد" "$(echo 'کوردی' | "$KURDI" stem)"
check_eq "stem --first: one stem" "کوردی" "$(echo 'کوردی' | "$KURDI" stem --first)"

# analyze: plain lines and JSON
out=$(echo 'دەیانگوت' | "$KURDI" analyze)
check_eq "analyze: plain" "$(printf 'دەیانگوت\tگوتن\tVERB\tV;PST;IPFV;IND;ARGER3P;ARGAB3S\tدە/IPFV+یان/CL.3P+گوت')" "$(head -1 <<< "$out")"
echo 'کتێبەکان ،' | "$KURDI" analyze --json > "$TMP/a.json"
python3 - "$TMP/a.json" <<'PY' > "$TMP/json.check"
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(objs) == 1 and objs[0]["line"] == 1
t = objs[0]["tokens"]
assert [x["type"] for x in t] == ["word", "punct"], t
a = t[0]["analyses"][0]
assert a["lemma"] == "کتێب" and a["upos"] == "NOUN" and a["known"] is True, a
assert "".join(m["text"] for m in a["morphemes"]) == t[0]["norm"]
assert t[1]["analyses"] == []
print("ok")
PY
check_eq "analyze --json: shape and content" "ok" "$(cat "$TMP/json.check")"

# tokenize --morphemes
check_eq "tokenize --morphemes" "بەرپرس ەکان ی کتێب ەکان یش مان ." \
  "$(echo 'بەرپرسەکانی کتێبەکانیشمان.' | "$KURDI" tokenize --morphemes)"
set +e
echo x | "$KURDI" tokenize --json --morphemes > /dev/null 2> "$TMP/err"
rc=$?
set -e
check_eq "tokenize --json --morphemes: usage error" 2 "$rc"

# --user-lexicon
printf '# names\nزژڤ\tPROPN\n' > "$TMP/user.tsv"
check_eq "lemma --user-lexicon" "زژڤ" "$(echo 'زژڤی' | "$KURDI" lemma --user-lexicon "$TMP/user.tsv")"
check_eq "lemma without it" "زژڤی" "$(echo 'زژڤی' | "$KURDI" lemma)"
check_eq "lemma guesses an unknown word's definite plural" "زژڤ" "$(echo 'زژڤەکانی' | "$KURDI" lemma)"
check_eq "stem never cuts an unknown word" "زژڤەکانی" "$(echo 'زژڤەکانی' | "$KURDI" stem)"
printf 'زژڤ\tPROPN\nبەد\n' > "$TMP/bad.tsv"
set +e
echo x | "$KURDI" lemma --user-lexicon "$TMP/bad.tsv" > /dev/null 2> "$TMP/err"
rc=$?
set -e
check_eq "bad user lexicon: exit 1" 1 "$rc"
grep -q "bad.tsv:2: " "$TMP/err" && pass "bad user lexicon: file and line named" || fail "message: $(cat "$TMP/err")"

# --mode lucene: Lucene's rules, its defects included; other tokens as in the default mode
check_eq "stem --mode lucene" "بەرپرسەک گوڵەکانم کوردس ١٩٩٩ دا ." \
  "$(echo 'بەرپرسەکانی گوڵەکانم کوردستان ١٩٩٩دا.' | "$KURDI" stem --mode lucene)"
for clash in "--first" "--user-lexicon $TMP/user.tsv"; do
  set +e
  # shellcheck disable=SC2086
  echo x | "$KURDI" stem --mode lucene $clash > /dev/null 2> "$TMP/err"
  rc=$?
  set -e
  check_eq "stem --mode lucene $clash: usage error" 2 "$rc"
done
set +e
echo x | "$KURDI" stem --mode porter > /dev/null 2> "$TMP/err"
rc=$?
set -e
check_eq "stem --mode porter: usage error" 2 "$rc"

finish
