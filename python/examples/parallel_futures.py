#!/usr/bin/env python3
"""Normalize and lemmatize a corpus in parallel with concurrent.futures.

    python3 parallel_futures.py [--workers N] [--processes] [--json] FILE...

Each worker gets a chunk of lines and calls kurdi.normalize_batch and
kurdi.lemmatize_batch on it. Those release the GIL while the C++ core works,
so a ThreadPoolExecutor runs them on several cores; --processes uses a
ProcessPoolExecutor instead (each worker process imports kurdi once; nothing
but lists of str crosses the process boundary). Prints the number of lines
and tokens, the most frequent lemmas of word tokens, and the time taken.
"""

import argparse
import collections
import concurrent.futures
import json
import sys
import time

import kurdi

CHUNK_LINES = 2000


def process_chunk(lines):
    """Normalized lines and the lemma counts of one chunk (runs in a worker)."""
    normalized = kurdi.normalize_batch(lines)
    counts = collections.Counter()
    tokens = 0
    for items, line_tokens in zip(kurdi.lemmatize_batch(normalized), kurdi.tokenize_batch(normalized)):
        tokens += len(line_tokens)
        counts.update(lemma for lemma, t in zip(items, line_tokens) if t.type == "word")
    return normalized, tokens, counts


def read_lines(paths):
    lines = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines.extend(f.read().splitlines())
    return lines


def run(paths, workers, processes):
    lines = read_lines(paths)
    chunks = [lines[i:i + CHUNK_LINES] for i in range(0, len(lines), CHUNK_LINES)]
    pool_type = concurrent.futures.ProcessPoolExecutor if processes else concurrent.futures.ThreadPoolExecutor
    counts = collections.Counter()
    tokens = 0
    normalized_bytes = 0
    start = time.perf_counter()
    with pool_type(max_workers=workers) as pool:
        for normalized, chunk_tokens, chunk_counts in pool.map(process_chunk, chunks):
            tokens += chunk_tokens
            counts.update(chunk_counts)
            normalized_bytes += sum(len(l.encode("utf-8")) for l in normalized)
    seconds = time.perf_counter() - start
    return {
        "lines": len(lines),
        "tokens": tokens,
        "normalized_bytes": normalized_bytes,
        "top_lemmas": [[lemma, n] for lemma, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]],
        "seconds": round(seconds, 3),
        "analyzer_version": kurdi.analyzer_version,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, one document or sentence per line")
    parser.add_argument("--workers", type=int, default=2, help="parallel workers (default 2)")
    parser.add_argument("--processes", action="store_true", help="use worker processes instead of threads")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = parser.parse_args(argv)
    try:
        result = run(args.files, args.workers, args.processes)
    except OSError as e:
        print(f"parallel_futures.py: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"{result['lines']} lines, {result['tokens']} tokens in {result['seconds']} s "
              f"({'processes' if args.processes else 'threads'}: {args.workers})")
        for lemma, n in result["top_lemmas"]:
            print(f"{n:8d}  {lemma}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
