#!/usr/bin/env python3
"""Each public core header compiles on its own, in header-only and in compiled (runtime) mode, and
each implementation file compiles on its own; both modes declare the same names for a sample.

    check.py CXX INCLUDE_DIR

A header that relies on being included after another, or an implementation file that uses what
another defines without including it, fails here with the compiler's message. The sample: after
<cfn/cfn.hpp> alone, cfn::iam is not declared in either mode (it is <cfn/iam/policy.hpp>'s), and a
small stack compiles in both.
"""
import subprocess
import sys
import tempfile
from pathlib import Path

MODES = {"header-only": [], "compiled": ["-DCFN_SEPARATE_COMPILATION"]}

SAMPLE = """
#include <cfn/cfn.hpp>
int main() {
    cfn::stack s{"sample"};
    auto p = s.add(cfn::parameter<cfn::str>{"Env"});
    s.output("Env", p.ref());
#ifdef EXPECT_NO_IAM
    namespace iam_is_not_declared = cfn::iam;
#endif
    return cfn::emit(s).empty();
}
"""


def compiles(cxx, include, flags, source_text):
    with tempfile.NamedTemporaryFile("w", suffix=".cpp") as f:
        f.write(source_text)
        f.flush()
        r = subprocess.run([cxx, "-std=c++20", "-fsyntax-only", "-I", include, *flags, f.name],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        return r.returncode == 0, r.stdout


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    cxx, include = sys.argv[1], Path(sys.argv[2])
    failures = []
    headers = sorted(p.name for p in (include / "cfn").glob("*.hpp")) + ["iam/policy.hpp"]
    for mode, flags in MODES.items():
        for header in headers:
            ok, out = compiles(cxx, str(include), flags, f"#include <cfn/{header}>\n")
            if not ok:
                failures.append(f"<cfn/{header}> does not compile on its own ({mode}):\n{out}")
    implementation = sorted((include / "cfn" / "impl").rglob("*.ipp"))
    for ipp in implementation:
        name = ipp.relative_to(include).as_posix()
        ok, out = compiles(cxx, str(include), MODES["compiled"], f"#include <{name}>\n")
        if not ok:
            failures.append(f"{name} does not compile on its own:\n{out}")
    for mode, flags in MODES.items():
        ok, out = compiles(cxx, str(include), flags, SAMPLE)
        if not ok:
            failures.append(f"the sample stack does not compile ({mode}):\n{out}")
        ok, _ = compiles(cxx, str(include), flags + ["-DEXPECT_NO_IAM"], SAMPLE)
        if ok:
            failures.append(f"cfn::iam is declared after <cfn/cfn.hpp> alone ({mode}): the modes differ")
    for failure in failures:
        print(failure)
    checked = 2 * len(headers) + len(implementation) + 4
    print(f"{checked - len(failures)} of {checked} compile checks as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
