#!/usr/bin/env python3
"""The stack's -O0 objects and the -O2 runtime both define some inline functions of the standard
library (std::string's members...); the linker keeps one copy of each. cmake/cfnpp.cmake puts the
runtime's objects first so that the copy kept is always the runtime's. This reads the GNU ld link
map of a stack program and fails if a function the runtime defines was taken from another object.

    check_map.py PROGRAM.map
"""
import re
import sys

RUNTIME = re.compile(r"libcfnpp_runtime\.a\(")


def sections(lines):
    """(section name, input file) of each input section listed, with GNU ld's line wrapping."""
    pending = None
    for line in lines:
        m = re.match(r"^ (\.text\.\S+)(?:\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+(\S.*))?$", line)
        if m:
            if m.group(2):
                yield m.group(1), m.group(2).strip()
                pending = None
            else:
                pending = m.group(1)
            continue
        m = re.match(r"^\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+(\S.*)$", line)
        if pending and m:
            yield pending, m.group(1).strip()
        pending = None


def main():
    text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
    if "Discarded input sections" not in text or "Linker script and memory map" not in text:
        print(f"{sys.argv[1]}: not a GNU ld link map")
        return 1
    discarded_part, kept_part = text.split("Linker script and memory map", 1)
    discarded = list(sections(discarded_part.splitlines()))
    kept = dict(sections(kept_part.splitlines()))
    runtime_defines = {name for name, where in discarded if RUNTIME.search(where)}
    runtime_defines |= {name for name, where in kept.items() if RUNTIME.search(where)}
    shared = [name for name, where in discarded if not RUNTIME.search(where) and name in runtime_defines]
    wrong = sorted({name for name, where in discarded if RUNTIME.search(where) and name in kept
                    and not RUNTIME.search(kept[name])})
    for name in wrong:
        print(f"kept from {kept[name]}, not from the runtime: {name}")
    if not shared and not wrong:
        # Nothing to compare: the test would prove nothing (the map's format changed?).
        print("no function is defined both by the program's objects and by the runtime")
        return 1
    print(f"{len(set(shared) | set(wrong))} functions defined both by the program's objects and by the runtime: "
          f"{len(wrong)} taken from the program's objects")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
