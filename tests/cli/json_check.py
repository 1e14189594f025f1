"""Checks `kurdi tokenize --json` / `kurdi sentences --json` output against its input.

usage: json_check.py tokens|sentences INPUT OUTPUT
Every output line must be a JSON object (strict RFC 8259 parsing), line numbers must
match the input, offsets must be in range and in order, and slicing the input line by
[begin, end) must give "text" (malformed UTF-8 shown as U+FFFD).
"""
import json
import sys


def fail(message):
    print("json_check: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    mode, input_path, output_path = sys.argv[1:4]
    data = open(input_path, "rb").read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # kurdi drops a leading BOM; offsets count from after it
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()
    raw_output = open(output_path, "rb").read()
    try:
        text_output = raw_output.decode("utf-8")
    except UnicodeDecodeError as e:
        fail(f"output is not valid UTF-8: {e}")
    objects = []
    rows = text_output.split("\n")  # not splitlines(): U+2028 may appear raw in JSON
    if rows and rows[-1] == "":
        rows.pop()
    for number, row in enumerate(rows, 1):
        try:
            objects.append(json.loads(row, parse_constant=lambda c: fail(f"bad constant {c}")))
        except json.JSONDecodeError as e:
            fail(f"output line {number} is not valid JSON: {e}: {row[:200]}")
    count = 0
    if mode == "tokens":
        if len(objects) != len(lines):
            fail(f"{len(objects)} objects for {len(lines)} input lines")
        for index, obj in enumerate(objects):
            if set(obj) != {"line", "tokens"} or obj["line"] != index + 1:
                fail(f"bad object head: {str(obj)[:200]}")
            line = lines[index]
            previous_end = 0
            for token in obj["tokens"]:
                if set(token) != {"begin", "end", "type", "text", "norm"}:
                    fail(f"bad token keys: {token}")
                begin, end = token["begin"], token["end"]
                if not (previous_end <= begin < end <= len(line)):
                    fail(f"line {index + 1}: offsets out of order or range: {token}")
                previous_end = end
                expected = line[begin:end].decode("utf-8", errors="replace")
                if token["text"] != expected:
                    fail(f"line {index + 1}: text {token['text']!r} != slice {expected!r}")
                count += 1
    elif mode == "sentences":
        previous = (0, 0)
        for obj in objects:
            if set(obj) != {"line", "begin", "end", "text"}:
                fail(f"bad sentence keys: {obj}")
            number, begin, end = obj["line"], obj["begin"], obj["end"]
            if not 1 <= number <= len(lines):
                fail(f"line number out of range: {obj}")
            if (number, begin) < previous or begin >= end or end > len(lines[number - 1]):
                fail(f"offsets out of order or range: {obj}")
            previous = (number, end)
            expected = lines[number - 1][begin:end].decode("utf-8", errors="replace")
            if obj["text"] != expected:
                fail(f"line {number}: text {obj['text']!r} != slice {expected!r}")
            count += 1
    else:
        fail("mode must be tokens or sentences")
    print(f"json_check: {len(objects)} objects, {count} {mode} checked")


main()
