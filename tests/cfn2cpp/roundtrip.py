#!/usr/bin/env python3
"""Round trips through cfn2cpp: template -> stack.cpp -> program -> template, equal to the original.

For every template of the conformance folder (and the Docker Swarm golden template), this imports
it with cfn2cpp, compiles all the generated programs in one CMake/Ninja build (so that they compile
in parallel, against the already-built cfnpp runtime), runs each with `-o`, and compares what it
writes with the original as JSON documents. Key order may differ, and so may the scalars that
CloudFormation itself coerces, normalised by the spec type of where they are (an Integer property
given "22", a Boolean given "true", a String given 80; a parameter's MinLength given "1"; the index
of Fn::Select given "0"). Nothing else may differ.

Every template that does not round-trip exactly must be listed in roundtrip-exceptions.txt with the
stage where it stops (import, compile, run, differs) and why; the test fails when a listed exception
no longer occurs or an unlisted one appears. The work directory is kept for the format and lint
tests (format_check.py, lint_check.py).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = 77


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cfn2cpp", required=True)
    p.add_argument("--catalog", required=True)
    p.add_argument("--templates", required=True, help="the conformance templates (../shared/conformance/templates)")
    p.add_argument("--extra", action="append", default=[], help="another template to round-trip")
    p.add_argument("--include", required=True, help="cfnpp's include directory")
    p.add_argument("--runtime", required=True, help="the built libcfnpp_runtime.a")
    p.add_argument("--cxx", required=True)
    p.add_argument("--work", required=True, help="work directory (recreated)")
    p.add_argument("--exceptions", default=str(HERE / "roundtrip-exceptions.txt"))
    return p.parse_args()


# Normalisation of the scalars CloudFormation coerces. ------------------------------------------

def parse_type(text):
    """The catalog's type notation as nested tuples: ("list", ("str",)), ("struct", "Ebs"), ..."""
    for head in ("list", "map"):
        if text.startswith(head + "<"):
            return (head, parse_type(text[len(head) + 1:-1]))
    for head in ("struct", "enum", "id"):
        if text.startswith(head + "<"):
            return (head, text[len(head) + 1:-1])
    return (text,)


def scalar_kind(t):
    """str, integer, number or boolean for a scalar type (enums and ids are strings)."""
    if t[0] in ("str", "enum", "id"):
        return "str"
    if t[0] in ("integer", "number", "boolean"):
        return t[0]
    return None


def coerce(value, kind):
    """`value` as CloudFormation reads it for a `kind` property; other values unchanged."""
    if kind == "str" and isinstance(value, bool):
        return "true" if value else "false"
    if kind == "str" and isinstance(value, (int, float)):
        return json.dumps(value)
    if kind in ("integer", "number") and isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            try:
                return float(value)
            except ValueError:
                return value
    if kind in ("integer", "number") and isinstance(value, float) and value.is_integer():
        return int(value)
    if kind == "boolean" and isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


INTEGER_ARGUMENTS = {"Fn::Select": [0], "Fn::Cidr": [1, 2]}


def normalise_intrinsics(value):
    """Integer arguments of intrinsic functions ("0" for Fn::Select's index) as integers."""
    if isinstance(value, list):
        return [normalise_intrinsics(v) for v in value]
    if not isinstance(value, dict):
        return value
    result = {k: normalise_intrinsics(v) for k, v in value.items()}
    if len(result) == 1:
        (name, args), = result.items()
        if name in INTEGER_ARGUMENTS and isinstance(args, list):
            for i in INTEGER_ARGUMENTS[name]:
                if i < len(args):
                    args[i] = coerce(args[i], "integer")
    return result


def is_intrinsic(value):
    return isinstance(value, dict) and len(value) == 1 and (next(iter(value)) == "Ref" or next(iter(value)).startswith("Fn::"))


def normalise_value(value, t, resource):
    if is_intrinsic(value):
        return value
    kind = scalar_kind(t)
    if kind:
        return coerce(value, kind)
    if t[0] == "list" and isinstance(value, list):
        return [normalise_value(v, t[1], resource) for v in value]
    if t[0] == "map" and isinstance(value, dict):
        return {k: normalise_value(v, t[1], resource) for k, v in value.items()}
    if t[0] == "tag" and isinstance(value, dict):
        return {k: coerce(v, "str") if not is_intrinsic(v) else v for k, v in value.items()}
    if t[0] == "struct" and isinstance(value, dict) and t[1] in resource["types"]:
        return normalise_object(value, resource["types"][t[1]][1], resource)
    return value


def normalise_object(value, properties, resource):
    types = {p[0]: parse_type(p[2]) for p in properties}
    return {k: normalise_value(v, types[k], resource) if k in types else v for k, v in value.items()}


def policy_types(policies):
    """The catalog's CreationPolicy and UpdatePolicy (cfn/policies.hpp) as nested {name: type}."""
    def members(name):
        result = {}
        for cfn_name, _, spelled, _ in policies["types"][name][1]:
            t = parse_type(spelled)
            result[cfn_name] = members(t[1]) if t[0] == "struct" else spelled
        return result
    return {"CreationPolicy": members("CreationPolicy"), "UpdatePolicy": members("UpdatePolicy")}


def normalise_policy(value, types):
    if not isinstance(value, dict) or is_intrinsic(value):
        return value
    result = {}
    for k, v in value.items():
        t = types.get(k)
        result[k] = normalise_policy(v, t) if isinstance(t, dict) else coerce(v, t) if t else v
    return result


def normalise(template, catalog, policies):
    t = normalise_intrinsics(template)
    for parameter in t.get("Parameters", {}).values():
        for key in ("MinLength", "MaxLength", "MinValue", "MaxValue"):
            if key in parameter:
                parameter[key] = coerce(parameter[key], "number")
        if "NoEcho" in parameter:
            parameter["NoEcho"] = coerce(parameter["NoEcho"], "boolean")
        # Parameter values are strings to CloudFormation: a Default of true is "true".
        if "Default" in parameter and isinstance(parameter["Default"], bool):
            parameter["Default"] = coerce(parameter["Default"], "str")
        if isinstance(parameter.get("AllowedValues"), list):
            parameter["AllowedValues"] = [coerce(v, "str") if isinstance(v, bool) else v for v in parameter["AllowedValues"]]
    for body in t.get("Resources", {}).values():
        resource = catalog.get(body.get("Type"))
        if resource and isinstance(body.get("Properties"), dict):
            body["Properties"] = normalise_object(body["Properties"], resource["properties"], resource)
        for attribute, types in policies.items():
            if attribute in body:
                body[attribute] = normalise_policy(body[attribute], types)
    return t


def differences(a, b, path="", out=None):
    """Paths where two JSON documents differ (at most 5)."""
    out = [] if out is None else out
    if len(out) >= 5:
        return out
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a:
                out.append(f"{path}.{k}: only in the emitted template")
            elif k not in b:
                out.append(f"{path}.{k}: missing from the emitted template")
            else:
                differences(a[k], b[k], f"{path}.{k}", out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            differences(x, y, f"{path}[{i}]", out)
    elif a != b or type(a) is not type(b) and not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
        out.append(f"{path}: {json.dumps(a)[:80]} became {json.dumps(b)[:80]}")
    return out


# The stages. ------------------------------------------------------------------------------------

def read_exceptions(path):
    """{template: (stage, reason)} from lines `template: stage: reason` (# comments)."""
    expected = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, stage, reason = (part.strip() for part in line.split(":", 2))
        if stage not in ("import", "compile", "run", "differs", "lint"):
            sys.exit(f"{path}:{number}: unknown stage '{stage}'")
        expected.setdefault(name, {})[stage] = reason
    return expected


def build(args, work, names):
    """Compiles every imported stack.cpp in one CMake/Ninja build; returns {name: error}."""
    lines = [
        "cmake_minimum_required(VERSION 3.20)",
        "project(cfn2cpp_roundtrip CXX)",
        "find_package(fmt REQUIRED)  # the runtime's diff and deploy print with {fmt}",
        "add_library(cfnpp_runtime STATIC IMPORTED)",
        f'set_target_properties(cfnpp_runtime PROPERTIES IMPORTED_LOCATION "{Path(args.runtime).resolve()}"',
        f'  INTERFACE_INCLUDE_DIRECTORIES "{Path(args.include).resolve()}" INTERFACE_COMPILE_DEFINITIONS CFN_SEPARATE_COMPILATION INTERFACE_LINK_LIBRARIES fmt::fmt)',
    ]
    for name in names:
        lines.append(f"add_executable({name} src/{name}.cpp)")
        lines.append(f"target_compile_features({name} PRIVATE cxx_std_20)")
        lines.append(f"target_link_libraries({name} PRIVATE cfnpp_runtime)")
    (work / "CMakeLists.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    generator = ["-G", "Ninja"] if shutil.which("ninja") else []
    subprocess.run(["cmake", "-S", str(work), "-B", str(work / "build"), *generator, f"-DCMAKE_CXX_COMPILER={args.cxx}",
                    "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_CXX_FLAGS=-O0"], check=True, capture_output=True)
    keep_going = ["-k", "0"] if generator else ["-k"]
    result = subprocess.run(["cmake", "--build", str(work / "build"), "--parallel", "2", "--", *keep_going],
                            capture_output=True, text=True)
    errors = {}
    for name in names:
        if not (work / "build" / name).exists():
            first = next((l for l in result.stdout.splitlines() if f"src/{name}.cpp" in l and "error" in l), "does not compile")
            errors[name] = first.strip()
    return errors


def main():
    args = parse_args()
    templates = Path(args.templates)
    if not templates.is_dir():
        message = (f"no conformance templates at {templates}: configure with "
                   "-DCFNPP_CONFORMANCE_TEMPLATES=DIR (a folder of CloudFormation JSON templates) to run it")
        if os.environ.get("CI") == "true":
            print(f"FAIL: {message} (CI=true)")
            return 1
        print(f"SKIP: {message}")
        return SKIP
    sources = {p.stem.replace("@", "_").replace("-", "_").replace(".", "_"): p for p in sorted(templates.glob("*.json"))}
    for extra in args.extra:
        sources[Path(extra).stem.replace(".", "_").replace("-", "_")] = Path(extra)
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    for sub in ("src", "out"):
        (work / sub).mkdir(parents=True)
    document = json.loads(Path(args.catalog).read_text(encoding="utf-8"))
    catalog, policies = document["resources"], policy_types(document["policies"])

    outcome = {}  # name -> (stage, detail), or absent when exact

    def import_one(name):
        r = subprocess.run([args.cfn2cpp, "--catalog", args.catalog, "-o", str(work / "src" / f"{name}.cpp"), str(sources[name])],
                           capture_output=True, text=True)
        return name, r.returncode, r.stderr.strip()

    with ThreadPoolExecutor(max_workers=2) as pool:
        for name, code, stderr in pool.map(import_one, sorted(sources)):
            if code != 0:
                outcome[name] = ("import", stderr)
    imported = [n for n in sorted(sources) if n not in outcome]
    (work / "sources.json").write_text(json.dumps({n: str(p) for n, p in sources.items()}, indent=1), encoding="utf-8")
    for name, error in build(args, work, imported).items():
        outcome[name] = ("compile", error)
    for name in imported:
        if name in outcome:
            continue
        out = work / "out" / f"{name}.json"
        # The guard rails' findings are rules_findings.py's concern: here, the template only.
        r = subprocess.run([str(work / "build" / name), "--rules", "none", "-o", str(out)], capture_output=True, text=True)
        if r.returncode != 0:
            outcome[name] = ("run", r.stderr.strip().splitlines()[0] if r.stderr.strip() else f"exit {r.returncode}")
            continue
        original = normalise(json.loads(sources[name].read_text(encoding="utf-8")), catalog, policies)
        emitted = normalise(json.loads(out.read_text(encoding="utf-8")), catalog, policies)
        if original != emitted:
            outcome[name] = ("differs", "; ".join(differences(original, emitted)))

    expected = read_exceptions(args.exceptions)
    failures = []
    for name in sorted(sources):
        listed = {stage: reason for stage, reason in expected.get(name, {}).items() if stage != "lint"}
        if name in outcome:
            stage, detail = outcome[name]
            if stage not in listed:
                failures.append(f"{name}: {stage}: not a listed exception: {detail}")
            else:
                print(f"exception {name}: {stage}: {listed[stage]}\n    ({detail})")
        elif listed:
            failures.append(f"{name}: listed as '{next(iter(listed))}' but now round-trips exactly: remove it from the list")
    for name in sorted(set(expected) - set(sources)):
        failures.append(f"{name}: listed in {Path(args.exceptions).name} but there is no such template")
    exact = len(sources) - len(outcome)
    print(f"{exact} of {len(sources)} templates round-trip exactly")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
