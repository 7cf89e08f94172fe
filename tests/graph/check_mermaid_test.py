#!/usr/bin/env python3
"""graph_test.check_mermaid finds each kind of mistake it is there to find (so a pass means something)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from graph_test import check_mermaid  # noqa: E402

GOOD = """flowchart LR
    p_A[/"A<br/>String"/]
    subgraph scope1["Net"]
        r_B["B<br/>AWS::EC2::VPC"]
    end
    o_C(["C<br/>output"])
    r_B -->|"Ref"| p_A
    o_C -->|"GetAtt CidrBlock"| r_B
    linkStyle 0,1 stroke:red,color:red
    classDef cycle stroke:red,stroke-width:2px
    class r_B cycle
"""

BAD = {
    "not a flowchart header": GOOD.replace("flowchart LR", "graph sideways"),
    "declared twice": GOOD.replace('    o_C(["C', '    r_B(["C'),
    "is a Mermaid keyword": GOOD.replace("r_B", "end"),
    "'end' without a subgraph": GOOD.replace("    end\n", "    end\n    end\n"),
    "not closed": GOOD.replace("    end\n", ""),
    "is not a declared node": GOOD.replace('-->|"Ref"| p_A', '-->|"Ref"| p_Z'),
    "names no edge above it": GOOD.replace("linkStyle 0,1", "linkStyle 0,2"),
    "class names undeclared node": GOOD.replace("class r_B cycle", "class r_Q cycle"),
    "not in the grammar": GOOD.replace('r_B["B<br/>AWS::EC2::VPC"]', 'r_B["B "quoted" VPC"]'),
}

failures = []
if check_mermaid(GOOD):
    failures.append(f"the good chart has problems: {check_mermaid(GOOD)}")
for expected, text in BAD.items():
    problems = check_mermaid(text)
    if not any(expected in p for p in problems):
        failures.append(f"expected a problem saying {expected!r}, got {problems}")
for f in failures:
    print("FAIL:", f)
print(f"{len(BAD) + 1 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
