# Sourced by the tests that rebuild committed data with its script and
# compare the result byte for byte (lexicon, stopwords, transliteration
# tables). Counts the differing files in FAILS.
FAILS=0

# compare NAME GENERATED_DIR COMMITTED_DIR FILE...
compare() {
  local name=$1 got=$2 want=$3
  shift 3
  for f in "$@"; do
    if cmp -s "$want/$f" "$got/$f"; then
      echo "ok: $name/$f is reproduced byte for byte"
    else
      echo "FAIL: $name/$f differs from a rebuild (first differences below)" >&2
      diff "$want/$f" "$got/$f" | head -20 >&2 || true
      FAILS=$((FAILS + 1))
    fi
  done
}
