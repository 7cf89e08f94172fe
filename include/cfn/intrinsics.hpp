// cfnpp: the intrinsic functions (Fn::Join, Fn::Sub, Fn::If, ...), each with its result type.
//
// Ref and Fn::GetAtt are members of handles (`vpc.ref()`, `manager.attr_public_ip()`); FindInMap
// is in mapping.hpp; pseudo parameters (`cfn::aws::region`) in expr.hpp.
#pragma once

#include <concepts>          // std::integral, std::floating_point
#include <initializer_list>  // std::initializer_list
#include <string>            // std::string
#include <string_view>       // std::string_view
#include <type_traits>       // std::is_same_v, std::is_convertible_v
#include <utility>           // std::pair

#include <cfn/config.hpp>
#include <cfn/resource.hpp>
#include <cfn/value.hpp>

namespace cfn {

namespace detail {
node join_node(node delimiter, node parts);
node select_node(node index, node items);
node if_node(const condition_handle& condition, node when_true, node when_false);

// Intentionally not constexpr: reaching it while checking a literal is the compile error.
void fn_sub_text_has_an_unclosed_or_empty_placeholder();

/// Is every `${...}` in an Fn::Sub text closed and non-empty? `${!Literal}` is an escape.
constexpr bool valid_sub_syntax(std::string_view text) noexcept {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != '$' || text[i + 1] != '{') continue;
        // A loop, not text.find: under g++ -fsanitize=undefined, string_view::find's null-pointer
        // checks on the embedded user data are "not a constant expression".
        std::size_t close = i + 2;
        while (close < text.size() && text[close] != '}') ++close;
        if (close == text.size() || close == i + 2) return false;
        if (text[i + 2] != '!') {
            for (std::size_t j = i + 2; j < close; ++j) {
                char c = text[j];
                bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                          c == '.' || c == ':' || c == '_' || c == '-';
                if (!ok) return false;
            }
        }
        i = close;
    }
    return true;
}
}  // namespace detail

/// Fn::Base64: `cfn::base64(cfn::sub(user_data))`.
expr<str> base64(value<str> text);

/// Fn::Cidr: `count` CIDR blocks of `cidr_bits` host bits carved from `ip_block`.
expr<list<str>> cidr(value<str> ip_block, value<integer> count, value<integer> cidr_bits);

/// Fn::GetAZs: the availability zones of `region` (default: the stack's region).
expr<list<str>> get_azs(value<str> region = {});

/// Fn::ImportValue: an output exported by another stack.
expr<str> import_value(value<str> exported_name);

/// Fn::Join of a list written in place: `cfn::join(",", {a.ref(), "literal"})`.
expr<str> join(value<str> delimiter, std::initializer_list<value<str>> parts);

/// Fn::Join of a list computed by CloudFormation.
template <class E>
    requires detail::accepts<str, E>::value
expr<str> join(value<str> delimiter, expr<list<E>> parts) {
    return {detail::join_node(delimiter.n, parts.n)};
}

/// Fn::Select: `cfn::select(0, cfn::get_azs())` is a string.
template <class E>
expr<E> select(value<integer> index, expr<list<E>> items) {
    return {detail::select_node(index.n, items.n)};
}
/// Fn::Select from a list written in place.
expr<str> select(value<integer> index, std::initializer_list<value<str>> items);

/// Fn::Split: `cfn::split(",", subnets_csv)`.
expr<list<str>> split(value<str> delimiter, value<str> source);

/// The text of Fn::Sub. A literal is checked when the program compiles (every `${` closed, every
/// name made of the characters CloudFormation allows); every name is checked against the stack
/// (parameters, resources, Resource.Attribute, pseudo parameters, variables) before the template
/// is written.
class sub_text {
public:
    template <std::size_t N>
    consteval sub_text(const char (&literal)[N]) : text_(literal, N - 1) {
        if (!detail::valid_sub_syntax(text_)) detail::fn_sub_text_has_an_unclosed_or_empty_placeholder();
    }
    sub_text(std::string_view runtime_text) : text_(runtime_text) {}
    sub_text(const std::string& runtime_text) : text_(runtime_text) {}
    constexpr std::string_view view() const noexcept { return text_; }

private:
    std::string_view text_;
};

/// Fn::Sub with `${Parameter}`, `${Resource}`, `${Resource.Attribute}` and `${AWS::Region}`.
expr<str> sub(sub_text text);
/// Fn::Sub with variables: `cfn::sub("${Ip}:2377", {{"Ip", manager.attr_private_ip()}})`.
expr<str> sub(sub_text text, std::initializer_list<std::pair<std::string_view, value<str>>> variables);

// Conditions. ----------------------------------------------------------------------------------

/// What condition functions combine: another condition function, or a named condition.
struct condition_operand {
    condition_operand(expr<condition_value> e) noexcept : n(e.n) {}
    condition_operand(const condition_handle& condition);
    node n;
};

/// Fn::Equals: compares two values (strings, numbers, parameters...).
expr<condition_value> equals(value<json> a, value<json> b);
/// Fn::And of 2 to 10 conditions.
expr<condition_value> and_(std::initializer_list<condition_operand> conditions);
/// Fn::Or of 2 to 10 conditions.
expr<condition_value> or_(std::initializer_list<condition_operand> conditions);
/// Fn::Not.
expr<condition_value> not_(condition_operand condition);

// Fn::If. --------------------------------------------------------------------------------------

namespace detail {

/// The CloudFormation type of an argument of Fn::If.
template <class A>
struct type_of_argument {
    using type = void;  // not a value: the static_assert in if_ reports it
};
template <class T>
struct type_of_argument<expr<T>> {
    using type = T;
};
template <std::size_t N>
struct type_of_argument<char[N]> {
    using type = str;
};
template <>
struct type_of_argument<const char*> {
    using type = str;
};
template <>
struct type_of_argument<char*> {
    using type = str;
};
template <>
struct type_of_argument<std::string> {
    using type = str;
};
template <>
struct type_of_argument<std::string_view> {
    using type = str;
};
template <>
struct type_of_argument<bool> {
    using type = boolean;
};
template <std::integral I>
    requires(!std::is_same_v<I, bool>)
struct type_of_argument<I> {
    using type = integer;
};
template <std::floating_point F>
struct type_of_argument<F> {
    using type = number;
};
template <>
struct type_of_argument<no_value_t> {
    using type = no_value_t;
};
template <property_struct S>
struct type_of_argument<S> {
    using type = S;
};
template <class T>
struct type_of_argument<value<T>> {
    using type = T;
};

struct branches_differ {};

/// The type of `Fn::If [c, A, B]`; `branches_differ` when there is none.
template <class A, class B>
struct if_result {
    using type = branches_differ;
};
template <class T>
struct if_result<T, T> {
    using type = T;
};
template <class T>
struct if_result<T, no_value_t> {
    using type = or_no_value<T>;
};
template <class T>
struct if_result<no_value_t, T> {
    using type = or_no_value<T>;
};
template <fixed_string... Targets>
struct if_result<id<Targets...>, str> {
    using type = id<Targets...>;
};
template <fixed_string... Targets>
struct if_result<str, id<Targets...>> {
    using type = id<Targets...>;
};
template <>
struct if_result<integer, number> {
    using type = number;
};
template <>
struct if_result<number, integer> {
    using type = number;
};

template <class A>
node argument_node(const A& a) {
    using T = typename type_of_argument<A>::type;
    if constexpr (std::is_same_v<T, no_value_t>)
        return a.n;
    else if constexpr (property_struct<T>)
        return struct_to_node(&a, *T::cfn_struct(), true);
    else
        return value<T>(a).n;
}

}  // namespace detail

/// Fn::If: `cfn::if_(is_production, "m5.large", "t3.micro")`. Both branches must have the same
/// CloudFormation type; `cfn::no_value` as a branch makes the result fit optional properties only.
template <class A, class B>
auto if_(const condition_handle& condition, const A& when_true, const B& when_false) {
    using TA = typename detail::type_of_argument<std::remove_cvref_t<A>>::type;
    using TB = typename detail::type_of_argument<std::remove_cvref_t<B>>::type;
    using R = typename detail::if_result<TA, TB>::type;
    static_assert(!std::is_void_v<TA> && !std::is_void_v<TB>,
                  "Fn::If: a branch is not a CloudFormation value");
    static_assert(!std::is_same_v<R, detail::branches_differ>,
                  "Fn::If: both branches must have the same CloudFormation type");
    return expr<R>{detail::if_node(condition, detail::argument_node<std::remove_cvref_t<A>>(when_true),
                                   detail::argument_node<std::remove_cvref_t<B>>(when_false))};
}

}  // namespace cfn
