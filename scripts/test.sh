#!/usr/bin/env bash
# kurdi tests, the README's second command. Runs every test and ends with one
# summary line; exits non-zero if any step fails or if ctest ran no test.
#   1. release  the Release build in build/ (configured and built if needed): ctest
#               (with the Python package's pytest suite and offline pip install test,
#               ctest -L python)
#   2. asan     an ASan+UBSan build in build-asan/: the same ctest, built with
#               KURDI_NO_SIMD so the portable (non-SSE2) code paths are tested too
#   3. fuzz     the libFuzzer targets (clang-14) in build-fuzz/: normalize+tokenize for
#               FUZZ_SECONDS (60), the search query path through SQLite for
#               FUZZ_QUERY_SECONDS (30), the archive's FTS5 segment decoder for
#               FUZZ_SEGMENT_SECONDS (20), the document readers of kurdi index for
#               FUZZ_READERS_SECONDS (20), the archive's search against exhaustive
#               scoring for FUZZ_SEARCH_SECONDS (20)
#   4. install  scripts/check-install.sh: DESTDIR install, pkg-config C program,
#               find_package(kurdi) CMake project, installed program, cpack -G DEB
#   5. postgresql tests/postgresql/run.sh: the extension's pg_regress suites, the
#               search-behaviour suite and an upgrade, on a throwaway cluster
#               (pg_virtualenv) that is removed afterwards
# Environment: JOBS (default 2), FUZZ_SECONDS (default 60), FUZZ_QUERY_SECONDS (default 30),
# FUZZ_SEGMENT_SECONDS (default 20), FUZZ_READERS_SECONDS (default 20), FUZZ_SEARCH_SECONDS
# (default 20), KURDI_TEST_STEPS (space-separated subset of "release asan fuzz install
# postgresql", default all).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=${JOBS:-2}
fuzz_seconds=${FUZZ_SECONDS:-60}
fuzz_query_seconds=${FUZZ_QUERY_SECONDS:-30}
fuzz_segment_seconds=${FUZZ_SEGMENT_SECONDS:-20}
fuzz_readers_seconds=${FUZZ_READERS_SECONDS:-20}
fuzz_search_seconds=${FUZZ_SEARCH_SECONDS:-20}
steps=${KURDI_TEST_STEPS:-release asan fuzz install postgresql}
logdir=$root/build-logs
mkdir -p "$logdir"

declare -a summary=()
failed=()
note() { printf '\n==> %s\n' "$*"; }

# run_ctest NAME BUILD_DIR: runs ctest, fails when a test fails or none ran.
run_ctest() {
  local name=$1 dir=$2 log=$logdir/ctest-$1.log
  ctest --test-dir "$dir" --output-on-failure --no-tests=error -j "$jobs" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local total
  total=$(sed -n 's/.*tests passed, [0-9]* tests\{0,1\} failed out of \([0-9]*\).*/\1/p' "$log" | tail -n1)
  total=${total:-0}
  if [ "$rc" -ne 0 ] || [ "$total" -eq 0 ]; then
    [ "$total" -eq 0 ] && echo "test.sh: ctest in $dir ran no test" >&2
    return 1
  fi
  summary+=("$name: $total tests passed")
}

configure_and_build() {  # DIR, then cmake arguments
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@" && cmake --build "$dir" -j "$jobs"
}

step_release() {
  configure_and_build build -DCMAKE_BUILD_TYPE=Release && run_ctest release build
}

step_asan() {
  local -x ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
  local -x UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  configure_and_build build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKURDI_SANITIZE=ON -DKURDI_NO_SIMD=ON \
    && run_ctest asan build-asan
}

# run_fuzzer NAME SECONDS: runs build-fuzz/fuzz/NAME on its corpus; fails on a
# finding (the input is saved in build-fuzz/artifacts/).
run_fuzzer() {
  local name=$1 seconds=$2 corpus=build-fuzz/corpus-$1 log=$logdir/$1.log
  mkdir -p "$corpus" build-fuzz/artifacts
  local seeds=()
  [ -d "fuzz/corpus-$name" ] && seeds=("fuzz/corpus-$name")
  [ "$name" = fuzz_normalize_tokenize ] && seeds=(fuzz/corpus)
  build-fuzz/fuzz/"$name" "$corpus" "${seeds[@]}" \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix=build-fuzz/artifacts/ >"$log" 2>&1
  local rc=$?
  tail -n 25 "$log"
  if [ $rc -ne 0 ]; then
    echo "test.sh: fuzzer $name failed (exit $rc); input saved in build-fuzz/artifacts/, log $log" >&2
    return 1
  fi
  local runs
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  summary+=("fuzz: $name, ${runs:-?} inputs in ${seconds}s, no contract violated")
}

step_fuzz() {
  CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DKURDI_BUILD_FUZZ=ON -DKURDI_BUILD_TESTS=OFF -DKURDI_BUILD_EVAL=OFF -DKURDI_BUILD_BENCH=OFF \
    && cmake --build build-fuzz -j "$jobs" --target fuzz_normalize_tokenize fuzz_query fuzz_fts5_segment \
         fuzz_document_readers fuzz_archive_search || return 1
  run_fuzzer fuzz_normalize_tokenize "$fuzz_seconds" || return 1
  run_fuzzer fuzz_query "$fuzz_query_seconds" || return 1
  run_fuzzer fuzz_fts5_segment "$fuzz_segment_seconds" || return 1
  run_fuzzer fuzz_document_readers "$fuzz_readers_seconds" || return 1
  run_fuzzer fuzz_archive_search "$fuzz_search_seconds"
}

step_install() {
  if [ ! -f build/CMakeCache.txt ]; then
    configure_and_build build -DCMAKE_BUILD_TYPE=Release || return 1
  fi
  scripts/check-install.sh build && summary+=("install: DESTDIR, pkg-config, find_package, .deb ok")
}

# kurdi serve's browser and load tests (tests/serve) need chromium,
# chromium-driver, python3-selenium and wrk. Under CI, as root, they are
# installed here when missing (the tests fail under CI without them);
# elsewhere those two tests are skipped when the tools are missing.
if [ "${CI:-}" = true ] && [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null; then
  serve_missing=()
  for pkg in chromium chromium-driver python3-selenium wrk; do
    dpkg -s "$pkg" > /dev/null 2>&1 || serve_missing+=("$pkg")
  done
  if [ ${#serve_missing[@]} -gt 0 ]; then
    note "Installing the browser and load test packages: ${serve_missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${serve_missing[@]}" \
      || echo "test.sh: could not install ${serve_missing[*]}; the serve browser/load tests will fail" >&2
  fi
fi

step_postgresql() {
  local log=$logdir/postgresql.log
  tests/postgresql/run.sh 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || return 1
  summary+=("postgresql: $(sed -n 's/^postgresql: \([0-9]* passed, [0-9]* failed\)$/\1/p' "$log" | tail -n1) (pg_regress, behaviour, reload, upgrade)")
}

start=$(date +%s)
for s in $steps; do
  case $s in
    release|asan|fuzz|install|postgresql) ;;
    *) echo "test.sh: unknown step '$s'" >&2; exit 2 ;;
  esac
  note "$s"
  t0=$(date +%s)
  if "step_$s"; then
    echo "test.sh: step $s passed in $(( $(date +%s) - t0 ))s"
  else
    echo "test.sh: step $s FAILED after $(( $(date +%s) - t0 ))s" >&2
    failed+=("$s")
  fi
done

elapsed=$(( $(date +%s) - start ))
echo
for line in "${summary[@]}"; do echo "  $line"; done
if [ ${#failed[@]} -eq 0 ]; then
  echo "test.sh: ALL PASSED ($steps) in ${elapsed}s"
  exit 0
fi
echo "test.sh: FAILED: ${failed[*]} (of: $steps) in ${elapsed}s"
exit 1
