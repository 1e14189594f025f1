#!/usr/bin/env bash
# Reruns scripts/translit/learn_bizroke.py with the built kurdi and kurdi_eval
# into a temporary folder and compares data/translit/bizroke_costs.tsv and
# MANIFEST.bizroke byte for byte. A difference means the committed model is
# stale: a source, the script, the trainer, the hand-set costs or the
# morpheme hints changed without a rebuild. Regenerate with
#   python3 scripts/translit/learn_bizroke.py --kurdi build/apps/cli/kurdi \
#     --eval build/eval/kurdi_eval --shared ../shared
# then scripts/translit/build_exceptions.py (the lexicon depends on the rules).
# Exit 77 (skipped) when the shared data is absent.
set -euo pipefail
export LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8
: "${KURDI:?}" "${KURDI_EVAL:?}" "${KURDI_SOURCE_DIR:?}" "${KURDI_SHARED:?}"
PYTHON=${PYTHON:-python3}
if [[ ! -f "$KURDI_SHARED/data/wergor-transliteration/word_pairs_latin_arabic.tsv" ||
      ! -f "$KURDI_SHARED/data/unimorph-ckb/ckb-arab.train" ]]; then
  echo "skipped: no shared data at $KURDI_SHARED/data"
  exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$PYTHON" "$KURDI_SOURCE_DIR/scripts/translit/learn_bizroke.py" \
  --kurdi "$KURDI" --eval "$KURDI_EVAL" --shared "$KURDI_SHARED" --out "$TMP" >/dev/null
# shellcheck source=tests/support/compare_rebuild.sh
source "$KURDI_SOURCE_DIR/tests/support/compare_rebuild.sh"
compare data/translit "$TMP" "$KURDI_SOURCE_DIR/data/translit" bizroke_costs.tsv MANIFEST.bizroke
if ((FAILS > 0)); then
  echo "regenerate data/translit (see the top of $0)" >&2
  exit 1
fi
