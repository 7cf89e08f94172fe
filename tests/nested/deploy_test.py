#!/usr/bin/env python3
"""Deploys the split growth stack (a top template and its nested stacks) to moto with the aws CLI.

    deploy_test.py PROGRAM

PROGRAM (tests/nested/main.cpp) writes its templates into a directory (`-o DIR`). The test starts
`moto_server` on 127.0.0.1 on a free port (stopped by its PID), points the aws CLI at it with
AWS_ENDPOINT_URL and dummy credentials, makes a bucket, and runs `PROGRAM deploy --s3-bucket`, which
uploads the nested templates to moto's S3, points their TemplateURLs there and deploys the top stack
through a change set. It checks through the aws CLI that every nested stack was created with the
VPC passed in and all its resources, that the subnets and instances exist, and that `PROGRAM diff`
then finds no change in the top stack nor in any nested one.

Honest about moto:
  - moto reads a nested stack's template from its S3 and creates it with the parameters passed; it
    does not implement `Fn::GetAtt Nested.Outputs.X` (it returns no value): the growth stack only
    passes values downward, and the unit tests check the outputs' wiring instead.
  - moto creates nested stacks one after another in one process: with 5,000 resources this is most
    of the test's time (the figure is printed).
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
STACK = "growth"
BUCKET = "nested-templates"


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


class Aws:
    def __init__(self, port, env):
        self.base = ["aws", "--endpoint-url", f"http://127.0.0.1:{port}", "--region", REGION, "--output", "json"]
        self.env = env

    def __call__(self, *args, check=True, timeout=120):
        r = subprocess.run(self.base + list(args), env=self.env, capture_output=True, text=True, timeout=timeout)
        if check and r.returncode != 0:
            raise RuntimeError(f"aws {' '.join(args)} failed ({r.returncode}): {r.stderr.strip()}")
        return json.loads(r.stdout) if r.stdout.strip().startswith(("{", "[")) else {}


failures = []


def check(condition, what):
    print(("ok:   " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


def main():
    program = sys.argv[1]
    work = Path(tempfile.mkdtemp(prefix="cfnpp-nested-"))
    templates = work / "templates"
    subprocess.run([program, "-o", str(templates)], check=True)
    files = sorted(p.name for p in templates.iterdir())
    nested = [f for f in files if f != "template.json"]
    top = json.loads((templates / "template.json").read_text())
    sizes = {f: len(json.loads((templates / f).read_text())["Resources"]) for f in files}
    check(len(nested) >= 2, f"{len(nested)} nested templates beside template.json")
    check(all(n <= 500 for n in sizes.values()), f"at most 500 resources a template: {sorted(sizes.values())}")
    print(f"{sum(sizes.values())} resources in {len(files)} templates")

    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": REGION, "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "", "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1",
    })
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        env.pop(proxy, None)
    port = free_port()
    env["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{port}"  # PROGRAM's aws commands go there too
    log = tempfile.TemporaryFile()
    server = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)], env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        if not wait_for_port(port, server):
            log.seek(0)
            print(log.read().decode(errors="replace")[-2000:])
            sys.exit("FAIL: moto_server did not start")
        print(f"moto_server (pid {server.pid}) on 127.0.0.1:{port}")
        aws = Aws(port, env)

        aws("s3api", "create-bucket", "--bucket", BUCKET)
        started = time.time()
        deploy = subprocess.run([program, "deploy", "--stack-name", STACK, "--s3-bucket", BUCKET, "--yes"], env=env,
                                capture_output=True, text=True, timeout=900)
        print(f"{program} deploy: exit {deploy.returncode} in {time.time() - started:.0f} s")
        uploads = [l for l in deploy.stdout.splitlines() if l.startswith("Uploaded nested stack")]
        print("\n".join(uploads[:2] + ["..."]))
        check(deploy.returncode == 0, f"deploy exits 0 ({deploy.stderr.strip()[-500:]})")
        check(len(uploads) == len(nested), f"deploy uploaded the {len(uploads)} nested templates")
        objects = aws("s3api", "list-objects-v2", "--bucket", BUCKET).get("Contents", [])
        check(sorted(o["Key"] for o in objects) == sorted(f"cfnpp/{STACK}/{f}" for f in nested),
              f"{len(objects)} nested templates in moto's S3 under cfnpp/{STACK}/")
        deployed_top = aws("cloudformation", "get-template", "--stack-name", STACK)["TemplateBody"]
        urls = [r["Properties"]["TemplateURL"] for r in deployed_top["Resources"].values()
                if r["Type"] == "AWS::CloudFormation::Stack"]
        check(all(u.startswith(f"https://{BUCKET}.s3.amazonaws.com/cfnpp/{STACK}/template.Part") for u in urls),
              f"the deployed TemplateURLs point into the bucket: {urls[0]}")
        status = aws("cloudformation", "describe-stacks", "--stack-name", STACK)["Stacks"][0]["StackStatus"]
        check(status == "CREATE_COMPLETE", f"stack status {status}")
        if status != "CREATE_COMPLETE":
            print(deploy.stdout[-3000:], deploy.stderr[-3000:])
            log.seek(0)
            print(log.read().decode(errors="replace")[-3000:])
            sys.exit(1)

        resources = aws("cloudformation", "list-stack-resources", "--stack-name", STACK)["StackResourceSummaries"]
        stacks = {r["LogicalResourceId"]: r for r in resources if r["ResourceType"] == "AWS::CloudFormation::Stack"}
        check(len(stacks) == len(nested), f"{len(stacks)} AWS::CloudFormation::Stack resources in the top stack")
        vpc_id = next(r["PhysicalResourceId"] for r in resources if r["LogicalResourceId"] == "VPC")
        created = 0
        for logical in sorted(stacks):
            described = aws("cloudformation", "describe-stacks", "--stack-name", stacks[logical]["PhysicalResourceId"])
            s = described["Stacks"][0]
            passed = {p["ParameterKey"]: p["ParameterValue"] for p in s.get("Parameters", [])}
            inner = aws("cloudformation", "list-stack-resources", "--stack-name", s["StackName"])["StackResourceSummaries"]
            expected = sizes[f"template.{logical}.json"]
            created += len(inner)
            check(s["StackStatus"] == "CREATE_COMPLETE" and passed.get("VPC") == vpc_id and len(inner) == expected,
                  f"nested stack {logical}: {s['StackStatus']}, VPC={passed.get('VPC')}, {len(inner)} of {expected} resources")

        subnets = aws("ec2", "describe-subnets", "--filters", f"Name=vpc-id,Values={vpc_id}")["Subnets"]
        instances = [i for r in aws("ec2", "describe-instances", "--filters", f"Name=vpc-id,Values={vpc_id}",
                                    timeout=300)["Reservations"] for i in r["Instances"]]
        expected_subnets = sum(1 for f in nested for r in json.loads((templates / f).read_text())["Resources"].values()
                               if r["Type"] == "AWS::EC2::Subnet")
        expected_instances = sum(1 for f in nested for r in json.loads((templates / f).read_text())["Resources"].values()
                                 if r["Type"] == "AWS::EC2::Instance")
        check(len(subnets) == expected_subnets, f"{len(subnets)} of {expected_subnets} subnets in VPC {vpc_id}")
        check(len(instances) == expected_instances, f"{len(instances)} of {expected_instances} instances in the VPC")
        print(f"moto: {created + len(resources)} stack resources created in {1 + len(stacks)} stacks")

        # Nothing changed since: diff compares the top stack and each nested one with what is deployed.
        diff = subprocess.run([program, "diff", "--stack-name", STACK, "--s3-bucket", BUCKET], env=env, capture_output=True, text=True,
                              timeout=600)
        headings = [l for l in diff.stdout.splitlines() if l.startswith("Nested stack ")]
        check(diff.returncode == 0, f"diff after deploy exits 0 (no changes): {diff.returncode} {diff.stderr.strip()[-300:]}")
        if diff.returncode != 0:
            print(diff.stdout[-3000:])
        check(len(headings) == len(nested), f"diff shows each nested stack under its parent: {headings[0] if headings else ''}")
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
    print("PASS: the split stack deploys to moto, its nested templates from moto's S3")


if __name__ == "__main__":
    main()
