#!/usr/bin/env python3
"""Builds kurdi's Sorani lexicon (data/lexicon/) from four open lexicons.

    python3 scripts/lexicon/build_lexicon.py --kurdi build/apps/cli/kurdi --shared ../shared

Sources (paths under <shared>/data; licences in each folder's SOURCE.txt):
  hunspell  KurdishHunspell ckb-Arab.dic, lemmas with POS and verb stems (CC BY-SA 4.0)
  klpt      KLPT lexicon_ckb_arab.json, lemmas without POS (CC BY-SA 4.0)
  unimorph  UniMorph ckb-arab.train, lemma and POS only (CC BY-SA 3.0)
  kurdnet   KurdNet wn-data-ckb.tab, lemmas with the synset's POS (CC BY-SA 4.0)
plus data/lexicon/verbs_supplement.tsv (written for kurdi) and, for ranking
only, the Sorani Wikipedia word counts (MIT), which never create an entry.
Three word lists (the Wikipedia counts, KurdishHunspell's corpus types, CC
BY-SA 4.0, and Tesseract's Kurdish word list, Apache-2.0) give guess_stems.tsv,
what the unknown-word guess may cut a word to; they never create an entry
either (RULE G1).
A Sorani dictionary's headword list (ScriptNormalization's SoraniKurdish.txt,
Apache-2.0) gives headwords.tsv, a second tier of words read only when
nothing else explains a word (RULE W11).
Nothing else is read: UniMorph dev and silver dev, the tokenization gold,
Hunspell's morphological test set and KLPT's test cases are evaluation
data, and the KLPP lists carry no licence.

Outputs: words.tsv (non-verb lemmas), verbs.tsv (one row per verb),
headwords.tsv (the second tier), guess_stems.tsv (unknown-word evidence) and
MANIFEST, described in docs/lexicon.md with every rule below. Every string is
normalized by `kurdi normalize` (standard profile) before any comparison, in
one batch per build stage. Output is sorted in byte order and written with
LF line ends, so a rerun is byte-identical; tests/lexicon checks that.

Conflicts between sources are settled here, by the rules marked RULE in the
comments, never by editing the outputs. --stats prints how often each rule
fired.
"""

import argparse
import collections
import json
import os
import re
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lexicon_common import (DEFAULT_SHARED, REPO, Normalizer,  # noqa: E402
                            is_sorani_word, sha256_file, write_lines,
                            write_manifest)

# Input files, relative to <shared>.
HUNSPELL = "data/kurdishhunspell-eval/lexicon/ckb-Arab.dic"
KLPT = "data/klpt-data/lexicon_ckb_arab.json"
UNIMORPH = "data/unimorph-ckb/ckb-arab.train"
KURDNET = "data/kurdnet-ckb/wn-data-ckb.tab"
WIKIFREQ = "data/kurdish-wikipedia-wordfreq/word_and_freqs.csv"
HUNSPELL_TYPES = "data/kurdishhunspell-eval/ALL_ckb_frequency_10_cleaned_sorted.txt"
TESSERACT = "data/tesseract-langdata-kurdish/kur.wordlist"
HEADWORDS = "data/script-normalization/wordlists/SoraniKurdish_dictionary.txt"
# Relative to the repository.
SUPPLEMENT = "data/lexicon/verbs_supplement.tsv"
WORDS_SUPPLEMENT = "data/lexicon/words_supplement.tsv"
SCRIPTS = ["scripts/lexicon/build_lexicon.py", "scripts/lexicon/lexicon_common.py"]

UPOS = ("NOUN", "PROPN", "ADJ", "ADV", "PRON", "NUM", "ADP", "CCONJ", "SCONJ",
        "PART", "INTJ", "DET", "X")

# Hunspell po: values. Combined values (adj_noun, pron_adv, ...) are split on
# '_' and give one row per part of speech. verb and verb_noun are handled by
# the verb builder; punctuation is dropped.
HUNSPELL_POS = {
    "noun": "NOUN", "propn": "PROPN", "adj": "ADJ", "adv": "ADV",
    "pron": "PRON", "num": "NUM", "numeral": "NUM", "adp": "ADP",
    "cconj": "CCONJ", "sconj": "SCONJ", "part": "PART", "intj": "INTJ",
}

# UniMorph's first feature. CONJ is resolved against Hunspell (RULE W3);
# V, V.MSDR (verbal noun) and V.PTCP (participle) name a verb lemma.
UNIMORPH_POS = {
    "N": "NOUN", "PROPN": "PROPN", "ADJ": "ADJ", "ADV": "ADV", "PRO": "PRON",
    "NUM": "NUM", "ADP": "ADP", "PART": "PART", "CONJ": "CONJ", "DET": "DET",
    "INTJ": "INTJ",
}
UNIMORPH_VERB = {"V", "V.MSDR", "V.PTCP"}

# KurdNet synset id suffix (WordNet POS letters).
KURDNET_POS = {"n": "NOUN", "a": "ADJ", "s": "ADJ", "r": "ADV", "v": "VERB"}

# RULE W2: a one-letter entry is kept only when it is a word on its own. The
# sources also hold clitics and fragments written alone (ش, چ, ژ, گ as
# interjection, adverb or adposition; ی and ە are the ezafe and copula
# clitics), which the morphology engine handles as affixes, not lemmas.
ONE_LETTER_WORDS = {"و"}  # the conjunction

# Preverbs: the closed class of particles that open a verb complex and take
# the agent clitic (هەڵیگرت). A compound whose prefix is one of them may end
# in any verb (RULE V8); a verb known only by its infinitive takes one as its
# preverb (RULE V9b).
# تێک، پێک and لێک behave the same way (تێکیدا، پێکیهێنا). Longest first.
PREVERBS = ("تێک", "پێک", "لێک", "هەڵ", "دەر", "وەر", "ڕۆ", "دا", "ڕا",
            "تێ", "پێ", "لێ")

# RULE V1: the infinitive is the past stem + ن, and every Sorani past stem
# ends in د, ت, ا, ی or و (کرد، گوت، دا، نووسی، چوو). A "verb" whose
# infinitive has another shape is a Hunspell typo or not a verb.
# (A final /u/ is written وو: بوون، چوون; a single و before ن is the
# consonant w, as in تەلەفون.)
INFINITIVE_SHAPE = re.compile(r"(?:[دتای]|وو)ن\Z")

# The directional/repetitive particle written after the infinitive
# (گواستنەوە). By the UniMorph convention it is inflection (RULE V5).
EWE = "ەوە"

SOURCE_ORDER = ("hunspell", "klpt", "unimorph", "kurdnet", "supplement")


class Stats(collections.Counter):
    """How often each rule fired (printed with --stats)."""


STATS = Stats()


# --------------------------------------------------------------------------
# Reading the sources. Readers return raw strings; nothing is compared
# before normalization.

def read_hunspell(path):
    """Rows `word/FLAGS tag:value ...`; the first line is the entry count
    and '#' lines are comments. Returns (word, flag, tags)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            line = line.rstrip("\n")
            if i == 0 or not line.strip() or line.startswith("#"):
                continue
            word, sep, rest = line.partition("/")
            if not sep:
                continue
            fields = rest.split()
            flag = fields[0] if fields else ""
            # One row carries a stray date after tabs; tokens without ':'
            # are not tags.
            tags = dict(t.split(":", 1) for t in fields[1:] if ":" in t)
            rows.append((word.strip(), flag, tags))
    return rows


def read_klpt(path):
    """{"Lexicon": {lemma: [] | {"token_forms": [...]}}}. Compound lemmas
    join their parts with '-' (کاوێژ-کردن); token_forms only lists the
    spellings with and without a space, so the keys are all we need."""
    with open(path, encoding="utf-8") as f:
        lexicon = json.load(f)["Lexicon"]
    return sorted(lexicon)


def read_unimorph(path):
    """lemma<TAB>form<TAB>features; only the lemma and the first feature
    (the POS) are used. Rows without features are skipped."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3 or not fields[2].strip():
                STATS["unimorph: row without features skipped"] += 1
                continue
            rows.append((fields[0].strip(), fields[2].split(";")[0].strip()))
    return rows


def read_kurdnet(path):
    """OMW tab format: synset<TAB>ckb:lemma|ckb:def<TAB>text. Only lemmas;
    the synset id ends in the WordNet POS letter."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3 or fields[1] != "ckb:lemma":
                continue
            pos = KURDNET_POS[fields[0].rsplit("-", 1)[1]]
            rows.append((" ".join(fields[2].split()), pos))
    return rows


def read_wikifreq(path):
    counts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            word, _, count = line.rstrip("\n").rpartition(",")
            if word and count.isdigit():
                counts.append((word, int(count)))
    return counts


def read_word_list(path):
    """One word per line (KurdishHunspell's corpus types, Tesseract's list)."""
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


SUPPLEMENT_COLUMNS = 7  # infinitive preverb past present passive transitivity why


def read_supplement(path):
    """verbs_supplement.tsv (see its header). Returns the first six fields of
    each row; the seventh, why the row exists, must not be empty."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != SUPPLEMENT_COLUMNS or not fields[-1].strip():
                raise SystemExit("%s:%d: want %d tab-separated fields, the last "
                                 "saying why" % (path, n, SUPPLEMENT_COLUMNS))
            rows.append([f.strip() for f in fields[:-1]])
    return rows


def read_words_supplement(path):
    """words_supplement.tsv: (lemma, UPOS) rows; each must say why."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 3 or not cols[2].strip():
                raise SystemExit("%s:%d: expected lemma, UPOS, why" % (path, number))
            if cols[1] not in UPOS_TAGS:
                raise SystemExit("%s:%d: unknown UPOS %r" % (path, number, cols[1]))
            rows.append((cols[0], cols[1]))
    return rows


UPOS_TAGS = ("NOUN", "PROPN", "ADJ", "ADV", "PRON", "NUM", "ADP", "CCONJ", "SCONJ", "PART", "INTJ", "DET")


def alternatives(field):
    return [] if field.strip() in ("", "-") else [s.strip() for s in field.split(",")]


# --------------------------------------------------------------------------
# Verbs

class Verb:
    def __init__(self, infinitive):
        self.infinitive = infinitive
        self.preverb = ""
        self.past = set()
        self.present = set()
        self.passive_past = set()
        self.transitivity = collections.Counter()  # votes: "tr" / "intr"
        self.sources = set()
        self.passive_only = False  # a passive infinitive with no active verb
        self.compound_of = None  # (prefix, base Verb) for compounds
        self.supplement_passive = set()  # passive past stems the supplement gives


FLAG_KIND = {"XN": "inf", "I": "past", "T": "past", "V": "present", "M": "present"}
TAG_KIND = {"infinitive": "inf", "past_stem": "past", "present_stem": "present"}


def hunspell_row_kind(word, flag, info, lemmas, infinitives):
    """What a Hunspell verb row is: 'inf', 'past', 'present', 'form' or
    'junk'.

    RULE V2. The is: tag names an inflected form (copula, have, imperative)
    on 39 rows: those are paradigm cells, not stems, and are left to the
    analyzer ('form'). Otherwise the flag (XN infinitive, I/T past, V/M
    present) and the is: tag (infinitive / past_stem / present_stem) agree
    on all but a dozen rows, and on those each of them is wrong somewhere
    (ەوێ is flagged V and tagged infinitive; قڕ is flagged past but is the
    present stem of قڕان). When they agree, they are followed, except that
    an "infinitive" without the infinitive shape (RULE V1) is junk (کڕ،
    گەڕن). When they disagree, shape decides: word + ن an infinitive makes
    a past stem (RULE V1 read backwards), an infinitive shape with one of
    them saying infinitive makes an infinitive, anything else is a present
    stem.
    """
    match = re.match(r"(infinitive|past_stem|present_stem)_", info)
    if not match:
        return "form"
    by_tag = TAG_KIND[match.group(1)]
    by_flag = FLAG_KIND.get(flag)
    if by_flag == by_tag:
        if by_tag == "inf" and not INFINITIVE_SHAPE.search(word):
            return "junk"
        return by_tag
    if word + "ن" in lemmas or word + "ن" in infinitives:
        return "past"
    if "inf" in (by_flag, by_tag) and INFINITIVE_SHAPE.search(word):
        return "inf"
    return "present"


def vote_transitivity(verb, info, weight):
    if "_transitive" in info:
        verb.transitivity["tr"] += weight
    elif "_intransitive" in info and not info.endswith("_passive"):
        verb.transitivity["intr"] += weight


def build_hunspell_verbs(rows, norm):
    """Hunspell's po:verb rows grouped into verbs. Passive infinitives are
    kept apart here and folded into their active verb later."""
    verb_rows = []
    for word, flag, tags in rows:
        if tags.get("po") != "verb":
            continue
        info = tags.get("is", "")
        verb_rows.append((norm(word), flag, info,
                          [norm(l) for l in tags.get("lem", "").split("_") if l]))

    infinitives = {}
    for word, flag, info, lemmas in verb_rows:
        if hunspell_row_kind(word, flag, info, lemmas, ()) != "inf":
            continue
        new = word not in infinitives
        verb = infinitives.setdefault(word, Verb(word))
        verb.sources.add("hunspell")
        # RULE V6a: Hunspell's passive tag is believed only on a passive
        # shape, X-ران (ئاخێنران، بەستران); it also sits on active verbs
        # such as سرەوتن and گرین. A word with an active row too (کران،
        # گیران) is not passive-only.
        passive = info.endswith("_passive") and word.endswith("ران")
        verb.passive_only = passive and (new or verb.passive_only)
        vote_transitivity(verb, info, 100)  # RULE V3: the infinitive's tag decides

    # Stems attach to the verbs their lem: names. lem: may list variant
    # infinitives joined by '_' (ترسان_ترسین) or hold a typo (ناسێدران for
    # ناسێندران, پشکووت for پشکووتن). RULE V4, in order:
    #   a) every variant in lem: that is an infinitive row gets the stem;
    #   b) otherwise a past stem goes to past + ن;
    #   c) otherwise the stem follows the past stem of its lem: group;
    #   d) otherwise lem: + ن, if that is an infinitive;
    #   e) otherwise the row is dropped (counted in --stats).
    groups = collections.defaultdict(list)
    for row in verb_rows:
        groups["_".join(row[3])].append(row)
    for key, group in sorted(groups.items()):
        group_target = None
        for word, flag, info, lemmas in group:
            if (hunspell_row_kind(word, flag, info, lemmas, infinitives) == "past"
                    and word + "ن" in infinitives):
                group_target = word + "ن"
        for word, flag, info, lemmas in group:
            kind = hunspell_row_kind(word, flag, info, lemmas, infinitives)
            if kind == "form":
                STATS["V2 hunspell: inflected form row skipped (not a stem)"] += 1
            if kind == "junk":
                STATS["V2 hunspell: infinitive row without infinitive shape dropped"] += 1
            if kind not in ("past", "present"):
                continue
            targets = [l for l in lemmas if l in infinitives]
            if not targets and kind == "past" and word + "ن" in infinitives:
                targets = [word + "ن"]
                STATS["V4b hunspell: stem attached by its own past shape"] += 1
            if not targets and group_target:
                targets = [group_target]
                STATS["V4c hunspell: stem attached by its group's past stem"] += 1
            if not targets and lemmas and lemmas[0] + "ن" in infinitives:
                targets = [lemmas[0] + "ن"]
                STATS["V4d hunspell: stem attached to lem: + ن"] += 1
            if not targets:
                STATS["V4e hunspell: stem row with no infinitive dropped"] += 1
                continue
            for target in targets:
                verb = infinitives[target]
                (verb.past if kind == "past" else verb.present).add(word)
                vote_transitivity(verb, info, 1)
    return infinitives


def add_supplement(verbs, rows, norm):
    """verbs_supplement.tsv adds what no source has (گوتن's present ڵێ,
    کردن's passive کرا). Its stems are added to the sources'; a stem
    written !stem is removed instead (a source error, such as the present
    stems KurdishHunspell swaps between خەوتن and خەواندن). A preverb or
    transitivity given there replaces the sources'. Returns the removals,
    which are applied again once passives are folded (a folded passive can
    bring a removed stem back)."""
    removals = []
    for inf, preverb, past, present, passive, trans in rows:
        inf = norm(inf)
        verb = verbs.setdefault(inf, Verb(inf))
        verb.passive_only = False
        verb.sources.add("supplement")
        for stems, field in ((verb.past, past), (verb.present, present),
                             (verb.passive_past, passive)):
            for stem in alternatives(field):
                if stem.startswith("!"):
                    stems.discard(norm(stem[1:]))
                    removals.append((inf, stems, norm(stem[1:])))
                else:
                    stems.add(norm(stem))
        verb.supplement_passive = {norm(s) for s in alternatives(passive)
                                   if not s.startswith("!")}
        if preverb not in ("", "-"):
            verb.preverb = norm(preverb)
        if trans in ("tr", "intr"):
            verb.transitivity = collections.Counter({trans: 1000})
    return removals


def apply_removals(verbs, removals):
    for inf, stems, stem in removals:
        if inf in verbs:
            stems.discard(stem)


def passive_bases(passive):
    """Stems a passive infinitive can be built on: X-ران and X-دران are the
    passive of a verb whose present or past stem is X
    (ئاخێنران، ئاخێندران <- ئاخێن; بەستران <- بەست)."""
    stem = passive[:-3]
    return [stem, stem[:-1]] if stem.endswith("د") else [stem]


def fold_passives(verbs):
    """RULE V6: passive, like causative and -ەوە, is inflection in the
    UniMorph lemma convention, so a passive infinitive is folded into its
    active verb and its past stems become that verb's passive stems. The
    active verb is, in this order: the verb whose passive stem, as the
    supplement gives it, the passive's past stem is (irregular passives:
    کران -> کردن, گیران -> گرتن; this also folds Hunspell rows that call
    such a passive active); the verb whose present stem, then past stem, is
    the passive's base (passive_bases). Several candidates: a transitive
    one (only they have passives: نووسرا is نووسین's, not نووسان's), then
    the first in byte order. A passive with no active verb in any source
    stays a row of its own, marked by '-' active stems."""
    irregular = collections.defaultdict(list)
    for verb in verbs.values():
        for s in verb.supplement_passive:
            irregular[s].append(verb.infinitive)
    to_fold = {inf for inf, verb in verbs.items() if verb.passive_only or
               any(v != inf for v in irregular.get(inf[:-1], ()))}
    # Only verbs that stay can take a passive in.
    indexes = [collections.defaultdict(list) for _ in range(3)]
    for verb in verbs.values():
        if verb.infinitive in to_fold:
            continue
        for i, stems in enumerate((verb.supplement_passive, verb.present, verb.past)):
            for s in stems:
                indexes[i][s].append(verb.infinitive)
    for inf in sorted(to_fold, key=byte_key):
        verb = verbs[inf]
        keys = ([inf[:-1]], passive_bases(inf), passive_bases(inf))
        target = None
        for index, candidates in zip(indexes, keys):
            found = sorted({t for c in candidates for t in index.get(c, ()) if t != inf},
                           key=lambda t: (transitivity(verbs[t]) != "tr", byte_key(t)))
            if found:
                target = found[0]
                break
        # Hunspell spells passive present stems with and without the final ێ
        # (ئاخێندر beside ئاراندرێ); they are rebuilt from the past stems
        # when written (RULE V6b), so only the past stems are kept.
        passive_past = {s for s in verb.past if s.endswith("ا")} | {inf[:-1]}
        if not verb.passive_only:
            STATS["V6 active-tagged irregular passive folded (supplement)"] += 1
        if target is None:
            verb.passive_past |= passive_past
            verb.past.clear()
            verb.present.clear()
            STATS["V6 passive infinitive kept alone (no active verb)"] += 1
            continue
        active = verbs[target]
        active.passive_past |= passive_past
        active.sources |= verb.sources
        del verbs[inf]
        STATS["V6 passive infinitive folded into its active verb"] += 1


def strip_ewe(word):
    """RULE V5: -ەوە after an infinitive is inflection (UniMorph lemma
    convention): گواستنەوە is filed under گواستن, ئاشتبوونەوە under
    ئاشتبوون."""
    if word.endswith("ن" + EWE) and INFINITIVE_SHAPE.search(word[:-len(EWE)]):
        return word[:-len(EWE)]
    return word


# RULE V8d: the light verbs no noun ends in.
NOMINAL_LIGHT_VERBS = ("کردن", "بوون")

# RULE V8c: نە before an infinitive is negation (نەبوون), not a compound.
NEGATION = "نە"

# Prefixes that combine with any verb, like preverbs: reflexive خۆ
# (خۆپاراستن، خۆکوشتن).
FREE_PREFIXES = ("خۆ",)


class VerbTable:
    """The verbs, and how a compound infinitive is split onto one of them."""

    def __init__(self, verbs, light_verbs, words):
        self.verbs = verbs
        self.light_verbs = light_verbs
        self.words = words  # every non-verb lemma that has a POS in some source
        # Passive-only rows have no active stems to lend a compound.
        self.bases = {inf: v for inf, v in verbs.items() if not v.passive_only}

    def split(self, word, boundary=None):
        """(prefix, base verb) for a compound infinitive, or None.

        RULE V8. With `boundary` (where the verb part starts, from KLPT's
        '-' or KurdNet's space), the part after it must be a known verb.
        Without one (Hunspell verb_noun, UniMorph), a split is accepted
          i) when the prefix is a preverb or خۆ and the rest any verb
             (هەڵ + گرتن);
         ii) when the base is a light verb (RULE V8a) after a prefix of two
             letters or more (ئاخێز + کردن);
        iii) when the prefix is a word with a POS in some source, three
             letters or more, and the base any verb of four or more
             (پەرە + سەندن، ئازار + چەشتن).
        The longest base wins, so دەرکەوتن is دەر + کەوتن, never دەرکە +
        وتن. Any verb after any prefix would split هەڵتووڕاندن as هەڵتوو +
        ڕاندن and چەمان as چە + مان."""
        if boundary is not None and 0 < boundary < len(word):
            base = self.bases.get(word[boundary:])
            if base is not None:
                return word[:boundary], base
        for cut in range(1, len(word) - 1):
            prefix, rest = word[:cut], word[cut:]
            base = self.bases.get(rest)
            if base is None:
                continue
            if prefix in PREVERBS or prefix in FREE_PREFIXES:
                return prefix, base
            if rest in self.light_verbs and len(prefix) >= 2:
                return prefix, base
            if prefix in self.words and len(prefix) >= 3 and len(rest) >= 4:
                return prefix, base
        return None

    def attach(self, word, source):
        """`word` (an infinitive, maybe with -ەوە) is a verb of the table:
        record `source` for it."""
        verb = self.verbs.get(strip_ewe(word))
        if verb is None:
            return False
        verb.sources.add(source)
        return True

    def add_compound(self, word, source, boundary=None):
        """Adds `word` as a compound when it splits onto a known verb."""
        word = strip_ewe(word)
        if word in self.verbs or not valid_infinitive(word):
            return False
        if word.startswith(NEGATION) and word[len(NEGATION):] in self.verbs:
            STATS["V8c negative infinitive is no compound (%s)" % source] += 1
            return False
        parts = self.split(word, boundary)
        if parts is None:
            return False
        verb = self.verbs[word] = Verb(word)
        verb.sources.add(source)
        verb.compound_of = parts
        # A compound takes its base verb's stems behind its prefix: the
        # stems of ئاخێزکردن are ئاخێزکرد / ئاخێزکە, of هەڵگرتن هەڵگرت /
        # هەڵگر. RULE V3b: and its transitivity (the light verb decides:
        # ئامادەکردن tr, ئامادەبوون intr).
        prefix, base = parts
        verb.preverb = prefix
        verb.past = {prefix + s for s in base.past}
        verb.present = {prefix + s for s in base.present}
        verb.passive_past = {prefix + s for s in base.passive_past}
        verb.transitivity = collections.Counter(base.transitivity)
        STATS["V8 compound split onto a known verb (%s)" % source] += 1
        return True

    def add_bare(self, word, source):
        """RULE V9: a source that says the word is a verb, when no source
        gives its stems and it splits onto no known verb, still makes a
        row: the past stem follows from RULE V1, the present stays '-'."""
        word = strip_ewe(word)
        if word in self.verbs or not valid_infinitive(word):
            return False
        if word.startswith(NEGATION) and word[len(NEGATION):] in self.verbs:
            return False
        verb = self.verbs[word] = Verb(word)
        verb.sources.add(source)
        verb.past.add(word[:-1])  # RULE V1
        # RULE V9b: such a verb that starts with a preverb followed by
        # three letters or more has that preverb (the many دا- verbs of
        # Hunspell: داتەکان، داقلیشان), so its clitics can be placed.
        for p in PREVERBS:
            if word.startswith(p) and len(word) - len(p) >= 3:
                verb.preverb = p
                STATS["V9b preverb of a verb known only by its infinitive"] += 1
                break
        STATS["V9 verb known only by its infinitive (%s)" % source] += 1
        return True

    def index_passives(self):
        """Stem -> verbs, for attach_passive: passive past stems, present
        stems, past stems (the order RULE V6 tries them in)."""
        self.passive_index = [collections.defaultdict(set) for _ in range(3)]
        for inf, verb in self.verbs.items():
            if verb.passive_only:
                continue
            for i, stems in enumerate((verb.passive_past, verb.present, verb.past)):
                for s in stems:
                    self.passive_index[i][s].add(inf)

    def attach_passive(self, word, source):
        """A passive infinitive offered by a source after the passives were
        folded (Hunspell's verb_noun بەکارهێنران) counts for its active
        verb, found as in RULE V6."""
        if not word.endswith("ران") or not valid_infinitive(word):
            return False
        keys = ([word[:-1]], passive_bases(word), passive_bases(word))
        for index, candidates in zip(self.passive_index, keys):
            # Only a verb not tagged intransitive takes the passive here:
            # these later passives come without a lemma of their own
            # (بووران is not بوون's passive).
            found = sorted({v for c in candidates for v in index.get(c, ())
                            if transitivity(self.verbs[v]) != "intr"}, key=byte_key)
            if found:
                verb = self.verbs[found[0]]
                verb.sources.add(source)
                verb.passive_past.add(word[:-1])
                STATS["V6c later passive infinitive counted for its active verb (%s)"
                      % source] += 1
                return True
        return False


# RULE V1b: -ەمین is the ordinal suffix (دەیەمین "tenth", which Hunspell
# tags verb_noun); no verb ends in it.
ORDINAL = "ەمین"


def valid_infinitive(word):
    return (is_sorani_word(word) and INFINITIVE_SHAPE.search(word) is not None
            and not word.endswith(ORDINAL))


LIGHT_VERB_MIN = 10


def light_verbs_of(klpt, kurdnet, verbs, norm):
    """RULE V8a: a light verb is a verb that ends at least LIGHT_VERB_MIN
    compounds written with a marked boundary (KLPT's '-', KurdNet's space).
    That gives کردن، دان، بوون، گرتن، کەوتن، چوون، نان، بردن، هێنان، خستن،
    خواردن، کێشان، هاتن، بەستن; verbs that end a few compounds (مان) would
    also split simple verbs that happen to end like them (چەمان)."""
    counts = collections.Counter()
    for key in klpt:
        if "-" in key:
            counts[strip_ewe(norm(key.split("-")[-1]))] += 1
    for lemma, _ in kurdnet:
        if " " in lemma:
            counts[strip_ewe(norm(lemma.split(" ")[-1]))] += 1
    return {v for v, n in counts.items() if n >= LIGHT_VERB_MIN and v in verbs
            and not verbs[v].passive_only}


def complete_simple_verbs(verbs):
    """The verbs from Hunspell and the supplement, before compounds are
    built on them."""
    for verb in verbs.values():
        # RULE V1 applied: the infinitive minus ن is always a past stem.
        if not verb.passive_only:
            verb.past.add(verb.infinitive[:-1])
        # RULE V7: Hunspell lists its verbs whole and none of them with a
        # preverb; where one has a preverb (ڕامووسین), the supplement says
        # so. Guessing from the spelling would split پێچاندن (causative of
        # پێچان) as پێ + چاندن. Every stem then carries the preverb.
        if verb.preverb:
            for stems in (verb.past, verb.present, verb.passive_past):
                bare = {s for s in stems if not s.startswith(verb.preverb)}
                stems -= bare
                stems |= {verb.preverb + s for s in bare}


def normalize_stems(verbs, norm2):
    """Derived stems (prefix + stem) are normalized like everything else: a
    join could change spelling at the seam. The preverb is not normalized
    on its own: it is the start of a normalized infinitive, and word-final
    rules would wrongly apply to it alone (the ه of a legacy پارهدان would
    become ە in پاره but not in the infinitive). RULE V10: a stem that is
    not Sorani letters, or no longer starts with the verb's preverb, is
    dropped."""
    pending = set()
    for verb in verbs.values():
        pending |= verb.past | verb.present | verb.passive_past
    norm2.run(pending)
    for verb in verbs.values():
        for attr in ("past", "present", "passive_past"):
            stems = getattr(verb, attr)
            fixed = {norm2(s) for s in stems}
            if fixed != stems:
                STATS["normalization changed a derived stem"] += 1
            kept = {s for s in fixed if is_sorani_word(s) and s.startswith(verb.preverb)
                    and len(s) > len(verb.preverb)}
            if len(kept) != len(fixed):
                STATS["V10 stem dropped (letters or preverb)"] += len(fixed) - len(kept)
            setattr(verb, attr, kept)


def transitivity(verb):
    """RULE V3: the tag of Hunspell's infinitive row decides; without one,
    the stem rows vote; the supplement overrides both; a tie or no tag
    gives '-'."""
    tr, intr = verb.transitivity["tr"], verb.transitivity["intr"]
    if tr > intr:
        return "tr"
    if intr > tr:
        return "intr"
    return "-"


def verb_candidates(hunspell, klpt, unimorph, kurdnet, norm, nonverb):
    """Every string a source offers as a verb: (word, source, boundary,
    role). boundary is where the verb part starts when the source marks it
    (KLPT's '-', KurdNet's space), else None. role says how sure the
    source is:
      verbal  it says the word is a verb (Hunspell verb_noun, UniMorph V,
              a KurdNet verb synset lemma no source lists as anything else);
      phrase  a compound with a marked boundary, a verb if its verb part is;
      nominal a noun synset lemma: see RULE V8d;
      known   no POS: counts only for a verb we have.
    """
    out = []
    # Hunspell's verb_noun holds infinitives of compounds, and also verb
    # forms such as بچۆ, which fail RULE V1 (RULE W5).
    for word, _, tags in hunspell:
        if tags.get("po") == "verb_noun":
            out.append((norm(word), "hunspell", None, "verbal"))
    for lemma, pos in unimorph:
        if pos in UNIMORPH_VERB:
            out.append((norm(lemma), "unimorph", None, "verbal"))
    for lemma, pos in kurdnet:
        parts = [norm(p) for p in lemma.split(" ")]
        joined = norm(lemma.replace(" ", ""))
        if len(parts) > 1:
            # Phrases in either kind of synset: light-verb compounds written
            # apart (گوناح کردن), and finite forms (پەسەند دەکات) that RULE V1
            # rejects.
            out.append((joined, "kurdnet", len("".join(parts[:-1])), "phrase"))
        elif pos == "VERB" and joined not in nonverb:
            # RULE V9a: KurdNet's verb synsets also hold nouns (باران،
            # ناونیشان); a single word there is a verb of its own only when
            # no source lists it as anything else.
            out.append((joined, "kurdnet", None, "verbal"))
        else:
            # Noun synsets list verbal nouns (ڕیزکردن، ئامادەبوون). They
            # create a verb only as a compound of کردن or بوون (RULE V8d):
            # no noun ends in those, while nouns do end in other light verbs
            # (زیندان "prison" is no زین + دان).
            out.append((joined, "kurdnet", None, "nominal"))
    for key in klpt:
        if " " in key:
            continue
        parts = [norm(p) for p in key.split("-")]
        joined = norm(key.replace("-", ""))
        if len(parts) > 1:
            out.append((joined, "klpt", len("".join(parts[:-1])), "phrase"))
        else:
            out.append((joined, "klpt", None, "known"))
    return out


def build_verbs(hunspell, klpt, unimorph, kurdnet, supplement, norm, kurdi, nonverb):
    verbs = build_hunspell_verbs(hunspell, norm)
    removals = add_supplement(verbs, supplement, norm)
    fold_passives(verbs)
    apply_removals(verbs, removals)
    STATS["supplement: stems removed"] = len(removals)
    complete_simple_verbs(verbs)
    table = VerbTable(verbs, light_verbs_of(klpt, kurdnet, verbs, norm), nonverb)
    candidates = verb_candidates(hunspell, klpt, unimorph, kurdnet, norm, nonverb)
    claimed = collections.defaultdict(set)  # source -> its strings that are verbs

    # Marked boundaries first, so that a compound one source writes apart
    # (بەڕێوە-بردن) is split there before another source's unmarked
    # spelling of it is guessed at; then known verbs and guessed splits;
    # bare infinitives last (RULE V9).
    for word, source, boundary, role in candidates:
        if boundary is not None and table.add_compound(word, source, boundary):
            claimed[source].add(word)
    for word, source, boundary, role in candidates:
        if table.attach(word, source) or (
                role in ("verbal", "phrase") and table.add_compound(word, source)) or (
                role == "nominal" and strip_ewe(word).endswith(NOMINAL_LIGHT_VERBS)
                and table.add_compound(word, source)):
            claimed[source].add(word)
    # Bare infinitives, passive-shaped ones (X-ران) last: they may be the
    # passive of a verb added just before (هەڵقەندران of هەڵقەندن).
    for passives in (False, True):
        if passives:
            table.index_passives()
        for word, source, boundary, role in candidates:
            if (word in claimed[source] or role in ("known", "nominal") or
                    strip_ewe(word).endswith("ران") != passives):
                continue
            if ((passives and table.attach_passive(strip_ewe(word), source)) or
                    (role == "verbal" and table.add_bare(word, source)) or
                    table.attach(word, source)):
                claimed[source].add(word)

    normalize_stems(verbs, Normalizer(kurdi))
    return verbs, claimed


# --------------------------------------------------------------------------
# Words

def nonverb_pos(hunspell, unimorph, kurdnet, norm):
    """Per source, {normalized lemma: set of UPOS} for its non-verb entries.
    Hunspell's verb_noun is recorded as the pseudo-tag VN."""
    hun = collections.defaultdict(set)
    for word, _, tags in hunspell:
        po = tags.get("po", "")
        if po in ("verb", "punctuation", ""):
            continue
        w = norm(word)
        if po == "verb_noun":
            hun[w].add("VN")
            continue
        for part in po.split("_"):
            if part in HUNSPELL_POS:
                hun[w].add(HUNSPELL_POS[part])
            else:
                STATS["hunspell: unknown po: part %s" % part] += 1
    uni = collections.defaultdict(set)
    for lemma, pos in unimorph:
        if pos in UNIMORPH_VERB or "+" in lemma:
            continue  # verbs, and contractions such as شەڕ+و
        for part in pos.replace(" ", "").split("+"):
            if part in UNIMORPH_POS:
                uni[norm(lemma)].add(UNIMORPH_POS[part])
            else:
                STATS["unimorph: no POS (%s) skipped" % part] += 1
    net = collections.defaultdict(set)
    for lemma, pos in kurdnet:
        if " " not in lemma and pos != "VERB":
            net[norm(lemma)].add(pos)
    return hun, uni, net


def build_words(klpt, norm, verbs, claimed, hun, uni, net):
    """{lemma: (set of UPOS, set of sources)} for the non-verbs."""
    klpt_words = set()
    for key in klpt:
        if " " in key:
            STATS["W4 klpt: multi-word entry dropped"] += 1
            continue
        klpt_words.add(norm(key.replace("-", "")))

    past_stems = set()
    for verb in verbs.values():
        past_stems |= verb.past
    words = {}
    for w in set(hun) | set(uni) | set(net) | klpt_words:
        # RULE W1: Sorani letters only (ZWNJ allowed inside). Drops digits,
        # punctuation, Latin, and Arabic spellings that keep ص ط ض ظ ث ذ ء.
        if not is_sorani_word(w):
            STATS["W1 not Sorani letters: dropped"] += 1
            continue
        if len(w) == 1 and w not in ONE_LETTER_WORDS:
            STATS["W2 single letter: dropped"] += 1
            continue
        # RULE W5: a Hunspell verb_noun that did not become a verb is not
        # an infinitive at all: mostly imperatives and finite forms (بچۆ،
        # دانیشە، دیتم), negative infinitives (نەبوون) and misspellings,
        # with a few agent nouns (ئاوپژێن). None is taken as a lemma.
        hun_pos = hun.get(w, set()) - {"VN"}
        if "VN" in hun.get(w, ()) and w not in claimed["hunspell"] and not hun_pos:
            STATS["W5 hunspell verb_noun that is no infinitive: dropped"] += 1
        # RULE W3: Hunspell's and UniMorph's parts of speech are both
        # lemma-level (UniMorph's were annotated in running text), so a
        # lemma gets the union. UniMorph's CONJ does not say coordinating or
        # subordinating: it confirms Hunspell's cconj/sconj, or is CCONJ
        # when Hunspell has neither. KurdNet's synset POS is used only when
        # neither knows the lemma: its synsets are semantic, and its
        # disagreements with the others are measured by the review. KLPT
        # gives no POS: a lemma only KLPT lists is X.
        pos = hun_pos | uni.get(w, set())
        if "CONJ" in pos:
            pos = pos - {"CONJ"}
            if not pos & {"CCONJ", "SCONJ"}:
                pos.add("CCONJ")
        # RULE W6: an infinitive that is in verbs.tsv is filed there only
        # (its use as a verbal noun is regular, and KurdNet files verbal
        # nouns under noun synsets), unless Hunspell or UniMorph gives it a
        # POS of its own (ژیان "life", خواردن "food").
        if not pos and strip_ewe(w) in verbs:
            STATS["W6 verb infinitive not repeated in words"] += 1
            continue
        if not pos:
            pos = set(net.get(w, ()))
        # RULE W8: KLPT's lemma list also holds verb forms; a string only
        # KLPT lists that is the past stem of a verb (هات، کرد) is that
        # verb's form, not a lemma.
        if not pos and w in past_stems:
            STATS["W8 klpt-only past stem of a verb dropped"] += 1
            continue
        if not pos:
            pos = {"X"}
        sources = set()
        if hun_pos:
            sources.add("hunspell")
        if w in klpt_words and w not in claimed["klpt"]:
            sources.add("klpt")
        if w in uni:
            sources.add("unimorph")
        if w in net:
            sources.add("kurdnet")
        if not sources:
            STATS["W7 listed only as a verb: not a word"] += 1
            continue
        words[w] = (pos, sources)
    return words


# RULE W10: the nominal part of a compound verb is a word too: much text
# writes it apart from the light verb (فڕێ دەدات, داگیر کرا, بەراورد
# دەکرێت), and then it stands alone or takes the ezafe (بەراوردی). No source
# says its part of speech (noun, adjective, adverb), so a part no source
# lists as a word is added as X, with the compound's sources. Left out: the
# preverbs and prefixes of RULE V8 (their own class); infinitives; parts
# that end in an adposition or preverb of the complex (باوەڕپێ, ئاوڕلێ,
# دەستپێدا: apart from the light verb that is two words, باوەڕ پێ);
# a preposition written onto a word (لەبیر, بەدەست: the analyzer reads
# those as لە + بیر); one-letter parts (RULE W2) and strings longer than
# twelve letters, which are run-together phrases in the sources.
PART_ENDINGS = ("لێ", "پێ", "تێ", "پێوە", "پیا", "هەڵ", "دا", "ڕا", "دەر", "بۆ",
                "نە", "وە", "تێک", "پێک", "لێک", "بەر", "لا", "ڕێ")
PART_PREPOSITIONS = ("لە", "بە", "وە")


def add_nominal_parts(words, verbs):
    parts = collections.defaultdict(set)  # part -> the sources of its compounds
    for verb in verbs.values():
        if verb.preverb and verb.preverb not in words:
            parts[verb.preverb] |= verb.sources
    for part in sorted(parts, key=byte_key):
        if part in PREVERBS or part in FREE_PREFIXES or part in verbs:
            STATS["W10 nominal part: a preverb or an infinitive"] += 1
        elif len(part) < 2 or len(part) > 12 or not is_sorani_word(part):
            STATS["W10 nominal part: one letter, too long or not Sorani letters"] += 1
        elif part.endswith(PART_ENDINGS):
            STATS["W10 nominal part: ends in an adposition or preverb"] += 1
        elif any(part.startswith(p) and part[len(p):] in words for p in PART_PREPOSITIONS):
            STATS["W10 nominal part: a preposition and a word"] += 1
        else:
            words[part] = ({"X"}, parts[part])
            STATS["W10 nominal part of a compound verb added as a word"] += 1


# RULE W11: the headwords of a Sorani dictionary's word list (ScriptNormalization's
# SoraniKurdish.txt, 58,971 lines) that no lexicon above gives are a second
# tier (headwords.tsv, compiled as Kind::headword): the analyzer reads one
# only when nothing else explains a word, before the unknown-word guess. Not
# merged into words.tsv, because the list gives no part of speech and holds
# legacy spellings and forms (نمونە for نموونە, کردو, بو) that would displace
# the lexicon's readings. Left out: a headword words.tsv or verbs.tsv has; one
# of fewer than three letters (نی, تە, ڤێ: fragments and Kurmanji forms more
# than words); one starting with a bare alef, which Sorani writes ئا (the
# list's Persian entries: الفبا, انجیرکوهی); strings not in Sorani letters.
HEADWORD_MIN_LETTERS = 3


def build_headwords(headword_list, norm, words, verbs):
    headwords = set()
    for raw in headword_list:
        w = norm(raw)
        if w in words or w in verbs:
            STATS["W11 headword: in words.tsv or verbs.tsv already"] += 1
        elif not is_sorani_word(w):
            STATS["W11 headword: not Sorani letters"] += 1
        elif len(w) < HEADWORD_MIN_LETTERS:
            STATS["W11 headword: fewer than three letters"] += 1
        elif w.startswith("\u0627"):
            STATS["W11 headword: starts with a bare alef"] += 1
        elif w not in headwords:
            headwords.add(w)
            STATS["W11 headword added"] += 1
    return headwords


# --------------------------------------------------------------------------
# Unknown-word evidence (guess_stems.tsv)

# RULE G1: a word of the word lists is a stem the unknown-word guess may cut
# to when the lists also hold it with a definiteness or indefiniteness
# marker: ڕۆڵ is one (ڕۆڵەکە, ڕۆڵێک are listed), so an unknown ڕۆڵی may be
# read ڕۆڵ + ی. The markers are unmistakably nominal, unlike ی, ان or ە,
# which also end many bare words. `marked` counts the marker forms listed:
# the analyzer prefers the better attested of two cuts and keeps a word
# whole when the word itself is at least as well attested. The lists hold
# inflected and misspelled forms, so a row is evidence for a guess, never a
# lexicon entry: a reading built on it is not lexicon-backed. The counts are
# not disambiguated: after ە the forms in کە are also those of the word
# without it (کلیپە + کە is کلیپ + ەکە), so a listed noun lends its form in ە
# a count too, and the analyzer then keeps that form whole. Counting only
# the unambiguous forms there was tried and guessed worse on the tuning set
# (eval/leave_out.sh: 94 against 96 of 137).
MARKERS_AFTER_CONSONANT = ("ەکە", "ەکان", "ەکەی", "ەکانی", "ەکەدا", "ەکاندا", "ێک", "ێکی")
MARKERS_AFTER_VOWEL = ("کە", "کان", "کەی", "کانی", "کەدا", "کاندا", "یەک", "یەکی")
VOWELS = frozenset("اەۆێ")
GLIDES = frozenset("وی")  # vowel or consonant: both marker sets apply
MARKERS_IN_EK = tuple(m for m in MARKERS_AFTER_CONSONANT if m.startswith("ەک"))  # RULE G2


# RULE G2: a stem whose final ی follows a vowel (ئاڕاستەی) or is the ی of
# -یی after a consonant (فیکریی) counts no marker form in ەک: ئاڕاستەی +
# ەکە is also ئاڕاستە + یەک + ە, and فیکریی + ەکان is فیکری + یەکان, the
# common reading. Without this, ئاڕاستەی took the credit of ئاڕاستەیەکە and
# ئاڕاستەیی was guessed ئاڕاستەی + ی. The -یی of an adjective after a vowel
# (نێونەتەوەیی, دەشتایی) and a ی after و (گوماناوی) keep every form.
def ambiguous_before_yek(stem):
    if len(stem) < 3 or stem[-1] != "ی":
        return False
    if stem[-2] in VOWELS:
        return True
    return stem[-2] == "ی" and stem[-3] not in VOWELS and stem[-3] not in GLIDES


def marker_forms(stem):
    last = stem[-1]
    if last in GLIDES:
        forms = MARKERS_AFTER_CONSONANT + MARKERS_AFTER_VOWEL
        if ambiguous_before_yek(stem):
            forms = tuple(m for m in forms if m not in MARKERS_IN_EK)
        return forms
    return MARKERS_AFTER_VOWEL if last in VOWELS else MARKERS_AFTER_CONSONANT


def build_guess_stems(types):
    """{stem: number of its marker forms in `types`} for the stems of two
    letters or more that have any (RULES G1, G2)."""
    stems = {}
    for word in types:
        if len(word) < 2:
            continue
        marked = sum(1 for m in marker_forms(word) if word + m in types)
        if ambiguous_before_yek(word) and any(word + m in types for m in MARKERS_IN_EK):
            STATS["G2 stem in ی whose forms in ەک are not counted"] += 1
        if marked:
            stems[word] = marked
            STATS["G1 guess stem"] += 1
    return stems


# --------------------------------------------------------------------------
# Output

def byte_key(s):
    return s.encode("utf-8")


def source_list(sources):
    return ",".join(s for s in SOURCE_ORDER if s in sources)


WORDS_HEADER = """\
# kurdi lexicon: non-verb lemmas of Central Kurdish (Sorani, Arabic script).
# Generated by scripts/lexicon/build_lexicon.py; do not edit (docs/lexicon.md).
# Columns (tab-separated): lemma, upos, freq, sources
#   lemma    normalized with kurdi's standard profile
#   upos     Universal Dependencies tag; X when no source gives a POS
#   freq     Sorani Wikipedia count of exactly this normalized form (0: absent)
#   sources  the lexicons that list the lemma: hunspell, klpt, unimorph, kurdnet,
#            supplement (data/lexicon/words_supplement.tsv, hand-written function words)
# A lemma with two parts of speech has two rows. Sorted by lemma (bytes), then
# upos, a NOUN just before an ADJ (the analyzer's order for equal costs).
# Licence: CC BY-SA 4.0. Derived from KurdishHunspell, KLPT and KurdNet
# (CC BY-SA 4.0) and UniMorph ckb (CC BY-SA 3.0); see LICENSE.md beside it."""

VERBS_HEADER = """\
# kurdi lexicon: verbs of Central Kurdish (Sorani, Arabic script).
# Generated by scripts/lexicon/build_lexicon.py; do not edit (docs/lexicon.md).
# Columns (tab-separated):
#   infinitive       active infinitive with its preverb or nominal part; passive,
#                    causative and -ەوە are inflection (UniMorph's convention)
#   preverb          preverb or nominal part of the verb complex; '-' if none
#   past, present    stems including the preverb, alternatives separated by ','
#                    (the regular past stem, the infinitive minus ن, first);
#                    '-' when no source gives one
#   transitivity     tr, intr, or '-' when unknown
#   freq             Sorani Wikipedia count of the infinitive (0: absent)
#   sources          hunspell, klpt, unimorph, kurdnet, supplement
#   passive_past     passive past stems a source gives (کرا), ','-separated;
#                    '-' when none does (the passive is then regular)
#   passive_present  the matching passive present stems (کرێ), same order
# A row whose past and present are both '-' is a passive verb whose active
# no source has; only its passive columns are filled.
# Licence: CC BY-SA 4.0. Derived from KurdishHunspell, KLPT and KurdNet
# (CC BY-SA 4.0) and UniMorph ckb (CC BY-SA 3.0); see LICENSE.md beside it."""


# RULE W12: a lemma's rows are in the order the analyzer breaks ties in
# (readings of equal cost keep the order of their records): by name, except
# that a NOUN row goes just before an ADJ row of the same lemma. Hunspell
# files about 2,000 words as noun_adjective, and no other source decides
# between the two; UniMorph's running-text annotation reads such words as
# nouns (پزیشکان, خوشکان, قوتابییانی, کاربەدەستێکی): in its train set 22
# forms are nouns where the adjective came first, 2 adjectives where the noun
# did. (A noun's order against ADP, ADV or INTJ is left by name: پێ stays a
# preposition first.)
def pos_rank(pos, pos_set):
    if pos == "NOUN" and "ADJ" in pos_set:
        return ("ADJ", 0)
    return (pos, 1)


def write_words(path, words, freq):
    rows = []
    for w, (pos_set, sources) in words.items():
        for pos in pos_set:
            rows.append((byte_key(w), pos_rank(pos, pos_set), pos, w, freq.get(w, 0), source_list(sources)))
    rows.sort()
    lines = WORDS_HEADER.split("\n")
    lines += ["%s\t%s\t%d\t%s" % (w, pos, f, src) for _, _, pos, w, f, src in rows]
    write_lines(path, lines)
    return len(rows)


HEADWORDS_HEADER = """\
# kurdi lexicon: dictionary headwords no other source gives (RULE W11), a second
# tier read only when nothing else explains a word, before the guess.
# Generated by scripts/lexicon/build_lexicon.py; do not edit (docs/lexicon.md).
# Columns (tab-separated): headword, freq
#   headword  a line of ScriptNormalization's Sorani dictionary word list,
#             normalized with kurdi's standard profile; part of speech unknown
#   freq      Sorani Wikipedia count of exactly this normalized form (0: absent)
# Sorted by headword (bytes).
# Licence: Apache-2.0. Derived from the word list of sinaahmadi/ScriptNormalization
# (Apache-2.0) and the Sorani Wikipedia word counts (MIT); see LICENSE.md beside it."""


def write_headwords(path, headwords, freq):
    lines = HEADWORDS_HEADER.split("\n")
    lines += ["%s\t%d" % (w, freq.get(w, 0)) for w in sorted(headwords, key=byte_key)]
    write_lines(path, lines)
    return len(headwords)


GUESS_STEMS_HEADER = """\
# kurdi lexicon: stems the unknown-word guess may cut a word to (RULES G1, G2).
# Generated by scripts/lexicon/build_lexicon.py; do not edit (docs/lexicon.md).
# Columns (tab-separated): stem, marked
#   stem    a word of the Sorani word lists (Wikipedia counts, KurdishHunspell's
#           corpus types, Tesseract's word list), normalized with kurdi's
#           standard profile
#   marked  how many of its forms with a definiteness or indefiniteness marker
#           (ەکە ەکان ەکەی ەکانی ەکەدا ەکاندا ێک ێکی, or کە کان ... یەک یەکی
#           after a vowel; both sets after و and ی) the lists also hold; for a
#           stem in ی after a vowel, or in -یی after a consonant, not the
#           forms in ەک, which are also the stem without ی + یەک (RULE G2)
# Evidence for guessing unknown words, not lemmas: a reading built on a row is
# never lexicon-backed. Sorted by stem (bytes).
# Licence: CC BY-SA 4.0. Derived from KurdishHunspell's corpus types (CC BY-SA
# 4.0), the Sorani Wikipedia word counts (MIT) and Tesseract's Kurdish word
# list (Apache-2.0); see LICENSE.md beside it."""


def write_guess_stems(path, stems):
    lines = GUESS_STEMS_HEADER.split("\n")
    lines += ["%s\t%d" % (w, stems[w]) for w in sorted(stems, key=byte_key)]
    write_lines(path, lines)
    return len(stems)


def stem_list(stems, first=None):
    """Alternatives in byte order, `first` (the regular past stem) leading."""
    ordered = sorted(stems, key=byte_key)
    if first in stems:
        ordered.remove(first)
        ordered.insert(0, first)
    return ",".join(ordered) if ordered else "-"


def write_verbs(path, verbs, freq):
    lines = VERBS_HEADER.split("\n")
    for inf in sorted(verbs, key=byte_key):
        verb = verbs[inf]
        # RULE V6b: the passive present stem is the passive past stem with
        # its final ا turned into ێ (کرا / کرێ, ئاخێندرا / ئاخێندرێ).
        passive_past = sorted((s for s in verb.passive_past if s.endswith("ا")), key=byte_key)
        passive_present = [s[:-1] + "ێ" for s in passive_past]
        lines.append("\t".join([
            inf,
            verb.preverb or "-",
            "-" if verb.passive_only else stem_list(verb.past, inf[:-1]),
            "-" if verb.passive_only else stem_list(verb.present),
            transitivity(verb),
            str(freq.get(inf, 0)),
            source_list(verb.sources),
            ",".join(passive_past) or "-",
            ",".join(passive_present) or "-",
        ]))
    write_lines(path, lines)
    return len(verbs)


# --------------------------------------------------------------------------

def build(kurdi, shared, out):
    src = {name: os.path.join(shared, rel) for name, rel in INPUTS}
    for path in src.values():
        if not os.path.isfile(path):
            raise SystemExit("missing input: %s" % path)
    supplement_path = os.path.join(REPO, SUPPLEMENT)

    hunspell = read_hunspell(src["hunspell"])
    klpt = read_klpt(src["klpt"])
    unimorph = read_unimorph(src["unimorph"])
    kurdnet = read_kurdnet(src["kurdnet"])
    wikifreq = read_wikifreq(src["wikifreq"])
    word_lists = read_word_list(src["hunspelltypes"]) + read_word_list(src["tesseract"])
    headword_list = read_word_list(src["headwords"])
    supplement = read_supplement(supplement_path)
    words_supplement_path = os.path.join(REPO, WORDS_SUPPLEMENT)
    words_supplement = read_words_supplement(words_supplement_path)

    # Every source string goes through one kurdi process.
    raw = set()
    for word, _, tags in hunspell:
        raw.add(word)
        raw.update(l for l in tags.get("lem", "").split("_") if l)
    for key in klpt:
        raw.add(key.replace("-", ""))
        raw.update(key.split("-"))
    raw.update(lemma for lemma, _ in unimorph)
    for lemma, _ in kurdnet:
        raw.add(lemma.replace(" ", ""))
        raw.update(lemma.split(" "))
    raw.update(word for word, _ in wikifreq)
    raw.update(word_lists)
    raw.update(headword_list)
    for row in supplement:
        raw.update([row[0], row[1]])
        for field in row[2:5]:
            raw.update(s.lstrip("!") for s in alternatives(field))
    raw.update(lemma for lemma, _ in words_supplement)
    norm = Normalizer(kurdi)
    norm.run({s for s in raw if "\n" not in s and "\r" not in s})

    # Frequencies: the counts of every spelling that normalizes to the same
    # string are added up (legacy ه for ە, Arabic kaf). They rank entries
    # and never create one.
    freq = collections.Counter()
    for word, count in wikifreq:
        freq[norm(word)] += count

    hun, uni, net = nonverb_pos(hunspell, unimorph, kurdnet, norm)
    # Lemmas Hunspell or UniMorph give a non-verb POS (KurdNet's noun
    # synsets are left out: they hold the verbal nouns of its verbs).
    nonverb = {w for w, tags in hun.items() if tags - {"VN"}} | set(uni)
    verbs, claimed = build_verbs(hunspell, klpt, unimorph, kurdnet, supplement,
                                 norm, kurdi, nonverb)
    words = build_words(klpt, norm, verbs, claimed, hun, uni, net)
    add_nominal_parts(words, verbs)
    # RULE W9: the words supplement adds function words no source lists; a
    # lemma a source already has keeps the source's POS and gains the tag.
    for lemma, upos in words_supplement:
        w = norm(lemma)
        pos, sources = words.get(w, (set(), set()))
        words[w] = ((pos - {"X"}) | {upos}, sources | {"supplement"})
        STATS["W9 words supplement row"] += 1

    os.makedirs(out, exist_ok=True)
    write_words(os.path.join(out, "words.tsv"), words, freq)
    write_verbs(os.path.join(out, "verbs.tsv"), verbs, freq)
    write_headwords(os.path.join(out, "headwords.tsv"),
                    build_headwords(headword_list, norm, words, verbs), freq)
    types = {norm(w) for w, _ in wikifreq} | {norm(w) for w in word_lists}
    types = {w for w in types if is_sorani_word(w)}
    write_guess_stems(os.path.join(out, "guess_stems.tsv"), build_guess_stems(types))
    inputs = [(rel, src[name], sha256_file(src[name])) for name, rel in INPUTS]
    inputs.append((SUPPLEMENT + "  (repository)", supplement_path,
                   sha256_file(supplement_path)))
    inputs.append((WORDS_SUPPLEMENT + "  (repository)", words_supplement_path,
                   sha256_file(words_supplement_path)))
    write_manifest(os.path.join(out, "MANIFEST"),
                   "data/lexicon: inputs and outputs of scripts/lexicon/build_lexicon.py",
                   inputs, SCRIPTS, kurdi, ["words.tsv", "verbs.tsv", "headwords.tsv", "guess_stems.tsv"])


INPUTS = (("hunspell", HUNSPELL), ("klpt", KLPT), ("unimorph", UNIMORPH),
          ("kurdnet", KURDNET), ("wikifreq", WIKIFREQ),
          ("hunspelltypes", HUNSPELL_TYPES), ("tesseract", TESSERACT),
          ("headwords", HEADWORDS))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kurdi", default="kurdi",
                    help="the kurdi program (default: kurdi on PATH)")
    ap.add_argument("--shared", default=DEFAULT_SHARED,
                    help="folder holding data/ (default: ../shared beside the checkout)")
    ap.add_argument("--out", default=os.path.join(REPO, "data", "lexicon"),
                    help="output folder (default: data/lexicon)")
    ap.add_argument("--stats", action="store_true", help="print rule counts on stderr")
    args = ap.parse_args()
    build(args.kurdi, args.shared, args.out)
    if args.stats:
        for key in sorted(STATS):
            sys.stderr.write("%7d  %s\n" % (STATS[key], key))


if __name__ == "__main__":
    main()
