"""Tests of cfngen/patterns.py: the generator's copy of the compile-time pattern reader
(include/cfn/pattern_match.hpp). Whether the two agree on every schema pattern is checked by
tests/unit/test_pattern_match.cpp, from the tests/unit/schema_patterns.inc the generator writes.
Run: python3 -m unittest discover generators/tests
"""

import re
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cfngen import patterns  # noqa: E402


class Subset(unittest.TestCase):
    def test_sizes(self):
        # The instruction counts of pattern_match.hpp's Thompson construction, final match included.
        self.assertEqual(patterns.program_size("^a$"), 4)
        self.assertEqual(patterns.program_size("a|b"), 5)
        self.assertEqual(patterns.program_size("a{2,4}"), 2 + 2 * 2 + 1)
        self.assertEqual(patterns.program_size("(?:ab)*"), 2 + 2 + 1)
        self.assertEqual(patterns.program_size(r"^\u002F[\u0021-\u007E]+$"), 1 + 1 + 1 + 2 + 1 + 1 + 1)
        self.assertEqual(patterns.program_size(r"^[\p{L}\P{C}]+$"), 7)

    def test_refused(self):
        for pattern in ["(?=a)", "(?!a)b", r"\b", r"(a)\1", r"\p{Lu}", r"\pL", r"\p{L", r"[\p{L}-z]", r"\u00e9", "é", "[]", "a**", "a{2,1}",
                        "a{1001}", "a{,3}", "(", ")", "a{", r"[\d-z]", r"[\w-.]", "[[:alpha:]]", "^*"]:
            with self.subTest(pattern=pattern):
                self.assertEqual(patterns.program_size(pattern), 0)
                self.assertFalse(patterns.compile_time(pattern))

    def test_compile_time_bound(self):
        self.assertTrue(patterns.compile_time("^[a-z]{1,255}$"))  # 1 + 1 + 254 * 2 + 1 + 1 instructions
        self.assertFalse(patterns.compile_time("^[a-z]{1,600}$"))


class Search(unittest.TestCase):
    CASES = [r"^[a-z0-9][a-z0-9.-]*[a-z0-9]$", r"^arn:aws[a-z-]*:iam::\d{12}:role/.+$", "b", "^(?:ab|cd)+$",
             r"^(\u002F)|(\u002F[\u0021-\u007E]+\u002F)$", "^a{2,3}?$", r"^[\w\-\ ]+$", "^$|^x"]
    TEXTS = ["", "a", "ab", "abcd", "My-Bucket", "my-bucket", "/", "/a/", "a/", "aaa", "aaaa", "x", "a b-c",
             "arn:aws:iam::123456789012:role/x", "arn:aws:iam::12345:role/x", "abc\n"]

    def test_agrees_with_re_on_ascii(self):
        for pattern in self.CASES:
            # Python's `$` also matches before a final newline; ECMAScript's does not.
            engine = re.compile(pattern.replace("$", r"\Z"), re.ASCII)
            for text in self.TEXTS:
                with self.subTest(pattern=pattern, text=text):
                    self.assertEqual(patterns.search(pattern, text), bool(engine.search(text)))

    def test_samples_match_within_lengths(self):
        for pattern, low, high in [(r"^[a-z0-9][a-z0-9.-]*[a-z0-9]$", 3, 63), (r"^\d{12}$", 0, None),
                                   (r"^arn:aws[a-z-]*:iam::\d{12}:role/.+$", 0, 2048), ("^(a|bb)+$", 5, 5)]:
            text = patterns.sample(pattern, low, high)
            with self.subTest(pattern=pattern, text=text):
                self.assertIsNotNone(text)
                self.assertTrue(patterns.search(pattern, text))
                self.assertTrue(low <= len(text) <= (high if high is not None else 10**9))
        self.assertIsNone(patterns.sample("^abc$", 0, 2))


if __name__ == "__main__":
    unittest.main()
