"""tools/cfn2cpp/catalog.json: what cfn2cpp needs to know about the generated headers.

cfn2cpp (tools/cfn2cpp/) turns an existing template into C++ that uses the generated structs, so
it must know, per resource type, the names and types the headers declare. It reads them from this
file, derived from the same ResourceModels the headers are rendered from, so that the two cannot
disagree. The format is compact JSON, one resource type per line:

    {"format": 2, "spec": "...", "naming": {"token": "<regex>", "reserved": ["alignas", ...]},
    "resources": {
    "AWS::EC2::Subnet": {"cpp": "cfn::aws::ec2::subnet", "header": "cfn/aws/ec2/subnet.hpp",
      "ref": "id<AWS::EC2::Subnet.SubnetId>",
      "attributes": {"AvailabilityZone": ["attr_availability_zone", "str"], ...},
      "properties": [["VpcId", "vpc_id", "id<AWS::EC2::VPC.VpcId>", 1], ...],   (declaration order)
      "types": {"PrivateDnsNameOptionsOnLaunch": ["private_dns_name_options_on_launch", [...]]},
      "enums": {"comparison_operator": [["GreaterThanThreshold", "GreaterThanThreshold"], ...]}},
    ...}}

A type is `str`, `integer`, `number`, `boolean`, `json` (also unions and the members that close a
recursive cycle), `tag`, `id<Type.Attr,...>`, `enum<ident>` (an entry of "enums": CloudFormation
value, enumerator), `struct<Name>` (an entry of "types", stored inline), `list<T>` or `map<T>`.
A property is [CloudFormation name, member, type, 1 if required else 0]. "naming" is how the
generator spells CloudFormation names in snake_case (cfngen/naming.py): cfn2cpp names its
variables by the same rules, word exceptions (FSx, IoT, IPv6) included.
"""

import json

from . import naming
from .types import ValueType

PATH = "tools/cfn2cpp/catalog.json"


def _type(t: ValueType):
    """The catalog notation of a value type: list<id<AWS::EC2::VPC.VpcId>>, struct<Ebs>."""
    if t.kind in ("list", "map"):
        return f"{t.kind}<{_type(t.element)}>"
    if t.kind == "id":
        return "id<" + ",".join(t.tokens) + ">"
    if t.kind == "enum":
        return f"enum<{t.name}>"
    if t.kind == "struct":
        return f"struct<{t.cfn_name}>"
    return t.kind


def _resource(model):
    def members(struct):
        return [[m.cfn_name, m.ident, _type(m.value), 1 if m.required else 0] for m in struct.members]

    return {
        "cpp": "cfn::" + "::".join(model.namespace) + "::" + model.ident,
        "header": model.header,
        "ref": _type(model.ref_type),
        "attributes": {a.cfn_name: [a.ident, _type(a.value)] for a in model.attributes},
        "properties": members(model.properties),
        "types": {s.cfn_name.split(".", 1)[1]: [s.ident, members(s)] for s in model.structs},
        "enums": {e.ident: [[value, enumerator] for enumerator, value in e.values] for e in model.enums},
    }


def policies_entry(structs):
    """CreationPolicy and UpdatePolicy (cfngen/policies.py) as a resource entry whose property
    types they are, so that cfn2cpp translates them like any property type. (Tag is the "tag" type.)"""
    types = {s.cfn_name.rsplit(".", 1)[-1]: [s.ident, [[m.cfn_name, m.ident, _type(m.value), 1 if m.required else 0]
                                                      for m in s.members]]
             for s in structs if s.cfn_name != "Tag"}
    return {"cpp": "cfn::policy", "header": "", "ref": "str", "attributes": {}, "properties": [], "types": types,
            "enums": {}}


def render(models, provenance, policies=()):
    """The text of the catalog: deterministic, one resource type per line."""
    header = {"format": 2, "spec": provenance[0], "naming": naming.catalog_rules(),
              "policies": policies_entry(policies)}
    lines = [json.dumps(header)[:-1] + ', "resources": {']
    entries = sorted((m.resource.cfn_type, _resource(m)) for m in models)
    for i, (cfn_type, entry) in enumerate(entries):
        comma = "," if i + 1 < len(entries) else ""
        lines.append(json.dumps(cfn_type) + ": " + json.dumps(entry, separators=(",", ":")) + comma)
    lines.append("}}")
    return "\n".join(lines) + "\n"
