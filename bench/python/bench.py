#!/usr/bin/env python3
"""Speed of the Python package against the kurdi program, in one run
(docs/benchmarks.md, "Python").

    PYTHONPATH=build/python /usr/bin/python3 bench/python/bench.py \\
        --cli build/apps/cli/kurdi FILE [--runs 7]

Measures, on FILE (UTF-8, one document or sentence per line):
  * per-call overhead: kurdi.normalize('') and one-word calls (timeit, best of 5);
  * batch throughput: kurdi.normalize_batch over the file's lines as fresh str
    objects (CPython has cached no UTF-8 on them; reading and decoding the file
    is not timed), one thread and two threads on halves, and over the lines as
    fresh bytes objects (the bytes-in, bytes-out path), against
    `kurdi normalize < FILE > /dev/null` (process start included, as a user runs
    it); the other batch functions for the comparison with ANCHORS.md;
  * import time: `python3 -X importtime -c 'import kurdi'` (kurdi's cumulative
    microseconds) and the wall time of `python3 -c 'import kurdi'` minus
    `python3 -c pass`.
Every figure is the median of --runs runs. Prints a Markdown table.
"""

import argparse
import concurrent.futures
import os
import re
import statistics
import subprocess
import sys
import time
import timeit

import kurdi


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def per_call_ns(stmt, setup="import kurdi"):
    timer = timeit.Timer(stmt, setup=setup)
    number, _ = timer.autorange()
    return min(timer.repeat(5, number)) / number * 1e9


def batch_mbps(fn, raw, runs, threads=1, as_bytes=False):
    """MB/s of fn over fresh str (or bytes) lines of raw (bytes), median of runs."""
    size = len(raw)
    times = []
    for _ in range(runs):
        # fresh objects, not timed
        lines = raw.splitlines(keepends=True) if as_bytes else raw.decode("utf-8").splitlines(keepends=True)
        if threads == 1:
            t = time.perf_counter()
            fn(lines)
            times.append(time.perf_counter() - t)
        else:
            parts = [lines[i::threads] for i in range(threads)]
            with concurrent.futures.ThreadPoolExecutor(threads) as pool:
                t = time.perf_counter()
                list(pool.map(fn, parts))
                times.append(time.perf_counter() - t)
    return size / statistics.median(times) / 1e6


def cli_mbps(cli, path, args, runs):
    size = os.path.getsize(path)

    def run():
        with open(path, "rb") as f, open(os.devnull, "wb") as out:
            subprocess.run([cli, *args], stdin=f, stdout=out, check=True)

    run()
    return size / median_time(run, runs) / 1e6


def import_times(runs):
    env = dict(os.environ)
    cum = []
    for _ in range(runs):
        err = subprocess.run([sys.executable, "-X", "importtime", "-c", "import kurdi"], env=env,
                             capture_output=True, text=True, check=True).stderr
        m = re.search(r"^import time:\s+\d+ \|\s+(\d+) \| kurdi$", err, re.M)
        cum.append(int(m.group(1)) / 1000)
    wall_import = median_time(lambda: subprocess.run([sys.executable, "-c", "import kurdi"], check=True), runs)
    wall_pass = median_time(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), runs)
    return statistics.median(cum), (wall_import - wall_pass) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--cli", required=True, help="the kurdi program of the same build")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with open(args.file, "rb") as f:
        raw = f.read()
    runs = args.runs
    lines = raw.count(b"\n")
    print(f"kurdi {kurdi.analyzer_version}, Python {sys.version.split()[0]} ({sys.executable}), "
          f"{os.path.basename(args.file)} {len(raw) / 1e6:.1f} MB in {lines} lines, median of {runs} runs, "
          f"load average {os.getloadavg()[0]:.2f} at start")
    print()
    print("| measure | value |")
    print("|---|---|")
    for stmt in ["kurdi.normalize('')", "kurdi.normalize('هێز')", "kurdi.normalize('هێزێكی')",
                 "kurdi.tokenize('هێز')", "kurdi.lemma('بەرپرسەکانی')", "kurdi.transliterate('هێز')"]:
        print(f"| per call: `{stmt}` | {per_call_ns(stmt):.0f} ns |")
    cli = cli_mbps(args.cli, args.file, ["normalize"], runs)
    one = batch_mbps(kurdi.normalize_batch, raw, runs)
    two = batch_mbps(kurdi.normalize_batch, raw, runs, threads=2)
    one_bytes = batch_mbps(kurdi.normalize_batch, raw, runs, as_bytes=True)
    cli_again = cli_mbps(args.cli, args.file, ["normalize"], runs)
    cli_mean = (cli + cli_again) / 2
    print(f"| `kurdi normalize < FILE > /dev/null` (before, after the Python runs) | {cli:.0f}, {cli_again:.0f} MB/s |")
    print(f"| `kurdi.normalize_batch(lines)`, 1 thread | {one:.0f} MB/s = {one / cli_mean:.0%} of the CLI |")
    print(f"| `kurdi.normalize_batch`, 2 threads on halves | {two:.0f} MB/s = {two / one:.2f}x one thread |")
    print(f"| `kurdi.normalize_batch(bytes lines)`, 1 thread | {one_bytes:.0f} MB/s = {one_bytes / cli_mean:.0%} "
          "of the CLI |")
    for name in ["tokenize_batch", "sentences_batch", "lemmatize_batch", "transliterate_batch"]:
        fn = getattr(kurdi, name)
        print(f"| `kurdi.{name}(lines)`, 1 thread | {batch_mbps(fn, raw, max(3, runs // 2)):.1f} MB/s |")
    cum_ms, wall_ms = import_times(runs)
    print(f"| `import kurdi`: -X importtime cumulative | {cum_ms:.1f} ms |")
    print(f"| `import kurdi`: wall time over `python3 -c pass` | {wall_ms:.1f} ms |")


if __name__ == "__main__":
    main()
