#!/usr/bin/env python3
"""Runs the shell examples of the docs and compares their output with the text shown.

A user copies `$ echo '...' | kurdi lemma` from README.md and expects the line the
README shows under it; this test makes sure they get it. In each console, text or
plain code block of the files below, a line starting with `$ ` is a command and
the lines after it, up to the next command or the end of the block, are its
expected output (blank lines at its end excepted). Only commands that need
nothing but kurdi and the bundled samples are run (kurdi, echo, printf, and pipes
between them); sqlite3 and psql sessions are left to their own tests.
`curl -s 'http://127.0.0.1:8080/...'` is answered by a `kurdi serve` of the demo
archive on a free port, started for the first such command and stopped at the
end (its expected output may be wrapped over several lines: they are joined).
The files' commands run in order, in one scratch directory with `samples/`
linked in, so `kurdi index build/demo.db ...` in the README makes the archive
that the later `kurdi search build/demo.db ...` and curl examples read.

What may differ, so that the docs can stay readable:
- a line `...` stands for any number of lines (and ends the comparison when last);
- `...` inside a line stands for any text (titles cut with " ..." still match);
- timings (`0.4 s`, `3.7 MB/s`) are compared as numbers of any value;
- a command's trailing `# comment` is not part of the command.

Usage: examples_test.py --kurdi PATH --source-dir DIR [--no-server]
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

FILES = ["README.md", "docs/cli.md", "docs/morphology.md", "docs/serve.md"]
RUNNABLE = {"kurdi", "echo", "printf"}
# Commands of these kinds need a running server: kurdi serve is tested in tests/serve.
SKIPPED_SUBCOMMANDS = {"serve"}
CURL = re.compile(r"curl -s '(http://127\.0\.0\.1:8080)(/[^']*)'\Z")
TIMING = re.compile(r"[0-9]+(?:\.[0-9]+)? (?:s|MB/s)\b")


def strip_comment(command):
    """Drops a trailing `# comment` that is outside quotes."""
    quote = None
    for i, ch in enumerate(command):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and i > 0 and command[i - 1] == " ":
            return command[:i].rstrip()
    return command


def finished(example):
    """The example without the blank lines that separate it from the next."""
    number, command, expected = example
    while expected and expected[-1] == "":
        expected.pop()
    return number, command, expected


def examples(path):
    """Yields (line number, command, expected lines) for each command of a console block."""
    lines = open(path, encoding="utf-8").read().split("\n")
    in_fence = in_block = False
    current = None
    for number, line in enumerate(lines, 1):
        if line.startswith("```"):
            if in_block and current:
                yield finished(current)
            current = None
            in_fence = not in_fence
            in_block = in_fence and line.strip() in ("```console", "```text", "```")
            continue
        if not in_block:
            continue
        if line.startswith("$ "):
            if current:
                yield finished(current)
            current = (number, strip_comment(line[2:]), [])
        elif current is not None:
            current[2].append(line)


def runnable(command):
    try:
        words = shlex.split(command)
    except ValueError:
        return False
    stages = [[]]
    for word in words:
        if word == "|":
            stages.append([])
        else:
            stages[-1].append(word)
    for stage in stages:
        if not stage or stage[0] not in RUNNABLE:
            return False
        if stage[0] == "kurdi" and len(stage) > 1 and stage[1] in SKIPPED_SUBCOMMANDS:
            return False
    return True


def line_pattern(expected):
    parts = [re.escape(TIMING.sub("\0", p)).replace("\0", TIMING.pattern)
             for p in expected.split("...")]
    return re.compile(".*".join(parts) + r"\Z", re.S)


def matches(expected, actual):
    """Whether the actual lines fit the expected ones (see the module docstring)."""
    def fit(e, a):
        if e == len(expected):
            return a == len(actual)
        if expected[e] == "...":
            return any(fit(e + 1, k) for k in range(a, len(actual) + 1))
        return a < len(actual) and line_pattern(expected[e]).match(actual[a]) is not None and fit(e + 1, a + 1)
    return fit(0, 0)


class DemoServer:
    """`kurdi serve build/demo.db` on a free port, started on first use."""

    def __init__(self, work, env):
        self.work, self.env, self.process, self.base = work, env, None, None

    def get(self, path):
        if self.process is None:
            self.start()
        quoted = urllib.parse.quote(path, safe="/?&=%:")
        with urllib.request.urlopen(self.base + quoted, timeout=30) as response:
            return response.read().decode("utf-8")

    def start(self):
        self.process = subprocess.Popen(
            ["kurdi", "serve", "build/demo.db", "--port", "0", "--quiet"], cwd=self.work, env=self.env,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stderr.readline().decode("utf-8", "replace")
            if not line:
                break
            found = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
            if found:
                self.base = found.group(1)
                return
        raise RuntimeError("kurdi serve build/demo.db did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kurdi", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--no-server", action="store_true",
                        help="skip the curl examples (kurdi serve is not built)")
    args = parser.parse_args()

    bin_dir = tempfile.mkdtemp(prefix="kurdi-doc-bin-")
    os.symlink(os.path.abspath(args.kurdi), os.path.join(bin_dir, "kurdi"))
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
               LC_ALL="C.UTF-8", NO_COLOR="1")
    env.pop("KURDI_USER_LEXICON", None)

    failures = ran = 0
    with tempfile.TemporaryDirectory(prefix="kurdi-doc-") as work:
        os.symlink(os.path.join(args.source_dir, "samples"), os.path.join(work, "samples"))
        os.mkdir(os.path.join(work, "build"))
        server = DemoServer(work, env)
        try:
            for name in FILES:
                for number, command, expected in examples(os.path.join(args.source_dir, name)):
                    where = f"{name}:{number}: {command}"
                    curl = CURL.match(command)
                    if curl and args.no_server:
                        continue
                    if curl:
                        actual = [server.get(curl.group(2)).rstrip("\n")]
                        expected = [re.sub(r"\s*\.\.\.\s*", "...", "".join(line.strip() for line in expected))]
                        status = 0
                    elif runnable(command):
                        result = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=work, env=env,
                                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
                        output = result.stdout.decode("utf-8", "replace").rstrip("\n")
                        actual = output.split("\n") if output else []
                        status = result.returncode
                    else:
                        continue
                    ran += 1
                    if status != 0:
                        failures += 1
                        print(f"FAIL {where}\n  exit {status}\n  " + "\n  ".join(actual[:20]))
                    elif not matches(expected, actual):
                        failures += 1
                        print(f"FAIL {where}\n  expected:\n    " + "\n    ".join(expected[:40]) +
                              "\n  got:\n    " + "\n    ".join(actual[:40]))
                    else:
                        print(f"ok   {where}")
        finally:
            server.stop()
    print(f"{ran} examples run, {failures} failed")
    if ran == 0:
        print("no example was run: the docs' console blocks were not found")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
