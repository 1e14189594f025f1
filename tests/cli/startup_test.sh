#!/usr/bin/env bash
# What kurdi loads at start: no library that only some commands need.
# cpp-httplib (with OpenSSL, brotli, zlib) belongs to kurdi-serve, which
# `kurdi serve` execs; libxml2 (with ICU) is loaded with dlopen at the first
# HTML file (archive/read/libxml2.cpp). Either one linked into kurdi again
# would cost every command several milliseconds (docs/benchmarks.md,
# "Process start"). Also: without a usable libxml2, HTML files are skipped
# with a clear reason and the other files are still indexed.
source "$(dirname "$0")/lib.sh"

if command -v readelf > /dev/null; then
  needed=$(readelf -d "$KURDI" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
else
  needed=$(objdump -p "$KURDI" | awk '$1 == "NEEDED" {print $2}')
fi
[[ -n "$needed" ]] || fail "no NEEDED entries read from $KURDI"
echo "kurdi needs: $(tr '\n' ' ' <<< "$needed")"
for unwanted in libxml2 cpp-httplib libssl libcrypto; do
  if grep -q "$unwanted" <<< "$needed"; then
    fail "kurdi links $unwanted ($(grep "$unwanted" <<< "$needed" | tr '\n' ' '))"
  else
    pass "kurdi does not link $unwanted"
  fi
done

# A libxml2.so.2 that has none of libxml2's functions (FAKE_LIBXML2_DIR,
# tests/cli/CMakeLists.txt), found first through LD_LIBRARY_PATH: loading
# libxml2 fails as it would where it is missing.
if [[ -n "${FAKE_LIBXML2_DIR:-}" ]]; then
  printf '<html><body><p>%s</p></body></html>\n' 'ئەمە تاقیکردنەوەیە' > "$TMP/page.html"
  printf '%s\n' 'ئەمە تاقیکردنەوەیە' > "$TMP/page.txt"
  set +e
  LD_LIBRARY_PATH=$FAKE_LIBXML2_DIR "$KURDI" index "$TMP/a.db" "$TMP/page.html" "$TMP/page.txt" \
    > "$TMP/out" 2> "$TMP/err"
  rc=$?
  set -e
  check_eq "without libxml2: index exits 0 (a skip is not an error)" 0 "$rc"
  grep -qF "page.html: reading HTML needs libxml2 (libxml2.so.2): $FAKE_LIBXML2_DIR/libxml2.so.2: undefined symbol" \
    "$TMP/err" && pass "without libxml2: the HTML file is skipped with the reason" \
    || fail "without libxml2: $(cat "$TMP/err")"
  grep -q "1 added.*1 skipped" "$TMP/err" && pass "without libxml2: the text file is indexed" \
    || fail "without libxml2: $(tail -n 1 "$TMP/err")"
  # The same page with the real libxml2.
  "$KURDI" index "$TMP/b.db" "$TMP/page.html" > "$TMP/out" 2> "$TMP/err" || fail "index page.html: $(cat "$TMP/err")"
  grep -q "1 added" "$TMP/err" && pass "with libxml2: page.html is indexed" || fail "with libxml2: $(cat "$TMP/err")"
fi

finish
