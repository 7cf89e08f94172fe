#!/usr/bin/env python3
"""golden_test.py PROGRAM GOLDEN: PROGRAM's JSON template (default labels) must equal GOLDEN byte for
byte. On a difference it prints a unified diff; to accept a reviewed change, regenerate with
`PROGRAM > tests/docker_swarm/golden.template.json` and review the diff by hand against the post."""
import difflib
import subprocess
import sys

program, golden = sys.argv[1], sys.argv[2]
actual = subprocess.run([program], capture_output=True, check=True).stdout
with open(golden, "rb") as f:
    expected = f.read()
if actual != expected:
    diff = difflib.unified_diff(expected.decode().splitlines(), actual.decode().splitlines(),
                                golden, "program output", lineterm="", n=2)
    print("\n".join(list(diff)[:200]))
    sys.exit(f"FAIL: the template differs from {golden}")
print(f"PASS: {len(actual)} bytes, identical to {golden}")
