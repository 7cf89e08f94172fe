#!/usr/bin/env python3
"""Writes docs/errors.md from the compile-fail snippets and the g++ messages their tests recorded,
or checks that the committed file is what it would write.

    errors_doc.py --records DIR --check docs/errors.md   # CTest: fails when the guide is stale
    errors_doc.py --records DIR --write docs/errors.md   # after changing a snippet or a message

DIR holds the `check.py --record` files of a g++ run of every snippet (`ctest -R compile_fail`
writes them into the build tree, in tests/compile_fail_records/).
"""
import argparse
import difflib
import json
import sys
from pathlib import Path

CLASSES = {
    1: "A required property left out",
    2: "A misspelled property",
    3: "A value of the wrong type",
    4: "A misspelled enumeration value",
    5: "Fn::GetAtt of an attribute the resource type does not have",
    6: "A Ref or Fn::GetAtt of the wrong resource type",
    7: "An intrinsic function whose result does not fit",
    8: "DependsOn or Condition given the wrong thing",
    9: "A parameter whose type does not fit",
    10: "A logical ID that is not alphanumeric",
    11: "IAM policy documents",
    12: "Guard-rail suppressions (docs/rules.md)",
    13: "A literal that breaks its property's constraint",
}

HEADER = """# Mistakes the compiler catches, and what it says

Every mistake below is a compile error in cfnpp: troposphere finds most of them when CloudFormation
rejects the template, some never. Each section shows the mistake, the first lines of what g++ 12
prints (clang++ 14 says the same in its own words), and what to do.

This file is generated from the compile-fail tests (`tests/compile_fail/*.cpp`, one snippet per
mistake with its corrected twin, compiled by g++ and clang++ under CTest): the messages are the
ones the test run recorded, and a test fails when this file no longer matches them. To change it,
edit a snippet, run `ctest -R compile_fail` in the build tree, then
`tests/compile_fail/errors_doc.py --records <build>/tests/compile_fail_records --write docs/errors.md`.

How to read a message:
- A generated member's type carries the CloudFormation property's full name:
  `cfn::optional<cfn::integer, cfn::fixed_string<22>{"AWS::EC2::Volume.Size"}>` is the optional
  Integer property `Size` of `AWS::EC2::Volume`; `cfn::required<...>` a required one.
- `cfn::id<"AWS::EC2::VPC.VpcId">` is a string that identifies a VPC: what `vpc.ref()` returns and
  what `Subnet.VpcId` accepts.
- C++ names are the CloudFormation names in snake_case: `cfn::aws::ec2::subnet::properties` holds the
  properties of `AWS::EC2::Subnet`, `cfn::aws::ec2::instance::credit_specification` is the property
  type `AWS::EC2::Instance.CreditSpecification`.
- A string literal is checked against what AWS's resource schemas say of its property (lengths, IP
  formats, a pattern that is one character class or in the compile-time subset of
  `cfn/pattern_match.hpp`): the property's type carries the rule
  (g++ prints `cfn::string_rule{0, 63, cfn::value_format::none, "", 0, 0}` for a maximum length of
  63; an Integer's is a `cfn::integer_rule{minimum, maximum}`, a list's a `cfn::list_rule{min_items,
  max_items}`), and the
  function in the message names what is wrong (`literal_is_not_an_ipv4_cidr`).
- Mistakes only the running program can see (logical IDs built at run time, references to things not
  added to the stack, dependency cycles, CloudFormation's limits) are reported by `cfn::run` before
  anything is written, one line each: see docs/design.md.
"""


def render(records):
    out = [HEADER]
    for number, title in CLASSES.items():
        cases = sorted((r for r in records if r["class"] == number), key=lambda r: r["snippet"])
        if not cases:
            continue
        out.append(f"\n## {number}. {title}\n")
        for case in cases:
            out.append(f"\n### {case['description']}\n")
            out.append("\n```cpp\n" + dedent(case["mistake"]) + "\n```\n")
            out.append("\n```text\n" + "\n".join(case["message"]) + "\n```\n")
            out.append(f"\n**What to do:** {case['fix']} (`tests/compile_fail/{case['snippet']}`)\n")
    return "".join(out)


def dedent(code):
    lines = code.rstrip("\n").splitlines()
    indent = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
    return "\n".join(l[indent:] for l in lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", required=True)
    parser.add_argument("--snippets", help="the snippets' folder: every snippet must have a record")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check")
    mode.add_argument("--write")
    args = parser.parse_args()

    records = [json.loads(p.read_text()) for p in sorted(Path(args.records).glob("*.json"))]
    if args.snippets:
        missing = sorted({p.name for p in Path(args.snippets).glob("*.cpp")} - {r["snippet"] for r in records})
        if missing:
            sys.exit(f"FAIL: no recorded g++ message for {', '.join(missing)}: run their compile_fail tests first")
    unknown = [r["snippet"] for r in records if r["class"] not in CLASSES]
    if unknown:
        sys.exit(f"FAIL: unknown class in {', '.join(unknown)}")
    text = render(records)
    if args.write:
        Path(args.write).write_text(text)
        print(f"wrote {args.write} ({len(records)} mistakes)")
        return
    current = Path(args.check).read_text() if Path(args.check).exists() else ""
    if current != text:
        sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), text.splitlines(True),
                                                   args.check, "what the tests recorded", n=1))
        sys.exit(f"FAIL: {args.check} does not match the compiler's messages; regenerate it (see its header)")
    print(f"PASS: {args.check} matches the {len(records)} recorded messages")


if __name__ == "__main__":
    main()
