"""Reviewed corrections to the spec (generators/spec-patches.json).

Every patch names what it changes by CloudFormation name and carries a "reason". A patch that no
longer applies (its target is gone, or the spec now says the same thing) is an error, so that a
spec bump cannot silently keep a stale correction.

    {
      "enumerations": [{"property": "AWS::CloudWatch::Alarm.Statistic", "values": [...], "reason": "..."}],
      "relationships": [{"property": "AWS::X::Y.Prop", "drop": ["AWS::A::B.Attr"], "add": [...], "reason": "..."}],
      "equivalences": [{"attribute": "AWS::EC2::SecurityGroup.GroupId", "same_as": "AWS::EC2::SecurityGroup.Id",
                        "reason": "..."}]
    }

A property is "AWS::X::Y.Prop" for a resource property and "AWS::X::Y.Type.Prop" for a property of
the property type Type. An equivalence says that two "Type.Attribute" tokens name the same kind of
value (Ref of a security group and its GroupId attribute; the VpcId attribute of a subnet and Ref
of a VPC): "same_as" is the canonical token that the generated code spells.
"""

import json

from .spec import SpecError

_SECTIONS = {
    "enumerations": ("property", "values"),
    "relationships": ("property",),
    "equivalences": ("attribute", "same_as"),
}


def read(path):
    with open(path, encoding="utf-8") as f:
        patches = json.load(f)
    for section, entries in patches.items():
        if section not in _SECTIONS:
            raise SpecError(f"{path}: unknown section {section!r} (known: {', '.join(_SECTIONS)})")
        for entry in entries:
            for key in _SECTIONS[section] + ("reason",):
                if not entry.get(key):
                    raise SpecError(f"{path}: {section} entry {json.dumps(entry)[:100]} lacks {key!r}")
    return patches


def _find_property(resources, path):
    type_name, _, rest = path.partition(".")
    resource = resources.get(type_name)
    if resource is None or not rest:
        raise SpecError(f"patch target {path}: no such resource type")
    owner, _, prop = rest.rpartition(".")
    properties = resource.properties if not owner else getattr(resource.types.get(owner), "properties", None)
    if properties is None or prop not in properties:
        raise SpecError(f"patch target {path}: no such property")
    return properties[prop]


def _token(text, where):
    type_name, dot, attribute = text.rpartition(".")
    if not dot or len(type_name.split("::")) != 3:
        raise SpecError(f"{where}: {text!r} is not a 'AWS::X::Y.Attribute' token")
    return (type_name, attribute)


def apply(resources, patches):
    """Applies the patches in place; returns the equivalences as {(type, attr): (type, canonical)}."""
    for entry in patches.get("enumerations", ()):
        prop = _find_property(resources, entry["property"])
        target = prop.type.element if prop.type.kind == "array" else prop.type
        if target.kind != "string":
            raise SpecError(f"enumeration patch {entry['property']}: not a string property")
        if target.allowed:
            raise SpecError(f"enumeration patch {entry['property']}: the spec now lists allowed values; "
                            "remove the patch")
        target.allowed = tuple(dict.fromkeys(entry["values"]))

    for entry in patches.get("relationships", ()):
        where = f"relationship patch {entry['property']}"
        prop = _find_property(resources, entry["property"])
        current = set(prop.relationships)
        for text in entry.get("drop", ()):
            token = _token(text, where)
            if token not in current:
                raise SpecError(f"{where}: the spec has no relationship to {text}; remove it from 'drop'")
            current.discard(token)
        for text in entry.get("add", ()):
            token = _token(text, where)
            if token[0] not in resources:
                raise SpecError(f"{where}: {token[0]} is not a resource type")
            current.add(token)
        prop.relationships = sorted(current)

    equivalences = {}
    for entry in patches.get("equivalences", ()):
        where = f"equivalence patch {entry['attribute']}"
        alias, canonical = _token(entry["attribute"], where), _token(entry["same_as"], where)
        for token in (alias, canonical):
            if token[0] not in resources:
                raise SpecError(f"{where}: {token[0]} is not a resource type")
        if canonical in equivalences:
            raise SpecError(f"{where}: {entry['same_as']} is itself an alias; name its canonical token")
        equivalences[alias] = canonical
    return equivalences
