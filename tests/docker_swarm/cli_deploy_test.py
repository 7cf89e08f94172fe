#!/usr/bin/env python3
"""The program's own `deploy` and `diff` commands against moto, through the real aws CLI.

    cli_deploy_test.py PROGRAM

Starts `moto_server` on 127.0.0.1 on a free port (stopped by its PID), points the aws CLI at it
with AWS_ENDPOINT_URL and dummy credentials, and runs PROGRAM as a user would:
  1. `deploy --stack-name S --parameter KeyPairName=K --yes`        -> CREATE_COMPLETE, exit 0
  2. `diff --stack-name S`                                         -> "No changes.", exit 0
  3. `--labels web,db diff --stack-name S --json`                  -> the db resources, create, exit 1
  4. `--labels web,db deploy --stack-name S --yes`                 -> UPDATE_COMPLETE, the db group exists
  5. the same deploy again                                         -> nothing to deploy, exit 0
  6. deploy without --yes, standard input not a terminal           -> refused, exit 2
  7. deploy on a terminal (a pty), answered "n"                    -> nothing executed, exit 1;
     diff on a terminal is coloured, into a pipe it is not
  8. a template over 51,200 bytes (8 labels): without --s3-bucket  -> exit 2 saying so; with a
     bucket it is uploaded and deployed by URL (CREATE_COMPLETE)
  9. deploy of a new stack with a key pair that does not exist     -> non-zero, the reason printed
 10. `diff --against OLD` where OLD has Subnet1's CIDR changed     -> Subnet1 and MasterA replace

Honest about moto: its change sets carry no `Replacement` answer, it has no rollback, and it does
not create scaling policies or alarms as real objects; the test prints what it saw instead of
checking what moto cannot do.
"""
import json
import os
import pty
import signal
import socket
import subprocess
import sys
import tempfile
import time

REGION = "eu-central-1"
STACK = "docker-swarm"
KEY = "docker-swarm-test"

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
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": REGION, "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "",
        "MOTO_ENABLE_AMI_VALIDATION": "true", "MOTO_ENABLE_KEYPAIR_VALIDATION": "true",
        "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1", "CFNPP_POLL_SECONDS": "0.5",
    })
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        env.pop(proxy, None)
    port = free_port()
    env["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{port}"

    def run(*args, stdin=subprocess.DEVNULL):
        r = subprocess.run([program, *args], env=env, capture_output=True, text=True, timeout=240, stdin=stdin)
        print(f"$ {os.path.basename(program)} {' '.join(args)}   (exit {r.returncode})")
        for line in (r.stdout + r.stderr).splitlines():
            print("    " + line)
        return r

    def aws(*args):
        r = subprocess.run(["aws", *args, "--output", "json"], env=env, capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            raise RuntimeError(f"aws {' '.join(args)}: {r.stderr.strip()}")
        return json.loads(r.stdout) if r.stdout.strip() else {}

    log = tempfile.TemporaryFile()
    server = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)], env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        if not wait_for_port(port, server):
            log.seek(0)
            print(log.read().decode(errors="replace")[-2000:])
            sys.exit("FAIL: moto_server did not start")
        print(f"moto_server (pid {server.pid}) on 127.0.0.1:{port}")
        aws("ec2", "create-key-pair", "--key-name", KEY)

        r = run("deploy", "--stack-name", STACK, "--parameter", f"KeyPairName={KEY}", "--yes")
        check(r.returncode == 0, "first deploy exits 0")
        check(f"Stack {STACK}: CREATE_COMPLETE" in r.stdout, "first deploy ends in CREATE_COMPLETE")
        check("CAPABILITY_IAM" in r.stdout, "the IAM role makes the capability CAPABILITY_IAM (computed)")
        events = [l for l in r.stdout.splitlines() if "AWS::CloudFormation::Stack" in l and "_IN_PROGRESS" in l]
        check(bool(events), "the stack's events are streamed (its CREATE_IN_PROGRESS event)")
        if not any("AWS::EC2::Instance" in l and "CREATE_COMPLETE" in l for l in r.stdout.splitlines()):
            print("moto caveat: moto records no per-resource stack events, only the stack's own")
        if "(no answer)" in r.stdout:
            print("moto caveat: its change sets give no Replacement answer (shown as '(no answer)')")

        r = run("diff", "--stack-name", STACK)
        check(r.returncode == 0 and "No changes." in r.stdout, "diff against the deployed stack: no changes, exit 0")

        r = run("--labels", "web,db", "diff", "--stack-name", STACK, "--json")
        check(r.returncode == 1, "diff with --labels web,db exits 1")
        doc = json.loads(r.stdout) if r.stdout.strip().startswith("{") else {"resources": []}
        added = {x["logical_id"] for x in doc["resources"] if x["change"] == "add" and x["impact"] == "create"}
        check({"AutoscalingGroupdb", "LaunchConfigurationdb"} <= added, f"the db resources are added: {sorted(added)}")
        check(all(x["change"] == "add" for x in doc["resources"]), "only additions")

        r = run("--labels", "web,db", "deploy", "--stack-name", STACK, "--yes")
        check(r.returncode == 0 and f"Stack {STACK}: UPDATE_COMPLETE" in r.stdout, "the update ends in UPDATE_COMPLETE")
        resources = {x["LogicalResourceId"]: x for x in
                     aws("cloudformation", "list-stack-resources", "--stack-name", STACK)["StackResourceSummaries"]}
        physical = resources.get("AutoscalingGroupdb", {}).get("PhysicalResourceId", "")
        groups = {g["AutoScalingGroupName"] for g in aws("autoscaling", "describe-auto-scaling-groups")["AutoScalingGroups"]}
        check(physical in groups, f"the db auto scaling group exists ({physical or 'no stack resource'})")

        r = run("--labels", "web,db", "deploy", "--stack-name", STACK, "--yes")
        check(r.returncode == 0 and "No changes to deploy" in r.stdout, "deploying again: nothing to deploy, exit 0")
        change_sets = aws("cloudformation", "list-change-sets", "--stack-name", STACK).get("Summaries", [])
        pending = [c for c in change_sets if c.get("ExecutionStatus") == "AVAILABLE"]
        check(not pending, f"no change set left behind ({len(pending)} available)")

        r = run("deploy", "--stack-name", STACK)
        check(r.returncode == 2 and "refusing to deploy without --yes" in r.stderr,
              "without --yes and without a terminal, deploy refuses (exit 2)")

        # On a terminal: colour, and the question, answered "n": nothing is deployed.
        master, slave = pty.openpty()
        os.write(master, b"n\n")
        r = run("--labels", "web,db,api", "deploy", "--stack-name", STACK, stdin=slave)
        check(r.returncode == 1 and "Deploy these changes to stack docker-swarm? [y/N]" in r.stderr
              and "Not deployed" in r.stdout, "on a terminal deploy asks, and 'n' deploys nothing (exit 1)")
        check("AutoscalingGroupapi" not in {x["LogicalResourceId"] for x in
              aws("cloudformation", "list-stack-resources", "--stack-name", STACK)["StackResourceSummaries"]},
              "the declined change set was not executed")
        colour = subprocess.run([program, "--labels", "web,db,api", "diff", "--stack-name", STACK], env=env,
                                stdout=slave, stderr=subprocess.PIPE, timeout=120)
        os.close(slave)
        seen = b""
        try:
            while True:
                chunk = os.read(master, 65536)
                if not chunk:
                    break
                seen += chunk
        except OSError:
            pass
        os.close(master)
        check(colour.returncode == 1 and b"\x1b[" in seen, "on a terminal the diff is coloured")
        check(b"\x1b[" not in subprocess.run([program, "--labels", "web,db,api", "diff", "--stack-name", STACK], env=env,
                                             capture_output=True).stdout, "into a pipe it is not")

        # Over 51,200 bytes the template goes through S3.
        many = "a,b,c,d,e,f,g,h"
        r = run("--labels", many, "deploy", "--stack-name", "docker-swarm-big", "--parameter", f"KeyPairName={KEY}", "--yes")
        check(r.returncode == 2 and "--s3-bucket" in r.stderr, "a template over 51,200 bytes without --s3-bucket: exit 2, says so")
        aws("s3api", "create-bucket", "--bucket", "cfnpp-templates",
            "--create-bucket-configuration", f"LocationConstraint={REGION}")
        r = run("--labels", many, "deploy", "--stack-name", "docker-swarm-big", "--parameter", f"KeyPairName={KEY}",
                "--s3-bucket", "cfnpp-templates", "--yes")
        check(r.returncode == 0 and "Uploaded the template" in r.stdout and "CREATE_COMPLETE" in r.stdout,
              "with --s3-bucket it is uploaded and deployed by URL")
        objects = aws("s3api", "list-objects-v2", "--bucket", "cfnpp-templates").get("Contents", [])
        check(any(o["Key"].startswith("cfnpp/docker-swarm-big-") for o in objects), "the template is in the bucket")

        r = run("deploy", "--stack-name", "docker-swarm-broken", "--parameter", "KeyPairName=no-such-key", "--yes")
        check(r.returncode != 0, "a failing deployment exits non-zero")
        check("no-such-key" in r.stderr or "KeyPair" in r.stderr, "and says why (the key pair)")
        print("moto caveat: moto has no rollback; a failed stack stays as moto left it")

        with tempfile.TemporaryDirectory() as tmp:
            new = json.loads(subprocess.run([program], capture_output=True, text=True, check=True).stdout)
            new["Resources"]["Subnet1"]["Properties"]["CidrBlock"] = "192.168.48.0/20"
            old_path = os.path.join(tmp, "old.json")
            with open(old_path, "w") as f:
                json.dump(new, f)
            r = run("diff", "--against", old_path, "--json")
            doc = json.loads(r.stdout) if r.stdout.strip().startswith("{") else {"resources": []}
            impacts = {x["logical_id"]: x["impact"] for x in doc["resources"]}
            check(r.returncode == 1, "diff --against with a changed CIDR exits 1")
            check(impacts.get("Subnet1") == "replace", "Subnet1 (its CidrBlock changed) is replace")
            check(impacts.get("MasterA") == "replace", "MasterA (SubnetId: Ref Subnet1) is replace")
            check(impacts.get("MasterB") is None, "MasterB (another subnet) is unchanged")

        alarms = {a["AlarmName"] for a in aws("cloudwatch", "describe-alarms")["MetricAlarms"]}
        print(f"moto caveat: {len(alarms)} CloudWatch alarms exist in moto (it skips ScalingPolicy/Alarm resources "
              "of a stack as real objects)")
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

    if failures:
        sys.exit(f"FAIL: {len(failures)} check(s) failed")
    print("PASS: deploy and diff through the aws CLI against moto")


if __name__ == "__main__":
    main()
