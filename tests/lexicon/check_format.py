#!/usr/bin/env python3
"""lexicon.format: the committed lexicon and stopword files are well formed.

    python3 tests/lexicon/check_format.py REPO

Needs nothing but the repository, so it runs where ../shared is absent. The
byte-for-byte rebuild is tests/lexicon/reproducible_test.sh. What is checked
is what the lexicon compiler (src/morph/lexicon_compiler.cpp) and
docs/lexicon.md rely on: UTF-8, LF line ends, a '#' header, the column
counts, byte-sorted unique rows, known tags and sources, Sorani letters
only, stems that start with their verb's preverb, and the MANIFEST's row
counts.
"""

import os
import sys

REPO = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(REPO, "scripts", "lexicon"))
from lexicon_common import is_sorani_word  # noqa: E402

UPOS = {"NOUN", "PROPN", "ADJ", "ADV", "PRON", "NUM", "ADP", "CCONJ", "SCONJ",
        "PART", "INTJ", "DET", "X"}
WORD_SOURCES = {"hunspell", "klpt", "unimorph", "kurdnet", "supplement"}
VERB_SOURCES = WORD_SOURCES
FAILS = []


def fail(path, line, message):
    FAILS.append("%s:%d: %s" % (os.path.relpath(path, REPO), line, message))


def rows(path):
    """(line number, fields) of the data rows; checks the text itself."""
    with open(path, "rb") as f:
        data = f.read()
    if b"\r" in data:
        fail(path, 0, "CR in file")
    if not data.endswith(b"\n"):
        fail(path, 0, "no final newline")
    text = data.decode("utf-8")
    lines = text.split("\n")[:-1]
    if not lines or not lines[0].startswith("#"):
        fail(path, 1, "no '#' header")
    out = []
    for n, line in enumerate(lines, 1):
        if line.startswith("#") or not line.strip():
            continue
        out.append((n, line.split("\t")))
    return out


def check_sorted(path, keys):
    for (n, key), (_, prev) in zip(keys[1:], keys[:-1]):
        if key <= prev:
            fail(path, n, "not in byte order or duplicate: %r after %r" % (key, prev))


def stems(field):
    return [] if field == "-" else field.split(",")


def main():
    counts = {}
    path = os.path.join(REPO, "data", "lexicon", "words.tsv")
    keys = []
    data = rows(path)
    for n, f in data:
        if len(f) != 4:
            fail(path, n, "want 4 columns, got %d" % len(f))
            continue
        lemma, upos, freq, sources = f
        if not is_sorani_word(lemma):
            fail(path, n, "lemma %r is not Sorani letters" % lemma)
        if upos not in UPOS:
            fail(path, n, "unknown upos %r" % upos)
        if not freq.isdigit():
            fail(path, n, "freq %r" % freq)
        if not sources or not set(sources.split(",")) <= WORD_SOURCES:
            fail(path, n, "sources %r" % sources)
        keys.append((n, (lemma.encode("utf-8"), upos)))
    # RULE W12 (build_lexicon.py): within a lemma, by upos, except that NOUN
    # goes just before ADJ
    pos_of = {}
    for _, (lemma, upos) in keys:
        pos_of.setdefault(lemma, set()).add(upos)
    check_sorted(path, [(n, (lemma, ("ADJ", 0) if upos == "NOUN" and "ADJ" in pos_of[lemma] else (upos, 1)))
                        for n, (lemma, upos) in keys])
    counts["data/lexicon/words.tsv"] = len(data)
    keys_words = keys

    def guess_stem_row(path, n, stem, marked):
        if not is_sorani_word(stem) or len(stem) < 2:
            fail(path, n, "stem %r is not two or more Sorani letters" % stem)
        # 8 marker forms per stem, 16 after و and ی (build_lexicon.py, RULE G1)
        if not marked.isdigit() or not 1 <= int(marked) <= 16:
            fail(path, n, "marked %r is not 1..16" % marked)

    lemmas = {k[0] for _, k in keys_words}

    def headword_row(path, n, headword, freq):
        # RULE W11: three letters or more, no bare alef first, no word of words.tsv
        if not is_sorani_word(headword) or len(headword) < 3 or headword.startswith("\u0627"):
            fail(path, n, "headword %r is not three or more Sorani letters after ئ" % headword)
        if headword.encode("utf-8") in lemmas:
            fail(path, n, "headword %r is a lemma of words.tsv" % headword)
        if not freq.isdigit():
            fail(path, n, "freq %r" % freq)

    for name, check in (("guess_stems.tsv", guess_stem_row), ("headwords.tsv", headword_row)):
        path = os.path.join(REPO, "data", "lexicon", name)
        keys = []
        data = rows(path)
        for n, f in data:
            if len(f) != 2:
                fail(path, n, "want 2 columns, got %d" % len(f))
                continue
            check(path, n, *f)
            keys.append((n, f[0].encode("utf-8")))
        check_sorted(path, keys)
        counts["data/lexicon/" + name] = len(data)

    path = os.path.join(REPO, "data", "lexicon", "verbs.tsv")
    keys = []
    data = rows(path)
    for n, f in data:
        if len(f) != 9:
            fail(path, n, "want 9 columns, got %d" % len(f))
            continue
        inf, preverb, past, present, trans, freq, sources, ppast, ppresent = f
        pre = "" if preverb == "-" else preverb
        if not is_sorani_word(inf) or not inf.endswith("ن"):
            fail(path, n, "infinitive %r" % inf)
        if not inf.startswith(pre):
            fail(path, n, "infinitive does not start with its preverb %r" % pre)
        for s in stems(past) + stems(present) + stems(ppast) + stems(ppresent):
            if not is_sorani_word(s) or not s.startswith(pre) or len(s) == len(pre):
                fail(path, n, "stem %r (preverb %r)" % (s, pre))
        if past != "-" and stems(past)[0] != inf[:-1]:
            fail(path, n, "first past stem is not the infinitive minus ن")
        if len(stems(ppast)) != len(stems(ppresent)):
            fail(path, n, "passive past and present stems do not pair up")
        if trans not in ("tr", "intr", "-"):
            fail(path, n, "transitivity %r" % trans)
        if not freq.isdigit():
            fail(path, n, "freq %r" % freq)
        if not sources or not set(sources.split(",")) <= VERB_SOURCES:
            fail(path, n, "sources %r" % sources)
        keys.append((n, inf.encode("utf-8")))
    check_sorted(path, keys)
    counts["data/lexicon/verbs.tsv"] = len(data)

    for name in ("search.txt", "analytics.txt"):
        path = os.path.join(REPO, "data", "stopwords", name)
        data = rows(path)
        for n, f in data:
            if len(f) != 1 or not is_sorani_word(f[0]):
                fail(path, n, "entry %r" % "\t".join(f))
        check_sorted(path, [(n, f[0].encode("utf-8")) for n, f in data])
        counts["data/stopwords/" + name] = len(data)

    # The MANIFESTs' row counts match the files.
    for folder in ("lexicon", "stopwords"):
        path = os.path.join(REPO, "data", folder, "MANIFEST")
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        section = None
        for n, line in enumerate(lines, 1):
            if line.startswith("["):
                section = line.split("]")[0][1:]
            elif section == "outputs" and line.strip():
                name, count = line.split()
                want = counts.get("data/%s/%s" % (folder, name))
                if want != int(count):
                    fail(path, n, "%s: MANIFEST says %s rows, the file has %s" % (name, count, want))

    for message in FAILS[:50]:
        print("FAIL: " + message, file=sys.stderr)
    if FAILS:
        print("%d problem(s)" % len(FAILS), file=sys.stderr)
        return 1
    for name, n in sorted(counts.items()):
        print("ok: %s, %d rows" % (name, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
