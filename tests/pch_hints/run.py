#!/usr/bin/env python3
"""clang++'s typo hints through cfnpp_add_stack's precompiled header (cmake/cfnpp_pch_retry.sh).

    run.py --compiler clang++ --work DIR (--source-dir CFNPP | --prefix INSTALLED) [--response-files]

Copies this directory's project (a stack with an EC2 instance) to DIR/project with a space in its
path, configures it with Ninja and a launcher of the user's own (CMAKE_CXX_COMPILER_LAUNCHER, a
script that logs its commands and runs them), then:
  1. builds it: the stack compiles with the precompiled header (its compile command passes
     -include-pch through cfnpp_pch_retry.sh and then the user's launcher), and once only, and
     its warning (a #pragma message) is shown, once;
  2. misspells a property, then an attribute, and builds each: the build fails, its output has
     clang++'s "did you mean 'key_name'?" (then 'attr_public_ip'), the error once; the failed
     compile ran twice (with the header, then without);
  3. puts the source back: it builds again, with the header.
--response-files: CMAKE_NINJA_FORCE_RESPONSE_FILE=ON, the flags in a response file.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MISTAKES = {".key_name = ": ".key_nme = ", "attr_public_ip()": "attr_public_ipp()"}
WARNING = "warning: a successful compile's warnings are shown"
HINTS = ["did you mean 'key_name'?", "did you mean 'attr_public_ip'?"]


def fail(message, output=""):
    sys.exit(f"FAIL: {message}\n{output[-6000:]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--compiler", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--source-dir", help="cfnpp's source tree (add_subdirectory)")
    parser.add_argument("--prefix", help="an installed cfnpp (find_package)")
    parser.add_argument("--response-files", action="store_true")
    args = parser.parse_args()

    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    project = work / "the project"
    shutil.copytree(HERE, project, ignore=shutil.ignore_patterns("run.py", "__pycache__"))
    log = work / "launcher.log"
    launcher = work / "user launcher.sh"
    # It logs each command, with the response files' contents (ninja deletes them after a build).
    launcher.write_text(f"""#!/bin/sh
line="$*"
for a do case $a in @*) [ -f "${{a#@}}" ] && line="$line $(cat "${{a#@}}")";; esac; done
printf '%s\\n' "$line" >>"{log}"
exec "$@"
""")
    launcher.chmod(0o755)
    build = project / "build"
    configure = ["cmake", "-S", str(project), "-B", str(build), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Debug",
                 f"-DCMAKE_CXX_COMPILER={args.compiler}", f"-DCMAKE_CXX_COMPILER_LAUNCHER={launcher}",
                 "-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF"]
    configure += [f"-DCFNPP_SOURCE_DIR={args.source_dir}"] if args.source_dir else [f"-DCMAKE_PREFIX_PATH={args.prefix}"]
    if args.response_files:
        configure += ["-DCMAKE_NINJA_FORCE_RESPONSE_FILE=ON"]
    env = dict(os.environ, LC_ALL="C")
    done = subprocess.run(configure, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        fail("configure failed", done.stdout + done.stderr)

    def build_stack():
        log.write_text("")
        return subprocess.run(["ninja", "-C", str(build), "hints"], capture_output=True, text=True, env=env)

    def stack_compiles():
        return [line for line in log.read_text().splitlines() if "stack.cpp.o" in line and "-c " in line]

    def uses_pch(command):
        return "-include-pch" in command

    commands = subprocess.run(["ninja", "-C", str(build), "-t", "commands", "hints"], capture_output=True, text=True).stdout
    stack_command = next((line for line in commands.splitlines() if "stack.cpp.o -c" in line), "")
    if "cfnpp_pch_retry.sh" not in stack_command or str(launcher) not in stack_command:
        fail("the stack's compile command does not go through cfnpp_pch_retry.sh and the user's launcher", stack_command)
    if stack_command.index("cfnpp_pch_retry.sh") > stack_command.index(launcher.name):
        fail("cfnpp_pch_retry.sh does not come first", stack_command)

    # 1. The correct stack, with the precompiled header.
    done = build_stack()
    if done.returncode != 0:
        fail("the correct stack does not build", done.stdout + done.stderr)
    compiles = stack_compiles()
    if len(compiles) != 1 or not uses_pch(compiles[0]):
        fail(f"the correct stack should compile once, with the precompiled header: {len(compiles)} compiles",
             "\n".join(compiles))
    if (done.stdout + done.stderr).count(WARNING) != 1:
        fail("the successful compile's warning is not shown once", done.stdout + done.stderr)
    print("PASS: the stack compiles once, with the precompiled header", flush=True)

    # 2. Each misspelling: clang++'s hint, the error once, the compile run twice.
    source = project / "stack.cpp"
    original = source.read_text()
    for (right, wrong), hint in zip(MISTAKES.items(), HINTS):
        source.write_text(original.replace(right, wrong))
        done = build_stack()
        output = done.stdout + done.stderr
        if done.returncode == 0:
            fail(f"the stack with {wrong.strip(' =')} builds", output)
        if hint not in output:
            fail(f"the build's output lacks {hint}", output)
        errors = [line for line in output.splitlines() if "error:" in line]
        if len(errors) != 1:
            fail(f"expected one error line, got {len(errors)}", output)
        compiles = stack_compiles()
        if len(compiles) != 2 or not uses_pch(compiles[0]) or uses_pch(compiles[1]):
            fail("the failed compile should run with the precompiled header, then once without", "\n".join(compiles))
        print(f"PASS: {wrong.strip(' =')}: {errors[0]}", flush=True)

    # 3. Put back, it builds with the header again.
    source.write_text(original)
    done = build_stack()
    compiles = stack_compiles()
    if done.returncode != 0 or len(compiles) != 1 or not uses_pch(compiles[0]):
        fail("the corrected stack does not build once with the precompiled header", done.stdout + done.stderr)
    print("PASS: corrected, it builds with the precompiled header again")


if __name__ == "__main__":
    main()
