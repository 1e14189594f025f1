#!/usr/bin/python3
"""FTS5 ingest throughput of the kurdi tokenizer against unicode61, in one run.

  /usr/bin/python3 ext/sqlite/bench/ingest.py build/ext/sqlite/kurdi CORPUS [--runs N]

The corpus is cut into documents of about 3 KB (whole lines). For each
tokenizer spec, in alternating order, a fresh on-disk database gets one FTS5
table `USING fts5(body, tokenize=...)`; the timed part is inserting every
document in one transaction plus the 'optimize' command. Prints MB/s (10^6
bytes of document text per second), the database size, and the median of the
runs. Use Debian's /usr/bin/python3: its sqlite3 module can load extensions.
"""
import argparse
import os
import sqlite3
import statistics
import tempfile
import time


def documents(path, size=3000):
    docs, cur, n = [], [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            cur.append(line)
            n += len(line.encode())
            if n >= size:
                docs.append("\n".join(cur))
                cur, n = [], 0
    if cur:
        docs.append("\n".join(cur))
    return docs


def run(ext, docs, spec, directory):
    path = os.path.join(directory, "bench.db")
    if os.path.exists(path):
        os.remove(path)
    con = sqlite3.connect(path)
    con.enable_load_extension(True)
    con.load_extension(ext)
    con.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize=%s)" % ("'" + spec.replace("'", "''") + "'"))
    start = time.perf_counter()
    with con:
        con.executemany("INSERT INTO t(body) VALUES (?)", ((d,) for d in docs))
    con.execute("INSERT INTO t(t) VALUES ('optimize')")
    con.commit()
    seconds = time.perf_counter() - start
    con.close()
    return seconds, os.path.getsize(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ext", help="the extension, e.g. build/ext/sqlite/kurdi")
    ap.add_argument("corpus")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tokenizers", default="unicode61,kurdi,kurdi stems 0")
    args = ap.parse_args()
    docs = documents(args.corpus)
    mb = sum(len(d.encode()) for d in docs) / 1e6
    specs = args.tokenizers.split(",")
    times = {s: [] for s in specs}
    sizes = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            for s in specs:
                seconds, size = run(args.ext, docs, s, tmp)
                times[s].append(seconds)
                sizes[s] = size
                print("%-16s %.2f s  %.2f MB/s  db %.1f MB" % (s, seconds, mb / seconds, size / 1e6), flush=True)
    print("\n%d documents, %.2f MB; median of %d runs:" % (len(docs), mb, args.runs))
    base = statistics.median(times[specs[0]])
    for s in specs:
        m = statistics.median(times[s])
        print("%-16s %.2f MB/s  %.2fx the time of %s  db %.1f MB" % (s, mb / m, m / base, specs[0], sizes[s] / 1e6))


if __name__ == "__main__":
    main()
