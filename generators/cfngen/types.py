"""The C++ shape of each resource: names, member types, enums, typed references, struct order.

This is where the spec's type grammar meets the core's value model (include/cfn/types.hpp):

    string, date-time -> cfn::str          array<E> -> cfn::list<E>
    integer -> cfn::integer                map<E>   -> cfn::map<E>
    number -> cfn::number                  ref      -> the nested property struct
    boolean -> cfn::boolean                union    -> cfn::json (see docs/generated-code.md)
    json -> cfn::json                      tag      -> cfn::tag
    string with relationships   -> cfn::id<"AWS::EC2::VPC.VpcId", ...>
    string with allowed values  -> cfn::enumeration<resource::the_enum>
"""

from dataclasses import dataclass, field

from . import naming, text

SAM_DOCS = "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide"
CFN_DOCS = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide"

# The spec's scalar types, and the core's tag for each (include/cfn/types.hpp).
_SCALAR = {
    "string": "str",
    "date-time": "str",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "json": "json",
    "tag": "tag",
}


@dataclass(frozen=True)
class ValueType:
    """A CloudFormation value type as the core's tags name it; rendered as C++ by render.py and in
    the catalog's notation by catalog.py.

    kind is a scalar tag ("str", "integer", "number", "boolean", "json", "tag"), "id" (a string
    that identifies one of `tokens`), "enum" or "struct" (`name`, declared in the resource struct
    `owner`; a struct also has the property type's CloudFormation name), "list" or "map" (of
    `element`).
    """
    kind: str
    element: "ValueType | None" = None
    tokens: tuple = ()  # id: ("AWS::EC2::VPC.VpcId", ...)
    owner: str = ""  # enum, struct: the resource struct's identifier, "subnet"
    name: str = ""  # enum, struct: the identifier inside it, "private_dns_name_options_on_launch"
    cfn_name: str = ""  # struct: "PrivateDnsNameOptionsOnLaunch"

    @staticmethod
    def list_of(element):
        return ValueType("list", element)

    @staticmethod
    def map_of(element):
        return ValueType("map", element)


STR = ValueType("str")
JSON = ValueType("json")


@dataclass
class Member:
    cfn_name: str  # "VpcId"
    path: str  # "AWS::EC2::Subnet.VpcId"
    ident: str  # "vpc_id"
    doc: str
    required: bool
    deprecated: bool
    value: ValueType  # the T of cfn::optional<T, ...>, or the struct of a struct member
    enum: "Enum | None" = None
    replacement: str = ""  # causesReplacement: "yes", "maybe" or ""
    constraint: object = None  # constraints.Constraint from the provider schemas, or None

    @property
    def inline(self):
        """A property type stored inline as its generated struct (not wrapped in optional<>)."""
        return self.value.kind == "struct"


@dataclass
class Struct:
    cfn_name: str  # "AWS::EC2::Subnet" or "AWS::EC2::Subnet.PrivateDnsNameOptionsOnLaunch"
    ident: str
    doc: str
    url: str
    members: list
    is_properties: bool = False
    requirements: list = field(default_factory=list)  # constraints.Requirement

    @property
    def has_deprecated(self):
        return any(m.deprecated for m in self.members)


@dataclass
class Enum:
    ident: str
    path: str  # the property it belongs to
    values: list  # [(enumerator, CloudFormation value)]


@dataclass
class Attribute:
    cfn_name: str
    ident: str  # attr_...
    value: ValueType
    doc: str


@dataclass
class ResourceModel:
    resource: object
    ident: str
    namespace: list  # ["aws", "ec2"]
    header: str  # "cfn/aws/ec2/subnet.hpp"
    doc: str
    url: str
    ref_type: ValueType
    ref_doc: str
    enums: list = field(default_factory=list)
    structs: list = field(default_factory=list)  # nested property types, each after what it uses
    properties: Struct | None = None
    attributes: list = field(default_factory=list)


def id_type(tokens):
    return ValueType("id", tokens=tuple(f"{t}.{a}" for t, a in tokens))


class Relationships:
    """Typed references: which "Type.Attribute" tokens properties accept, and canonical names."""

    def __init__(self, resources, equivalences):
        self.types = set(resources)
        self.equivalences = equivalences
        self.targets = set()
        for resource in resources.values():
            for props in [resource.properties] + [t.properties for t in resource.types.values()]:
                for prop in props.values():
                    self.targets.update(self.accepted(prop.relationships))

    def canonical(self, token):
        return self.equivalences.get(token, token)

    def accepted(self, relationships):
        """Sorted canonical tokens of the resource types that exist."""
        return sorted({self.canonical(t) for t in relationships if t[0] in self.types})

    def produced(self, cfn_type, attribute):
        """What Ref / GetAtt of `cfn_type` / `attribute` is: an id when something accepts it."""
        token = self.canonical((cfn_type, attribute))
        return id_type([token]) if token in self.targets else STR


def _ref_edges(t):
    """Property type names that a type stores inline or as list/map elements (not via unions)."""
    if t.kind == "ref":
        return [t.ref]
    if t.kind in ("array", "map"):
        return _ref_edges(t.element)
    return []


def _string_of(t):
    """The string type a property's enumeration or relationship applies to, if any."""
    if t.kind == "string":
        return t
    if t.kind in ("array", "map") and t.element.kind == "string":
        return t.element
    return None


def _order_types(resource):
    """Property types in definition order (each after the types it uses), and the back edges.

    A property whose type leads back to a struct still being defined (WAFv2's Statement contains
    NotStatement, which contains Statement) cannot be stored inline: it becomes cfn::json, which
    takes the generated struct. Returns (names in order, {(type name or None, property name)}).
    """
    order, done, active, broken = [], set(), [], set()

    def visit(name):
        active.append(name)
        for prop in resource.types[name].properties.values():
            for target in _ref_edges(prop.type):
                if target in active:
                    broken.add((name, prop.name))
                elif target not in done:
                    visit(target)
        active.pop()
        done.add(name)
        order.append(name)

    for prop in resource.properties.values():
        for target in _ref_edges(prop.type):
            if target not in done:
                visit(target)
    for name in resource.types:  # reachable only through unions
        if name not in done:
            visit(name)
    return order, broken


def docs_url(resource, type_name=None):
    service, name = resource.service.lower(), resource.name.lower()
    if resource.transform:
        return f"{SAM_DOCS}/sam-resource-{name}.html" if type_name is None else ""
    if type_name is None:
        return f"{CFN_DOCS}/aws-resource-{service}-{name}.html"
    return f"{CFN_DOCS}/aws-properties-{service}-{name}-{type_name.lower()}.html"


def build(resource, ident, relationships):
    """The ResourceModel of one resource; `ident` is its struct name within its namespace."""
    namespace = [naming.namespace(resource.prefix), naming.namespace(resource.service)]
    order, broken = _order_types(resource)
    type_idents = naming.unique(
        [(name, naming.snake(name)) for name in sorted(resource.types)],
        taken=naming.RESOURCE_SCOPE | {ident},
    )

    # Enumerations: resource properties first, then those of property types in definition order.
    wanted = []
    for owner, props in [(None, resource.properties)] + [(n, resource.types[n].properties) for n in order]:
        for prop in props.values():
            string = _string_of(prop.type)
            if string is not None and string.allowed and not relationships.accepted(prop.relationships):
                base = naming.snake(prop.name)
                if owner is not None:
                    base = f"{type_idents[owner].rstrip('_')}_{base}"
                wanted.append(((owner, prop.name), base))
    enum_idents, taken = {}, set(naming.RESOURCE_SCOPE) | {ident} | set(type_idents.values())
    for key, base in wanted:
        name = base + "_" if naming.is_unsafe(base) else base
        if name in taken:
            name = f"{base}_value"
        final, n = name, 2
        while final in taken:
            final, n = f"{name.rstrip('_')}_{n}", n + 1
        taken.add(final)
        enum_idents[key] = final

    model = ResourceModel(
        resource=resource,
        ident=ident,
        namespace=namespace,
        header="cfn/" + "/".join(namespace) + f"/{ident}.hpp",
        doc=text.first_sentence(resource.doc),
        url=docs_url(resource),
        ref_type=relationships.produced(resource.cfn_type, resource.ref_identifier)
        if resource.ref_identifier else STR,
        ref_doc=f"Ref returns the {resource.ref_identifier}." if resource.ref_identifier
        else "Ref returns a string (the spec names no single identifier).",
    )
    enums_by_key = {}

    def value_type(t, rels, owner, prop_name):
        if t.kind == "string" and rels:
            return id_type(rels)
        if t.kind == "string" and (owner, prop_name) in enum_idents and t.allowed:
            return ValueType("enum", owner=ident, name=enum_idents[(owner, prop_name)])
        if t.kind in _SCALAR:
            return ValueType(_SCALAR[t.kind])
        if t.kind == "array":
            return ValueType.list_of(value_type(t.element, rels, owner, prop_name))
        if t.kind == "map":
            return ValueType.map_of(value_type(t.element, (), owner, prop_name))
        if t.kind == "ref":
            if (owner, prop_name) in broken:
                return JSON
            return ValueType("struct", owner=ident, name=type_idents[t.ref], cfn_name=t.ref)
        return JSON  # union

    def members(owner, props, struct_ident):
        idents = naming.unique([(p, naming.snake(p)) for p in props],
                               taken=naming.STRUCT_SCOPE | {struct_ident, ident})
        result = []
        prefix = resource.cfn_type if owner is None else f"{resource.cfn_type}.{owner}"
        for name, prop in props.items():
            rels = relationships.accepted(prop.relationships) if _string_of(prop.type) else []
            if prop.type.kind == "map":
                rels = []
            enum = None
            if (owner, name) in enum_idents:
                string = _string_of(prop.type)
                values = naming.unique([(v, naming.enumerator(v)) for v in string.allowed])
                enum = Enum(enum_idents[(owner, name)], f"{prefix}.{name}", [(values[v], v) for v in string.allowed])
                enums_by_key[(owner, name)] = enum
            result.append(Member(
                cfn_name=name,
                path=f"{prefix}.{name}",
                ident=idents[name],
                doc=("Deprecated by AWS. " if prop.deprecated else "")
                + text.member_doc(prop.doc, prop.required, prop.replacement),
                required=prop.required,
                deprecated=prop.deprecated,
                value=value_type(prop.type, rels, owner, name),
                enum=enum,
                replacement=prop.replacement,
            ))
        return result

    model.properties = Struct(resource.cfn_type, "properties", "", "",
                              members(None, resource.properties, "properties"), is_properties=True)
    for name in order:
        pt = resource.types[name]
        model.structs.append(Struct(
            cfn_name=f"{resource.cfn_type}.{name}",
            ident=type_idents[name],
            doc=text.first_sentence(pt.doc),
            url=docs_url(resource, name),
            members=members(name, pt.properties, type_idents[name]),
        ))
    model.enums = [enums_by_key[key] for key, _ in wanted]

    attr_idents = naming.unique([(a, "attr_" + naming.snake(a)) for a in resource.attributes])
    for name, attribute in resource.attributes.items():
        t = attribute.type
        if t.kind == "string":
            value = relationships.produced(resource.cfn_type, name)
        elif t.kind in ("array", "map") and t.element.kind in _SCALAR:
            value = ValueType("list" if t.kind == "array" else "map", ValueType(_SCALAR[t.element.kind]))
        else:
            value = ValueType(_SCALAR.get(t.kind, "json"))  # objects and unions
        model.attributes.append(Attribute(name, attr_idents[name], value, text.first_sentence(attribute.doc)))
    return model


def build_all(resources, relationships):
    """ResourceModels of all resources, with struct names unique within each namespace."""
    by_namespace = {}
    for resource in resources.values():
        key = (resource.prefix, resource.service)
        by_namespace.setdefault(key, []).append(resource)
    models = []
    for key in sorted(by_namespace):
        group = sorted(by_namespace[key], key=lambda r: r.cfn_type)
        idents = naming.unique([(r.cfn_type, naming.snake(r.name)) for r in group],
                               taken=naming.RESOURCE_SCOPE | {"cfn_name"})
        models.extend(build(r, idents[r.cfn_type], relationships) for r in group)
    return models
