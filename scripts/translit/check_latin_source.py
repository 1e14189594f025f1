#!/usr/bin/env python3
"""How well kurdi's Arabic -> Latin rules already read a Latin-script Sorani text.

Before a new Latin source is added to the transliteration training data
(scripts/translit/learn_bizroke.py), this tells what it could teach. Each
lower-cased word type of the text is written in Arabic script by
`kurdi translit --to arab` (exact in that direction: Latin -> Arabic is
deterministic) and read back by `kurdi translit --to latn`. The comparison
maps ' ’ ʼ ƹ ë to one symbol, as eval/ does, and can count a word-initial ř
as r (normalization writes every word-initial ر as ڕ, rule R1).

  scripts/translit/check_latin_source.py --kurdi build/apps/cli/kurdi --shared ../shared FILE [--misses]

Prints the types read right, all of them and those in neither licensed
source (the Wergor pairs, UniMorph train), the only ones a new source adds.
"""
import argparse
import os
import re
import subprocess
import sys

APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "ƹ": "'", "ë": "'"})


def same(gold, ours, initial_r):
    gold, ours = gold.translate(APOSTROPHES), ours.lower().translate(APOSTROPHES)
    if initial_r and gold.startswith("r") and ours.startswith("ř"):
        ours = "r" + ours[1:]
    return gold == ours


def licensed_latin_words(shared):
    words = set()
    with open(os.path.join(shared, "data/wergor-transliteration/word_pairs_latin_arabic.tsv"), encoding="utf-8") as f:
        for line in f:
            words.add(line.split("\t")[0].strip().lower())
    with open(os.path.join(shared, "data/unimorph-ckb/ckb-latn.train"), encoding="utf-8") as f:
        for line in f:
            words.update(w.lower() for w in line.rstrip("\n").split("\t")[:2])
    return words


def kurdi(binary, args, lines):
    out = subprocess.run([binary, *args], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    return out.stdout.split("\n")[: len(lines)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kurdi", required=True, help="the kurdi binary")
    ap.add_argument("--shared", required=True, help="the shared folder (../shared)")
    ap.add_argument("--misses", action="store_true", help="print the new types read wrong")
    ap.add_argument("text", help="Latin-script Sorani text, UTF-8")
    a = ap.parse_args()
    with open(a.text, encoding="utf-8") as f:
        words = sorted({w.lower() for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", f.read())})
    if not words:
        sys.exit(f"{a.text}: no words")
    back = kurdi(a.kurdi, ["translit", "--to", "latn"], kurdi(a.kurdi, ["translit", "--to", "arab"], words))
    known = licensed_latin_words(a.shared)
    new = [(w, b) for w, b in zip(words, back) if w not in known]
    for label, pairs in (("all types", list(zip(words, back))), ("types in neither source", new)):
        right = sum(same(w, b, False) for w, b in pairs)
        right_r = sum(same(w, b, True) for w, b in pairs)
        print(f"{label}: {len(pairs)}; read right {right} ({right / max(len(pairs), 1):.3f}), "
              f"with a word-initial ř counted as r {right_r} ({right_r / max(len(pairs), 1):.3f})")
    if a.misses:
        for w, b in new:
            if not same(w, b, True):
                print(f"{w}\t{b}")


if __name__ == "__main__":
    main()
