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

namespace cfn {

// Parameter types. `cfn::str`, `cfn::number`, `cfn::list<cfn::number>` and `cfn::list<cfn::str>`
// are String, Number, List<Number> and CommaDelimitedList; the AWS-specific types follow.

#define CFN_AWS_PARAMETER_TYPE(tag, cfn_name, value)               \
    struct tag {                                                  \
        static constexpr std::string_view parameter_type = cfn_name; \
        using value_type = value;                                 \
    }

/// AWS::EC2::AvailabilityZone::Name
CFN_AWS_PARAMETER_TYPE(aws_ec2_availabilityzone_name, "AWS::EC2::AvailabilityZone::Name", str);
/// AWS::EC2::Image::Id
CFN_AWS_PARAMETER_TYPE(aws_ec2_image_id, "AWS::EC2::Image::Id", str);
/// AWS::EC2::Instance::Id
CFN_AWS_PARAMETER_TYPE(aws_ec2_instance_id, "AWS::EC2::Instance::Id", id<"AWS::EC2::Instance.InstanceId">);
/// AWS::EC2::KeyPair::KeyName
CFN_AWS_PARAMETER_TYPE(aws_ec2_keypair_keyname, "AWS::EC2::KeyPair::KeyName", id<"AWS::EC2::KeyPair.KeyName">);
/// AWS::EC2::SecurityGroup::GroupName
CFN_AWS_PARAMETER_TYPE(aws_ec2_securitygroup_groupname, "AWS::EC2::SecurityGroup::GroupName", str);
/// AWS::EC2::SecurityGroup::Id
CFN_AWS_PARAMETER_TYPE(aws_ec2_securitygroup_id, "AWS::EC2::SecurityGroup::Id", id<"AWS::EC2::SecurityGroup.Id">);
/// AWS::EC2::Subnet::Id
CFN_AWS_PARAMETER_TYPE(aws_ec2_subnet_id, "AWS::EC2::Subnet::Id", id<"AWS::EC2::Subnet.SubnetId">);
/// AWS::EC2::Volume::Id
CFN_AWS_PARAMETER_TYPE(aws_ec2_volume_id, "AWS::EC2::Volume::Id", id<"AWS::EC2::Volume.VolumeId">);
/// AWS::EC2::VPC::Id
CFN_AWS_PARAMETER_TYPE(aws_ec2_vpc_id, "AWS::EC2::VPC::Id", id<"AWS::EC2::VPC.VpcId">);
/// AWS::Route53::HostedZone::Id
CFN_AWS_PARAMETER_TYPE(aws_route53_hostedzone_id, "AWS::Route53::HostedZone::Id", id<"AWS::Route53::HostedZone.Id">);
/// AWS::SSM::Parameter::Name: the name of a Systems Manager parameter.
CFN_AWS_PARAMETER_TYPE(aws_ssm_parameter_name, "AWS::SSM::Parameter::Name", str);

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
template <>
struct parameter_traits<str> {
    static std::string type_name() { return "String"; }
    using value_type = str;
};
template <>
struct parameter_traits<number> {
    static std::string type_name() { return "Number"; }
    using value_type = number;
};
template <>
struct parameter_traits<list<number>> {
    static std::string type_name() { return "List<Number>"; }
    using value_type = list<number>;
};
template <>
struct parameter_traits<list<str>> {
    static std::string type_name() { return "CommaDelimitedList"; }
    using value_type = list<str>;
};
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
