#!/usr/bin/env bash
# kill -9 in the middle of `kurdi index`: the archive reopens, passes
# `kurdi check`, and holds at least every document the run reported as stored
# (each committed batch is reported on stderr with --verbose). A search run
# while the indexer writes must work too (WAL). Then Ctrl-C (SIGINT): the run
# commits what it read, says so and exits 130.
source "$(dirname "$0")/lib.sh"
A="$TMP/big.db"
# ~12,000 small distinct documents from the bundled KurdishLID sentences.
python3 - "$KURDI_SOURCE_DIR/samples/kurdish-lid" "$TMP/docs.jsonl" <<'PY'
import json, pathlib, sys
lines = []
for f in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    lines += [l.strip() for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    n = 0
    for copy in range(5):
        for i in range(len(lines)):
            body = " ".join(lines[(i + k) % len(lines)] for k in range(1 + copy))
            out.write(json.dumps({"id": f"c{copy}-{i}", "body": body}, ensure_ascii=False) + "\n")
            n += 1
print(n, "documents", file=sys.stderr)
PY

# stored_reported FILE: the last "N documents stored" the indexer reported.
stored_reported() { sed -n 's/.*committed: \([0-9]*\) documents stored.*/\1/p' "$1" | tail -n1; }

"$KURDI" index "$A" "$TMP/docs.jsonl" --verbose --batch 100 2> "$TMP/err" &
pid=$!
# Wait for three committed batches (at most 60 s), then search while it writes.
for _ in $(seq 600); do
  [[ $(grep -c "committed:" "$TMP/err" || true) -ge 3 ]] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
"$KURDI" search "$A" 'کوردستان' --json --limit 3 > "$TMP/during" 2> "$TMP/during.err" && rc=0 || rc=$?
check_eq "search while indexing: exit 0" 0 "$rc"
[[ -s "$TMP/during" ]] && pass "search while indexing finds committed documents" || fail "no hits while indexing: $(cat "$TMP/during.err")"
kill -9 "$pid" 2>/dev/null && killed=1 || killed=0
wait "$pid" 2>/dev/null || true
[[ $killed == 1 ]] && pass "indexer killed mid-run" || fail "the indexer finished before it could be killed (make the input bigger)"
reported=$(stored_reported "$TMP/err")
[[ -n "$reported" ]] || { fail "no batch was reported: $(cat "$TMP/err")"; finish; }

"$KURDI" check "$A" > "$TMP/check" 2>&1 && rc=0 || rc=$?
check_eq "check after kill -9" 0 "$rc"
count=$("$KURDI" stats "$A" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
if (( count >= reported )); then pass "archive holds $count >= $reported reported stored"; else fail "archive holds $count < $reported reported"; fi
total=$(wc -l < "$TMP/docs.jsonl")
(( count < total )) && pass "the run was really interrupted ($count of $total)" || fail "all $total documents stored: not interrupted"

# Resume: the same command completes the archive; nothing is stored twice.
"$KURDI" index "$A" "$TMP/docs.jsonl" 2> "$TMP/err2"
check_eq "resumed run stores every document once" "$total" \
  "$("$KURDI" stats "$A" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')"

# SIGINT: commits what it has, says "interrupted", exits 130.
rm -f "$A" "$A-wal" "$A-shm"
"$KURDI" index "$A" "$TMP/docs.jsonl" --verbose --batch 100 2> "$TMP/err" &
pid=$!
for _ in $(seq 600); do
  [[ $(grep -c "committed:" "$TMP/err" || true) -ge 2 ]] && break
  sleep 0.1
done
kill -INT "$pid"
wait "$pid" && rc=0 || rc=$?
check_eq "SIGINT: exit 130" 130 "$rc"
grep -q "(interrupted)" "$TMP/err" && pass "SIGINT: summary says interrupted" || fail "SIGINT summary: $(tail -2 "$TMP/err")"
reported=$(stored_reported "$TMP/err")
count=$("$KURDI" stats "$A" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
check_eq "SIGINT: every document read was committed" "$reported" "$count"
"$KURDI" check "$A" > /dev/null && pass "check after SIGINT" || fail "check after SIGINT"
# SIGINT while an over-long line is being skipped: no document comes to notice
# the stop, so the reading must (an endless stream of zeros, a 1 MiB block
# every 10 ms: the 1 GiB give-up is 10 s away).
rm -f "$A" "$A-wal" "$A-shm"
(while head -c 1048576 /dev/zero; do sleep 0.01; done) | "$KURDI" index "$A" - --format jsonl 2> "$TMP/err" &
pid=$!
sleep 1
kill -INT "$pid"
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && { fail "SIGINT while skipping a line: still running 5 s later"; kill -9 "$pid"; }
wait "$pid" && rc=0 || rc=$?
check_eq "SIGINT while skipping a line: exit 130" 130 "$rc"
grep -q "(interrupted)" "$TMP/err" && pass "SIGINT while skipping: summary says interrupted" ||
  fail "SIGINT while skipping: $(tail -2 "$TMP/err")"
finish
