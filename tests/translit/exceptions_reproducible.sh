#!/usr/bin/env bash
# Reruns scripts/translit/build_exceptions.py with the built kurdi into a
# temporary folder and compares data/translit/exceptions.tsv and MANIFEST
# byte for byte. A difference means the committed lexicon is stale: a
# source, the script, the normalizer or the syllable rules changed without a
# rebuild. Regenerate with
#   python3 scripts/translit/build_exceptions.py --kurdi build/apps/cli/kurdi --shared ../shared
# Exit 77 (skipped) when the shared data is absent.
set -euo pipefail
export LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8
: "${KURDI:?}" "${KURDI_SOURCE_DIR:?}" "${KURDI_SHARED:?}"
PYTHON=${PYTHON:-python3}
if [[ ! -f "$KURDI_SHARED/data/wergor-transliteration/word_pairs_latin_arabic.tsv" ||
      ! -f "$KURDI_SHARED/data/unimorph-ckb/ckb-arab.train" ]]; then
  echo "skipped: no shared data at $KURDI_SHARED/data"
  exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$PYTHON" "$KURDI_SOURCE_DIR/scripts/translit/build_exceptions.py" \
  --kurdi "$KURDI" --shared "$KURDI_SHARED" --out "$TMP"
# shellcheck source=tests/support/compare_rebuild.sh
source "$KURDI_SOURCE_DIR/tests/support/compare_rebuild.sh"
compare data/translit "$TMP" "$KURDI_SOURCE_DIR/data/translit" exceptions.tsv MANIFEST
if ((FAILS > 0)); then
  echo "regenerate data/translit (see the top of $0)" >&2
  exit 1
fi
