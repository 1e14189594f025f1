#!/usr/bin/env python3
"""Normalize and lemmatize a corpus with Dask on a local cluster.

    python3 dask_local.py [--workers N] [--json] FILE...

Starts a dask.distributed LocalCluster (worker processes, no dashboard), reads
the files into a dask.bag of lines, and maps kurdi.normalize_batch and
kurdi.lemmatize_batch over its partitions: each worker imports kurdi once and
gets plain lists of str, so nothing needs to be pickled but text. The lemma
frequencies of word tokens are reduced on the cluster. The cluster is shut
down before the script exits. The same code runs on a real cluster with
Client("scheduler:8786") where every worker has kurdi installed.
"""

import argparse
import json
import sys
import time


def lemma_items(lines):
    """(lemma, 1) for every word token of a partition's lines (runs on a worker)."""
    import kurdi

    normalized = kurdi.normalize_batch(lines)
    out = []
    for items, tokens in zip(kurdi.lemmatize_batch(normalized), kurdi.tokenize_batch(normalized)):
        out.extend(lemma for lemma, t in zip(items, tokens) if t.type == "word")
    return out


def token_count(lines):
    import kurdi

    return [sum(len(t) for t in kurdi.tokenize_batch(kurdi.normalize_batch(lines)))]


def run(paths, workers):
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    lines = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines.extend(f.read().splitlines())
    start = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as client:
        bag = db.from_sequence(lines, npartitions=max(1, workers * 2))
        lemmas = bag.map_partitions(lemma_items)
        top = lemmas.frequencies().topk(10, key=lambda kv: (kv[1], kv[0])).compute()
        tokens = sum(bag.map_partitions(token_count).compute())
        worker_versions = set(client.run(lambda: __import__("kurdi").analyzer_version).values())
    seconds = time.perf_counter() - start
    top = sorted(top, key=lambda kv: (-kv[1], kv[0]))
    return {
        "lines": len(lines),
        "tokens": tokens,
        "top_lemmas": [[lemma, n] for lemma, n in top],
        "seconds": round(seconds, 3),
        "worker_analyzer_versions": sorted(worker_versions),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, one document or sentence per line")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = parser.parse_args(argv)
    try:
        result = run(args.files, args.workers)
    except OSError as e:
        print(f"dask_local.py: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"{result['lines']} lines, {result['tokens']} tokens in {result['seconds']} s "
              f"(Dask LocalCluster, {args.workers} worker processes)")
        for lemma, n in result["top_lemmas"]:
            print(f"{n:8d}  {lemma}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
