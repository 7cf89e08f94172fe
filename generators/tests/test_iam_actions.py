"""Tests of the IAM action catalog (cfngen/iam_actions.py). Run: python3 -m unittest discover generators/tests

The hashes must be the ones cfn/iam/policy.hpp computes (`catalog_hash`, checked on the C++ side in
tests/iam/test_policy.cpp), sorted for its binary search; the names file must list every action.
"""

import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATORS = HERE.parent
FIXTURES = HERE / "fixtures"
sys.path.insert(0, str(GENERATORS))

from cfngen import iam_actions  # noqa: E402


class IamActions(unittest.TestCase):
    def test_fnv1a_known_values(self):
        self.assertEqual(iam_actions.fnv1a(""), 0x811C9DC5)
        self.assertEqual(iam_actions.fnv1a("a"), 0xE40C292C)  # FNV-1a's published test vector
        self.assertEqual(iam_actions.fnv1a("S3:GetObject"), iam_actions.fnv1a("s3:getobject"))

    def test_files_from_a_catalog(self):
        with tempfile.TemporaryDirectory() as tmp:
            result = subprocess.run(
                [sys.executable, str(GENERATORS / "regenerate"), "--spec", str(FIXTURES / "spec.json"),
                 "--patches", str(FIXTURES / "patches.json"), "--iam-actions", str(FIXTURES / "iam-actions.json"),
                 "--output", tmp], capture_output=True, text=True)
            self.assertEqual(result.returncode, 0, result.stderr)
            hashes = (Path(tmp) / iam_actions.HASHES_PATH).read_text(encoding="utf-8")
            names = (Path(tmp) / iam_actions.NAMES_PATH).read_text(encoding="utf-8")
        def table(name):
            block = hashes.split(f"{name}{{")[1].split("};")[0]
            digits = "".join(re.findall(r'"([0-9a-f]*)"', block))
            self.assertIn(f", {len(digits)}", block)  # the length it is declared with
            return [int(digits[i:i + 8], 16) for i in range(0, len(digits), 8)]

        found = table("action_hashes")
        expected = sorted(iam_actions.fnv1a(a) for a in ("s3:getobject", "s3:putobject", "logs:putlogevents"))
        self.assertEqual(found, expected)
        self.assertEqual(table("service_hashes"), sorted(iam_actions.fnv1a(s) for s in ("catalog", "logs", "s3")))
        self.assertIn('{"s3",\n     {\n         "getobject putobject", 19}},', names)
        self.assertIn('other_arn_services = "elastic-inference";', names)

    def test_without_the_option_a_test_spec_writes_no_catalog(self):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, str(GENERATORS / "regenerate"), "--spec", str(FIXTURES / "spec.json"),
                            "--patches", str(FIXTURES / "patches.json"), "--output", tmp], check=True,
                           capture_output=True)
            self.assertFalse((Path(tmp) / iam_actions.HASHES_PATH).exists())


if __name__ == "__main__":
    unittest.main()
