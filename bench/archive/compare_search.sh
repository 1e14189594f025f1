#!/usr/bin/env bash
# Runs the same queries through two kurdi builds' `kurdi search --json` and
# diffs the outputs: a ranking change that must not change results (a
# pruning, a tighter bound) shows here as any difference in ids, order,
# scores or snippets.
#
#   bench/archive/compare_search.sh OLD_KURDI NEW_KURDI ARCHIVE QUERIES [EXTRA_EVERY]
#
# OLD_ARCHIVE (environment, default ARCHIVE): the archive OLD_KURDI searches,
# when it cannot read NEW_KURDI's (a copy of the same documents before
# `kurdi reindex` upgraded its schema; the rowids are the same).
# QUERIES: one query a line (kurdi_bench_search_latency --print-queries, the
# third column of its "query" lines). Each query runs with the defaults
# (limit 10); every EXTRA_EVERY-th (default 10) also with --offset 10, with
# --limit 50, and with --source clean --from 2018-01-01 (filters). Prints the
# number of runs and of differing runs, and the first differences; exit 1 when
# any differs.
set -uo pipefail
old=${1:?usage: compare_search.sh OLD_KURDI NEW_KURDI ARCHIVE QUERIES [EXTRA_EVERY]}
new=${2:?}
archive=${3:?}
queries=${4:?}
every=${5:-10}
old_archive=${OLD_ARCHIVE:-$archive}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=0
differ=0
n=0
while IFS= read -r q; do
  n=$((n + 1))
  variants=("--limit 10")
  if ((n % every == 0)); then
    variants+=("--offset 10" "--limit 50" "--source clean --from 2018-01-01")
  fi
  for v in "${variants[@]}"; do
    # shellcheck disable=SC2086
    "$old" search "$old_archive" "$q" --json $v > "$work/old" 2>&1
    # shellcheck disable=SC2086
    "$new" search "$archive" "$q" --json $v > "$work/new" 2>&1
    runs=$((runs + 1))
    if ! cmp -s "$work/old" "$work/new"; then
      differ=$((differ + 1))
      if ((differ <= 5)); then
        echo "differs: $q ($v)"
        diff "$work/old" "$work/new" | head -n 6
      fi
    fi
  done
done < "$queries"
echo "runs: $runs, differing: $differ"
((differ == 0))
