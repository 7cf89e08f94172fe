// cfnpp: untyped JSON values, for Json properties, Metadata and the escape hatches.
#pragma once

#include <concepts>          // std::integral, std::floating_point
#include <cstddef>           // std::nullptr_t
#include <initializer_list>  // std::initializer_list
#include <string>            // std::string
#include <string_view>       // std::string_view
#include <utility>           // std::pair
#include <vector>            // std::vector

#include <cfn/expr.hpp>
#include <cfn/reflection.hpp>
#include <cfn/value.hpp>

namespace cfn {

/// A JSON value built in C++, in the style of nlohmann::json:
///
///     cfn::json_value{{"Version", "2012-10-17"}, {"Statement", cfn::json_value::array({...})}}
///
/// A braced list whose elements are all two-element lists starting with a string is an object;
/// any other braced list is an array (`json_value::array` and `json_value::object` say it
/// explicitly). Typed expressions (`vpc.ref()`) may appear anywhere. It is an `expr<json>`, so it
/// goes wherever a Json value is accepted.
struct json_value : expr<json> {
    json_value(std::nullptr_t);
    json_value(const char* text);
    json_value(std::string_view text);
    json_value(const std::string& text);
    template <std::integral I>
        requires(!std::is_same_v<I, bool>)
    json_value(I number) : json_value(static_cast<long long>(number), 0) {}
    template <std::floating_point F>
    json_value(F number) : json_value(static_cast<double>(number), 0) {}
    template <std::same_as<bool> B>
    json_value(B flag) : json_value(flag, 0) {}
    /// Any typed value; not a condition function's result, nor an `Fn::If` that may give
    /// `AWS::NoValue` (a json_value can be a required property's whole value).
    template <class T>
        requires detail::accepts<json, T>::value
    constexpr json_value(expr<T> e) noexcept : expr<json>{detail::from_node, detail::node_of(e)} {}
    /// Refused: a condition function's result is not a value (conditions go into
    /// `cfn::condition{...}`; `cfn::if_(condition, a, b)` chooses between values).
    json_value(expr<condition_value> a_condition_is_not_a_value) = delete;
    /// Refused: an `Fn::If` with `cfn::no_value` as a branch fits optional properties only.
    template <class T>
    json_value(expr<or_no_value<T>> no_value_fits_optional_properties_only) = delete;
    template <property_struct S>
    json_value(const S& object) : expr<json>{detail::from_node, detail::struct_to_node(&object, *S::cfn_struct(), true)} {}
    /// A JSON library's document, e.g. nlohmann::json with `cfn/nlohmann.hpp`.
    template <detail::adapted_json J>
    json_value(const J& document) : expr<json>{detail::from_node, json_adapter<J>::to_node(document)} {}
    json_value(std::initializer_list<json_value> items);

    static json_value array(std::initializer_list<json_value> items);
    static json_value array(const std::vector<json_value>& items);
    static json_value object(std::initializer_list<std::pair<std::string_view, json_value>> members);
    static json_value object(const std::vector<std::pair<std::string, json_value>>& members);

private:
    explicit json_value(node n) noexcept : expr<json>{detail::from_node, n} {}
    static node object_or_array(std::initializer_list<json_value> items);
    json_value(long long number, int);
    json_value(double number, int);
    json_value(bool flag, int);
};

}  // namespace cfn
