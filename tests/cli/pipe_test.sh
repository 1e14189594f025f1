#!/usr/bin/env bash
# A closed pipe ends quietly: `kurdi ... big | head -1` exits 0, no message.
source "$(dirname "$0")/lib.sh"

python3 -c '
import sys
line = "سڵاو لە هەولێر. ئەمە ڕستەیەکی تاقیکردنەوەیە، كوردستان ٢٠٢١.\n"
sys.stdout.write(line * 300000)' > "$TMP/big.txt"   # about 25 MB

for args in "normalize" "tokenize" "tokenize --json" "sentences" "sentences --json"; do
  set +e
  "$KURDI" $args "$TMP/big.txt" 2> "$TMP/err" | head -1 > "$TMP/out"
  rc=${PIPESTATUS[0]}
  set -e
  check_eq "'kurdi $args | head -1': exit 0" 0 "$rc"
  check_eq "'kurdi $args | head -1': no message" "" "$(cat "$TMP/err")"
  check_eq "'kurdi $args | head -1': one line" 1 "$(wc -l < "$TMP/out")"
done

# Also from stdin.
set +e
"$KURDI" tokenize < "$TMP/big.txt" 2> "$TMP/err" | head -1 > /dev/null
rc=${PIPESTATUS[0]}
set -e
check_eq "stdin | head -1: exit 0" 0 "$rc"
check_eq "stdin | head -1: no message" "" "$(cat "$TMP/err")"

finish
