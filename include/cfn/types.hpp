// cfnpp: the value types of CloudFormation, as C++ tag types.
//
// Every property, attribute, parameter and intrinsic function result has one of these types. They
// are empty tags: they never hold data, they only say what a value is, so that a list cannot go
// where a string belongs and a security group id cannot go where a subnet id belongs.
#pragma once

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view

namespace cfn {

/// A string usable as a template argument: the way generated code puts CloudFormation names
/// ("AWS::EC2::Subnet.VpcId") into types, so that compiler messages show them.
template <std::size_t N>
struct fixed_string {
    char chars[N]{};
    constexpr fixed_string(const char (&text)[N]) noexcept {
        for (std::size_t i = 0; i < N; ++i) chars[i] = text[i];
    }
    constexpr std::string_view view() const noexcept { return {chars, N - 1}; }
    template <std::size_t M>
    constexpr bool operator==(const fixed_string<M>& other) const noexcept {
        return view() == other.view();
    }
};

// Scalars. ---------------------------------------------------------------------------------------

struct str {};      ///< String (also Timestamp, which CloudFormation writes as a string).
struct integer {};  ///< Integer.
struct number {};   ///< Double.
struct boolean {};  ///< Boolean.
struct json {};     ///< Json: any JSON value (policy documents, cfn-init metadata, ...).

/// A string that identifies a resource: what `Ref` of an `AWS::EC2::VPC` returns is an
/// `id<"AWS::EC2::VPC.VpcId">`. A property that names the resources it refers to
/// (e.g. `AWS::EC2::Subnet.VpcId`) accepts only these, plain strings and string parameters.
template <fixed_string... Targets>
struct id {};

/// List of T.
template <class T>
struct list {};

/// Map from string keys to T.
template <class T>
struct map {};

/// An enumeration generated from the spec's allowed values. E is the generated enum type.
template <class E>
struct enumeration {};

/// A value that may be `AWS::NoValue`: the result of `Fn::If` with `cfn::no_value` as a branch.
/// Only optional properties accept it.
template <class T>
struct or_no_value {};

/// The result of a condition function (Fn::Equals, Fn::And, ...): usable only in conditions.
struct condition_value {};

}  // namespace cfn
