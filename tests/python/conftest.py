"""Shared fixtures of the Python suite (tests/python, docs/python.md).

Run by ctest as `python.pytest` with the interpreter the module was built for,
PYTHONPATH=build/python and KURDI=the kurdi program of the same build. Run by
hand from the repository: PYTHONPATH=build/python /usr/bin/python3 -m pytest tests/python
"""

import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(os.environ.get("KURDI_SOURCE_DIR") or pathlib.Path(__file__).resolve().parents[2])
BUILD_PYTHON = ROOT / "build" / "python"
if not os.environ.get("PYTHONPATH") and (BUILD_PYTHON / "kurdi").is_dir():
    sys.path.insert(0, str(BUILD_PYTHON))

import kurdi  # noqa: E402


def cli_path():
    for candidate in (os.environ.get("KURDI"), ROOT / "build" / "apps" / "cli" / "kurdi", shutil.which("kurdi")):
        if candidate and os.access(str(candidate), os.X_OK):
            return str(candidate)
    return None


@pytest.fixture(scope="session")
def cli():
    """Runs the kurdi program: cli(args, stdin_text) -> stdout text."""
    path = cli_path()
    if path is None:
        pytest.skip("the kurdi program was not found (set KURDI=path/to/kurdi)")

    def run(args, text=""):
        proc = subprocess.run([path, *args], input=text.encode("utf-8"), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, check=False)
        assert proc.returncode == 0, f"kurdi {' '.join(args)} exited {proc.returncode}: {proc.stderr.decode()}"
        return proc.stdout.decode("utf-8")

    run.path = path
    return run


def unescape_vector(field):
    """The \\uXXXX escapes of tests/golden/vectors/*.tsv."""
    return re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), field)


def sample_lines(include_lid=True):
    """Real Sorani lines from the bundled samples, plus the reference vectors'
    inputs and a few hand-made hard cases (Arabic letters, tatweel, harakat,
    ZWNJ, presentation forms, digits, URLs, emoji, Latin)."""
    files = sorted((ROOT / "samples" / "seeds").glob("*.txt")) + sorted((ROOT / "samples" / "flores200").glob("*.txt"))
    if include_lid:
        files += sorted((ROOT / "samples" / "kurdish-lid").glob("*.txt"))
    lines = []
    for f in files:
        lines += f.read_text(encoding="utf-8").split("\n")
    for tsv in sorted((ROOT / "tests" / "golden" / "vectors").glob("*.tsv")):
        rows = tsv.read_text(encoding="utf-8").split("\n")[1:]
        for row in rows:
            for field in row.split("\t"):
                value = unescape_vector(field)
                if "\n" not in value and "\r" not in value:
                    lines.append(value)
    lines += [
        "هێزێكی كوردستان ي ى ة ـــ سڵاو",
        "ره‌نگه‌كاني خاك، گەوره",
        "ﻛﻮﺭﺩﺳﺘﺎﻥ ﻻ",
        "دەقَى شِعرى",
        "٢٦/٧/٢٠٢١ ١٠:٣٠ ٣٫٥٪ 40%ی ١٩٩٩دا",
        "https://example.org/a?b=c name@example.org #کوردستان @user",
        "👍🏽 👨‍👩‍👧 🇮🇶 1️⃣",
        "Silêmanî û Hewlêr ÇAVKANÎ",
        "«بەرپرسەکانی» (میلیشیاکاندا) هێزەکانی؛ چی؟",
        "",
        "   ",
    ]
    return lines


def json_lines(text):
    return [json.loads(line) for line in text.split("\n") if line]
