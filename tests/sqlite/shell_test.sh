#!/usr/bin/env bash
# The loadable extension in the sqlite3 shell: `.load` finds sqlite3_kurdi_init
# from the file name, the tokenizer indexes real sentences, kurdi_query makes
# hostile input safe. Environment: SQLITE3 (the shell), KURDI_SQLITE_EXT (the
# extension's path without .so).
set -euo pipefail
sqlite=${SQLITE3:-sqlite3}
ext=${KURDI_SQLITE_EXT:?KURDI_SQLITE_EXT is not set}
fail=0
check() {  # NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected [$2], got [$3]"; fail=1; fi
}

run() { "$sqlite" -batch -bail :memory: ".load $ext" "$@"; }

check "kurdi_version names the library" "1" \
  "$(run "SELECT kurdi_version('library') = substr(kurdi_version(), 1, length(kurdi_version('library')));")"

out=$(run \
  "CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='kurdi');" \
  "INSERT INTO docs VALUES ('هێز', 'ئەمریکا هێزێكی گەورەی هەیە و سوپای كوردي ئامادەیە.');" \
  "INSERT INTO docs VALUES ('کازمی', 'سەردانەکەی کازمی بۆ واشنتن، کۆمەڵێک لێکتێگەیشتنی لەگەڵ بەرپرسەکانی ئەمریکادا لێبەرهەمهات.');" \
  "INSERT INTO docs VALUES ('تەقینەوە', 'هیچ زانیارییەک بڵاو نەکراوەتەوە.');" \
  "SELECT group_concat(title, ',') FROM (SELECT title FROM docs WHERE docs MATCH kurdi_query('بەرپرس') ORDER BY rank);" \
  "SELECT group_concat(title, ',') FROM (SELECT title FROM docs WHERE docs MATCH kurdi_query('هێزێکی') ORDER BY rank);" \
  "SELECT group_concat(title, ',') FROM (SELECT title FROM docs WHERE docs MATCH kurdi_query('کردن') ORDER BY rank);" \
  "SELECT group_concat(title, ',') FROM (SELECT title FROM docs WHERE docs MATCH kurdi_query('hêz') ORDER BY rank);" \
  "SELECT count(*) FROM docs WHERE docs MATCH kurdi_query('\"a OR -');" \
  "SELECT count(*) FROM docs WHERE docs MATCH kurdi_query('-کازمی');" \
  "SELECT highlight(docs, 1, '[', ']') FROM docs WHERE docs MATCH kurdi_query('هێز');")
expected=$(printf '%s\n' 'کازمی' 'هێز' 'تەقینەوە' 'هێز' '0' '0' \
  'ئەمریکا [هێزێكی] گەورەی هەیە و سوپای كوردي ئامادەیە.')
check "search through the loaded extension" "$expected" "$out"

if run "CREATE VIRTUAL TABLE bad USING fts5(x, tokenize='kurdi nonsense 1');" 2>/dev/null; then
  echo "FAIL an unknown tokenizer option was accepted"; fail=1
else
  echo "ok   an unknown tokenizer option is an error"
fi
# The example of docs/sqlite.md: its ```sql block, run in the shell, prints
# the block that follows "prints".
doc=${KURDI_SOURCE_DIR:-}/docs/sqlite.md
if [ -f "$doc" ]; then
  sql=$(awk '/^```sql$/{on=1; next} on && /^```$/{exit} on' "$doc")
  want=$(awk 'seen && /^```$/ {if (on) exit; on=1; next} on; /^prints$/ {seen=1}' "$doc")
  got=$(run "$sql" 2>&1) || true
  check "docs/sqlite.md example" "$want" "$got"
else
  echo "FAIL docs/sqlite.md not found (KURDI_SOURCE_DIR)"; fail=1
fi
exit $fail
