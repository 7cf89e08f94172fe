// cfnpp implementation: the checks' pass over references (Ref, Fn::GetAtt, DependsOn, Condition,
// Fn::FindInMap...): to this stack, to something that exists, and no dependency cycle; the walk
// over the template that finds them.
#pragma once

#include <algorithm>      // std::find
#include <string>         // std::string
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

#include <cfn/config.hpp>
#include <cfn/vocabulary.hpp>
#include <cfn/impl/check/checker.ipp>
#include <cfn/intrinsics.hpp>

namespace cfn::detail {

CFN_INLINE void checker::reference(const std::string& path, const node_data& name, section_kind want, const char* what,
               const stack::entry* from) {
    auto it = names_.find(name.text);
    if (foreign(name)) {
        error(path, what + std::string(" '") + name.text + "' belongs to another stack");
        return;
    }
    if (it == names_.end() || it->second != want) {
        error(path, what + std::string(" '") + name.text + "' is not in this stack");
        return;
    }
    used_.insert(name.text);
    if (want == section_kind::resource && from) edges_[std::string(from->id)].insert(name.text);
}

CFN_INLINE void checker::ref(const std::string& path, const node_data& name, const stack_identity* origin, const stack::entry* from) {
    if (name.kind != node_kind::string) return;  // Ref of a computed name: nothing to check
    if (name.text.rfind("AWS::", 0) == 0) {
        if (vocabulary::find_pseudo_parameter(name.text)) return;
        error(path, "'" + name.text + "' is not a pseudo parameter");
        return;
    }
    if (origin && origin != s_.identity()) {
        error(path, "Ref to '" + name.text + "', which belongs to another stack");
        return;
    }
    auto it = names_.find(name.text);
    if (it == names_.end() || (it->second != section_kind::parameter && it->second != section_kind::resource)) {
        error(path, "Ref to '" + name.text + "', which is not a parameter or resource of this stack");
        return;
    }
    if (it->second == section_kind::resource && current_section_ == section_kind::condition) {
        error(path, "conditions can refer to parameters only, not to resource '" + name.text + "'");
        return;
    }
    used_.insert(name.text);
    if (it->second == section_kind::resource && from) edges_[std::string(from->id)].insert(name.text);
}

CFN_INLINE void checker::get_att(const std::string& path, const std::string& resource, const std::string& attribute,
             const stack::entry* from, const stack_identity* origin) {
    if (origin && origin != s_.identity()) {
        error(path, "Fn::GetAtt of '" + resource + "', which belongs to another stack");
        return;
    }
    auto it = resources_.find(resource);
    if (it == resources_.end()) {
        error(path, "Fn::GetAtt of '" + resource + "', which is not a resource of this stack");
        return;
    }
    if (const resource_info* info = it->second->info) {
        bool known = false;
        for (std::size_t i = 0; i < info->attribute_count; ++i) known = known || info->attributes[i] == attribute;
        if (!known) error(path, std::string(info->type) + " has no attribute '" + attribute + "'");
    }
    used_.insert(resource);
    if (from) edges_[std::string(from->id)].insert(resource);
}

CFN_INLINE void checker::walk(node n, const std::string& path, const stack::entry* from) {
    const node_data& d = read(n);
    switch (d.kind) {
        case node_kind::list:
            for (std::size_t i = 0; i < d.items.size(); ++i) {
                std::string child = path + "[" + std::to_string(i) + "]";
                // A value that was never set (`cfn::value<cfn::str>{}`, an unset optional copied
                // into a vector) would be written as null.
                if (!d.items[i].present()) error(child, "list element not set: it would be written as null");
                walk(d.items[i], child, from);
            }
            return;
        case node_kind::object:
            for (std::size_t i = 0; i < d.items.size(); ++i) {
                std::string child = path + "." + d.keys[i];
                if (!d.items[i].present()) error(child, "value not set: it would be written as null");
                const node_data& v = read(d.items[i]);
                if (d.keys[i] == "DependsOn" && from && path == "Resources." + std::string(from->id)) {
                    if (v.kind == node_kind::string)  // the string form: one resource
                        reference(child, v, section_kind::resource, "DependsOn resource", from);
                    for (std::size_t k = 0; k < v.items.size(); ++k)
                        reference(child + "[" + std::to_string(k) + "]", read(v.items[k]), section_kind::resource,
                                  "DependsOn resource", from);
                    continue;
                }
                if (d.keys[i] == "Condition" && v.kind == node_kind::string &&
                    (path.rfind("Resources.", 0) == 0 || path.rfind("Outputs.", 0) == 0) &&
                    std::count(path.begin(), path.end(), '.') == 1) {
                    reference(child, v, section_kind::condition, "condition", nullptr);
                    continue;
                }
                walk(d.items[i], child, from);
            }
            return;
        case node_kind::call: {
            std::string child = path + "." + d.text;
            const node_data& arg = read(d.items[0]);
            if (d.text == "Ref") {
                ref(child, arg, d.origin, from);
            } else if (d.text == "Condition") {
                reference(child, arg, section_kind::condition, "condition", nullptr);
            } else if (d.text == "Fn::GetAtt" && arg.kind == node_kind::list && arg.items.size() == 2 &&
                       read(arg.items[0]).kind == node_kind::string) {
                const node_data& attribute = read(arg.items[1]);
                if (attribute.kind == node_kind::string)
                    get_att(child, read(arg.items[0]).text, attribute.text, from, d.origin);
                else
                    walk(arg.items[1], child + "[1]", from);
            } else if (d.text == "Fn::Sub") {
                if (arg.kind == node_kind::string) {
                    sub(child, arg, nullptr, from);
                } else if (arg.kind == node_kind::list && arg.items.size() == 2) {
                    sub(child + "[0]", read(arg.items[0]), &read(arg.items[1]), from);
                    walk(arg.items[1], child + "[1]", from);
                }
            } else if (d.text == "Fn::If" && arg.kind == node_kind::list && arg.items.size() == 3) {
                reference(child + "[0]", read(arg.items[0]), section_kind::condition, "condition", nullptr);
                walk(arg.items[1], child + "[1]", from);
                walk(arg.items[2], child + "[2]", from);
            } else if (d.text == "Fn::FindInMap" && arg.kind == node_kind::list && !arg.items.empty()) {
                const node_data& name = read(arg.items[0]);
                if (name.kind == node_kind::string)
                    reference(child + "[0]", name, section_kind::mapping, "mapping", nullptr);
                for (std::size_t i = 1; i < arg.items.size(); ++i)
                    walk(arg.items[i], child + "[" + std::to_string(i) + "]", from);
            } else if (d.text == "Fn::ValueOf" && arg.kind == node_kind::list && arg.items.size() == 2) {
                reference(child + "[0]", read(arg.items[0]), section_kind::parameter, "parameter", nullptr);
            } else {
                walk(d.items[0], child, from);
            }
            return;
        }
        default: return;
    }
}

CFN_INLINE void checker::check_cycles() {
    // Depth-first search in insertion order, so that the cycle reported is the same every run.
    std::unordered_map<std::string, int> state;  // 0 new, 1 on the path, 2 done
    std::vector<std::string> path;
    bool reported = false;
    auto visit = [&](auto&& self, const std::string& id) -> void {
        state[id] = 1;
        path.push_back(id);
        auto it = edges_.find(id);
        if (it != edges_.end()) {
            // edges_ holds a std::set: sorted, hence deterministic.
            for (const auto& next : it->second) {
                if (reported) break;
                if (state[next] == 1) {
                    std::string cycle;
                    auto start = std::find(path.begin(), path.end(), next);
                    for (auto p = start; p != path.end(); ++p) cycle += *p + " -> ";
                    cycle += next;
                    error("Resources." + next, "dependency cycle: " + cycle);
                    reported = true;
                } else if (state[next] == 0) {
                    self(self, next);
                }
            }
        }
        path.pop_back();
        state[id] = 2;
    };
    for (const auto& e : s_.resources())
        if (!reported && state[std::string(e.id)] == 0) visit(visit, std::string(e.id));
}

}  // namespace cfn::detail
