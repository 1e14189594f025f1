#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# bench/run.sh: kurdi's throughput, with its baselines, in one run.
#
#   bench/run.sh [options] [FILE...]
#
# Default files: ../shared/data/bench/ckb-clean.txt and ckb-dirty.txt (next to
# the source tree). For each file, in the same run and on the same bytes:
#   1. baselines: memcpy, memchr line count, UTF-8 validation (kurdi_bench_file)
#   2. the library: normalize (standard, search, with offset map), tokenize
#      (normalize + typed tokens with offsets), sentences (kurdi_bench_file),
#      on 1 MiB pieces, and normalize and tokenize once more with one call
#      per line (as the CLI calls the library)
#   3. the CLI end to end: kurdi normalize / tokenize / tokenize --json, stdin
#      from the file, stdout to /dev/null (hyperfine when installed, else a
#      timed loop that also counts starting bash); MB/s = file size / mean
#      wall time
#   4. Lucene 8 (Debian liblucene8-java): StandardTokenizer, StandardTokenizer
#      + SoraniNormalizationFilter, full SoraniAnalyzer (bench/lucene)
#   5. morphology (kurdi_bench_morph): kurdi::stems / lemma / analyze and a
#      kurdi::Analyzer session over the word tokens (running text), the free
#      functions over the distinct forms (cold), against tokenize in the same
#      run, and the CLI kurdi stem / kurdi lemma
# and prints a markdown table (also saved under the build directory) with
# the CPU, the date, the commit and the ratios against Lucene's
# StandardTokenizer + SoraniNormalizationFilter.
#
# Options:
#   --replicate MB  run on replicas of each FILE of at least MB megabytes
#                   (cat N times, in $KURDI_BENCH_TMP, default /tmp/kurdi-bench)
#                   instead of the files themselves, and add the memory check:
#                   peak RSS of `kurdi normalize`, `kurdi tokenize` and
#                   `kurdi tokenize --json` on ONE line of max(MB, 100) MB built
#                   from the first FILE (line breaks replaced by spaces);
#                   the requirement is <= 64 MB.
#   --rss-only      with --replicate: only the memory check
#   --reps N        timed repetitions per measurement (default 5)
#   --no-micro      skip the Google Benchmark micro benchmarks
#   --no-morph      skip the morphology section (kurdi_bench_morph, kurdi stem / lemma)
#   --morph-only    only the morphology section: for each FILE, stems / lemma /
#                   analyze per word token and per distinct form, with the
#                   tokenize baseline, and the CLI kurdi stem / kurdi lemma
#   --no-build      use the existing build directory as it is
#   --build-dir D   build directory (default <source>/build-bench)
#
# The build is a Release build as users get it: no -march=native (checked).
# Uses at most 2 parallel compile jobs. Never run in CI.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/build-bench"
DATA_DIR="$ROOT/../shared/data/bench"
TMPD="${KURDI_BENCH_TMP:-/tmp/kurdi-bench}"
REPS=5
REPLICATE_MB=""
RSS_ONLY=0
MICRO=1
MORPH=1
MORPH_ONLY=0
BUILD_STEP=1
FILES=()

die() { echo "run.sh: $*" >&2; exit 2; }
log() { echo "[run.sh $(date +%H:%M:%S)] $*" >&2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --replicate) [[ $# -ge 2 ]] || die "--replicate needs MB"; REPLICATE_MB=$2; shift 2 ;;
    --rss-only) RSS_ONLY=1; shift ;;
    --reps) [[ $# -ge 2 ]] || die "--reps needs N"; REPS=$2; shift 2 ;;
    --no-micro) MICRO=0; shift ;;
    --no-morph) MORPH=0; shift ;;
    --morph-only) MORPH_ONLY=1; MICRO=0; shift ;;
    --no-build) BUILD_STEP=0; shift ;;
    --build-dir) [[ $# -ge 2 ]] || die "--build-dir needs a path"; BUILD=$2; shift 2 ;;
    -h|--help) awk 'NR > 2 && !/^#/ { exit } NR > 2' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --*) die "unknown option $1 (see --help)" ;;
    *) FILES+=("$1"); shift ;;
  esac
done
[[ ${#FILES[@]} -gt 0 ]] || FILES=("$DATA_DIR/ckb-clean.txt" "$DATA_DIR/ckb-dirty.txt")
for f in "${FILES[@]}"; do [[ -r "$f" ]] || die "cannot read $f"; done
[[ -z "$REPLICATE_MB" || "$REPLICATE_MB" =~ ^[0-9]+$ ]] || die "--replicate takes whole MB"
[[ "$REPS" =~ ^[1-9][0-9]*$ ]] || die "--reps takes a positive integer"
[[ $RSS_ONLY -eq 0 || -n "$REPLICATE_MB" ]] || die "--rss-only needs --replicate MB"
[[ $MORPH_ONLY -eq 0 || ( $MORPH -eq 1 && -z "$REPLICATE_MB" ) ]] || die "--morph-only excludes --no-morph and --replicate"

# ---------------------------------------------------------------- build ----
if [[ $BUILD_STEP -eq 1 ]]; then
  log "configuring and building $BUILD (Release, no -march=native, -j2)"
  # Flags from the environment must not sneak in -march=native.
  env -u CXXFLAGS -u CFLAGS cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DKURDI_BUILD_BENCH=ON -DKURDI_BUILD_TESTS=OFF -DKURDI_BUILD_EVAL=OFF >&2
  ninja -C "$BUILD" -j2 >&2
fi
if grep -q -- '-march=native' "$BUILD/compile_commands.json" 2>/dev/null; then
  die "$BUILD compiles with -march=native; benchmarks must use the release flags users get"
fi
BENCH_FILE="$BUILD/bench/kurdi_bench_file"
BENCH_MICRO="$BUILD/bench/kurdi_bench_micro"
BENCH_MORPH="$BUILD/bench/kurdi_bench_morph"
KURDI="$BUILD/apps/cli/kurdi"
[[ -x "$BENCH_FILE" ]] || die "missing $BENCH_FILE (build failed?)"
[[ -x "$KURDI" ]] || die "missing $KURDI (build failed?)"

# Lucene baseline: compiled now, into the build directory.
LUCENE_CP=""
core_jar=$(ls /usr/share/java/lucene-core-8*.jar 2>/dev/null | head -n1 || true)
analyzers_jar=$(ls /usr/share/java/lucene-analyzers-common-8*.jar 2>/dev/null | head -n1 || true)
if [[ -n "$core_jar" && -n "$analyzers_jar" ]] && command -v javac >/dev/null; then
  mkdir -p "$BUILD/bench/lucene"
  javac -nowarn -d "$BUILD/bench/lucene" -cp "$core_jar:$analyzers_jar" \
    "$ROOT/bench/lucene/LuceneBaseline.java"
  LUCENE_CP="$BUILD/bench/lucene:$core_jar:$analyzers_jar"
else
  log "Lucene baseline unavailable (apt-get install liblucene8-java default-jdk-headless)"
fi

# ------------------------------------------------------------- helpers ----
# field KEY OP FILE: value of KEY= on the "RESULT op=OP " line of FILE.
field() {
  awk -v op="op=$2" -v key="$1=" '$1 == "RESULT" && $2 == op {
    for (i = 3; i <= NF; ++i) if (index($i, key) == 1) { print substr($i, length(key) + 1); exit } }' "$3"
}
fmt_mbps() { awk -v x="$1" 'BEGIN { if (x == "") print "n/a"; else printf "%.1f", x }'; }
fmt_rate() {  # tokens/s in millions
  awk -v x="$1" 'BEGIN { if (x == "") print "n/a"; else printf "%.2f M", x / 1e6 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.1fx", a / b }'; }
filesize() { stat -c %s "$1"; }

# time_cmd OUT_JSON CMD: mean and min wall seconds of a shell command,
# written as "mean min runs" to OUT.
time_cmd() {
  local out=$1 cmd=$2
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup 1 --runs "$REPS" --export-json "$out.json" "$cmd" >&2
    jq -r '.results[0] | "\(.mean) \(.min) \(.times | length)"' "$out.json" >"$out"
  else
    local times=() i t0 t1
    bash -c "$cmd"  # warm-up
    for ((i = 0; i < REPS; ++i)); do
      t0=$(date +%s%N); bash -c "$cmd"; t1=$(date +%s%N)
      times+=("$(( t1 - t0 ))")
    done
    printf '%s\n' "${times[@]}" | awk '{ s += $1; if (NR == 1 || $1 < m) m = $1 }
      END { printf "%.6f %.6f %d\n", s / NR / 1e9, m / 1e9, NR }' >"$out"
  fi
}

replicate() {  # replicate SRC MB -> prints the replica path
  local src=$1 mb=$2 size n dst
  size=$(filesize "$src")
  n=$(( (mb * 1000000 + size - 1) / size ))
  dst="$TMPD/$(basename "$src" .txt).${mb}MB.txt"
  if [[ ! -f "$dst" || $(filesize "$dst") -ne $(( n * size )) ]]; then
    log "building replica $dst ($n copies of $src)"
    : >"$dst"
    for ((i = 0; i < n; ++i)); do cat "$src" >>"$dst"; done
  fi
  echo "$dst"
}

# ------------------------------------------------------------- machine ----
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
cpu_fm=$(awk -F': *' '/^cpu family/ { f = $2 } /^model\t/ { m = $2 } END { printf "family %s model %s", f, m }' /proc/cpuinfo)
grep -q -w hypervisor /proc/cpuinfo && cpu_fm="$cpu_fm, virtual machine"
cores=$(nproc)
mem=$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$ROOT" status --porcelain -- src include apps bench 2>/dev/null) ]]; then
  commit="$commit (with uncommitted changes)"
fi
cxx=$(awk -F= '/^CMAKE_CXX_COMPILER:/ { print $2 }' "$BUILD/CMakeCache.txt")
cxx_version=$("$cxx" --version | head -n1)
java_version=$(java -version 2>&1 | head -n1 || true)
stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

mkdir -p "$TMPD"
RESULTS="$BUILD/bench-results"
mkdir -p "$RESULTS"
REPORT="$RESULTS/report-$(date -u +%Y%m%dT%H%M%SZ).md"
exec 3>"$REPORT"
out() { printf '%s\n' "$*"; printf '%s\n' "$*" >&3; }

out "## kurdi benchmark run $stamp"
out ""
out "- CPU: $cpu ($cpu_fm), $cores cores ($mem RAM); load average before: $load_before"
out "- commit: $commit; compiler: $cxx_version, CMAKE_BUILD_TYPE=Release, no -march=native"
out "- Java: $java_version; Lucene: $(basename "${core_jar:-none}") + $(basename "${analyzers_jar:-none}")"
out "- repetitions: $REPS timed runs per row (library and Lucene: best and median; CLI: mean and min)"
out ""

# ------------------------------------------------------------ per file ----
run_file() {
  [[ $MORPH_ONLY -eq 1 ]] && return 0
  local file=$1 name size mb tag kt lt
  name=$(basename "$file")
  size=$(filesize "$file")
  mb=$(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1e6 }')
  tag="$RESULTS/$(basename "$file" .txt)"

  log "$name: library runner"
  "$BENCH_FILE" --reps "$REPS" "$file" >"$tag.lib"
  kt=$(field tokens tokenize "$tag.lib")
  # The same calls made once per line, as the CLI makes them.
  "$BENCH_FILE" --reps "$REPS" --chunk lines --no-token-count --ops normalize,tokenize "$file" |
    sed 's/ op=\([a-z_]*\)/ op=\1_lines/' >>"$tag.lib"

  log "$name: Lucene"
  : >"$tag.lucene"
  if [[ -n "$LUCENE_CP" ]]; then
    local heap=$(( 2 * size / 1048576 + 1024 ))
    java -Xms${heap}m -Xmx${heap}m -cp "$LUCENE_CP" LuceneBaseline --reps "$REPS" --warmup 5 \
      --pipelines decode,std,std+sorani,analyzer "$file" >"$tag.lucene"
    java -Xms${heap}m -Xmx${heap}m -cp "$LUCENE_CP" LuceneBaseline --reps "$REPS" --warmup 5 \
      --mode lines --pipelines std+sorani "$file" | sed 's/op=lucene_std+sorani/op=lucene_std+sorani_lines/' \
      >>"$tag.lucene"
  fi
  lt=$(field tokens lucene_std+sorani "$tag.lucene")
  local ref
  ref=$(field median_mbps lucene_std+sorani "$tag.lucene")

  log "$name: CLI end to end"
  time_cmd "$tag.cli_normalize" "'$KURDI' normalize < '$file' > /dev/null"
  time_cmd "$tag.cli_tokenize" "'$KURDI' tokenize < '$file' > /dev/null"
  time_cmd "$tag.cli_tokenize_json" "'$KURDI' tokenize --json < '$file' > /dev/null"

  out "### $name ($mb MB, $size bytes; $kt kurdi tokens, ${lt:-n/a} Lucene tokens)"
  out ""
  out "| path | operation | MB/s | MB/s (best) | tokens/s | vs Lucene std+Sorani |"
  out "|---|---|---:|---:|---:|---:|"
  local op label
  for op in memcpy memchr_lines utf8_validate normalize normalize_search normalize_map tokenize sentences \
      normalize_lines tokenize_lines; do
    case $op in
      memcpy) label="baseline: memcpy" ;;
      memchr_lines) label="baseline: memchr line count" ;;
      utf8_validate) label="baseline: UTF-8 validation" ;;
      normalize) label="normalize (standard)" ;;
      normalize_search) label="normalize (search)" ;;
      normalize_map) label="normalize (standard) + offset map" ;;
      tokenize) label="tokenize (normalize + tokens with offsets)" ;;
      sentences) label="sentences" ;;
      normalize_lines) label="normalize (standard), one call per line" ;;
      tokenize_lines) label="tokenize, one call per line" ;;
    esac
    local med best tps
    med=$(field median_mbps "$op" "$tag.lib"); best=$(field best_mbps "$op" "$tag.lib")
    tps=$(awk -v t="$kt" -v s="$(field median_s "$op" "$tag.lib")" 'BEGIN { if (s > 0) print t / s }')
    out "| library | $label | $(fmt_mbps "$med") | $(fmt_mbps "$best") | $(fmt_rate "$tps") | $(ratio "$med" "$ref") |"
  done
  local c mean min cmbps cbest ctps
  for c in normalize tokenize tokenize_json; do
    read -r mean min _ <"$tag.cli_$c"
    cmbps=$(awk -v s="$size" -v t="$mean" 'BEGIN { print s / 1e6 / t }')
    cbest=$(awk -v s="$size" -v t="$min" 'BEGIN { print s / 1e6 / t }')
    ctps=$(awk -v k="$kt" -v t="$mean" 'BEGIN { print k / t }')
    out "| CLI | kurdi ${c/_json/ --json} | $(fmt_mbps "$cmbps") | $(fmt_mbps "$cbest") | $(fmt_rate "$ctps") | $(ratio "$cmbps" "$ref") |"
  done
  if [[ -n "$LUCENE_CP" ]]; then
    local p plabel
    for p in decode std std+sorani std+sorani_lines analyzer; do
      case $p in
        decode) plabel="UTF-8 decoding only (InputStreamReader)" ;;
        std) plabel="StandardTokenizer" ;;
        std+sorani) plabel="StandardTokenizer + SoraniNormalizationFilter (reference)" ;;
        std+sorani_lines) plabel="StandardTokenizer + SoraniNormalizationFilter, one Reader per line" ;;
        analyzer) plabel="SoraniAnalyzer (full chain)" ;;
      esac
      med=$(field median_mbps "lucene_$p" "$tag.lucene"); best=$(field best_mbps "lucene_$p" "$tag.lucene")
      tps=$(awk -v t="$(field tokens "lucene_$p" "$tag.lucene")" -v s="$(field median_s "lucene_$p" "$tag.lucene")" \
        'BEGIN { if (s > 0 && t > 0) print t / s }')
      out "| Lucene | $plabel | $(fmt_mbps "$med") | $(fmt_mbps "$best") | $(fmt_rate "$tps") | $(ratio "$med" "$ref") |"
    done
  fi
  out ""
  # Floors and goals of issue 2, section 7, for this file.
  local n t nl tl
  read -r mean _ <"$tag.cli_normalize"; n=$(awk -v s="$size" -v t="$mean" 'BEGIN { print s / 1e6 / t }')
  read -r mean _ <"$tag.cli_tokenize"; t=$(awk -v s="$size" -v t="$mean" 'BEGIN { print s / 1e6 / t }')
  nl=$(field median_mbps normalize "$tag.lib"); tl=$(field median_mbps tokenize "$tag.lib")
  verdict() { awk -v x="$1" -v f="$2" 'BEGIN { if (x == "" || f == "") print "n/a"; else if (x >= f) print "met"; else print "MISSED" }'; }
  out "Floors and goals on $name:"
  out "- floor: CLI normalize >= 10x Lucene: $(ratio "$n" "$ref") -> $(verdict "$n" "$(awk -v r="$ref" 'BEGIN { if (r != "") print 10 * r }')")"
  out "- floor: CLI tokenize >= 3x Lucene: $(ratio "$t" "$ref") -> $(verdict "$t" "$(awk -v r="$ref" 'BEGIN { if (r != "") print 3 * r }')")"
  if [[ $name == *clean* ]]; then
    out "- goal: library normalize >= 1000 MB/s on clean text: $(fmt_mbps "$nl") -> $(verdict "$nl" 1000)"
  else
    out "- (goal of 1000 MB/s is for clean text; library normalize here: $(fmt_mbps "$nl") MB/s)"
  fi
  out "- goal: library normalize + tokenize with offsets >= 300 MB/s: $(fmt_mbps "$tl") -> $(verdict "$tl" 300)"
  out ""
}

rss_check() {  # rss_check SRC MB
  local src=$1 mb=$2 size n line
  size=$(filesize "$src")
  n=$(( (mb * 1000000 + size - 1) / size ))
  line="$TMPD/single-line.${mb}MB.txt"
  if [[ ! -f "$line" || $(filesize "$line") -ne $(( n * size )) ]]; then
    log "building one-line input $line ($n copies of $src, line breaks -> spaces)"
    : >"$line"
    for ((i = 0; i < n; ++i)); do tr '\r\n' '  ' <"$src" >>"$line"; done
  fi
  [[ $(tr -cd '\n' <"$line" | wc -c) -eq 0 ]] || die "$line has line breaks"
  local lmb
  lmb=$(awk -v s="$(filesize "$line")" 'BEGIN { printf "%.1f", s / 1e6 }')
  out "### Memory: one line of $lmb MB (no line break), peak RSS"
  out ""
  out "| command | peak RSS | wall time | MB/s | <= 64 MB |"
  out "|---|---:|---:|---:|---|"
  local args kb secs label
  for args in "normalize" "tokenize" "tokenize --json"; do
    log "RSS: kurdi $args on $line"
    /usr/bin/time -v -o "$RESULTS/rss.txt" "$KURDI" $args <"$line" >/dev/null || true
    kb=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$RESULTS/rss.txt")
    secs=$(awk '/Elapsed \(wall clock\)/ { n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print s }' "$RESULTS/rss.txt")
    label=$(awk -v k="$kb" 'BEGIN { if (k <= 65536) print "yes"; else print "NO" }')
    out "| kurdi $args | $(awk -v k="$kb" 'BEGIN { printf "%.1f MB", k / 1024 }') | ${secs} s | $(awk -v s="$(filesize "$line")" -v t="$secs" 'BEGIN { if (t > 0) printf "%.1f", s / 1e6 / t; else print "n/a" }') | $label |"
    grep -q 'Exit status: 0' "$RESULTS/rss.txt" || out "  (kurdi $args exited with $(awk -F': *' '/Exit status/ { print $2 }' "$RESULTS/rss.txt"))"
  done
  out ""
}

# ------------------------------------------------------------- morph ----
# Issue 3, section 10: stemming and analysis throughput on running text
# (every word token, with repetition) and per distinct form (each analysed
# once; the library keeps no cache), against tokenization in the same run.
morph_file() {
  local file=$1 name tag words types
  [[ -x "$BENCH_MORPH" ]] || die "missing $BENCH_MORPH (build failed?)"
  name=$(basename "$file")
  tag="$RESULTS/$(basename "$file" .txt).morph"
  log "$name: morphology runner"
  "$BENCH_MORPH" --reps "$REPS" "$file" >"$tag"
  log "$name: CLI kurdi stem / kurdi lemma"
  time_cmd "$tag.cli_stem" "'$KURDI' stem < '$file' > /dev/null"
  time_cmd "$tag.cli_lemma" "'$KURDI' lemma < '$file' > /dev/null"
  words=$(field items stems "$tag")
  types=$(field items analyze_types "$tag")
  out "### Morphology on $name ($words word tokens, $types distinct forms)"
  out ""
  out "| path | operation | items | items/s (median) | items/s (best) |"
  out "|---|---|---|---:|---:|"
  local op label item med best
  for op in tokenize normalize_words stems lemma analyze tokenize_stems session_stems session_analyze \
      warm_stems stems_types analyze_types; do
    item="word tokens"
    case $op in
      tokenize) label="baseline: tokenize the file (1 MiB pieces)" ;;
      normalize_words) label="baseline: kurdi::normalize, one call per word" ;;
      stems) label="kurdi::stems per word token" ;;
      lemma) label="kurdi::lemma per word token" ;;
      analyze) label="kurdi::analyze per word token" ;;
      tokenize_stems) label="tokenize + kurdi::stems (an indexing host)" ;;
      session_stems) label="kurdi::Analyzer::stems per word token (session cache, new per pass)" ;;
      session_analyze) label="kurdi::Analyzer::analyze per word token (session cache, new per pass)" ;;
      warm_stems) label="kurdi::Analyzer::stems per word token (one session kept across passes: steady state)" ;;
      stems_types) label="kurdi::stems once per distinct form"; item="types" ;;
      analyze_types) label="kurdi::analyze once per distinct form (cold, no cache)"; item="types" ;;
    esac
    med=$(field median_items_per_s "$op" "$tag"); best=$(field best_items_per_s "$op" "$tag")
    out "| library | $label | $item | $(fmt_rate "$med") | $(fmt_rate "$best") |"
  done
  local c mean min
  for c in stem lemma; do
    read -r mean min _ <"$tag.cli_$c"
    out "| CLI | kurdi $c < file > /dev/null (mean, min) | word tokens | $(fmt_rate "$(awk -v k="$words" -v t="$mean" 'BEGIN { print k / t }')") | $(fmt_rate "$(awk -v k="$words" -v t="$min" 'BEGIN { print k / t }')") |"
  done
  out ""
  local st an at sst san wst
  st=$(field median_items_per_s stems "$tag"); an=$(field median_items_per_s analyze "$tag")
  wst=$(field median_items_per_s warm_stems "$tag")
  sst=$(field median_items_per_s session_stems "$tag"); san=$(field median_items_per_s session_analyze "$tag")
  at=$(field median_items_per_s analyze_types "$tag")
  verdict() { awk -v x="$1" -v f="$2" 'BEGIN { if (x == "" || f == "") print "n/a"; else if (x >= f) print "met"; else print "MISSED" }'; }
  out "Targets of issue 3, section 10, on $name (medians):"
  out "- stemming >= 5 M word tokens/s on running text: free function $(fmt_rate "$st") -> $(verdict "$st" 5000000); Analyzer session, new per pass $(fmt_rate "$sst") -> $(verdict "$sst" 5000000); warm session (steady state) $(fmt_rate "$wst") -> $(verdict "$wst" 5000000)"
  out "- analysis >= 1 M word tokens/s on running text: free function $(fmt_rate "$an") -> $(verdict "$an" 1000000); Analyzer session $(fmt_rate "$san") -> $(verdict "$san" 1000000)"
  out "- analysis >= 200 k types/s cold: $(fmt_rate "$at") -> $(verdict "$at" 200000)"
  out "- KLPT (ANCHORS.md; other corpus, same machine class): stem 13.5 k, analyze 24 k tokens/s: stems $(ratio "$st" 13500), analyze $(ratio "$an" 24000)"
  out ""
}

# ------------------------------------------------------------- micro ----
if [[ $MICRO -eq 1 && $RSS_ONLY -eq 0 && -x "$BENCH_MICRO" ]]; then
  log "micro benchmarks (first ~1 MB of each file in $DATA_DIR)"
  KURDI_BENCH_DATA_DIR="$DATA_DIR" "$BENCH_MICRO" --benchmark_min_time=0.5 \
    --benchmark_out="$RESULTS/micro.json" --benchmark_out_format=json >"$RESULTS/micro.txt" 2>&1
  out "### Micro benchmarks (Google Benchmark, first ~1 MB of each file; items = kurdi tokens)"
  out ""
  out '```'
  out "$(grep -E '^(Benchmark|baseline|normalize|tokenize|sentences)' "$RESULTS/micro.txt")"
  out '```'
  out ""
fi

for f in "${FILES[@]}"; do
  if [[ -n "$REPLICATE_MB" ]]; then
    [[ $RSS_ONLY -eq 1 ]] && continue
    run_file "$(replicate "$f" "$REPLICATE_MB")"
  else
    run_file "$f"
  fi
done
if [[ -n "$REPLICATE_MB" ]]; then
  rss_mb=$(( REPLICATE_MB > 100 ? REPLICATE_MB : 100 ))
  rss_check "${FILES[0]}" "$rss_mb"
fi

if [[ $MORPH -eq 1 && $RSS_ONLY -eq 0 ]]; then
  for f in "${FILES[@]}"; do morph_file "$f"; done
fi

out "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exec 3>&-
log "report saved to $REPORT"
