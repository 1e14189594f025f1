#!/usr/bin/env python3
"""Copies the reference normalization vectors of other Sorani tools from
../shared/data into tests/golden/vectors, so that the tests run from the
repository alone. Run from anywhere:

    python3 tests/golden/vectors/extract_vectors.py [SHARED_DATA_DIR]

Output format (every *.tsv here except lucene_normaliser_vectors.tsv, which
is copied verbatim): a header line, then `id<TAB>input<TAB>expected`. Fields
are escaped: \\\\ \\t \\n \\r, and \\uXXXX for invisible or combining
characters (format characters, non-ASCII spaces, Arabic marks) so that a
reviewer can see them.
"""
import json
import pathlib
import shutil
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parents[3] / "shared" / "data"


def escape(s: str) -> str:
    out = []
    for ch in s:
        cat = unicodedata.category(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif cat in ("Cf", "Cc", "Mn", "Me", "Zs", "Zl", "Zp") and ch != " ":
            out.append("\\u%04X" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def write_tsv(path: pathlib.Path, rows, source_note: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write("id\tinput\texpected\n")
        for rid, inp, exp in rows:
            f.write(f"{rid}\t{escape(inp)}\t{escape(exp)}\n")
    print(f"wrote {path.name}: {len(rows)} vectors ({source_note})")


def main() -> int:
    shared = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SHARED
    # Lucene / bleve (Apache-2.0): copied verbatim.
    lucene = shared / "lucene-sorani-reference"
    shutil.copyfile(lucene / "normaliser_vectors.tsv", HERE / "lucene_normaliser_vectors.tsv")
    shutil.copyfile(lucene / "LICENSE-Apache-2.0.txt", HERE / "LICENSE-lucene-Apache-2.0.txt")
    print("copied lucene_normaliser_vectors.tsv")

    # KLPT (CC BY-SA 4.0): normalizer and standardizer, Sorani, Arabic script.
    klpt = shared / "klpt-data"
    cases = json.loads((klpt / "test_cases.json").read_text(encoding="utf-8"))
    for section in ("normalizer", "standardizer"):
        table = cases[section]["Sorani"]["Arabic"]
        rows = [(f"klpt-{section}:{i}", k, v) for i, (k, v) in enumerate(table.items(), 1)]
        write_tsv(HERE / f"klpt_{section}.tsv", rows, "CC BY-SA 4.0")
    shutil.copyfile(klpt / "LICENSE", HERE / "LICENSE-klpt-CC-BY-SA-4.0.txt")

    # AsoSoft (MIT): the Normalize row of the library's own tests.
    aso = shared / "asosoft-library-vectors"
    rows = []
    for line in (aso / "test_vectors.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if parts[0] == "Normalize":
            rows.append((f"asosoft-normalize:{len(rows) + 1}", parts[1], parts[2]))
    write_tsv(HERE / "asosoft_normalize.tsv", rows, "MIT")
    shutil.copyfile(aso / "LICENSE", HERE / "LICENSE-asosoft-MIT.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
