#!/usr/bin/env python3
"""Checks a deterministic sample of the lexicon against a second source.

    python3 scripts/lexicon/review_lexicon.py --kurdi build/apps/cli/kurdi --shared ../shared

For every part of speech in data/lexicon/words.tsv, SAMPLE rows are drawn
with a fixed seed (all rows when there are fewer). A row's POS comes from
one source (build_lexicon.py RULE W3: Hunspell, else UniMorph, else
KurdNet); it can be checked when another source that gives parts of speech
(Hunspell, UniMorph, KurdNet) lists the same lemma, and it agrees when that
source gives the same POS. KurdNet knows only nouns, adjectives, adverbs and
verbs, so its noun synsets count as agreeing with PROPN too (WordNet has no
proper-noun class); UniMorph's CONJ agrees with CCONJ and SCONJ. Rows
without a POS (X, KLPT only) cannot be checked for POS; for every row the
table also gives how many are listed by any second source, KLPT included.

Verbs are sampled the same way and checked for presence in a second source
and, where KurdNet or UniMorph list the infinitive, for being a verb there.

Prints a Markdown table (docs/lexicon.md keeps the last run) and, with
--examples, the disagreements.
"""

import argparse
import collections
import os
import random
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_lexicon as bl  # noqa: E402
from lexicon_common import DEFAULT_SHARED, REPO, Normalizer  # noqa: E402

SEED = 20260101
SAMPLE = 200


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f
                if line.strip() and not line.startswith("#")]


def agrees(upos, source, other):
    """Whether `source`'s POS set `other` for the lemma confirms `upos`."""
    if upos in other:
        return True
    if source == "kurdnet" and upos == "PROPN" and "NOUN" in other:
        return True  # WordNet files proper nouns under noun synsets
    if source == "unimorph" and upos in ("CCONJ", "SCONJ") and "CONJ" in other:
        return True
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kurdi", default="kurdi")
    ap.add_argument("--shared", default=DEFAULT_SHARED)
    ap.add_argument("--lexicon", default=os.path.join(REPO, "data", "lexicon"))
    ap.add_argument("--examples", action="store_true", help="print the disagreements")
    args = ap.parse_args()

    src = {name: os.path.join(args.shared, rel) for name, rel in bl.INPUTS}
    hunspell = bl.read_hunspell(src["hunspell"])
    unimorph = bl.read_unimorph(src["unimorph"])
    kurdnet = bl.read_kurdnet(src["kurdnet"])
    klpt = bl.read_klpt(src["klpt"])
    norm = Normalizer(args.kurdi)
    raw = {w for w, _, _ in hunspell} | {l for l, _ in unimorph}
    raw |= {l.replace(" ", "") for l, _ in kurdnet} | {k.replace("-", "") for k in klpt}
    norm.run(raw)

    # The POS each source gives, before any rule of the build (UniMorph's
    # CONJ stays CONJ).
    hun, uni, net = bl.nonverb_pos(hunspell, unimorph, kurdnet, norm)
    net_any = collections.defaultdict(set)  # every KurdNet lemma, verbs too
    for lemma, pos in kurdnet:
        net_any[bl.strip_ewe(norm(lemma.replace(" ", "")))].add(pos)
    uni_verbs = {bl.strip_ewe(norm(l)) for l, p in unimorph if p in bl.UNIMORPH_VERB}
    sources = {"hunspell": hun, "unimorph": uni, "kurdnet": net}

    words = read_tsv(os.path.join(args.lexicon, "words.tsv"))
    by_pos = collections.defaultdict(list)
    lemma_pos = collections.defaultdict(set)
    for lemma, upos, freq, srcs in words:
        by_pos[upos].append((lemma, srcs.split(",")))
        lemma_pos[lemma].add(upos)

    def check(upos, lemma):
        """(checkable, agrees, conflicts, evidence) for one words.tsv row.
        The row's POS came from one source (RULE W3 order); every other
        source that gives the lemma a POS is a check. It agrees when a check
        gives this POS; it conflicts when no check gives any POS the lemma
        has in words.tsv (an adj_noun lemma is not in conflict with a
        KurdNet noun synset, although its ADJ row is not confirmed)."""
        given = {s: sources[s].get(lemma, set()) for s in sources}
        origin = next((s for s in ("hunspell", "unimorph", "kurdnet")
                       if agrees(upos, s, given[s])), None)
        checks = [s for s in sources if s != origin and given[s]]
        if upos == "X" or not checks:
            return False, True, False, {}
        ok = any(agrees(upos, s, given[s]) for s in checks)
        conflict = not any(agrees(u, s, given[s]) for s in checks for u in lemma_pos[lemma])
        return True, ok, conflict, {s: sorted(given[s]) for s in checks}

    rng = random.Random(SEED)
    examples = []
    print("Random sample per part of speech (seed %d):" % SEED)
    print()
    print("| UPOS | rows | sample | POS checkable | not confirmed | rate | no POS in common "
          "| listed by a 2nd source |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    checkable_rows = {}
    for upos in bl.UPOS:
        rows = sorted(by_pos.get(upos, []))
        checkable_rows[upos] = [r for r in rows if check(upos, r[0])[0]]
        if not rows:
            continue
        sample = rng.sample(rows, min(SAMPLE, len(rows)))
        n_check = n_bad = n_conflict = second = 0
        for lemma, srcs in sample:
            second += len(srcs) > 1
            ok_check, ok, conflict, evidence = check(upos, lemma)
            n_check += ok_check
            n_conflict += conflict
            if ok_check and not ok:
                n_bad += 1
                examples.append((upos, lemma, evidence))
        print("| %s | %d | %d | %s | %s | %s | %s | %d (%.0f %%) |" % (
            upos, len(rows), len(sample),
            n_check if upos != "X" else "- (no POS)",
            n_bad if upos != "X" else "-",
            "%.1f %%" % (100.0 * n_bad / n_check) if n_check else "-",
            n_conflict if upos != "X" else "-",
            second, 100.0 * second / len(sample)))

    # Most rows come from Hunspell alone, so a random sample checks few of
    # them; a second sample draws from the rows that can be checked.
    print()
    print("Sample among the rows a second POS source lists (seed %d):" % SEED)
    print()
    print("| UPOS | checkable rows | sample | not confirmed | rate | no POS in common | rate |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for upos in bl.UPOS:
        rows = checkable_rows[upos]
        if not rows:
            continue
        sample = rng.sample(rows, min(SAMPLE, len(rows)))
        results = [check(upos, lemma) for lemma, _ in sample]
        n_bad = sum(1 for r in results if not r[1])
        n_conflict = sum(1 for r in results if r[2])
        print("| %s | %d | %d | %d | %.1f %% | %d | %.1f %% |" % (
            upos, len(rows), len(sample), n_bad, 100.0 * n_bad / len(sample),
            n_conflict, 100.0 * n_conflict / len(sample)))

    # Verbs: checkable when KurdNet or UniMorph list the infinitive. A verb
    # synset or V feature agrees, and so does a noun reading (the infinitive
    # is also the verbal noun); only an adjective or adverb reading alone
    # disagrees.
    verbs = sorted(read_tsv(os.path.join(args.lexicon, "verbs.tsv")))
    sample = rng.sample(verbs, min(SAMPLE, len(verbs)))
    second = n_check = n_bad = n_verb = 0
    for row in sample:
        inf, srcs = row[0], row[6].split(",")
        second += len([s for s in srcs if s != "supplement"]) > 1
        other = net_any.get(inf, set()) | uni.get(inf, set())
        if inf in uni_verbs:
            other = other | {"VERB"}
        if other:
            n_check += 1
            n_verb += "VERB" in other
            if not other & {"VERB", "NOUN"}:
                n_bad += 1
                examples.append(("VERB", inf, {"kurdnet/unimorph": sorted(other)}))
    print()
    print("verbs.tsv: %d rows, sample %d: %d (%.0f %%) listed by a 2nd source; "
          "%d listed by KurdNet or UniMorph, %d of them as a verb, the rest as "
          "a (verbal) noun; %d disagree." % (
              len(verbs), len(sample), second, 100.0 * second / len(sample),
              n_check, n_verb, n_bad))

    if args.examples:
        print()
        for upos, lemma, evidence in examples:
            print("%s\t%s\t%s" % (upos, lemma, "; ".join(
                "%s: %s" % (s, ",".join(p)) for s, p in evidence.items())))


if __name__ == "__main__":
    main()
