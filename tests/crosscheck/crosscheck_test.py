#!/usr/bin/env python3
"""The cross-check script itself (tests/tools/crosscheck-values), on a template whose findings are
known: cfn-lint and cfnpp agree on Resources.Vpc (an IPv4 CIDR with a /33), so the run passes and
counts one agreement; a finding cfnpp claims and cfn-lint does not make fails it, and so does a
finding of cfn-lint's that cfnpp does not make and no reason explains.

    crosscheck_test.py CROSSCHECK-VALUES
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
AGREED = ("error: Resources.Vpc.Properties.CidrBlock: AWS::EC2::VPC.CidrBlock: '10.0.0.0/33' is not an "
          "IPv4 CIDR\n")


def run(script, findings):
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(HERE / "vpc.json", tmp)
        (Path(tmp) / "vpc.json.cfnpp").write_text(findings)
        r = subprocess.run([sys.executable, script, "--services", tmp], capture_output=True, text=True)
        return r.returncode, r.stdout


def main():
    script = sys.argv[1]
    failures = []
    code, out = run(script, AGREED)
    if code != 0 or "1 paths where both report a value error, 0 disagreements" not in out:
        failures.append(f"agreement: exit {code}\n{out}")
    code, out = run(script, AGREED + "error: Resources.Good.Properties.CidrBlock: AWS::EC2::VPC.CidrBlock: made up\n")
    if code != 1 or "FAIL: only cfnpp: vpc.json: Resources.Good.Properties.CidrBlock" not in out:
        failures.append(f"a finding only cfnpp makes: exit {code}\n{out}")
    code, out = run(script, "")
    if code != 1 or "FAIL: only cfn-lint E3002, no reason known: vpc.json: Resources.Vpc.Properties.CidrBlock" not in out:
        failures.append(f"a finding only cfn-lint makes, without a reason: exit {code}\n{out}")
    for f in failures:
        print(f"FAIL: {f}")
    if not failures:
        print("crosscheck-values: agreement passes, a finding of one side only fails")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
