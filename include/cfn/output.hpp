// cfnpp: Outputs, Conditions and Rules: the small sections of a template.
#pragma once

#include <optional>     // std::optional
#include <string>       // std::string
#include <type_traits>  // std::is_same_v
#include <vector>       // std::vector

#include <cfn/intrinsics.hpp>
#include <cfn/logical_id.hpp>
#include <cfn/resource.hpp>
#include <cfn/value.hpp>

namespace cfn {

/// A named condition: `s.add(cfn::condition{"IsProduction", cfn::equals(env.ref(), "prod")})`.
struct condition {
    logical_id id;
    expr<condition_value> expression;
};

namespace detail {
template <class T>
inline constexpr bool outputtable = accepts<str, T>::value;
}  // namespace detail

/// The Value of an output: a string, literal or computed. CloudFormation refuses a list (an
/// attribute such as Ipv6CidrBlocks, Fn::GetAZs, Fn::Split): join it into one string first.
struct output_value {
    template <class T>
        requires detail::outputtable<T>
    output_value(expr<T> e) noexcept : n(detail::node_of(e)) {}
    template <class E>
    output_value(expr<list<E>> a_list) = delete;  // an output's Value is a string: cfn::join(",", a_list)
    output_value(value<str> literal) noexcept : n(detail::node_of(literal)) {}
    output_value(const char* literal) : n(detail::node_of(value<str>(literal))) {}
    output_value(const std::string& literal) : n(detail::node_of(value<str>(literal))) {}
    node n;
};

struct output_options {
    std::string description;
    /// Export.Name: makes the value available to other stacks' Fn::ImportValue.
    cfn::value<str> export_name;
    condition_ref condition;
};

/// An output: `s.add(cfn::output{"VpcId", vpc.ref(), {.description = "The VPC"}})`.
struct output {
    logical_id id;
    output_value value;
    output_options options = {};
};

/// One assertion of a rule.
struct rule_assertion {
    expr<condition_value> assertion;
    std::string description;
};

/// A rule (the Rules section): checks parameter values before the stack is created or updated.
struct rule {
    logical_id id;
    std::optional<expr<condition_value>> rule_condition;
    std::vector<rule_assertion> assertions;
};

/// The functions only rules may use.
namespace rules {
/// Fn::Contains: is `item` one of `items`?
expr<condition_value> contains(value<list<str>> items, value<str> item);
/// Fn::EachMemberEquals: is every member of `items` equal to `item`?
expr<condition_value> each_member_equals(value<list<str>> items, value<str> item);
/// Fn::EachMemberIn: is every member of `items` in `allowed`?
expr<condition_value> each_member_in(value<list<str>> items, value<list<str>> allowed);
/// Fn::RefAll: the values of all parameters of an AWS-specific type, e.g. "AWS::EC2::VPC::Id".
expr<list<str>> ref_all(std::string_view parameter_type);
/// Fn::ValueOf: an attribute of the resource a parameter names, e.g. (vpc_parameter, "CidrBlock").
expr<str> value_of(const handle_base& parameter, std::string_view attribute);
/// Fn::ValueOfAll: an attribute of every resource named by parameters of an AWS-specific type.
expr<list<str>> value_of_all(std::string_view parameter_type, std::string_view attribute);
}  // namespace rules

}  // namespace cfn
