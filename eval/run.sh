#!/usr/bin/env bash
# Builds kurdi_eval in build-eval/ (Release, at most 2 jobs) and prints every
# quality figure of docs/quality.md, each after the command that produced it.
#
#   eval/run.sh             all figures, from the working tree
#   eval/run.sh --verbose   also the error listings (sentence errors, CER lines)
#   eval/run.sh --snapshot  build a clean export of HEAD (git archive) instead
#                           of the working tree, so that the figures belong to
#                           exactly one commit (combinable with --verbose)
#   eval/run.sh --sanitize  build with AddressSanitizer + UndefinedBehaviorSanitizer
#                           (KURDI_SANITIZE, RelWithDebInfo; any finding aborts
#                           that command with a non-zero status)
#
# Environment: KURDI_EVAL_DATA (default ../shared/data beside the checkout),
# KURDI_EVAL_BUILD (default build-eval; --snapshot uses build-eval-snapshot/),
# KURDI_LEXICON_DIR (passed to CMake when set: a lexicon other than data/lexicon). Exit status 1 when a check failed
# (offsets out of range, lost words, ...); the figures are printed anyway.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2
BUILD=${KURDI_EVAL_BUILD:-build-eval}
DATA=${KURDI_EVAL_DATA:-../shared/data}
VERBOSE=0
SNAPSHOT=0
SANITIZE=0
for arg in "$@"; do
  case "$arg" in
    --verbose) VERBOSE=1 ;;
    --snapshot) SNAPSHOT=1 ;;
    --sanitize) SANITIZE=1 ;;
    *) echo "usage: eval/run.sh [--verbose] [--snapshot] [--sanitize]" >&2; exit 2 ;;
  esac
done

SRC=.
BIN="$BUILD"
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ $SNAPSHOT == 1 ]]; then
  SRC="$BUILD-snapshot/src"
  BIN="$BUILD-snapshot/build"
  rm -rf "$SRC" && mkdir -p "$SRC" && git archive HEAD | tar -x -C "$SRC" || {
    echo "git archive failed" >&2; exit 2; }
  COMMIT_NOTE="$COMMIT (clean export of the commit)"
elif [[ -n "$(git status --porcelain -- src include data cmake CMakeLists.txt 2>/dev/null)" ]]; then
  COMMIT_NOTE="$COMMIT + uncommitted changes in src/include/data/cmake (working tree)"
else
  COMMIT_NOTE="$COMMIT (working tree; core files as committed)"
fi

BUILD_TYPE=Release
if [[ $SANITIZE == 1 ]]; then
  BIN="$BIN-asan"
  BUILD_TYPE=RelWithDebInfo
  COMMIT_NOTE="$COMMIT_NOTE; ASan+UBSan build"
fi
cmake -S "$SRC" -B "$BIN" -G Ninja -DCMAKE_BUILD_TYPE=$BUILD_TYPE -DKURDI_SANITIZE=$SANITIZE \
  -DKURDI_BUILD_TESTS=OFF -DKURDI_BUILD_EVAL=ON -DKURDI_SHARED_DATA="$(realpath -m "$DATA")" \
  ${KURDI_LEXICON_DIR:+-DKURDI_LEXICON_DIR="$(realpath -m "$KURDI_LEXICON_DIR")"} \
  >/dev/null || { echo "configure failed" >&2; exit 2; }
cmake --build "$BIN" -j2 --target kurdi_eval >/dev/null || {
  echo "build failed; rerun: cmake --build $BIN -j2 --target kurdi_eval" >&2; exit 2; }
E="$BIN/eval/kurdi_eval"

status=0
run() {
  echo "\$ $*"
  "$@"
  local rc=$?
  [[ $rc -ne 0 ]] && { echo "(exit status $rc)"; status=1; }
  echo
}

FLORES="$DATA/script-normalization/flores200/ckb_Arab.devtest"
echo "# kurdi quality figures"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "commit: $COMMIT_NOTE"
echo "library: $("$E" version)"
echo

echo "## 1. Normalization change rate (standard profile)"
run "$E" change "$FLORES"
run "$E" change "$DATA"/seeds/0*.txt

echo "## 2. Character error rate against manual normalizations"
run "$E" cer "$DATA/script-normalization/Sorani-Arabic.tsv" "$DATA/script-normalization/Sorani-Persian.tsv"
run "$E" cer --repair "$DATA/script-normalization/Sorani-Arabic.tsv" "$DATA/script-normalization/Sorani-Persian.tsv"
[[ $VERBOSE == 1 ]] && run "$E" cer --verbose --top 0 "$DATA/script-normalization/Sorani-Arabic.tsv" "$DATA/script-normalization/Sorani-Persian.tsv"

echo "## 3. Sentence boundaries"
if [[ $VERBOSE == 1 ]]; then
  run "$E" sentences --group 5 --verbose --errors 15 "$FLORES"
else
  run "$E" sentences --group 5 "$FLORES"
fi
run "$E" sentences --group 5 --single-sentence-lines "$FLORES"
run "$E" klpt $([[ $VERBOSE == 1 ]] && echo --verbose) "$DATA/klpt-data/test_cases_tokenize.json"
run "$E" klpt --dialect Kurmanji --script Latin $([[ $VERBOSE == 1 ]] && echo --verbose) "$DATA/klpt-data/test_cases_tokenize.json"

echo "## 4. Token and offset sanity"
run "$E" tokens "$DATA/bench/ckb-clean.txt" "$DATA/bench/ckb-dirty.txt"
run "$E" tokens --list other --top 10 "$DATA/bench/ckb-dirty.txt"
echo "## 4b. Normalization contracts on the bench corpora (offset map, whitespace, no lost words)"
run "$E" change --classes 15 "$DATA/bench/ckb-clean.txt" "$DATA/bench/ckb-dirty.txt"

echo "## 5. Morphology (issue 3)"
# Held-out gold first; the train split is the tuning set (in-sample). With
# --verbose the error listing is printed for the train split only: dev and
# silver dev are never used for tuning (list their errors by hand to diagnose).
UM="$DATA/unimorph-ckb"
run "$E" lemma --by-pos "$UM/ckb-arab.dev"
run "$E" lemma --by-pos "$UM/ckb-arab-silver.dev"
run "$E" lemma --by-pos $([[ $VERBOSE == 1 ]] && echo --errors 50) "$UM/ckb-arab.train"
run "$E" hunspell-eval $([[ $VERBOSE == 1 ]] && echo --errors 200) "$DATA/kurdishhunspell-eval/morph_analysis_testset.tsv"
run "$E" klpt-stem $([[ $VERBOSE == 1 ]] && echo --verbose) "$DATA/klpt-data/test_cases_stem.json"
run "$E" coverage --top 20 "$DATA"/seeds/0*.txt
run "$E" coverage --top 20 "$DATA/bench/ckb-clean.txt" "$DATA/bench/ckb-dirty.txt"
TG="$DATA/kurdish-tokenization-gold"
run "$E" morphemes $([[ $VERBOSE == 1 ]] && echo --errors 10) "$TG/ckb_sentences.txt" "$TG/annotated_corpus_ckb.txt"

echo "## 6. Transliteration (issue 4)"
# Wergor-words.tsv and the UniMorph dev split are evaluation only; the UniMorph
# train split is the tuning set (labelled in-sample).
run "$E" translit $([[ $VERBOSE == 1 ]] && echo --errors 30) g2p "$DATA/asosoft-g2p/Wergor-words.tsv"
run "$E" translit unimorph "$UM/ckb-arab.dev" "$UM/ckb-latn.dev"
run "$E" translit unimorph "$UM/ckb-arab.train" "$UM/ckb-latn.train"
run "$E" translit pairs "$DATA/wergor-transliteration/word_pairs_latin_arabic.tsv"
run "$E" translit $([[ $VERBOSE == 1 ]] && echo --errors 30) roundtrip "$DATA/bench/ckb-clean.txt"
run "$E" translit speed "$DATA/bench/ckb-clean.txt"

exit $status
