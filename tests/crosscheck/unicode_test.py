#!/usr/bin/env python3
"""cfnpp and cfn-lint on values beyond ASCII under the property-class patterns (issue 15): the
program (crosscheck/unicode_values.cpp) writes its template and cfn::check's value findings, and
crosscheck-values compares them with cfn-lint's, which judges the patterns with Python's `regex`.
Every finding must be shared: cfnpp reads the patterns over code points as `regex` does.

    unicode_test.py PROGRAM CROSSCHECK-VALUES
"""
import subprocess
import sys
import tempfile
from pathlib import Path

AGREEMENTS = 30  # the value errors both report on unicode_values.cpp's template


def main():
    program, script = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "unicode.json"
        subprocess.run([program, "-o", str(template)], check=True)
        r = subprocess.run([sys.executable, script, str(template)], capture_output=True, text=True)
    print(r.stdout, r.stderr, sep="")
    expected = f"{AGREEMENTS} paths where both report a value error, 0 disagreements"
    if r.returncode != 0 or expected not in r.stdout:
        print(f"FAIL: expected exit 0 and '{expected}'")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
