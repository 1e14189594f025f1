#!/usr/bin/env python3
"""Learns kurdi's bizroke costs (data/translit/bizroke_costs.tsv).

    python3 scripts/translit/learn_bizroke.py --kurdi build/apps/cli/kurdi \\
        --eval build/eval/kurdi_eval --shared ../shared

The syllable DP (src/translit/syllables.cpp) sets the cost of an unwritten i
(bizroke) by hand. This script learns a correction to it from the letters
around the i (src/translit/bizroke_model.hpp: the letter pairs a|b and b c
around an i before b) with an averaged structured perceptron run
by `kurdi_eval translit learn` over the library's own reading of each word
(hand-set costs, morpheme hints, no exception lexicon). See
docs/transliteration.md, "Learned bizroke costs".

Sources: exactly those of build_exceptions.py, read and mapped the same way
(S1, A1, L1-L4, V1): the Wergor word pairs (MIT) and UniMorph train (CC BY-SA
3.0). Never an evaluation set (asosoft-g2p, UniMorph dev or silver dev).

Rules (each counted by --stats):
  K1  The readings of one word are pooled over both sources. A word whose
      sources spell it in more than one way (the two conventions disagree,
      kirdibû / kirdbû, or one source is inconsistent) is dropped: the model
      learns only what every licensed spelling of a word agrees on.
  K2  The distinct words are split by a hash of the word (SHA-256 of
      SPLIT_SALT + the word): HELDOUT_PERCENT % are the held-out split,
      reported by the trainer; the rest train. The settings below were
      chosen by cross-validation on the training part (--cv; the history is
      in docs/quality.md).
      The model that is written is the one trained on the training part
      only, so the held-out split stays held out for it.
  K3  Training: EPOCHS passes, step RATE, templates TEMPLATES; weights are
      rounded to 1/64 and clamped to [-8, 8]; zero weights are not written.

Outputs in --out (default data/translit): bizroke_costs.tsv (sorted in byte
order, LF line ends) and MANIFEST.bizroke (inputs' SHA-256, this script's
SHA-256 and version, the kurdi version and fingerprints, the split, the
settings and the trainer's figures). --split-dir keeps the split files. A
rerun with the same inputs, script and kurdi is byte-identical
(tests/translit/bizroke_reproducible.sh). Python 3 standard library only.
"""

import argparse
import collections
import hashlib
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_exceptions as be  # noqa: E402

VERSION = "1"
SCRIPT = "scripts/translit/learn_bizroke.py"
SPLIT_SALT = "kurdi translit held-out split 1\t"
HELDOUT_PERCENT = 15
EPOCHS = 5
RATE = "0.25"
TEMPLATES = "ab,bc"
PRUNE = "0"


def heldout(word, salt=SPLIT_SALT):
    h = hashlib.sha256((salt + word).encode("utf-8")).hexdigest()
    return int(h[:8], 16) % 100 < HELDOUT_PERCENT


def pairs(kurdi, shared, stats):
    """word -> its one agreed Hawar spelling (rules S1 A1 L1-L4 V1 K1)."""
    rows = be.load_sources(shared, stats)
    normalized = kurdi.run(be.NORMALIZE, [a for _, a, _ in rows])
    cands = []
    for (src, _, latin), arabic in zip(rows, normalized):
        if len(arabic) < 2 or any(c not in be.LETTERS for c in arabic):
            stats["A1 not a word of two or more table letters"] += 1
            continue
        hawar, why = be.map_latin(latin, arabic)
        if hawar is None:
            stats[why] += 1
            continue
        cands.append((src, arabic, hawar))
    back = kurdi.run(be.NORMALIZE, kurdi.run(be.TO_ARAB, [h for _, _, h in cands]))
    readings = collections.defaultdict(set)
    sources = collections.defaultdict(set)
    for (src, arabic, hawar), b in zip(cands, back):
        if b != arabic:
            stats["V1 Latin does not spell the Arabic"] += 1
            continue
        readings[arabic].add(hawar)
        sources[arabic].add(src)
    out = {}
    for w, spellings in readings.items():
        if len(spellings) > 1:
            both = len(sources[w]) > 1
            stats["K1 spelt in more than one way (%s): dropped" % ("both sources" if both else "one source")] += 1
            continue
        out[w] = next(iter(spellings))
    return out


def train_args(args):
    return ["--epochs", str(args.epochs), "--rate", args.rate, "--templates", args.templates,
            "--prune", args.prune]


def cross_validate(args, words, keys):
    """Model selection: K folds of the training words by the hash of the salt
    (K2's hash mod K); prints the summed held-out figures."""
    base = learned = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.cv):
            fold = lambda w: int(hashlib.sha256((args.salt + w).encode("utf-8")).hexdigest()[:8], 16) % args.cv == k
            paths = []
            for name, ws in (("train.tsv", [w for w in keys if not fold(w)]), ("heldout.tsv", [w for w in keys if fold(w)])):
                paths.append(os.path.join(tmp, name))
                be.write_text(paths[-1], "".join("%s\t%s\n" % (w, words[w]) for w in ws))
            out = subprocess.run([args.eval, "translit", "learn", "--train", paths[0], "--heldout", paths[1]]
                                 + train_args(args), stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
            for line in out.splitlines():
                if line.startswith("held-out split"):
                    right, n = int(line.split()[-5]), int(line.split()[-3])
                    if "hand-set" in line:
                        base += right
                        total += n
                    else:
                        learned += right
    print("cv %d folds, %s: hand-set %d, learned %d of %d (%+d)" % (
        args.cv, " ".join(train_args(args)), base, learned, total, learned - base))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kurdi", required=True, help="the built kurdi program")
    ap.add_argument("--eval", required=True, help="the built kurdi_eval program (the trainer)")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(be.REPO), "shared"))
    ap.add_argument("--out", default=os.path.join(be.REPO, "data", "translit"))
    ap.add_argument("--split-dir", help="keep train.tsv and heldout.tsv here")
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--rate", default=RATE)
    ap.add_argument("--templates", default=TEMPLATES)
    ap.add_argument("--prune", default=PRUNE)
    ap.add_argument("--cv", type=int, default=0, help="model selection: K-fold cross-validation (prints, writes nothing)")
    ap.add_argument("--try", dest="trial", action="store_true",
                    help="model selection: print the trainer's figures, write nothing to --out")
    ap.add_argument("--salt", default=SPLIT_SALT,
                    help="another split, to see how much the figures vary (with --try only)")
    ap.add_argument("--stats", action="store_true")
    args = ap.parse_args()
    if args.salt != SPLIT_SALT and not (args.trial or args.cv):
        ap.error("--salt only with --try or --cv: the written model uses the documented split")

    kurdi = be.Kurdi(args.kurdi)
    stats = collections.Counter()
    words = pairs(kurdi, args.shared, stats)
    keys = sorted(words, key=lambda w: w.encode("utf-8"))
    train = [w for w in keys if not heldout(w, args.salt)]
    held = [w for w in keys if heldout(w, args.salt)]
    stats["K2 training words"] = len(train)
    stats["K2 held-out words"] = len(held)

    if args.cv:  # on the training part of the documented split only
        return cross_validate(args, words, [w for w in keys if not heldout(w)])
    with tempfile.TemporaryDirectory() as tmp:
        split_dir = args.split_dir or tmp
        os.makedirs(split_dir, exist_ok=True)
        files = {}
        for name, ws in (("train.tsv", train), ("heldout.tsv", held)):
            path = os.path.join(split_dir, name)
            be.write_text(path, "".join("%s\t%s\n" % (w, words[w]) for w in ws))
            files[name] = path
        costs = os.path.join(tmp, "costs.tsv")
        proc = subprocess.run([args.eval, "translit", "learn", "--train", files["train.tsv"],
                               "--heldout", files["heldout.tsv"], "--out", costs] + train_args(args),
                              stdout=subprocess.PIPE, check=True)
        report = proc.stdout.decode("utf-8")
        sys.stdout.write(report)
        with open(costs, encoding="utf-8") as f:
            rows = sorted((line for line in f if line.strip()), key=lambda s: s.encode("utf-8"))
        split_hash = be.sha256_bytes("".join("%s\t%s\n" % (w, words[w]) for w in held).encode("utf-8"))
        train_hash = be.sha256_bytes("".join("%s\t%s\n" % (w, words[w]) for w in train).encode("utf-8"))

    if args.stats:
        for k in sorted(stats):
            print("%-60s %6d" % (k, stats[k]))
    if args.trial:
        return 0
    header = (
        "# kurdi learned bizroke costs: template<TAB>first<TAB>second<TAB>weight (cost units;\n"
        "# the hand-set i costs 1). Generated by scripts/translit/learn_bizroke.py; do not\n"
        "# edit (MANIFEST.bizroke names the inputs). docs/transliteration.md, \"Learned\n"
        "# bizroke costs\". Licence: CC BY-SA 4.0 (learned from UniMorph ckb, CC BY-SA 3.0,\n"
        "# and the Wergor word pairs, MIT, Copyright (c) 2017 Sina Ahmadi); see LICENSE.md.\n")
    os.makedirs(args.out, exist_ok=True)
    be.write_text(os.path.join(args.out, "bizroke_costs.tsv"), header + "".join(rows))
    manifest = [
        "# data/translit/bizroke_costs.tsv: how it was learned. Written by",
        "# %s; do not edit. A rerun with the same inputs, script" % SCRIPT,
        "# and kurdi reproduces both files byte for byte (ctest translit.bizroke_reproducible).",
        "",
        "[inputs]  # sha256  path (relative to ../shared)",
    ]
    for rel in (be.WERGOR, be.UNIMORPH_ARAB, be.UNIMORPH_LATN):
        manifest.append("%s  %s" % (be.sha256_file(os.path.join(args.shared, rel)), rel))
    manifest += [
        "",
        "[script]  # sha256  path (relative to the repository), version",
        "%s  %s  version %s" % (be.sha256_file(os.path.join(be.REPO, SCRIPT)), SCRIPT, VERSION),
        "",
        "[kurdi]",
        "kurdi-version  %s" % kurdi.version(),
        "normalizer  %s  # sha256 of the sorted input<TAB>output pairs normalized" % kurdi.fingerprint(be.NORMALIZE),
        "to-arab  %s  # the same for translit --to arab (rule V1)" % kurdi.fingerprint(be.TO_ARAB),
        "",
        "[split]  # rule K2: sha256 of the word<TAB>hawar lines of each part",
        "salt  %r  held out  %d %%" % (SPLIT_SALT, HELDOUT_PERCENT),
        "train  %d words  %s" % (len(train), train_hash),
        "heldout  %d words  %s" % (len(held), split_hash),
        "",
        "[settings]  # rule K3",
        "epochs  %d  rate  %s  templates  %s  prune  %s" % (args.epochs, args.rate, args.templates, args.prune),
        "",
        "[trainer]  # kurdi_eval translit learn, its figures",
    ] + [line for line in report.splitlines() if not line.startswith(("epoch", "train ", "%d weights" % len(rows)))
         and "written to" not in line] + [
        "",
        "[outputs]",
        "bizroke_costs.tsv  %d weights" % len(rows),
    ]
    be.write_text(os.path.join(args.out, "MANIFEST.bizroke"), "\n".join(manifest) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
