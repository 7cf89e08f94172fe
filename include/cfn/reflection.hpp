// cfnpp: the field tables that generated structs carry, and the resource type descriptors.
//
// Emission, validation and the testing library walk these tables in non-template code instead of
// instantiating a visitor per struct: that is what keeps a stack.cpp cheap to compile.
#pragma once

#include <concepts>     // std::same_as
#include <cstddef>      // offsetof, std::size_t
#include <cstdint>      // std::uint32_t
#include <string_view>  // std::string_view

#include <cfn/constraint.hpp>
#include <cfn/node.hpp>

namespace cfn {

struct struct_info;

/// How a field is stored at its offset.
enum class field_kind : std::uint8_t {
    value,   ///< a cfn::value<T> (one node)
    nested,  ///< a property struct stored inline, described by `nested`
    checked, ///< a property whose literals are checked at compile time (a detail::literal_slot)
};

/// What changing a property does to a deployed resource: the spec's `causesReplacement`.
/// `maybe` depends on the value or the resource's state (e.g. an EC2 instance's type: only
/// CloudFormation's change set says which).
enum class replacement : std::uint8_t { no, maybe, yes };

/// One property of a generated struct. `offset` is the type-erased member pointer: the field
/// table of `ec2::instance::properties` has {"ImageId", offsetof(properties, image_id), ...}.
struct field_info {
    std::string_view name;  ///< CloudFormation property name, e.g. "ImageId"
    std::uint32_t offset;
    field_kind kind;
    bool required;
    cfn::replacement replacement = cfn::replacement::no;  ///< what updating it does (read by `diff`)
    /// The nested struct's table, for field_kind::nested; for a field_kind::value that is a list or
    /// map of property types, its elements' table (read by the checks).
    const struct_info* (*nested)() = nullptr;
    const value_constraint* constraint = nullptr;  ///< what a field_kind::value must satisfy, if anything
};

/// `struct_info::intrinsic_offset` of a resource's properties, which cannot be an intrinsic.
inline constexpr std::uint32_t no_intrinsic = 0xFFFFFFFFu;

/// The field table of a property struct (a resource's properties or a property type).
struct struct_info {
    std::string_view name;  ///< e.g. "AWS::EC2::Instance" or "AWS::EC2::Instance.Ebs"
    const field_info* fields;
    std::size_t field_count;
    std::uint32_t intrinsic_offset;  ///< where the struct keeps `cfn_intrinsic`
    const requirement* requirements = nullptr;  ///< conditional requirements between the fields
    std::size_t requirement_count = 0;

    template <std::size_t N>
    constexpr struct_info(std::string_view name_, const field_info (&fields_)[N], std::size_t intrinsic_offset_)
        : name(name_), fields(fields_), field_count(N), intrinsic_offset(static_cast<std::uint32_t>(intrinsic_offset_)) {}
    template <std::size_t N, std::size_t M>
    constexpr struct_info(std::string_view name_, const field_info (&fields_)[N], std::size_t intrinsic_offset_,
                          const requirement (&requirements_)[M])
        : name(name_), fields(fields_), field_count(N), intrinsic_offset(static_cast<std::uint32_t>(intrinsic_offset_)),
          requirements(requirements_), requirement_count(M) {}
    /// A struct without properties.
    constexpr struct_info(std::string_view name_, std::size_t intrinsic_offset_)
        : name(name_), fields(nullptr), field_count(0), intrinsic_offset(static_cast<std::uint32_t>(intrinsic_offset_)) {}
};

/// The spec's `scrutinizable` marks: what a change preview (`diff`) shows in its security tables.
/// The first group marks resource types, the second the properties of a resource.
enum class scrutiny : std::uint8_t {
    none,
    identity_policy_resource,  ///< e.g. AWS::IAM::Policy: PolicyDocument is an identity policy
    resource_policy_resource,  ///< e.g. AWS::S3::BucketPolicy: PolicyDocument is a resource policy
    ingress_rule_resource,     ///< AWS::EC2::SecurityGroupIngress: the resource is one rule
    egress_rule_resource,      ///< AWS::EC2::SecurityGroupEgress
    lambda_permission,         ///< AWS::Lambda::Permission
    sso_assignment_resource,
    sso_instance_aca_config_resource,
    sso_permission_set,
    inline_identity_policies,  ///< a property holding [{PolicyName, PolicyDocument}] (AWS::IAM::Role.Policies)
    inline_resource_policy,    ///< a property holding one policy document (AssumeRolePolicyDocument)
    managed_policies,          ///< a property holding managed policy ARNs
    ingress_rules,             ///< a property holding ingress rules (AWS::EC2::SecurityGroup.SecurityGroupIngress)
    egress_rules,
};

/// A property of a resource type that carries a `scrutinizable` mark.
struct scrutinized_property {
    std::string_view name;  ///< e.g. "SecurityGroupIngress"
    cfn::scrutiny scrutiny;
};

/// What a change preview needs to know about a resource type, from the spec. Generated code sets
/// only what differs from the default: `{.stateful = true}`.
struct resource_traits {
    bool stateful = false;  ///< `isStateful`: replacing or deleting it loses data (buckets, tables)
    cfn::scrutiny scrutiny = cfn::scrutiny::none;
    const scrutinized_property* scrutinized = nullptr;
    std::size_t scrutinized_count = 0;
};

/// What the stack needs to know about a resource type beyond its properties.
struct resource_info {
    std::string_view type;               ///< "AWS::EC2::Instance"
    const std::string_view* attributes;  ///< Fn::GetAtt names, for checking Fn::Sub
    std::size_t attribute_count;
    std::string_view transform;          ///< e.g. "AWS::Serverless-2016-10-31", or empty
    const struct_info* (*properties)();
    resource_traits traits;

    template <std::size_t N>
    constexpr resource_info(std::string_view type_, const std::string_view (&attributes_)[N],
                            std::string_view transform_, const struct_info* (*properties_)(),
                            resource_traits traits_ = {})
        : type(type_), attributes(attributes_), attribute_count(N), transform(transform_), properties(properties_),
          traits(traits_) {}
    /// A resource type without attributes.
    constexpr resource_info(std::string_view type_, std::string_view transform_, const struct_info* (*properties_)(),
                            resource_traits traits_ = {})
        : type(type_), attributes(nullptr), attribute_count(0), transform(transform_), properties(properties_),
          traits(traits_) {}
};

/// A generated property struct: it has a field table.
template <class S>
concept property_struct = requires {
    { S::cfn_struct() } -> std::same_as<const struct_info*>;
};

namespace detail {
/// Converts a property struct to an object node by walking its field table. Defined in
/// impl/node.ipp.
node struct_to_node(const void* object, const struct_info& info, bool required);
}  // namespace detail

}  // namespace cfn
