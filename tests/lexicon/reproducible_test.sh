#!/usr/bin/env bash
# Reruns the lexicon and stopword builds with the built kurdi and compares
# every output byte for byte with data/lexicon and data/stopwords. A
# difference means the committed files are stale: a source, a script, the
# supplement or the normalizer changed without a rebuild. Regenerate with
#   python3 scripts/lexicon/build_lexicon.py --kurdi build/apps/cli/kurdi --shared ../shared
#   python3 scripts/lexicon/build_stopwords.py --kurdi build/apps/cli/kurdi --shared ../shared
# Exit 77 (skipped) when the shared data is absent.
set -euo pipefail
export LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8
: "${KURDI:?}" "${KURDI_SOURCE_DIR:?}" "${KURDI_SHARED:?}"
PYTHON=${PYTHON:-python3}
if [[ ! -d "$KURDI_SHARED/data" ]]; then
  echo "skipped: no shared data at $KURDI_SHARED/data"
  exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# shellcheck source=tests/support/compare_rebuild.sh
source "$KURDI_SOURCE_DIR/tests/support/compare_rebuild.sh"

SECONDS=0
"$PYTHON" "$KURDI_SOURCE_DIR/scripts/lexicon/build_lexicon.py" \
  --kurdi "$KURDI" --shared "$KURDI_SHARED" --out "$TMP/lexicon"
compare data/lexicon "$TMP/lexicon" "$KURDI_SOURCE_DIR/data/lexicon" words.tsv verbs.tsv MANIFEST

jar=/usr/share/java/lucene-analyzers-common-8.7.0.jar
if [[ -f "$jar" ]]; then
  "$PYTHON" "$KURDI_SOURCE_DIR/scripts/lexicon/build_stopwords.py" \
    --kurdi "$KURDI" --shared "$KURDI_SHARED" --lucene-jar "$jar" --out "$TMP/stopwords"
  compare data/stopwords "$TMP/stopwords" "$KURDI_SOURCE_DIR/data/stopwords" \
    search.txt analytics.txt MANIFEST
else
  echo "note: $jar absent (Debian liblucene8-java), stopwords not rebuilt"
fi
echo "rebuilt in ${SECONDS}s"

if ((FAILS > 0)); then
  echo "$FAILS file(s) differ; regenerate them (see the top of $0)" >&2
  exit 1
fi
echo "all checks passed"
