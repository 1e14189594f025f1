"""Batch functions release the GIL; records pickle; kurdi works in worker
processes (multiprocessing, spawn and fork) and threads."""

import concurrent.futures
import multiprocessing
import pickle
import sys
import threading
import time

import pytest

import kurdi
from conftest import sample_lines

LINES = sample_lines()


def test_records_pickle():
    text = "بەرپرسەکانی ئەمریکا، ٢٦/٧/٢٠٢١. دوو"
    for obj in (kurdi.tokenize(text), kurdi.sentences(text), kurdi.analyze("بەرپرسەکانی")):
        for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(obj, protocol))
            assert back == obj
            assert [dict(x) for x in back] == [dict(x) for x in obj]
    a = pickle.loads(pickle.dumps(kurdi.analyze("بەرپرسەکانی")[0]))
    assert a.morphemes[0].tag == "stem"


def work(lines):
    return kurdi.normalize_batch(lines), kurdi.lemmatize_batch(lines), kurdi.tokenize_batch(lines)


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_multiprocessing(method):
    lines = LINES[:3000]
    chunks = [lines[i:i + 500] for i in range(0, len(lines), 500)]
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(2) as pool:
        results = pool.map(work, chunks)
    normalized = [x for r in results for x in r[0]]
    lemmas = [x for r in results for x in r[1]]
    tokens = [x for r in results for x in r[2]]
    assert normalized == kurdi.normalize_batch(lines)
    assert lemmas == kurdi.lemmatize_batch(lines)
    assert tokens == kurdi.tokenize_batch(lines)


def test_threads_give_the_same_results():
    chunks = [LINES[i::4] for i in range(4)]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(work, chunks * 2))
    for chunk, result in zip(chunks * 2, results):
        assert result[0] == kurdi.normalize_batch(chunk)
        assert result[1] == kurdi.lemmatize_batch(chunk)


def fresh_texts(copies):
    """Fresh str objects (no UTF-8 cached on them yet) of real Sorani lines."""
    text = "\n".join(LINES)
    return [(line + " ") * copies for line in text.split("\n")]


def running_share(fn, texts):
    """Runs fn(texts) in a thread while this thread counts how much of the
    call's duration it could run Python code itself: the share of the call
    covered by this thread's loop iterations (each at most a few ms apart)."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    try:
        done = threading.Event()
        window = {}

        def call():
            window["start"] = time.perf_counter()
            fn(texts)
            window["end"] = time.perf_counter()
            done.set()

        worker = threading.Thread(target=call)
        steps = []
        worker.start()
        last = time.perf_counter()
        while not done.is_set():
            now = time.perf_counter()
            steps.append((last, now))
            last = now
        worker.join()
    finally:
        sys.setswitchinterval(old)
    start, end = window["start"], window["end"]
    covered = sum(min(b, end) - max(a, start) for a, b in steps if b - a < 0.005 and b > start and a < end)
    return covered / (end - start), end - start


def long_words():
    """Few, long tokens: the core's work dominates building the Token objects
    (on running text, building one Python object per token takes longer than
    the core's tokenizing; bench/python measures both)."""
    return [(("kurdistan" * 100 + " ") * 20 + str(i)) for i in range(1500)]


BATCHES = {
    "normalize_batch": lambda: fresh_texts(4),
    "transliterate_batch": lambda: fresh_texts(2),
    "tokenize_batch": long_words,
    "lemmatize_batch": lambda: fresh_texts(1),
    "sentences_batch": lambda: fresh_texts(4),
}


@pytest.mark.parametrize("name", sorted(BATCHES))
def test_batches_release_the_gil(name):
    """While a batch call runs in one thread, another thread keeps running
    Python code for a good share of it (the core's part). With the GIL held
    for the whole call that share is about 0: see the control below."""
    fn = getattr(kurdi, name)
    fn(LINES[:500])  # warm up the thread's caches
    share, duration = running_share(fn, BATCHES[name]())
    assert duration > 0.02, f"{name}: batch too small to measure ({duration:.3f}s)"
    assert share > 0.25, f"{name}: the other thread ran {share:.0%} of a {duration:.3f}s call"


def test_gil_measure_control():
    """The measure itself: one call that holds the GIL throughout (the one-text
    normalize on a joined text) leaves the other thread almost nothing."""
    share, duration = running_share(lambda texts: kurdi.normalize("".join(texts) + "ك"), fresh_texts(8))
    assert duration > 0.02
    assert share < 0.1, f"control: the other thread ran {share:.0%} of a {duration:.3f}s call"
