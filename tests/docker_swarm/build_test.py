#!/usr/bin/env python3
"""How the example is built (issue 17), from the commands ninja runs for it:

- every module is a translation unit of its own, compiled with the precompiled header of its
  target, and the program links the modules' objects directly (no archive);
- each target's precompiled header holds <cfn/cfn.hpp> and every <cfn/...> header its sources
  include, directly or through swarm.hpp; with clang++ the modules compile through
  cmake/cfnpp_pch_retry.sh, which retries a failing compile without the header (clang++ would
  lose its typo corrections for the members of the resource types it read from it);
- the program links with lld when the compiler accepts -fuse-ld=lld (CFNPP_LINKER=auto);
- in a build with debug information (-g), the modules, the program and cfnpp::runtime are compiled
  with -gsplit-dwarf (CFNPP_SPLIT_DWARF, on by default), so the link copies no DWARF; the modules,
  the program and their PCHs with -g1 (CFNPP_DEBUG_INFO=lines, the default), the runtime with -g.

    build_test.py BUILD_DIR EXAMPLE_DIR
"""
import re
import shutil
import subprocess
import sys
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s*(<cfn/[^>]+>|"[^"]+")', re.M)


def cfn_includes(path: Path, seen: set) -> set:
    """The <cfn/...> headers `path` includes, and those of the files next to it it includes with quotes."""
    if path in seen or not path.exists():
        return set()
    seen.add(path)
    found = set()
    for name in INCLUDE.findall(path.read_text()):
        found |= {name} if name.startswith("<") else cfn_includes(path.parent / name.strip('"'), seen)
    return found


def cache_value(build: Path, name: str) -> str:
    """A variable of the build's CMakeCache.txt ("" when absent)."""
    match = re.search(rf"^{name}:\w+=(.*)$", (build / "CMakeCache.txt").read_text(), re.M)
    return match.group(1).strip().upper() if match else ""


def main():
    build, example = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    commands = subprocess.run(["ninja", "-C", str(build), "-t", "commands", "docker_swarm"], check=True,
                              capture_output=True, text=True).stdout.splitlines()
    failures = []
    modules = sorted(p for p in example.glob("*.cpp"))
    for source in modules:
        compile_line = next((c for c in commands if c.endswith(f" -c {source}")), None)
        if compile_line is None:
            failures.append(f"{source.name} is not compiled as a translation unit of its own")
            continue
        pch = re.search(r"-include (?:-Xclang )?(\S+/cmake_pch\.hxx)", compile_line)  # g++; clang++'s -Xclang
        clang = re.search(r"clang\+\+(\S*)? ", compile_line) is not None
        if not pch:
            failures.append(f"{source.name} is compiled without a precompiled header")
            continue
        text = Path(pch.group(1)).read_text()
        listed = set(re.findall(r"#include (<cfn/[^>]+>)", text))
        target_dir = Path(pch.group(1)).parent
        target_sources = [s for s in modules if any(c.endswith(f" -c {s}") and str(target_dir) in c for c in commands)]
        wanted = {"<cfn/cfn.hpp>"}
        for s in target_sources:
            wanted |= cfn_includes(s, set())
        if clang and "cfnpp_pch_retry.sh" not in compile_line.split(" -D")[0]:
            # clang++ drops typo hints for members read from a PCH: a failing compile must be retried without it.
            failures.append(f"{source.name} is compiled by clang++ without cmake/cfnpp_pch_retry.sh as its launcher")
            continue
        if listed != wanted:
            failures.append(f"the PCH of {target_dir.name} lists {sorted(listed)}, not {sorted(wanted)}")
    split_option = cache_value(build, "CFNPP_SPLIT_DWARF")
    if not split_option:
        failures.append("CFNPP_SPLIT_DWARF is not an option of this build (cmake/cfnpp.cmake defines it)")
    split_dwarf = split_option in ("ON", "TRUE", "1", "YES")
    compiles = [c for c in commands if " -c " in c]  # the program's, the modules', their PCHs', the runtime's
    for c in compiles:
        if split_dwarf and re.search(r"\s-g[123]?\s", c) and "-gsplit-dwarf" not in c:
            failures.append(f"{c.split()[-1]} is compiled with debug information but without -gsplit-dwarf: {c}")
        if not split_dwarf and "-gsplit-dwarf" in c:
            failures.append(f"CFNPP_SPLIT_DWARF is off but {c.split()[-1]} is compiled with -gsplit-dwarf")
    # The last -g level on a command line is the one the compiler uses.
    debug_info = cache_value(build, "CFNPP_DEBUG_INFO")
    if debug_info not in ("LINES", "FULL"):
        failures.append(f"CFNPP_DEBUG_INFO is {debug_info or 'not an option of this build'} (cmake/cfnpp.cmake: lines or full)")
    for c in compiles:
        levels = re.findall(r"\s-g([0123]?)(?=\s)", c)
        if not levels:
            continue
        ours = str(example) in c or "docker_swarm" in c  # a module, the program or one of their PCHs
        wanted_level = "1" if ours and debug_info == "LINES" else ""
        if levels[-1] not in (wanted_level, "2" if wanted_level == "" else wanted_level):
            failures.append(f"{c.split()[-1]} is compiled with -g{levels[-1]}, not -g{wanted_level} "
                            f"(CFNPP_DEBUG_INFO={debug_info.lower()}): {c}")
    link = next((c for c in commands if re.search(r" -o \S*docker_swarm(\s|$)", c)), "")
    if ".a " in link.replace("libcfnpp_runtime.a ", ""):
        failures.append(f"the program links an archive of the modules: {link}")
    if not re.search(r"managers\.cpp\.o", link):
        failures.append(f"the program does not link the modules' objects: {link}")
    if shutil.which("ld.lld") and "-fuse-ld=lld" not in link:
        failures.append(f"ld.lld is installed but the program does not link with it: {link}")
    if failures:
        sys.exit("FAIL:\n  " + "\n  ".join(failures))
    print(f"PASS: {len(modules)} translation units (with their target's PCH); the program links their objects"
          + (" with lld" if shutil.which("ld.lld") else "")
          + f"; {len(compiles)} compiles (modules, program, runtime) {'with' if split_dwarf else 'without'} -gsplit-dwarf"
          + f", the example's with {'-g1' if debug_info == 'LINES' else 'the build type -g'}")


if __name__ == "__main__":
    main()
