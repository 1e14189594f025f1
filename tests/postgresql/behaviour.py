#!/usr/bin/env python3
"""The shared search-behaviour suite (tests/behaviour/search/) run against the
PostgreSQL extension: documents.jsonl is loaded into a news table with a
weighted tsvector column ('sorani', title A, body B) and a GIN index, and each
line of cases.tsv (its format is in the file's header) becomes a query with
kurdi_query(), ranked with ts_rank() and highlighted with ts_headline().

The SQL is generated from the two files at run time and run by one psql
process against the server in the environment (PGHOST, PGPORT, PGDATABASE,
PGUSER: pg_virtualenv sets them). The database must have the kurdi extension
installed, or this script creates it. Prints one line per case and ends with
'N passed, N failed'; exits 1 when any case fails.

Usage: behaviour.py [--suite DIR] [--dbname NAME] [--keep]
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def dollar(text):
    """A dollar-quoted SQL literal whose tag does not occur in `text`."""
    tag = "kq"
    n = 0
    while f"${tag}{n}$" in text:
        n += 1
    return f"${tag}{n}${text}${tag}{n}$"


def load_cases(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            while len(fields) < 5:
                fields.append("")
            kind, query, ids, arg, note = fields[:5]
            cases.append({
                "line": number,
                "kind": kind,
                "query": query,
                "ids": [] if ids in ("", "-") else ids.split(","),
                "arg": arg,
                "note": note,
            })
    return cases


def build_sql(documents, cases):
    out = [
        "\\set ON_ERROR_STOP 1",
        "\\pset format unaligned",
        "\\pset tuples_only on",
        "\\pset fieldsep '\\t'",
        "SET client_min_messages = warning;",
        "CREATE EXTENSION IF NOT EXISTS kurdi;",
        "DROP TABLE IF EXISTS kurdi_behaviour;",
        "CREATE TABLE kurdi_behaviour (id text PRIMARY KEY, title text NOT NULL, body text NOT NULL,",
        "  tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('sorani', title), 'A') ||",
        "                                   setweight(to_tsvector('sorani', body), 'B')) STORED);",
        "CREATE INDEX kurdi_behaviour_tsv ON kurdi_behaviour USING gin (tsv);",
    ]
    for d in documents:
        out.append("INSERT INTO kurdi_behaviour (id, title, body) VALUES (%s, %s, %s);" % (
            dollar(d["id"]), dollar(d.get("title", "")), dollar(d.get("body", ""))))
    out.append("ANALYZE kurdi_behaviour;")
    for c in cases:
        q = dollar(c["query"])
        # One row per case: line, hits in rank order (best first), and the
        # highlighted body of every hit, as JSON.
        out.append(
            "SELECT %d, coalesce(json_agg(json_build_object('id', id, 'rank', r, 'snippet', h) "
            "ORDER BY r DESC, id), '[]') FROM ("
            "SELECT id, ts_rank(tsv, q) AS r, "
            "ts_headline('sorani', title || ' ' || body, q, "
            "'StartSel=<mark>, StopSel=</mark>, HighlightAll=true') AS h "
            "FROM kurdi_behaviour, kurdi_query(%s) AS q WHERE tsv @@ q) hits;" % (c["line"], q))
    return "\n".join(out) + "\n"


def check(case, hits):
    """Returns None when the case holds, else what went wrong."""
    ids = [h["id"] for h in hits]
    shown = " ".join(ids) or "(no hits)"
    kind, want = case["kind"], case["ids"]
    if kind == "finds":
        missing = [i for i in want if i not in ids]
        return f"not found: {' '.join(missing)}; hits: {shown}" if missing else None
    if kind == "misses":
        found = [i for i in want if i in ids]
        return f"found: {' '.join(found)}; hits: {shown}" if found else None
    if kind == "only":
        return None if set(ids) == set(want) else f"hits: {shown}"
    if kind == "first":
        return None if ids and ids[0] == want[0] else f"hits: {shown}"
    if kind == "above":
        a, b = want
        if a not in ids or b not in ids:
            return f"not both found; hits: {shown}"
        ra = next(h["rank"] for h in hits if h["id"] == a)
        rb = next(h["rank"] for h in hits if h["id"] == b)
        return None if ra > rb else f"rank {a} {ra} <= {b} {rb}"
    if kind == "marks":
        hit = next((h for h in hits if h["id"] == want[0]), None)
        if hit is None:
            return f"not found; hits: {shown}"
        mark = "<mark>" + case["arg"] + "</mark>"
        return None if mark in hit["snippet"] else f"no {mark} in: {hit['snippet']}"
    if kind == "nothing":
        return None if not ids else f"hits: {shown}"
    return f"unknown case kind '{kind}'"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--suite", default=os.path.join(ROOT, "tests", "behaviour", "search"),
                   help="folder with documents.jsonl and cases.tsv")
    p.add_argument("--dbname", default=None, help="database (default: $PGDATABASE or psql's default)")
    p.add_argument("--keep", action="store_true", help="keep the table kurdi_behaviour")
    args = p.parse_args()

    with open(os.path.join(args.suite, "documents.jsonl"), encoding="utf-8") as f:
        documents = [json.loads(line) for line in f if line.strip()]
    cases = load_cases(os.path.join(args.suite, "cases.tsv"))
    sql = build_sql(documents, cases)
    if not args.keep:
        sql += "DROP TABLE kurdi_behaviour;\n"
    cmd = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"]
    if args.dbname:
        cmd += ["-d", args.dbname]
    run = subprocess.run(cmd, input=sql, capture_output=True, text=True)
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        print("behaviour.py: psql failed (exit %d)" % run.returncode, file=sys.stderr)
        return 2
    results = {}
    for line in run.stdout.splitlines():
        if "\t" not in line:
            continue
        number, hits = line.split("\t", 1)
        results[int(number)] = json.loads(hits)
    passed = failed = 0
    for c in cases:
        hits = results.get(c["line"])
        problem = "no result from psql" if hits is None else check(c, hits)
        label = f"cases.tsv:{c['line']} {c['kind']} [{c['query']}]"
        if problem is None:
            passed += 1
            print(f"ok   {label}")
        else:
            failed += 1
            print(f"FAIL {label}: {problem} ({c['note']})")
    if passed + failed == 0:
        print("behaviour.py: no case ran", file=sys.stderr)
        return 2
    print(f"postgresql behaviour: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
