// cfnpp implementation: suppressions (cfn/guard.hpp), and the Metadata they write for cfn_nag,
// checkov and cdk-nag.
#pragma once

#include <set>          // std::set
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <cfn/config.hpp>
#include <cfn/guard.hpp>
#include <cfn/impl/guard/read.ipp>
#include <cfn/impl/node.ipp>

namespace cfn {

CFN_INLINE guard::suppressions::suppressions(std::initializer_list<suppression> list) {
    std::vector<node> nodes;
    for (const suppression& s : list) {
        cfn::detail::object_builder item;
        item.add("Id", cfn::detail::make_string(s.rule->id));
        item.add("Reason", cfn::detail::make_string(s.why.str()));
        item.add("Types", cfn::detail::make_string(s.rule->resource_types));
        item.add("CfnNag", cfn::detail::make_string(s.rule->cfn_nag));
        item.add("Checkov", cfn::detail::make_string(s.rule->checkov));
        item.add("CdkNag", cfn::detail::make_string(s.rule->cdk_nag));
        nodes.push_back(item.build());
    }
    n = cfn::detail::make_list(nodes.data(), nodes.size());
}

namespace detail {

/// The items of two suppression lists, one after the other.
CFN_INLINE node concat_suppressions(node a, node b) {
    if (!a.present()) return b;
    if (!b.present()) return a;
    std::vector<node> all = guard::items(a);
    for (node n : guard::items(b)) all.push_back(n);
    return make_list(all.data(), all.size());
}

/// Does a suppression written on a scope or the stack reach a resource of `type`? (A resource's
/// own suppressions always do.)
CFN_INLINE bool suppression_applies_to(node suppression, std::string_view type) {
    std::string_view types = guard::text(guard::member(suppression, "Types"));
    if (types.empty()) return true;
    for (std::size_t start = 0; start <= types.size();) {
        std::size_t space = types.find(' ', start);
        if (space == std::string_view::npos) space = types.size();
        if (types.substr(start, space - start) == type) return true;
        start = space + 1;
    }
    return false;
}

CFN_INLINE std::vector<std::string_view> split_ids(std::string_view ids) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0; start < ids.size();) {
        std::size_t space = ids.find(' ', start);
        if (space == std::string_view::npos) space = ids.size();
        if (space > start) out.push_back(ids.substr(start, space - start));
        start = space + 1;
    }
    return out;
}

/// `{"<list>": [{"id": ..., "<reason key>": ...}]}` for one scanner, from the suppressions that
/// have an equivalent rule there (each of its IDs once); absent when none has.
CFN_INLINE node scanner_entry(const std::vector<node>& suppressions, std::string_view tool_key,
                              std::string_view list_key, std::string_view reason_key, node existing) {
    std::vector<node> entries = guard::items(guard::member(existing, list_key));
    std::set<std::string> seen;
    for (node e : entries) seen.insert(std::string(guard::text(guard::member(e, "id"))));
    for (node s : suppressions) {
        for (std::string_view id : split_ids(guard::text(guard::member(s, tool_key)))) {
            if (!seen.insert(std::string(id)).second) continue;
            object_builder entry;
            entry.add("id", make_string(id));
            entry.add(reason_key, guard::member(s, "Reason"));
            entries.push_back(entry.build());
        }
    }
    if (entries.empty()) return existing;
    // Keep whatever else the existing entry has (cfn_nag's other settings), replacing the list.
    std::vector<std::pair<std::string_view, node>> members;
    const node_data& old = read(existing);
    if (old.kind == node_kind::object)
        for (std::size_t i = 0; i < old.keys.size(); ++i)
            if (old.keys[i] != list_key) members.emplace_back(old.keys[i], old.items[i]);
    node list = make_list(entries.data(), entries.size());
    members.emplace_back(list_key, list);
    return make_object(members.data(), members.size());
}

/// The Metadata a resource gets for its suppressions: the user's own, plus cfnpp's record of them
/// and the entries cfn_nag, checkov and cdk-nag read.
CFN_INLINE node suppression_metadata(node metadata, const std::vector<node>& suppressions) {
    if (suppressions.empty()) return metadata;
    const node_data& old = read(metadata);
    if (metadata.present() && old.kind != node_kind::object) return metadata;  // not ours to extend
    std::vector<node> own = guard::items(guard::member(guard::member(metadata, "cfnpp"), "suppress"));
    std::set<std::string> seen;
    for (node e : own) seen.insert(std::string(guard::text(guard::member(e, "id"))));
    for (node s : suppressions) {
        std::string_view id = guard::text(guard::member(s, "Id"));
        if (!seen.insert(std::string(id)).second) continue;
        own.push_back(object_builder{}.add("id", make_string(id)).add("reason", guard::member(s, "Reason")).build());
    }
    std::pair<std::string_view, node> added[] = {
        {"cfnpp", object_builder{}.add("suppress", make_list(own.data(), own.size())).build()},
        {"cfn_nag", scanner_entry(suppressions, "CfnNag", "rules_to_suppress", "reason", guard::member(metadata, "cfn_nag"))},
        {"checkov", scanner_entry(suppressions, "Checkov", "skip", "comment", guard::member(metadata, "checkov"))},
        {"cdk_nag", scanner_entry(suppressions, "CdkNag", "rules_to_suppress", "reason", guard::member(metadata, "cdk_nag"))},
    };
    object_builder result;
    for (std::size_t i = 0; i < old.keys.size(); ++i) {
        bool replaced = false;
        for (const auto& [key, value] : added) replaced = replaced || old.keys[i] == key;
        if (!replaced) result.add(old.keys[i], old.items[i]);
    }
    for (const auto& [key, value] : added) result.add(key, value);
    return result.build();
}

/// `body` (a resource's entry) with the suppressions in its Metadata; `reaching` filters those
/// written on a scope or the stack by the rule's resource types.
CFN_INLINE node with_suppressions(node body, node own, node reaching) {
    std::string_view type = guard::text(guard::member(body, "Type"));
    std::vector<node> list = guard::items(own);
    for (node s : guard::items(reaching))
        if (suppression_applies_to(s, type)) list.push_back(s);
    if (list.empty()) return body;
    node metadata = suppression_metadata(guard::member(body, "Metadata"), list);
    const node_data& d = read(body);
    object_builder out;
    bool placed = false;
    for (std::size_t i = 0; i < d.keys.size(); ++i) {
        if (d.keys[i] == "Metadata") continue;
        bool after = d.keys[i] != "Type" && d.keys[i] != "Condition" && d.keys[i] != "DependsOn";
        if (after && !placed) {
            out.add("Metadata", metadata);
            placed = true;
        }
        out.add(d.keys[i], d.items[i]);
    }
    if (!placed) out.add("Metadata", metadata);
    return out.build();
}

}  // namespace detail
}  // namespace cfn
