#!/usr/bin/env python3
"""YAML parses back to exactly the JSON document.

For each program given, and for the awkward-strings program with many random seeds
(property-based), writes the template as JSON and as YAML, reads the YAML with PyYAML (YAML 1.1,
as CloudFormation and cfn-lint read it), expands the short-form tags (!Ref, !GetAtt A.B, !Sub...)
into their JSON forms, and compares the two documents.
"""
import json
import subprocess
import sys

import yaml


class CfnLoader(yaml.SafeLoader):
    pass


def _construct(loader, tag_suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if tag_suffix in ("Ref", "Condition"):
        return {tag_suffix: value}
    if tag_suffix == "GetAtt" and isinstance(value, str):
        resource, attribute = value.split(".", 1)
        return {"Fn::GetAtt": [resource, attribute]}
    return {"Fn::" + tag_suffix: value}


CfnLoader.add_multi_constructor("!", _construct)


def check(program, *args):
    j = subprocess.run([program, "--format", "json", *args], capture_output=True, check=True).stdout
    y = subprocess.run([program, "--format", "yaml", *args], capture_output=True, check=True).stdout
    from_json = json.loads(j.decode("utf-8"))
    from_yaml = yaml.load(y.decode("utf-8"), Loader=CfnLoader)
    if from_json != from_yaml:
        for a, b in zip(json.dumps(from_json, indent=1).splitlines(), json.dumps(from_yaml, indent=1).splitlines()):
            if a != b:
                print(f"first difference: JSON {a!r} vs YAML {b!r}")
                break
        raise SystemExit(f"FAIL: {program} {' '.join(args)}: YAML does not read back as the JSON document")


def main():
    awkward, *others = sys.argv[1:]
    check(awkward)
    for program in others:
        check(program)
    seeds = range(1, 41)
    for seed in seeds:
        check(awkward, "--seed", str(seed))
    # Any bytes, and keys longer than YAML's 1,024-character limit for implicit keys: the program
    # refuses a template that is not UTF-8 in both formats alike (naming the path), and writes
    # one that is so that the YAML still reads back as the JSON.
    outcomes = {"written": 0, "refused": 0}
    for seed in range(1, 41):
        args = ["--seed", str(seed), "--any-bytes"]
        runs = [subprocess.run([awkward, "--format", f, *args], capture_output=True) for f in ("json", "yaml")]
        if runs[0].returncode == 0 and runs[1].returncode == 0:
            check(awkward, *args)
            outcomes["written"] += 1
            continue
        for r in runs:
            lines = r.stderr.decode("utf-8").splitlines()
            if r.returncode != 1 or not lines or not all("is not valid UTF-8 (at byte" in line for line in lines):
                raise SystemExit(f"FAIL: {awkward} {' '.join(args)}: exit {r.returncode}, {r.stderr[:300]!r}")
        if runs[0].stderr != runs[1].stderr:
            raise SystemExit(f"FAIL: {awkward} {' '.join(args)}: JSON and YAML refuse different strings")
        outcomes["refused"] += 1
    if not all(outcomes.values()):
        raise SystemExit(f"FAIL: the any-bytes seeds do not exercise both outcomes: {outcomes}")
    print(f"YAML round trip: {2 + len(others)} fixed templates and {len(seeds)} random seeds x 300 strings: identical; "
          f"any bytes and long keys: {outcomes['written']} seeds written identically, {outcomes['refused']} refused")


if __name__ == "__main__":
    main()
