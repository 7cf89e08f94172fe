// cfnpp: template parameters, typed by their CloudFormation parameter type.
//
// `cfn::parameter<cfn::aws_ec2_keypair_keyname>{"KeyPairName", {.description = "SSH key"}}`:
// the tag names the CloudFormation type, and `Ref` of the parameter has the matching value type,
// so a `List<AWS::EC2::Subnet::Id>` parameter cannot go where one subnet id belongs.
#pragma once

#include <initializer_list>  // std::initializer_list
#include <optional>          // std::optional
#include <string>            // std::string
#include <string_view>       // std::string_view
#include <vector>            // std::vector

#include <cfn/logical_id.hpp>
#include <cfn/resource.hpp>
#include <cfn/value.hpp>
#include <cfn/vocabulary.hpp>

namespace cfn {

// Parameter types. `cfn::str`, `cfn::number`, `cfn::list<cfn::number>` and `cfn::list<cfn::str>`
// are String, Number, List<Number> and CommaDelimitedList; one tag per AWS-specific type follows,
// from the list in cfn/vocabulary.hpp (`cfn::aws_ec2_vpc_id` is AWS::EC2::VPC::Id).

#define CFN_AWS_PARAMETER_TYPE(tag, cfn_name, value)                 \
    struct tag {                                                     \
        static constexpr std::string_view parameter_type = cfn_name; \
        using value_type = value;                                    \
    };
CFN_AWS_PARAMETER_TYPES(CFN_AWS_PARAMETER_TYPE)
#undef CFN_AWS_PARAMETER_TYPE

/// AWS::SSM::Parameter::Value<T>: the parameter holds the name of a Systems Manager parameter, and
/// Ref gives that parameter's value, of type T (`cfn::ssm_value<cfn::aws_ec2_image_id>`).
template <class T>
struct ssm_value {};

namespace detail {

/// The CloudFormation name and the Ref type of a parameter type tag.
template <class P>
struct parameter_traits {
    static std::string type_name() { return std::string(P::parameter_type); }
    using value_type = typename P::value_type;
};
#define CFN_BASIC_PARAMETER_TYPE(type, cfn_name)                  \
    template <>                                                   \
    struct parameter_traits<type> {                               \
        static std::string type_name() { return cfn_name; }       \
        using value_type = type;                                  \
    };
CFN_BASIC_PARAMETER_TYPES(CFN_BASIC_PARAMETER_TYPE)
#undef CFN_BASIC_PARAMETER_TYPE
template <class P>
struct parameter_traits<list<P>> {
    static std::string type_name() { return "List<" + std::string(P::parameter_type) + ">"; }
    using value_type = list<typename P::value_type>;
};
template <class P>
struct parameter_traits<ssm_value<P>> {
    static std::string type_name() { return "AWS::SSM::Parameter::Value<" + parameter_traits<P>::type_name() + ">"; }
    using value_type = typename parameter_traits<P>::value_type;
};

}  // namespace detail

/// A literal in a parameter's Default or AllowedValues: a string, a number, or (for list types)
/// a list of them.
struct literal {
    literal(const char* text);
    literal(std::string_view text);
    literal(const std::string& text);
    template <std::integral I>
        requires(!std::is_same_v<I, bool>)
    literal(I number) : literal(static_cast<long long>(number), 0) {}
    template <std::floating_point F>
    literal(F number) : literal(static_cast<double>(number), 0) {}
    literal(std::initializer_list<literal> items);
    node n;

private:
    literal(long long number, int);
    literal(double number, int);
};

/// Everything a parameter can say besides its type. A Default that violates the parameter's own
/// constraints is reported when the stack is checked.
struct parameter_options {
    std::string description;
    std::optional<literal> default_value;
    std::vector<literal> allowed_values;
    std::string allowed_pattern;
    std::optional<long long> min_length;
    std::optional<long long> max_length;
    std::optional<double> min_value;
    std::optional<double> max_value;
    bool no_echo = false;
    std::string constraint_description;
};

/// A parameter to add to a stack: `s.add(cfn::parameter<cfn::str>{"Env", {.default_value = "dev"}})`.
template <class P>
struct parameter {
    using type = P;
    logical_id id;
    parameter_options options = {};
};

/// What `stack::add` returns for a parameter: `.ref()` has the parameter's value type.
template <class P>
class parameter_handle : public handle_base {
public:
    using handle_base::handle_base;
    expr<typename detail::parameter_traits<P>::value_type> ref() const { return {detail::from_node, ref_node()}; }
};

}  // namespace cfn
