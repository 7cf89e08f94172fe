"""AWS's catalog of IAM actions per service, as cfn-lint ships it, for cfn::iam's action checks.

cfn-lint 1.51 carries the catalog its W3037 rule checks policies against in
`cfnlint/data/AdditionalSpecs/Policies.json`: {service prefix: {"Actions": {lower-case action:
...}, "Resources": {...}}}. It is pinned in `generators/iam-actions.lock` by cfn-lint's version and
the file's sha256, like the provider schemas (`constraints.load_pinned`).

Two files are written from it:

- `include/cfn/iam/catalog.hpp`, for the compile-time check of a literal action: the sorted 32-bit
  FNV-1a hashes of every lower-cased "service:action" and of every service prefix (IAM actions are
  case-insensitive). Hashes rather than names keep the header small: numbers are cheap to parse,
  and a consteval binary search needs nothing else. Two names with one hash would only let a typo
  through (about 1 in 200,000 for a random one), never refuse a real action.
- `include/cfn/impl/iam_action_names.ipp`, for `cfn::check` at run time: every action name, one
  string per service, so that a wildcard (`s3:Get*`) can be matched against the names, and the
  few services that appear in ARN formats only (for the shape of a literal ARN). It is part
  of the implementation (compiled once into cfnpp::runtime), not of what a user's stack includes.
"""

import hashlib
import json
from pathlib import Path

from .constraints import cfn_lint_data
from .spec import SpecError

HASHES_PATH = "include/cfn/iam/catalog.hpp"
NAMES_PATH = "include/cfn/impl/iam_action_names.ipp"
RELATIVE = Path("data") / "AdditionalSpecs" / "Policies.json"
FNV_OFFSET, FNV_PRIME = 0x811C9DC5, 0x01000193


def fnv1a(text):
    """The 32-bit FNV-1a hash of the lower-cased ASCII text: what cfn::iam::detail::catalog_hash computes."""
    h = FNV_OFFSET
    for byte in text.lower().encode("ascii"):
        h = ((h ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return h


def read_lock(path):
    with open(path, encoding="utf-8") as f:
        lock = json.load(f)
    for key in ("package", "version", "file", "sha256"):
        if not isinstance(lock.get(key), str) or not lock[key]:
            raise SpecError(f"{path}: missing string field '{key}'")
    return lock


class Catalog(dict):
    """{service: sorted lower-case action names}, and `arn_services`: the service fields of the
    ARN formats the catalog lists that are not action prefixes (sorted)."""
    arn_services = ()


def load_file(path):
    """The Catalog of a Policies.json."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    catalog = Catalog()
    arn = set()
    for service, entry in data.items():
        actions = entry.get("Actions", {}) if isinstance(entry, dict) else {}
        for name in actions:
            if not name.isascii() or not name.replace("-", "").replace("_", "").isalnum():
                raise SpecError(f"{path}: action {service}:{name} is not letters and digits")
        catalog[service.lower()] = sorted(a.lower() for a in actions)
        resources = entry.get("Resources", {}) if isinstance(entry, dict) else {}
        for resource in resources.values():
            for arn_format in resource.get("ARNFormats", []):
                fields = arn_format.split(":")
                if len(fields) > 2 and "$" not in fields[2]:
                    arn.add(fields[2].lower())
    catalog.arn_services = tuple(sorted(arn - set(catalog)))
    return catalog


def load_pinned(lock_path):
    """The catalog cfn-lint ships, checked against the lock; returns (catalog, provenance text)."""
    lock = read_lock(lock_path)
    root, version = cfn_lint_data()
    if version != lock["version"]:
        raise SpecError(f"{lock_path} pins {lock['package']} {lock['version']}, but {version or 'no version'} "
                        f"is installed ({root}). Install that version, or bump the lock (generators/README.md).")
    path = root / lock["file"]
    actual = "sha256-" + hashlib.sha256(path.read_bytes()).hexdigest()
    if actual != lock["sha256"]:
        raise SpecError(f"IAM action catalog digest mismatch for {lock['package']} {version}:\n"
                        f"  {lock_path.name} says {lock['sha256']}\n  {path} gives {actual}\n"
                        "Refusing to generate from it.")
    return load_file(path), f"{lock['package']} {version} {lock['file']} ({lock['sha256'][:19]}...)"


def _hash_table(values, per_line=8):
    """The hashes as one std::string_view initializer, 8 lower-case hex digits each, with its
    length: one string token parses in a fraction of the time 20,817 integer literals took
    (254 million compiler instructions, in every TU that includes cfn/iam/policy.hpp)."""
    rows = []
    for i in range(0, len(values), per_line):
        rows.append('    "' + "".join(f"{v:08x}" for v in values[i:i + per_line]) + '"')
    rows[-1] += f", {8 * len(values)}}};"
    return rows


def render_hashes(catalog, provenance):
    services = sorted({fnv1a(s) for s in catalog})
    actions = sorted({fnv1a(f"{s}:{a}") for s, names in catalog.items() for a in names})
    count = sum(len(names) for names in catalog.values())
    lines = [
        f"// Generated by generators/regenerate from {provenance}.",
        "// Do not edit: change generators/ and regenerate.",
        "// clang-format off",
        "//",
        "// cfnpp: AWS's catalog of IAM actions, for the compile-time check of an action literal",
        f"// (cfn/iam/policy.hpp): {len(catalog)} service prefixes and {count} actions, as the sorted 32-bit",
        "// FNV-1a hashes of their lower-case names (detail::catalog_hash), 8 hex digits each, in one",
        "// string: one token, which the compiler reads far faster than an array of numbers. The names",
        "// themselves are in the run-time check (impl/iam_action_names.ipp), which matches wildcards.",
        "#pragma once",
        "",
        "#include <string_view>  // std::string_view",
        "",
        "namespace cfn::iam::detail {",
        "",
        '/// catalog_hash("s3"), catalog_hash("ec2"), ... sorted.',
        "inline constexpr std::string_view service_hashes{",
        *_hash_table(services),
        "",
        '/// catalog_hash("s3:getobject"), ... sorted.',
        "inline constexpr std::string_view action_hashes{",
        *_hash_table(actions),
        "",
        "}  // namespace cfn::iam::detail",
        "",
    ]
    return "\n".join(lines)


def _string_rows(names, width=100):
    """The names joined by spaces, as adjacent string literals of about `width` characters."""
    rows, current = [], ""
    for name in names:
        piece = name + " "
        if current and len(current) + len(piece) > width:
            rows.append(f'         "{current}"')
            current = ""
        current += piece
    rows.append(f'         "{current.rstrip()}"')
    return rows


def render_names(catalog, provenance):
    lines = [
        f"// Generated by generators/regenerate from {provenance}.",
        "// Do not edit: change generators/ and regenerate.",
        "// clang-format off",
        "//",
        "// cfnpp implementation: AWS's catalog of IAM actions by name, lower case, for cfn::check",
        "// (impl/check/iam.ipp), which matches wildcard actions (s3:Get*) against them. Compiled once into",
        "// cfnpp::runtime; cfn/iam/catalog.hpp has the same catalog as hashes for the compiler.",
        "#pragma once",
        "",
        "#include <string_view>  // std::string_view",
        "",
        "namespace cfn::detail::iam_catalog {",
        "",
        "struct service_actions {",
        "    std::string_view service;  ///< \"s3\"",
        "    std::string_view actions;  ///< \"abortmultipartupload associateaccessgrantsidentitycenter ...\"",
        "};",
        "",
        "/// Sorted by service; each service's actions sorted and separated by one space, and their length.",
        "inline constexpr service_actions services[] = {",
    ]
    for service in sorted(catalog):
        # With its length: from the literal alone the constant evaluator would count the
        # characters one by one (clang++ 14 gives up on the longest services).
        text = " ".join(catalog[service])
        lines.append(f'    {{"{service}",')
        lines.append("     {")
        lines.extend(_string_rows(catalog[service]))
        lines[-1] += f", {len(text)}}}}},"
    lines += ["};", "",
              "/// The services of ARNs (arn:aws:SERVICE:...) that are not action prefixes, separated by one space.",
              f'inline constexpr std::string_view other_arn_services = "{" ".join(catalog.arn_services)}";',
              "", "}  // namespace cfn::detail::iam_catalog", ""]
    return "\n".join(lines)


def render(catalog, provenance):
    """{path: text} of the two generated files."""
    return {HASHES_PATH: render_hashes(catalog, provenance), NAMES_PATH: render_names(catalog, provenance)}
