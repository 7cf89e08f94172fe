// cfnpp implementation: the checks' pass over references to conditional resources. A resource or
// output without a Condition that refers (Ref, Fn::GetAtt, Fn::Sub, DependsOn) to a resource that
// has one fails to deploy whenever that condition is false. A reference inside an Fn::If branch is
// the way to write it, and is not reported; nor is one from something that has a Condition of its
// own (whether one condition implies the other is not known here).
#pragma once

#include <string>  // std::string

#include <cfn/config.hpp>
#include <cfn/impl/check/checker.ipp>

namespace cfn::detail {

CFN_INLINE void checker::check_conditional_references() {
    auto condition_of = [&](node body) -> const node_data* {
        const node_data& d = read(body);
        return d.kind == node_kind::object ? member(d, "Condition") : nullptr;
    };
    // The resource a Ref, Fn::GetAtt or ${...} names, when it has a Condition.
    auto conditional = [&](const std::string& id) -> const node_data* {
        auto it = resources_.find(id);
        return it == resources_.end() ? nullptr : condition_of(it->second->body);
    };
    auto report = [&](const std::string& path, const std::string& target, const node_data& condition) {
        warning(path, "refers to '" + target + "', which exists only when condition '" + condition.text +
                          "' is true: this fails to deploy when it is false (give it the same Condition, or "
                          "refer through cfn::if_)");
    };
    auto walk_refs = [&](auto& self, node n, const std::string& path) -> void {
        const node_data& d = read(n);
        if (d.kind == node_kind::list || d.kind == node_kind::object) {
            for (std::size_t i = 0; i < d.items.size(); ++i)
                self(self, d.items[i], d.kind == node_kind::list ? path + "[" + std::to_string(i) + "]"
                                                               : path + "." + d.keys[i]);
            return;
        }
        if (d.kind != node_kind::call || d.items.empty()) return;
        if (d.text == "Fn::If") return;  // guarded by a condition: the usual way to write it
        const node_data& arg = read(d.items[0]);
        std::string target;
        if (d.text == "Ref" && arg.kind == node_kind::string) target = arg.text;
        if (d.text == "Fn::GetAtt" && arg.kind == node_kind::list && !arg.items.empty()) target = read(arg.items[0]).text;
        if (d.text == "Fn::Sub") {
            const node_data& text = arg.kind == node_kind::list && !arg.items.empty() ? read(arg.items[0]) : arg;
            for (std::size_t at = text.text.find("${"); at != std::string::npos; at = text.text.find("${", at + 2)) {
                std::size_t end = text.text.find('}', at);
                if (end == std::string::npos) break;
                std::string name = text.text.substr(at + 2, end - at - 2);
                name = name.substr(0, name.find('.'));
                if (const node_data* c = conditional(name)) report(path + "." + d.text, name, *c);
            }
        }
        if (!target.empty())
            if (const node_data* c = conditional(target)) report(path + "." + d.text, target, *c);
        for (node item : d.items) self(self, item, path + "." + d.text);
    };
    for (const auto& e : s_.resources()) {
        if (condition_of(e.body)) continue;
        const node_data& body = read(e.body);
        std::string path = "Resources." + std::string(e.id);
        for (std::size_t i = 0; i < body.keys.size(); ++i)
            if (body.keys[i] == "Properties") walk_refs(walk_refs, body.items[i], path + ".Properties");
        if (const node_data* depends = member(body, "DependsOn")) {
            auto one = [&](const node_data& name, const std::string& where) {
                if (const node_data* c = conditional(name.text)) report(where, name.text, *c);
            };
            if (depends->kind == node_kind::string) one(*depends, path + ".DependsOn");
            for (std::size_t k = 0; k < depends->items.size(); ++k)
                one(read(depends->items[k]), path + ".DependsOn[" + std::to_string(k) + "]");
        }
    }
    for (const auto& e : s_.outputs()) {
        if (condition_of(e.body)) continue;
        walk_refs(walk_refs, e.body, "Outputs." + std::string(e.id));
    }
}

}  // namespace cfn::detail
