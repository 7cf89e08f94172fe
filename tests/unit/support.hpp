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

/// The one-line messages of `cfn::check`, in order, without the guard rails (test_guard.cpp's).
inline std::vector<std::string> messages(const cfn::stack& s) {
    std::vector<std::string> out;
    for (const auto& d : cfn::check(s, cfn::format::json, cfn::guard::selection::none)) out.push_back(d.to_string());
    return out;
}

/// The first error message, or "" when there is none.
inline std::string first_error(const cfn::stack& s) {
    for (const auto& d : cfn::check(s, cfn::format::json, cfn::guard::selection::none))
        if (d.severity == cfn::diagnostic::level::error) return d.to_string();
    return {};
}

/// The bytes of `s` in hex ("C0 AF"), for the INFO of a failed check.
inline std::string hex(const std::string& s) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) out += std::string(out.empty() ? "" : " ") + digits[c >> 4] + digits[c & 0xF];
    return out;
}

}  // namespace test
