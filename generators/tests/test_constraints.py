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
        # Allowed values the spec does not type as an enum: one named literal, which the member's
        # string_rule (compile time) and the constraint (cfn::check) both read.
        self.assertIn('static constexpr const char* db_name_allowed = "a|b";', w)
        self.assertIn('cfn::checked_optional<cfn::str, "AWS::Demo::Widget.DBName", cfn::string_rule{.allowed = &db_name_allowed}> db_name;', w)
        self.assertIn('db_name_constraint{.allowed = {db_name_allowed, 3}}', w)
        self.assertIn('{"Count", offsetof(self, count), cfn::field_kind::checked, false, cfn::replacement::maybe, nullptr, &count_constraint},', w)
        # A list of property types points at its elements' table, for the checks.
        self.assertRegex(w, r'\{"Rules", offsetof\(self, rules\), cfn::field_kind::value, false, cfn::replacement::no, &widget::rule::cfn_struct\}')
        self.assertIn('priority_constraint{.minimum = 0}', w)

    def test_a_leading_case_flag_becomes_the_constraints_flag(self):
        self.assertNotIn("(?i)", self.widget)
        self.assertIn('widget_constraint{.pattern = {"^widget", 7}, .pattern_ignores_case = true}', self.widget)

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
        self.assertIn('cfn::checked_required<cfn::str, "AWS::Demo::Widget.Name", cfn::string_rule{.min_length = 1, '
                      '.max_length = 20, .characters = "a-z0-9-"}> name;', w)
        self.assertIn('cfn::checked_optional<cfn::str, "AWS::Demo::Widget.Namespace", cfn::string_rule{.format = cfn::value_format::ipv4_cidr}> namespace_;', w)
        self.assertIn('{"Name", offsetof(self, name), cfn::field_kind::checked, true', w)
        # Bounds of an Integer and a Double: their `int` and `double` literals are checked too.
        self.assertIn('cfn::checked_optional<cfn::integer, "AWS::Demo::Widget.Count", cfn::integer_rule{.minimum = 1, .maximum = 10}> count;', w)
        self.assertIn('cfn::checked_optional<cfn::number, "AWS::Demo::Widget.Ratio", cfn::number_rule{.maximum = 0.5}> ratio;', w)
        self.assertIn('cfn::checked_required<cfn::integer, "AWS::Demo::Widget.Rule.Priority", cfn::integer_rule{.minimum = 0}> priority;', w)
        # A map of integers is not a number: its elements are checked at run time only.
        self.assertIn('cfn::optional<cfn::map<cfn::integer>, "AWS::Demo::Widget.Settings"> settings;', w)
        # A pattern in the compile-time subset (cfngen/patterns.py) that is not one character class:
        # named beside its member, the rule points at it.
        self.assertIn('static constexpr const char* db_name_2_pattern = "^arn:[a-z]+$";', w)
        self.assertIn('cfn::checked_optional<cfn::str, "AWS::Demo::Widget.DbName", '
                      'cfn::string_rule{.pattern = &db_name_2_pattern}> db_name_2;', w)
        # A list of strings with a maxItems: its literal's count of items is checked; a list of
        # property structs (Rules, Tags) is counted by cfn::check only, and one without bounds
        # that a literal can break (GroupIds) is a plain property.
        self.assertIn('cfn::checked_optional<cfn::list<cfn::str>, "AWS::Demo::Widget.Labels", cfn::list_rule{.max_items = 3}> labels;', w)
        self.assertIn('{"Labels", offsetof(self, labels), cfn::field_kind::checked, false', w)
        self.assertIn('cfn::optional<cfn::list<widget::rule>, "AWS::Demo::Widget.Rules"> rules;', w)


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


class AllowedRules(unittest.TestCase):
    def test_allowed_values_are_carried_when_one_satisfies_the_rest(self):
        rule = constraints.literal_rule(constraints.Constraint(allowed=("default", "dedicated", "host")))
        self.assertEqual(rule.allowed, "default|dedicated|host")
        self.assertEqual(constraints.sample(rule), "default")
        # The sample is the first allowed value the rest of the rule accepts.
        rule = constraints.literal_rule(constraints.Constraint(allowed=("Ab", "cd"), pattern="^[a-z]+$"))
        self.assertEqual(constraints.sample(rule), "cd")
        # A schema that contradicts itself is left to cfn::check; so is a case-insensitive list.
        self.assertFalse(constraints.literal_rule(constraints.Constraint(allowed=("ABC",), max_length=2)).allowed)
        self.assertFalse(constraints.literal_rule(constraints.Constraint(allowed=("a",), allowed_ignore_case=True)).allowed)


class ListRules(unittest.TestCase):
    def test_bounds_a_literal_can_break(self):
        rule = constraints.list_rule(constraints.Constraint(min_items=1, max_items=5), "id")
        self.assertEqual(rule, constraints.LiteralRule(max_items=5))  # min 1: `{}` is "not set"
        self.assertEqual(constraints.list_rule(constraints.Constraint(min_items=2), "str"),
                         constraints.LiteralRule(min_items=2))
        self.assertFalse(constraints.list_rule(constraints.Constraint(min_items=1), "str"))
        self.assertFalse(constraints.list_rule(constraints.Constraint(min_items=0), "integer"))

    def test_lists_of_braced_items_are_left_to_run_time(self):
        # `{{.key = ...}}`: a braced item's type cannot be deduced by a variadic constructor.
        for kind in ("json", "list", "map"):
            self.assertFalse(constraints.list_rule(constraints.Constraint(max_items=2), kind))

    def test_struct_lists_with_a_small_maximum(self):
        # One constructor per count up to max_items + 1: only for a small maximum.
        limit = constraints.STRUCT_LIST_MAX_ITEMS
        for kind in ("struct", "tag"):
            self.assertEqual(constraints.list_rule(constraints.Constraint(min_items=2, max_items=limit), kind),
                             constraints.LiteralRule(min_items=2, max_items=limit))
            self.assertFalse(constraints.list_rule(constraints.Constraint(max_items=limit + 1), kind))
            self.assertFalse(constraints.list_rule(constraints.Constraint(min_items=2), kind))


class NumberRules(unittest.TestCase):
    def test_bounds_as_the_schema_states_them(self):
        c = constraints.Constraint(minimum=-1, maximum=65535)
        self.assertEqual(constraints.number_rule(c, True), constraints.LiteralRule(minimum=-1, maximum=65535))
        self.assertEqual(constraints.number_rule(constraints.Constraint(maximum=0.5), False),
                         constraints.LiteralRule(maximum=0.5))
        self.assertFalse(constraints.number_rule(constraints.Constraint(min_length=1), True))

    def test_an_integer_bound_no_int_can_break_is_left_out(self):
        c = constraints.Constraint(minimum=-(2**31), maximum=9223372036854775807)
        self.assertFalse(constraints.number_rule(c, True))
        # ... but a Double's is kept: a double literal can break it.
        self.assertEqual(constraints.number_rule(c, False).maximum, 9223372036854775807)

    def test_samples_are_within_the_bounds(self):
        self.assertEqual(constraints.sample_number(constraints.LiteralRule()), 1)
        self.assertEqual(constraints.sample_number(constraints.LiteralRule(minimum=60, maximum=86400)), 60)
        self.assertEqual(constraints.sample_number(constraints.LiteralRule(minimum=0.5)), 1)
        self.assertEqual(constraints.sample_number(constraints.LiteralRule(minimum=2.5)), 3)
        self.assertEqual(constraints.sample_number(constraints.LiteralRule(maximum=0)), 0)


# (schema pattern, ECMAScript source, ignores case); None: left out.
TRANSLATIONS = [
    (r"\A[0-9a-fA-F]+\Z", r"^[0-9a-fA-F]+$", False),
    (r"\A(?!aws:)[a-zA-Z0-9+\-=\._\:\/@]+$", r"^(?!aws:)[a-zA-Z0-9+\-=\._\:\/@]+$", False),
    (r"^(sg-)([a-z0-9]+)\Z", r"^(sg-)([a-z0-9]+)$", False),
    ("(?s).+", r"[\s\S]+", False),
    ("(?i)^[a-z]{2}-x$", "^[a-z]{2}-x$", True),
    (r"^[!&'()*+,\-./:;?=%@\[\]_{}|<>~^`\"]$", r"^[!&'()*+,\-./:;?=%@\[\]_{}|<>~^`\"]$", False),  # '*+' in a class
    (r"^[\w@:_.,!?+-/]+$", r"^[\w@:_.,!?+-/]+$", False),
    (r"^[a-z]++$", None, None),  # possessive
    # Property classes: carried as written, judged by cfnpp's matcher (test_unicode.py), not std::regex.
    (r"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", r"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", False),
    (r"^\P{C}*$", r"^\P{C}*$", False),
    (r"^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", None, None),  # a lookahead: outside the matcher's subset
    (r"^[0-9a-z\.\-]*(?<!\.)$", None, None),
    (r"^(?!(?i)aws)[A-Za-z0-9]{2,64}$", None, None),  # an inline flag not at the start
    ("^[‘a-z]+$", None, None),  # non-ASCII
    (r"^[[:alpha:]]+$", None, None),
    (r"[\Z]", None, None),
]
SAMPLES = ["", "a", "ab", "AB", "ab-x", "Ab-X", "sg-0a1b", "sg-0a1b\n", "0aF", "0aF\n", "aws:x", "x\ny", "!", "*+",
           "w@:_.", "a.", "a b", "aws", "AWSx"]


class PatternTranslation(unittest.TestCase):
    def test_translations(self):
        for pattern, source, ignore_case in TRANSLATIONS:
            with self.subTest(pattern=pattern):
                got = constraints.translate_pattern(pattern)
                self.assertEqual(got, None if source is None else constraints.Pattern(source, ignore_case))

    def test_std_regex_agrees_with_python_re(self):
        """Each translation, run by std::regex as cfn::check runs it, matches what Python's re.search
        (cfn-lint) matches with the schema's pattern, on every sample."""
        import shutil
        compiler = shutil.which("g++") or shutil.which("clang++")
        if not compiler:
            self.skipTest("no C++ compiler to run std::regex")
        cases = [(p, constraints.translate_pattern(p)) for p, source, _ in TRANSLATIONS
                 if source is not None and not constraints.has_property_class(p)]

        def literal(text):
            return 'R"cfn(' + text + ')cfn"'
        program = ["#include <cstdio>", "#include <regex>", "#include <string>", "int main() {",
                   "    const char* samples[] = {" + ", ".join(json.dumps(t) for t in SAMPLES) + "};"]
        for _, t in cases:
            flags = "std::regex::ECMAScript" + (" | std::regex::icase" if t.ignore_case else "")
            program += ["    {", f"        std::regex re({literal(t.source)}, {flags});",
                        "        for (const char* s : samples) std::putchar(std::regex_search(std::string(s), re) ? '1' : '0');",
                        "        std::putchar('\\n');", "    }"]
        program.append("}")
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "regex.cpp"
            source.write_text("\n".join(program) + "\n")
            built = subprocess.run([compiler, "-std=c++20", "-O0", "-o", str(Path(tmp) / "regex"), str(source)],
                                   capture_output=True, text=True)
            self.assertEqual(built.returncode, 0, built.stderr)
            lines = subprocess.run([str(Path(tmp) / "regex")], capture_output=True, text=True, check=True).stdout.split()
        for (pattern, _), line in zip(cases, lines):
            # Python's own `$` also matches before a final newline, ECMAScript's does not: a
            # difference of every carried pattern that ends so, not of the translation (README).
            python_dollar = "$" in re.sub(r"\\.", "", pattern)
            for s, got in zip(SAMPLES, line):
                if not (python_dollar and s.endswith("\n")):
                    self.assertEqual(got == "1", bool(re.search(pattern, s)), (pattern, s))


class SchemaReading(unittest.TestCase):
    """What `Schemas.for_type` reads, on schemas written here."""

    @staticmethod
    def read(schema, members):
        from types import SimpleNamespace
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "t.json").write_text(json.dumps({"typeName": "AWS::T::T", **schema}))
            kinds = {owner: {n: SimpleNamespace(kind=k) for n, k in m.items()} for owner, m in members.items()}
            return constraints.load_directory(tmp).for_type("AWS::T::T", kinds.get)

    def test_inline_property_types(self):
        schema = {"properties": {
            "Identity": {"type": "object", "properties": {"Principal": {"type": "string", "pattern": "^[0-9]{12}$"},
                                                           "Inner": {"type": "object", "properties": {"Id": {"type": "string", "minLength": 3}}}}},
            "Items": {"type": "array", "items": {"type": "object", "properties": {"Size": {"type": "integer", "maximum": 9}}}},
            "Twice": {"type": "object", "properties": {"A": {"type": "string", "maxLength": 1}}},
            "Other": {"type": "object", "properties": {"Twice": {"type": "object", "properties": {"A": {"type": "string", "maxLength": 2}}}}},
            "Named": {"$ref": "#/definitions/Named"}},
            "definitions": {"Named": {"type": "object", "properties": {"B": {"type": "string", "maxLength": 4}}},
                            "Holder": {"type": "object", "properties": {"Named": {"type": "object", "properties": {"B": {"type": "string", "maxLength": 5}}}}}}}
        found = self.read(schema, {None: {}, "Identity": {"Principal": "str"}, "Inner": {"Id": "str"}, "Items": {"Size": "integer"},
                                   "Twice": {"A": "str"}, "Named": {"B": "str"}})
        self.assertEqual(found.property("Principal", "Identity"), constraints.Constraint(pattern="^[0-9]{12}$"))
        self.assertEqual(found.property("Id", "Inner"), constraints.Constraint(min_length=3))  # inline in inline
        self.assertEqual(found.property("Size", "Items"), constraints.Constraint(maximum=9))  # a list's items
        self.assertIsNone(found.property("A", "Twice"))  # two inline schemas of one name: which is meant?
        self.assertEqual(found.property("B", "Named"), constraints.Constraint(max_length=4))  # definitions first
        # A spec property type with a member the inline schema does not describe is another one.
        other = self.read(schema, {None: {}, "Identity": {"Principal": "str", "Elsewhere": "str"}})
        self.assertIsNone(other.property("Principal", "Identity"))

    def test_enum_case_insensitive(self):
        schema = {"properties": {"Mode": {"type": "string", "enumCaseInsensitive": ["single", "multi"]},
                                 "Plain": {"type": "string", "enum": ["A"]}}}
        found = self.read(schema, {None: {"Mode": "str", "Plain": "str"}})
        self.assertEqual(found.property("Mode"), constraints.Constraint(allowed=("single", "multi"), allowed_ignore_case=True))
        self.assertEqual(found.property("Plain"), constraints.Constraint(allowed=("A",)))


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
