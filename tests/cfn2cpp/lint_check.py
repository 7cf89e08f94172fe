#!/usr/bin/env python3
"""cfn-lint on the templates the round trip emitted (roundtrip.py's work directory).

An emitted template must have no cfn-lint errors, unless the original has the same errors; each
such template is listed in roundtrip-exceptions.txt with the stage `lint`. The test fails when an
emitted template has an error its original does not, when a template with errors is not listed,
or when a listed one no longer has them.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from roundtrip import read_exceptions  # noqa: E402


def errors_by_file(files):
    """{file: {rule id}} of cfn-lint's errors (E rules) for each file."""
    result = {str(f): set() for f in files}
    r = subprocess.run(["cfn-lint", "--format", "parseable", "--", *map(str, files)], capture_output=True, text=True)
    for line in r.stdout.splitlines():
        parts = line.split(":")
        if len(parts) >= 6 and parts[5].startswith("E") and parts[0] in result:
            result[parts[0]].add(parts[5])
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--work", required=True)
    p.add_argument("--exceptions", default=str(Path(__file__).resolve().parent / "roundtrip-exceptions.txt"))
    args = p.parse_args()
    work = Path(args.work)
    if not (work / "sources.json").exists():
        message = f"no round trip in {work} (cfn2cpp_roundtrip did not run)"
        print(("FAIL: " if os.environ.get("CI") == "true" else "SKIP: ") + message)
        return 1 if os.environ.get("CI") == "true" else 77
    sources = json.loads((work / "sources.json").read_text(encoding="utf-8"))
    emitted = {name: work / "out" / f"{name}.json" for name in sources if (work / "out" / f"{name}.json").exists()}
    found = errors_by_file(list(emitted.values()) + [Path(sources[n]) for n in emitted])
    listed = {name: stages["lint"] for name, stages in read_exceptions(args.exceptions).items() if "lint" in stages}
    failures = []
    for name, out in sorted(emitted.items()):
        mine, theirs = found[str(out)], found[sources[name]]
        if mine - theirs:
            failures.append(f"{name}: cfn-lint errors the original does not have: {', '.join(sorted(mine - theirs))}")
        elif mine and name not in listed:
            failures.append(f"{name}: cfn-lint errors ({', '.join(sorted(mine))}), also in the original: list it as 'lint'")
        elif mine:
            print(f"exception {name}: lint: {listed[name]} ({', '.join(sorted(mine))})")
        elif name in listed:
            failures.append(f"{name}: listed as 'lint' but cfn-lint finds no error now: remove it from the list")
    print(f"{sum(1 for n in emitted if not found[str(emitted[n])])} of {len(emitted)} emitted templates pass cfn-lint without errors")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
