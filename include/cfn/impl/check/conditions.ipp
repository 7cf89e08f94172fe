// cfnpp implementation: the checks' pass over references to conditional resources. A resource or
// output without a Condition that refers (Ref, Fn::GetAtt, Fn::Sub, DependsOn) to a resource that
// has one fails to deploy whenever that condition is false. A reference inside an Fn::If branch is
// the way to write it, and is not reported; nor is one from something that has a Condition of its
// own (whether one condition implies the other is not known here). It reads the entries' facts.
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
    auto check = [&](const stack::entry& e) {
        if (condition_of(e.body)) return;
        for (const fact& f : e.facts) {
            if (f.guarded) continue;  // in an Fn::If branch: the usual way to write it
            switch (f.what) {
                case fact::kind::ref:
                case fact::kind::get_att:
                case fact::kind::sub_name:
                case fact::kind::sub_get_att:
                case fact::kind::depends_on: break;
                default: continue;
            }
            std::string target(f.name);
            if (const node_data* c = conditional(target)) report(std::string(f.path), target, *c);
        }
    };
    for (const auto& e : s_.resources()) check(e);
    for (const auto& e : s_.outputs()) check(e);
}

}  // namespace cfn::detail
