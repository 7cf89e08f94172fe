// cfnpp: typed expressions, the results of Ref, Fn::GetAtt and the other intrinsic functions.
#pragma once

#include <bit>          // std::bit_cast
#include <type_traits>  // std::is_same_v

#include <cfn/node.hpp>
#include <cfn/types.hpp>

namespace cfn {

/// An empty value that converts to any generated struct: the default of an optional struct
/// property (`ebs_block_device ebs = cfn::absent;`). All of our structs are trivially copyable
/// and "not set" is the all-zero bit pattern.
struct absent_t {
    template <class S>
    constexpr operator S() const noexcept {
        struct zeros {
            unsigned char bytes[sizeof(S)]{};
        };
        return std::bit_cast<S>(zeros{});
    }
};
inline constexpr absent_t absent{};

/// A value computed by CloudFormation at deploy time (Ref, Fn::GetAtt, Fn::Join, ...) whose result
/// has the CloudFormation type T (a tag from types.hpp). It converts only into properties of a
/// compatible type: an `expr<list<str>>` does not fit a string property.
template <class T>
struct expr {
    using result_type = T;
    node n;

    /// `cfn::if_(cond, ebs{...}, cfn::no_value)` for a property whose type is a generated struct:
    /// the struct then carries the expression instead of its fields.
    template <class S>
        requires(std::is_same_v<T, S> || std::is_same_v<T, or_no_value<S>>) &&
                requires(S s) { s.cfn_intrinsic = node{}; }
    constexpr operator S() const noexcept {
        S s = absent;
        s.cfn_intrinsic = n;
        return s;
    }
};

/// `AWS::NoValue`: removes the property it is assigned to. Allowed only for optional properties
/// (directly, or as a branch of `cfn::if_`).
struct no_value_t {
    node n = detail::reserved::pseudo_ref(vocabulary::no_value);
};
inline constexpr no_value_t no_value{};

/// Pseudo parameters. `cfn::aws::region` is `{"Ref": "AWS::Region"}`.
namespace aws {
inline constexpr expr<str> account_id{detail::reserved::pseudo_ref(vocabulary::account_id)};
inline constexpr expr<list<str>> notification_arns{detail::reserved::pseudo_ref(vocabulary::notification_arns)};
inline constexpr expr<str> partition{detail::reserved::pseudo_ref(vocabulary::partition)};
inline constexpr expr<str> region{detail::reserved::pseudo_ref(vocabulary::region)};
inline constexpr expr<str> stack_id{detail::reserved::pseudo_ref(vocabulary::stack_id)};
inline constexpr expr<str> stack_name{detail::reserved::pseudo_ref(vocabulary::stack_name)};
inline constexpr expr<str> url_suffix{detail::reserved::pseudo_ref(vocabulary::url_suffix)};
}  // namespace aws

/// Reinterprets an expression as another CloudFormation type, visibly. For the places where
/// CloudFormation converts for you and the types cannot know it, e.g. a String parameter holding
/// "true" used for a Boolean property: `cfn::as<cfn::boolean>(flag.ref())`.
template <class To, class From>
constexpr expr<To> as(expr<From> e) noexcept {
    return {e.n};
}

}  // namespace cfn
