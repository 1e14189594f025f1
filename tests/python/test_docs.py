"""The examples of docs/python.md and README.md's Python section are run as
doctests, so the documentation shows what kurdi really prints."""

import doctest
import re

import pytest

from conftest import ROOT

DOCS = [ROOT / "docs" / "python.md", ROOT / "README.md"]


def pycon_blocks(path):
    text = path.read_text(encoding="utf-8")
    return re.findall(r"```pycon\n(.*?)```", text, re.S)


def test_docs_have_examples():
    assert len(pycon_blocks(DOCS[0])) >= 6
    assert pycon_blocks(DOCS[1])


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_examples(path):
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    globs = {}
    for i, block in enumerate(pycon_blocks(path)):
        test = parser.get_doctest(block, globs, f"{path.name}[{i}]", str(path), 0)
        runner.run(test, clear_globs=False)
        globs.update(test.globs)  # later blocks continue the session
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {path.name} failed (see above)"
