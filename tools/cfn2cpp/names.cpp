// cfn2cpp: variable names.
#include "names.hpp"

namespace cfn2cpp {

naming::naming(const std::string& token, std::set<std::string> reserved)
    : token_(token), reserved_(std::move(reserved)) {}

std::string naming::snake_case(const std::string& name) const {
    // As naming.snake: characters no word matches (none in a logical ID) separate words.
    std::string result;
    for (auto it = std::sregex_iterator(name.begin(), name.end(), token_); it != std::sregex_iterator(); ++it) {
        if (it->length() == 0) continue;
        if (!result.empty()) result += '_';
        for (char c : it->str()) result += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (result.empty() || (result[0] >= '0' && result[0] <= '9')) result = "r_" + result;
    return result;
}

std::string variable_names::make(const std::string& logical_id) {
    std::string base = rules_.snake_case(logical_id);
    if (rules_.is_reserved(base)) base += '_';
    std::string name = base;
    for (int n = 2; taken_.count(name); ++n) name = base + "_" + std::to_string(n);
    taken_.insert(name);
    return name;
}

}  // namespace cfn2cpp
