// cfnpp implementation: reading a resource's values in guard rules (cfn/guard.hpp).
#pragma once

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <cfn/config.hpp>
#include <cfn/guard.hpp>
#include <cfn/impl/node.ipp>

namespace cfn::guard {

CFN_INLINE node member(node object, std::string_view key) {
    const node* found = cfn::detail::find_member(cfn::detail::read(object), key);
    return found ? *found : node{};
}

CFN_INLINE std::string_view text(node n) {
    const node_data& d = cfn::detail::read(n);
    return d.kind == node_kind::string ? std::string_view(d.text) : std::string_view();
}

CFN_INLINE bool is_true(node n) {
    const node_data& d = cfn::detail::read(n);
    return (d.kind == node_kind::boolean && d.boolean) || (d.kind == node_kind::string && d.text == "true");
}

CFN_INLINE bool is_false(node n) {
    const node_data& d = cfn::detail::read(n);
    return (d.kind == node_kind::boolean && !d.boolean) || (d.kind == node_kind::string && d.text == "false");
}

CFN_INLINE std::vector<node> items(node list) {
    const node_data& d = cfn::detail::read(list);
    return d.kind == node_kind::list ? d.items : std::vector<node>{};
}

CFN_INLINE std::vector<node> one_or_many(node n) {
    if (!n.present()) return {};
    const node_data& d = cfn::detail::read(n);
    return d.kind == node_kind::list ? d.items : std::vector<node>{n};
}

CFN_INLINE std::string_view ref_target(node n) {
    const node_data& d = cfn::detail::read(n);
    if (d.kind == node_kind::call && d.text == "Ref") return text(d.items[0]);
    // A Ref written as untyped JSON (json_value, raw properties) is an object with one member.
    if (d.kind == node_kind::object && d.keys.size() == 1 && d.keys[0] == "Ref") return text(d.items[0]);
    return {};
}

CFN_INLINE std::string all_text(node n) {
    const node_data& d = cfn::detail::read(n);
    if (d.kind == node_kind::string) return d.text;
    std::string out;
    for (node item : d.items) out += all_text(item);
    return out;
}

CFN_INLINE node resource_view::at(std::string_view dotted_path) const {
    node n = body;
    while (n.present() && !dotted_path.empty()) {
        std::size_t dot = dotted_path.find('.');
        n = member(n, dotted_path.substr(0, dot));
        dotted_path = dot == std::string_view::npos ? std::string_view() : dotted_path.substr(dot + 1);
    }
    return n;
}

CFN_INLINE node resource_view::property(std::string_view name) const { return member(member(body, "Properties"), name); }

}  // namespace cfn::guard
