// Helpers shared by the unit tests: a stack's template as parsed JSON, and its diagnostics.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <cfn/cfn.hpp>

namespace test {

/// The template, written as JSON by cfnpp and read back by nlohmann/json.
inline nlohmann::ordered_json template_of(const cfn::stack& s) {
    return nlohmann::ordered_json::parse(cfn::emit(s, cfn::format::json));
}

/// The one-line messages of `cfn::check`, in order.
inline std::vector<std::string> messages(const cfn::stack& s) {
    std::vector<std::string> out;
    for (const auto& d : cfn::check(s)) out.push_back(d.to_string());
    return out;
}

/// The first error message, or "" when there is none.
inline std::string first_error(const cfn::stack& s) {
    for (const auto& d : cfn::check(s))
        if (d.severity == cfn::diagnostic::level::error) return d.to_string();
    return {};
}

}  // namespace test
