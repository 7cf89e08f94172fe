"""Tests of cfngen/unicode.py (the table of unicode_class) and of the property classes of
cfngen/patterns.py, against Python's `regex` module, the engine cfn-lint judges patterns with.
Run: python3 -m unittest discover generators/tests
"""

import sys
import unicodedata
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cfngen import constraints, patterns, unicode  # noqa: E402

try:
    import regex
except ImportError:  # cfn-lint depends on it: without it the generator does not run either
    regex = None


@unittest.skipIf(regex is None, "the regex module is not installed")
class AgainstRegex(unittest.TestCase):
    def test_ascii_members(self):
        for name, members in patterns.PROPERTIES.items():
            with self.subTest(name=name):
                engine = regex.compile(r"\p{%s}" % name)
                self.assertEqual(members, {c for c in range(128) if engine.fullmatch(chr(c))})

    def test_samples_agree_on_categories(self):
        for text in unicode.SAMPLES:
            for ch in text:
                self.assertFalse(unicode.unicode_class_disagrees(ord(ch)), repr(ch))


@unittest.skipIf(unicodedata.unidata_version != unicode.UNIDATA_VERSION, "another Unicode version")
class Table(unittest.TestCase):
    def test_runs(self):
        runs = unicode.runs()
        self.assertEqual(runs[0], (0x80, unicode.CLASSES.index("control")))
        self.assertIn((0x85, unicode.CLASSES.index("control_space")), runs)
        self.assertIn((0x2028, unicode.CLASSES.index("line_separator")), runs)
        self.assertTrue(all(a[0] < b[0] and a[1] != b[1] for a, b in zip(runs, runs[1:])))

    def test_class_of(self):
        self.assertEqual(unicode.unicode_class(ord("é")), "letter")
        self.assertEqual(unicode.unicode_class(0x0301), "mark")
        self.assertEqual(unicode.unicode_class(0x3000), "space_separator")
        self.assertEqual(unicode.unicode_class(0x1F600), "symbol")
        self.assertEqual(unicode.unicode_class(0x0378), "unassigned")


class RefusesAnotherVersion(unittest.TestCase):
    def test_message(self):
        saved = unicode.UNIDATA_VERSION
        unicode.UNIDATA_VERSION = "1.0.0"
        try:
            with self.assertRaisesRegex(Exception, "Unicode 1.0.0"):
                unicode.check_version()
        finally:
            unicode.UNIDATA_VERSION = saved


class Translation(unittest.TestCase):
    def test_carried(self):
        for pattern in [r"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$", r"^\P{C}*$", r"^[\p{Graph}\x20]*$"]:
            with self.subTest(pattern=pattern):
                self.assertEqual(constraints.translate_pattern(pattern), constraints.Pattern(pattern))
        # A control character written as itself becomes its escape.
        self.assertEqual(constraints.translate_pattern("^[\\P{C}\r\n\t]+$").source, r"^[\P{C}\r\n\t]+$")

    def test_left_out(self):
        for pattern in [r"^(?!aws:)[\p{L}]*$", r"^\p{L}.$", r"^[\p{L}\w]+$", r"\p{L}\d", "(?i)\\p{L}",
                        r"[\p{L}]{0,1024}", "^[\\p{L}\u3000]+$"]:
            with self.subTest(pattern=pattern):
                self.assertIsNone(constraints.translate_pattern(pattern))


if __name__ == "__main__":
    unittest.main()
