// cfnpp: literals of properties checked at compile time against their rule (cfn/constraint.hpp):
// a string's lengths, IPv4/IPv6 addresses and CIDR blocks, patterns that are one character class,
// patterns in pattern_match.hpp's subset and allowed values; a number's bounds; a list literal's
// count of items. The property forms in value.hpp call these from consteval functions, in the
// style of the logical-ID check.
#pragma once

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view

#include <cfn/address.hpp>
#include <cfn/constraint.hpp>
#include <cfn/pattern_match.hpp>

namespace cfn::detail {

// Intentionally not constexpr: calling one during constant evaluation is the compile error, and
// the compiler shows its name, the property's type (with its CloudFormation name and its rule)
// and the literal.
void literal_is_shorter_than_the_property_allows();
void literal_is_longer_than_the_property_allows();
void literal_is_not_an_ipv4_address();
void literal_is_not_an_ipv6_address();
void literal_is_not_an_ipv4_cidr();
void literal_is_not_an_ipv6_cidr();
void literal_has_a_character_the_property_pattern_does_not_allow();
void literal_does_not_match_the_property_pattern();
void literal_is_not_one_of_the_property_allowed_values();

/// Fails with the pattern in its argument (clang shows it: "in call to
/// 'literal_does_not_match(&"^[a-z0-9.-]+$"[0])'"; g++ names the rule's pattern object). Called
/// only when a literal does not match, so it always fails; the test of the pattern's first
/// character is there so that g++ does not refuse, where it is defined, a constexpr function that
/// never gives a constant. Not a test of the pointer against null: g++ does not evaluate "this
/// address is not null" as a constant under -fsanitize=undefined.
constexpr void literal_does_not_match(const char* pattern) {
    if (pattern[0] != '\0') literal_does_not_match_the_property_pattern();
}

/// Whether ASCII character `c` is in an ECMAScript character class body (`a-z0-9_\-`, `^\s`).
/// A code point beyond ASCII is in the class only through a negation (`^...`, `\S`, `\W`, `\D`).
constexpr bool in_character_class(std::string_view body, char32_t c) {
    bool negated = !body.empty() && body[0] == '^';
    if (negated) body.remove_prefix(1);
    auto escape_matches = [c](char e, bool& known) {
        known = true;
        bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        bool digit = c >= '0' && c <= '9';
        bool space = c == ' ' || (c >= '\t' && c <= '\r');
        switch (e) {
            case 'w': return word;
            case 'W': return !word;
            case 'd': return digit;
            case 'D': return !digit;
            case 's': return space;
            case 'S': return !space;
            default: known = false; return false;
        }
    };
    bool found = false;
    for (std::size_t i = 0; i < body.size() && !found; ++i) {
        char32_t low = static_cast<unsigned char>(body[i]);
        if (body[i] == '\\' && i + 1 < body.size()) {
            bool known = false;
            bool m = escape_matches(body[i + 1], known);
            ++i;
            if (known) {
                found = m;
                continue;
            }
            low = static_cast<unsigned char>(body[i]);  // an escaped literal: \- \. \]
        }
        char32_t high = low;
        if (i + 2 < body.size() && body[i + 1] == '-') {
            std::size_t at = i + 2;
            if (body[at] == '\\' && at + 1 < body.size()) ++at;
            high = static_cast<unsigned char>(body[at]);
            i = at;
        }
        found = c >= low && c <= high;
    }
    return found != negated;
}

/// Calls the function that names the broken rule, when `text` breaks `rule`.
constexpr void check_literal(const string_rule& rule, std::string_view text) {
    std::size_t characters = 0;
    std::string_view allowed(rule.characters);
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte
        ++characters;
        if (!allowed.empty() && !in_character_class(allowed, byte < 0x80 ? char32_t(byte) : char32_t(0x80)))
            literal_has_a_character_the_property_pattern_does_not_allow();
    }
    if (characters < rule.min_length) literal_is_shorter_than_the_property_allows();
    if (rule.max_length != value_constraint::no_limit && characters > rule.max_length)
        literal_is_longer_than_the_property_allows();
    switch (rule.format) {
        case value_format::ipv4:
            if (!parse_ipv4(text)) literal_is_not_an_ipv4_address();
            break;
        case value_format::ipv6:
            if (!parse_ipv6(text)) literal_is_not_an_ipv6_address();
            break;
        case value_format::ipv4_cidr:
            if (!parse_network(text, false)) literal_is_not_an_ipv4_cidr();
            break;
        case value_format::ipv6_cidr:
            if (!parse_network(text, true)) literal_is_not_an_ipv6_cidr();
            break;
        case value_format::none: break;
    }
}

/// Calls literal_does_not_match when `text` contains no match of the rule's pattern (`*Pattern`,
/// compiled once per translation unit). A literal with a byte beyond ASCII is left to cfn::check
/// (std::regex reads bytes, the compile-time matcher ASCII characters), and so is one too long to
/// match within pattern_match_budget.
template <const char* const* Pattern>
constexpr void check_literal_pattern(std::string_view text) {
    constexpr auto& program = compiled_pattern<Pattern>;
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return;
    if (program.size * text.size() <= pattern_match_budget && !run_pattern(program.code, program.size, text))
        literal_does_not_match(*Pattern);
}

/// Calls literal_is_not_one_of_the_property_allowed_values when `text` is none of the '|'-separated
/// values of `*Allowed`. The message names the list (`instance_type_allowed`, next to the member in
/// the resource's header) rather than showing it: EC2's instance types are 1,212 values.
template <const char* const* Allowed>
constexpr void check_literal_allowed(std::string_view text) {
    std::string_view values(*Allowed);
    for (;;) {
        std::size_t bar = values.find('|');
        if (values.substr(0, bar) == text) return;
        if (bar == std::string_view::npos) break;
        values.remove_prefix(bar + 1);
    }
    literal_is_not_one_of_the_property_allowed_values();
}

// A rule without a pattern or allowed values. Specializations rather than `if constexpr
// (Rule.pattern != nullptr)`: with -fsanitize=undefined (or -fno-delete-null-pointer-checks) g++
// does not take "the address of a variable is not null" as a constant expression, while template
// arguments are compared without evaluating anything.
template <>
constexpr void check_literal_pattern<nullptr>(std::string_view) {}
template <>
constexpr void check_literal_allowed<nullptr>(std::string_view) {}

// Number literals. ---------------------------------------------------------------------------------
// An Integer or Double property's `int` or `double` literal, against the schema's bounds (shown in
// the message as the `cfn::integer_rule{...}` or `cfn::number_rule{...}` of the property's type).
// Not constexpr, as above.
void integer_is_below_the_property_minimum();
void integer_is_above_the_property_maximum();
void number_is_below_the_property_minimum();
void number_is_above_the_property_maximum();

/// Calls the function that names the broken bound, when the integer `value` is out of `rule`'s
/// (an integer_rule, or the number_rule of a Double property).
template <class Rule>
constexpr void check_integer_literal(const Rule& rule, int value) {
    if (value < rule.minimum) integer_is_below_the_property_minimum();
    if (value > rule.maximum) integer_is_above_the_property_maximum();
}

/// The same for a `double` literal (a Double property).
constexpr void check_number_literal(const number_rule& rule, double value) {
    if (value < rule.minimum) number_is_below_the_property_minimum();
    if (value > rule.maximum) number_is_above_the_property_maximum();
}

// List literals. ----------------------------------------------------------------------------------
// The count of items of a list literal `{a, b, c}`, against the schema's minItems/maxItems (the
// `cfn::list_rule{...}` of the property's type). Not constexpr, as above.
void list_has_fewer_items_than_the_property_allows();
void list_has_more_items_than_the_property_allows();

/// Calls the function that names the broken bound, when `items` is out of `rule`'s.
constexpr void check_item_count(const list_rule& rule, std::size_t items) {
    if (items < rule.min_items) list_has_fewer_items_than_the_property_allows();
    if (rule.max_items != value_constraint::no_limit && items > rule.max_items)
        list_has_more_items_than_the_property_allows();
}

}  // namespace cfn::detail
