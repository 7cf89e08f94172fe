// cfnpp: CloudFormation's own vocabulary, defined once for the core and for cfn2cpp.
//
// The names a template may use (pseudo parameters, intrinsic functions and their YAML short tags,
// sections, resource attributes, deletion policies, parameter types) and the syntax of logical IDs
// and Fn::Sub placeholders. The core emits and checks with these tables; tools/cfn2cpp reads
// templates with the same ones, so that the two cannot disagree about what a template may say.
//
// Cheap to include on purpose (every stack includes it): constexpr arrays of string_view, no
// containers.
#pragma once

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <string_view>  // std::string_view

namespace cfn::vocabulary {

// Pseudo parameters. -----------------------------------------------------------------------------

struct pseudo_parameter {
    std::string_view name;  ///< "AWS::Region"
    std::string_view cpp;   ///< "cfn::aws::region": the constant cfn/expr.hpp declares
    bool is_list;           ///< Ref gives a list of strings (AWS::NotificationARNs), else a string
};

/// Index of each pseudo parameter in `pseudo_parameters` (the core's reserved nodes, cfn/node.hpp,
/// are created in this order).
enum pseudo_index : std::size_t { no_value, account_id, notification_arns, partition, region, stack_id, stack_name, url_suffix };

inline constexpr pseudo_parameter pseudo_parameters[] = {
    {"AWS::NoValue", "cfn::no_value", false},
    {"AWS::AccountId", "cfn::aws::account_id", false},
    {"AWS::NotificationARNs", "cfn::aws::notification_arns", true},
    {"AWS::Partition", "cfn::aws::partition", false},
    {"AWS::Region", "cfn::aws::region", false},
    {"AWS::StackId", "cfn::aws::stack_id", false},
    {"AWS::StackName", "cfn::aws::stack_name", false},
    {"AWS::URLSuffix", "cfn::aws::url_suffix", false},
};

/// The pseudo parameter named `name`, or nullptr.
constexpr const pseudo_parameter* find_pseudo_parameter(std::string_view name) noexcept {
    for (const pseudo_parameter& p : pseudo_parameters)
        if (p.name == name) return &p;
    return nullptr;
}

// Intrinsic functions. ---------------------------------------------------------------------------

/// What a function gives, and where it may appear.
enum class function_role : std::uint8_t {
    value,           ///< a value (Ref, Fn::Join, ...)
    condition,       ///< a condition (in Conditions, Fn::If's first argument, rules)
    rule_value,      ///< a value, in a rule's assertions only (Fn::ValueOf, ...)
    rule_condition,  ///< a condition, in a rule's assertions only (Fn::Contains, ...)
    unsupported,     ///< CloudFormation has it, cfnpp has no typed form (Fn::ForEach, ...)
};

struct intrinsic_function {
    std::string_view name;       ///< "Fn::Join", "Ref", "Condition"
    std::string_view short_tag;  ///< the YAML short form without its "!": "Join"; empty when none
    function_role role;
    /// When the argument is a list: how many items it takes (0, 0: not a list, or no fixed form).
    std::uint8_t min_arguments, max_arguments;
};

inline constexpr intrinsic_function intrinsic_functions[] = {
    {"Ref", "Ref", function_role::value, 0, 0},
    {"Condition", "Condition", function_role::condition, 0, 0},
    {"Fn::And", "And", function_role::condition, 2, 10},
    {"Fn::Base64", "Base64", function_role::value, 0, 0},
    {"Fn::Cidr", "Cidr", function_role::value, 3, 3},
    {"Fn::Contains", "Contains", function_role::rule_condition, 2, 2},
    {"Fn::EachMemberEquals", "EachMemberEquals", function_role::rule_condition, 2, 2},
    {"Fn::EachMemberIn", "EachMemberIn", function_role::rule_condition, 2, 2},
    {"Fn::Equals", "Equals", function_role::condition, 2, 2},
    {"Fn::FindInMap", "FindInMap", function_role::value, 3, 3},
    {"Fn::ForEach", "", function_role::unsupported, 0, 0},
    {"Fn::GetAZs", "GetAZs", function_role::value, 0, 0},
    {"Fn::GetAtt", "GetAtt", function_role::value, 2, 2},
    {"Fn::If", "If", function_role::value, 3, 3},
    {"Fn::ImportValue", "ImportValue", function_role::value, 0, 0},
    {"Fn::Join", "Join", function_role::value, 2, 2},
    {"Fn::Length", "Length", function_role::unsupported, 0, 0},
    {"Fn::Not", "Not", function_role::condition, 1, 1},
    {"Fn::Or", "Or", function_role::condition, 2, 10},
    {"Fn::RefAll", "RefAll", function_role::rule_value, 0, 0},
    {"Fn::Select", "Select", function_role::value, 2, 2},
    {"Fn::Split", "Split", function_role::value, 2, 2},
    {"Fn::Sub", "Sub", function_role::value, 2, 2},  // or a string alone
    {"Fn::ToJsonString", "ToJsonString", function_role::unsupported, 0, 0},
    {"Fn::Transform", "Transform", function_role::unsupported, 0, 0},
    {"Fn::ValueOf", "ValueOf", function_role::rule_value, 2, 2},
    {"Fn::ValueOfAll", "ValueOfAll", function_role::rule_value, 2, 2},
};

/// The function named `name` ("Fn::Join"), or nullptr.
constexpr const intrinsic_function* find_function(std::string_view name) noexcept {
    for (const intrinsic_function& f : intrinsic_functions)
        if (f.name == name) return &f;
    return nullptr;
}

/// The function whose YAML short form is `tag` ("!Join" or "Join"), or nullptr.
constexpr const intrinsic_function* find_short_tag(std::string_view tag) noexcept {
    if (!tag.empty() && tag[0] == '!') tag.remove_prefix(1);
    if (tag.empty()) return nullptr;
    for (const intrinsic_function& f : intrinsic_functions)
        if (f.short_tag == tag) return &f;
    return nullptr;
}

// The template's structure. ----------------------------------------------------------------------

/// The top-level sections of a template.
inline constexpr std::string_view sections[] = {
    "AWSTemplateFormatVersion", "Description", "Metadata", "Transform", "Parameters",
    "Rules", "Mappings", "Conditions", "Resources", "Outputs",
};

/// The only AWSTemplateFormatVersion there is.
inline constexpr std::string_view format_version = "2010-09-09";

/// What a resource's entry may hold besides Type and Properties. `Version` is a legacy attribute
/// of custom resources (AWS's samples write "1.0"); CloudFormation accepts it.
inline constexpr std::string_view resource_attributes[] = {
    "Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy",
    "CreationPolicy", "UpdatePolicy", "Metadata", "Version",
};

/// DeletionPolicy and UpdateReplacePolicy values, in the order of cfn::deletion (cfn/resource.hpp)
/// after its `unset`: `deletion_policies[int(policy) - 1]`.
struct deletion_policy {
    std::string_view name;        ///< "RetainExceptOnCreate"
    std::string_view enumerator;  ///< "retain_except_on_create": cfn::deletion's enumerator
};
inline constexpr deletion_policy deletion_policies[] = {
    {"Delete", "delete_"},
    {"Retain", "retain"},
    {"RetainExceptOnCreate", "retain_except_on_create"},
    {"Snapshot", "snapshot"},
};

template <std::size_t N>
constexpr bool contains(const std::string_view (&names)[N], std::string_view name) noexcept {
    for (std::string_view n : names)
        if (n == name) return true;
    return false;
}

// Parameter types. -------------------------------------------------------------------------------

/// The parameter types cfnpp types, as X(tag, CloudFormation name, Ref's value type): cfn/parameter.hpp
/// declares a tag struct `cfn::<tag>` for each AWS one; cfn2cpp spells the same tags. The value
/// type is written in the core's names (cfn/types.hpp). `List<T>` and `AWS::SSM::Parameter::Value<T>`
/// of these are types too.
#define CFN_AWS_PARAMETER_TYPES(X)                                                                  \
    X(aws_ec2_availabilityzone_name, "AWS::EC2::AvailabilityZone::Name", str)                       \
    X(aws_ec2_image_id, "AWS::EC2::Image::Id", str)                                                 \
    X(aws_ec2_instance_id, "AWS::EC2::Instance::Id", id<"AWS::EC2::Instance.InstanceId">)           \
    X(aws_ec2_keypair_keyname, "AWS::EC2::KeyPair::KeyName", id<"AWS::EC2::KeyPair.KeyName">)       \
    X(aws_ec2_securitygroup_groupname, "AWS::EC2::SecurityGroup::GroupName", str)                   \
    X(aws_ec2_securitygroup_id, "AWS::EC2::SecurityGroup::Id", id<"AWS::EC2::SecurityGroup.Id">)    \
    X(aws_ec2_subnet_id, "AWS::EC2::Subnet::Id", id<"AWS::EC2::Subnet.SubnetId">)                   \
    X(aws_ec2_volume_id, "AWS::EC2::Volume::Id", id<"AWS::EC2::Volume.VolumeId">)                   \
    X(aws_ec2_vpc_id, "AWS::EC2::VPC::Id", id<"AWS::EC2::VPC.VpcId">)                               \
    X(aws_route53_hostedzone_id, "AWS::Route53::HostedZone::Id", id<"AWS::Route53::HostedZone.Id">) \
    X(aws_ssm_parameter_name, "AWS::SSM::Parameter::Name", str)

/// The basic parameter types, as X(cfnpp's type, CloudFormation name): the type is both the tag
/// and what Ref gives.
#define CFN_BASIC_PARAMETER_TYPES(X) \
    X(str, "String")                 \
    X(number, "Number")              \
    X(list<number>, "List<Number>")  \
    X(list<str>, "CommaDelimitedList")

// Syntax. ----------------------------------------------------------------------------------------

/// A logical ID: 1 to 255 ASCII letters and digits.
constexpr bool valid_logical_id(std::string_view id) noexcept {
    if (id.empty() || id.size() > 255) return false;
    for (char c : id)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    return true;
}

/// The next `${...}` placeholder of an Fn::Sub text at or after `from`.
struct sub_placeholder {
    enum status : std::uint8_t { none, ok, malformed } state = none;
    std::string_view name;  ///< between the braces: "AWS::Region", "Db.Endpoint.Address", "!Literal"
    std::size_t end = 0;    ///< where to look for the next one
    constexpr bool literal() const noexcept { return !name.empty() && name[0] == '!'; }
};

/// Finds the next placeholder. It is malformed when it is unclosed, empty, or (unless it is a
/// `${!Literal}` escape) holds a character other than letters, digits and `.:_-`.
constexpr sub_placeholder next_sub_placeholder(std::string_view text, std::size_t from) noexcept {
    for (std::size_t i = from; i + 1 < text.size(); ++i) {
        if (text[i] != '$' || text[i + 1] != '{') continue;
        // A loop, not text.find: under g++ -fsanitize=undefined, string_view::find's null-pointer
        // checks on embedded user data are "not a constant expression".
        std::size_t close = i + 2;
        while (close < text.size() && text[close] != '}') ++close;
        if (close == text.size() || close == i + 2) return {sub_placeholder::malformed, {}, text.size()};
        sub_placeholder p{sub_placeholder::ok, text.substr(i + 2, close - i - 2), close + 1};
        if (!p.literal())
            for (char c : p.name) {
                bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                          c == '.' || c == ':' || c == '_' || c == '-';
                if (!ok) p.state = sub_placeholder::malformed;
            }
        return p;
    }
    return {};
}

/// Is every `${...}` in an Fn::Sub text closed, non-empty and well formed?
constexpr bool valid_sub_syntax(std::string_view text) noexcept {
    for (sub_placeholder p = next_sub_placeholder(text, 0); p.state != sub_placeholder::none;
         p = next_sub_placeholder(text, p.end))
        if (p.state == sub_placeholder::malformed) return false;
    return true;
}

}  // namespace cfn::vocabulary
