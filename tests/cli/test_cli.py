#!/usr/bin/env python3
"""The command line of a stack program (cfn::run): formats, -o, --check, --help, diff, exit codes.

Usage: test_cli.py STACK_PROGRAM RUNTIME_PROGRAM  (a header-only program whose stack is valid and
uses a `--break` flag to
add a mistake, see tests/stacks/feature_stack.cpp; and one linked to cfnpp::runtime, for diff).
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

PROGRAM = None  # header-only (cfnpp::cfnpp)
RUNTIME_PROGRAM = None  # linked to cfnpp::runtime, where diff and deploy live


def run(*args, program=None):
    return subprocess.run([program or PROGRAM, *args], capture_output=True, text=True)


class CommandLine(unittest.TestCase):
    def test_json_to_stdout_by_default(self):
        r = run()
        self.assertEqual(r.returncode, 0, r.stderr)
        template = json.loads(r.stdout)
        self.assertEqual(template["AWSTemplateFormatVersion"], "2010-09-09")
        self.assertEqual(r.stdout, run("--format", "json").stdout)
        self.assertEqual(r.stdout, run("--format=json").stdout)

    def test_yaml(self):
        r = run("--format", "yaml")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.startswith("AWSTemplateFormatVersion: '2010-09-09'\n"))

    def test_byte_identical_on_every_run(self):
        for fmt in ("json", "yaml"):
            self.assertEqual(run("--format", fmt).stdout, run("--format", fmt).stdout)

    def test_output_file(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "out.json")
            r = run("-o", path)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, "")
            with open(path) as f:
                self.assertEqual(f.read(), run().stdout)
            self.assertEqual(os.listdir(d), ["out.json"])  # no temporary left behind

    def test_error_leaves_no_file_and_keeps_an_existing_one(self):
        with tempfile.TemporaryDirectory() as d:
            new = os.path.join(d, "new.json")
            r = run("--break", "-o", new)
            self.assertEqual(r.returncode, 1)
            self.assertEqual(os.listdir(d), [])
            old = os.path.join(d, "old.json")
            with open(old, "w") as f:
                f.write("previous")
            r = run("--break", "-o", old)
            self.assertEqual(r.returncode, 1)
            with open(old) as f:
                self.assertEqual(f.read(), "previous")
            self.assertEqual(os.listdir(d), ["old.json"])

    def test_unwritable_output_is_an_error_without_leftovers(self):
        with tempfile.TemporaryDirectory() as d:
            r = run("-o", os.path.join(d, "missing-dir", "out.json"))
            self.assertEqual(r.returncode, 2)
            self.assertIn("error: cannot create", r.stderr)

    def test_errors_are_one_line_each_with_logical_id_and_path(self):
        r = run("--break")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "")
        errors = [line for line in r.stderr.splitlines() if line.startswith("error: ")]
        self.assertTrue(errors)
        for line in errors:
            self.assertRegex(line, r"^error: (Resources|Parameters|Outputs|Conditions|Mappings)\.\S+: .+")

    def test_check_only_writes_nothing(self):
        r = run("--check")
        self.assertEqual((r.returncode, r.stdout), (0, ""))
        r = run("--check", "--break")
        self.assertEqual(r.returncode, 1)
        self.assertIn("error: ", r.stderr)

    def test_help(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("--format json|yaml", r.stdout)
        self.assertIn("-o, --output FILE", r.stdout)

    def test_help_lists_diff_and_deploy(self):
        r = run("--help")
        self.assertIn("diff (--against FILE | --stack-name NAME) [--json]", r.stdout)
        self.assertIn("deploy --stack-name NAME [--parameter KEY=VALUE ...] [--s3-bucket B] [--yes]", r.stdout)

    def test_diff_needs_the_runtime(self):
        r = run("diff", "--against", os.devnull)
        self.assertEqual(r.returncode, 2)
        self.assertIn("diff needs cfnpp::runtime", r.stderr)

    def test_diff_against_a_file(self):
        def run(*args):
            return subprocess.run([RUNTIME_PROGRAM, *args], capture_output=True, text=True)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "old.json")
            self.assertEqual(run("-o", path).returncode, 0)
            r = run("diff", "--against", path)
            self.assertEqual((r.returncode, r.stdout), (0, "No changes.\n"))
            with open(path) as f:
                old = json.load(f)
            first = sorted(old["Resources"])[0]
            del old["Resources"][first]
            with open(path, "w") as f:
                json.dump(old, f)
            r = run("diff", "--against", path, "--json")
            self.assertEqual(r.returncode, 1, r.stderr)
            changes = json.loads(r.stdout)["resources"]
            self.assertEqual([(c["logical_id"], c["change"], c["impact"]) for c in changes], [(first, "add", "create")])
            r = run("diff", "--against", os.path.join(tmp, "missing.json"))
            self.assertEqual(r.returncode, 2)
            self.assertIn("cannot read", r.stderr)

    def test_diff_and_deploy_usage(self):
        for args in (["diff"], ["diff", "--against", "a", "--stack-name", "b"], ["deploy"], ["--json"],
                     ["deploy", "--stack-name", "s", "--json"], ["diff", "--against"]):
            with self.subTest(args=args):
                self.assertEqual(run(*args).returncode, 2)

    def test_bad_usage(self):
        self.assertEqual(run("--format", "xml").returncode, 2)
        self.assertEqual(run("--nonsense").returncode, 2)
        self.assertEqual(run("-o").returncode, 2)


if __name__ == "__main__":
    PROGRAM = sys.argv.pop(1)
    RUNTIME_PROGRAM = sys.argv.pop(1)
    unittest.main(verbosity=2)
