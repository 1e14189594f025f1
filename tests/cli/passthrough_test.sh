#!/usr/bin/env bash
# normalize is a pure filter: LF, CRLF, a missing final newline and NUL
# bytes pass through byte for byte; only the letters the rules name change.
source "$(dirname "$0")/lib.sh"

# Correct Sorani, CRLF line ends, no final newline: unchanged.
printf 'سڵاو لە هەولێر\r\nباشم، سوپاس\r\n\r\nکوردستان' > "$TMP/crlf.txt"
"$KURDI" normalize "$TMP/crlf.txt" > "$TMP/out"
check_same "CRLF and missing final newline pass through" "$TMP/crlf.txt" "$TMP/out"

# Same through stdin and through '-'.
"$KURDI" normalize < "$TMP/crlf.txt" > "$TMP/out"
check_same "stdin pass-through" "$TMP/crlf.txt" "$TMP/out"
"$KURDI" normalize - < "$TMP/crlf.txt" > "$TMP/out"
check_same "'-' reads stdin" "$TMP/crlf.txt" "$TMP/out"

# A change next to line breaks keeps them: Arabic kaf (U+0643) -> keheh (U+06A9).
printf 'كورد\r\nكورد\nكورد' > "$TMP/kaf.txt"
printf 'کورد\r\nکورد\nکورد' > "$TMP/expected"
"$KURDI" normalize "$TMP/kaf.txt" > "$TMP/out"
check_same "letters change, CRLF/LF/no final newline kept" "$TMP/expected" "$TMP/out"

# NUL is ordinary text: it never truncates a line.
printf 'سڵاو\0هەولێر\nدوو\n' > "$TMP/nul.txt"
"$KURDI" normalize "$TMP/nul.txt" > "$TMP/out"
check_same "NUL byte kept by normalize" "$TMP/nul.txt" "$TMP/out"
lines=$("$KURDI" tokenize "$TMP/nul.txt" | wc -l)
check_eq "NUL byte: tokenize still one output line per input line" 2 "$lines"
json_text=$("$KURDI" tokenize --json "$TMP/nul.txt" | head -1 | python3 -c '
import json, sys
obj = json.loads(sys.stdin.read())
print(obj["tokens"][-1]["end"])')
check_eq "NUL byte: tokens reach the end of the line" 21 "$json_text"

# Empty input gives empty output; several files are concatenated in order.
: > "$TMP/empty.txt"
"$KURDI" normalize "$TMP/empty.txt" > "$TMP/out"
check_same "empty input" "$TMP/empty.txt" "$TMP/out"
cat "$TMP/crlf.txt" "$TMP/nul.txt" > "$TMP/both"
"$KURDI" normalize "$TMP/crlf.txt" "$TMP/nul.txt" > "$TMP/out"
check_same "files are concatenated" "$TMP/both" "$TMP/out"

# tokenize: one output line per input line, also for empty lines and CRLF.
printf 'یەک دوو\r\n\r\nسێ' > "$TMP/lines.txt"
"$KURDI" tokenize "$TMP/lines.txt" > "$TMP/out"
printf 'یەک دوو\n\nسێ\n' > "$TMP/expected"
check_same "tokenize: one line out per line in" "$TMP/expected" "$TMP/out"

finish
