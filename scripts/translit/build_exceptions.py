#!/usr/bin/env python3
"""Builds kurdi's transliteration exception lexicon (data/translit/).

    python3 scripts/translit/build_exceptions.py --kurdi build/apps/cli/kurdi --shared ../shared

An entry maps one standard-normalized Sorani Arabic-script word to its Hawar
Latin spelling, and exists only where a licensed source spells the word
differently from kurdi's rule-based reading (the syllable DP of
src/translit/syllables.cpp): the file holds real exceptions and stays small.

Sources (paths under <shared>; each folder's SOURCE.txt has its licence).
Nothing else is read:
  wergor    data/wergor-transliteration/word_pairs_latin_arabic.tsv
            "latin<TAB>arabic" word pairs (MIT, Sina Ahmadi)
  unimorph  data/unimorph-ckb/ckb-arab.train + ckb-latn.train, line-aligned
            "lemma<TAB>form<TAB>features"; lemmas and forms (CC BY-SA 3.0)
Never sources: asosoft-g2p/Wergor-words.tsv, UniMorph dev or silver dev, or
any other set docs/quality.md reports on.

The rules (docs/transliteration.md, "The exception lexicon"); --stats prints
how often each fired:
  S1  UniMorph rows whose feature columns differ between the two scripts are
      skipped (misaligned lines); so are rows with an empty lemma or form.
  A1  The Arabic side is normalized with kurdi's standard profile (one
      batched `kurdi normalize --strict`). A word must then be two or more
      letters of the transliteration table (LETTERS below): no ZWNJ, digit
      or space, since the library looks up whole runs of letters.
  L1  The Latin side is lower-cased (NFC first, so a combining mark joins
      its letter); the alternative letters ğ and ħ become Hawar's ẍ and ḧ.
  L2  Glottal marks ' ’ ʼ ƹ ë are matched, in order, to the glottal letters
      of the Arabic word that Hawar writes (ئ and ء inside the word, ع
      anywhere): ع gives ’ and ئ/ء give '. A count mismatch drops the pair.
  L3  r and ř are matched, in order, to ر and ڕ of the normalized Arabic
      (normalization writes every word-initial ر as ڕ, the Wergor pairs write
      r there). A count mismatch drops the pair.
  L4  A plain i next to a vowel letter (a e ê i î o u û) or at the end of
      the word drops the pair: kurdi's unwritten i stands between
      consonants, so such a Latin side is another language's spelling
      (claude, heidelberg) or a stray letter.
  V1  The mapped Latin must give the normalized Arabic back through
      `kurdi translit --to arab` + `kurdi normalize`: the pair then agrees
      letter for letter and differs from kurdi's reading only in i, u/w/û
      and î/y. Other pairs (a different spelling, a missing ئ, an
      abbreviation) are dropped.
  C1  Readings of one Arabic word are pooled over both sources. If kurdi's
      rule-based reading (`kurdi translit --no-exceptions`) is one of them,
      there is no entry: a licensed source agrees with the rules.
  C2  Otherwise the reading given by the most rows wins; on a tie the
      UniMorph reading wins over the Wergor one (its Latin side was aligned
      by hand with the morphological gold); a tie inside one source drops
      the word (the rules decide it).

Outputs in --out (default data/translit): exceptions.tsv (sorted in byte
order, LF line ends) and MANIFEST (input paths and SHA-256, this script's
SHA-256, the kurdi version, fingerprints of what the normalizer and the rules
did to the source words). A rerun with the same inputs, script and kurdi is
byte-identical; tests/translit/exceptions_reproducible.sh checks it.

Python 3 standard library only.
"""

import argparse
import collections
import hashlib
import os
import subprocess
import sys
import unicodedata

VERSION = "1"
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = "scripts/translit/build_exceptions.py"

WERGOR = "data/wergor-transliteration/word_pairs_latin_arabic.tsv"
UNIMORPH_ARAB = "data/unimorph-ckb/ckb-arab.train"
UNIMORPH_LATN = "data/unimorph-ckb/ckb-latn.train"

# The Arabic-script letters of src/translit/letters.cpp after normalization
# (Arabic kaf and yeh are mapped to ک and ی by then).
LETTERS = frozenset("ءئابپتثجچحخدذرڕزژسشصضطظعغفڤقکگلڵمنهھەوۆیێ")
GLOTTAL_MARKS = frozenset("'’ʼƹë")
VOWELS = frozenset("aeêiîouû")


def sha256_bytes(data):
    return hashlib.sha256(data).hexdigest()


def sha256_file(path):
    with open(path, "rb") as f:
        return sha256_bytes(f.read())


def read_lines(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [line.rstrip("\r\n") for line in f]


class Kurdi:
    """Batched calls to the built kurdi program: one process per stage, one
    string per line, results cached."""

    def __init__(self, exe):
        self.exe = exe
        self.cache = {}

    def run(self, args, strings):
        key = tuple(args)
        cache = self.cache.setdefault(key, {})
        todo = sorted({s for s in strings if s not in cache})
        for s in todo:
            if "\n" in s or "\r" in s:
                raise ValueError("string with a line break: %r" % s)
        if todo:
            data = ("\n".join(todo) + "\n").encode("utf-8")
            proc = subprocess.run([self.exe] + list(args), input=data,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if proc.returncode != 0:
                sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
                raise RuntimeError("kurdi %s failed (exit %d)" % (" ".join(args), proc.returncode))
            out = proc.stdout.decode("utf-8").split("\n")
            if out[-1] != "" or len(out) - 1 != len(todo):
                raise RuntimeError("kurdi %s returned %d lines for %d inputs"
                                   % (" ".join(args), len(out) - 1, len(todo)))
            cache.update(zip(todo, out[:-1]))
        return [cache[s] for s in strings]

    def fingerprint(self, args):
        """SHA-256 of the sorted "input<TAB>output" lines of one stage."""
        lines = sorted(("%s\t%s\n" % kv).encode("utf-8")
                       for kv in self.cache.get(tuple(args), {}).items())
        return sha256_bytes(b"".join(lines))

    def version(self):
        out = subprocess.run([self.exe, "--version"], check=True,
                             stdout=subprocess.PIPE).stdout.decode("utf-8")
        return out.splitlines()[0].strip()


NORMALIZE = ["normalize", "--strict"]
TO_ARAB = ["translit", "--to", "arab"]
RULES = ["translit", "--to", "latn", "--no-exceptions"]


def load_sources(shared, stats):
    """(source, arabic, latin) rows, in file order."""
    rows = []
    for line in read_lines(os.path.join(shared, WERGOR)):
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].strip() or not cols[1].strip():
            stats["wergor: empty or short row"] += 1
            continue
        rows.append(("wergor", cols[1].strip(), cols[0].strip()))
    arab = read_lines(os.path.join(shared, UNIMORPH_ARAB))
    latn = read_lines(os.path.join(shared, UNIMORPH_LATN))
    if len(arab) != len(latn):
        raise RuntimeError("UniMorph train: %d Arabic lines, %d Latin lines" % (len(arab), len(latn)))
    for a, l in zip(arab, latn):
        ca, cl = a.split("\t"), l.split("\t")
        if len(ca) < 3 or len(cl) < 3 or ca[2] != cl[2]:
            stats["S1 unimorph: misaligned or short row"] += 1
            continue
        for i in (0, 1):
            if not ca[i].strip() or not cl[i].strip():
                stats["S1 unimorph: empty lemma or form"] += 1
                continue
            rows.append(("unimorph", ca[i].strip(), cl[i].strip()))
    return rows


def map_latin(latin, arabic):
    """L1-L3: the Latin spelling in kurdi's Hawar convention, or None."""
    s = unicodedata.normalize("NFC", latin).lower().replace("ğ", "ẍ").replace("ħ", "ḧ")
    glottals = [c for i, c in enumerate(arabic) if c == "ع" or (c in "ئء" and i > 0)]
    marks = [c for c in s if c in GLOTTAL_MARKS]
    if len(marks) != len(glottals):
        return None, "L2 glottal marks do not match the Arabic"
    rs = [c for c in arabic if c in "رڕ"]
    if sum(1 for c in s if c in "rř") != len(rs):
        return None, "L3 r/ř do not match the Arabic"
    out, g, r = [], iter(glottals), iter(rs)
    for c in s:
        if c in GLOTTAL_MARKS:
            out.append("’" if next(g) == "ع" else "'")
        elif c in "rř":
            out.append("ř" if next(r) == "ڕ" else "r")
        else:
            out.append(c)
    out = "".join(out)
    for i, c in enumerate(out):
        if c == "i" and (i + 1 == len(out) or out[i + 1] in VOWELS or (i > 0 and out[i - 1] in VOWELS)):
            return None, "L4 an i next to a vowel or at the end"
    return out, None


def build(kurdi, shared, stats):
    rows = load_sources(shared, stats)
    normalized = kurdi.run(NORMALIZE, [a for _, a, _ in rows])
    cands = []  # (source, normalized arabic, hawar)
    for (src, _, latin), arabic in zip(rows, normalized):
        if len(arabic) < 2 or any(c not in LETTERS for c in arabic):
            stats["A1 not a word of two or more table letters"] += 1
            continue
        hawar, why = map_latin(latin, arabic)
        if hawar is None:
            stats[why] += 1
            continue
        cands.append((src, arabic, hawar))
    back = kurdi.run(NORMALIZE, kurdi.run(TO_ARAB, [h for _, _, h in cands]))
    readings = collections.defaultdict(collections.Counter)  # arabic -> (hawar, src) -> rows
    for (src, arabic, hawar), b in zip(cands, back):
        if b != arabic:
            stats["V1 Latin does not spell the Arabic"] += 1
            continue
        readings[arabic][(hawar, src)] += 1
    words = sorted(readings, key=lambda w: w.encode("utf-8"))
    rules = dict(zip(words, kurdi.run(RULES, words)))
    entries = []
    for w in words:
        pooled = collections.Counter()
        for (hawar, _), n in readings[w].items():
            pooled[hawar] += n
        if rules[w] in pooled:
            stats["C1 the rules agree with a source"] += 1
            continue
        top = max(pooled.values())
        best = sorted(h for h, n in pooled.items() if n == top)
        if len(best) > 1:
            from_unimorph = [h for h in best if readings[w][(h, "unimorph")] > 0]
            if len(from_unimorph) == 1:
                best = from_unimorph
                stats["C2 tie settled for UniMorph"] += 1
            else:
                stats["C2 tie inside one source: dropped"] += 1
                continue
        entries.append((w, best[0]))
        stats["entries"] += 1
    return entries


HEADER = """\
# kurdi transliteration exceptions: standard-normalized Sorani word<TAB>Hawar.
# Generated by scripts/translit/build_exceptions.py; do not edit (MANIFEST
# names the inputs). Only words where a licensed source differs from kurdi's
# rule-based reading. docs/transliteration.md, "The exception lexicon".
# Licence: CC BY-SA 4.0 (adapted from UniMorph ckb, CC BY-SA 3.0, and the
# Wergor word pairs, MIT, Copyright (c) 2017 Sina Ahmadi); see LICENSE.md.
"""


def write_text(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kurdi", required=True, help="the built kurdi program")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared"),
                    help="folder holding data/ (default ../shared beside the repository)")
    ap.add_argument("--out", default=os.path.join(REPO, "data", "translit"))
    ap.add_argument("--stats", action="store_true", help="print how often each rule fired")
    args = ap.parse_args()

    kurdi = Kurdi(args.kurdi)
    stats = collections.Counter()
    entries = build(kurdi, args.shared, stats)
    os.makedirs(args.out, exist_ok=True)
    body = "".join("%s\t%s\n" % e for e in entries)
    write_text(os.path.join(args.out, "exceptions.tsv"), HEADER + body)

    manifest = [
        "# data/translit/exceptions.tsv: how it was built. Written by",
        "# %s; do not edit. A rerun with the same inputs, script" % SCRIPT,
        "# and kurdi reproduces both files byte for byte (ctest translit.exceptions_reproducible).",
        "",
        "[inputs]  # sha256  path (relative to ../shared)",
    ]
    for rel in (WERGOR, UNIMORPH_ARAB, UNIMORPH_LATN):
        manifest.append("%s  %s" % (sha256_file(os.path.join(args.shared, rel)), rel))
    manifest += [
        "",
        "[script]  # sha256  path (relative to the repository), version",
        "%s  %s  version %s" % (sha256_file(os.path.join(REPO, SCRIPT)), SCRIPT, VERSION),
        "",
        "[kurdi]",
        "kurdi-version  %s" % kurdi.version(),
        "normalizer  %s  # sha256 of the sorted input<TAB>output pairs normalized" % kurdi.fingerprint(NORMALIZE),
        "to-arab  %s  # the same for translit --to arab (rule V1)" % kurdi.fingerprint(TO_ARAB),
        "rules  %s  # the same for translit --no-exceptions (rule C1)" % kurdi.fingerprint(RULES),
        "",
        "[outputs]",
        "exceptions.tsv  %d entries" % len(entries),
    ]
    write_text(os.path.join(args.out, "MANIFEST"), "\n".join(manifest) + "\n")
    if args.stats:
        for k in sorted(stats):
            print("%-50s %6d" % (k, stats[k]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
