#!/usr/bin/env bash
# The documented offline install (docs/python.md): in a venv made with Debian's
# python3 (--system-site-packages), `pip install --no-build-isolation .` and
# `pip wheel --no-build-isolation .` with no package index, then the installed
# module is imported from outside the source tree and checked against the
# kurdi program (the same analyzer version: the pip build compiled the same
# data). Environment: KURDI (the kurdi program), KURDI_SOURCE_DIR, PYTHON
# (default /usr/bin/python3), KURDI_PIP_BUILD_DIR (passed to the backend).
set -euo pipefail
root=${KURDI_SOURCE_DIR:?}
kurdi=${KURDI:?}
python=${PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "pip_install_test: FAIL: $*" >&2; exit 1; }

"$python" -m venv --system-site-packages "$work/venv"
pip=("$work/venv/bin/pip" --disable-pip-version-check --no-input --no-cache-dir)
export PIP_NO_INDEX=1   # offline: never ask a package index

"${pip[@]}" install --no-build-isolation "$root" >"$work/install.log" 2>&1 \
  || { tail -n 40 "$work/install.log"; fail "pip install"; }
cd "$work"
"$work/venv/bin/python" - "$kurdi" "$work/venv" <<'PY' || fail "the installed module"
import subprocess, sys
import kurdi
kurdi_cli, venv = sys.argv[1], sys.argv[2]
assert kurdi.__file__.startswith(venv), kurdi.__file__
version = subprocess.run([kurdi_cli, "--version"], capture_output=True, text=True, check=True).stdout
assert kurdi.analyzer_version in version, (kurdi.analyzer_version, version)
line = "هێزێكی ٢٠٤ بەرپرسەکانی"
cli = subprocess.run([kurdi_cli, "normalize"], input=line, capture_output=True, text=True, check=True).stdout
assert kurdi.normalize(line) == cli, (kurdi.normalize(line), cli)
assert kurdi.lemma("بەرپرسەکانی") == "بەرپرس"
print("installed:", kurdi.__file__, kurdi.analyzer_version)
PY
"${pip[@]}" show kurdi >"$work/show.txt" && grep '^Version: ' "$work/show.txt" || fail "pip show kurdi"

"${pip[@]}" wheel --no-build-isolation --no-deps -w "$work/wheels" "$root" >"$work/wheel.log" 2>&1 \
  || { tail -n 40 "$work/wheel.log"; fail "pip wheel"; }
wheel=$(ls "$work"/wheels/kurdi-*.whl) || fail "no wheel written"
"$python" - "$wheel" <<'PY' || fail "wheel contents"
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
need = ["kurdi/__init__.py", "kurdi/_kurdi.pyi", "kurdi/py.typed"]
for n in need:
    assert n in names, n
assert any(n.startswith("kurdi/_kurdi.") and n.endswith(".so") for n in names), names
assert any(n.endswith(".dist-info/RECORD") for n in names) and any(n.endswith(".dist-info/NOTICE") for n in names)
print("wheel:", sys.argv[1].rsplit("/", 1)[-1], len(names), "files")
PY
"${pip[@]}" install --force-reinstall --no-deps "$wheel" >/dev/null || fail "installing the wheel"
"$work/venv/bin/python" -c 'import kurdi; assert kurdi.tokenize("یەک دوو")[1].begin == 7' || fail "the wheel's module"
"${pip[@]}" uninstall -y kurdi >/dev/null || fail "pip uninstall"
echo "pip_install_test: ok"
