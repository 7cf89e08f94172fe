// cfnpp: typed expressions, the results of Ref, Fn::GetAtt and the other intrinsic functions.
#pragma once

#include <type_traits>  // std::is_same_v

#include <cfn/node.hpp>
#include <cfn/types.hpp>

namespace cfn {

/// An empty value that converts to any generated struct: the default of an optional struct
/// property (`ebs_block_device ebs = cfn::absent;`). All of our structs are trivially copyable
/// and "not set" is the all-zero bit pattern. The compiler's builtin (what std::bit_cast calls)
/// rather than std::bit_cast: at -O0 each struct's std::bit_cast<S> was one more function compiled
/// in every file that declares a resource (12 in the example's managers.cpp).
struct absent_t {
    template <class S>
    constexpr operator S() const noexcept {
        struct zeros {
            unsigned char bytes[sizeof(S)]{};
        };
        return __builtin_bit_cast(S, zeros{});
    }
};
inline constexpr absent_t absent{};

namespace detail {

/// The library's own way to make a typed expression from a node: `expr<T>{detail::from_node, n}`.
/// Users change an expression's type with `cfn::as`, which says so where it happens; a node taken
/// out of one value cannot be put into an expression of another type by accident.
struct from_node_t {
    explicit constexpr from_node_t() = default;
};
inline constexpr from_node_t from_node{};

/// The node inside a typed value, for the library's implementation (emission, the intrinsic
/// functions, the tests): `detail::node_of(e)`. It reads; only the types themselves write.
struct node_access {
    template <class X>
    static constexpr node of(const X& x) noexcept {
        return x.n;
    }
    template <class X>
    static constexpr void set(X& x, node n) noexcept {
        x.n = n;
    }
};
template <class X>
constexpr node node_of(const X& x) noexcept {
    return node_access::of(x);
}

}  // namespace detail

/// A value computed by CloudFormation at deploy time (Ref, Fn::GetAtt, Fn::Join, ...) whose result
/// has the CloudFormation type T (a tag from types.hpp). It converts only into properties of a
/// compatible type: an `expr<list<str>>` does not fit a string property.
template <class T>
class expr {
public:
    using result_type = T;

    /// Made by the library only (Ref, Fn::GetAtt, the intrinsic functions).
    constexpr expr(detail::from_node_t, node n) noexcept : n(n) {}

    /// Refused: a typed expression made from a bare node would be a typed id nobody checked.
    /// Get expressions from handles (`vpc.ref()`) and intrinsic functions.
    expr(node expressions_come_from_handles_and_intrinsic_functions) = delete;
    /// Refused: an expression of another CloudFormation type. `cfn::as<T>(e)` converts visibly,
    /// for the places where CloudFormation converts and the types cannot know it.
    template <class U>
        requires(!std::is_same_v<U, T>)
    expr(expr<U> use_cfn_as_to_change_the_type_of_an_expression) = delete;

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

private:
    friend struct detail::node_access;
    node n;  // private: no typed id is made from a bare node; `cfn::as<T>(e)` converts, visibly
};

/// `AWS::NoValue`: removes the property it is assigned to. Allowed only for optional properties
/// (directly, or as a branch of `cfn::if_`).
struct no_value_t {
    node n = detail::reserved::pseudo_ref(vocabulary::no_value);
};
inline constexpr no_value_t no_value{};

/// Pseudo parameters. `cfn::aws::region` is `{"Ref": "AWS::Region"}`.
namespace aws {
inline constexpr expr<str> account_id{detail::from_node, detail::reserved::pseudo_ref(vocabulary::account_id)};
inline constexpr expr<list<str>> notification_arns{detail::from_node, detail::reserved::pseudo_ref(vocabulary::notification_arns)};
inline constexpr expr<str> partition{detail::from_node, detail::reserved::pseudo_ref(vocabulary::partition)};
inline constexpr expr<str> region{detail::from_node, detail::reserved::pseudo_ref(vocabulary::region)};
inline constexpr expr<str> stack_id{detail::from_node, detail::reserved::pseudo_ref(vocabulary::stack_id)};
inline constexpr expr<str> stack_name{detail::from_node, detail::reserved::pseudo_ref(vocabulary::stack_name)};
inline constexpr expr<str> url_suffix{detail::from_node, detail::reserved::pseudo_ref(vocabulary::url_suffix)};
}  // namespace aws

/// Reinterprets an expression as another CloudFormation type, visibly. For the places where
/// CloudFormation converts for you and the types cannot know it, e.g. a String parameter holding
/// "true" used for a Boolean property: `cfn::as<cfn::boolean>(flag.ref())`.
template <class To, class From>
constexpr expr<To> as(expr<From> e) noexcept {
    return {detail::from_node, detail::node_of(e)};
}

}  // namespace cfn
