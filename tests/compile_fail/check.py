#!/usr/bin/env python3
"""Compile-fail test: one snippet, compiled twice.

A snippet holds the mistake between `#ifdef CFN_MISTAKE` and `#else`, and its corrected twin
between `#else` and `#endif`. It declares what the diagnostic must say:

    // expect: <regular expression the compiler's output must match>

and marks the line the diagnostic must point at with a trailing `// <- error`.
The test passes when the corrected twin compiles, the mistake does not, the output matches every
`expect`, and some diagnostic line names the snippet's marked line.
"""
import argparse
import re
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--compiler", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("snippet")
    args = parser.parse_args()

    with open(args.snippet) as f:
        source = f.read()
    expects = re.findall(r"^// expect: (.+)$", source, re.M)
    lines = [i + 1 for i, line in enumerate(source.splitlines()) if line.rstrip().endswith("// <- error")]
    if not expects or len(lines) != 1:
        sys.exit(f"{args.snippet}: needs '// expect: REGEX' and exactly one line marked '// <- error'")

    base = [args.compiler, "-std=c++20", "-fsyntax-only", "-I", args.include, args.snippet]
    good = subprocess.run(base, capture_output=True, text=True)
    if good.returncode != 0:
        print(good.stderr)
        sys.exit(f"FAIL: the corrected twin of {args.snippet} does not compile")
    bad = subprocess.run(base + ["-DCFN_MISTAKE"], capture_output=True, text=True)
    if bad.returncode == 0:
        sys.exit(f"FAIL: {args.snippet} compiles, but the mistake must not")
    output = bad.stderr
    for pattern in expects:
        if not re.search(pattern, output):
            print(output[:4000])
            sys.exit(f"FAIL: the diagnostic does not match /{pattern}/")
    name = re.escape(args.snippet.split("/")[-1])
    # g++ reports a failed consteval check inside the header, and the user's line as
    # "in 'constexpr' expansion of ...".
    if not re.search(rf"{name}:{lines[0]}:\d+:(?: error|\s+in .constexpr. expansion)", output):
        print(output[:4000])
        sys.exit(f"FAIL: no error points at line {lines[0]} of the snippet")
    first = next((l for l in output.splitlines() if ": error" in l), "")
    print(f"PASS: {args.snippet.split('/')[-1]}: {first.strip()[:200]}")


if __name__ == "__main__":
    main()
