"""kurdi's Python results against the golden files of the seed articles
(tests/golden/seeds, the same files the C++ golden suite checks)."""

import pathlib

import pytest

import kurdi
from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "seeds"
ARTICLES = sorted((ROOT / "samples" / "seeds").glob("*.txt"))


def golden(name, kind_suffix):
    text = (GOLDEN / (name + kind_suffix)).read_text(encoding="utf-8")
    header, _, body = text.partition("\n")
    assert header.startswith("#kurdi-golden ")
    return body


def escape(field):
    return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def test_articles_present():
    assert len(ARTICLES) == 3


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_normalize_standard(article):
    text = article.read_text(encoding="utf-8")
    assert kurdi.normalize(text) == golden(article.stem, ".standard.txt")


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_normalize_search(article):
    text = article.read_text(encoding="utf-8")
    assert kurdi.normalize(text, "search") == golden(article.stem, ".search.txt")


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_tokens(article):
    text = article.read_text(encoding="utf-8")
    rendered = "".join(
        f"{t.begin}\t{t.end}\t{t.type}\t{escape(t.text)}\t{escape(t.norm)}\n" for t in kurdi.tokenize(text))
    assert rendered == golden(article.stem, ".tokens.tsv")


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_sentences(article):
    text = article.read_text(encoding="utf-8")
    rendered = "".join(f"{s.begin}\t{s.end}\t{escape(s.text)}\n" for s in kurdi.sentences(text))
    assert rendered == golden(article.stem, ".sentences.tsv")


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_offsets_are_byte_and_char_offsets(article):
    text = article.read_text(encoding="utf-8")
    data = text.encode("utf-8")
    tokens = kurdi.tokenize(text)
    assert tokens
    for t in tokens:
        assert data[t.begin:t.end].decode("utf-8") == t.text
        assert text[t.char_begin:t.char_end] == t.text
    for s in kurdi.sentences(text):
        assert data[s.begin:s.end].decode("utf-8") == s.text
        assert text[s.char_begin:s.char_end] == s.text


def test_batch_matches_golden():
    texts = [a.read_text(encoding="utf-8") for a in ARTICLES]
    assert kurdi.normalize_batch(texts) == [golden(a.stem, ".standard.txt") for a in ARTICLES]
    assert kurdi.normalize_batch(texts, "search") == [golden(a.stem, ".search.txt") for a in ARTICLES]
    assert kurdi.tokenize_batch(texts) == [kurdi.tokenize(t) for t in texts]
    assert kurdi.sentences_batch(texts) == [kurdi.sentences(t) for t in texts]


def test_bytes_batch_matches_golden():
    texts = [a.read_bytes() for a in ARTICLES]
    for suffix, profile in ((".standard.txt", "standard"), (".search.txt", "search")):
        expected = [golden(a.stem, suffix).encode("utf-8") for a in ARTICLES]
        assert kurdi.normalize_batch(texts, profile) == expected
        assert [kurdi.normalize(t, profile) for t in texts] == expected
