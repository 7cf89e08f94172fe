"""Fetching, verifying and reading the CloudFormation spec (@aws-cdk/aws-service-spec).

The spec's `$id`s are internal to one version of the package: they are used here only to resolve
`ref` types while loading, and everything after loading is keyed by CloudFormation names.
"""

import base64
import gzip
import hashlib
import json
import os
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path


class SpecError(Exception):
    """The spec (or a patch) is not what the generator understands; the message says where."""


# The model. ------------------------------------------------------------------------------------

SCALARS = ("string", "integer", "number", "boolean", "json", "date-time", "tag")


@dataclass
class Type:
    """One type expression of the spec's type grammar."""

    kind: str  # one of SCALARS, "array", "map", "union", "ref"
    element: "Type | None" = None  # array and map
    options: tuple = ()  # union members
    ref: str | None = None  # property type name (within the owning resource)
    allowed: tuple = ()  # string allowedValues, in the spec's order


@dataclass
class Property:
    name: str
    type: Type
    required: bool = False
    doc: str = ""
    deprecated: bool = False
    replacement: str = ""  # causesReplacement: "yes", "maybe" or "" (an update in place)
    scrutiny: str = ""  # the spec's `scrutinizable` mark, e.g. "IngressRules", or ""
    relationships: list = field(default_factory=list)  # [(cloudFormationType, propertyName)]


@dataclass
class PropertyType:
    name: str  # e.g. "Ebs"
    doc: str
    properties: dict  # name -> Property


@dataclass
class Attribute:
    name: str  # may be dotted: "Endpoint.Address"
    type: Type
    doc: str = ""


@dataclass
class Resource:
    cfn_type: str  # "AWS::EC2::Instance"
    doc: str
    properties: dict  # name -> Property
    attributes: dict  # name -> Attribute
    types: dict  # name -> PropertyType, only those reachable from the properties
    ref_identifier: str | None  # what Ref returns, when the spec names exactly one identifier
    transform: str = ""  # e.g. "AWS::Serverless-2016-10-31" for SAM resources
    tag_variant: str = ""  # "standard", "map", "asg" or "" (not taggable)
    stateful: bool = False  # isStateful: replacing or deleting it loses data
    scrutiny: str = ""  # the spec's `scrutinizable` mark, e.g. "IdentityPolicyResource", or ""

    @property
    def prefix(self):
        return self.cfn_type.split("::")[0]

    @property
    def service(self):
        return self.cfn_type.split("::")[1]

    @property
    def name(self):
        return self.cfn_type.split("::")[2]


# Fetching. -------------------------------------------------------------------------------------


def read_lock(path):
    with open(path, encoding="utf-8") as f:
        lock = json.load(f)
    for key in ("package", "version", "integrity"):
        if not isinstance(lock.get(key), str) or not lock[key]:
            raise SpecError(f"{path}: missing string field '{key}'")
    if not lock["integrity"].startswith("sha512-"):
        raise SpecError(f"{path}: integrity must be a sha512-... string, as npm prints it")
    return lock


def default_cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cfnpp"


def integrity_of(path):
    digest = hashlib.sha512(Path(path).read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode("ascii")


def fetch(lock, cache_dir):
    """Returns the path of the package tarball, running `npm pack` when it is not cached yet.

    The tarball's own sha512 is checked against spec.lock every time, cached or not.
    """
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    scope_free = lock["package"].lstrip("@").replace("/", "-")
    tarball = cache_dir / f"{scope_free}-{lock['version']}.tgz"
    if not tarball.exists():
        spec = f"{lock['package']}@{lock['version']}"
        result = subprocess.run(
            ["npm", "pack", spec, "--pack-destination", str(cache_dir), "--silent"],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0 or not tarball.exists():
            raise SpecError(f"npm pack {spec} failed:\n{result.stderr.strip()}")
    actual = integrity_of(tarball)
    if actual != lock["integrity"]:
        raise SpecError(
            f"integrity mismatch for {tarball}:\n"
            f"  spec.lock says {lock['integrity']}\n"
            f"  the tarball is {actual}\n"
            "Refusing to generate from it. Delete the file to fetch it again, or fix spec.lock."
        )
    return tarball


def read_db_from_tarball(tarball):
    with tarfile.open(tarball, "r:gz") as tar:
        member = tar.extractfile("package/db.json.gz")
        if member is None:
            raise SpecError(f"{tarball} has no package/db.json.gz")
        return json.loads(gzip.decompress(member.read()))


def read_db_file(path):
    """A db.json.gz, or a plain JSON file of the same shape (the test fixtures)."""
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    try:
        return json.loads(data)
    except json.JSONDecodeError as e:
        raise SpecError(f"{path}: not JSON: {e}") from None


# Loading. --------------------------------------------------------------------------------------


def _entities(db, table):
    try:
        entities = db["schema"][table]["entities"]
    except (KeyError, TypeError):
        raise SpecError(f"the spec has no schema.{table}.entities") from None
    # Accept an object keyed by $id as well as a list.
    return list(entities.values()) if isinstance(entities, dict) else entities


# The spec's `scrutinizable` marks that the generator knows (they become cfn::scrutiny enumerators).
# "None" on a property means the same as no mark.
RESOURCE_SCRUTINY = ("IdentityPolicyResource", "ResourcePolicyResource", "IngressRuleResource",
                     "EgressRuleResource", "LambdaPermission", "SsoAssignmentResource",
                     "SsoInstanceACAConfigResource", "SsoPermissionSet")
PROPERTY_SCRUTINY = ("InlineIdentityPolicies", "InlineResourcePolicy", "ManagedPolicies", "IngressRules",
                     "EgressRules")


def _replacement(raw, where):
    if raw in (None, "no"):
        return ""
    if raw not in ("yes", "maybe"):
        raise SpecError(f"{where}: causesReplacement {raw!r} is not yes, maybe or no")
    return raw


def _scrutiny(raw, known, where):
    if raw in (None, "None"):
        return ""
    if raw not in known:
        raise SpecError(f"{where}: unknown scrutinizable mark {raw!r} (known: {', '.join(known)})")
    return raw


class _Loader:
    def __init__(self, db):
        self.defs = {}
        for definition in _entities(db, "typeDefinition"):
            self.defs[definition["$id"]] = definition

    def type(self, raw, where, refs):
        """Converts a spec type; `refs` collects the $ids it references."""
        if not isinstance(raw, dict) or "type" not in raw:
            raise SpecError(f"{where}: malformed type {json.dumps(raw)[:80]}")
        kind = raw["type"]
        if kind in SCALARS:
            allowed = tuple(dict.fromkeys(raw.get("allowedValues", ()))) if kind == "string" else ()
            return Type(kind, allowed=allowed)
        if kind in ("array", "map"):
            return Type(kind, element=self.type(raw.get("element"), where, refs))
        if kind == "union":
            options = raw.get("types") or []
            if not options:
                raise SpecError(f"{where}: union without types")
            return Type(kind, options=tuple(self.type(t, where, refs) for t in options))
        if kind == "ref":
            target = (raw.get("reference") or {}).get("$ref")
            if target not in self.defs:
                raise SpecError(f"{where}: $ref {target!r} does not name a type definition")
            refs.append(target)
            return Type(kind, ref=self.defs[target]["name"])
        raise SpecError(f"{where}: unknown type kind {kind!r}")

    def properties(self, raw, where, refs):
        result = {}
        for name in sorted(raw):
            p = raw[name]
            path = f"{where}.{name}"
            result[name] = Property(
                name=name,
                type=self.type(p.get("type"), path, refs),
                required=bool(p.get("required", False)),
                doc=p.get("documentation", "") or "",
                deprecated=p.get("deprecated") == "WARN",
                replacement=_replacement(p.get("causesReplacement"), path),
                scrutiny=_scrutiny(p.get("scrutinizable"), PROPERTY_SCRUTINY, path),
                relationships=sorted(
                    {(r["cloudFormationType"], r["propertyName"]) for r in p.get("relationshipRefs", ())}
                ),
            )
        return result

    def resource(self, raw):
        cfn_type = raw["cloudFormationType"]
        if len(cfn_type.split("::")) != 3:
            raise SpecError(f"{cfn_type}: a resource type name has three parts")
        refs = []
        properties = self.properties(raw.get("properties", {}), cfn_type, refs)
        # Property types reachable from the properties (never those used only by attributes).
        types, seen, pending = {}, set(), list(refs)
        while pending:
            def_id = pending.pop()
            if def_id in seen:
                continue
            seen.add(def_id)
            definition = self.defs[def_id]
            name = definition["name"]
            if name in types:
                raise SpecError(f"{cfn_type}: two property types named {name}")
            more = []
            types[name] = PropertyType(
                name=name,
                doc=definition.get("documentation", "") or "",
                properties=self.properties(definition.get("properties", {}), f"{cfn_type}.{name}", more),
            )
            pending.extend(more)
        attributes = {}
        for name in sorted(raw.get("attributes", {})):
            a = raw["attributes"][name]
            attributes[name] = Attribute(name, self.type(a.get("type"), f"{cfn_type} attribute {name}", []),
                                         a.get("documentation", "") or "")
        ref_ids = raw.get("cfnRefIdentifier") or raw.get("primaryIdentifier") or []
        return Resource(
            cfn_type=cfn_type,
            doc=raw.get("documentation", "") or "",
            properties=properties,
            attributes=attributes,
            types=dict(sorted(types.items())),
            ref_identifier=ref_ids[0] if len(ref_ids) == 1 else None,
            transform=raw.get("cloudFormationTransform", "") or "",
            tag_variant=(raw.get("tagInformation") or {}).get("variant", ""),
            stateful=bool(raw.get("isStateful", False)),
            scrutiny=_scrutiny(raw.get("scrutinizable"), RESOURCE_SCRUTINY, cfn_type),
        )


def load(db):
    """The resources of a parsed db.json, keyed and sorted by CloudFormation type name."""
    loader = _Loader(db)
    resources = {}
    for raw in _entities(db, "resource"):
        resource = loader.resource(raw)
        if resource.cfn_type in resources:
            raise SpecError(f"{resource.cfn_type} is defined twice")
        resources[resource.cfn_type] = resource
    return dict(sorted(resources.items()))
