#!/usr/bin/env python3
"""Compile-fail test: one snippet, compiled twice.

A snippet holds the mistake between `#ifdef CFN_MISTAKE` and `#else`, and its corrected twin
between `#else` and `#endif`. Its leading comments say what it is and what the diagnostic must say:

    // <one line: the mistake>                  (first line; more description lines may follow)
    // class: <1-11, the class of mistake in docs/errors.md>
    // fix: <what to do instead>
    // expect: <regular expression the compiler's output must match, with any compiler>
    // expect-gcc: <... with g++ only>        // expect-clang: <... with clang++ only>
    // clang-flags: <extra flags for clang++>

and marks the line the diagnostic must point at with a trailing `// <- error`.
The test passes when the corrected twin compiles, the mistake does not, the output matches every
expectation for this compiler, and some diagnostic line names the snippet's marked line.

`--record FILE` writes what docs/errors.md shows of this snippet (errors_doc.py assembles it).
"""
import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path


def directives(source, name):
    return re.findall(rf"^// {name}: (.+)$", source, re.M)


def first_lines(output, snippet_name, limit=8, width=1000):
    """The start of the diagnostic a user sees: from the first line that names the snippet to
    the first error and its source excerpt."""
    lines = output.splitlines()
    error = next((i for i, line in enumerate(lines) if ": error:" in line), 0)
    start = next((i for i, line in enumerate(lines[: error + 1]) if re.search(rf"{re.escape(snippet_name)}:\d+:\d+:", line)), error)
    end = error + 1
    while end < len(lines) and end - error <= 2 and re.match(r"^\s*(\d+ )?\|", lines[end]):
        end += 1
    shown = lines[start:end][-limit:]
    return [line if len(line) <= width else line[: width - 1] + "…" for line in shown]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--compiler", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("--root", help="prefix to strip from paths in recorded messages")
    parser.add_argument("--record", help="write the snippet's documentation record (JSON) here")
    parser.add_argument("snippet")
    args = parser.parse_args()

    source = Path(args.snippet).read_text()
    name = Path(args.snippet).name
    clang = "clang" in Path(args.compiler).name
    expects = directives(source, "expect") + directives(source, "expect-clang" if clang else "expect-gcc")
    classes = directives(source, "class")
    fixes = directives(source, "fix")
    marked = [i + 1 for i, line in enumerate(source.splitlines()) if line.rstrip().endswith("// <- error")]
    if not expects or len(marked) != 1 or len(classes) != 1 or not fixes:
        sys.exit(f"{name}: needs '// class: N', '// fix: ...', '// expect: REGEX' and exactly one line marked '// <- error'")

    # Plain ASCII quotes and no colours, whatever the caller's locale and terminal.
    env = dict(os.environ, LC_ALL="C", GCC_COLORS="")
    # As cfnpp_add_stack compiles a stack: the implementation is in the runtime library
    # (CFN_SEPARATE_COMPILATION), so the mistake is compiled against the headers a user's code sees,
    # without parsing the checker and the writers again for every snippet (0.4 s instead of 3 s).
    command = [args.compiler, "-std=c++20", "-DCFN_SEPARATE_COMPILATION", "-fsyntax-only", "-I", args.include,
               args.snippet]
    if clang:
        for flags in directives(source, "clang-flags"):
            command += flags.split()
    good = subprocess.run(command, capture_output=True, text=True, env=env)
    if good.returncode != 0:
        print(good.stderr)
        sys.exit(f"FAIL: the corrected twin of {name} does not compile")
    bad = subprocess.run(command + ["-DCFN_MISTAKE"], capture_output=True, text=True, env=env)
    if bad.returncode == 0:
        sys.exit(f"FAIL: {name} compiles, but the mistake must not")
    output = bad.stderr
    for pattern in expects:
        if not re.search(pattern, output):
            print(output[:4000])
            sys.exit(f"FAIL: the diagnostic does not match /{pattern}/")
    # g++ reports a failed consteval check inside the header, and the user's line as
    # "in 'constexpr' expansion of ..."; clang as "note: in call to ...". A check in a constructor
    # template (a list literal's count of items) points at the user's line as g++'s "required from
    # here" and clang's "note: in instantiation of ...".
    if not re.search(rf"{re.escape(name)}:{marked[0]}:\d+:(?: error|\s+in .constexpr. expansion| note: in call to"
                     rf"|\s+required from here| note: in instantiation of)", output):
        print(output[:4000])
        sys.exit(f"FAIL: no error points at line {marked[0]} of the snippet")

    if args.record:
        root = (args.root.rstrip("/") + "/") if args.root else ""
        description = []
        for line in source.splitlines():
            if not line.startswith("// ") or re.match(r"// (class|fix|expect[-a-z]*|clang-flags): ", line):
                break
            description.append(line[3:])
        mistake = source.split("#ifdef CFN_MISTAKE\n", 1)[1].split("#else\n", 1)[0]
        record = {
            "snippet": name,
            "class": int(classes[0]),
            "description": " ".join(description),
            "fix": " ".join(fixes),
            "mistake": "\n".join(l.replace("  // <- error", "") for l in mistake.splitlines()
                                 if not l.strip().startswith("(void)")),
            "message": [line.replace(root, "") for line in first_lines(output, name)] if root else first_lines(output, name),
        }
        Path(args.record).parent.mkdir(parents=True, exist_ok=True)
        Path(args.record).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    first = next((l for l in output.splitlines() if ": error" in l), "")
    print(f"PASS: {name}: {first.strip()[:200]}")


if __name__ == "__main__":
    main()
