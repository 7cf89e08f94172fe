// cfn2cpp: variable names.
#include "names.hpp"

#include <regex>

namespace cfn2cpp {

namespace {

const std::set<std::string> keywords = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
    "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr",
    "constinit", "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete",
    "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
    "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
    "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
    "requires", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct",
    "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename",
    "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
    // Macros of common headers, and names of the standard library a reader would trip over.
    "NULL", "EOF", "errno", "assert", "linux", "unix", "min", "max", "stdin", "stdout", "stderr",
};

}  // namespace

std::string snake_case(const std::string& name) {
    // As generators/cfngen/naming.py: a run of capitals is one word, digits stay with the word
    // before them.
    static const std::regex token("[A-Z]+v[0-9]+(?![a-z])|[A-Z]+[0-9]*(?![a-z])|[A-Z]?[a-z]+[0-9]*|[0-9]+");
    std::string result;
    for (auto it = std::sregex_iterator(name.begin(), name.end(), token); it != std::sregex_iterator(); ++it) {
        if (!result.empty()) result += '_';
        for (char c : it->str()) result += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (result.empty() || (result[0] >= '0' && result[0] <= '9')) result = "r_" + result;
    return result;
}

std::string variable_names::make(const std::string& logical_id) {
    std::string base = snake_case(logical_id);
    if (keywords.count(base)) base += '_';
    std::string name = base;
    for (int n = 2; taken_.count(name); ++n) name = base + "_" + std::to_string(n);
    taken_.insert(name);
    return name;
}

}  // namespace cfn2cpp
