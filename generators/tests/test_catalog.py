"""Tests of the cfn2cpp catalog (cfngen/catalog.py). Run: python3 -m unittest discover generators/tests

The catalog must say exactly what the generated headers declare: cfn2cpp writes code against it,
and a name or type that differs from the header would be a stack.cpp that does not compile.
"""

import json
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATORS = HERE.parent
FIXTURES = HERE / "fixtures"


class Catalog(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = Path(cls.tmp.name)
        result = subprocess.run(
            [sys.executable, str(GENERATORS / "regenerate"), "--spec", str(FIXTURES / "spec.json"),
             "--patches", str(FIXTURES / "patches.json"), "--output", str(cls.out)],
            capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        cls.text = (cls.out / "tools/cfn2cpp/catalog.json").read_text(encoding="utf-8")
        document = json.loads(cls.text)
        cls.catalog, cls.policies, cls.naming = document["resources"], document["policies"], document["naming"]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def header(self, cfn_type):
        return (self.out / "include" / self.catalog[cfn_type]["header"]).read_text(encoding="utf-8")

    def test_one_resource_per_line(self):
        lines = self.text.splitlines()
        self.assertEqual(len(lines), len(self.catalog) + 2)
        self.assertTrue(all(line.startswith('"') for line in lines[1:-1]))

    def test_every_member_is_declared_in_its_header(self):
        for cfn_type, entry in self.catalog.items():
            header = self.header(cfn_type)
            self.assertIn("struct " + entry["cpp"].rsplit("::", 1)[1] + " {", header)
            structs = [entry["properties"]] + [members for _, members in entry["types"].values()]
            for members in structs:
                for cfn_name, ident, _type, required in members:
                    with self.subTest(resource=cfn_type, property=cfn_name):
                        self.assertRegex(header, rf"\b{re.escape(ident)}( = cfn::absent)?;")
                        self.assertIn(f'{{"{cfn_name}", offsetof(self, {ident}), ', header)
            for name, ident in entry["attributes"].values():
                self.assertIn(f" {name}() const", header)

    def test_enumerators_are_declared(self):
        header = self.header("AWS::Demo::Widget")
        for ident, values in self.catalog["AWS::Demo::Widget"]["enums"].items():
            self.assertIn(f"enum class {ident} {{", header)
            for _value, enumerator in values:
                self.assertRegex(header, rf"\b{re.escape(enumerator)}\b")

    def test_types(self):
        widget = self.catalog["AWS::Demo::Widget"]
        properties = {p[0]: p[1:] for p in widget["properties"]}
        self.assertEqual(properties["Layout"], ["layout", "struct<Layout>", 1])
        self.assertEqual(properties["DbName"], ["db_name_2", "str", 0])
        self.assertEqual(properties["Modes"], ["modes", "list<enum<modes>>", 0])
        self.assertEqual(properties["Settings"], ["settings", "map<integer>", 0])
        self.assertEqual(properties["GroupIds"], ["group_ids", "list<id<AWS::Demo::Network.NetworkId>>", 0])
        self.assertEqual(properties["Source"], ["source", "json", 0])  # a union
        self.assertEqual(properties["Tags"], ["tags", "list<tag>", 0])
        # The member that closes a recursive cycle is Json, as in the header.
        self.assertEqual(widget["types"]["NotStatement"], ["not_statement", [["Statement", "statement", "json", 1]]])
        self.assertEqual(widget["attributes"]["Endpoint.Address"], ["attr_endpoint_address", "str"])
        network = self.catalog["AWS::Demo::Network"]
        self.assertEqual(network["ref"], "id<AWS::Demo::Network.NetworkId>")
        self.assertEqual(network["enums"]["mode"], [["Fast", "Fast"], ["Slow", "Slow"]])

    def test_policies_are_what_policies_hpp_declares(self):
        # cfn2cpp translates CreationPolicy and UpdatePolicy from the catalog; both it and the header
        # are written from generators/policies.json.
        header = (self.out / "include/cfn/policies.hpp").read_text(encoding="utf-8")
        self.assertEqual(set(self.policies["types"]) >= {"CreationPolicy", "UpdatePolicy", "ResourceSignal"}, True)
        for name, (ident, members) in self.policies["types"].items():
            self.assertIn(f"struct {ident} {{", header)
            for cfn_name, member, spelled, required in members:
                with self.subTest(policy=name, property=cfn_name):
                    self.assertIn(f'{{"{cfn_name}", offsetof(self, {member}), ', header)
                    if spelled.startswith("struct<"):
                        self.assertRegex(header, rf"policy::\w+ {member} = cfn::absent;")
                    else:
                        wrapper = "required" if required else "optional"
                        self.assertRegex(header, rf'cfn::{wrapper}<[^>]+>?, "[A-Za-z.]*\.{cfn_name}"> {member};')
        rolling = dict((p[0], p[2]) for p in self.policies["types"]["AutoScalingRollingUpdate"][1])
        self.assertEqual(rolling["SuspendProcesses"], "list<str>")
        self.assertIn('cfn::optional<cfn::list<cfn::str>, "UpdatePolicy.AutoScalingRollingUpdate.SuspendProcesses">',
                      header)

    def test_naming_rules_are_the_generators(self):
        sys.path.insert(0, str(GENERATORS))
        from cfngen import naming
        self.assertEqual(self.naming, naming.catalog_rules())
        token = re.compile(self.naming["token"])
        self.assertEqual(token.findall("FSxLustreConfig"), ["FSx", "Lustre", "Config"])

    def test_declaration_order_is_kept(self):
        names = [p[0] for p in self.catalog["AWS::Demo::Widget"]["properties"]]
        self.assertEqual(names, sorted(names))


if __name__ == "__main__":
    unittest.main()
