"""Value constraints from AWS's CloudFormation resource provider schemas, as cfn-lint ships them.

The spec we generate from (@aws-cdk/aws-service-spec) has types, enums and `required`, but not
the schemas' `pattern`, `minimum`/`maximum`, `minLength`/`maxLength`, `minItems`/`maxItems`,
`format`, `enum`, nor their conditional requirements (`requiredXor`, `requiredOr`, `dependentRequired`,
`dependentExcluded`, `oneOf`/`anyOf` of sets of required properties, also inside `allOf`). No npm or Debian package
carries the provider schemas, so we read the copy cfn-lint ships (its us-east-1 set, already
corrected by cfn-lint's own patches) and pin it in `generators/schemas.lock` by cfn-lint's
version and a sha256 over the files read (see `digest`).

Everything here is keyed by CloudFormation names, like the spec model: `Schemas.for_type(
"AWS::EC2::VPC")` gives a `TypeConstraints` whose `property("CidrBlock")` (resource level) or
`property("CidrBlock", owner="Ingress")` (a property type) is a `Constraint` or None.
"""

import dataclasses
import hashlib
import importlib.util
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import patterns
from .spec import SpecError

# The `format`s a value check understands; the schemas' other formats (cfn-lint's relationship
# formats such as "AWS::EC2::SecurityGroup.Id", dates, ARNs) are left to the typed references.
FORMATS = {"ipv4": "ipv4", "ipv6": "ipv6", "ipv4-network": "ipv4_cidr", "ipv6-network": "ipv6_cidr"}

# ECMAScript regular expressions (what std::regex implements) have no inline flags, no Unicode
# property classes, no lookbehind and no \A / \Z. `translate_pattern` rewrites what has an exact
# ECMAScript equivalent; a pattern with property classes is carried when cfnpp's own matcher
# (include/cfn/pattern_match.hpp, which cfn::check runs over code points) reads all of it; a
# pattern using the rest is not carried over, rather than checked differently from CloudFormation
# (generators/README.md counts both).

# The control characters a schema writes as themselves in a pattern ("^[\\P{C}\r\n\t]+$", JSON's
# "\r"), which the matcher reads as escapes: the same characters for both engines.
_CONTROL_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\f": "\\f", "\v": "\\v"}


def has_property_class(pattern):
    """Whether `pattern` has a `\\p{..}` or `\\P{..}` (an escaped backslash before a p is not one)."""
    i = 0
    while i < len(pattern) - 1:
        if pattern[i] == "\\":
            if pattern[i + 1] in "pP":
                return True
            i += 2
        else:
            i += 1
    return False


def _translate_property_pattern(pattern):
    """The Pattern of a schema pattern with property classes, or None. Matched by pattern_match.hpp,
    over code points, which knows beyond ASCII only general categories: `.` (any code point but a
    newline in Python, not the line terminators in ECMAScript) and `\\d \\w \\D \\W` (Unicode digits
    and word characters in Python, ASCII ones in ECMAScript) are not carried, nor inline flags."""
    source = "".join(_CONTROL_ESCAPES.get(c, c) for c in pattern)
    i, in_class = 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            if source[i + 1:i + 2] in ("d", "D", "w", "W"):
                return None
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            i += 1 + (source[i + 1:i + 2] == "^")  # a ']' first is a character in Python; refused below
        elif c == "]" and in_class:
            in_class = False
        elif c == "." and not in_class:
            return None
        i += 1
    return Pattern(source) if patterns.program_size(source) > 0 else None


@dataclass(frozen=True)
class Pattern:
    """A schema's pattern as std::regex (ECMAScript) reads it: `source`, and whether the match
    ignores case (a leading `(?i)`, std::regex::icase)."""
    source: str
    ignore_case: bool = False


def translate_pattern(pattern):
    """The Pattern that matches exactly the strings Python's `re.search(pattern, ...)` matches (what
    cfn-lint does), or None when there is none we can write:
    - `\A` -> `^` and `\Z` -> `$`: without the multiline flag ECMAScript's `^` and `$` match only at
      the ends of the text, as `\A` and `\Z` do (Python's own `$` also matches before a final
      newline; ECMAScript's does not, which is why `\Z` maps to it exactly);
    - a leading `(?i)` -> `ignore_case`; a leading `(?s)` -> each `.` outside a class becomes
      `[\s\S]` (any character). Inline flags anywhere else (Python 3.11 refuses them) stay out;
    - a possessive quantifier is only one outside a character class: `[*+]` is two characters.
    A pattern with `\p{..}`/`\P{..}` is `_translate_property_pattern`'s.
    Left out: lookbehind, POSIX classes, `\z`/`\G`, and any non-ASCII character
    (std::regex matches UTF-8 bytes, not code points)."""
    if not isinstance(pattern, str) or not pattern or not pattern.isascii():
        return None
    if has_property_class(pattern):
        return _translate_property_pattern(pattern)
    ignore_case = dot_all = False
    while pattern[:4] in ("(?i)", "(?s)"):
        ignore_case, dot_all = ignore_case or pattern[2] == "i", dot_all or pattern[2] == "s"
        pattern = pattern[4:]
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            if i + 1 >= len(pattern):
                return None
            e = pattern[i + 1]
            if e in "pPzG":
                return None
            if e in "AZ":
                if in_class:
                    return None
                out.append("^" if e == "A" else "$")
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "[" and pattern[i + 1:i + 2] == ":":
                return None  # a POSIX class
            if c == "]":
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            # A ']' first in a class (after an optional '^') is a character in Python, and ends an
            # empty class in ECMAScript: not the same pattern.
            j = i + 1 + (pattern[i + 1:i + 2] == "^")
            if pattern[j:j + 1] == "]":
                return None
            out.append(pattern[i + 1:j])
            i = j
            continue
        if c == "(" and pattern[i + 1:i + 2] == "?" and pattern[i + 2:i + 3] not in (":", "=", "!"):
            return None  # an inline flag, a lookbehind, a named group
        if c in "*+?}" and pattern[i + 1:i + 2] == "+":
            return None  # a possessive quantifier
        out.append("[\\s\\S]" if c == "." and dot_all else c)
        i += 1
    source = "".join(out)
    try:
        re.compile(source)
    except re.error:
        return None
    return Pattern(source, ignore_case)


@dataclass(frozen=True)
class Constraint:
    """What a value must satisfy. Numbers are kept as the schema writes them (int or float)."""
    minimum: object = None
    maximum: object = None
    min_length: int | None = None
    max_length: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    pattern: str = ""
    format: str = ""  # a value of FORMATS
    pattern_ignores_case: bool = False  # a leading (?i) (translate_pattern)
    allowed: tuple = ()
    allowed_ignore_case: bool = False  # the schema's enumCaseInsensitive
    elements: "Constraint | None" = None  # a list's elements

    def __bool__(self):
        return any(v is not None and v is not False and v != "" and v != () for v in self.__dict__.values())


@dataclass(frozen=True)
class Requirement:
    """kind: "exactly_one" or "at_least_one" of `names` (each a property, or properties set together:
    "A+B"); "needs" or "excludes": `subject` and `names` (properties)."""
    kind: str
    subject: str
    names: tuple


@dataclass
class TypeConstraints:
    """The constraints of one resource type: its properties and its property types' (by name)."""
    properties: dict = field(default_factory=dict)  # (owner or None, property) -> Constraint
    requirements: dict = field(default_factory=dict)  # owner or None -> [Requirement]

    def property(self, name, owner=None):
        return self.properties.get((owner, name))


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v):
    return (_is_int(v) or isinstance(v, float)) and not isinstance(v, bool)


class _Reader:
    def __init__(self, schema):
        self.schema = schema
        self.definitions = schema.get("definitions", {})

    def resolve(self, node, depth=0):
        """Follows a `$ref` to a definition that is not an object type (a scalar or list alias)."""
        while isinstance(node, dict) and "$ref" in node and depth < 8:
            target = node["$ref"]
            if not target.startswith("#/definitions/"):
                return {}
            resolved = self.definitions.get(target[len("#/definitions/"):], {})
            if "properties" in resolved:
                return {}
            node = {**resolved, **{k: v for k, v in node.items() if k != "$ref"}}
            depth += 1
        return node if isinstance(node, dict) else {}

    def scalar(self, node, kind):
        """The Constraint of a string or number schema node, for a member of value kind `kind`."""
        node = self.resolve(node)
        c = {}
        if kind in ("str", "id"):
            pattern = translate_pattern(node.get("pattern"))
            if pattern:
                c["pattern"] = pattern.source
                c["pattern_ignores_case"] = pattern.ignore_case
            for key, name in (("minLength", "min_length"), ("maxLength", "max_length")):
                if _is_int(node.get(key)):
                    c[name] = node[key]
            if node.get("format") in FORMATS:
                c["format"] = FORMATS[node["format"]]
            values = node.get("enum")
            # cfn-lint's enumCaseInsensitive: the value, lower-cased, is one of these (lower-cased).
            folded = node.get("enumCaseInsensitive")
            if values is None and isinstance(folded, list):
                values = folded
                c["allowed_ignore_case"] = True
            if kind == "str" and isinstance(values, list) and values and all(isinstance(v, str) for v in values):
                c["allowed"] = tuple(values)
            else:
                c.pop("allowed_ignore_case", None)
        elif kind in ("integer", "number"):
            for key, name in (("minimum", "minimum"), ("maximum", "maximum")):
                if _is_number(node.get(key)):
                    c[name] = node[key]
        return Constraint(**c)

    def member(self, node, value):
        """The Constraint of a property whose C++ value type is `value` (a types.ValueType)."""
        node = self.resolve(node)
        if value.kind == "list":
            c = {}
            for key, name in (("minItems", "min_items"), ("maxItems", "max_items")):
                if _is_int(node.get(key)):
                    c[name] = node[key]
            items = node.get("items")
            if isinstance(items, dict) and value.element.kind in ("str", "id", "integer", "number"):
                elements = self.scalar(items, value.element.kind)
                if elements:
                    c["elements"] = elements
            return Constraint(**c)
        return self.scalar(node, value.kind)

    @staticmethod
    def requirements(node, names, declared=None):
        """The conditional requirements of an object schema, among the property `names` we have.

        Alternatives (requiredOr, oneOf, anyOf) are sets of properties; a set of more than one is
        written "A+B" in `Requirement.names`. An `allOf` is read as if its schemas were written
        in `node` itself (`declared`: the properties of the object it belongs to)."""
        found = []
        declared = declared if declared is not None else node.get("properties", {})

        def known(group, least=2):
            return len(group) >= least and all(all(n in names for n in alt.split("+")) for alt in group)

        def alternative(a):
            """"A+B" for a schema that holds when A and B are set, or None. `properties` and
            `additionalProperties: false` may come with `required` (the "one of these members" unions
            cfn-lint's schemas spell that way) when they name only the required properties: then
            the schema holds exactly when those are the set properties, and counting it as held
            whenever they are set never refuses what the schema accepts (an object with two
            alternatives' properties is refused by both readings, whatever their values). Without
            `additionalProperties: false`, a property schema there must add nothing to the
            property's own (`{}` or the same schema): one that constrains the value would make
            "set" and "holds" differ when two alternatives are set."""
            if not isinstance(a, dict) or not set(a) <= {"required", "properties", "additionalProperties", "title", "type"}:
                return None
            required = a.get("required")
            if not isinstance(required, list) or not required or not all(isinstance(n, str) for n in required):
                return None
            properties = a.get("properties", {})
            if a.get("type", "object") != "object" or not isinstance(properties, dict) or not set(properties) <= set(required):
                return None
            closed = a.get("additionalProperties", True) is False
            if not closed and any(p not in ({}, declared.get(n)) for n, p in properties.items()):
                return None
            return "+".join(required)

        xor = node.get("requiredXor")
        if isinstance(xor, list) and known(xor):
            found.append(Requirement("exactly_one", "", tuple(xor)))
        # requiredOr: cfn-lint's "at least one of" (E3058): a Subnet's CIDR block or IPAM pool.
        any_of = node.get("requiredOr")
        if isinstance(any_of, list) and known(any_of):
            found.append(Requirement("at_least_one", "", tuple(any_of)))
        for key, kind in (("oneOf", "exactly_one"), ("anyOf", "at_least_one")):
            alternatives = node.get(key)
            if not isinstance(alternatives, list):
                continue
            sets = [alternative(a) for a in alternatives]
            # A closed union names every member the object may have: a member of the spec's that
            # none of its alternatives names means the spec is newer than the schema (it added a
            # member to the union), and the schema's "one of" would refuse what CloudFormation takes.
            # So is a union of one member in an object that does not declare every member of the
            # spec's (AWS::APS::Scraper.Destination: AmpConfiguration, and now CloudWatchConfiguration).
            closed = any(isinstance(a, dict) and a.get("additionalProperties", True) is False for a in alternatives)
            named = {n for alt in sets if alt for n in alt.split("+")}
            if (closed and set(names) - named) or (len(alternatives) == 1 and declared and set(names) - set(declared)):
                continue
            # One alternative is a requirement too: a union of one member (AWS::B2BI::Capability.EdiType).
            if None not in sets and known(sets, least=1):
                found.append(Requirement(kind, "", tuple(sets)))
        for key, kind in (("dependentRequired", "needs"), ("dependentExcluded", "excludes")):
            rules = node.get(key)
            if not isinstance(rules, dict):
                continue
            for subject in sorted(rules):
                others = rules[subject]
                if subject in names and isinstance(others, list) and others and all(n in names for n in others):
                    found.append(Requirement(kind, subject, tuple(others)))
        for part in node.get("allOf", []) if isinstance(node.get("allOf"), list) else []:
            if isinstance(part, dict):
                found.extend(r for r in _Reader.requirements(part, names, declared) if r not in found)
        return found


class Schemas:
    """The provider schemas by resource type, read lazily from their files."""

    def __init__(self, files):
        self.files = files  # type name -> Path

    def schema(self, cfn_type):
        path = self.files.get(cfn_type)
        if path is None:
            return None
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    def for_type(self, cfn_type, members_of):
        """The TypeConstraints of `cfn_type`. `members_of(owner)` gives {name: ValueType} of the
        resource's properties (owner None) or of one property type, or None for an unknown owner."""
        schema = self.schema(cfn_type)
        result = TypeConstraints()
        if schema is None:
            return result
        reader = _Reader(schema)
        objects = [(None, schema)] + [(name, d) for name, d in sorted(reader.definitions.items())]
        inline = _inline_objects(objects, set(reader.definitions))
        objects += sorted(inline.items())
        for owner, node in objects:
            members = members_of(owner)
            if not members or not isinstance(node, dict):
                continue
            # An inline schema is taken for the spec's property type of its name only when it
            # describes every member of it: a property type of the same name elsewhere in the
            # resource would have others.
            if owner in inline and not set(members) <= set(node["properties"]):
                continue
            # A union definition ("one of these members") may have only a oneOf, no properties.
            for name, value in members.items() if isinstance(node.get("properties"), dict) else ():
                prop = node["properties"].get(name)
                if isinstance(prop, dict):
                    c = reader.member(prop, value)
                    if c:
                        result.properties[(owner, name)] = c
            reqs = reader.requirements(node, members)
            if reqs:
                result.requirements[owner] = reqs
        return result


def _inline_objects(objects, defined):
    """{name: schema} of the property types written inline in their parent rather than under
    `definitions`: `"SubscriberIdentity": {"type": "object", "properties": {...}}`, or a list's
    `items` written so. The spec names such a property type after the property, so that is its
    owner name here; a name `definitions` already has, or that two inline schemas share (which
    one the spec means is not known), is left out. Inline schemas inside them are found too."""
    found, shared = {}, set()
    pending = [node for _, node in objects]
    while pending:
        node = pending.pop()
        properties = node.get("properties") if isinstance(node, dict) else None
        for name, prop in sorted(properties.items()) if isinstance(properties, dict) else ():
            if isinstance(prop, dict) and prop.get("type") == "array" and isinstance(prop.get("items"), dict):
                prop = prop["items"]
            if not isinstance(prop, dict) or "$ref" in prop or not isinstance(prop.get("properties"), dict):
                continue
            if name in found and found[name] != prop:
                shared.add(name)
            elif name not in found:
                found[name] = prop
                pending.append(prop)
    return {name: node for name, node in found.items() if name not in defined and name not in shared}


def _mapping(providers_file):
    """us_east_1.py of cfn-lint: `"AWS::EC2::VPC": "<hash>",` lines -> {type: hash}."""
    text = Path(providers_file).read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([A-Za-z0-9:]+)":\s*"([0-9a-f]+)",?$', text, re.M))


def digest(providers_file, files):
    """sha256 over the region's mapping file and every schema it names, in type order."""
    h = hashlib.sha256(Path(providers_file).read_bytes())
    for cfn_type in sorted(files):
        h.update(f"\n{cfn_type}\n".encode())
        h.update(Path(files[cfn_type]).read_bytes())
    return "sha256-" + h.hexdigest()


def read_lock(path):
    with open(path, encoding="utf-8") as f:
        lock = json.load(f)
    for key in ("package", "version", "region", "sha256"):
        if not isinstance(lock.get(key), str) or not lock[key]:
            raise SpecError(f"{path}: missing string field '{key}'")
    return lock


def cfn_lint_data():
    """cfn-lint's installed package directory and version, or a SpecError saying how to get it."""
    found = importlib.util.find_spec("cfnlint")
    if found is None or not found.origin:
        raise SpecError("cfn-lint is not importable by this python3: the value constraints come from the "
                        "provider schemas it ships (see generators/README.md); install cfn-lint or pass --schemas")
    root = Path(found.origin).parent
    match = re.search(r'__version__\s*=\s*"([^"]+)"', (root / "version.py").read_text(encoding="utf-8"))
    return root, match.group(1) if match else ""


def load_pinned(lock_path):
    """The Schemas cfn-lint ships, checked against schemas.lock; returns (schemas, provenance text)."""
    lock = read_lock(lock_path)
    root, version = cfn_lint_data()
    if version != lock["version"]:
        raise SpecError(f"{lock_path} pins {lock['package']} {lock['version']}, but {version or 'no version'} "
                        f"is installed ({root}). Install that version, or bump the lock (generators/README.md).")
    data = root / "data" / "schemas"
    providers = data / "providers" / f"{lock['region']}.py"
    files = {t: data / "resources" / f"{h}.json" for t, h in _mapping(providers).items()}
    actual = digest(providers, files)
    if actual != lock["sha256"]:
        raise SpecError(f"schema digest mismatch for {lock['package']} {version}:\n"
                        f"  schemas.lock says {lock['sha256']}\n  the files give {actual}\n"
                        "Refusing to generate from them.")
    return Schemas(files), f"{lock['package']} {version} {lock['region']} schemas ({lock['sha256'][:19]}...)"


def load_directory(directory):
    """A directory of provider schemas, one JSON file each (the tests' fixtures), keyed by typeName."""
    files = {}
    for path in sorted(Path(directory).glob("*.json")):
        with open(path, encoding="utf-8") as f:
            files[json.load(f)["typeName"]] = path
    return Schemas(files)


def attach(model, schemas):
    """Sets `constraint` on the members and `requirements` on the structs of a types.ResourceModel."""
    cfn_type = model.resource.cfn_type
    structs = {None: model.properties}
    structs.update({s.cfn_name[len(cfn_type) + 1:]: s for s in model.structs})

    def members_of(owner):
        s = structs.get(owner)
        return {m.cfn_name: m.value for m in s.members} if s else None

    found = schemas.for_type(cfn_type, members_of)
    for owner, s in structs.items():
        for m in s.members:
            m.constraint = found.property(m.cfn_name, owner)
        s.requirements = found.requirements.get(owner, [])


# Literal rules: what of a constraint a consteval function checks (include/cfn/literal_check.hpp).

# A pattern that is one character class over the whole string: ^[a-z0-9-]+$, ^[\w\-]{1,64}$.
_SINGLE_CLASS = re.compile(r"^\^\[((?:\\.|[^\]\\])+)\](\*|\+|\{(\d+)(,(\d*))?\})\$$")
_CLASS_ESCAPES = set("wWdDsS")
CLASS_LIMIT = 39  # literal_rule::characters holds 40 chars with the terminating zero


def in_character_class(body, c):
    """Python's copy of detail::in_character_class (literal_check.hpp), for ASCII `c`."""
    negated = body.startswith("^")
    if negated:
        body = body[1:]
    word, digit, space = c.isascii() and (c.isalnum() or c == "_"), c.isdigit(), c in " \t\n\v\f\r"
    escapes = {"w": word, "W": not word, "d": digit, "D": not digit, "s": space, "S": not space}
    found, i = False, 0
    while i < len(body) and not found:
        low = body[i]
        if body[i] == "\\" and i + 1 < len(body):
            i += 1
            if body[i] in escapes:
                found = escapes[body[i]]
                i += 1
                continue
            low = body[i]
        high = low
        if i + 2 < len(body) and body[i + 1] == "-":
            at = i + 2
            if body[at] == "\\" and at + 1 < len(body):
                at += 1
            high, i = body[at], at
        found = low <= c <= high
        i += 1
    return found != negated


def _class_is_understood(body):
    """Whether the C++ matcher reads `body` as ECMAScript does: simple escapes only, ASCII only,
    and the same answer as a real regular expression engine for every ASCII character."""
    if len(body) > CLASS_LIMIT or not body.isascii():
        return False
    i = 0
    while i < len(body):
        if body[i] == "\\":
            if i + 1 >= len(body) or (body[i + 1].isalnum() and body[i + 1] not in _CLASS_ESCAPES):
                return False
            i += 2
        else:
            i += 1
    try:
        engine = re.compile(f"[{body}]", re.ASCII)
    except re.error:
        return False
    return all(bool(engine.fullmatch(chr(c))) == in_character_class(body, chr(c)) for c in range(128))


@dataclass(frozen=True)
class LiteralRule:
    min_length: int = 0
    max_length: int | None = None
    format: str = ""
    characters: str = ""
    pattern: str = ""  # a pattern in the compile-time subset (cfngen/patterns.py)
    minimum: object = None  # an Integer's or Double's bounds, as the schema writes them
    maximum: object = None
    allowed: str = ""  # a string's allowed values, '|'-separated, compared as written
    min_items: int = 0  # a list literal's count of items: a minimum of 2 or more
    max_items: int | None = None

    def __bool__(self):
        return bool(self.min_length or self.max_length is not None or self.format or self.characters
                    or self.pattern or self.minimum is not None or self.maximum is not None or self.allowed
                    or self.min_items or self.max_items is not None)


def literal_rule(c):
    """The LiteralRule of a Constraint of a string property."""
    if not c:
        return LiteralRule()
    low, high, characters = c.min_length or 0, c.max_length, ""
    # The compile-time matcher compares characters as written: a case-insensitive pattern is left
    # to cfn::check.
    pattern = c.pattern if c.pattern and not c.pattern_ignores_case else ""
    m = _SINGLE_CLASS.match(pattern) if pattern else None
    single_class = bool(m and _class_is_understood(m.group(1)))
    if single_class:
        # A class that takes every ASCII character ([\s\S]) restricts nothing worth checking.
        if not all(in_character_class(m.group(1), chr(c)) for c in range(128)):
            characters = m.group(1)
        quantifier = m.group(2)
        if quantifier == "+":
            low = max(low, 1)
        elif quantifier.startswith("{"):
            low = max(low, int(m.group(3)))
            upper = int(m.group(3)) if m.group(4) is None else (int(m.group(5)) if m.group(5) else None)
            if upper is not None:
                high = upper if high is None else min(high, upper)
    rule = LiteralRule(low, high, c.format, characters)
    if pattern and not single_class and patterns.compile_time(pattern):
        # Only a pattern the generated service tests can give a literal for (their samples
        # must compile): one that satisfies the pattern, the lengths and the format.
        with_pattern = LiteralRule(low, high, c.format, characters, pattern)
        if sample(with_pattern) is not None:
            rule = with_pattern
    if c.allowed and not c.allowed_ignore_case:
        # The allowed values the schema lists (where the spec has them the property is an enum and
        # this is not reached). Carried only when one of them satisfies the rest of the rule: a
        # schema that contradicts itself is left to cfn::check rather than refuse every literal.
        with_allowed = dataclasses.replace(rule, allowed="|".join(c.allowed))
        if sample(with_allowed) is not None:
            rule = with_allowed
    return rule


_FORMAT_SAMPLES = {"ipv4": "10.0.0.1", "ipv6": "2001:db8::1", "ipv4_cidr": "10.0.0.0/16", "ipv6_cidr": "2001:db8::/32"}


# The literals of an Integer property that are checked at compile time are C++ `int`s.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


def number_rule(c, integer):
    """The LiteralRule of a Constraint of an Integer (`integer`) or Double property: its bounds as
    the schema states them. An Integer's bound that no `int` can break is left out: it would
    check nothing, and cost every translation unit a template argument."""
    if not c:
        return LiteralRule()
    low, high = c.minimum, c.maximum
    if integer:
        low = low if low is not None and low > INT_MIN else None
        high = high if high is not None and high < INT_MAX else None
    return LiteralRule(minimum=low, maximum=high)


# The element kinds of a list whose literal `{a, b, c}` is counted at compile time by a variadic
# constructor: its items are the constructor's arguments, so each must be an expression of its own.
LIST_RULE_ELEMENTS = ("str", "id", "integer", "number", "boolean", "enum")

# A list of property structs (or tags): `{{.key = ...}, {...}}`, whose braced items have no type a
# pack could be deduced from. Its checked form has one constructor per count of items, up to
# max_items + 1 (include/cfn/value.hpp), each count a class the compiler instantiates for every
# such property of a header it reads: so only for a small maxItems (measured, docs/design.md).
# The rest (and Json lists, whose items may be braced too) are counted by cfn::check only.
STRUCT_LIST_ELEMENTS = ("struct", "tag")
STRUCT_LIST_MAX_ITEMS = 8


def list_rule(c, element_kind):
    """The LiteralRule of a Constraint of a list property whose elements are of kind `element_kind`:
    its minItems and maxItems, when a literal can break them. A minimum of 1 is left out: `{}`
    means "not set", and a literal with items has one."""
    if not c:
        return LiteralRule()
    if element_kind in STRUCT_LIST_ELEMENTS:
        if c.max_items is None or c.max_items > STRUCT_LIST_MAX_ITEMS:
            return LiteralRule()
    elif element_kind not in LIST_RULE_ELEMENTS:
        return LiteralRule()
    low = c.min_items if c.min_items is not None and c.min_items >= 2 else 0
    return LiteralRule(min_items=low, max_items=c.max_items)


def sample_number(rule):
    """An integer within `rule`'s bounds, 1 when they allow it (the generated service tests' placeholder)."""
    value = 1
    if rule.minimum is not None and value < rule.minimum:
        value = math.ceil(rule.minimum)
    if rule.maximum is not None and value > rule.maximum:
        value = math.floor(rule.maximum)
    return value


def sample(rule, fallback="example"):
    """A string that satisfies `rule` (the generated service tests' placeholder); None when
    none is found for its pattern."""
    if rule.allowed:
        # The first allowed value that satisfies the rest of the rule.
        rest = dataclasses.replace(rule, allowed="")
        return next((v for v in rule.allowed.split("|") if _satisfies(rest, v)), None)
    text = _FORMAT_SAMPLES.get(rule.format, fallback)
    if rule.characters and not all(in_character_class(rule.characters, ch) for ch in text):
        usable = [chr(c) for c in range(33, 127) if in_character_class(rule.characters, chr(c))]
        text = next((ch for ch in "eE1x_-." if ch in usable), usable[0] if usable else "") * 7
    if len(text) < rule.min_length:
        text = text + (text[-1] if text else "a") * (rule.min_length - len(text))
    if rule.max_length is not None and len(text) > rule.max_length:
        text = text[: rule.max_length]
    if rule.pattern and not patterns.search(rule.pattern, text):
        text = None if rule.format else patterns.sample(rule.pattern, rule.min_length, rule.max_length)
    return text


def _satisfies(rule, text):
    """Whether string `text` satisfies `rule` (its lengths, character class, pattern and format)."""
    if len(text) < rule.min_length or (rule.max_length is not None and len(text) > rule.max_length):
        return False
    if rule.characters and not all(in_character_class(rule.characters, ch) for ch in text):
        return False
    if rule.pattern and not patterns.search(rule.pattern, text):
        return False
    return not rule.format or text == _FORMAT_SAMPLES.get(rule.format)
