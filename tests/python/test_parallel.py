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


def other_thread_ran_during(fn, arg, seconds):
    """Whether another Python thread ran while this one was inside fn(arg),
    calling it again until one did or `seconds` have passed.

    Observed, not timed: with the switch interval set far beyond the test,
    CPython never takes the GIL from a thread that runs Python code; another
    thread gets it only where the holder gives it up itself (a blocking wait,
    or C code that releases it). The other thread waits for the GIL with
    `inside` true from before the first call until after the last one, so
    it runs and sees `inside` true only if a call released the GIL. Held
    throughout, it runs at the join and sees false, however long the calls
    take. Calling again until it ran lets a loaded machine schedule it late
    (a release it missed shows at a next call); `seconds` only bounds a
    failing test."""
    inside = False
    seen = []
    go = threading.Event()

    def observe():
        go.wait()
        seen.append(inside)

    previous = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        observer = threading.Thread(target=observe)
        observer.start()
        inside = True
        go.set()
        deadline = time.monotonic() + seconds
        while not seen and time.monotonic() < deadline:
            fn(arg)
        inside = False
        observer.join()
    finally:
        sys.setswitchinterval(previous)
    return seen[0]


def long_words(scale):
    """Few, long tokens: the core's work dominates building the Token objects
    (on running text, building one Python object per token takes longer than
    the core's tokenizing; bench/python measures both)."""
    return [(("kurdistan" * 100 + " ") * 20 + str(i)) for i in range(1500 * scale)]


# Inputs that keep the core busy for a while (tens of milliseconds or more);
# any size would do, a small one only makes the calls repeat more often.
BATCHES = {
    "normalize_batch": lambda: fresh_texts(8),
    "transliterate_batch": lambda: fresh_texts(2),
    "tokenize_batch": lambda: long_words(1),
    "lemmatize_batch": lambda: fresh_texts(1),
    "sentences_batch": lambda: fresh_texts(4),
}


@pytest.mark.parametrize("name", sorted(BATCHES))
def test_batches_release_the_gil(name):
    """While a batch call runs in one thread, another thread runs Python code
    (during the core's part, which runs without the GIL)."""
    assert other_thread_ran_during(getattr(kurdi, name), BATCHES[name](), seconds=60), \
        f"{name}: no other thread ran during the call"


def test_gil_measure_control():
    """The measure itself tells a call that holds the GIL throughout (the
    one-text normalize on a joined text) from one that releases it (a sleep)."""
    joined = "".join(fresh_texts(8)) + "ك"
    assert not other_thread_ran_during(kurdi.normalize, joined, seconds=0.5), \
        "control: another thread ran during a call that holds the GIL"
    assert other_thread_ran_during(time.sleep, 0.001, seconds=60), \
        "control: no other thread ran during a sleep"
