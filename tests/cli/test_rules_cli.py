#!/usr/bin/env python3
"""The guard rails on the command line (docs/rules.md): --rules all|security|none, --strict, and
errors that fail before anything is written.

Usage: test_rules_cli.py GUARD_STACK  (tests/stacks/guard_stack.cpp: without arguments its findings
are all suppressed; --unsuppressed gives warnings of both categories, --public-uploads an error).
"""
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

PROGRAM = None
FINDING = re.compile(r"^(error|warning): Resources\.\S+: .+ \[CFN-[A-Z0-9-]+\]$")


def run(*args):
    return subprocess.run([PROGRAM, *args], capture_output=True, text=True)


def rules(stderr):
    return [line.rsplit("[", 1)[1].rstrip("]") for line in stderr.splitlines() if FINDING.match(line)]


class Rules(unittest.TestCase):
    def test_suppressed_findings_are_not_reported(self):
        r = run("--check")
        self.assertEqual((r.returncode, r.stderr), (0, ""))

    def test_findings_one_line_each_and_errors_fail_before_writing(self):
        with tempfile.TemporaryDirectory() as d:
            out = Path(d) / "t.json"
            r = run("--unsuppressed", "--public-uploads", "-o", str(out))
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertFalse(out.exists(), "a stack with a rule's error must not be written")
        lines = r.stderr.splitlines()
        self.assertTrue(lines)
        for line in lines:
            self.assertRegex(line, FINDING)
        self.assertIn("error: Resources.SiteUploads.Properties.AccessControl: the canned ACL PublicReadWrite lets "
                      "anyone write to the bucket [CFN-S3-PUBLIC-WRITE-ACL]", lines)
        self.assertIn("CFN-EC2-ADMIN-INGRESS-WORLD", rules(r.stderr))
        self.assertIn("CFN-S3-ACCESS-LOGS", rules(r.stderr))

    def test_rules_none_and_security(self):
        r = run("--unsuppressed", "--public-uploads", "--rules", "none")
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertIn("SiteUploads", r.stdout)
        r = run("--unsuppressed", "--public-uploads", "--rules=security", "--check")
        self.assertEqual(r.returncode, 1, r.stderr)
        found = rules(r.stderr)
        self.assertIn("CFN-S3-PUBLIC-WRITE-ACL", found)
        self.assertNotIn("CFN-S3-ACCESS-LOGS", found)  # a best practice
        r = run("--rules", "most")
        self.assertEqual((r.returncode, r.stderr), (2, "error: --rules needs all, security or none\n"))

    def test_warnings_fail_only_with_strict(self):
        with tempfile.TemporaryDirectory() as d:
            out = Path(d) / "t.json"
            r = run("--unsuppressed", "-o", str(out))
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(out.exists())
            self.assertTrue(r.stderr)
            self.assertTrue(all(line.startswith("warning: ") for line in r.stderr.splitlines()), r.stderr)
            out.unlink()
            strict = run("--unsuppressed", "--strict", "-o", str(out))
            self.assertEqual((strict.returncode, strict.stderr), (1, r.stderr))
            self.assertFalse(out.exists())
        ok = run("--check", "--strict")
        self.assertEqual((ok.returncode, ok.stderr), (0, ""))

    def test_help_lists_the_options(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("--rules all|security|none", r.stdout)
        self.assertIn("--strict", r.stdout)
        self.assertIn("--unsuppressed", r.stdout)
        self.assertIn("--public-uploads", r.stdout)


if __name__ == "__main__":
    PROGRAM = sys.argv.pop(1)
    unittest.main()
