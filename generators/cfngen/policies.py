"""The CreationPolicy and UpdatePolicy resource attributes and the tag type, from
generators/policies.json: one description from which include/cfn/policies.hpp (render.policies)
and the "policies" entry of tools/cfn2cpp/catalog.json (catalog.policies_entry) are written.

A type named "CreationPolicy.ResourceSignal" is the struct cfn::policy::resource_signal; a type
without a dot ("CreationPolicy", "Tag") is declared in namespace cfn.
"""

import json
from pathlib import Path

from . import naming
from .spec import SpecError
from .types import Member, Struct, ValueType

PATH = Path(__file__).resolve().parent.parent / "policies.json"
_SCALARS = {"integer", "str", "boolean"}


def ident(cfn_name):
    return naming.snake(cfn_name.rsplit(".", 1)[-1])


def is_nested(struct):
    return "." in struct.cfn_name


def load(path=PATH):
    """The structs of the file, in its order (each after the types it uses)."""
    try:
        types = json.loads(Path(path).read_text(encoding="utf-8"))["types"]
    except (OSError, ValueError, KeyError) as e:
        raise SpecError(f"{path}: {e}") from e
    structs = []
    for cfn_name, body in types.items():
        members = []
        for name, prop in body["properties"].items():
            spelled = prop["type"]
            if spelled in _SCALARS:
                value = ValueType(spelled)
            elif spelled == "list<str>":
                value = ValueType.list_of(ValueType("str"))
            elif spelled in types and spelled in {s.cfn_name for s in structs}:
                value = ValueType("struct", owner="policy", name=ident(spelled), cfn_name=spelled.rsplit(".", 1)[-1])
            else:
                raise SpecError(f"{path}: {cfn_name}.{name}: unknown type '{spelled}' (or not defined above)")
            members.append(Member(cfn_name=name, path=f"{cfn_name}.{name}", ident=naming.snake(name),
                                  doc=prop.get("doc", ""), required=prop.get("required", False),
                                  deprecated=False, value=value))
        structs.append(Struct(cfn_name, ident(cfn_name), body.get("doc", ""), "", members))
    return structs
