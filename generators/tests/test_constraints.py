"""Tests of the value constraints (cfngen/constraints.py): what the generator reads from provider
schemas, what it writes, and the pinning of cfn-lint's copy. Run: python3 -m unittest discover generators/tests
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
sys.path.insert(0, str(GENERATORS))

from cfngen import constraints  # noqa: E402
from cfngen.spec import SpecError  # noqa: E402


class GeneratedConstraints(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        result = subprocess.run(
            [sys.executable, str(GENERATORS / "regenerate"), "--spec", str(FIXTURES / "spec.json"),
             "--patches", str(FIXTURES / "patches.json"), "--schemas", str(FIXTURES / "schemas"),
             "--output", cls.tmp.name], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        cls.widget = (Path(cls.tmp.name) / "include/cfn/aws/demo/widget.hpp").read_text()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_constraints_in_the_field_table(self):
        w = self.widget
        self.assertIn('static constexpr cfn::value_constraint count_constraint{.minimum = 1, .maximum = 10};', w)
        self.assertIn('static constexpr cfn::value_constraint ratio_constraint{.maximum = 0.5};', w)
        self.assertIn('static constexpr cfn::value_constraint labels_elements{.min_length = 2};', w)
        self.assertIn('static constexpr cfn::value_constraint labels_constraint{.max_items = 3, .elements = &labels_elements};', w)
        self.assertIn('namespace_constraint{.format = cfn::value_format::ipv4_cidr}', w)
        self.assertIn('db_name_constraint{.allowed = {"a|b", 3}}', w)  # one literal and its length (compile time)
        self.assertIn('{"Count", offsetof(self, count), cfn::field_kind::value, false, cfn::replacement::maybe, nullptr, &count_constraint},', w)
        # A list of property types points at its elements' table, for the checks.
        self.assertRegex(w, r'\{"Rules", offsetof\(self, rules\), cfn::field_kind::value, false, cfn::replacement::no, &widget::rule::cfn_struct\}')
        self.assertIn('priority_constraint{.minimum = 0}', w)

    def test_unsupported_pattern_is_left_out(self):
        self.assertNotIn("(?i)", self.widget)

    def test_requirements(self):
        w = self.widget
        self.assertIn('{cfn::requirement_kind::exactly_one, "", "DBName|DbName"},', w)
        self.assertIn('{cfn::requirement_kind::at_least_one, "", "Name|Namespace"},', w)
        self.assertIn('{cfn::requirement_kind::needs, "Count", "Ratio"},', w)
        self.assertIn('{cfn::requirement_kind::excludes, "Widget", "Namespace"},', w)
        self.assertNotIn('"Unknown"', w)  # a rule about a property the spec does not have
        # requiredOr; a oneOf over sets of properties, inside allOf, one alternative with a
        # `properties` that adds nothing to the property's own schema.
        self.assertIn('{cfn::requirement_kind::at_least_one, "", "Count|Labels"},', w)
        self.assertIn('{cfn::requirement_kind::exactly_one, "", "Count+Ratio|Labels"},', w)
        # A union definition: only a oneOf of closed alternatives, no properties of its own.
        self.assertIn('{cfn::requirement_kind::exactly_one, "", "Extras|Note"},', w)
        self.assertIn('static constexpr cfn::struct_info info{"AWS::Demo::Widget.Extras", fields, offsetof(self, cfn_intrinsic), requirements};', w)
        # A closed union must name every member the spec has: Layout's names Columns only, and the
        # spec's Layout also has Extras and Operator (a spec newer than the schema): not carried.
        self.assertNotIn('"Columns"},', w)
        # A union of two members that are all the struct has.
        self.assertIn('{cfn::requirement_kind::exactly_one, "", "Size|Priority"},', w)
        # Not carried: an alternative that constrains a value (not only which properties are set),
        # and an if/then whose `then` is a value constraint.
        self.assertNotIn('"Widget|Namespace"', w)
        self.assertNotIn('cfn::requirement_kind::needs, "Rules"', w)
        self.assertIn('static constexpr cfn::struct_info info{"AWS::Demo::Widget", fields, cfn::no_intrinsic, requirements};', w)

    def test_literal_rules_in_the_member_types(self):
        w = self.widget
        self.assertIn('cfn::checked_required<cfn::str, "AWS::Demo::Widget.Name", cfn::literal_rule{.min_length = 1, '
                      '.max_length = 20, .characters = "a-z0-9-"}> name;', w)
        self.assertIn('cfn::checked_optional<cfn::str, "AWS::Demo::Widget.Namespace", cfn::literal_rule{.format = cfn::value_format::ipv4_cidr}> namespace_;', w)
        self.assertIn('{"Name", offsetof(self, name), cfn::field_kind::checked, true', w)
        # A pattern in the compile-time subset (cfngen/patterns.py) that is not one character class:
        # named beside its member, the rule points at it.
        self.assertIn('static constexpr const char* db_name_2_pattern = "^arn:[a-z]+$";', w)
        self.assertIn('cfn::checked_optional<cfn::str, "AWS::Demo::Widget.DbName", '
                      'cfn::literal_rule{.pattern = &db_name_2_pattern}> db_name_2;', w)


class LiteralRules(unittest.TestCase):
    def test_single_class_patterns(self):
        rule = constraints.literal_rule(constraints.Constraint(pattern=r"^[\w+=,.@-]{1,64}$", max_length=128))
        self.assertEqual(rule, constraints.LiteralRule(1, 64, "", r"\w+=,.@-"))
        self.assertEqual(constraints.literal_rule(constraints.Constraint(pattern="^[0-9]{12}$")),
                         constraints.LiteralRule(12, 12, "", "0-9"))

    def test_classes_not_understood_are_left_to_run_time(self):
        for pattern in [r"^[^\u0000-\u001F]+$", r"^[\p{L}]+$", r"^[a-z]+", "^[é]+$", r"^[\s\S]*$"]:
            with self.subTest(pattern=pattern):
                self.assertEqual(constraints.literal_rule(constraints.Constraint(pattern=pattern)).characters, "")

    def test_the_matcher_agrees_with_re(self):
        for body in [r"a-zA-Z0-9_\-", r"\w+=,.@-", r"^\s", r"a-z0-9.-", r"\d\-", r"^a-c"]:
            engine = re.compile(f"[{body}]", re.ASCII)
            for c in range(128):
                self.assertEqual(constraints.in_character_class(body, chr(c)), bool(engine.fullmatch(chr(c))), (body, c))

    def test_samples_satisfy_their_rule(self):
        cases = [constraints.LiteralRule(12, 12, "", "0-9"), constraints.LiteralRule(0, 3, "", ""),
                 constraints.LiteralRule(10, None, "", r"a-z"), constraints.LiteralRule(0, None, "ipv4_cidr", "")]
        for rule in cases:
            text = constraints.sample(rule)
            with self.subTest(rule=rule, text=text):
                self.assertGreaterEqual(len(text), rule.min_length)
                self.assertLessEqual(len(text), rule.max_length if rule.max_length is not None else 10**9)
                self.assertTrue(all(constraints.in_character_class(rule.characters, ch) for ch in text) or not rule.characters)
        self.assertEqual(constraints.sample(constraints.LiteralRule(format="ipv6_cidr")), "2001:db8::/32")

    def test_patterns_in_the_subset_are_carried(self):
        rule = constraints.literal_rule(constraints.Constraint(pattern=r"^arn:aws:iam::\d{12}:role/.+$", max_length=64))
        self.assertEqual(rule.pattern, r"^arn:aws:iam::\d{12}:role/.+$")
        self.assertEqual(constraints.sample(rule), "arn:aws:iam::000000000000:role/e")
        # Outside the subset (lookahead), or too long a program: run time only.
        for pattern in [r"^(?!aws)[a-z]+$", r"^[a-z]{1,600}x$"]:
            with self.subTest(pattern=pattern):
                self.assertEqual(constraints.literal_rule(constraints.Constraint(pattern=pattern)).pattern, "")
        # No literal satisfies both the pattern and the lengths: no sample, so run time only.
        self.assertEqual(constraints.literal_rule(constraints.Constraint(pattern="^abc$", max_length=2)).pattern, "")


class Pinning(unittest.TestCase):
    def test_a_wrong_digest_is_refused(self):
        try:
            constraints.cfn_lint_data()
        except SpecError:
            self.skipTest("cfn-lint is not installed")
        with tempfile.TemporaryDirectory() as tmp:
            lock = json.loads((GENERATORS / "schemas.lock").read_text())
            lock["sha256"] = "sha256-" + "0" * 64
            path = Path(tmp) / "schemas.lock"
            path.write_text(json.dumps(lock))
            with self.assertRaisesRegex(SpecError, "schema digest mismatch"):
                constraints.load_pinned(path)
            lock["version"] = "0.0.1"
            path.write_text(json.dumps(lock))
            with self.assertRaisesRegex(SpecError, "pins cfn-lint 0.0.1"):
                constraints.load_pinned(path)

    def test_the_lock_matches_the_installed_schemas(self):
        try:
            constraints.cfn_lint_data()
        except SpecError:
            self.skipTest("cfn-lint is not installed")
        schemas, provenance = constraints.load_pinned(GENERATORS / "schemas.lock")
        self.assertIn("AWS::EC2::VPC", schemas.files)
        self.assertTrue(provenance.startswith("cfn-lint 1.51.0"))
