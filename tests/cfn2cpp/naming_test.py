#!/usr/bin/env python3
"""cfn2cpp names its variables exactly as the generator spells CloudFormation names
(generators/cfngen/naming.py), word exceptions included: `FSx` is one word, `fsx`, not `f_sx`.

    naming_test.py CFN2CPP CATALOG

cfn2cpp reads the rules from the catalog the generator writes; this imports a template whose
logical IDs exercise them and compares each variable with naming.snake.
"""

import json
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "generators"))
from cfngen import naming  # noqa: E402

CFN2CPP, CATALOG = sys.argv[1], sys.argv[2]

# Mixed-case words (FSx, IoT, DDoS, OAuth2, OTel, KiB, IPv6), runs of capitals, digits.
LOGICAL_IDS = ["FSxFileSystem", "IoTThingName", "DDoSProtection", "OAuth2Client", "OTelCollector",
               "MaxKiBPerSecond", "IPv6CidrBlock", "VPCGatewayAttachment", "PublicSubnet1", "EC2Instance",
               "S3BucketName", "Major"]


class Naming(unittest.TestCase):
    def test_variables_follow_the_generators_names(self):
        # Parameters, each used by an output so that cfn2cpp binds a variable to it.
        parameters = {i: {"Type": "String"} for i in LOGICAL_IDS}
        outputs = {f"Out{n}": {"Value": {"Ref": i}} for n, i in enumerate(LOGICAL_IDS)}
        resources = {"Topic": {"Type": "AWS::SNS::Topic"}}
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "names.json"
            source.write_text(json.dumps({"Parameters": parameters, "Resources": resources, "Outputs": outputs}))
            r = subprocess.run([CFN2CPP, "--catalog", CATALOG, str(source)], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        found = dict((m.group(2), m.group(1)) for m in
                     re.finditer(r'auto (\w+) = s\.add\(cfn::parameter<[^>]*>\{\s*"(\w+)"', r.stdout))
        for logical_id in LOGICAL_IDS:
            wanted = naming.snake(logical_id)
            if naming.is_unsafe(wanted):
                wanted += "_"
            self.assertEqual(found.get(logical_id), wanted, f"{logical_id}:\n{r.stdout}")

    def test_the_catalog_carries_the_generators_rules(self):
        header = json.loads(Path(CATALOG).read_text(encoding="utf-8").splitlines()[0] + "}}")
        self.assertEqual(header["naming"], naming.catalog_rules())


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
