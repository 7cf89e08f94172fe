"""C++ names for CloudFormation names. The rules are documented in docs/generated-code.md."""

import re

CPP_KEYWORDS = frozenset("""
    alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t
    char32_t class compl concept const consteval constexpr constinit const_cast continue co_await
    co_return co_yield decltype default delete do double dynamic_cast else enum explicit export
    extern false float for friend goto if inline int long mutable namespace new noexcept not not_eq
    nullptr operator or or_eq private protected public register reinterpret_cast requires return
    short signed sizeof static static_assert static_cast struct switch template this thread_local
    throw true try typedef typeid typename union unsigned using virtual void volatile wchar_t while
    xor xor_eq
""".split())

# Macros that common headers define and that spec names could spell: the C and C++ standard
# library, glibc and g++'s GNU mode (`linux`, `unix`), and the worst of <windows.h>.
MACROS = frozenset("""
    NULL EOF BUFSIZ errno assert offsetof setjmp stdin stdout stderr EXIT_SUCCESS EXIT_FAILURE
    RAND_MAX CHAR_BIT linux unix i386 major minor DOMAIN OVERFLOW UNDERFLOW
    min max DELETE ERROR IN OUT OPTIONAL TRUE FALSE CONST VOID interface near far small
""".split())

# Names the generated resource struct itself declares (types, functions, data members), and the
# names every generated property struct declares.
RESOURCE_SCOPE = frozenset("ref_type properties handle id props options cfn_resource".split())
STRUCT_SCOPE = frozenset("cfn_struct cfn_intrinsic self".split())

# Words that CloudFormation spells in mixed case but that are one word (IPv6, not i_pv6).
_WORDS = r"[A-Z]+v\d+(?![a-z])|FSx|IoT|DDoS|OAuth\d*|OTel|[KMGTP]iB"
_TOKEN = re.compile(_WORDS + r"|[A-Z]+\d*(?![a-z])|[A-Z]?[a-z]+\d*|\d+")


def snake(name):
    """VPCZoneIdentifier -> vpc_zone_identifier, Ipv6CidrBlock -> ipv6_cidr_block,
    EC2InboundPermissions -> ec2_inbound_permissions, Endpoint.Address -> endpoint_address."""
    words = []
    for part in re.split(r"[^A-Za-z0-9]+", name):
        tokens = _TOKEN.findall(part)
        assert "".join(tokens) == part, f"cannot split {name!r}"
        words.extend(tokens)
    return "_".join(w.lower() for w in words if w)


def catalog_rules():
    """The rules cfn2cpp must spell names by, as tools/cfn2cpp/catalog.json carries them: the word
    pattern (an ECMAScript regex too, which std::regex reads) and the identifiers to avoid."""
    return {"token": _TOKEN.pattern, "reserved": sorted(CPP_KEYWORDS | MACROS)}


def is_unsafe(identifier):
    return identifier in CPP_KEYWORDS or identifier in MACROS


def unique(candidates, taken=()):
    """Resolves collisions deterministically.

    `candidates` is a list of (key, wanted identifier) in the order that decides who wins. A
    keyword, a macro or a name in `taken` gets a trailing underscore; the first holder of a name
    keeps it and later ones get `_2`, `_3`, ... Returns {key: identifier}.
    """
    used = set(taken)
    result = {}
    for key, wanted in candidates:
        name = wanted + "_" if is_unsafe(wanted) or wanted in taken else wanted
        final, n = name, 2
        while final in used:
            final, n = f"{name.rstrip('_')}_{n}", n + 1
        used.add(final)
        result[key] = final
    return result


def enumerator(value):
    """An enumerator spelling the value as AWS does where C++ allows: "t2.micro" -> t2_micro,
    "2xlarge" -> _2xlarge, "" -> empty_."""
    name = re.sub(r"[^A-Za-z0-9_]+", "_", value)
    name = re.sub(r"__+", "_", name).strip("_")  # no reserved double underscores or _Upper
    if not name:
        return "empty_" if value == "" else "value_"
    if name[0].isdigit():
        name = "_" + name
    return name


def namespace(part):
    """Service namespace: "ElasticLoadBalancingV2" -> elasticloadbalancingv2."""
    name = re.sub(r"[^a-z0-9]", "", part.lower())
    return name + "_" if is_unsafe(name) else name
