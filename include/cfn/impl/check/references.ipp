// cfnpp implementation: the checks' pass over references (Ref, Fn::GetAtt, DependsOn, Condition,
// Fn::FindInMap...): to this stack, to something that exists, and no dependency cycle. It reads the
// facts each entry recorded when it was added (cfn/facts.hpp), not the template.
#pragma once

#include <algorithm>      // std::find
#include <string>         // std::string
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

#include <cfn/config.hpp>
#include <cfn/facts.hpp>
#include <cfn/impl/check/checker.ipp>
#include <cfn/vocabulary.hpp>

namespace cfn::detail {

CFN_INLINE void checker::check_facts(const stack::entry& e, section_kind section) {
    // Only a resource depends on what it refers to (cycles); the rest is created before resources
    // or, for outputs, after them all.
    const stack::entry* from = section == section_kind::resource ? &e : nullptr;
    for (const fact& f : e.facts) {
        std::string path(f.path);
        switch (f.what) {
            case fact::kind::ref: ref(path, f, section, from); break;
            case fact::kind::get_att:
            case fact::kind::sub_get_att: get_att(path, f, from); break;
            case fact::kind::sub_name: sub_name(path, f, from); break;
            case fact::kind::depends_on: reference(path, f, section_kind::resource, "DependsOn resource", from); break;
            case fact::kind::condition: reference(path, f, section_kind::condition, "condition", nullptr); break;
            case fact::kind::find_in_map: reference(path, f, section_kind::mapping, "mapping", nullptr); break;
            case fact::kind::value_of: reference(path, f, section_kind::parameter, "parameter", nullptr); break;
            case fact::kind::sub_syntax: error(path, "Fn::Sub text has an unclosed or empty ${} placeholder"); break;
            case fact::kind::unset_element: error(path, "list element not set: it would be written as null"); break;
            case fact::kind::unset_member: error(path, "value not set: it would be written as null"); break;
        }
    }
}

CFN_INLINE void checker::depend(const stack::entry* from, std::string_view resource) {
    if (from) edges_[std::string(from->id)].insert(std::string(resource));
}

CFN_INLINE void checker::reference(const std::string& path, const fact& f, section_kind want, const char* what,
                                   const stack::entry* from) {
    std::string name(f.name);
    if (foreign(f.origin)) {
        error(path, what + std::string(" '") + name + "' belongs to another stack");
        return;
    }
    auto it = names_.find(name);
    if (it == names_.end() || it->second != want) {
        error(path, what + std::string(" '") + name + "' is not in this stack");
        return;
    }
    used_.insert(name);
    if (want == section_kind::resource) depend(from, name);
}

CFN_INLINE void checker::ref(const std::string& path, const fact& f, section_kind section, const stack::entry* from) {
    std::string name(f.name);
    if (name.rfind("AWS::", 0) == 0) {
        if (vocabulary::find_pseudo_parameter(name)) return;
        error(path, "'" + name + "' is not a pseudo parameter");
        return;
    }
    if (foreign(f.origin)) {
        error(path, "Ref to '" + name + "', which belongs to another stack");
        return;
    }
    auto it = names_.find(name);
    if (it == names_.end() || (it->second != section_kind::parameter && it->second != section_kind::resource)) {
        error(path, "Ref to '" + name + "', which is not a parameter or resource of this stack");
        return;
    }
    if (it->second == section_kind::resource && section == section_kind::condition) {
        error(path, "conditions can refer to parameters only, not to resource '" + name + "'");
        return;
    }
    used_.insert(name);
    if (it->second == section_kind::resource) depend(from, name);
}

CFN_INLINE void checker::get_att(const std::string& path, const fact& f, const stack::entry* from) {
    std::string resource(f.name);
    if (foreign(f.origin)) {
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
        for (std::size_t i = 0; i < info->attribute_count; ++i) known = known || info->attributes[i] == f.attribute;
        if (!known) error(path, std::string(info->type) + " has no attribute '" + std::string(f.attribute) + "'");
    }
    used_.insert(resource);
    depend(from, resource);
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
