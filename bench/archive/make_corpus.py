#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Archive benchmark documents: the bench corpora cut into ~3 KB JSON Lines.

  bench/archive/make_corpus.py [--size SIZE] [--doc-bytes N] [-o OUT] [CLEAN DIRTY]

Reads ckb-clean.txt and ckb-dirty.txt (default: ../shared/data/bench next to
the source tree; measurement only, never commit or ship them or what this
writes) and writes one JSON object per line:

  {"id": "c0-clean-17", "title": ..., "body": ..., "source": "clean", "date": "2019-04-02"}

* A document is consecutive non-blank lines of one file, cut at the first
  line boundary at or after --doc-bytes (3000) bytes of text.
* title = the document's first line when it is shorter than 200 characters
  and other lines follow; body = the remaining lines joined by "\n".
  Otherwise the title is empty and every line goes into the body (the
  archive needs a body).
* id = c<copy>-<file>-<n>: the corpora are written again and again (clean,
  then dirty) with a new copy number until the output reaches --size, so
  every copy has distinct ids (the bodies repeat: a real archive's
  reprints and wire copies look like that too, and the archive's duplicate
  detection is part of what ingest pays).
* date = a pseudo-date in 2015-01-01..2024-12-31 derived from the id (CRC-32),
  so date filters can be exercised and the output is the same on every run.

--size takes K, M, G suffixes in powers of 1000 and bounds the output file
(it stops after the first document that reaches it); without --size one
copy of both files is written (about 16 MB of text).
"""
import argparse
import datetime
import json
import os
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data", "bench"))

FIRST_DAY = datetime.date(2015, 1, 1)
DAYS = (datetime.date(2024, 12, 31) - FIRST_DAY).days + 1


def parse_size(text):
    units = {"": 1, "K": 10**3, "M": 10**6, "G": 10**9}
    t = text.strip().upper().rstrip("B")
    suffix = t[-1] if t and t[-1] in "KMG" else ""
    number = t[:-1] if suffix else t
    try:
        value = float(number) * units[suffix]
    except ValueError:
        raise argparse.ArgumentTypeError("not a size: %r (e.g. 100M, 1G)" % text)
    if value <= 0:
        raise argparse.ArgumentTypeError("size must be positive: %r" % text)
    return int(value)


def cut(path, doc_bytes):
    """Lists of lines, each list about doc_bytes of text, in file order."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    # The BOM is a file artefact, not text of the first document; CRLF line
    # ends are line ends. Everything else of the dirty file stays as it is.
    text = text.lstrip("\ufeff")
    docs, cur, n = [], [], 0
    for line in text.splitlines():
        if not line.strip():
            continue
        cur.append(line)
        n += len(line.encode("utf-8")) + 1
        if n >= doc_bytes:
            docs.append(cur)
            cur, n = [], 0
    if cur:
        docs.append(cur)
    return docs


def fields(lines):
    if len(lines) > 1 and len(lines[0]) < 200:
        return lines[0], "\n".join(lines[1:])
    return "", "\n".join(lines)


def pseudo_date(doc_id):
    day = zlib.crc32(doc_id.encode("ascii")) % DAYS
    return (FIRST_DAY + datetime.timedelta(days=day)).isoformat()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="CLEAN DIRTY (default: the bench corpora)")
    ap.add_argument("--size", type=parse_size, help="target output size, e.g. 100M, 1G")
    ap.add_argument("--doc-bytes", type=int, default=3000, help="document size (default 3000)")
    ap.add_argument("-o", "--output", default="-", help="output file (default stdout)")
    args = ap.parse_args()

    files = args.files or [os.path.join(DATA, "ckb-clean.txt"), os.path.join(DATA, "ckb-dirty.txt")]
    if len(files) != 2:
        ap.error("give both files, CLEAN and DIRTY, or neither")
    corpora = [(name, cut(path, args.doc_bytes)) for name, path in zip(("clean", "dirty"), files)]

    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="\n")
    written, documents, copy = 0, 0, 0
    done = False
    while not done:
        for name, docs in corpora:
            for n, lines in enumerate(docs):
                doc_id = "c%d-%s-%d" % (copy, name, n)
                title, body = fields(lines)
                record = json.dumps({"id": doc_id, "title": title, "body": body, "source": name,
                                     "date": pseudo_date(doc_id)}, ensure_ascii=False)
                out.write(record + "\n")
                written += len(record.encode("utf-8")) + 1
                documents += 1
                if args.size is not None and written >= args.size:
                    done = True
                    break
            if done:
                break
        copy += 1
        if args.size is None:
            done = True
    if out is not sys.stdout:
        out.close()
    print("%d documents, %d copies, %.1f MB" % (documents, copy, written / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main()
