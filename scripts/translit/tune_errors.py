#!/usr/bin/env python3
"""Lists the words of the two licensed tuning sets that kurdi's rules read
differently from every spelling a source gives (rules alone, no exception
lexicon). For tuning the syllable and boundary rules only.

    python3 scripts/translit/tune_errors.py --kurdi build/apps/cli/kurdi --shared ../shared

Reads exactly the sources of build_exceptions.py (the Wergor word pairs and
UniMorph train), with the same mapping (L1-L4, V1). Never an evaluation set.
Prints "arabic<TAB>rules<TAB>source spellings" per wrong word and a count.
"""
import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_exceptions as be  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kurdi", required=True)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(be.REPO), "shared"))
    args = ap.parse_args()
    kurdi = be.Kurdi(args.kurdi)
    stats = collections.Counter()
    rows = be.load_sources(os.path.join(args.shared), stats)
    normalized = kurdi.run(be.NORMALIZE, [a for _, a, _ in rows])
    cands = []
    for (src, _, latin), arabic in zip(rows, normalized):
        if len(arabic) < 2 or any(c not in be.LETTERS for c in arabic):
            continue
        hawar, why = be.map_latin(latin, arabic)
        if hawar is None:
            continue
        cands.append((src, arabic, hawar))
    back = kurdi.run(be.NORMALIZE, kurdi.run(be.TO_ARAB, [h for _, _, h in cands]))
    readings = collections.defaultdict(collections.Counter)
    for (src, arabic, hawar), b in zip(cands, back):
        if b == arabic:
            readings[arabic][hawar + "/" + src[0]] += 1
    words = sorted(readings)
    rules = dict(zip(words, kurdi.run(be.RULES, words)))
    wrong = 0
    for w in words:
        spellings = {k.rsplit("/", 1)[0] for k in readings[w]}
        if rules[w] not in spellings:
            wrong += 1
            print("%s\t%s\t%s" % (w, rules[w], " ".join(sorted(readings[w]))))
    print("wrong %d of %d words" % (wrong, len(words)), file=sys.stderr)


if __name__ == "__main__":
    main()
