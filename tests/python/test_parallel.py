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


def time_left_when_other_thread_runs(fn, texts):
    """Starts fn(texts) in a thread, sleeps 5 ms, and returns how long before
    the call's end this thread got the GIL back, and the call's duration.

    With the GIL released while the core works, this thread wakes up at the
    latest when the core part starts, so the core part and everything after
    it is left. With the GIL held for the whole call it cannot wake up before
    the call returns: nothing is left (see the control test)."""
    window = {}

    def call():
        window["start"] = time.perf_counter()
        fn(texts)
        window["end"] = time.perf_counter()

    worker = threading.Thread(target=call)
    worker.start()
    time.sleep(0.005)
    woke = time.perf_counter()
    worker.join()
    return window["end"] - woke, window["end"] - window["start"]


def long_words(scale):
    """Few, long tokens: the core's work dominates building the Token objects
    (on running text, building one Python object per token takes longer than
    the core's tokenizing; bench/python measures both)."""
    return [(("kurdistan" * 100 + " ") * 20 + str(i)) for i in range(1500 * scale)]


# Inputs by scale: each call must last long enough to measure on a fast, quiet
# machine too, so sized_input() grows the scale until a call takes 0.1 s.
BATCHES = {
    "normalize_batch": lambda k: fresh_texts(8 * k),
    "transliterate_batch": lambda k: fresh_texts(2 * k),
    "tokenize_batch": long_words,
    "lemmatize_batch": lambda k: fresh_texts(k),
    "sentences_batch": lambda k: fresh_texts(4 * k),
}


def sized_input(fn, make, seconds=0.1):
    """make(k) for the smallest k (1, 2, 4, ... 256) for which fn takes at
    least `seconds`, made afresh for the measurement."""
    scale = 1
    while scale < 256:
        start = time.perf_counter()
        fn(make(scale))
        if time.perf_counter() - start >= seconds:
            break
        scale *= 2
    return make(scale)


@pytest.mark.parametrize("name", sorted(BATCHES))
def test_batches_release_the_gil(name):
    """While a batch call runs in one thread, another thread gets to run
    Python code well before the call returns (during the core's part)."""
    fn = getattr(kurdi, name)
    left, duration = time_left_when_other_thread_runs(fn, sized_input(fn, BATCHES[name]))
    assert duration > 0.02, f"{name}: batch too small to measure ({duration:.3f}s)"
    assert left > 0.5 * duration, f"{name}: this thread ran again {left:.3f}s before the end of a {duration:.3f}s call"


def test_gil_measure_control():
    """The measure itself: one call that holds the GIL throughout (the one-text
    normalize on a joined text) leaves the other thread almost nothing."""
    def one_call(texts):
        return kurdi.normalize("".join(texts) + "ك")

    left, duration = time_left_when_other_thread_runs(one_call, sized_input(one_call, lambda k: fresh_texts(8 * k)))
    assert duration > 0.02
    assert left < 0.1 * duration, f"control: this thread ran again {left:.3f}s before the end of a {duration:.3f}s call"
