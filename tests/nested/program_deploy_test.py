#!/usr/bin/env python3
"""A program of two stacks (tests/nested/program_stacks.cpp) deployed to moto, then changed so that
an export still imported by the deployed importer goes away.

    program_deploy_test.py PROGRAM

moto_server on 127.0.0.1 on a free port (stopped by its PID), the aws CLI pointed at it with
AWS_ENDPOINT_URL and dummy credentials; every deployment is `PROGRAM deploy --stack-prefix t-`.

  1. deploy: network (the exporter) before app (the importer, with a nested stack from moto's S3);
     diff then finds no change.
  2. --variant rename (the export renamed; app follows): diff warns, deploy refuses in one line per
     export naming both deployed stacks, and explains the two-step fix; nothing is deployed.
  3. --variant orphan (the export removed; app still imports the old name): refused, the fix said.
  4. --variant drop (the export removed; app makes its own VPC): deploy orders it safely, app first.

What moto does not do, and what the test does instead:
  - moto has no `list-imports`: who imports an export is what cfnpp computes anyway, from the
    deployed templates of the program's stacks (get-template, nested stacks included through
    describe-stack-resource), and that is what is checked here.
  - moto's execute-change-set neither fills a stack's Outputs nor registers its Exports (only
    create-stack does): an importer deployed after an exporter made by a change set fails with "No
    export named". The test creates network's first version with `aws cloudformation create-stack`
    from what `PROGRAM -o DIR` wrote (what CloudFormation's change set does for real); `PROGRAM
    deploy` then finds network up to date and deploys app, importing the export.
  - moto does not refuse to remove an export in use, nor apply a change set that changes only
    Outputs: the refusals in 2 and 3 are cfnpp's own, before any change set; in 4 network's
    update is "no changes" in moto.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REGION = "us-east-1"
BUCKET = "cfnpp-program-templates"

failures = []


def check(condition, what):
    print(("ok:   " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def main():
    program = sys.argv[1]
    work = Path(tempfile.mkdtemp(prefix="cfnpp-program-deploy-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": REGION, "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "", "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1",
        "CFNPP_POLL_SECONDS": "0.2",
    })
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        env.pop(proxy, None)
    port = free_port()
    env["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{port}"
    log = tempfile.TemporaryFile()
    server = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)], env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def aws(*args):
        r = subprocess.run(["aws", "--output", "json", *args], env=env, capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError(f"aws {' '.join(args)} failed: {r.stderr.strip()}")
        return json.loads(r.stdout) if r.stdout.strip() else {}

    def cli(*args):
        r = subprocess.run([program, *args, "--stack-prefix", "t-", "--s3-bucket", BUCKET], env=env,
                           capture_output=True, text=True, timeout=240)
        return r

    def status(name):
        return aws("cloudformation", "describe-stacks", "--stack-name", name)["Stacks"][0]["StackStatus"]

    try:
        if not wait_for_port(port, server):
            sys.exit("FAIL: moto_server did not start")
        print(f"moto_server (pid {server.pid}) on 127.0.0.1:{port}")
        aws("s3api", "create-bucket", "--bucket", BUCKET)
        subprocess.run([program, "-o", str(work / "v1")], check=True)
        aws("cloudformation", "create-stack", "--stack-name", "t-network",
            "--template-body", f"file://{work / 'v1/network/template.json'}")

        # 1. Both stacks, exporter first.
        r = cli("deploy", "--yes")
        headings = [l for l in r.stdout.splitlines() if l.startswith("== stack")]
        check(r.returncode == 0, f"deploy exits 0 ({r.stderr.strip()[-400:]})")
        check(headings == ["== stack network (deployed as t-network) ==", "== stack app (deployed as t-app) =="],
              f"the exporter first, then the importer: {headings}")
        check(status("t-app") == "CREATE_COMPLETE", "t-app created, importing the export in its nested stack")
        vpc = aws("cloudformation", "describe-stack-resource", "--stack-name", "t-network", "--logical-resource-id",
                  "Vpc")["StackResourceDetail"]["PhysicalResourceId"]
        subnets = aws("ec2", "describe-subnets", "--filters", f"Name=vpc-id,Values={vpc}")["Subnets"]
        check(len(subnets) == 1, f"the nested stack's subnet is in network's VPC {vpc} (the import resolved)")
        r = cli("diff")
        check(r.returncode == 0, f"diff after deploy: no change in either stack ({r.stdout.strip()[-300:]})")

        # 2. The export renamed: the importer must go before and after the exporter.
        in_use = ("export in use: stack t-network no longer exports 'cfnpp-test-VpcId', which deployed stack t-app "
                  "imports (Resources.Subnet.Properties.VpcId in nested stack Data)")
        r = cli("diff", "--variant", "rename")
        check(r.returncode == 1 and f"warning: {in_use}" in r.stderr,
              f"diff warns of the export in use, naming both stacks: {r.stderr.strip()[:300]}")
        r = cli("diff", "--variant", "rename", "--json")
        try:
            doc = json.loads(r.stdout)
        except json.JSONDecodeError:
            doc = {}
        nested = [n for s in doc.get("stacks", []) for n in s.get("nested_stacks", [])]
        check(r.returncode == 1 and any(w.startswith(in_use) for w in doc.get("warnings", []))
              and [(s["stack"], s["deployed_as"], s["exists"]) for s in doc["stacks"]]
              == [("network", "t-network", True), ("app", "t-app", True)]
              and [(n["path"], n["exists"], bool(n["stack_id"])) for n in nested] == [("Data", True, True)],
              f"diff --json against the deployed stacks: one document, the warning in it, the nested stack "
              f"found under its deployed parent: {r.stdout[:300]}")
        r = cli("deploy", "--variant", "rename", "--yes")
        lines = r.stderr.splitlines()
        check(r.returncode == 1 and any(l.startswith(f"error: {in_use}") for l in lines),
              "deploy refuses it in one line")
        check(any("deploy in two steps, first with the old export kept beside the new one" in l for l in lines),
              "and says how to get out of it")
        check("== stack" not in r.stdout and status("t-network") == "CREATE_COMPLETE",
              "nothing was deployed")

        # 3. The export removed while app still imports it.
        r = cli("deploy", "--variant", "orphan", "--yes")
        check(r.returncode == 1 and f"error: {in_use}: CloudFormation refuses to update t-network while t-app "
              "imports it; remove the import from app and deploy it first, then network" in r.stderr,
              f"an export removed under a deployed import is refused: {r.stderr.strip()[-300:]}")

        # 4. The export removed and app no longer importing it: app is deployed first.
        r = cli("deploy", "--variant", "drop", "--yes")
        headings = [l for l in r.stdout.splitlines() if l.startswith("== stack")]
        check(r.returncode == 0, f"deploy --variant drop exits 0 ({r.stderr.strip()[-400:]})")
        check(r.stdout.startswith(f"note: {in_use}; t-app no longer imports it, so it is deployed first"),
              f"the order explained: {r.stdout.splitlines()[0] if r.stdout else ''}")
        check(headings == ["== stack app (deployed as t-app) ==", "== stack network (deployed as t-network) =="],
              f"the importer first: {headings}")
        check(status("t-app") == "UPDATE_COMPLETE", "t-app updated")
        r = cli("diff", "--variant", "drop", "--stack", "app")
        check(r.returncode == 0, f"app, nested stack included, is what was deployed ({r.stdout.strip()[-300:]})")
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        print(f"moto_server (pid {server.pid}) stopped")
        subprocess.run(["rm", "-rf", str(work)])

    if failures:
        sys.exit(f"FAIL: {len(failures)} check(s) failed")
    print("PASS: two stacks deployed in dependency order; an export in use is refused or ordered safely")


if __name__ == "__main__":
    main()
