#!/usr/bin/env python3
"""Each public core header compiles on its own, in header-only and in compiled (runtime) mode, and
each implementation file compiles on its own; both modes declare the same names for a sample.

    check.py CXX INCLUDE_DIR

A header that relies on being included after another, or an implementation file that uses what
another defines without including it, fails here with the compiler's message. The sample: after
<cfn/cfn.hpp> alone, cfn::iam is not declared in either mode (it is <cfn/iam/policy.hpp>'s), and a
small stack compiles in both.
"""
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
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
    headers = sorted(p.name for p in (include / "cfn").glob("*.hpp")) + ["iam/policy.hpp"]
    implementation = [ipp.relative_to(include).as_posix() for ipp in sorted((include / "cfn" / "impl").rglob("*.ipp"))]
    # (description, flags, source, whether it must compile)
    jobs = [(f"<cfn/{h}> on its own ({mode})", flags, f"#include <cfn/{h}>\n", True)
            for mode, flags in MODES.items() for h in headers]
    jobs += [(f"{name} on its own", MODES["compiled"], f"#include <{name}>\n", True) for name in implementation]
    for mode, flags in MODES.items():
        jobs.append((f"the sample stack ({mode})", flags, SAMPLE, True))
        jobs.append((f"cfn::iam undeclared after <cfn/cfn.hpp> alone ({mode})", flags + ["-DEXPECT_NO_IAM"], SAMPLE,
                     False))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda j: compiles(cxx, str(include), j[1], j[2]), jobs))
    failures = []
    for (what, _, _, must_compile), (ok, out) in zip(jobs, results):
        if ok != must_compile:
            failures.append(f"FAILED: {what}" + (f":\n{out}" if must_compile else ": it compiles, the modes differ"))
    for failure in failures:
        print(failure)
    print(f"{len(jobs) - len(failures)} of {len(jobs)} compile checks as expected")
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main())
