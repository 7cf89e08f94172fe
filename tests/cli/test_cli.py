#!/usr/bin/env python3
"""The command line of a stack program (cfn::run): formats, -o, --check, --help, diff, exit codes.

Usage: test_cli.py STACK_PROGRAM RUNTIME_PROGRAM  (a header-only program whose stack is valid and
uses a `--break` flag to
add a mistake, see tests/stacks/feature_stack.cpp; and one linked to cfnpp::runtime, for diff).
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

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

    def test_version_is_cmakes_and_names_the_spec(self):
        root = Path(__file__).resolve().parents[2]
        version = re.search(r"project\(cfnpp VERSION ([0-9.]+)", (root / "CMakeLists.txt").read_text()).group(1)
        spec = json.loads((root / "generators" / "spec.lock").read_text())["version"]
        for program in (PROGRAM, RUNTIME_PROGRAM):  # header-only and compiled runtime alike
            r = run("--version", program=program)
            self.assertEqual(r.returncode, 0)
            self.assertEqual(r.stdout, f"cfnpp {version} (resource types from @aws-cdk/aws-service-spec {spec})\n")

    def test_help_lists_diff_and_deploy(self):
        r = run("--help")
        self.assertIn("diff (--against FILE|DIR | --stack-name NAME) [--json]", r.stdout)
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
            # A directory: its template.json, as -o DIR writes it for a stack with nested stacks.
            self.assertEqual(run("-o", os.path.join(tmp, "template.json")).returncode, 0)
            r = run("diff", "--against", tmp)
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
        r = run("--nonsense")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr.splitlines(), ["error: unknown argument '--nonsense'", f"run {PROGRAM} --help for the options"])
        self.assertEqual(run("-o").returncode, 2)


class FailedOutput(unittest.TestCase):
    """Every failure to write the template is reported (one line, exit 2); nothing is half written."""

    def failed(self, expected_error, *args, **popen):
        r = subprocess.run([PROGRAM, *args], capture_output="stdout" not in popen, text=True, **popen)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(r.stderr, "error: " + expected_error + "\n")

    def test_full_disk_and_closed_stdout(self):
        with open("/dev/full", "w") as full:
            self.failed("cannot write to standard output: No space left on device", stdout=full, stderr=subprocess.PIPE)
        self.failed("cannot write to standard output: Bad file descriptor", stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))

    def test_file_size_limit_leaves_no_temporary(self):
        import resource
        limit = lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "out.json")
            self.failed(f"cannot write {path}: File too large", "-o", path, preexec_fn=limit)
            self.assertEqual(os.listdir(d), [])  # used to die of SIGXFSZ and leave out.json.tmp.PID
            with open(path, "w") as f:
                self.failed("cannot write to standard output: File too large", stdout=f, stderr=subprocess.PIPE, preexec_fn=limit)

    def test_closed_pipe(self):
        def closed_pipe_run(**popen):  # the reader is gone before the program starts: no race
            r, w = os.pipe()
            os.close(r)
            p = subprocess.Popen([PROGRAM], stdout=w, stderr=subprocess.PIPE, **popen)
            os.close(w)
            return p.wait(), p.stderr.read()
        # SIGPIPE at its default (the convention of cat, grep): killed by it, quietly.
        self.assertEqual(closed_pipe_run(), (-signal.SIGPIPE, b""))
        # SIGPIPE ignored (inherited): the write fails with EPIPE, reported like any other failure.
        self.assertEqual(closed_pipe_run(restore_signals=False), (2, b"error: cannot write to standard output: Broken pipe\n"))

    def test_what_o_replaces(self):
        with tempfile.TemporaryDirectory() as d:
            expected = run().stdout
            real, link = os.path.join(d, "real.json"), os.path.join(d, "link.json")
            with open(real, "w") as f:
                f.write("old")
            os.symlink("real.json", link)
            self.assertEqual(run("-o", link).returncode, 0)
            self.assertEqual(os.readlink(link), "real.json")  # the link stays, its target is replaced
            with open(real) as f:
                self.assertEqual(f.read(), expected)
            fifo = os.path.join(d, "fifo")
            os.mkfifo(fifo)
            reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE, text=True)
            self.assertEqual(run("-o", fifo).returncode, 0)
            self.assertEqual(reader.communicate()[0], expected)  # written through
            self.assertEqual(run("-o", "/dev/null").returncode, 0)
            self.assertTrue(os.path.exists("/dev/null") and not os.path.isfile("/dev/null"))
            self.failed(f"{d} is a directory, not replaced", "-o", d)
            os.symlink("nothing", os.path.join(d, "dangling"))
            self.failed(f"{d}/dangling is a symbolic link to nothing, not replaced", "-o", os.path.join(d, "dangling"))
            self.assertEqual(sorted(os.listdir(d)), ["dangling", "fifo", "link.json", "real.json"])

    def test_usage_errors_are_short(self):
        r = run("-o", "")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (2, "", "error: -o needs a file name\n"))
        r = run("x" * 100_000 + "\n")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr.splitlines()[0], "error: unknown argument '" + "x" * 80 + "... (100001 bytes)'")
        self.assertLess(len(r.stderr), 2000)


if __name__ == "__main__":
    PROGRAM = sys.argv.pop(1)
    RUNTIME_PROGRAM = sys.argv.pop(1)
    unittest.main(verbosity=2)
