#!/usr/bin/env python3
"""Every stack.cpp the round trip imported is clang-format clean in cfn2cpp's style."""

import os
import subprocess
import sys
from pathlib import Path


def main():
    work, style = Path(sys.argv[1]), Path(sys.argv[2])
    sources = sorted((work / "src").glob("*.cpp"))
    if not sources:
        message = f"no imported stack.cpp in {work} (cfn2cpp_roundtrip did not run)"
        print(("FAIL: " if os.environ.get("CI") == "true" else "SKIP: ") + message)
        return 1 if os.environ.get("CI") == "true" else 77
    r = subprocess.run(["clang-format", "--dry-run", "-Werror", f"--style=file:{style}", *map(str, sources)],
                       capture_output=True, text=True)
    print(r.stderr[:4000], end="")
    print(f"{len(sources)} imported stack.cpp files: {'clang-format clean' if r.returncode == 0 else 'NOT clang-format clean'}")
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
