"""The runnable examples of python/examples/ (docs/python.md): they run, and
their parallel results equal a plain sequential computation."""

import collections
import json
import os
import subprocess
import sys

import pytest

import kurdi
from conftest import ROOT

EXAMPLES = ROOT / "python" / "examples"
FILES = sorted((ROOT / "samples" / "seeds").glob("*.txt")) + sorted((ROOT / "samples" / "flores200").glob("*.txt"))


def expected():
    lines = []
    for f in FILES:
        lines += f.read_text(encoding="utf-8").splitlines()
    counts = collections.Counter()
    tokens = 0
    for line in lines:
        normalized = kurdi.normalize(line)
        items = kurdi.lemmatize(normalized)
        line_tokens = kurdi.tokenize(normalized)
        tokens += len(line_tokens)
        counts.update(lemma for lemma, t in zip(items, line_tokens) if t.type == "word")
    top = [[lemma, n] for lemma, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]]
    return len(lines), tokens, top


def example_env():
    """The environment of a child interpreter that imports this kurdi."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (os.path.dirname(os.path.dirname(kurdi.__file__)),
                                                    env.get("PYTHONPATH", "")) if p)
    return env


def run_example(name, *args):
    proc = subprocess.run([sys.executable, str(EXAMPLES / name), "--json", *args, *map(str, FILES)],
                          capture_output=True, text=True, env=example_env(), timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("mode", [[], ["--processes"]], ids=["threads", "processes"])
def test_concurrent_futures_example(mode):
    lines, tokens, top = expected()
    result = run_example("parallel_futures.py", "--workers", "2", *mode)
    assert (result["lines"], result["tokens"], result["top_lemmas"]) == (lines, tokens, top)
    assert tokens > 20000 and top[0][1] > 100


def test_dask_example():
    pytest.importorskip("dask.distributed")
    lines, tokens, top = expected()
    result = run_example("dask_local.py", "--workers", "2")
    assert (result["lines"], result["tokens"], result["top_lemmas"]) == (lines, tokens, top)
    assert result["worker_analyzer_versions"] == [kurdi.analyzer_version]


def test_example_help():
    for name in ("parallel_futures.py", "dask_local.py"):
        out = subprocess.run([sys.executable, str(EXAMPLES / name), "--help"], capture_output=True, text=True,
                             env=example_env(), check=True).stdout
        assert "usage:" in out and "--workers" in out
