#!/usr/bin/env python3
"""The compile-fail snippets through a precompiled header: the messages must not change.

cfnpp_add_stack and cfnpp_add_modules compile a stack's sources with a precompiled header of
<cfn/cfn.hpp> and the <cfn/...> headers they include (cmake/cfnpp.cmake). This builds one such
header for all the snippets, compiles each mistake with it, and checks that what docs/errors.md
shows of the diagnostic (check.py's first_lines) and every `error:` line are what the same compiler
says without the header: with g++ the records of the compile_fail.gcc tests (--records), with
clang++ a second compile without it. The corrected twins must compile with it too.

    pch_check.py --compiler g++ --include include --root . --records build/tests/compile_fail_records \\
                 --work DIR tests/compile_fail/c*.cpp

With clang++ (--compiler clang++), the header is g++'s too, passed as CMake passes it to clang++
(`-Xclang -include-pch -Xclang FILE -Xclang -include -Xclang HEADER`), and the mistakes compile
through cmake/cfnpp_pch_retry.sh, the launcher cfnpp.cmake gives clang++ targets: clang++ drops its
typo corrections ("did you mean ...?") for the members of what it reads from a precompiled header,
and the launcher compiles a failing source again without the header. (The corrected twins compile
with the header alone.) --no-retry compiles the mistakes without the launcher (it fails: that is
why). --core-header checks the header cfnpp.cmake precompiles for clang++ where CMake has no
launchers (Visual Studio, Xcode): the standard headers that the cfn/ headers include, recursively
(cfn/impl/ left out), and the cfn/ headers but the generated ones (cfn/aws/, cfn/alexa/), where
the members users misspell are; without the launcher.
"""
import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check import directives, first_lines  # noqa: E402  (the messages as docs/errors.md shows them)

INCLUDE = re.compile(r"^\s*#\s*include\s*<(cfn/[^>]+)>", re.M)
STD_INCLUDE = re.compile(r"^\s*#\s*include\s*<([a-z_]+)>", re.M)
GENERATED = re.compile(r"^cfn/(aws|alexa)/")  # the resource headers generators/ writes


def std_includes(include: Path, headers: list) -> list:
    """The standard headers the cfn/ `headers` include, directly or through other cfn/ headers,
    without cfn/impl/: as cmake/cfnpp.cmake's _cfnpp_std_includes, sorted."""
    queue, seen, found = list(headers), set(), set()
    while queue:
        header = queue.pop(0)
        path = include / header
        if header in seen or header.startswith("cfn/impl/") or not path.exists():
            continue
        seen.add(header)
        text = path.read_text()
        queue += INCLUDE.findall(text)
        found |= set(STD_INCLUDE.findall(text))
    return sorted(found)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--compiler", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("--root", required=True, help="prefix stripped from paths, as in the records")
    parser.add_argument("--records", help="the g++ records (check.py --record) to compare with")
    parser.add_argument("--work", required=True, help="where to write the precompiled header")
    parser.add_argument("--no-retry", action="store_true",
                        help="with clang++: compile the mistakes with the header, without cfnpp_pch_retry.sh")
    parser.add_argument("--core-header", action="store_true",
                        help="with clang++: leave the generated headers out of the header, without cfnpp_pch_retry.sh")
    parser.add_argument("snippets", nargs="+")
    args = parser.parse_args()

    clang = "clang" in Path(args.compiler).name
    env = dict(os.environ, LC_ALL="C", GCC_COLORS="")
    root = args.root.rstrip("/") + "/"
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)

    # The header cfnpp.cmake would precompile for a target made of all the snippets.
    headers = ["cfn/cfn.hpp"]
    for snippet in args.snippets:
        headers += [h for h in INCLUDE.findall(Path(snippet).read_text()) if h not in headers]
    if clang and args.core_header:
        headers = std_includes(Path(args.include), headers) + [h for h in headers if not GENERATED.match(h)]
    header = work / "pch.hpp"
    header.write_text("".join(f"#include <{h}>\n" for h in headers))
    # The stack targets cfnpp_add_stack makes link the runtime, so they compile, and precompile,
    # with CFN_SEPARATE_COMPILATION; so does check.py.
    base = [args.compiler, "-std=c++20", "-DCFN_SEPARATE_COMPILATION", "-I", args.include]
    retry = []
    if clang:
        # As CMake 3.16+ builds and passes a precompiled header to clang++.
        built = work / "pch.hpp.pch"
        pch_source = work / "pch.hpp.cxx"
        pch_source.write_text("/* empty: the header is included with -include */\n")
        make = base + ["-fpch-instantiate-templates", "-Xclang", "-emit-pch", "-Xclang", "-include", "-Xclang", str(header),
                       "-x", "c++-header", "-c", str(pch_source), "-o", str(built)]
        use = ["-Winvalid-pch", "-Xclang", "-include-pch", "-Xclang", str(built), "-Xclang", "-include", "-Xclang", str(header)]
        if not (args.no_retry or args.core_header):
            retry = ["/bin/sh", str(Path(__file__).resolve().parents[2] / "cmake" / "cfnpp_pch_retry.sh")]
    else:
        built = work / "pch.hpp.gch"
        make = base + ["-x", "c++-header", str(header), "-o", str(built)]
        use = ["-include", str(header), "-Winvalid-pch", "-Werror=invalid-pch"]
    made = subprocess.run(make, capture_output=True, text=True, env=env)
    if made.returncode != 0:
        sys.exit(f"FAIL: the precompiled header does not compile\n{made.stderr[:4000]}")

    failures = 0
    for snippet in args.snippets:
        name = Path(snippet).name
        source = Path(snippet).read_text()
        command = base + ["-fsyntax-only", snippet]
        if clang:
            for flags in directives(source, "clang-flags"):
                command += flags.split()
        twin = subprocess.run(command + use, capture_output=True, text=True, env=env)
        with_pch = subprocess.run(retry + command + use + ["-DCFN_MISTAKE"], capture_output=True, text=True, env=env).stderr
        if args.records and not clang:
            record = json.loads((Path(args.records) / f"{Path(snippet).stem}.json").read_text())
            expected_message, expected_errors = record["message"], None
        else:
            without = subprocess.run(command + ["-DCFN_MISTAKE"], capture_output=True, text=True, env=env).stderr
            expected_message = [line.replace(root, "") for line in first_lines(without, name)]
            expected_errors = [line for line in without.splitlines() if "error:" in line]
        message = [line.replace(root, "") for line in first_lines(with_pch, name)]
        errors = [line for line in with_pch.splitlines() if "error:" in line]
        problems = []
        if twin.returncode != 0:
            problems.append(f"the corrected twin does not compile with the precompiled header:\n{twin.stderr[:2000]}")
        if message != expected_message:
            problems.append("the message differs:\n  without: " + "\n           ".join(expected_message)
                            + "\n  with:    " + "\n           ".join(message))
        if expected_errors is not None and errors != expected_errors:
            problems.append("the error lines differ:\n  without: " + "\n           ".join(expected_errors)
                            + "\n  with:    " + "\n           ".join(errors))
        if problems:
            failures += 1
            print(f"FAIL: {name}: " + "\n".join(problems))
        else:
            print(f"PASS: {name}")
    if failures:
        sys.exit(f"FAIL: {failures} of {len(args.snippets)} snippets read differently through a precompiled header")
    how = " (mistakes through cfnpp_pch_retry.sh)" if retry else ""
    print(f"PASS: all {len(args.snippets)} snippets read the same through a precompiled header of {len(headers)} headers{how}")


if __name__ == "__main__":
    main()
