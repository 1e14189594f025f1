#!/usr/bin/env python3
"""Known-item retrieval quality: kurdi, SQLite FTS5 unicode61 and Lucene's SoraniAnalyzer.

Issue 5, section 6: "Retrieval quality on a known-item set built from ../shared/data: sentences of
bench/ckb-clean.txt that contain a UniMorph train or dev form whose lemma differs from it; query =
the lemma OR another word of the sentence that is in at most 300 documents; MRR@10 and recall@10
for kurdi, for unicode61 and for Lucene's SoraniAnalyzer with BM25, computed by one script in one
run."

Everything (the set, the three systems, the metrics) is computed here in one run; see
eval/search/README.md for the method and the definitions. Python 3 standard library only, plus the
kurdi binary and a JDK with Lucene 8.7's jars.
"""

import argparse
import bisect
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

TOP = 10
norm_cache = {}           # word -> search-profile form, filled by main()
DOC_BYTES = 3000          # a document is cut at the first line boundary at or after this size
MAX_DF = 300              # W occurs in at most this many documents
MIN_LETTERS = 3           # W has at least this many letters
SYSTEMS = ("kurdi", "unicode61", "lucene")
VARIANTS = ("or", "lemma")   # "L OR W" (the measured query) and "L" alone (a diagnostic)

# ---------------------------------------------------------------------------------------------
# Words

def _char_class(pred):
    """A regex character class of the BMP code points for which pred holds."""
    ranges, start, prev = [], None, None
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        if pred(chr(cp)):
            if start is None:
                start = cp
            prev = cp
        elif start is not None:
            ranges.append((start, prev))
            start = None
    if start is not None:
        ranges.append((start, prev))
    return "".join(re.escape(chr(a)) if a == b else re.escape(chr(a)) + "-" + re.escape(chr(b))
                   for a, b in ranges)


# A word: a maximal run of letters (L*) and combining marks (M*), with ZWNJ / ZWJ inside it.
_WORD_CHARS = _char_class(lambda c: unicodedata.category(c)[0] in "LM" or c in "\u200c\u200d")
WORD_RE = re.compile("[" + _WORD_CHARS + "]+")
JOINERS = "\u200c\u200d"
ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
                 (0xFE70, 0xFEFF))


def words(text):
    """The words of text, in order, ZWNJ / ZWJ stripped from their edges."""
    out = []
    for m in WORD_RE.finditer(text):
        w = m.group().strip(JOINERS)
        if w:
            out.append(w)
    return out


def letters(word):
    return [c for c in word if unicodedata.category(c)[0] == "L"]


def is_arabic_script(word):
    """Every letter of word is in an Arabic-script block (and there is one)."""
    ls = letters(word)
    return bool(ls) and all(any(a <= ord(c) <= b for a, b in ARABIC_RANGES) for c in ls)


def single_word(text):
    """text when it is exactly one Arabic-script word, else None (lemmas like لە+ئەو are out)."""
    text = text.strip()
    ws = words(text)
    if len(ws) == 1 and ws[0] == text and is_arabic_script(text):
        return text
    return None

# ---------------------------------------------------------------------------------------------
# Metrics


def rank_of(known, ranked, top=TOP):
    """1-based rank of known among the first top ids of ranked, 0 when absent."""
    for i, doc in enumerate(ranked[:top]):
        if doc == known:
            return i + 1
    return 0


def metrics(known_by_query, ranked_by_query, top=TOP):
    """MRR@top, recall@top, query count and no-hit count over the queries of known_by_query."""
    n = len(known_by_query)
    rr = found = nohit = 0
    for q, known in known_by_query.items():
        ranked = ranked_by_query.get(q, [])
        if not ranked:
            nohit += 1
        r = rank_of(known, ranked, top)
        if r:
            rr += 1.0 / r
            found += 1
    return {"queries": n, "mrr": rr / n if n else 0.0, "recall": found / n if n else 0.0,
            "no_hits": nohit}


def split_documents(lines, doc_bytes=DOC_BYTES):
    """Consecutive lines into documents of about doc_bytes UTF-8 bytes, cut at line boundaries.

    Returns (docs, doc_of_line): docs is a list of (id, [line indexes]); a document ends with
    the first line that brings it to doc_bytes or more (line feeds count).
    """
    docs, doc_of_line, cur, size = [], [], [], 0
    for i, line in enumerate(lines):
        cur.append(i)
        doc_of_line.append(len(docs))
        size += len(line.encode("utf-8")) + 1
        if size >= doc_bytes:
            docs.append(cur)
            cur, size = [], 0
    if cur:
        docs.append(cur)
    return [("d%06d" % (k + 1), d) for k, d in enumerate(docs)], doc_of_line


def self_test():
    """Checks the metric arithmetic and the document split on hand-made examples."""
    known = {"q1": "b", "q2": "x", "q3": "x", "q4": "k", "q5": "z"}
    ranked = {
        "q1": ["a", "b", "c"],                 # rank 2: 1/2
        "q2": [],                              # no hit: 0
        "q3": ["x", "y"],                      # rank 1: 1
        "q4": list("abcdefghij") + ["k"],      # rank 11, beyond the cut: 0
        "q5": ["a", "b", "c", "z"],            # rank 4: 1/4
    }
    m = metrics(known, ranked)
    expect = {"queries": 5, "mrr": (0.5 + 0 + 1 + 0 + 0.25) / 5, "recall": 3 / 5, "no_hits": 1}
    checks = [
        ("metrics", m["queries"] == expect["queries"] and m["no_hits"] == expect["no_hits"]
         and abs(m["mrr"] - expect["mrr"]) < 1e-12 and abs(m["recall"] - expect["recall"]) < 1e-12),
        ("rank_of", [rank_of(known[q], ranked[q]) for q in sorted(known)] == [2, 0, 1, 0, 4]),
        ("empty", metrics({}, {}) == {"queries": 0, "mrr": 0.0, "recall": 0.0, "no_hits": 0}),
    ]
    docs, doc_of_line = split_documents(["a" * 1500, "b" * 1497, "c", "d" * 4000, "e"], 3000)
    checks.append(("split", [d for _, d in docs] == [[0, 1, 2], [3], [4]]
                   and doc_of_line == [0, 0, 0, 1, 2] and docs[0][0] == "d000001"))
    checks.append(("words", words("\u200cکوردی، ١٢ به\u200cغدا لە+ئەو") ==
                   ["کوردی", "به\u200cغدا", "لە", "ئەو"]))
    checks.append(("single_word", single_word("لە+ئەو") is None and single_word(" کوڕ ") == "کوڕ"
                   and single_word("abc") is None))
    ok = True
    for name, passed in checks:
        print("self-test %-12s %s" % (name, "ok" if passed else "FAILED"))
        ok &= passed
    print("self-test: metrics %s -> MRR@10 %.4f (expected %.4f), recall@10 %.2f (expected %.2f)"
          % ("on 5 queries", m["mrr"], expect["mrr"], m["recall"], expect["recall"]))
    return 0 if ok else 1

# ---------------------------------------------------------------------------------------------
# Inputs


def die(msg):
    print("known_item.py: " + msg, file=sys.stderr)
    sys.exit(3)


def read_unimorph(path):
    """(lemma, form, file name) per row."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").rstrip("\r").split("\t")
            if len(parts) >= 2:
                rows.append((parts[0], parts[1], Path(path).name))
    return rows


def normalize_words(kurdi, vocab):
    """{word: its search-profile form}, by one run of `kurdi normalize --profile search`."""
    vocab = sorted(vocab)
    for w in vocab:
        if "\n" in w or "\r" in w:
            die("a word holds a line break")
    text = "".join(w + "\n" for w in vocab)
    p = subprocess.run([kurdi, "normalize", "--profile", "search"], input=text.encode("utf-8"),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        die("kurdi normalize failed (%d): %s" % (p.returncode, p.stderr.decode(errors="replace")))
    out = p.stdout.decode("utf-8").split("\n")
    if out and out[-1] == "":
        out.pop()
    if len(out) != len(vocab):
        die("kurdi normalize returned %d lines for %d words" % (len(out), len(vocab)))
    return dict(zip(vocab, out))

# ---------------------------------------------------------------------------------------------
# The known-item set


def build_set(lines, docs, doc_of_line, unimorph_rows, norm, limit, seed):
    """Returns (items, stats). An item: dict(qid, form, lemma, w, df_w, line, doc)."""
    line_words = [words(l) for l in lines]
    # Document frequency of each normalized word.
    doc_sets = []
    for _, idx in docs:
        s = set()
        for i in idx:
            s.update(norm[w] for w in line_words[i])
        doc_sets.append(s)
    df = {}
    for s in doc_sets:
        for w in s:
            df[w] = df.get(w, 0) + 1
    # Lines holding each normalized word.
    lines_of = {}
    for i, ws in enumerate(line_words):
        for w in set(norm[x] for x in ws):
            lines_of.setdefault(w, []).append(i)

    # UniMorph forms whose lemma differs (compared normalized); the first lemma of a form wins.
    lemma_of, form_spelling, form_source = {}, {}, {}
    skipped_multiword = skipped_same = ambiguous = 0
    for lemma, form, source in unimorph_rows:
        l, f = single_word(lemma), single_word(form)
        if l is None or f is None:
            skipped_multiword += 1
            continue
        if norm[l] == norm[f]:
            skipped_same += 1
            continue
        key = norm[f]
        if key in lemma_of:
            if norm[lemma_of[key]] != norm[l]:
                ambiguous += 1
            continue
        lemma_of[key], form_spelling[key], form_source[key] = l, f, source

    rng = random.Random(seed)
    candidates = []
    forms_in_corpus = 0
    for key in sorted(lemma_of):
        lemma = lemma_of[key]
        usable = []
        for i in lines_of.get(key, []):
            ws, seen = [], set()
            for w in line_words[i]:
                nw = norm[w]
                if (nw in seen or nw == key or nw == norm[lemma] or len(letters(w)) < MIN_LETTERS
                        or not is_arabic_script(w) or not 1 <= df.get(nw, 0) <= MAX_DF):
                    continue
                seen.add(nw)
                ws.append(w)
            if ws:
                usable.append((i, ws))
        if lines_of.get(key):
            forms_in_corpus += 1
        if not usable:
            continue
        i, ws = rng.choice(usable)
        w = rng.choice(ws)
        # Rivals: other documents holding W and the form or the lemma, all as written (normalized).
        # Any system that relates the two should rank them with the known document.
        known_doc = doc_of_line[i]
        rivals = sum(1 for k, s in enumerate(doc_sets)
                     if k != known_doc and norm[w] in s and (key in s or norm[lemma] in s))
        candidates.append({"form": form_spelling[key], "lemma": lemma, "w": w, "df_w": df[norm[w]],
                           "df_form": df.get(key, 0), "rivals": rivals, "line": i + 1,
                           "source": form_source[key],
                           "doc": docs[known_doc][0]})
    items = candidates if len(candidates) <= limit else rng.sample(candidates, limit)
    items.sort(key=lambda it: it["line"])
    rivals = {"0": 0, "1-9": 0, ">=10": 0}
    for it in items:
        rivals["0" if it["rivals"] == 0 else "1-9" if it["rivals"] < 10 else ">=10"] += 1
    for k, it in enumerate(items):
        it["qid"] = "q%04d" % (k + 1)
    stats = {"unimorph_rows": len(unimorph_rows), "rows_not_one_word": skipped_multiword,
             "rows_lemma_equals_form": skipped_same, "forms_with_other_lemmas_dropped": ambiguous,
             "forms": len(lemma_of), "forms_in_corpus": forms_in_corpus,
             "forms_with_usable_sentence": len(candidates), "items": len(items),
             "items_by_rivals": rivals}
    return items, stats

# ---------------------------------------------------------------------------------------------
# Systems: each returns {(qid, variant): [doc ids, best first]}


def query_words(item, variant):
    return [item["lemma"], item["w"]] if variant == "or" else [item["lemma"]]


def run_kurdi(kurdi, work, docs_jsonl, items, log):
    archive = work / "kurdi-archive.db"
    for p in work.glob("kurdi-archive.db*"):
        p.unlink()
    t = time.time()
    p = subprocess.run([kurdi, "index", str(archive), str(docs_jsonl)], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        die("kurdi index failed (%d): %s" % (p.returncode, p.stderr.decode(errors="replace")))
    log["kurdi_index_seconds"] = round(time.time() - t, 2)
    out, errors = {}, 0
    t = time.time()
    for it in items:
        for v in VARIANTS:
            q = " OR ".join(query_words(it, v))
            p = subprocess.run([kurdi, "search", str(archive), q, "--json", "--limit", str(TOP)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if p.returncode != 0:
                errors += 1
                if errors <= 3:
                    print("kurdi search %r failed (%d): %s" % (q, p.returncode,
                          p.stderr.decode(errors="replace").strip()), file=sys.stderr)
                out[(it["qid"], v)] = []
                continue
            out[(it["qid"], v)] = [json.loads(l)["id"] for l in p.stdout.decode("utf-8").splitlines()
                                   if l.strip()]
    log["kurdi_search_seconds"] = round(time.time() - t, 2)
    log["kurdi_search_errors"] = errors
    if errors == 2 * len(items) and items:
        die("every kurdi search failed")
    return out


def run_unicode61(doc_texts, items, log):
    t = time.time()
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE d USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    ids = []
    for rowid, (doc_id, body) in enumerate(doc_texts, 1):
        db.execute("INSERT INTO d(rowid, body) VALUES (?, ?)", (rowid, body))
        ids.append(doc_id)
    db.commit()
    out = {}
    for it in items:
        for v in VARIANTS:
            q = " OR ".join('"%s"' % w.replace('"', '""') for w in query_words(it, v))
            rows = db.execute("SELECT rowid FROM d WHERE d MATCH ? ORDER BY bm25(d), rowid LIMIT ?",
                              (q, TOP)).fetchall()
            out[(it["qid"], v)] = [ids[r[0] - 1] for r in rows]
    log["unicode61_seconds"] = round(time.time() - t, 2)
    log["sqlite_version"] = sqlite3.sqlite_version
    return out


def lucene_jars(jar_dir):
    names = ["lucene-core-8.7.0.jar", "lucene-analyzers-common-8.7.0.jar",
             "lucene-queryparser-8.7.0.jar"]
    jars = [Path(jar_dir) / n for n in names]
    missing = [str(j) for j in jars if not j.is_file()]
    if missing:
        die("Lucene jars missing: %s (apt-get install liblucene8-java)" % ", ".join(missing))
    return jars


def run_lucene(jar_dir, work, doc_texts, items, log, related):
    jars = lucene_jars(jar_dir)
    for tool in ("javac", "java"):
        if shutil.which(tool) is None:
            die("%s not found (apt-get install default-jdk-headless)" % tool)
    t = time.time()
    classes = work / "lucene-classes"
    classes.mkdir(exist_ok=True)
    cp = os.pathsep.join(str(j) for j in jars)
    p = subprocess.run(["javac", "-encoding", "UTF-8", "-d", str(classes), "-cp", cp,
                        str(HERE / "LuceneKnownItem.java")], stderr=subprocess.PIPE)
    if p.returncode != 0:
        die("javac failed: " + p.stderr.decode(errors="replace"))
    docs_tsv, queries_tsv, out_tsv = work / "lucene-docs.tsv", work / "lucene-queries.tsv", \
        work / "lucene-out.tsv"
    with open(docs_tsv, "w", encoding="utf-8") as f:
        for doc_id, body in doc_texts:
            f.write(doc_id + "\t" + re.sub(r"[\t\r\n]", " ", body) + "\n")
    with open(queries_tsv, "w", encoding="utf-8") as f:
        for it in items:
            for v in VARIANTS:
                f.write("\t".join([it["qid"] + ":" + v] + query_words(it, v)) + "\n")
    words_txt, terms_txt = work / "lucene-words.txt", work / "lucene-terms.txt"
    with open(words_txt, "w", encoding="utf-8") as f:
        for it in items:
            f.write(it["form"] + "\n" + it["lemma"] + "\n")
    p = subprocess.run(["java", "-cp", cp + os.pathsep + str(classes), "LuceneKnownItem",
                        str(docs_tsv), str(queries_tsv), str(out_tsv), str(words_txt),
                        str(terms_txt)], stderr=subprocess.PIPE)
    sys.stderr.write(p.stderr.decode(errors="replace"))
    if p.returncode != 0:
        die("the Lucene run failed (%d)" % p.returncode)
    out = {}
    with open(out_tsv, encoding="utf-8") as f:
        for line in f:
            key, _, ids = line.rstrip("\n").partition("\t")
            qid, _, v = key.partition(":")
            out[(qid, v)] = ids.split(",") if ids else []
    terms = terms_txt.read_text(encoding="utf-8").split("\n")
    for k, it in enumerate(items):
        related["lucene"][it["qid"]] = bool(set(terms[2 * k].split()) & set(terms[2 * k + 1].split()))
    log["lucene_seconds"] = round(time.time() - t, 2)
    return out


def kurdi_related(kurdi, items, related):
    """Whether kurdi indexes the form and the lemma under a common term: the normalized word or one
    of its stems (`kurdi stem`, one word a line)."""
    text = "".join(it["form"] + "\n" + it["lemma"] + "\n" for it in items)
    p = subprocess.run([kurdi, "stem"], input=text.encode("utf-8"), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        die("kurdi stem failed (%d): %s" % (p.returncode, p.stderr.decode(errors="replace")))
    out = p.stdout.decode("utf-8").split("\n")
    if len(out) < 2 * len(items):
        die("kurdi stem returned %d lines for %d words" % (len(out), 2 * len(items)))
    for k, it in enumerate(items):
        terms = [set(out[2 * k + j].replace("|", " ").split()) for j in (0, 1)]
        for j, w in enumerate((it["form"], it["lemma"])):
            terms[j].add(norm_cache[w])
        related["kurdi"][it["qid"]] = bool(terms[0] & terms[1])

# ---------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kurdi", default=str(REPO / "build-eval" / "apps" / "cli" / "kurdi"),
                    help="the kurdi binary (default: build-eval/apps/cli/kurdi)")
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data"),
                    help="the shared data directory (default: ../shared/data)")
    ap.add_argument("--out", default=str(REPO / "build-eval" / "known-item"),
                    help="results directory (default: build-eval/known-item)")
    ap.add_argument("--limit", type=int, default=1000, help="at most this many known items")
    ap.add_argument("--seed", type=int, default=5, help="random seed of the sampling (default 5)")
    ap.add_argument("--lucene-jars", default="/usr/share/java",
                    help="directory of the Lucene 8.7.0 jars (default /usr/share/java)")
    ap.add_argument("--systems", default=",".join(SYSTEMS),
                    help="comma-separated subset of %s (default: all)" % ",".join(SYSTEMS))
    ap.add_argument("--self-test", action="store_true",
                    help="check the metric arithmetic on a hand-made example and exit")
    args = ap.parse_args()
    if args.self_test:
        return self_test()

    systems = [s for s in args.systems.split(",") if s]
    for s in systems:
        if s not in SYSTEMS:
            ap.error("unknown system %r" % s)
    data = Path(args.data)
    corpus = data / "bench" / "ckb-clean.txt"
    unimorph = [data / "unimorph-ckb" / "ckb-arab.train", data / "unimorph-ckb" / "ckb-arab.dev"]
    for p in [corpus] + unimorph:
        if not p.is_file():
            die("data file missing: %s (give --data DIR, the shared data directory)" % p)
    kurdi = args.kurdi
    if not (os.path.isfile(kurdi) and os.access(kurdi, os.X_OK)):
        die("kurdi binary missing: %s (build it, or give --kurdi PATH)" % kurdi)
    if "lucene" in systems:
        lucene_jars(args.lucene_jars)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    log = {}
    t0 = time.time()

    text = corpus.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    docs, doc_of_line = split_documents(lines)
    doc_texts = [(doc_id, "\n".join(lines[i] for i in idx)) for doc_id, idx in docs]
    rows = []
    for p in unimorph:
        rows += read_unimorph(p)
    vocab = set()
    for l in lines:
        vocab.update(words(l))
    for lemma, form, _ in rows:
        for x in (lemma, form):
            w = single_word(x)
            if w:
                vocab.add(w)
    norm = normalize_words(kurdi, vocab)
    items, set_stats = build_set(lines, docs, doc_of_line, rows, norm, args.limit, args.seed)
    set_stats.update({"lines": len(lines), "documents": len(docs), "distinct_words": len(vocab)})
    if not items:
        die("no known item could be built")

    with open(out_dir / "known_items.tsv", "w", encoding="utf-8") as f:
        f.write("qid\tquery\tdoc\tform\tlemma\tw\tdf_w\tdf_form\trivals\tline\tsource\n")
        for it in items:
            f.write("\t".join([it["qid"], it["lemma"] + " OR " + it["w"], it["doc"], it["form"],
                               it["lemma"], it["w"], str(it["df_w"]), str(it["df_form"]),
                               str(it["rivals"]), str(it["line"]), it["source"]]) + "\n")
    docs_jsonl = out_dir / "docs.jsonl"
    with open(docs_jsonl, "w", encoding="utf-8") as f:
        for doc_id, body in doc_texts:
            f.write(json.dumps({"id": doc_id, "title": "", "body": body}, ensure_ascii=False) + "\n")

    # Does the system index the form and the lemma under a common term? (unicode61: never, the two
    # differ in their letters.)
    related = {"kurdi": {}, "lucene": {}, "unicode61": {it["qid"]: False for it in items}}
    norm_cache.update(norm)
    if "kurdi" in systems:
        kurdi_related(kurdi, items, related)
    ranked = {}
    with tempfile.TemporaryDirectory(prefix="known-item-") as tmp:
        work = Path(tmp)
        for s in systems:
            if s == "kurdi":
                ranked[s] = run_kurdi(kurdi, work, docs_jsonl, items, log)
            elif s == "unicode61":
                ranked[s] = run_unicode61(doc_texts, items, log)
            else:
                ranked[s] = run_lucene(args.lucene_jars, work, doc_texts, items, log, related)

    known = {it["qid"]: it["doc"] for it in items}
    results = {}
    for s in systems:
        for v in VARIANTS:
            results["%s/%s" % (s, v)] = metrics(known, {q: ranked[s].get((q, v), []) for q in known})

    # Breakdowns of the measured query (L OR W): by rivals, and system against system per query.
    def rr(s, it):
        r = rank_of(it["doc"], ranked[s].get((it["qid"], "or"), []))
        return 1.0 / r if r else 0.0
    buckets = (("0", lambda n: n == 0), ("1-9", lambda n: 0 < n < 10), (">=10", lambda n: n >= 10))
    by_rivals = {}
    for s in systems:
        for name, pred in buckets:
            sub = [it for it in items if pred(it["rivals"])]
            by_rivals["%s/%s" % (s, name)] = metrics(
                {it["qid"]: it["doc"] for it in sub},
                {it["qid"]: ranked[s].get((it["qid"], "or"), []) for it in sub})
    sources = sorted(set(it["source"] for it in items))
    by_source = {}
    for s in systems:
        for src in sources:
            sub = [it for it in items if it["source"] == src]
            by_source["%s/%s" % (s, src)] = metrics(
                {it["qid"]: it["doc"] for it in sub},
                {it["qid"]: ranked[s].get((it["qid"], "or"), []) for it in sub})
    pairs = {}
    for a in systems:
        for b in systems:
            if a < b:
                pairs["%s vs %s" % (a, b)] = {
                    "%s better" % a: sum(1 for it in items if rr(a, it) > rr(b, it)),
                    "%s better" % b: sum(1 for it in items if rr(a, it) < rr(b, it)),
                    "equal": sum(1 for it in items if rr(a, it) == rr(b, it))}

    # The measured query on the items whose form and lemma the system relates.
    rel_stats = {}
    for s in systems:
        rel = [it for it in items if related[s].get(it["qid"])]
        rel_stats[s] = {"items_related": len(rel), "or_on_related": metrics(
            {it["qid"]: it["doc"] for it in rel},
            {it["qid"]: ranked[s].get((it["qid"], "or"), []) for it in rel})}

    # The same on the items that every system with a stemmer relates (kurdi and Lucene).
    stemmers = [s for s in systems if s != "unicode61"]
    both = [it for it in items if all(related[s].get(it["qid"]) for s in stemmers)]
    rel_stats["items_related_by_%s" % "_and_".join(stemmers)] = {
        s: metrics({it["qid"]: it["doc"] for it in both},
                   {it["qid"]: ranked[s].get((it["qid"], "or"), []) for it in both})
        for s in stemmers}

    with open(out_dir / "ranks.tsv", "w", encoding="utf-8") as f:
        cols = ["%s_%s" % (s, v) for v in VARIANTS for s in systems]
        f.write("\t".join(["qid", "doc", "form", "lemma", "w", "df_w", "rivals"]
                          + ["rank_" + c for c in cols] + ["top3_" + c for c in cols]
                          + ["related_" + s for s in systems]) + "\n")
        for it in items:
            keys = [(s, v) for v in VARIANTS for s in systems]
            f.write("\t".join([it["qid"], it["doc"], it["form"], it["lemma"], it["w"],
                               str(it["df_w"]), str(it["rivals"])]
                              + [str(rank_of(it["doc"], ranked[s].get((it["qid"], v), [])))
                                 for s, v in keys]
                              + [",".join(ranked[s].get((it["qid"], v), [])[:3]) for s, v in keys]
                              + ["1" if related[s].get(it["qid"]) else "0" for s in systems])
                    + "\n")

    version = subprocess.run([kurdi, "--version"], stdout=subprocess.PIPE).stdout.decode().strip()
    log["total_seconds"] = round(time.time() - t0, 1)
    report = {"command": " ".join([Path(sys.argv[0]).name] + sys.argv[1:]), "seed": args.seed,
              "limit": args.limit, "top": TOP, "doc_bytes": DOC_BYTES, "max_df": MAX_DF,
              "kurdi_version": version, "set": set_stats, "results": results,
              "results_or_by_rivals": by_rivals,
              "results_or_by_unimorph_file": by_source, "per_query_comparison_or": pairs,
              "form_lemma_related": rel_stats, "log": log}
    (out_dir / "results.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                                          encoding="utf-8")

    print("documents: %d (about %d bytes each, from %d lines of %s)"
          % (len(docs), DOC_BYTES, len(lines), corpus.name))
    print("known items: %d (UniMorph forms with another lemma: %d, in the corpus: %d, "
          "with a usable sentence: %d; seed %d)" % (len(items), set_stats["forms"],
          set_stats["forms_in_corpus"], set_stats["forms_with_usable_sentence"], args.seed))
    print("rivals (other documents holding W and the form or the lemma as written): "
          "none for %(0)d items, 1-9 for %(1-9)d, 10 or more for %(>=10)d" % set_stats["items_by_rivals"])
    print()
    print("%-34s %8s %10s %8s %8s" % ("system (query)", "MRR@10", "recall@10", "queries", "no hit"))
    for v, label in (("or", "L OR W"), ("lemma", "L alone, diagnostic")):
        for s in systems:
            m = results["%s/%s" % (s, v)]
            print("%-34s %8.3f %10.3f %8d %8d" % ("%s (%s)" % (s, label), m["mrr"], m["recall"],
                                                  m["queries"], m["no_hits"]))
    print()
    print("MRR@10 of L OR W by rivals (queries in brackets):")
    print("%-12s" % "" + "".join("%16s" % ("%s (%d)" % (name, by_rivals["%s/%s" % (systems[0], name)]
                                                          ["queries"])) for name, _ in buckets))
    for s in systems:
        print("%-12s" % s + "".join("%16.3f" % by_rivals["%s/%s" % (s, name)]["mrr"]
                                    for name, _ in buckets))
    print()
    print("MRR@10 of L OR W by the UniMorph file of the form (queries in brackets):")
    print("%-12s" % "" + "".join("%22s" % ("%s (%d)" % (src, by_source["%s/%s" % (systems[0], src)]
                                                          ["queries"])) for src in sources))
    for s in systems:
        print("%-12s" % s + "".join("%22.3f" % by_source["%s/%s" % (s, src)]["mrr"]
                                    for src in sources))
    print()
    for k, v in pairs.items():
        print("per query (reciprocal rank, L OR W), %s: %s" % (k, ", ".join(
            "%s %d" % (a, n) for a, n in v.items())))
    print()
    for s in systems:
        m = rel_stats[s]["or_on_related"]
        print("%-10s indexes the form and the lemma under a common term for %d of %d items; "
              "on those, L OR W: MRR@10 %.3f, recall@10 %.3f" % (s, m["queries"], len(items),
                                                               m["mrr"], m["recall"]))
    if len(stemmers) > 1:
        print("on the %d items that %s relate, L OR W: %s" % (len(both), " and ".join(stemmers),
              "; ".join("%s MRR@10 %.3f, recall@10 %.3f" % (s, m["mrr"], m["recall"]) for s, m in
                        rel_stats["items_related_by_%s" % "_and_".join(stemmers)].items())))
    print()
    print("kurdi: %s" % version.replace("\n", "; "))
    print("wrote %s, %s, %s" % (out_dir / "known_items.tsv", out_dir / "ranks.tsv",
                               out_dir / "results.json"))
    print("seconds: %s" % json.dumps(log))
    return 0


if __name__ == "__main__":
    sys.exit(main())
