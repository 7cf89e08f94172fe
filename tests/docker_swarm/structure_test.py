#!/usr/bin/env python3
"""structure_test.py PROGRAM: structural checks of the Docker Swarm template, for labels {"web"}
(the default) and {"web", "db"} (`--labels web,db`):
  - resource counts by type;
  - each manager's static IP lies inside its subnet's CIDR, and each subnet inside the VPC's;
  - every alarm's AlarmActions refers to a scaling policy of the same label, and its dimension to
    that label's auto scaling group; each policy scales that group;
  - the outputs: VPC, PublicIP<Manager> per manager, one per subnet;
  - bad labels are refused."""
import ipaddress
import json
import subprocess
import sys

program = sys.argv[1]
failures = []


def check(condition, what):
    if not condition:
        print("FAIL:", what)
        failures.append(what)


def ref(value):
    return value.get("Ref") if isinstance(value, dict) else None


def template(*args):
    return json.loads(subprocess.run([program, *args], capture_output=True, text=True, check=True).stdout)


def check_variant(labels, args):
    t = template(*args)
    resources = t["Resources"]
    counts = {}
    for body in resources.values():
        counts[body["Type"]] = counts.get(body["Type"], 0) + 1
    n = len(labels)
    expected = {
        "AWS::IAM::Role": 1, "AWS::IAM::InstanceProfile": 1,
        "AWS::EC2::VPC": 1, "AWS::EC2::Subnet": 3, "AWS::EC2::InternetGateway": 1,
        "AWS::EC2::VPCGatewayAttachment": 1, "AWS::EC2::RouteTable": 1, "AWS::EC2::Route": 1,
        "AWS::EC2::SubnetRouteTableAssociation": 3, "AWS::EC2::SecurityGroup": 2, "AWS::EC2::Instance": 3,
        "AWS::AutoScaling::LaunchConfiguration": n, "AWS::AutoScaling::AutoScalingGroup": n,
        "AWS::AutoScaling::ScalingPolicy": 2 * n, "AWS::CloudWatch::Alarm": 2 * n + 3,  # 3 recovery alarms
    }
    check(counts == expected, f"{labels}: resource counts {counts} != {expected}")

    vpc = ipaddress.ip_network(resources["VPC"]["Properties"]["CidrBlock"])
    for logical, body in resources.items():
        if body["Type"] != "AWS::EC2::Instance":
            continue
        p = body["Properties"]
        subnet = resources[ref(p["SubnetId"])]["Properties"]
        network = ipaddress.ip_network(subnet["CidrBlock"])
        check(ipaddress.ip_address(p["PrivateIpAddress"]) in network,
              f"{logical}: {p['PrivateIpAddress']} not in {network}")
        check(network.subnet_of(vpc), f"{network} not in the VPC {vpc}")
    ips = sorted(b["Properties"]["PrivateIpAddress"] for b in resources.values() if b["Type"] == "AWS::EC2::Instance")
    check(ips == ["192.168.0.250", "192.168.16.250", "192.168.32.250"], f"manager IPs {ips}")

    for label in labels:
        group = f"AutoscalingGroup{label}"
        check(group in resources and f"LaunchConfiguration{label}" in resources, f"{label}: group and launch configuration")
        check(ref(resources[group]["Properties"]["LaunchConfigurationName"]) == f"LaunchConfiguration{label}",
              f"{group} uses LaunchConfiguration{label}")
        for direction in ("Up", "Down"):
            policy, alarm = f"HTTPRequestScalingPolicy{direction}{label}", f"HTTPRequestAlarm{direction}{label}"
            check(policy in resources and alarm in resources, f"{policy} and {alarm} exist")
            if policy in resources:
                check(ref(resources[policy]["Properties"]["AutoScalingGroupName"]) == group, f"{policy} scales {group}")
    for manager in ("MasterA", "MasterB", "MasterC"):
        alarm = resources.get("AlarmRecovery" + manager, {}).get("Properties", {})
        dims = {d["Name"]: ref(d["Value"]) for d in alarm.get("Dimensions", [])}
        check(dims == {"InstanceId": manager} and alarm.get("MetricName") == "StatusCheckFailed_System"
              and alarm.get("AlarmActions") == [{"Fn::Sub": "arn:aws:automate:${AWS::Region}:ec2:recover"}],
              f"AlarmRecovery{manager} recovers {manager}: {dims}")
    for logical, body in resources.items():
        if body["Type"] != "AWS::CloudWatch::Alarm" or logical.startswith("AlarmRecovery"):
            continue
        label = next((l for l in labels if logical.endswith(l)), None)
        p = body["Properties"]
        actions = [ref(a) for a in p.get("AlarmActions", [])]
        check(len(actions) == 1 and actions[0] in resources
              and resources[actions[0]]["Type"] == "AWS::AutoScaling::ScalingPolicy"
              and actions[0].endswith(label), f"{logical}: AlarmActions {actions} not a policy of label {label}")
        dims = {d["Name"]: ref(d["Value"]) for d in p.get("Dimensions", [])}
        check(dims == {"AutoScalingGroupName": f"AutoscalingGroup{label}"}, f"{logical}: dimensions {dims}")

    outputs = t.get("Outputs", {})
    want = {"VPC", "PublicIPMasterA", "PublicIPMasterB", "PublicIPMasterC", "Subnet1", "Subnet2", "Subnet3"}
    check(set(outputs) == want, f"{labels}: outputs {sorted(outputs)}")
    check(outputs.get("PublicIPMasterA", {}).get("Value") == {"Fn::GetAtt": ["MasterA", "PublicIp"]}, "PublicIPMasterA value")
    check(ref(outputs.get("VPC", {}).get("Value")) == "VPC", "VPC output value")


check_variant(["web"], [])
check_variant(["web", "db"], ["--labels", "web,db"])
check_variant(["web", "db"], ["--labels=web,db"])
bad = subprocess.run([program, "--labels", "web,d-b"], capture_output=True, text=True)
check(bad.returncode == 2 and "d-b" in bad.stderr, f"a bad label is refused: rc {bad.returncode}, {bad.stderr.strip()}")
if failures:
    sys.exit(f"FAIL: {len(failures)} structural check(s)")
print("PASS: structure of the web and web,db variants")
