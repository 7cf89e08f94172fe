#!/usr/bin/env python3
"""The command line of a program of several stacks (tests/nested/program_stacks.cpp), without AWS.

    program_test.py PROGRAM           -o DIR, --stack, the exports checked together, diff --against DIR
                                      (as text and as one --json document)
    program_test.py --graph PROGRAM   --graph dot|mermaid of the stacks and of a nested stack; needs dot

Every check prints ok/FAIL; the exit code is 1 when one failed.
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "graph"))
from graph_test import check_mermaid  # noqa: E402  (the grammar of the flowcharts cfn::graph writes)

failures = []


def check(condition, what):
    print(("ok:   " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


def run(program, *args, cwd=None):
    return subprocess.run([program, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def files_under(directory):
    return sorted(str(p.relative_to(directory)) for p in Path(directory).rglob("*") if p.is_file())


def test_output(program, work):
    r = run(program)
    check(r.returncode == 2 and "2 stacks" in r.stderr and "-o DIR" in r.stderr,
          f"without -o, several stacks are refused in one line: {r.stderr.strip()}")

    out = work / "out"
    r = run(program, "-o", str(out))
    check(r.returncode == 0 and r.stderr == "", f"-o DIR exits 0 quietly ({r.stderr.strip()})")
    expected = ["app/template.Data.json", "app/template.json", "network/template.json"]
    check(files_under(out) == expected, f"one directory per stack, nested templates beside: {files_under(out)}")
    network = json.loads((out / "network/template.json").read_text())
    app = json.loads((out / "app/template.json").read_text())
    data = json.loads((out / "app/template.Data.json").read_text())
    check(network["Outputs"]["VpcId"]["Export"]["Name"] == "cfnpp-test-VpcId", "network exports the VPC's id")
    check(app["Resources"]["Data"]["Properties"]["TemplateURL"] == "template.Data.json",
          "app's nested stack points at the file beside it")
    check(data["Resources"]["Subnet"]["Properties"]["VpcId"] == {"Fn::ImportValue": "cfnpp-test-VpcId"},
          "the nested stack imports the export")
    again = work / "again"
    run(program, "-o", str(again))
    check(all((out / f).read_bytes() == (again / f).read_bytes() for f in expected), "byte-identical on a second run")

    r = run(program, "--stack", "network")
    check(r.returncode == 0 and r.stdout == (out / "network/template.json").read_text(),
          "--stack network writes that stack alone on standard output")
    r = run(program, "--stack", "nope")
    check(r.returncode == 2 and "no such stack (this program has app, network)" in r.stderr,
          f"an unknown --stack is named with the ones there are: {r.stderr.strip()}")
    r = run(program, "diff", "--stack-name", "x")
    check(r.returncode == 2 and "--stack-name names one stack" in r.stderr,
          f"--stack-name with several stacks is refused: {r.stderr.strip()}")
    r = run(program, "--help")
    check(r.returncode == 0 and "--stack-prefix" in r.stdout and "--variant" in r.stdout,
          "--help lists the options of several stacks and the program's own")
    return out


def test_exports(program, work):
    # The export removed while the nested stack of app still imports its name.
    r = run(program, "--variant", "orphan", "-o", str(work / "orphan"))
    warning = ("warning: app (template.Data.json): Resources.Subnet.Properties.VpcId: Fn::ImportValue of "
               "'cfnpp-test-VpcId', which no stack of this program exports")
    check(r.returncode == 0 and r.stderr.startswith(warning),
          f"an import of a name nobody exports is a warning naming the stack and the path: {r.stderr.strip()[:200]}")
    check(r.stderr.count("\n") == 1, "one line")
    r = run(program, "--variant", "orphan", "--strict", "-o", str(work / "strict"))
    check(r.returncode == 1 and not (work / "strict").exists(), "--strict fails on it, and writes nothing")


def test_diff_against(program, out):
    r = run(program, "diff", "--against", str(out))
    check(r.returncode == 0, f"diff --against DIR of what -o DIR wrote: no change ({r.stdout.strip()[-200:]} {r.stderr.strip()})")
    r = run(program, "diff", "--against", str(out), "--variant", "rename")
    lines = r.stdout.splitlines()
    check(r.returncode == 1, f"diff --against DIR after renaming the export: exit 1 ({r.stderr.strip()})")
    headings = [l for l in lines if l.startswith("== stack") or l.startswith("Nested stack")]
    check(headings == [f"== stack network ({out}/network) ==", f"== stack app ({out}/app) ==",
                       "Nested stack Data (template.Data.json), in the top stack:"],
          f"each stack, and the nested one under its parent: {headings}")
    nested = lines[lines.index("Nested stack Data (template.Data.json), in the top stack:"):]
    check(any(l.split()[:3] == ["replace", "Subnet", "AWS::EC2::Subnet"] for l in nested),
          "the nested template's change, from template.Data.json in DIR: the subnet is replaced")
    r = run(program, "diff", "--against", str(out), "--stack", "app", "--variant", "drop")
    check(r.returncode == 1 and "== stack network" not in r.stdout
          and any(l.split()[:2] == ["create", "OwnVpc"] for l in r.stdout.splitlines()),
          "--stack app diffs that stack alone")
    r = run(program, "diff", "--against", str(out / "missing"))
    check(r.returncode == 2 and "no directory" in r.stderr, f"a missing DIR/NAME is one line: {r.stderr.strip()}")


def test_diff_json(program, out):
    """diff --json of several stacks, one with a nested stack, is one JSON document."""
    r = run(program, "diff", "--against", str(out), "--variant", "rename", "--json")
    check(r.returncode == 1, f"diff --json after renaming the export: exit 1 ({r.stderr.strip()})")
    try:
        doc = json.loads(r.stdout)
    except json.JSONDecodeError as e:
        check(False, f"diff --json of several stacks is one JSON document ({e}: {r.stdout[:200]!r})")
        return
    check(sorted(doc) == ["notes", "stacks", "warnings"], f"its members: {sorted(doc)}")
    stacks = doc.get("stacks", [])
    check([(s.get("stack"), s.get("against"), s.get("exists")) for s in stacks]
          == [("network", f"{out}/network", True), ("app", f"{out}/app", True)],
          f"one entry per stack, in deployment order, with what it was compared with: "
          f"{[(s.get('stack'), s.get('against')) for s in stacks]}")
    app = stacks[1] if len(stacks) == 2 else {}
    nested = app.get("nested_stacks", [])
    check([(n.get("path"), n.get("file"), n.get("parent"), n.get("exists")) for n in nested]
          == [("Data", "template.Data.json", "", True)], f"the nested stack under its parent: {nested[:1]}")
    changes = [(c["logical_id"], c["impact"]) for n in nested for c in n.get("resources", [])]
    check(("Subnet", "replace") in changes, f"the nested template's change in its own entry: {changes}")
    check(all("resources" in s and "iam" in s and "sections" in s for s in stacks + nested),
          "every entry has the single-stack document's members (resources, iam, security_groups, sections)")
    r = run(program, "diff", "--against", str(out), "--json")
    check(r.returncode == 0 and all(not s["resources"] for s in json.loads(r.stdout)["stacks"]),
          "diff --json with nothing changed: exit 0, no resource changes")


def test_graph(program, work):
    r = run(program, "--graph", "dot")
    dot = r.stdout
    check(r.returncode == 0, f"--graph dot exits 0 ({r.stderr.strip()})")
    check('subgraph "cluster_network (stack)/"' in dot and 'subgraph "cluster_app (stack)/"' in dot,
          "one cluster per stack")
    check('subgraph "cluster_app (stack)/Data (nested stack)/"' in dot, "the nested stack's cluster inside app's")
    check('s2_r_Subnet -> s0_o_VpcId [label="ImportValue"];' in dot, "the import drawn to the exporting output")
    check('s1_o_SubnetId -> s2_r_Subnet [label="Ref"];' in dot, "the output drawn to the nested resource, as written")
    check(run(program, "--graph", "dot").stdout == dot, "the same text on a second run")
    svg = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True)
    check(svg.returncode == 0 and "<svg" in svg.stdout, f"dot -Tsvg accepts it ({svg.stderr.strip()})")
    r = run(program, "--graph", "mermaid")
    check(r.returncode == 0 and check_mermaid(r.stdout) == [] and 's2_r_Subnet -->|"ImportValue"| s0_o_VpcId' in r.stdout,
          f"--graph mermaid keeps to the flowchart grammar, the import drawn: {check_mermaid(r.stdout)}")
    r = run(program, "--graph", "mermaid", "--stack", "app")
    check(r.returncode == 0 and 'subgraph scope2["Data (nested stack)"]' in r.stdout
          and "s0_o_SubnetId -->|\"Ref\"| s1_r_Subnet" in r.stdout, "--graph mermaid of the selected stack")
    r = run(program, "--graph", "dot", "--stack", "app", "-o", str(work / "app.dot"))
    svg = subprocess.run(["dot", "-Tsvg", str(work / "app.dot")], capture_output=True, text=True)
    check(r.returncode == 0 and svg.returncode == 0, "a nested stack's graph, written with -o, passes dot -Tsvg")


def main():
    graph = sys.argv[1] == "--graph"
    program = sys.argv[-1]
    with tempfile.TemporaryDirectory(prefix="cfnpp-program-") as directory:
        work = Path(directory)
        if graph:
            test_graph(program, work)
        else:
            out = test_output(program, work)
            test_exports(program, work)
            test_diff_against(program, out)
            test_diff_json(program, out)
    if failures:
        sys.exit(f"FAIL: {len(failures)} check(s) failed")
    print("PASS")


if __name__ == "__main__":
    main()
