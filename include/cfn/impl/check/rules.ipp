// cfnpp implementation: the checks' pass that runs the guard rails (cfn/guard.hpp) over every
// resource, built-in rules first, then the stack's own; suppressed findings are left out.
#pragma once

#include <set>     // std::set
#include <string>  // std::string

#include <cfn/config.hpp>
#include <cfn/guard.hpp>
#include <cfn/impl/check/checker.ipp>
#include <cfn/impl/guard/builtin.ipp>
#include <cfn/impl/guard/read.ipp>

namespace cfn::detail {

/// Collects one rule's findings on one resource as diagnostics.
class rule_findings final : public guard::report {
public:
    rule_findings(std::vector<diagnostic>& into, const guard::rule_id& rule, std::string_view logical_id)
        : into_(into), rule_(rule), prefix_("Resources." + std::string(logical_id)) {}
    void operator()(std::string_view path, std::string message) override {
        auto level = rule_.level == guard::severity::error ? diagnostic::level::error : diagnostic::level::warning;
        into_.push_back({level, path.empty() ? prefix_ : prefix_ + "." + std::string(path), std::move(message),
                         std::string(rule_.id)});
    }

private:
    std::vector<diagnostic>& into_;
    const guard::rule_id& rule_;
    std::string prefix_;
};

CFN_INLINE void checker::check_rules(guard::selection rules) {
    if (rules == guard::selection::none) return;
    std::vector<guard::rule> all = guard::builtin_rules();
    all.insert(all.end(), s_.enforced().begin(), s_.enforced().end());
    std::set<std::string_view> for_stack;
    for (node s : guard::items(s_.suppressions())) for_stack.insert(guard::text(guard::member(s, "Id")));
    for (const auto& e : s_.resources()) {
        guard::resource_view view{e.id, guard::text(guard::member(e.body, "Type")), e.body, &s_};
        std::set<std::string_view> suppressed = for_stack;
        for (node s : guard::items(e.suppressed)) suppressed.insert(guard::text(guard::member(s, "Id")));
        for (const guard::rule& r : all) {
            if (rules == guard::selection::security && r.id->kind != guard::category::security) continue;
            if (suppressed.count(r.id->id)) continue;
            rule_findings found(found_, *r.id, e.id);
            r.check(view, found);
        }
    }
}

}  // namespace cfn::detail
