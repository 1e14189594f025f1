#!/usr/bin/env bash
# Unknown words, simulated on the tuning set: the lexicon entries that only
# UniMorph train gives (sources column "unimorph" in data/lexicon/words.tsv)
# are left out of a copy of the lexicon, kurdi is built with that copy, and
# `kurdi_eval lemma` scores the train forms of those lemmas, which are then
# as new to the analyzer as the words of running text that no source lists.
# This is how the unknown-word guess (docs/morphology.md, "Unknown words")
# was set; UniMorph dev and silver dev are never used here.
#
#   eval/leave_out.sh [--errors]     (--errors: every form whose lemma changes
#                                     or stays wrong, with ours and the gold)
#
# Environment: KURDI_EVAL_DATA (default ../shared/data), KURDI_LEAVE_OUT_BUILD
# (default build-leave-out). Needs a built `kurdi` for normalizing: it builds
# one in the same directory first.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DATA=${KURDI_EVAL_DATA:-../shared/data}
BUILD=${KURDI_LEAVE_OUT_BUILD:-build-leave-out}
TRAIN=$DATA/unimorph-ckb/ckb-arab.train
[ -f "$TRAIN" ] || { echo "leave_out.sh: $TRAIN not found (set KURDI_EVAL_DATA)" >&2; exit 2; }
ERRORS=0
[ "${1:-}" = --errors ] && ERRORS=1

LEX=$BUILD/lexicon
mkdir -p "$LEX"
# Left-out lemmas: every words.tsv row whose only source is UniMorph train.
awk -F'\t' '!/^#/ && $4 == "unimorph" { print $1 }' data/lexicon/words.tsv | sort -u >"$BUILD/left_out.txt"
awk -F'\t' 'NR == FNR { out[$1] = 1; next } /^#/ || !($1 in out)' "$BUILD/left_out.txt" data/lexicon/words.tsv \
  >"$LEX/words.tsv"
cp data/lexicon/verbs.tsv data/lexicon/guess_stems.tsv "$LEX/"

cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKURDI_LEXICON_DIR="$ROOT/$LEX" \
  -DKURDI_BUILD_TESTS=OFF -DKURDI_BUILD_EVAL=ON >/dev/null
cmake --build "$BUILD" -j "${JOBS:-2}" --target kurdi kurdi_eval >/dev/null

# The train lines whose (normalized) lemma was left out.
cut -f1 "$TRAIN" | "$BUILD/apps/cli/kurdi" normalize >"$BUILD/train_lemmas.txt"
paste "$BUILD/train_lemmas.txt" "$TRAIN" \
  | awk -F'\t' 'NR == FNR { out[$1] = 1; next } ($1 in out) { print $2 "\t" $3 "\t" $4 }' \
      "$BUILD/left_out.txt" - >"$BUILD/left_out_forms.tsv"
echo "left out: $(wc -l <"$BUILD/left_out.txt") lemmas; their train forms: $(wc -l <"$BUILD/left_out_forms.tsv")"
echo "\$ $BUILD/eval/kurdi_eval lemma $BUILD/left_out_forms.tsv"
"$BUILD/eval/kurdi_eval" lemma "$BUILD/left_out_forms.tsv"
if [ $ERRORS = 1 ]; then
  cut -f2 "$BUILD/left_out_forms.tsv" | "$BUILD/apps/cli/kurdi" lemma \
    | paste "$BUILD/left_out_forms.tsv" - \
    | awk -F'\t' '$1 != $4 { print "wrong\tgold " $1 "\tform " $2 "\tours " $4 }'
fi
