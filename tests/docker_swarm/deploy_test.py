#!/usr/bin/env python3
"""Deploys the Docker Swarm stack to moto (a local AWS mock) with the real aws CLI.

    deploy_test.py PROGRAM

Starts `moto_server` on 127.0.0.1 on a free port, creates the key pair the stack needs, runs
`aws cloudformation create-stack` on the template PROGRAM writes for `--labels web,db`, waits for
CREATE_COMPLETE, and checks through the aws CLI what the post builds: the VPC and its CIDR, the three
subnets, the three managers with their static private IPs, and each auto scaling group's capacity.
moto_server is always stopped, by its PID. Nothing talks to anything but 127.0.0.1 (dummy
credentials, metadata lookups disabled).

Honest about moto:
  - AMI and key pair validation are switched on (MOTO_ENABLE_AMI_VALIDATION,
    MOTO_ENABLE_KEYPAIR_VALIDATION): the RegionMap's Amazon Linux 2 AMI for eu-central-1 must be one
    moto knows (moto ships AWS's public AL2 AMI ids), and the key pair must exist.
  - Resource types moto's CloudFormation does not implement are reported, not hidden: the test
    prints which of the template's resources moto did not create as real objects.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

REGION = "eu-central-1"
STACK = "docker-swarm"
KEY = "docker-swarm-test"
LABELS = ["web", "db"]
MANAGERS = {"MasterA": "192.168.0.250", "MasterB": "192.168.16.250", "MasterC": "192.168.32.250"}
SUBNETS = {"192.168.0.0/20", "192.168.16.0/20", "192.168.32.0/20"}


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

    def __call__(self, *args, check=True):
        r = subprocess.run(self.base + list(args), env=self.env, capture_output=True, text=True, timeout=60)
        if check and r.returncode != 0:
            raise RuntimeError(f"aws {' '.join(args)} failed ({r.returncode}): {r.stderr.strip()}")
        return json.loads(r.stdout) if r.stdout.strip() else {}


failures = []


def check(condition, what):
    print(("ok:   " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


def main():
    program = sys.argv[1]
    template = subprocess.run([program, "--labels", ",".join(LABELS)], capture_output=True, text=True, check=True).stdout

    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": REGION, "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "",
        "MOTO_ENABLE_AMI_VALIDATION": "true", "MOTO_ENABLE_KEYPAIR_VALIDATION": "true",
        "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1",
    })
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        env.pop(proxy, None)

    port = free_port()
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

        aws("ec2", "create-key-pair", "--key-name", KEY)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            f.write(template)
            template_path = f.name
        try:
            aws("cloudformation", "create-stack", "--stack-name", STACK, "--template-body", f"file://{template_path}",
                "--parameters", f"ParameterKey=KeyPairName,ParameterValue={KEY}", "--capabilities", "CAPABILITY_IAM")
        finally:
            os.unlink(template_path)

        status, deadline = "", time.time() + 120
        while time.time() < deadline:
            status = aws("cloudformation", "describe-stacks", "--stack-name", STACK)["Stacks"][0]["StackStatus"]
            if not status.endswith("IN_PROGRESS"):
                break
            time.sleep(1)
        check(status == "CREATE_COMPLETE", f"stack status {status}")
        if status != "CREATE_COMPLETE":
            for e in aws("cloudformation", "describe-stack-events", "--stack-name", STACK)["StackEvents"][:15]:
                print("  event:", e["LogicalResourceId"], e["ResourceStatus"], e.get("ResourceStatusReason", ""))
            sys.exit(1)

        resources = {r["LogicalResourceId"]: r for r in
                     aws("cloudformation", "list-stack-resources", "--stack-name", STACK)["StackResourceSummaries"]}
        outputs = {o["OutputKey"]: o["OutputValue"] for o in
                   aws("cloudformation", "describe-stacks", "--stack-name", STACK)["Stacks"][0].get("Outputs", [])}

        vpc_id = outputs.get("VPC", "")
        vpcs = aws("ec2", "describe-vpcs", "--vpc-ids", vpc_id)["Vpcs"] if vpc_id else []
        check(len(vpcs) == 1 and vpcs[0]["CidrBlock"] == "192.168.0.0/16", f"VPC {vpc_id} with CIDR 192.168.0.0/16")

        subnets = aws("ec2", "describe-subnets", "--filters", f"Name=vpc-id,Values={vpc_id}")["Subnets"]
        check({s["CidrBlock"] for s in subnets} == SUBNETS, f"three subnets {sorted(SUBNETS)}: {sorted(s['CidrBlock'] for s in subnets)}")
        check(len({s["AvailabilityZone"] for s in subnets}) == 3, "the subnets are in three availability zones")
        check(all(outputs.get(f"Subnet{i}", "").startswith("subnet-") for i in (1, 2, 3)), "outputs Subnet1..3")

        reservations = aws("ec2", "describe-instances", "--filters", f"Name=vpc-id,Values={vpc_id}")["Reservations"]
        instances = [i for r in reservations for i in r["Instances"]]
        moto_notes = []
        by_name = {t["Value"]: i for i in instances for t in i.get("Tags", []) if t["Key"] == "Name"}
        for name, ip in MANAGERS.items():
            instance = by_name.get("MyEnvironment-" + name)
            check(instance is not None and instance.get("PrivateIpAddress") == ip,
                  f"{name} has private IP {ip} (got {instance.get('PrivateIpAddress') if instance else 'no instance'})")
            check(instance is not None and instance.get("ImageId") == "ami-06eba3da8c195f5b5",
                  f"{name} runs the RegionMap's eu-central-1 AMI")
            public_ip = instance.get("PublicIpAddress") if instance else None
            if outputs.get("PublicIP" + name):
                check(outputs["PublicIP" + name] == public_ip, f"output PublicIP{name} = {public_ip}")
            else:
                moto_notes.append(f"output PublicIP{name} (Fn::GetAtt {name}.PublicIp): moto returned no value "
                                  f"(the instance's PublicIpAddress is {public_ip})")

        groups = {g["AutoScalingGroupName"]: g for g in
                  aws("autoscaling", "describe-auto-scaling-groups")["AutoScalingGroups"]}
        for label in LABELS:
            physical = resources.get("AutoscalingGroup" + label, {}).get("PhysicalResourceId", "")
            g = groups.get(physical)
            check(g is not None and (g["MinSize"], g["MaxSize"], g["DesiredCapacity"]) == (1, 3, 1),
                  f"AutoscalingGroup{label}: MinSize 1, MaxSize 3, DesiredCapacity 1"
                  + (f" (got {g['MinSize']}, {g['MaxSize']}, {g['DesiredCapacity']})" if g else " (no group)"))
            check(g is not None and len(g.get("VPCZoneIdentifier", "").split(",")) == 3,
                  f"AutoscalingGroup{label} spans the three subnets")
            check(g is not None and len(g.get("Instances", [])) == 1, f"AutoscalingGroup{label} runs one worker")

        # What moto made of the rest: real objects, or only a stack resource entry.
        policies = {p["PolicyName"] for p in aws("autoscaling", "describe-policies")["ScalingPolicies"]}
        alarms = {a["AlarmName"] for a in aws("cloudwatch", "describe-alarms")["MetricAlarms"]}
        moto_caveats = moto_notes
        for logical, r in resources.items():
            if r["ResourceType"] == "AWS::AutoScaling::ScalingPolicy" and r["PhysicalResourceId"] not in policies \
                    and not any(p in r["PhysicalResourceId"] for p in policies):
                moto_caveats.append(f"{logical} ({r['ResourceType']}): no scaling policy in moto")
            if r["ResourceType"] == "AWS::CloudWatch::Alarm" and r["PhysicalResourceId"] not in alarms:
                moto_caveats.append(f"{logical} ({r['ResourceType']}): no alarm in moto")
        expected = json.loads(template)["Resources"]
        for logical, body in expected.items():
            if logical not in resources:
                moto_caveats.append(f"{logical} ({body['Type']}): not in the stack's resources (moto ignored it)")
        print(f"moto: {len(set(resources) & set(expected))} of the template's {len(expected)} resources created; "
              f"{len(policies)} scaling policies, {len(alarms)} alarms exist")
        for caveat in moto_caveats:
            print("moto caveat (not checked):", caveat)
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
    print("PASS: the stack deploys to moto")


if __name__ == "__main__":
    main()
