#!/usr/bin/env python3
"""The guard rails over the conformance templates: the findings of every program the round trip
built (cfn2cpp_roundtrip's work directory) must be those listed in rules-findings.txt, reviewed.

Each program runs with `--check` (all rules); each finding is one line of the list,
`template: RULE-ID: severity: path`, sorted. A finding that appears or disappears fails the test,
as the round trip's exceptions do: when a rule changes on purpose, regenerate the list with
`--update` and review its diff. Programs the round trip could not build are named in the list's
header, so that one that starts to build shows up as a change too.
"""

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FINDING = re.compile(r"^(error|warning): (\S+): .* \[([A-Z0-9][A-Za-z0-9-]*)\]$")


def findings(work):
    sources = json.loads((work / "sources.json").read_text(encoding="utf-8"))
    lines, missing = [], []
    for name in sorted(sources):
        program = work / "build" / name
        if not program.exists():
            missing.append(name)
            continue
        r = subprocess.run([str(program), "--check"], capture_output=True, text=True)
        for line in r.stderr.splitlines():
            m = FINDING.match(line)
            if m:
                severity, path, rule = m.groups()
                lines.append(f"{name}: {rule}: {severity}: {path}")
    return sorted(lines), missing


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--work", required=True, help="cfn2cpp_roundtrip's work directory")
    p.add_argument("--expected", default=str(HERE / "rules-findings.txt"))
    p.add_argument("--update", action="store_true", help="rewrite the list from what the programs find")
    args = p.parse_args()
    work = Path(args.work)
    if not (work / "sources.json").exists():
        # The round trip skipped (no conformance templates) or did not run.
        message = f"no round-trip work directory at {work}: cfn2cpp_roundtrip imports and builds the programs"
        print(("FAIL: " if os.environ.get("CI") == "true" else "SKIP: ") + message)
        return 1 if os.environ.get("CI") == "true" else 77
    lines, missing = findings(work)
    header = ["# The guard rails' findings over the conformance templates imported with cfn2cpp",
              "# (rules_findings.py; docs/rules.md). Reviewed: a change fails the test; regenerate with --update.",
              "# template: rule: severity: path"]
    header += [f"# not built by the round trip: {name}" for name in missing]
    text = "\n".join(header + lines) + "\n"
    expected_path = Path(args.expected)
    if args.update:
        expected_path.write_text(text, encoding="utf-8")
        print(f"wrote {len(lines)} findings to {expected_path}")
        return 0
    expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else ""
    if expected == text:
        print(f"{len(lines)} findings, as listed")
        return 0
    old, new = set(expected.splitlines()), set(text.splitlines())
    for line in sorted(new - old):
        print(f"FAIL: new: {line}")
    for line in sorted(old - new):
        print(f"FAIL: gone: {line}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
