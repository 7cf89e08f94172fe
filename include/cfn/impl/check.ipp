// cfnpp implementation: the checks run before a template is written (cfn/check.hpp). The checker
// and its passes are in impl/check/: checker.ipp says how to add one.
#pragma once

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <cfn/check.hpp>
#include <cfn/config.hpp>
#include <cfn/impl/check/checker.ipp>
#include <cfn/impl/check/conditions.ipp>
#include <cfn/impl/check/constraints.ipp>
#include <cfn/impl/check/iam.ipp>
#include <cfn/impl/check/identifiers.ipp>
#include <cfn/impl/check/limits.ipp>
#include <cfn/impl/check/networks.ipp>
#include <cfn/impl/check/parameters.ipp>
#include <cfn/impl/check/references.ipp>
#include <cfn/impl/check/rules.ipp>
#include <cfn/impl/check/sub.ipp>
#include <cfn/impl/check/unused.ipp>
#include <cfn/impl/check/values.ipp>
#include <cfn/impl/node.ipp>
#include <cfn/impl/utf8.ipp>
#include <cfn/stack.hpp>

namespace cfn {

CFN_INLINE std::string diagnostic::to_string() const {
    return (severity == level::error ? "error: " : "warning: ") + path + ": " + message +
           (rule.empty() ? "" : " [" + rule + "]");
}

CFN_INLINE std::vector<diagnostic> check(const stack& s, format f, guard::selection rules) {
    detail::arena_in_use in_use{s.arena()};  // read where the stack lives, on any thread
    return detail::checker(s).run(f, nullptr, rules);
}

CFN_INLINE std::vector<diagnostic> detail::check_written(const stack& s, std::string_view written_template,
                                                        guard::selection rules) {
    detail::arena_in_use in_use{s.arena()};
    // The format only matters for writing the template, which the caller has done.
    return detail::checker(s).run(format::json, &written_template, rules);
}

}  // namespace cfn
