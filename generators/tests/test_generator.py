"""Tests of generators/regenerate. Run: python3 -m unittest discover generators/tests

The golden files under expected/ are what the generator writes for fixtures/spec.json with
fixtures/patches.json. After an intended change of the output, rewrite them with
    CFNPP_UPDATE_EXPECTED=1 python3 -m unittest discover generators/tests
and review the diff. The compile tests need g++ (skipped without it).
"""

import base64
import filecmp
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATORS = HERE.parent
REPO = GENERATORS.parent
FIXTURES = HERE / "fixtures"
EXPECTED = HERE / "expected"
REGENERATE = GENERATORS / "regenerate"

sys.path.insert(0, str(GENERATORS))

from cfngen import naming, spec, text  # noqa: E402


def run(*args, output):
    return subprocess.run(
        [sys.executable, str(REGENERATE), "--spec", str(FIXTURES / "spec.json"),
         "--patches", str(FIXTURES / "patches.json"), "--output", str(output), *args],
        capture_output=True, text=True,
    )


def tree(root):
    return sorted(p.relative_to(root).as_posix() for p in Path(root).rglob("*") if p.is_file())


class GoldenOutput(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = Path(cls.tmp.name)
        result = run(output=cls.out)
        assert result.returncode == 0, result.stderr
        if os.environ.get("CFNPP_UPDATE_EXPECTED"):
            shutil.rmtree(EXPECTED, ignore_errors=True)
            shutil.copytree(cls.out, EXPECTED)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_same_files(self):
        self.assertEqual(tree(self.out), tree(EXPECTED))

    def test_same_bytes(self):
        for path in tree(EXPECTED):
            with self.subTest(path=path):
                self.assertTrue(filecmp.cmp(self.out / path, EXPECTED / path, shallow=False),
                                f"{path} differs from the expected output")

    def test_deterministic(self):
        with tempfile.TemporaryDirectory() as again:
            self.assertEqual(run(output=again).returncode, 0)
            for path in tree(self.out):
                self.assertEqual((Path(again) / path).read_bytes(), (self.out / path).read_bytes(), path)

    def test_check_passes_on_fresh_output(self):
        result = run("--check", output=self.out)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_check_lists_differences(self):
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(self.out, tmp, dirs_exist_ok=True)
            root = Path(tmp)
            (root / "include/cfn/aws/demo/network.hpp").write_text("// edited\n")
            (root / "include/cfn/aws/demo/fleet.hpp").unlink()
            (root / "include/cfn/aws/demo/gone.hpp").write_text("// stale\n")
            (root / "include/cfn/core.hpp").write_text("// not generated: must be left alone\n")
            result = run("--check", output=root)
            self.assertEqual(result.returncode, 1)
            self.assertIn("differs: include/cfn/aws/demo/network.hpp", result.stdout)
            self.assertIn("missing: include/cfn/aws/demo/fleet.hpp", result.stdout)
            self.assertIn("extra:   include/cfn/aws/demo/gone.hpp", result.stdout)
            self.assertNotIn("core.hpp", result.stdout)
            self.assertEqual((root / "include/cfn/aws/demo/network.hpp").read_text(), "// edited\n")
            # Regenerating repairs all three and leaves other files alone.
            self.assertEqual(run(output=root).returncode, 0)
            self.assertEqual(run("--check", output=root).returncode, 0)
            self.assertTrue((root / "include/cfn/core.hpp").exists())

    def test_generated_code_compiles_and_is_typed(self):
        if not shutil.which("g++"):
            self.skipTest("g++ not found")
        usage = FIXTURES / "usage.cpp"
        base = ["g++", "-std=c++20", "-fsyntax-only", "-Werror=deprecated-declarations",
                f"-I{self.out / 'include'}", f"-I{REPO / 'include'}", str(usage)]
        result = subprocess.run(base, capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        # Each misuse does not compile, and the message names what is wrong.
        cases = [
            (base, "MISSPELLED_ENUMERATOR", "t2_micr0"),
            (base, "WRONG_REFERENCE", "AWS::Demo::Widget.NetworkId"),
            (base, "MISSING_REQUIRED", "AWS::Demo::Widget.Name"),
        ]
        # Only clang gets [[deprecated]] (see render.py): setting a deprecated property warns.
        if shutil.which("clang++"):
            cases.append((["clang++"] + base[1:], "DEPRECATED", "AWS::Demo::Widget.OldSetting is deprecated by AWS"))
        for command, case, message in cases:
            with self.subTest(case=case):
                result = subprocess.run(command + [f"-D{case}"], capture_output=True, text=True)
                self.assertNotEqual(result.returncode, 0, f"{case} compiled")
                self.assertIn(message, result.stderr)


class BadInput(unittest.TestCase):
    def write_spec(self, directory, mutate):
        data = json.loads((FIXTURES / "spec.json").read_text())
        mutate(data)
        path = Path(directory) / "bad.json"
        path.write_text(json.dumps(data))
        return path

    def regenerate(self, directory, spec_path, patches=FIXTURES / "patches.json"):
        return subprocess.run(
            [sys.executable, str(REGENERATE), "--spec", str(spec_path), "--patches", str(patches),
             "--output", str(directory)], capture_output=True, text=True)

    def test_dangling_ref(self):
        with tempfile.TemporaryDirectory() as tmp:
            def mutate(data):
                widget = data["schema"]["resource"]["entities"][0]
                widget["properties"]["Layout"]["type"]["reference"]["$ref"] = "t404"
            result = self.regenerate(tmp, self.write_spec(tmp, mutate))
            self.assertEqual(result.returncode, 2)
            self.assertIn("AWS::Demo::Widget.Layout: $ref 't404' does not name a type definition", result.stderr)
            self.assertEqual(tree(tmp), ["bad.json"], "nothing may be written")

    def test_unknown_type_kind(self):
        with tempfile.TemporaryDirectory() as tmp:
            def mutate(data):
                data["schema"]["resource"]["entities"][0]["properties"]["Count"]["type"]["type"] = "int64"
            result = self.regenerate(tmp, self.write_spec(tmp, mutate))
            self.assertEqual(result.returncode, 2)
            self.assertIn("AWS::Demo::Widget.Count: unknown type kind 'int64'", result.stderr)

    def test_unknown_replacement_and_scrutiny(self):
        for mutate, message in [
            (lambda d: d["schema"]["resource"]["entities"][0]["properties"]["Count"].update(causesReplacement="always"),
             "AWS::Demo::Widget.Count: causesReplacement 'always' is not yes, maybe or no"),
            (lambda d: d["schema"]["resource"]["entities"][1].update(scrutinizable="FirewallResource"),
             "AWS::Demo::Network: unknown scrutinizable mark 'FirewallResource'"),
        ]:
            with self.subTest(message=message), tempfile.TemporaryDirectory() as tmp:
                result = self.regenerate(tmp, self.write_spec(tmp, mutate))
                self.assertEqual(result.returncode, 2)
                self.assertIn(message, result.stderr)

    def test_stale_patch(self):
        with tempfile.TemporaryDirectory() as tmp:
            patches = Path(tmp) / "patches.json"
            patches.write_text(json.dumps({"enumerations": [
                {"property": "AWS::Demo::Widget.Size", "values": ["x"], "reason": "the spec has values now"}]}))
            result = self.regenerate(tmp, FIXTURES / "spec.json", patches)
            self.assertEqual(result.returncode, 2)
            self.assertIn("the spec now lists allowed values; remove the patch", result.stderr)

    def test_patch_without_reason(self):
        with tempfile.TemporaryDirectory() as tmp:
            patches = Path(tmp) / "patches.json"
            patches.write_text(json.dumps({"relationships": [{"property": "AWS::Demo::Widget.GroupIds"}]}))
            result = self.regenerate(tmp, FIXTURES / "spec.json", patches)
            self.assertEqual(result.returncode, 2)
            self.assertIn("lacks 'reason'", result.stderr)

    def test_integrity_mismatch(self):
        with tempfile.TemporaryDirectory() as tmp:
            lock = {"package": "@aws-cdk/aws-service-spec", "version": "0.0.1",
                    "integrity": "sha512-" + base64.b64encode(hashlib.sha512(b"other").digest()).decode()}
            (Path(tmp) / "aws-cdk-aws-service-spec-0.0.1.tgz").write_bytes(b"tampered")
            with self.assertRaisesRegex(spec.SpecError, "integrity mismatch"):
                spec.fetch(lock, tmp)


class Naming(unittest.TestCase):
    def test_snake(self):
        for name, expected in [
            ("VPCZoneIdentifier", "vpc_zone_identifier"), ("Ipv6CidrBlock", "ipv6_cidr_block"),
            ("DBInstanceIdentifier", "db_instance_identifier"), ("OKActions", "ok_actions"),
            ("EC2InboundPermissions", "ec2_inbound_permissions"), ("Endpoint.Address", "endpoint_address"),
            ("EnableResourceNameDnsAAAARecord", "enable_resource_name_dns_aaaa_record"),
            ("EnableResourceNameDnsARecord", "enable_resource_name_dns_a_record"),
            ("IPv6Addresses", "ipv6_addresses"), ("DynamoDBv2Action", "dynamo_dbv2_action"),
            ("FSxLustreConfig", "fsx_lustre_config"), ("IoTJobConfig", "iot_job_config"),
            ("MemoryGiBPerVCpu", "memory_gib_per_v_cpu"), ("s3BackupMode", "s3_backup_mode"),
            ("ElasticLoadBalancingV2", "elastic_load_balancing_v2"),
        ]:
            self.assertEqual(naming.snake(name), expected)

    def test_unique(self):
        self.assertEqual(naming.unique([(1, "default"), (2, "id"), (3, "x"), (4, "x")], taken={"id"}),
                         {1: "default_", 2: "id_", 3: "x", 4: "x_2"})

    def test_enumerator(self):
        for value, expected in [("t2.micro", "t2_micro"), ("2xlarge", "_2xlarge"), ("us-east-1", "us_east_1"),
                                ("GreaterThanThreshold", "GreaterThanThreshold"), ("", "empty_"), ("*", "value_"),
                                ("-Foo", "Foo"), ("a--b", "a_b")]:
            self.assertEqual(naming.enumerator(value), expected)

    def test_namespace(self):
        self.assertEqual(naming.namespace("ElasticLoadBalancingV2"), "elasticloadbalancingv2")


class Docs(unittest.TestCase):
    def test_first_sentence(self):
        for doc, expected in [
            ("The ID of the VPC.\n\nMore.", "The ID of the VPC."),
            ("See [the guide](https://x) now. Then more.", "See the guide now."),
            ("The default is `false` .", "The default is `false`."),
            ("Valid values are:", "Valid values are."),
            ("For example, e.g. this one. Next.", "For example, e.g. this one."),
            ("> A note", "A note."),
            ("Ends with a backslash \\", "Ends with a backslash."),
            ("", ""),
        ]:
            self.assertEqual(text.first_sentence(doc), expected)

    def test_member_doc(self):
        self.assertEqual(text.member_doc("The name.", required=True, replacement="yes"),
                         "Required. The name. Update requires replacement.")
        self.assertEqual(text.member_doc("The size.", replacement="maybe"),
                         "The size. Update may require replacement.")


if __name__ == "__main__":
    unittest.main()
