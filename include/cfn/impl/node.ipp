// cfnpp implementation: the node arena and the conversions that build nodes.
// Included by cfn/cfn.hpp in header-only mode, or compiled once by cfn/src.cpp.
#pragma once

#include <deque>  // std::deque: stable addresses for interned strings and nodes

#include <cfn/config.hpp>
#include <cfn/node.hpp>
#include <cfn/reflection.hpp>
#include <cfn/resource.hpp>

namespace cfn::detail {

/// The process-wide arena. A deque, so that references to nodes stay valid as it grows.
struct arena {
    std::deque<node_data> nodes;
    std::deque<std::string> strings;

    arena() {
        nodes.emplace_back();  // node 0: absent
        for (const vocabulary::pseudo_parameter& pseudo : vocabulary::pseudo_parameters) {
            node_data text;
            text.kind = node_kind::string;
            text.text = pseudo.name;
            nodes.push_back(std::move(text));
            node_data call;
            call.kind = node_kind::call;
            call.text = "Ref";
            call.items.push_back(node{static_cast<std::uint32_t>(nodes.size() - 1)});
            nodes.push_back(std::move(call));
        }
    }

    node add(node_data&& data) {
        nodes.push_back(std::move(data));
        return node{static_cast<std::uint32_t>(nodes.size() - 1)};
    }
};

CFN_INLINE arena& the_arena() {
    static arena instance;
    return instance;
}

CFN_INLINE node make_null() {
    node_data d;
    d.kind = node_kind::null;
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_bool(bool value) {
    node_data d;
    d.kind = node_kind::boolean;
    d.boolean = value;
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_int(long long value) {
    node_data d;
    d.kind = node_kind::integer;
    d.integer = value;
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_number(double value) {
    node_data d;
    d.kind = node_kind::number;
    d.number = value;
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_string(std::string_view value) {
    node_data d;
    d.kind = node_kind::string;
    d.text = std::string(value);
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_list(const node* items, std::size_t count) {
    node_data d;
    d.kind = node_kind::list;
    d.items.assign(items, items + count);
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_object(const std::pair<std::string_view, node>* members, std::size_t count) {
    node_data d;
    d.kind = node_kind::object;
    d.items.reserve(count);
    d.keys.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        d.keys.emplace_back(members[i].first);
        d.items.push_back(members[i].second);
    }
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_call(std::string_view function, node argument, std::uint32_t origin) {
    node_data d;
    d.kind = node_kind::call;
    d.text = std::string(function);
    d.items.push_back(argument);
    d.origin = origin;
    return the_arena().add(std::move(d));
}

CFN_INLINE node make_name(std::string_view name, std::uint32_t origin) {
    node_data d;
    d.kind = node_kind::string;
    d.text = std::string(name);
    d.origin = origin;
    return the_arena().add(std::move(d));
}

CFN_INLINE const node_data& read(node n) { return the_arena().nodes[n.id]; }

CFN_INLINE std::string_view intern(std::string_view text) {
    return the_arena().strings.emplace_back(text);
}

CFN_INLINE node struct_to_node(const void* object, const struct_info& info, bool required) {
    const auto* base = static_cast<const unsigned char*>(object);
    if (info.intrinsic_offset != no_intrinsic) {
        node intrinsic = *reinterpret_cast<const node*>(base + info.intrinsic_offset);
        if (intrinsic.present()) return intrinsic;
    }
    std::vector<std::pair<std::string_view, node>> members;
    members.reserve(info.field_count);
    bool any_set = false;  // an empty required nested struct does not make its parent present
    for (std::size_t i = 0; i < info.field_count; ++i) {
        const field_info& field = info.fields[i];
        node value;
        bool placeholder = false;
        if (field.kind == field_kind::nested) {
            value = struct_to_node(base + field.offset, *field.nested(), false);
            if (!value.present() && field.required) {
                value = make_object(nullptr, 0);
                placeholder = true;
            }
        } else {
            value = *reinterpret_cast<const node*>(base + field.offset);
        }
        if (value.present()) {
            members.emplace_back(field.name, value);
            any_set = any_set || !placeholder;
        }
    }
    if (!any_set && !required) return node{};
    return make_object(members.data(), members.size());
}

}  // namespace cfn::detail

namespace cfn {

CFN_INLINE node handle_base::ref_node() const {
    return detail::make_call("Ref", detail::make_string(id_), stack_);
}

CFN_INLINE node handle_base::get_att_node(std::string_view attribute) const {
    node parts[] = {detail::make_string(id_), detail::make_string(attribute)};
    return detail::make_call("Fn::GetAtt", detail::make_list(parts, 2), stack_);
}

CFN_INLINE dependencies::dependencies(std::initializer_list<dependency> resources)
    : dependencies(std::vector<dependency>(resources)) {}

CFN_INLINE dependencies::dependencies(const std::vector<dependency>& resources) {
    std::vector<node> refs;  // the names, as DependsOn lists them
    refs.reserve(resources.size());
    for (const dependency& d : resources)
        refs.push_back(detail::make_name(d.handle.logical_id(), d.handle.stack_serial()));
    n = detail::make_list(refs.data(), refs.size());
}

CFN_INLINE node dependencies::one(const dependency& resource) {
    return detail::make_name(resource.handle.logical_id(), resource.handle.stack_serial());
}

CFN_INLINE condition_ref::condition_ref(const condition_handle& condition)
    : n(detail::make_name(condition.logical_id(), condition.stack_serial())) {}

CFN_INLINE raw_properties::raw_properties(std::initializer_list<std::pair<std::string_view, value<json>>> members) {
    std::vector<std::pair<std::string_view, node>> nodes;
    for (const auto& [name, v] : members) nodes.emplace_back(name, v.n);
    n = detail::make_object(nodes.data(), nodes.size());
}

}  // namespace cfn
