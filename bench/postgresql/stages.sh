#!/usr/bin/env bash
# Where to_tsvector('sorani') spends its time (docs/benchmarks.md, "PostgreSQL"):
# one session over one copy of the bench corpora, timing to_tsvector with
#   simple                    PostgreSQL's default parser and simple dictionary
#   ts_parse('default'|'kurdi')  the parsers alone (set-returning: slower than inside to_tsvector)
#   kurdi_simple              the kurdi parser with PostgreSQL's simple dictionary
#   kurdi_forms               the kurdi parser and a kurdi dictionary with stems = off
#   sorani                    the extension's configuration
# Usage: bench/postgresql/stages.sh    (runs itself under pg_virtualenv)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ "${1:-}" != inner ]; then
  exec pg_virtualenv -t -v 15 -o shared_buffers=2GB "$0" inner
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/../archive/make_corpus.py" -o "$tmp/d.jsonl" >/dev/null
python3 - "$tmp" <<'P'
import json, sys
tmp = sys.argv[1]
with open(f"{tmp}/d.jsonl", encoding="utf-8") as f, open(f"{tmp}/d.tsv", "w", encoding="utf-8") as o:
    for i, line in enumerate(f):
        d = json.loads(line)
        b = (d.get("title", "") + "\n" + d["body"]).strip()
        o.write(f"{i}\t" + b.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "\n")
P
psql -X -q -v ON_ERROR_STOP=1 <<SQL | grep -E '^(Time|[a-z_]+ *\|)' || true
CREATE EXTENSION kurdi;
CREATE TABLE docs (id int, body text);
\copy docs FROM '$tmp/d.tsv'
CREATE TEXT SEARCH CONFIGURATION kurdi_simple (PARSER = kurdi);
ALTER TEXT SEARCH CONFIGURATION kurdi_simple ADD MAPPING FOR word, number, date, time, url, email, hashtag, mention, emoji, suffix, latin WITH simple;
CREATE TEXT SEARCH DICTIONARY forms (TEMPLATE = kurdi, stems = off);
CREATE TEXT SEARCH CONFIGURATION kurdi_forms (PARSER = kurdi);
ALTER TEXT SEARCH CONFIGURATION kurdi_forms ADD MAPPING FOR word, number, date, time, url, email, hashtag, mention, emoji, suffix, latin WITH forms;
SET max_parallel_workers_per_gather = 0;
SELECT sum(length(md5(body))) FROM docs;
SELECT sum(length(to_tsvector('sorani', 'هێز'))) FROM docs LIMIT 1;
\pset tuples_only on
\timing on
\echo simple
SELECT sum(length(to_tsvector('simple', body))) FROM docs;
\echo ts_parse default
SELECT count(*) FROM docs, ts_parse('default', body);
\echo ts_parse kurdi
SELECT count(*) FROM docs, ts_parse('kurdi', body);
\echo kurdi_simple
SELECT sum(length(to_tsvector('kurdi_simple', body))) FROM docs;
\echo kurdi_forms
SELECT sum(length(to_tsvector('kurdi_forms', body))) FROM docs;
\echo sorani
SELECT sum(length(to_tsvector('sorani', body))) FROM docs;
SQL
