// cfnpp: what a property's value must satisfy beyond its type, from AWS's resource provider
// schemas (patterns, bounds, lengths, formats, allowed values), and the conditional requirements
// between a struct's properties. Generated field tables point at these; `cfn::check` reads them
// (impl/check/constraints.ipp) on literal values, and skips intrinsic functions, which
// CloudFormation resolves at deploy time.
#pragma once

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint32_t
#include <string_view>  // std::string_view

namespace cfn {

/// The formats of a string that a check understands (the schemas' `format`).
enum class value_format : std::uint8_t {
    none,
    ipv4,       ///< "10.0.0.1"
    ipv6,       ///< "2001:db8::1"
    ipv4_cidr,  ///< "10.0.0.0/16" (the schemas' ipv4-network)
    ipv6_cidr,  ///< "2001:db8::/32"
};

/// A constraint on one property's value. Generated code sets only what the schema states:
/// `{.minimum = -1, .maximum = 65535}`, `{.format = cfn::value_format::ipv4_cidr}`.
struct value_constraint {
    // Not std::numeric_limits: <limits> costs every translation unit more to parse than all of
    // this header (measured on the Docker Swarm stack.cpp; benchmarks/README.md).
    static constexpr double unbounded = __builtin_huge_val();
    static constexpr std::uint32_t no_limit = 0xFFFFFFFFu;

    double minimum = -unbounded;  ///< numbers
    double maximum = unbounded;
    std::uint32_t min_length = 0;  ///< strings, in characters
    std::uint32_t max_length = no_limit;
    std::uint32_t min_items = 0;  ///< lists
    std::uint32_t max_items = no_limit;
    std::string_view pattern = {};  ///< an ECMAScript regular expression the string must contain a match of
    value_format format = value_format::none;
    bool pattern_ignores_case = false;  ///< the schema's pattern began with (?i)
    bool allowed_ignore_case = false;   ///< `allowed` compared case-insensitively (the schemas' enumCaseInsensitive)
    /// The allowed values of a string, when the schema lists them, separated by '|': "gp2|gp3|io1".
    /// One literal rather than an array of string_views, whose constant initialization cost every
    /// translation unit that includes AWS::EC2::Instance (1,212 instance types) 12% of its compile time.
    std::string_view allowed = {};
    const value_constraint* elements = nullptr;  ///< what each element of a list must satisfy
};

// What a literal of a property must satisfy, checked when the program compiles: the part of its
// value_constraint that is cheap to check in a consteval function. One structural type per kind of
// property, a template argument of the property's type (`cfn::checked_optional<cfn::str,
// "AWS::S3::Bucket.BucketName", cfn::string_rule{.max_length = 63}>`), so that a compiler's message
// shows only the bounds that apply to it. The full constraint is still checked by `cfn::check`.

/// A string (or identifier) property's literal: lengths, IP formats, a pattern that is one
/// character class (`^[a-z0-9-]+$`), a pattern in pattern_match.hpp's subset, allowed values.
struct string_rule {
    std::uint32_t min_length = 0;
    std::uint32_t max_length = value_constraint::no_limit;
    value_format format = value_format::none;
    /// The body of the pattern's one character class (ECMAScript: ranges, `\w \d \s` and their
    /// negations, a leading `^`), every character of the literal must be in it; empty: any.
    char characters[40] = {};
    /// The pattern the literal must contain a match of (cfn/pattern_match.hpp), when the generator
    /// finds it in the compile-time subset: a pointer to a named `static constexpr const char*` of
    /// the generated struct, so that the type (and its mangled name) holds a name, not the text.
    const char* const* pattern = nullptr;
    /// The allowed values the schema lists for a string property that the spec types as a plain
    /// string, '|'-separated (`"dedicated|default|host"`), compared as written: a pointer to a named
    /// `static constexpr const char*` of the generated struct, as `pattern`. Kept a string, not an
    /// enum, because such lists grow with AWS (instance types, runtimes): a value newer than the
    /// pinned schemas is written through a run-time string.
    const char* const* allowed = nullptr;
};

/// An Integer property's `int` literal: the schema's bounds (`cfn::integer_rule{0, 900}`). A bound
/// that no `int` can break is left at its default.
struct integer_rule {
    int minimum = -0x7FFFFFFF - 1;
    int maximum = 0x7FFFFFFF;
};

/// A Double property's `int` or `double` literal: the schema's bounds.
struct number_rule {
    double minimum = -value_constraint::unbounded;
    double maximum = value_constraint::unbounded;
};

/// A list property's literal `{a, b, c}` of strings, identifiers, numbers or enumerators, or of
/// property structs and tags whose maxItems is small (`{{.port = 80}, {...}}`): how many items it
/// has (the schema's minItems/maxItems). A minimum of 1 is left out: `{}` is "not set". Other
/// lists of property structs are counted by `cfn::check` only (docs/design.md says why).
struct list_rule {
    std::uint32_t min_items = 0;
    std::uint32_t max_items = value_constraint::no_limit;
};

/// How the properties of a requirement relate.
enum class requirement_kind : std::uint8_t {
    exactly_one,   ///< exactly one of `names` is set (the schemas' requiredXor, oneOf)
    at_least_one,  ///< one or more of `names` is set (anyOf, cfn-lint's requiredOr)
    needs,         ///< when `subject` is set, every one of `names` is set too (dependentRequired)
    excludes,      ///< when `subject` is set, none of `names` is (dependentExcluded)
};

/// A conditional requirement between the properties of one struct. `names` is '|'-separated:
/// {requirement_kind::exactly_one, "", "CidrIp|CidrIpv6|SourceSecurityGroupId"}. For exactly_one
/// and at_least_one, an alternative may be properties that are set together, '+'-separated:
/// {requirement_kind::at_least_one, "", "Size|SnapshotId+Iops"} (a oneOf/anyOf whose alternatives
/// each require several properties).
struct requirement {
    requirement_kind kind;
    std::string_view subject;
    std::string_view names;
};

}  // namespace cfn
