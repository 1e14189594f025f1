#!/usr/bin/env bash
# kurdi index / search / delete / export / stats / check / reindex / optimize from the
# command line: formats, malformed input, exit codes, JSON output, messages.
source "$(dirname "$0")/lib.sh"
A="$TMP/news.db"
SEEDS="$KURDI_SOURCE_DIR/samples/seeds"
mkdir -p "$TMP/in/sub"
cp "$SEEDS"/0*.txt "$TMP/in/"
cat > "$TMP/in/sub/feed.jsonl" <<'JSONL'
{"id":"j1","title":"هێزی ئەمریکا","body":"ئەمریکا هێزێكی گەورەی هەیە.","source":"k24","date":"2021-05-02"}
{"id":"j2","body":"سلێمانی شارێکی جوانە.","date":"2019-01-01"}
{"id":"j3","title":"نیوە","body":
{"id":"j4","title":"بێ دەق"}
{"id":"j5","body":"بەرپرسەکانی ئەمریکا گەیشتن.","date":"2021-02-30"}
JSONL
printf 'id,title,body,source\nc1,واشنتن,"سەردانی کازمی بۆ واشنتن،\nدوو دێڕ",rudaw\nc2,"بێ کۆتایی\n' > "$TMP/in/sub/table.csv"
printf 'not indexed: no known extension\n' > "$TMP/in/notes.log"

# Indexing a directory: documents stored, malformed records named and skipped, exit 0.
"$KURDI" index "$A" "$TMP/in" > "$TMP/out" 2> "$TMP/err" && rc=0 || rc=$?
check_eq "index exit 0 with skips" 0 "$rc"
grep -q "feed.jsonl:3: " "$TMP/err" && pass "a truncated JSON line is named" || fail "no feed.jsonl:3 warning: $(cat "$TMP/err")"
grep -q "feed.jsonl:4: .*body" "$TMP/err" && pass "a record without body is named" || fail "no feed.jsonl:4 warning"
grep -q "feed.jsonl:5: .*date" "$TMP/err" && pass "an impossible date is named" || fail "no feed.jsonl:5 warning"
grep -q "table.csv:4: " "$TMP/err" && pass "an unterminated CSV quote is named" || fail "no table.csv:4 warning: $(cat "$TMP/err")"
grep -q "6 added, 0 updated, 0 unchanged; .* 4 skipped" "$TMP/err" && pass "summary counts" || fail "summary: $(tail -1 "$TMP/err")"
grep -q "notes.log" "$TMP/err" && fail "a file with an unknown extension in a directory was reported" || pass "unknown extensions passed over"
[[ -s "$TMP/out" ]] && fail "index wrote to stdout" || pass "index keeps stdout clean"

# --strict: the same skips are errors.
"$KURDI" index "$TMP/strict.db" "$TMP/in/sub/feed.jsonl" --strict 2> "$TMP/err" && rc=0 || rc=$?
check_eq "index --strict exit 1" 1 "$rc"
check_eq "index --strict still stores the good records" 2 "$("$KURDI" stats "$TMP/strict.db" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')"

# Re-indexing the same input changes nothing; new content updates.
"$KURDI" index "$A" "$TMP/in" 2> "$TMP/err" || true
grep -q "0 added, 0 updated, 6 unchanged" "$TMP/err" && pass "re-index: unchanged" || fail "re-index: $(tail -1 "$TMP/err")"
printf '{"id":"j2","body":"سلێمانی شارێکی گەورەیە.","date":"2019-01-01"}\n{"id":"dup","body":"ئەمریکا هێزێكی گەورەی هەیە."}\n' > "$TMP/update.jsonl"
"$KURDI" index "$A" "$TMP/update.jsonl" 2> "$TMP/err"
grep -q "1 added, 1 updated" "$TMP/err" && pass "new content updates" || fail "update: $(cat "$TMP/err")"
grep -q "'dup' has the same body as 'j1'" "$TMP/err" && pass "exact duplicate reported" || fail "duplicate: $(cat "$TMP/err")"
grep -q "; 1 exact duplicate, 0 near-duplicates;" "$TMP/err" && pass "summary: one exact duplicate, in the singular" || fail "summary: $(tail -1 "$TMP/err")"

# Search: text and JSON; exit 0 with or without hits.
"$KURDI" search "$A" 'بەرپرس' > "$TMP/out" && rc=0 || rc=$?
check_eq "search exit 0" 0 "$rc"
grep -q '\*\*بەرپرسەکانی\*\*' "$TMP/out" && pass "text output marks matches" || fail "text output: $(head -5 "$TMP/out")"
"$KURDI" search "$A" hez --json > "$TMP/out"
python3 - "$TMP/out" <<'PY' && pass "search --json fields" || fail "search --json: $(cat "$TMP/out")"
import json, sys
hits = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert [h["id"] for h in hits][:1] == ["j1"], hits
h = hits[0]
assert set(h) >= {"id", "title", "score", "snippet", "source", "date"}, h
assert h["title"] == "هێزی ئەمریکا" and h["source"] == "k24" and h["date"] == "2021-05-02", h
assert "<mark>هێزێكی</mark>" in h["snippet"] and isinstance(h["score"], float) and h["score"] > 0, h
PY
"$KURDI" search "$A" 'ئەمریکا' --json --from 2021-01-01 --to 2021-12-31 --source k24 > "$TMP/out"
check_eq "search filters" '["j1"]' "$(python3 -c 'import json,sys; print(json.dumps([json.loads(l)["id"] for l in open(sys.argv[1])]))' "$TMP/out")"
"$KURDI" search "$A" 'زژڤقڤ' > "$TMP/out" 2> "$TMP/err" && rc=0 || rc=$?
check_eq "no hits: exit 0" 0 "$rc"
grep -q "no documents match" "$TMP/err" && pass "no hits: said" || fail "no hits message: $(cat "$TMP/err")"
"$KURDI" search "$A" '-ئەمریکا' 2> "$TMP/err" > "$TMP/out" && rc=0 || rc=$?
check_eq "exclusions only: exit 0" 0 "$rc"
grep -q "exclusions only" "$TMP/err" && pass "exclusions only: said" || fail "exclusions-only message: $(cat "$TMP/err")"
"$KURDI" search "$A" x --from 2021-02-30 2> "$TMP/err" && rc=0 || rc=$?
check_eq "bad --from: usage error" 2 "$rc"
"$KURDI" search "$TMP/missing.db" x 2> "$TMP/err" && rc=0 || rc=$?
check_eq "missing archive: exit 1" 1 "$rc"
grep -q "no archive at" "$TMP/err" && pass "missing archive: said" || fail "missing archive message: $(cat "$TMP/err")"
[[ -e "$TMP/missing.db" ]] && fail "search created an archive" || pass "search never creates an archive"
"$KURDI" search "$SEEDS/README.md" x 2> "$TMP/err" && rc=0 || rc=$?
check_eq "not an archive: exit 1" 1 "$rc"

# stats, check, export round trip, delete.
"$KURDI" stats "$A" > "$TMP/out"
grep -qE "^documents +7$" "$TMP/out" && pass "stats on an archive" || fail "stats: $(cat "$TMP/out")"
"$KURDI" check "$A" > "$TMP/out" && rc=0 || rc=$?
check_eq "check exit 0" 0 "$rc"
grep -q "ok (7 documents)" "$TMP/out" && pass "check ok" || fail "check: $(cat "$TMP/out")"
"$KURDI" export "$A" --jsonl > "$TMP/export.jsonl"
check_eq "export: one line per document" 7 "$(wc -l < "$TMP/export.jsonl")"
"$KURDI" index "$TMP/copy.db" "$TMP/export.jsonl" 2> /dev/null
"$KURDI" export "$TMP/copy.db" --jsonl > "$TMP/export2.jsonl"
check_same "export, index, export gives the same documents" "$TMP/export.jsonl" "$TMP/export2.jsonl"
"$KURDI" delete "$A" j1 nope 2> "$TMP/err" && rc=0 || rc=$?
check_eq "delete with a missing id: exit 1" 1 "$rc"
grep -q "no document with id 'nope'" "$TMP/err" && pass "missing id named" || fail "delete: $(cat "$TMP/err")"
"$KURDI" search "$A" hez --json > "$TMP/out"
grep -q '"j1"' "$TMP/out" && fail "deleted document still found" || pass "deleted document gone"

# An archive made by another analyzer: refused with "reindex required" until reindexed.
python3 - "$A" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE meta SET value = '0.0.1+old' WHERE key = 'analyzer_version'")
db.commit()
PY
"$KURDI" search "$A" hez 2> "$TMP/err" && rc=0 || rc=$?
check_eq "analyzer mismatch: exit 1" 1 "$rc"
grep -q "reindex required" "$TMP/err" && pass "analyzer mismatch: reindex required" || fail "mismatch: $(cat "$TMP/err")"
"$KURDI" check "$A" 2> "$TMP/err" && rc=0 || rc=$?
check_eq "check reports the mismatch" 1 "$rc"
# stats shows the versions and says what to do; export reads stored text only
# and works (it is how the documents move to a new archive).
"$KURDI" stats "$A" > "$TMP/out" 2> "$TMP/err" && rc=0 || rc=$?
check_eq "stats after an analyzer change: exit 0" 0 "$rc"
grep -q "^analyzer      0.0.1+old (this kurdi has .*: reindex required, run \`kurdi reindex $A\`)" "$TMP/out" &&
  pass "stats shows both analyzers and reindex required" || fail "stats after mismatch: $(cat "$TMP/out" "$TMP/err")"
check_eq "stats --json after an analyzer change" "0.0.1+old True" \
  "$("$KURDI" stats "$A" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["analyzer_version"], d["reindex_required"])')"
"$KURDI" export "$A" --jsonl > "$TMP/out" 2> "$TMP/err" && rc=0 || rc=$?
check_eq "export after an analyzer change: exit 0" 0 "$rc"
check_eq "export after an analyzer change: every document" 6 "$(wc -l < "$TMP/out")"
"$KURDI" reindex "$A" 2> "$TMP/err"
grep -q "6 documents indexed" "$TMP/err" && pass "reindex" || fail "reindex: $(cat "$TMP/err")"
# kurdi reindex builds the block bounds for the documents it leaves (docs/archive.md, term_bounds).
bounds=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT value FROM meta WHERE key = ?", ("bounds",)).fetchone()[0])' "$A" 2>&1)
[[ "$bounds" == *" 6" ]] && pass "reindex builds the block bounds" || fail "bounds after reindex: $bounds"
"$KURDI" search "$A" 'بەرپرس' --json | grep -q '"id"' && pass "searchable after reindex" || fail "not searchable after reindex"

# kurdi optimize, kurdi index --optimize and what kurdi stats says of them.
optimized() { "$KURDI" stats "$1" --json | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["optimized"], s["index_segments"], s["block_bounds"], s["documents_since_optimize"])'; }
check_eq "reindex leaves an optimized archive" "True 1 True 0" "$(optimized "$A")"
printf '{"id":"o1","body":"هەولێر شارێکی گەورەیە."}\n' > "$TMP/one.jsonl"
"$KURDI" index "$A" "$TMP/one.jsonl" 2> "$TMP/err"
# The bounds stay in use; the added document is searched beside them.
check_eq "a small run on a small archive: not optimized, no advice" "False 2 True 1" "$(optimized "$A")"
"$KURDI" stats "$A" | grep -q "^index *2 segments, block bounds and 1 document added since" && pass "stats: added documents, in text" || fail "stats text: $("$KURDI" stats "$A")"
"$KURDI" search "$A" 'هەولێر' --json | grep -q '"id":"o1"' && pass "an added document is found beside the bounds" || fail "added document not found"
grep -q "kurdi optimize" "$TMP/err" && fail "advice below 10,000 documents: $(cat "$TMP/err")" || pass "no optimize advice for a small archive"
"$KURDI" stats "$A" | grep -q "^optimized *no (not needed below 10,000 documents)" && pass "stats: optimized, in text" || fail "stats text: $("$KURDI" stats "$A")"
"$KURDI" optimize "$A" 2> "$TMP/err" && rc=0 || rc=$?
check_eq "optimize exit 0" 0 "$rc"
grep -q "7 documents, 1 index segment, block bounds built" "$TMP/err" && pass "optimize reports" || fail "optimize: $(cat "$TMP/err")"
check_eq "optimize: one segment, current bounds" "True 1 True 0" "$(optimized "$A")"
printf '{"id":"o2","body":"سلێمانی و هەولێر."}\n' > "$TMP/two.jsonl"
"$KURDI" index "$A" "$TMP/two.jsonl" --optimize always 2> "$TMP/err"
grep -q "optimized for search in" "$TMP/err" && pass "index --optimize always" || fail "--optimize always: $(cat "$TMP/err")"
check_eq "index --optimize always: optimized" "True 1 True 0" "$(optimized "$A")"
"$KURDI" index "$TMP/never.db" "$TMP/in/sub/feed.jsonl" "$TMP/one.jsonl" "$TMP/two.jsonl" --optimize never --batch 1 2> "$TMP/err" || true
# The run's four one-document segments are one level of four: the end of
# the run merges it (Archive::finish_run), and builds no bounds.
check_eq "index --optimize never: a level of 4 segments merged at the run's end, no bounds" "False 1 False 0" "$(optimized "$TMP/never.db")"
"$KURDI" index "$A" "$TMP/two.jsonl" --optimize sometimes 2> "$TMP/err" && rc=0 || rc=$?
check_eq "unknown --optimize: usage error" 2 "$rc"
"$KURDI" optimize "$TMP/missing.db" 2> "$TMP/err" && rc=0 || rc=$?
check_eq "optimize of a missing archive: exit 1" 1 "$rc"
grep -q "missing.db" "$TMP/err" && pass "optimize names the missing archive" || fail "optimize missing: $(cat "$TMP/err")"

# An empty file is no archive: only kurdi index makes one of it; check,
# reindex, optimize and delete refuse it and leave it empty.
for command in check reindex optimize delete; do
  : > "$TMP/empty.db"
  ids=(); [[ $command == delete ]] && ids=(x)
  "$KURDI" $command "$TMP/empty.db" "${ids[@]}" 2> "$TMP/err" && rc=0 || rc=$?
  check_eq "$command of an empty file: exit 1" 1 "$rc"
  check_eq "$command of an empty file: says so" "kurdi: $TMP/empty.db: not a kurdi archive (an empty file; \`kurdi index\` makes one)" "$(cat "$TMP/err")"
  check_eq "$command of an empty file: leaves it empty" 0 "$(stat -c %s "$TMP/empty.db")"
done
"$KURDI" index "$TMP/empty.db" "$TMP/two.jsonl" 2> /dev/null && pass "index makes an archive of an empty file" ||
  fail "index of an empty file"

# A sound archive that cannot be written (read-only media, chattr +i) is
# checked all the same: FTS5's check runs in a temporary copy. Root writes
# through file modes, so as root the file is made immutable instead.
"$KURDI" index "$TMP/ro.db" "$TMP/two.jsonl" 2> /dev/null
protect() { if (($(id -u) == 0)); then chattr +i "$TMP/ro.db"; else chmod a-w "$TMP/ro.db"; fi; }
unprotect() { if (($(id -u) == 0)); then chattr -i "$TMP/ro.db"; fi; chmod u+w "$TMP/ro.db"; }
if protect 2> /dev/null; then
  "$KURDI" check "$TMP/ro.db" > "$TMP/out" 2> "$TMP/err" && rc=0 || rc=$?
  unprotect
  check_eq "check of an archive that cannot be written: exit 0" 0 "$rc"
  check_eq "check of an archive that cannot be written: ok" "$TMP/ro.db: ok (1 document)" "$(cat "$TMP/out" "$TMP/err")"
  # The commands that write say so, naming the archive, before they start.
  protect
  for command in index optimize reindex delete; do
    more=(); [[ $command == index ]] && more=("$TMP/one.jsonl"); [[ $command == delete ]] && more=(o2)
    "$KURDI" $command "$TMP/ro.db" "${more[@]}" 2> "$TMP/err" && rc=0 || rc=$?
    check_eq "$command of an archive that cannot be written: exit 1" 1 "$rc"
    check_eq "$command of an archive that cannot be written: says so" \
      "kurdi: $TMP/ro.db: cannot write to the archive (read-only)" "$(cat "$TMP/err")"
  done
  unprotect
else
  echo "skipped: cannot write-protect a file here (chattr +i needs a file system that has it)"
fi

# An archive of an older schema (here version 2, as an earlier kurdi left it:
# SimHash, no postings). check, export and stats each read it as it is and leave the
# file as it was; check and stats say so and name the command that upgrades
# it, which search refuses it without.
"$KURDI" index "$TMP/v2.db" "$TMP/in/sub/feed.jsonl" 2> /dev/null || true
python3 - "$TMP/v2.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("DROP TABLE near_signatures; DROP TABLE minhash_bands; ALTER TABLE documents ADD COLUMN simhash INTEGER; "
                 "CREATE TABLE simhash_bands(band INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY(band, doc)) WITHOUT ROWID; "
                 "DROP TABLE term_postings; DROP TABLE document_lengths; "
                 "DELETE FROM meta WHERE key = 'postings'; PRAGMA user_version = 2;")
db.close()
PY
schema_of() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' "$1"; }
old() { rm -f "$TMP/old.db"*; cp "$TMP/v2.db" "$TMP/old.db"; }
unchanged() { check_eq "$1 of an older schema: the file is left as it was" "$(sha256sum < "$TMP/v2.db") 2" "$(sha256sum < "$TMP/old.db") $(schema_of "$TMP/old.db")"; }
old
"$KURDI" check "$TMP/old.db" > "$TMP/out" 2> "$TMP/err" && rc=0 || rc=$?
check_eq "check of an older schema: exit 1" 1 "$rc"
check_eq "check of an older schema: says so and what upgrades it" \
  "kurdi check: $TMP/old.db: the older schema version 2 (this kurdi has 4), checked as it is: run \`kurdi reindex $TMP/old.db\` to upgrade it" \
  "$(cat "$TMP/out" "$TMP/err")"
unchanged check
old
"$KURDI" export "$TMP/old.db" --jsonl > "$TMP/out" 2> "$TMP/err" && rc=0 || rc=$?
check_eq "export of an older schema: exit 0" "0 " "$rc $(cat "$TMP/err")"
check_eq "export of an older schema: every document" "j1 j2" \
  "$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["id"] for l in open(sys.argv[1])))' "$TMP/out")"
unchanged export
old
"$KURDI" stats "$TMP/old.db" > "$TMP/out" 2> "$TMP/err" && rc=0 || rc=$?
check_eq "stats of an older schema: exit 0" "0 " "$rc $(cat "$TMP/err")"
check_eq "stats of an older schema: says so" \
  "schema        2 (older than this kurdi's 4: run \`kurdi reindex $TMP/old.db\` to upgrade it)" "$(grep '^schema' "$TMP/out")"
check_eq "stats of an older schema: the analyzer is current" \
  "analyzer      $("$KURDI" --version | sed -n 's/^analyzer //p')" "$(grep '^analyzer' "$TMP/out")"
# --json: this kurdi's schema beside the archive's, and a reindex required
# (a search refuses the archive until then).
check_eq "stats --json of an older schema" "2 4 True 2" \
  "$("$KURDI" stats "$TMP/old.db" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["schema_version"], d["current_schema_version"], d["reindex_required"], d["documents"])')"
unchanged stats
"$KURDI" search "$TMP/old.db" hez 2> "$TMP/err" && rc=0 || rc=$?
check_eq "search of an older schema: refused" \
  "1 kurdi: $TMP/old.db has the older schema version 2: run \`kurdi reindex $TMP/old.db\` to upgrade it" "$rc $(cat "$TMP/err")"
"$KURDI" reindex "$TMP/old.db" 2> /dev/null
check_eq "reindex upgrades an older schema" 4 "$(schema_of "$TMP/old.db")"
check_eq "an upgraded archive checks ok" "$TMP/old.db: ok (2 documents)" "$("$KURDI" check "$TMP/old.db" 2>&1)"
check_eq "stats --json of an upgraded archive" "4 4 False" \
  "$("$KURDI" stats "$TMP/old.db" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["schema_version"], d["current_schema_version"], d["reindex_required"])')"

# A named PATH that does not exist is an error (exit 1); the others are still
# read and committed. Standard input without --format is a usage error, found
# before the archive is made.
"$KURDI" index "$TMP/named.db" "$TMP/nonexistent.txt" "$TMP/two.jsonl" 2> "$TMP/err" && rc=0 || rc=$?
check_eq "index of a named path that does not exist: exit 1" 1 "$rc"
grep -q "nonexistent.txt: No such file or directory" "$TMP/err" && grep -q "1 added" "$TMP/err" &&
  pass "the missing path is named and the others stored" || fail "missing path: $(cat "$TMP/err")"
"$KURDI" index "$TMP/nostdin.db" - < "$TMP/two.jsonl" 2> "$TMP/err" && rc=0 || rc=$?
check_eq "index - without --format: usage error" 2 "$rc"
grep -q "standard input (-) needs --format" "$TMP/err" && pass "index - without --format: says why" ||
  fail "stdin without --format: $(cat "$TMP/err")"
[[ -e "$TMP/nostdin.db" ]] && fail "index - without --format made an archive" || pass "index - without --format does nothing"

# --offset out of range says the range.
"$KURDI" search "$A" x --offset 99999999999 2> "$TMP/err" && rc=0 || rc=$?
check_eq "--offset out of range: usage error" 2 "$rc"
grep -q "not in range 0 to 4294967295" "$TMP/err" && pass "--offset out of range: says the range" ||
  fail "--offset: $(cat "$TMP/err")"

# The same id twice in one input: said, the later one kept.
printf '{"id":"a","body":"first version"}\n{"id":"a","body":"second version"}\n' > "$TMP/dup.jsonl"
(cd "$TMP" && "$KURDI" index dup.db dup.jsonl 2> err)
check_eq "an id given twice in a run is said" \
  "kurdi: dup.jsonl:2: id 'a' already given at dup.jsonl:1 in this run; the later one is kept" "$(grep "already given" "$TMP/err")"
check_eq "an id given twice in a run: the later one is kept" "second version" \
  "$("$KURDI" export "$TMP/dup.db" --jsonl | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["body"])')"
# outcomes FILE: the added/updated/unchanged part of the summary in FILE.
outcomes() { sed -n 's/.* MB\/s): \(.*\); [0-9]* exact duplicates\{0,1\},.*/\1/p' "$1"; }
# The earlier one is not stored (it comes again in the same batch), so the
# summary counts it apart, and a rerun of the same input changes nothing: it
# writes nothing (the block bounds stay in use) and reports nothing updated.
check_eq "an id given twice: the summary counts the earlier one as not stored" \
  "1 added, 0 updated, 0 unchanged, 1 not stored (a later document has its id)" \
  "$(outcomes "$TMP/err")"
"$KURDI" optimize "$TMP/dup.db" 2> /dev/null
(cd "$TMP" && "$KURDI" index dup.db dup.jsonl 2> err)
check_eq "an id given twice, the same input again: nothing updated" \
  "0 added, 0 updated, 1 unchanged, 1 not stored (a later document has its id)" \
  "$(outcomes "$TMP/err")"
check_eq "an id given twice, the same input again: nothing written" "True 1 True 0" "$(optimized "$TMP/dup.db")"
# Given again in a later batch, the earlier one has been stored: both are
# stored, and so reported, each time.
(cd "$TMP" && "$KURDI" index dup.db dup.jsonl --batch 1 2> err)
check_eq "an id given twice in two batches: both stored" "0 added, 2 updated, 0 unchanged" \
  "$(outcomes "$TMP/err")"

# Files that cannot be archives are named, with what they are.
echo hello > "$TMP/text.db"
mkdir "$TMP/dir.db"
for command in search index; do
  arg=x; [[ $command == index ]] && arg="$TMP/two.jsonl"
  "$KURDI" $command "$TMP/text.db" "$arg" 2> "$TMP/err" && rc=0 || rc=$?
  check_eq "$command of a text file: says what it is" "1 kurdi: $TMP/text.db: not a kurdi archive (not an SQLite database)" "$rc $(cat "$TMP/err")"
  "$KURDI" $command "$TMP/dir.db" "$arg" 2> "$TMP/err" && rc=0 || rc=$?
  check_eq "$command of a directory: says what it is" "1 kurdi: $TMP/dir.db: is a directory" "$rc $(cat "$TMP/err")"
done

# Standard input needs --format.
printf '{"id":"s1","body":"دەق"}\n' | "$KURDI" index "$TMP/stdin.db" - --format jsonl 2> "$TMP/err"
grep -q "1 added" "$TMP/err" && pass "stdin with --format" || fail "stdin: $(cat "$TMP/err")"
# Two piped feeds without ids: the second adds, it does not replace the first
# (ids from the body's hash, not "-:2"); the same feed again is unchanged.
printf 'title,body\nmonday,news of monday\n' | "$KURDI" index "$TMP/feeds.db" - --format csv 2> /dev/null
printf 'title,body\ntuesday,news of tuesday\n' | "$KURDI" index "$TMP/feeds.db" - --format csv 2> "$TMP/err"
grep -q "1 added, 0 updated" "$TMP/err" && pass "a second stdin feed adds" || fail "second feed: $(cat "$TMP/err")"
printf 'title,body\ntuesday,news of tuesday\n' | "$KURDI" index "$TMP/feeds.db" - --format csv 2> "$TMP/err"
grep -q "0 added, 0 updated, 1 unchanged" "$TMP/err" && pass "the same stdin feed again is unchanged" ||
  fail "same feed: $(cat "$TMP/err")"
check_eq "both stdin feeds are kept" "monday tuesday" \
  "$("$KURDI" export "$TMP/feeds.db" --jsonl | python3 -c 'import json,sys; print(" ".join(sorted(json.loads(l)["title"] for l in sys.stdin)))')"
"$KURDI" index "$TMP/stdin.db" --format xml x 2> "$TMP/err" && rc=0 || rc=$?
check_eq "unknown --format: usage error" 2 "$rc"
finish
