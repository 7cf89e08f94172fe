#!/usr/bin/env python3
"""cfn2cpp's command line: invalid input gives one line naming where and why, exit status 1, and
no output file (an existing one is left untouched); YAML short forms import like their long forms.

    errors_test.py CFN2CPP CATALOG
"""

import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
CFN2CPP, CATALOG = sys.argv[1], sys.argv[2]


def run(*args):
    return subprocess.run([CFN2CPP, "--catalog", CATALOG, *args], capture_output=True, text=True)


def template(resources, **sections):
    return json.dumps({"Resources": resources, **sections})


class InvalidInput(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def refused(self, name, text, expected_error):
        """Importing `text` fails with exactly `expected_error`, and `-o` leaves an existing file alone."""
        source = self.dir / name
        source.write_text(text, encoding="utf-8")
        output = self.dir / "stack.cpp"
        output.write_text("// the user's own file\n", encoding="utf-8")
        r = run("-o", str(output), str(source))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertEqual(r.stderr.replace(str(self.dir) + "/", ""), expected_error + "\n")
        self.assertEqual(output.read_text(encoding="utf-8"), "// the user's own file\n")
        self.assertEqual(list(self.dir.glob("stack.cpp.*")), [])  # no temporary file left behind

    def test_not_a_template(self):
        self.refused("list.json", "[1, 2]", "error: template: not a CloudFormation template (not a JSON object)")
        self.refused("empty.json", '{"Description": "x"}', "error: template: not a CloudFormation template (no Resources section)")
        self.refused("section.json", '{"Resources": {}, "Resource": {}}', "error: Resource: not a section of a CloudFormation template")

    def test_broken_json_and_yaml(self):
        self.refused("broken.json", '{"Resources": {', "error: broken.json: not valid JSON: parse error at line 1, column 16: syntax error while parsing "
                     "object key - unexpected end of input; expected string literal")
        self.refused("broken.yaml", "Resources:\n  Web: [1, 2\n", "error: broken.yaml:3:1: not valid YAML: end of sequence flow not found")

    def test_dangling_ref(self):
        self.refused("dangling.json", template({"Web": {"Type": "AWS::EC2::Instance", "Properties": {"SubnetId": {"Ref": "Subnet9"}}}}),
                     "error: Resources.Web.Properties.SubnetId: Ref to 'Subnet9', which is not a parameter or resource")

    def test_unknown_intrinsic(self):
        self.refused("unknown.json", template({"Web": {"Type": "AWS::EC2::Instance", "Properties": {"ImageId": {"Fn::Frobnicate": "x"}}}}),
                     "error: Resources.Web.Properties.ImageId.Fn::Frobnicate: unknown intrinsic function 'Fn::Frobnicate'")
        self.refused("unknown.yaml", "Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: !Frobnicate x\n",
                     "error: unknown.yaml:5:16: unknown tag !Frobnicate")

    def test_other_mistakes(self):
        self.refused("getatt.json", template({"Vpc": {"Type": "AWS::EC2::VPC"}, "S": {"Type": "AWS::EC2::Subnet", "Properties": {
            "VpcId": {"Fn::GetAtt": ["Vpc", "Colour"]}}}}),
            "error: Resources.S.Properties.VpcId.Fn::GetAtt: AWS::EC2::VPC has no attribute 'Colour'")
        self.refused("condition.json", template({"Vpc": {"Type": "AWS::EC2::VPC", "Condition": "Missing"}}),
                     "error: Resources.Vpc.Condition: condition 'Missing' is not in Conditions")
        self.refused("cycle.json", template({"A": {"Type": "AWS::SNS::Topic", "DependsOn": "B"},
                                             "B": {"Type": "AWS::SNS::Topic", "DependsOn": "A"}}),
                     "error: Resources: dependency cycle among A, B")
        self.refused("id.json", template({"My-Topic": {"Type": "AWS::SNS::Topic"}}),
                     "error: Resources.My-Topic: a logical ID must be alphanumeric")

    def test_limits(self):
        """Hostile input fails fast with one line: cfn2cpp's limits (tools/cfn2cpp/input.hpp)."""
        self.refused("self.yaml", "Resources:\n  A: &a [*a]\n", "error: self.yaml:2:6: an alias refers to the node that contains it")
        laughs = "".join(f"  l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))
        self.refused("laughs.yaml", "Resources:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + laughs,
                     "error: laughs.yaml:2:32: aliases expand to more than 100000 nodes (cfn2cpp's limit; an alias bomb?)")
        self.refused("deep.json", '{"Resources": {"A": ' + "[" * 5000 + "]" * 5000 + "}}",
                     "error: deep.json: nested deeper than 100 levels (cfn2cpp's limit)")
        self.refused("deep.yaml", "Resources: " + "[" * 1000 + "]" * 1000 + "\n",
                     "error: deep.yaml:1:2012: nested deeper than 100 levels (cfn2cpp's limit)")
        self.refused("blocks.yaml", "Resources:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 120)),
                     "error: blocks.yaml:102:203: nested deeper than 100 levels (cfn2cpp's limit)")
        self.refused("big.json", '{"Resources": {}, "Description": "' + "x" * (1 << 20) + '"}',
                     "error: big.json: larger than 1048576 bytes (CloudFormation's limit for a template)")

    def test_a_stray_comma_after_the_document(self):
        # yaml-cpp 0.7's LoadAll loops for ever on these (found by tests/fuzz): a ',' outside a flow
        # collection is never consumed. cfn2cpp reads at most two documents and reports the comma.
        for text, where in (("# a comment\n---\n[a], c\n", "3:4"), ("# x\n{Resources: {A: '}'}}\n, c\n", "3:1"),
                            (",", "1:1"), ('"Resources"\n,\n', "2:1")):
            self.refused("comma.yaml", text, f"error: comma.yaml:{where}: expected one YAML document, found another starting here")

    def test_one_document(self):
        self.refused("two.yaml", "Resources: {}\n---\nResources: {}\n", "error: two.yaml:2:1: expected one YAML document, found another starting here")
        self.refused("none.yaml", "# nothing\n", "error: none.yaml: expected one YAML document, found none")

    def test_quoted_values_stay_on_one_line(self):
        self.refused("newline.json", template({"W": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "a\nb\x01"}}}}),
                     "error: Resources.W.Properties.TopicName: Ref to 'a\\nb\\x01', which is not a parameter or resource")
        self.refused("id.json", template({"W\rX": {"Type": "AWS::SNS::Topic"}}),
                     "error: Resources.W\\rX: a logical ID must be alphanumeric")

    def test_nested_lists_lay_out_in_linear_time(self):
        value = "x"
        for _ in range(95):  # each level used to double the time: 47 levels took 40 s
            value = [value, "y" * 20]
        source = self.dir / "nested.json"
        source.write_text(template({"W": {"Type": "AWS::SNS::Topic", "Metadata": {"M": value}}}), encoding="utf-8")
        r = subprocess.run([CFN2CPP, "--catalog", CATALOG, str(source)], capture_output=True, text=True, timeout=30)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertEqual(r.stdout.count('"' + "y" * 20 + '"'), 95)

    def test_missing_file_and_usage(self):
        r = run(str(self.dir / "nothing.json"))
        self.assertEqual((r.returncode, r.stderr), (1, f"error: {self.dir}/nothing.json: cannot read the file\n"))
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("--frobnicate", "x.json").returncode, 2)


class Imports(unittest.TestCase):
    def test_yaml_short_forms_import_like_long_forms(self):
        yaml, long_form = run(str(HERE / "short_forms.yaml")), run(str(HERE / "short_forms.json"))
        self.assertEqual((yaml.returncode, long_form.returncode), (0, 0), yaml.stderr + long_form.stderr)
        strip = lambda text: text.split("\n", 1)[1]  # the first line names the source file
        self.assertEqual(strip(yaml.stdout), strip(long_form.stdout))
        for expected in ["cfn::select(0, cfn::get_azs())", "cfn::not_(is_prod)", "cfn::or_({is_prod, is_dev})",
                         "vpc.attr_vpc_id()", "cfn::find_in_map(zones, env.ref(), \"Name\")",
                         "cfn::import_value(cfn::sub(\"${Env}-name\"))", "cfn::if_(is_prod, \"production\", \"development\")"]:
            self.assertIn(expected, yaml.stdout)

    def test_escape_hatches_say_why(self):
        r = run(str(HERE / "escape_hatches.json"))
        self.assertEqual(r.returncode, 0, r.stderr)
        for expected in [
            "// raw_properties: PropertyFromTheFuture is not a property of AWS::SQS::Queue in the pinned spec",
            "// cfn::as: ec2::security_group::ingress has no property 'RuleFromTheFuture' in the pinned spec",
            "// cfn::as: the template gives an id of AWS::SQS::Queue.QueueUrl where the spec expects an id of AWS::EC2::VPC.VpcId",
            "// cfn::raw_resource: a custom resource: its provider defines its properties",
            "// cfn::raw_resource: AWS::Future::Thing is not in the pinned spec",
            ".delay_seconds = 5,",  # "5" for an Integer property
        ]:
            self.assertIn(expected, r.stdout)

    def test_failed_output_is_an_error(self):
        source = str(HERE / "short_forms.json")
        with open("/dev/full", "w") as full:
            r = subprocess.run([CFN2CPP, "--catalog", CATALOG, source], stdout=full, stderr=subprocess.PIPE, text=True)
        self.assertEqual((r.returncode, r.stderr), (1, "error: cannot write to standard output: No space left on device\n"))
        r = run("-o", "", source)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "error: -o needs a file name\n"))
        with tempfile.TemporaryDirectory() as tmp:
            r = run("-o", tmp, source)
            self.assertEqual((r.returncode, r.stderr), (1, f"error: {tmp} is a directory, not replaced\n"))

    def test_output_file_is_written_atomically(self):
        with tempfile.TemporaryDirectory() as tmp:
            output = Path(tmp) / "stack.cpp"
            r = run("-o", str(output), str(HERE / "short_forms.json"))
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))
            self.assertEqual(output.read_text(encoding="utf-8"), run(str(HERE / "short_forms.json")).stdout)
            self.assertEqual([p.name for p in Path(tmp).iterdir()], ["stack.cpp"])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
