#!/usr/bin/env bash
# PostgreSQL extension benchmarks (docs/benchmarks.md, "PostgreSQL") on a
# throwaway PostgreSQL 15 cluster that pg_virtualenv creates and removes.
#   bench/postgresql/run.sh [bench.py options]     e.g. --size 100M --queries 600
# Needs the extension installed (scripts/setup.sh) and, for the memory
# figures from /proc, root. Prints one JSON object per measurement.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# A server sized for a 24 GB machine, as a newsroom would run it.
exec pg_virtualenv -t -v 15 -o shared_buffers=2GB -o work_mem=64MB -o max_wal_size=8GB \
  python3 "$here/bench.py" "$@"
