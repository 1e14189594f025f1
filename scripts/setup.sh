#!/usr/bin/env bash
# kurdi set-up, the README's first command, for a fresh Debian 12 machine:
#   1. installs the Debian packages the project needs (apt-get, never prompts);
#   2. configures and builds a Release build in build/ (Ninja, ccache);
#   3. installs it under /usr/local (`kurdi` on PATH, libkurdi, headers, ...),
#      and the PostgreSQL extension into PostgreSQL 15 (CREATE EXTENSION kurdi);
#   4. runs kurdi's main job on the bundled sample documents: indexes them into
#      the search archive build/demo.db and shows two searches on it;
#   5. prints the `kurdi serve build/demo.db` command and the address to open
#      (it never starts a server itself).
# Run as root, or as a user who may use sudo. Safe to run again.
#
# Environment: JOBS (parallel build jobs, default 2), KURDI_SKIP_APT=1 (skip
# step 1), KURDI_SKIP_APT_UPDATE=1 (install without `apt-get update`),
# KURDI_SKIP_SAMPLES=1 (skip step 4), KURDI_SKIP_POSTGRESQL=1 (skip the
# PostgreSQL extension of step 3), PREFIX (install prefix, default /usr/local).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=${JOBS:-2}
prefix=${PREFIX:-/usr/local}
step() { printf '\n==> %s\n' "$*"; }

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "setup.sh: run as root, or install sudo" >&2
  exit 1
fi

# Build and test: compiler, CMake, Ninja, ccache, pkg-config, GoogleTest,
# Google Benchmark, CLI11, clang-14 + libFuzzer, python3, file.
# SQLite host (ext/sqlite): libsqlite3-dev (3.40, with FTS5) and the sqlite3 shell.
# Archive (archive/): xxHash for content hashes and MinHash shingles; libxml2 and
# nlohmann-json for the HTML and JSON Lines readers of kurdi index (archive/read).
# Benchmarks (bench/run.sh): Lucene 8 and a JDK for the baseline, hyperfine, jq, GNU time.
# Python package (python/, docs/python.md): pybind11 and the headers of Debian's python3,
# pytest, Dask for the examples, venv and pip for the offline `pip install .` test.
# Server (kurdi serve, serve/): cpp-httplib (libcpp-httplib-dev; nlohmann-json is above).
# PostgreSQL host (ext/postgresql): the server, PGXS headers, pg_virtualenv for the tests.
packages=(
  build-essential g++ cmake ninja-build ccache pkg-config
  libgtest-dev googletest libbenchmark-dev libcli11-dev
  clang-14 libfuzzer-14-dev libclang-rt-14-dev
  python3 file
  libsqlite3-dev sqlite3
  libxxhash-dev libxml2-dev nlohmann-json3-dev
  liblucene8-java default-jdk-headless hyperfine jq time
  pybind11-dev python3-pybind11 python3-dev python3-pytest python3-dask python3-distributed
  python3-venv python3-pip
  libcpp-httplib-dev
  postgresql-15 postgresql-server-dev-15 postgresql-common
)

if [ "${KURDI_SKIP_APT:-0}" != 1 ]; then
  step "Installing Debian packages"
  apt_env=(env DEBIAN_FRONTEND=noninteractive)
  apt_opts=(-y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  if [ -n "${CI:-}" ] && [ ! -e /etc/postgresql-common/createcluster.d/kurdi-ci.conf ]; then
    # CI: installing postgresql-15 must not create and start a server; the
    # tests make their own throwaway clusters (pg_virtualenv).
    "${as_root[@]}" mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" | "${as_root[@]}" tee /etc/postgresql-common/createcluster.d/kurdi-ci.conf >/dev/null
  fi
  if [ "${KURDI_SKIP_APT_UPDATE:-0}" != 1 ]; then
    "${as_root[@]}" "${apt_env[@]}" apt-get update -q
  fi
  "${as_root[@]}" "${apt_env[@]}" apt-get install "${apt_opts[@]}" --no-install-recommends \
    "${packages[@]}"
fi

step "Building kurdi (Release) in build/"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix"
cmake --build build -j "$jobs"

step "Installing into $prefix"
"${as_root[@]}" cmake --install build
if [ ${#as_root[@]} -gt 0 ]; then
  # Keep build/ the user's: later installs (scripts/check-install.sh) rewrite this file.
  "${as_root[@]}" chown "$(id -u):$(id -g)" build/install_manifest.txt
fi
if command -v ldconfig >/dev/null; then "${as_root[@]}" ldconfig; fi

# The PostgreSQL extension (docs/postgresql.md): PGXS links the libkurdi.a
# built above into kurdi.so and installs it into Debian's PostgreSQL 15, so
# CREATE EXTENSION kurdi works in any of its clusters.
pg_config=/usr/lib/postgresql/15/bin/pg_config
if [ -x "$pg_config" ] && [ "${KURDI_SKIP_POSTGRESQL:-0}" != 1 ]; then
  step "Building the PostgreSQL extension (ext/postgresql, PGXS) and installing it into PostgreSQL 15"
  make -C ext/postgresql -j "$jobs" --no-print-directory PG_CONFIG="$pg_config" KURDI_BUILD="$root/build"
  "${as_root[@]}" make -C ext/postgresql --no-print-directory PG_CONFIG="$pg_config" KURDI_BUILD="$root/build" install
fi

kurdi=$(command -v kurdi || true)
if [ "$kurdi" != "$prefix/bin/kurdi" ]; then
  echo "setup.sh: note: $prefix/bin is not first on PATH; using $prefix/bin/kurdi" >&2
  kurdi=$prefix/bin/kurdi
fi
"$kurdi" --version

if [ "${KURDI_SKIP_SAMPLES:-0}" != 1 ]; then
  # kurdi's main job: a searchable archive of the bundled sample documents.
  # Running setup again finds them unchanged and stores nothing twice.
  step "kurdi index build/demo.db samples/...   (a search archive of the bundled sample documents)"
  "$kurdi" index build/demo.db samples/seeds/*.txt samples/flores200/*.txt samples/kurdish-lid/*.txt
  step "kurdi search build/demo.db 'بەرپرسەکان' --limit 3   (one form of a word finds the others)"
  "$kurdi" search build/demo.db 'بەرپرسەکان' --limit 3
  step "kurdi search build/demo.db 'kurdistan' --limit 2   (Latin letters find Arabic-script text)"
  "$kurdi" search build/demo.db 'kurdistan' --limit 2
  # The same from Python: the module is in build/python (docs/python.md).
  step "PYTHONPATH=build/python /usr/bin/python3 -c 'import kurdi; ...'   (the Python package)"
  PYTHONPATH=build/python /usr/bin/python3 -c 'import kurdi
print("kurdi", kurdi.__version__, "for Python:", kurdi.normalize("هێزێكی"), [t.norm for t in kurdi.tokenize("بەرپرسەکانی ئەمریکا")],
      [h.id for h in kurdi.Archive("build/demo.db", read_only=True).search("بەرپرسەکان", limit=2)])'
fi

step "Done. Run every test with: scripts/test.sh"

# The next step is the user's: a server is never started here.
serve_cmd="kurdi serve build/demo.db"
[ "$kurdi" = "$(command -v kurdi || true)" ] || serve_cmd="$kurdi serve build/demo.db"
printf '\nSearch the demo archive in a browser, in Kurdish or in Latin letters:\n'
printf '  %s\n' "$serve_cmd"
printf 'then open http://127.0.0.1:8080/ (Ctrl-C stops the server; --port N for another port).\n'
