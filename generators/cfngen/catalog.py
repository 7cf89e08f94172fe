"""tools/cfn2cpp/catalog.json: what cfn2cpp needs to know about the generated headers.

cfn2cpp (tools/cfn2cpp/) turns an existing template into C++ that uses the generated structs, so
it must know, per resource type, the names and types the headers declare. It reads them from this
file, derived from the same ResourceModels the headers are rendered from, so that the two cannot
disagree. The format is compact JSON, one resource type per line:

    {"format": 1, "spec": "...", "resources": {
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
A property is [CloudFormation name, member, type, 1 if required else 0].
"""

import json

PATH = "tools/cfn2cpp/catalog.json"


def _type(member, model, struct_names):
    """The catalog spelling of a member's C++ value type."""
    text = member.value_type
    prefix = model.ident + "::"
    # Property types and enums are the only names qualified by the resource struct.
    for ident, name in struct_names.items():
        text = text.replace(prefix + ident + ">", f"struct<{name}>>")
        if text == prefix + ident:
            text = f"struct<{name}>"
    text = text.replace("cfn::enumeration<" + prefix, "enum<")
    return text.replace("cfn::", "").replace('"', "").replace(", ", ",")


def _resource(model):
    struct_names = {s.ident: s.cfn_name.split(".", 1)[1] for s in model.structs}

    def members(struct):
        return [[m.cfn_name, m.ident, _type(m, model, struct_names), 1 if m.required else 0]
                for m in struct.members]

    return {
        "cpp": "cfn::" + "::".join(model.namespace) + "::" + model.ident,
        "header": model.header,
        "ref": model.ref_type.replace("cfn::", "").replace('"', ""),
        "attributes": {a.cfn_name: [a.ident, a.value_type.replace("cfn::", "").replace('"', "")]
                       for a in model.attributes},
        "properties": members(model.properties),
        "types": {struct_names[s.ident]: [s.ident, members(s)] for s in model.structs},
        "enums": {e.ident: [[value, enumerator] for enumerator, value in e.values] for e in model.enums},
    }


def render(models, provenance):
    """The text of the catalog: deterministic, one resource type per line."""
    lines = [json.dumps({"format": 1, "spec": provenance[0]})[:-1] + ', "resources": {']
    entries = sorted((m.resource.cfn_type, _resource(m)) for m in models)
    for i, (cfn_type, entry) in enumerate(entries):
        comma = "," if i + 1 < len(entries) else ""
        lines.append(json.dumps(cfn_type) + ": " + json.dumps(entry, separators=(",", ":")) + comma)
    lines.append("}}")
    return "\n".join(lines) + "\n"
