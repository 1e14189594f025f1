"""Helpers shared by build_lexicon.py and build_stopwords.py.

Both scripts turn upstream word lists (in ../shared/data) into the reviewed
text files under data/, and both must be reproducible: the same inputs, the
same script and the same normalizer give byte-identical output. This module
holds what that needs: one batched call to `kurdi normalize`, the Sorani
letter inventory, SHA-256 helpers, and the MANIFEST writer.

Python 3 standard library only (Debian 12's python3).
"""

import hashlib
import os
import subprocess
import sys

# The repository root: scripts/lexicon/ is two levels below it.
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# ../shared beside the checkout, where the development data lives.
DEFAULT_SHARED = os.path.join(os.path.dirname(REPO), "shared")

ZWNJ = "\u200c"

# The letters of the Sorani alphabet as they stand after kurdi's standard
# normalization (Arabic kaf, yeh, teh marbuta and heh doachashmee have been
# mapped to their Kurdish counterparts by then). Letters that only occur in
# Arabic spellings (ص ط ض ظ ث ذ ة ء أ إ آ) are deliberately absent: standard
# Sorani spells those sounds with س ت ز ز س ز ە ئ ئ ئ ئا, so a word that
# still holds one after normalization is an Arabic or Persian spelling, not a
# Sorani lemma.
SORANI_LETTERS = frozenset(
    "ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ")


def is_sorani_word(word):
    """True when `word` is Sorani letters only, with ZWNJ allowed between
    two letters (never first, last or doubled)."""
    if not word or word[0] == ZWNJ or word[-1] == ZWNJ or ZWNJ + ZWNJ in word:
        return False
    return all(ch in SORANI_LETTERS or ch == ZWNJ for ch in word)


def sha256_bytes(data):
    return hashlib.sha256(data).hexdigest()


def sha256_file(path):
    with open(path, "rb") as f:
        return sha256_bytes(f.read())


# Every (string, normalized string) pair any Normalizer produced in this run.
_NORMALIZED = {}


def normalizer_fingerprint():
    """SHA-256 of what the normalizer did to the strings of this build.

    The lexicon's bytes depend on the normalizer only through the forms it
    gave these strings, so the fingerprint hashes exactly that: one
    "<input>TAB<output>" line per string, sorted in byte order. It changes
    when the normalizer's behaviour on the lexicon changes (and a rebuild is
    due), and not when its code changes in ways the lexicon does not see
    (a faster scanner, a rule for other characters), which would otherwise
    fail the reproducibility check on every unrelated commit.
    """
    lines = sorted("%s\t%s\n" % pair for pair in _NORMALIZED.items())
    lines.sort(key=lambda line: line.encode("utf-8"))
    return sha256_bytes("".join(lines).encode("utf-8"))


def kurdi_version(kurdi):
    """First line of `kurdi --version` ("kurdi 0.1.0"). The second line, the
    analyzer version, hashes the compiled word lists and so would make the
    MANIFEST depend on the lexicon itself; it is left out on purpose."""
    out = subprocess.run([kurdi, "--version"], check=True,
                         stdout=subprocess.PIPE).stdout.decode("utf-8")
    return out.splitlines()[0].strip()


class Normalizer:
    """Normalizes strings with kurdi's standard profile.

    Everything is collected first and sent through ONE `kurdi normalize`
    process (one string per line): starting a process per word would make a
    rebuild take minutes instead of about a second. Results are cached, so
    later batches only send strings not seen before.
    """

    def __init__(self, kurdi):
        self.kurdi = kurdi
        self.cache = {}
        self.calls = 0

    def run(self, strings):
        todo = sorted({s for s in strings if s not in self.cache})
        if not todo:
            return
        for s in todo:
            # One line per string: a line break inside would shift every
            # following result onto the wrong input.
            if "\n" in s or "\r" in s:
                raise ValueError("string with a line break: %r" % s)
        data = ("\n".join(todo) + "\n").encode("utf-8")
        proc = subprocess.run([self.kurdi, "normalize", "--strict"], input=data,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.calls += 1
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
            raise RuntimeError("%s normalize failed (exit %d)" %
                               (self.kurdi, proc.returncode))
        out = proc.stdout.decode("utf-8").split("\n")
        if out[-1] != "" or len(out) - 1 != len(todo):
            raise RuntimeError("kurdi normalize returned %d lines for %d inputs"
                               % (len(out) - 1, len(todo)))
        self.cache.update(zip(todo, out[:-1]))
        _NORMALIZED.update(zip(todo, out[:-1]))

    def __call__(self, s):
        return self.cache[s]


def write_lines(path, lines):
    """Writes UTF-8 text with LF line ends, each line terminated."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line)
            f.write("\n")
    os.replace(tmp, path)


def count_rows(path):
    """Data rows of a generated file: lines that are neither blank nor
    comments."""
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                n += 1
    return n


def write_manifest(path, title, inputs, scripts, kurdi, outputs):
    """Writes a MANIFEST: what went in (path and SHA-256), which scripts and
    normalizer made it, and what came out (row counts).

    inputs: list of (label, absolute path or None, sha256) where label is the
    path as it should be printed; scripts: repository paths; outputs:
    file names beside the MANIFEST.
    """
    out_dir = os.path.dirname(path)
    lines = [
        "# %s" % title,
        "# Written by the scripts named below; do not edit. A rerun with the",
        "# same inputs, scripts and normalizer reproduces every file byte for",
        "# byte (tests/lexicon checks this when ../shared/data is present).",
        "",
        "[inputs]  # sha256  path (data paths relative to ../shared)",
    ]
    for label, _, digest in inputs:
        lines.append("%s  %s" % (digest, label))
    lines.append("")
    lines.append("[scripts]  # sha256  path (relative to the repository)")
    for rel in scripts:
        lines.append("%s  %s" % (sha256_file(os.path.join(REPO, rel)), rel))
    lines.append("")
    lines.append("[normalizer]")
    lines.append("kurdi-version  %s" % kurdi_version(kurdi))
    lines.append("fingerprint  %s  # sha256 of the sorted input<TAB>output "
                 "pairs it normalized" % normalizer_fingerprint())
    lines.append("")
    lines.append("[outputs]  # data rows (lines that are not blank or comments)")
    for name in outputs:
        lines.append("%s  %d" % (name, count_rows(os.path.join(out_dir, name))))
    write_lines(path, lines)
