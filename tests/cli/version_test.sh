#!/usr/bin/env bash
# --version prints the release and analyzer versions; --licenses prints NOTICE.
source "$(dirname "$0")/lib.sh"

"$KURDI" --version > "$TMP/out"
check_eq "--version: two lines" 2 "$(wc -l < "$TMP/out")"
check_eq "--version: release version from CMake" "kurdi $KURDI_VERSION" "$(sed -n 1p "$TMP/out")"
if [[ "$(sed -n 2p "$TMP/out")" =~ ^analyzer\ ${KURDI_VERSION//./\\.}\+[0-9a-f]+$ ]]; then
  pass "--version: analyzer version"
else
  fail "--version: second line is [$(sed -n 2p "$TMP/out")]"
fi

if [[ -f "$KURDI_SOURCE_DIR/NOTICE" ]]; then
  "$KURDI" --licenses > "$TMP/out"
  check_same "--licenses prints NOTICE" "$KURDI_SOURCE_DIR/NOTICE" "$TMP/out"
else
  fail "no NOTICE file in the source tree"
fi

finish
