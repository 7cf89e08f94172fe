#!/usr/bin/env python3
"""`PROGRAM --graph dot|mermaid`, as users see it.

For the Docker Swarm example: Graphviz's `dot -Tsvg` accepts the DOT output and renders exactly
docs/docker-swarm.svg, and the Mermaid output is exactly the diagram in README.md (between the
`<!-- graph: docker-swarm -->` markers). For every program that cfn2cpp's round trip built from
the AWS sample templates: `dot -Tsvg` accepts its DOT output. Every output's Mermaid text keeps to
the flowchart grammar it uses (check_mermaid), and in both formats every logical ID of the
template is exactly one node.

    graph_test.py --program docker_swarm --svg docs/docker-swarm.svg --readme README.md
                  [--imported DIR] [--update]

--update rewrites docs/docker-swarm.svg and README.md's diagram from the program.
"""
import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

README_BEGIN = "<!-- graph: docker-swarm -->\n```mermaid\n"
README_END = "```\n<!-- /graph -->"

ID = r"[A-Za-z_][A-Za-z0-9_]*"
TEXT = r'"[^"]*"'  # Mermaid's quoted text; our writer spells '"' as #quot;
NODE_FORMS = [rf"^({ID})\[{TEXT}\]$", rf"^({ID})\[/{TEXT}/\]$", rf"^({ID})\(\[{TEXT}\]\)$"]
EDGE = rf"^({ID}) -->\|{TEXT}\| ({ID})$"
RESERVED = {"end", "subgraph", "graph", "flowchart", "style", "class", "classDef", "click", "linkStyle", "direction"}


def check_mermaid(text):
    """The problems of a Mermaid flowchart, as far as the forms our writer uses go: a header, nodes
    of three shapes, nested subgraphs, labelled edges between declared nodes, linkStyle by edge
    index, classDef/class. An empty list when it keeps to that grammar."""
    problems, nodes, edges, depth = [], set(), 0, 0
    lines = text.rstrip("\n").split("\n")
    if not re.fullmatch(r"flowchart (LR|RL|TB|TD|BT)", lines[0]):
        problems.append(f"line 1: not a flowchart header: {lines[0]!r}")
    pending_edges = []
    for number, raw in enumerate(lines[1:], start=2):
        line = raw.strip()
        if re.fullmatch(rf"subgraph {ID}\[{TEXT}\]", line):
            depth += 1
            continue
        if line == "end":
            depth -= 1
            if depth < 0:
                problems.append(f"line {number}: 'end' without a subgraph")
            continue
        node = next((m for m in (re.match(f, line) for f in NODE_FORMS) if m), None)
        if node:
            name = node.group(1)
            if name in RESERVED:
                problems.append(f"line {number}: node ID {name!r} is a Mermaid keyword")
            if name in nodes:
                problems.append(f"line {number}: node {name!r} declared twice")
            nodes.add(name)
            continue
        edge = re.match(EDGE, line)
        if edge:
            pending_edges.append((number, edge.group(1), edge.group(2)))
            edges += 1
            continue
        style = re.fullmatch(r"linkStyle ([0-9]+(?:,[0-9]+)*) [a-z-]+:[#a-z0-9]+(?:,[a-z-]+:[#a-z0-9]+)*", line)
        if style:
            for index in style.group(1).split(","):
                if int(index) >= edges:
                    problems.append(f"line {number}: linkStyle {index} names no edge above it")
            continue
        if re.fullmatch(rf"classDef {ID} [a-z-]+:[#a-z0-9]+(?:,[a-z-]+:[#a-z0-9]+)*", line):
            continue
        cls = re.fullmatch(rf"class ({ID}(?:,{ID})*) {ID}", line)
        if cls:
            for name in cls.group(1).split(","):
                if name not in nodes:
                    problems.append(f"line {number}: class names undeclared node {name!r}")
            continue
        problems.append(f"line {number}: not in the grammar: {raw!r}")
    for number, a, b in pending_edges:
        for name in (a, b):
            if name not in nodes:
                problems.append(f"line {number}: edge end {name!r} is not a declared node")
    if depth != 0:
        problems.append(f"{depth} subgraph(s) not closed")
    return problems


PREFIX = {"Parameters": "p_", "Resources": "r_", "Outputs": "o_"}


def expected_nodes(template):
    """The node ID each logical ID must have: a prefix per section (an output may share a
    resource's logical ID)."""
    return [PREFIX[section] + i for section in PREFIX for i in template.get(section, {})]


def nodes_dot(dot):
    return [m.group(1) for m in re.finditer(r"^\s*([pro]_[A-Za-z0-9]+) \[shape=", dot, re.M)]


def nodes_mermaid(mermaid):
    return [m.group(1) for m in re.finditer(r"^\s*([pro]_[A-Za-z0-9]+)[\[(]", mermaid, re.M)]


def run(program, *args):
    """A program's standard output. Exit 1 (the stack has errors) still draws the graph."""
    result = subprocess.run([str(program), *args], capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit(f"FAIL: {Path(program).name} {' '.join(args)} exited {result.returncode}: {result.stderr.strip()}")
    return result.returncode, result.stdout


def check_program(program, failures):
    """The checks every program's graphs must pass; returns (dot, svg, mermaid)."""
    name = Path(program).name
    status, text = run(program)
    # A stack with errors writes no template (the round trip lists the AWS samples that have
    # them): its graph is still checked, without the logical IDs to compare with.
    ids = expected_nodes(json.loads(text)) if status == 0 else None
    _, dot = run(program, "--graph", "dot")
    _, mermaid = run(program, "--graph", "mermaid")
    rendered = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True)
    if rendered.returncode != 0 or rendered.stderr.strip():
        failures.append(f"{name}: dot -Tsvg refused the DOT output: {rendered.stderr.strip()}")
    for problem in check_mermaid(mermaid):
        failures.append(f"{name}: Mermaid: {problem}")
    for form, found in (("DOT", nodes_dot(dot)), ("Mermaid", nodes_mermaid(mermaid))) if ids is not None else ():
        for i in ids:
            if found.count(i) != 1:
                failures.append(f"{name}: {form}: {i} (a logical ID) is {found.count(i)} nodes, not one")
        for extra in sorted(set(found) - set(ids)):
            failures.append(f"{name}: {form}: node {extra} is no logical ID of the template")
    return dot, rendered.stdout, mermaid


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--program", required=True)
    p.add_argument("--svg", required=True)
    p.add_argument("--readme", required=True)
    p.add_argument("--imported", help="the round trip's build folder: every program in it is drawn too")
    p.add_argument("--update", action="store_true")
    args = p.parse_args()

    failures = []
    _, svg, mermaid = check_program(args.program, failures)
    readme_path, svg_path = Path(args.readme), Path(args.svg)
    readme = readme_path.read_text(encoding="utf-8")
    begin, end = readme.find(README_BEGIN), readme.find(README_END)
    if begin < 0 or end < begin:
        failures.append(f"{readme_path}: no diagram between {README_BEGIN!r} and {README_END!r}")
    elif args.update:
        readme_path.write_text(readme[:begin + len(README_BEGIN)] + mermaid + readme[end:], encoding="utf-8")
        svg_path.write_text(svg, encoding="utf-8")
        print(f"updated {readme_path} and {svg_path}")
    else:
        if readme[begin + len(README_BEGIN):end] != mermaid:
            failures.append(f"{readme_path}: the diagram is not what the example draws now")
        if not svg_path.exists() or svg_path.read_text(encoding="utf-8") != svg:
            failures.append(f"{svg_path}: not what `dot -Tsvg` renders of the example now")

    drawn = 1
    if args.imported:
        folder = Path(args.imported)
        programs = sorted(f for f in folder.iterdir() if f.is_file() and os.access(f, os.X_OK)) if folder.is_dir() else []
        if not programs:
            message = f"no programs in {folder}: the round trip (cfn2cpp_roundtrip) builds them from the AWS sample templates"
            if os.environ.get("CI") == "true":
                failures.append(message)
            else:
                print("note:", message, "- only the example is drawn")
        for program in programs:
            check_program(program, failures)
        drawn += len(programs)

    for failure in failures:
        print("FAIL:", failure)
    if failures and not args.update:
        print("If the example changed on purpose, regenerate them:", " ".join([sys.argv[0], *sys.argv[1:], "--update"]))
    print(f"{drawn} programs drawn, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
