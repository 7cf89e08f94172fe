// cfnpp implementation: json_value.
#pragma once

#include <vector>  // std::vector

#include <cfn/config.hpp>
#include <cfn/impl/node.ipp>
#include <cfn/json_value.hpp>

namespace cfn {

CFN_INLINE json_value::json_value(std::nullptr_t) : expr<json>{detail::from_node, detail::make_null()} {}
CFN_INLINE json_value::json_value(const char* text) : expr<json>{detail::from_node, detail::make_string(text)} {}
CFN_INLINE json_value::json_value(std::string_view text) : expr<json>{detail::from_node, detail::make_string(text)} {}
CFN_INLINE json_value::json_value(const std::string& text) : expr<json>{detail::from_node, detail::make_string(text)} {}
CFN_INLINE json_value::json_value(long long number, int) : expr<json>{detail::from_node, detail::make_int(number)} {}
CFN_INLINE json_value::json_value(double number, int) : expr<json>{detail::from_node, detail::make_number(number)} {}
CFN_INLINE json_value::json_value(bool flag, int) : expr<json>{detail::from_node, detail::make_bool(flag)} {}

CFN_INLINE json_value::json_value(std::initializer_list<json_value> items)
    : expr<json>{detail::from_node, object_or_array(items)} {}

CFN_INLINE node json_value::object_or_array(std::initializer_list<json_value> items) {
    bool pairs = items.size() > 0;
    for (const json_value& item : items) {
        const node_data& d = detail::read(detail::node_of(item));
        pairs = pairs && d.kind == node_kind::list && d.items.size() == 2 &&
                detail::read(d.items[0]).kind == node_kind::string;
    }
    if (!pairs) return detail::node_of(array(items));
    std::vector<std::pair<std::string_view, node>> members;
    for (const json_value& item : items) {
        const node_data& d = detail::read(detail::node_of(item));
        members.emplace_back(detail::read(d.items[0]).text, d.items[1]);
    }
    return detail::make_object(members.data(), members.size());
}

CFN_INLINE json_value json_value::array(std::initializer_list<json_value> items) {
    return array(std::vector<json_value>(items));
}

CFN_INLINE json_value json_value::array(const std::vector<json_value>& items) {
    std::vector<node> nodes;
    for (const json_value& item : items) nodes.push_back(detail::node_of(item));
    return json_value(detail::make_list(nodes.data(), nodes.size()));
}

CFN_INLINE json_value json_value::object(const std::vector<std::pair<std::string, json_value>>& members) {
    std::vector<std::pair<std::string_view, node>> nodes;
    for (const auto& [key, v] : members) nodes.emplace_back(key, detail::node_of(v));
    return json_value(detail::make_object(nodes.data(), nodes.size()));
}

CFN_INLINE json_value json_value::object(std::initializer_list<std::pair<std::string_view, json_value>> members) {
    std::vector<std::pair<std::string_view, node>> nodes;
    for (const auto& [key, v] : members) nodes.emplace_back(key, detail::node_of(v));
    return json_value(detail::make_object(nodes.data(), nodes.size()));
}

}  // namespace cfn
