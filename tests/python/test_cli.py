"""The Python functions against the kurdi program on the same lines: the CLI
is the reference (one line in, one line out), and the two must agree byte
for byte (docs/python.md, "Same results as the CLI")."""

import json
import subprocess

import pytest

import kurdi
from conftest import json_lines, sample_lines

LINES = sample_lines()
MORPH_LINES = sample_lines(include_lid=False)


def cli_lines(cli, args, lines):
    out = cli(args, "\n".join(lines) + "\n")
    got = out.split("\n")
    assert got[-1] == ""
    return got[:-1]


def test_enough_lines():
    assert len(LINES) > 1000
    assert sum(len(l) for l in LINES) > 500_000


@pytest.mark.parametrize(
    "options,args",
    [
        ({}, []),
        ({"profile": "search"}, ["--profile", "search"]),
        ({"digits": "ascii"}, ["--digits", "ascii"]),
        ({"digits": "arabic-indic"}, ["--digits", "arabic-indic"]),
        ({"profile": "search", "digits": "keep"}, ["--profile", "search", "--digits", "keep"]),
        ({"keep_harakat": True}, ["--keep-harakat"]),
        ({"repair": True}, ["--repair"]),
    ],
    ids=["standard", "search", "digits-ascii", "digits-arabic", "search-keep", "harakat", "repair"],
)
def test_normalize_equals_cli(cli, options, args):
    expected = cli_lines(cli, ["normalize", *args], LINES)
    profile = options.pop("profile", "standard")
    assert [kurdi.normalize(l, profile, **options) for l in LINES] == expected
    assert kurdi.normalize_batch(LINES, profile, **options) == expected
    assert kurdi.normalize_batch([l.encode() for l in LINES], profile, **options) == [e.encode() for e in expected]


def test_normalize_bytes_equal_cli_on_malformed_utf8(cli):
    # Bytes no str can hold: truncated and overlong sequences, stray
    # continuation bytes, a lone surrogate's encoding, invalid lead bytes.
    lines = [b"\xd9 \xd9\x83", b"\xc0\xaf\xe0\x80\xaf", b"\x80\xbf\xda", b"\xed\xa0\x80x", b"\xff\xfe\xf8 \xd9\x8a"]
    proc = subprocess.run([cli.path, "normalize"], input=b"\n".join(lines) + b"\n", stdout=subprocess.PIPE, check=True)
    expected = proc.stdout.split(b"\n")[:-1]
    assert len(expected) == len(lines)
    assert kurdi.normalize_batch(lines) == expected
    assert [kurdi.normalize(l) for l in lines] == expected


@pytest.mark.parametrize("profile", ["standard", "search"])
def test_tokenize_equals_cli_json(cli, profile):
    expected = json_lines(cli(["tokenize", "--json", "--profile", profile], "\n".join(LINES) + "\n"))
    assert len(expected) == len(LINES)
    for line, obj in zip(LINES, expected):
        got = [{k: t[k] for k in ("begin", "end", "type", "text", "norm")} for t in kurdi.tokenize(line, profile)]
        assert got == obj["tokens"], line


def test_tokenize_plain_equals_cli(cli):
    expected = cli_lines(cli, ["tokenize"], LINES)
    for line, want in zip(LINES, expected):
        assert " ".join(t.norm for t in kurdi.tokenize(line) if t.norm) == want


def test_sentences_equal_cli_json(cli):
    expected = json_lines(cli(["sentences", "--json"], "\n".join(LINES) + "\n"))
    got = []
    for number, line in enumerate(LINES, 1):
        got += [{"line": number, "begin": s.begin, "end": s.end, "text": s.text} for s in kurdi.sentences(line)]
    assert got == expected


def test_lemma_equals_cli(cli):
    expected = cli_lines(cli, ["lemma"], MORPH_LINES)
    assert [" ".join(kurdi.lemmatize(l)) for l in MORPH_LINES] == expected
    assert [" ".join(items) for items in kurdi.lemmatize_batch(MORPH_LINES)] == expected


@pytest.mark.parametrize("mode", ["kurdi", "lucene"])
def test_stem_equals_cli(cli, mode):
    expected = cli_lines(cli, ["stem", "--mode", mode], MORPH_LINES)
    got = []
    for line in MORPH_LINES:
        items = [("|".join(kurdi.stem(t.norm, mode)) if t.type == "word" else t.norm) for t in kurdi.tokenize(line)]
        got.append(" ".join(items))
    assert got == expected


def test_stem_batch_equals_stem():
    words = [t.norm for l in MORPH_LINES[:300] for t in kurdi.tokenize(l) if t.type == "word"]
    assert len(words) > 1000
    assert kurdi.stem_batch(words) == [kurdi.stem(w) for w in words]
    assert kurdi.stem_batch(words, "lucene") == [kurdi.stem(w, "lucene") for w in words]
    assert kurdi.lemma_batch(words) == [kurdi.lemma(w) for w in words]


def test_analyze_equals_cli_json(cli):
    lines = MORPH_LINES[:400]
    expected = json_lines(cli(["analyze", "--json"], "\n".join(lines) + "\n"))
    assert len(expected) == len(lines)
    compared = 0
    for line, obj in zip(lines, expected):
        tokens = kurdi.tokenize(line)
        assert len(tokens) == len(obj["tokens"])
        for t, want in zip(tokens, obj["tokens"]):
            assert (t.begin, t.end, t.type, t.text, t.norm) == (
                want["begin"], want["end"], want["type"], want["text"], want["norm"])
            analyses = kurdi.analyze(t.norm) if t.type == "word" else []
            got = [
                {
                    "lemma": a.lemma, "upos": a.upos, "features": a.features, "stem": a.stem, "known": a.known,
                    "morphemes": [{"text": m.text, "tag": m.tag} for m in a.morphemes],
                }
                for a in analyses
            ]
            assert got == want["analyses"], t.norm
            compared += len(got)
    assert compared > 1000


@pytest.mark.parametrize(
    "options,args",
    [
        ({}, []),
        ({"to": "ipa"}, ["--to", "ipa"]),
        ({"scheme": "ascii"}, ["--scheme", "ascii"]),
        ({"scheme": "simplified", "capitalize": True}, ["--scheme", "simplified", "--capitalize"]),
        ({"exceptions": False}, ["--no-exceptions"]),
    ],
    ids=["hawar", "ipa", "ascii", "simplified-capitalize", "no-exceptions"],
)
def test_transliterate_equals_cli(cli, options, args):
    lines = MORPH_LINES
    expected = cli_lines(cli, ["translit", *args], lines)
    to = options.pop("to", "latn")
    assert [kurdi.transliterate(l, to, **options) for l in lines] == expected
    assert kurdi.transliterate_batch(lines, to, **options) == expected


def test_transliterate_to_arabic_equals_cli(cli):
    latin = kurdi.transliterate_batch(MORPH_LINES[:200])
    expected = cli_lines(cli, ["translit", "--to", "arab"], latin)
    assert [kurdi.transliterate(l, "arab") for l in latin] == expected


def test_version_equals_cli(cli):
    out = cli(["--version"])
    assert kurdi.__version__ in out
    assert kurdi.analyzer_version in out
