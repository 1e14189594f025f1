#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""PostgreSQL extension benchmarks (docs/benchmarks.md, "PostgreSQL").

Run inside a throwaway cluster (bench/postgresql/run.sh starts one with
pg_virtualenv); talks to it with psql. Three measurements:

  throughput  to_tsvector('sorani', body) against to_tsvector('simple', body)
              over the same rows, in one session, alternating, --repeat
              times each; parallel query off so both use one core. Reports
              the median seconds and MB/s of each and the ratio.
  memory      a fresh backend's memory before and after its first use of the
              sorani configuration over the whole table (and, as a baseline,
              another fresh backend's with simple): RssAnon and VmRSS from
              /proc/PID/status (needs permission to read the server's /proc
              entries: root) and the sum of pg_backend_memory_contexts.
  latency     a GIN index on to_tsvector('sorani', body), then one-word
              kurdi_query() searches drawn by the document frequency of the
              word's form (ts_stat), --queries in all, spread over the bands;
              each query returns the 10 best rows by ts_rank. Reports p50,
              p95, p99 and max per band, timed by psql (\\timing).

The rows are the documents of bench/archive/make_corpus.py (title + body
joined), loaded with COPY.
"""
import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BANDS = [(1, 1), (2, 10), (11, 100), (101, 1000), (1001, 10000), (10001, 10**12)]


def psql(sql, db=None, check=True):
    cmd = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"]
    if db:
        cmd += ["-d", db]
    r = subprocess.run(cmd, input=sql, capture_output=True, text=True)
    if check and r.returncode != 0:
        sys.stderr.write(r.stderr)
        raise SystemExit("bench.py: psql failed")
    return r.stdout


def timings(output):
    return [float(m) / 1000.0 for m in re.findall(r"^Time: ([0-9.]+) ms", output, re.M)]


def load(corpus, size):
    """Writes the corpus with make_corpus.py and COPYs it into table docs."""
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = os.path.join(tmp, "docs.jsonl")
        args = [sys.executable, os.path.join(ROOT, "bench", "archive", "make_corpus.py"), "-o", jsonl]
        if size:
            args += ["--size", size]
        if corpus:
            args += corpus
        subprocess.run(args, check=True)
        csv = os.path.join(tmp, "docs.tsv")
        rows = 0
        text_bytes = 0
        with open(jsonl, encoding="utf-8") as f, open(csv, "w", encoding="utf-8") as out:
            for line in f:
                d = json.loads(line)
                body = (d.get("title", "") + "\n" + d["body"]).strip()
                text_bytes += len(body.encode("utf-8"))
                esc = body.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
                out.write(f"{rows}\t{esc}\n")
                rows += 1
        psql("CREATE EXTENSION IF NOT EXISTS kurdi; DROP TABLE IF EXISTS docs; CREATE TABLE docs (id int PRIMARY KEY, body text NOT NULL);"
)
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c",
                        f"\\copy docs FROM '{csv}'"], check=True)
        psql("VACUUM ANALYZE docs;")
    return rows, text_bytes


def throughput(repeat, text_bytes):
    script = ["SET max_parallel_workers_per_gather = 0;",
              # warm: the table in shared buffers / page cache, the dictionary initialised
              "SELECT sum(length(md5(body))) FROM docs;",
              "SELECT length(to_tsvector('sorani', 'هێز')), length(to_tsvector('simple', 'x'));",
              "\\timing on"]
    for _ in range(repeat):
        script.append("SELECT sum(length(to_tsvector('simple', body))) FROM docs;")
        script.append("SELECT sum(length(to_tsvector('sorani', body))) FROM docs;")
    t = timings(psql("\n".join(script) + "\n"))
    simple, sorani = t[0::2], t[1::2]
    ms, mk = statistics.median(simple), statistics.median(sorani)
    mb = text_bytes / 1e6
    return {
        "simple_s": simple, "sorani_s": sorani,
        "simple_median_s": ms, "sorani_median_s": mk,
        "simple_mb_s": mb / ms, "sorani_mb_s": mb / mk, "ratio": mk / ms,
    }


def memory(config):
    """Memory of a fresh backend before and after to_tsvector(config) over docs."""
    probe = """SELECT pg_backend_pid();
SELECT sum(total_bytes) FROM pg_backend_memory_contexts;
"""
    # One session: pid and contexts, then the work, then contexts again;
    # /proc is read between the steps through a sleeping query.
    proc = subprocess.Popen(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, bufsize=1)

    def ask(sql):
        proc.stdin.write(sql + "\n\\echo __done__\n")
        proc.stdin.flush()
        lines = []
        while True:
            line = proc.stdout.readline()
            if not line or line.strip() == "__done__":
                break
            lines.append(line.strip())
        return lines

    pid = int(ask("SELECT pg_backend_pid();")[0])

    def status():
        out = {}
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    k, _, v = line.partition(":")
                    if k in ("VmRSS", "RssAnon", "VmHWM"):
                        out[k] = int(v.split()[0]) * 1024
        except OSError as e:
            out["error"] = str(e)
        out["contexts"] = int(ask("SELECT sum(total_bytes) FROM pg_backend_memory_contexts;")[0])
        return out

    ask("SET max_parallel_workers_per_gather = 0;")
    before = status()
    ask(f"SELECT sum(length(to_tsvector('{config}', body))) FROM docs;")
    after = status()
    ask(f"SELECT sum(length(to_tsvector('{config}', body))) FROM docs;")
    again = status()
    proc.stdin.close()
    proc.wait()
    return {"before": before, "after_first_pass": after, "after_second_pass": again}


def latency(queries, seed):
    psql("SET maintenance_work_mem = '512MB';"
         " ALTER TABLE docs ADD COLUMN tsv tsvector;"
         " UPDATE docs SET tsv = to_tsvector('sorani', body);"
         " CREATE INDEX docs_tsv ON docs USING gin (tsv);"
         " VACUUM ANALYZE docs;")
    sizes = psql("SELECT pg_size_pretty(pg_table_size('docs')), pg_size_pretty(pg_relation_size('docs_tsv'));")
    # Document frequency of every form lexeme (stem terms start with U+0001).
    rows = psql("SELECT word, ndoc FROM ts_stat('SELECT tsv FROM docs') WHERE word !~ '^\\x01';")
    by_band = [[] for _ in BANDS]
    for line in rows.splitlines():
        word, _, ndoc = line.rpartition("|")
        if not word:
            continue
        n = int(ndoc)
        for i, (lo, hi) in enumerate(BANDS):
            if lo <= n <= hi:
                by_band[i].append(word)
                break
    rng = random.Random(seed)
    live = [i for i, b in enumerate(by_band) if b]
    plan = []
    for k in range(queries):
        band = live[k % len(live)]
        plan.append((band, rng.choice(by_band[band])))
    rng.shuffle(plan)

    def lit(s):
        return "'" + s.replace("'", "''") + "'"

    script = ["SET max_parallel_workers_per_gather = 0;", "\\o /dev/null",
              # warm the index and the functions
              "SELECT count(*) FROM docs WHERE tsv @@ kurdi_query('هێز');", "\\timing on"]
    for _, w in plan:
        script.append("SELECT id FROM docs, kurdi_query(%s) q WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT 10;" % lit(w))
    t = timings(psql("\n".join(script) + "\n"))
    if len(t) != len(plan):
        raise SystemExit(f"bench.py: {len(t)} timings for {len(plan)} queries")
    # How many rows each query matched (untimed): a form's df is a lower
    # bound, its stem terms can match many more rows, and ts_rank reads them all.
    counts = [int(x) for x in psql("\n".join(
        "SELECT count(*) FROM docs WHERE tsv @@ kurdi_query(%s);" % lit(w) for _, w in plan) + "\n").split()]
    result = {"table_and_index": sizes.strip(), "bands": []}
    for i, (lo, hi) in enumerate(BANDS):
        xs = sorted(t[j] * 1000 for j, (b, _) in enumerate(plan) if b == i)
        if not xs:
            continue

        def pct(p):
            return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]

        matched = sorted(counts[j] for j, (b, _) in enumerate(plan) if b == i)
        result["bands"].append({"df": f"{lo}-{hi if hi < 10**12 else 'max'}", "words_in_band": len(by_band[i]),
                                "median_rows_matched": matched[len(matched) // 2],
                                "queries": len(xs), "p50_ms": pct(50), "p95_ms": pct(95),
                                "p99_ms": pct(99), "max_ms": xs[-1]})
    allx = sorted(x * 1000 for x in t)
    result["all"] = {"queries": len(allx), "p50_ms": statistics.median(allx),
                     "p99_ms": allx[min(len(allx) - 1, int(round(0.99 * (len(allx) - 1))))]}
    return result


def main():
    p = argparse.ArgumentParser(description="PostgreSQL extension benchmarks (run inside pg_virtualenv)")
    p.add_argument("--size", default=None, help="corpus size for make_corpus.py (e.g. 100M); default one copy (16 MB)")
    p.add_argument("--repeat", type=int, default=5, help="throughput runs of each configuration")
    p.add_argument("--queries", type=int, default=600, help="latency queries")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--cache", type=int, default=None,
                   help="ALTER TEXT SEARCH DICTIONARY kurdi_sorani (cache = N) first (default: the dictionary's 16384)")
    p.add_argument("--skip", default="", help="comma-separated: throughput,memory,latency")
    p.add_argument("corpus", nargs="*", help="CLEAN DIRTY corpus files (default ../shared/data/bench)")
    a = p.parse_args()
    skip = set(filter(None, a.skip.split(",")))
    t0 = time.time()
    rows, text_bytes = load(a.corpus, a.size)
    if a.cache is not None:
        psql(f"ALTER TEXT SEARCH DICTIONARY kurdi_sorani (cache = {a.cache});")
    out = {"rows": rows, "cache": a.cache, "text_mb": text_bytes / 1e6, "load_s": time.time() - t0,
           "server": psql("SHOW server_version;").strip(),
           "kurdi": psql("SELECT kurdi_version();").strip()}
    print(json.dumps(out, ensure_ascii=False), flush=True)
    if "throughput" not in skip:
        out["throughput"] = throughput(a.repeat, text_bytes)
        print(json.dumps({"throughput": out["throughput"]}), flush=True)
    if "memory" not in skip:
        out["memory"] = {"sorani": memory("sorani"), "simple": memory("simple")}
        print(json.dumps({"memory": out["memory"]}), flush=True)
    if "latency" not in skip:
        t1 = time.time()
        out["latency"] = latency(a.queries, a.seed)
        out["latency"]["build_s"] = time.time() - t1
        print(json.dumps({"latency": out["latency"]}, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
