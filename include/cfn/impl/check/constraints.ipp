// cfnpp implementation: the checks' pass over property values against the constraints of AWS's
// resource provider schemas (cfn/constraint.hpp: patterns, bounds, lengths, item counts, IP
// formats, allowed values) and the conditional requirements between properties. It walks each
// resource's Properties with the field tables of its generated type. Only literal values are
// judged: an intrinsic function (Ref, Fn::Sub, Fn::If...) is resolved by CloudFormation at deploy
// time, and is skipped.
#pragma once

#include <algorithm>      // std::find, std::min, std::upper_bound
#include <cstddef>        // std::size_t
#include <cstdint>        // std::uint32_t
#include <map>            // std::map
#include <memory>         // std::unique_ptr
#include <regex>          // std::regex: the schemas' patterns
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <utility>        // std::pair
#include <vector>         // std::vector

#include <cfn/address.hpp>
#include <cfn/config.hpp>
#include <cfn/constraint.hpp>
#include <cfn/impl/check/checker.ipp>
#include <cfn/impl/unicode_categories.ipp>  // unicode_class_runs: \p{L} beyond ASCII
#include <cfn/impl/utf8.ipp>                // utf8_sequence, utf8_invalid_at
#include <cfn/pattern_match.hpp>

namespace cfn::detail {

namespace constraints {

/// The length CloudFormation counts: characters (code points), not UTF-8 bytes.
CFN_INLINE std::size_t characters(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

/// "A|B" -> {"A", "B"}.
CFN_INLINE std::vector<std::string_view> split(std::string_view names, char separator) {
    std::vector<std::string_view> out;
    while (true) {
        std::size_t at = names.find(separator);
        out.push_back(names.substr(0, at));
        if (at == std::string_view::npos) return out;
        names.remove_prefix(at + 1);
    }
}

/// "A, B or C" (`conjunction` "or"/"and"); an alternative of properties set together, "A+B", is
/// written "A with B".
CFN_INLINE std::string enumerate(const std::vector<std::string_view>& names, const char* conjunction) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? std::string(" ") + conjunction + " " : ", ";
        std::vector<std::string_view> together = split(names[i], '+');
        for (std::size_t j = 0; j < together.size(); ++j) out += (j ? " with " : "") + std::string(together[j]);
    }
    return out;
}

CFN_INLINE std::string quoted(std::string_view text) {
    constexpr std::size_t shown = 80;
    if (text.size() <= shown) return "'" + std::string(text) + "'";
    return "'" + std::string(text.substr(0, shown)) + "...' (" + std::to_string(characters(text)) + " characters)";
}

CFN_INLINE const char* format_name(value_format f) {
    switch (f) {
        case value_format::ipv4: return "an IPv4 address";
        case value_format::ipv6: return "an IPv6 address";
        case value_format::ipv4_cidr: return "an IPv4 CIDR";
        case value_format::ipv6_cidr: return "an IPv6 CIDR";
        case value_format::none: break;
    }
    return "";
}

/// ASCII case folding: the allowed values the schemas compare case-insensitively are ASCII, as
/// cfn-lint's `str.lower()` comparison of them is then.
CFN_INLINE bool equal_ignoring_case(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

/// Whether `text` is one of `c.allowed` (case-insensitively when the schema says so).
/// Scans the '|'-separated list in place: EC2's instance types are 1,212 values, and a check
/// runs for every literal of such a property.
CFN_INLINE bool is_allowed(std::string_view text, const value_constraint& c) {
    for (std::string_view rest = c.allowed;;) {
        std::size_t bar = rest.find('|');
        std::string_view v = rest.substr(0, bar);
        if (c.allowed_ignore_case ? equal_ignoring_case(v, text) : v == text) return true;
        if (bar == std::string_view::npos) return false;
        rest.remove_prefix(bar + 1);
    }
}

/// The allowed values of `c` for a message: "gp2, gp3 or io1", "a, b, c, and 1,209 more" past
/// `shown` of them (EC2 instance types are hundreds).
CFN_INLINE std::string allowed_listing(const value_constraint& c, std::size_t shown) {
    std::vector<std::string_view> values = split(c.allowed, '|');
    std::vector<std::string_view> some(values.begin(), values.begin() + std::min(values.size(), shown));
    std::string list;
    if (values.size() <= shown) {
        list = enumerate(some, "or");
    } else {
        for (std::string_view v : some) list += std::string(v) + ", ";
        list += "and " + std::to_string(values.size() - shown) + " more";
    }
    return list;
}

/// The unicode_class (cfn/pattern_match.hpp) of a code point beyond ASCII.
CFN_INLINE unsigned unicode_class_of(char32_t cp) {
    const std::uint32_t* runs = unicode_class_runs;
    const std::uint32_t* end = runs + sizeof unicode_class_runs / sizeof *unicode_class_runs;
    return *(std::upper_bound(runs, end, (static_cast<std::uint32_t>(cp) << 4) | 0xF) - 1) & 0xF;
}

/// Reads a value's UTF-8 code points for a pattern program (pattern_match.hpp's ascii_reader reads
/// ASCII while compiling): an ASCII character as itself, a code point beyond as 128 + its class.
struct utf8_reader {
    static constexpr bool ascii = false;
    unsigned operator()(std::string_view text, std::size_t& pos) const {
        char32_t cp = 0;
        int length = utf8_sequence(text, pos, cp);
        if (length == 0) {  // not reached: a value that is not UTF-8 is not matched (unicode_pattern_search)
            ++pos;
            return no_character;
        }
        pos += static_cast<std::size_t>(length);
        return cp < 0x80 ? static_cast<unsigned>(cp) : 128 + unicode_class_of(cp);
    }
};

/// Whether `pattern` has a property class, `\p{..}` or `\P{..}`, which std::regex does not read.
CFN_INLINE bool has_property_class(std::string_view pattern) {
    for (std::size_t i = 0; i + 1 < pattern.size(); ++i)
        if (pattern[i] == '\\') {
            if (pattern[i + 1] == 'p' || pattern[i + 1] == 'P') return true;
            ++i;  // an escaped character, `\\` included
        }
    return false;
}

/// A pattern with property classes, compiled by pattern_match.hpp (empty when outside its subset:
/// the generator carries none such). Kept per thread, as `pattern` below.
CFN_INLINE const std::vector<pattern_instruction>& unicode_pattern(std::string_view source) {
    thread_local std::map<std::string_view, std::vector<pattern_instruction>> compiled;
    auto it = compiled.find(source);
    if (it == compiled.end()) {
        std::vector<pattern_instruction> program(pattern_program_size(source));
        if (!program.empty()) pattern_compiler(source, program.data()).compile();
        it = compiled.emplace(source, std::move(program)).first;
    }
    return it->second;
}

/// Whether `text` contains a match of `source`, a pattern with property classes, read over code
/// points as Python's `regex` module (cfn-lint's) reads them; true when it cannot be judged: a
/// pattern outside the subset, or a `text` that is not UTF-8 (check_utf8 reports that, once).
CFN_INLINE bool unicode_pattern_search(std::string_view source, std::string_view text) {
    const std::vector<pattern_instruction>& program = unicode_pattern(source);
    if (program.empty() || utf8_invalid_at(text) != std::string_view::npos) return true;
    return run_pattern(program.data(), static_cast<unsigned>(program.size()), text, utf8_reader{});
}

/// The schema's pattern compiled, or null when std::regex cannot compile it (the generator leaves
/// out the syntax ECMAScript lacks; what slips through is not judged rather than misjudged). Kept
/// per thread, as the same property recurs: the sources are the generated tables' literals.
CFN_INLINE const std::regex* pattern(const value_constraint& c) {
    thread_local std::map<std::pair<std::string_view, bool>, std::unique_ptr<std::regex>> compiled;
    auto key = std::make_pair(c.pattern, c.pattern_ignores_case);
    auto it = compiled.find(key);
    if (it == compiled.end()) {
        std::unique_ptr<std::regex> re;
        auto flags = std::regex::ECMAScript | (c.pattern_ignores_case ? std::regex::icase : std::regex::flag_type{});
        try {
            re = std::make_unique<std::regex>(c.pattern.begin(), c.pattern.end(), flags);
        } catch (const std::regex_error&) {
        }
        it = compiled.emplace(key, std::move(re)).first;
    }
    return it->second.get();
}

/// Whether `text` contains a match of `c.pattern` (true when it cannot be judged).
CFN_INLINE bool matches_pattern(std::string_view text, const value_constraint& c) {
    if (has_property_class(c.pattern)) return unicode_pattern_search(c.pattern, text);
    const std::regex* re = pattern(c);
    return !re || std::regex_search(text.begin(), text.end(), *re);
}

/// "" when `text` has format `f`, else why not.
CFN_INLINE std::string format_error(std::string_view text, value_format f) {
    bool host_bits = false;
    bool ok = true;
    switch (f) {
        case value_format::ipv4: ok = parse_ipv4(text).has_value(); break;
        case value_format::ipv6: ok = parse_ipv6(text).has_value(); break;
        case value_format::ipv4_cidr: ok = parse_network(text, false, &host_bits).has_value(); break;
        case value_format::ipv6_cidr: ok = parse_network(text, true, &host_bits).has_value(); break;
        case value_format::none: break;
    }
    if (ok) return {};
    return quoted(text) + " is not " + format_name(f) + (host_bits ? " (bits are set after the prefix)" : "");
}

}  // namespace constraints

/// One pass over the resources' properties.
class constraint_pass {
public:
    explicit constraint_pass(std::vector<diagnostic>& found) : found_(found) {}

    void check_struct(const node_data& object, const struct_info& info, const std::string& path) {
        if (object.kind != node_kind::object) return;  // an intrinsic standing for the whole struct
        for (std::size_t i = 0; i < info.requirement_count; ++i) check_requirement(object, info, info.requirements[i], path);
        for (std::size_t i = 0; i < info.field_count; ++i) {
            const field_info& field = info.fields[i];
            const node_data* value = member(object, field.name);
            if (!value) continue;
            std::string where = path + "." + std::string(field.name);
            std::string property = std::string(info.name) + "." + std::string(field.name);
            if (field.kind == field_kind::nested)
                check_struct(*value, *field.nested(), where);
            else
                check_value(*value, field, property, where);
        }
    }

private:
    void error(const std::string& path, const std::string& property, const std::string& message) {
        found_.push_back({diagnostic::level::error, path, property + ": " + message});
    }

    void check_requirement(const node_data& object, const struct_info& info, const requirement& r,
                           const std::string& path) {
        // Each alternative is a property or properties set together ("A+B", written "A with B").
        std::vector<std::string_view> alternatives = constraints::split(r.names, '|');
        // A property set through Fn::If may be AWS::NoValue: whether it is there is not known now.
        auto state = [&](std::string_view name) -> int {  // 0 absent, 1 present, -1 unknown
            const node_data* v = member(object, name);
            if (!v) return 0;
            return v->kind == node_kind::call && v->text == "Fn::If" ? -1 : 1;
        };
        auto held = [&](std::string_view alternative) -> int {  // all of its properties are set
            int result = 1;
            for (std::string_view n : constraints::split(alternative, '+')) result = std::min(result, state(n));
            return result;
        };
        std::vector<std::string_view> set;
        for (std::string_view a : alternatives) {
            int s = held(a);
            if (s < 0) return;
            if (s > 0) set.push_back(a);
        }
        std::string type(info.name);
        std::string names = constraints::enumerate(alternatives, "or");
        switch (r.kind) {
            case requirement_kind::exactly_one:
                if (set.size() == 1) return;
                if (set.empty())
                    error(path, type, (alternatives.size() == 1 ? "" : "one of ") + names + " is required");
                else
                    error(path, type, "only one of " + names + " may be set, not " + constraints::enumerate(set, "and"));
                return;
            case requirement_kind::at_least_one:
                if (set.empty()) error(path, type, (alternatives.size() == 1 ? "" : "one of ") + names + " is required");
                return;
            case requirement_kind::needs:
            case requirement_kind::excludes: {
                int subject = state(r.subject);
                if (subject <= 0) return;
                std::string where = path + "." + std::string(r.subject);
                for (std::string_view n : alternatives) {
                    bool present = std::find(set.begin(), set.end(), n) != set.end();
                    if (r.kind == requirement_kind::needs && !present)
                        error(where, type, std::string(r.subject) + " needs " + std::string(n) + ", which is not set");
                    if (r.kind == requirement_kind::excludes && present)
                        error(where, type, std::string(r.subject) + " cannot be set together with " + std::string(n));
                }
                return;
            }
        }
    }

    void check_value(const node_data& value, const field_info& field, const std::string& property,
                     const std::string& path) {
        if (value.kind == node_kind::call) return;
        const value_constraint* c = field.constraint;
        if (value.kind == node_kind::list) {
            if (c) check_count(value, *c, property, path);
            for (std::size_t i = 0; i < value.items.size(); ++i) {
                const node_data& item = read(value.items[i]);
                std::string where = path + "[" + std::to_string(i) + "]";
                if (field.nested)
                    check_struct(item, *field.nested(), where);
                else if (c && c->elements)
                    check_scalar(item, *c->elements, property, where);
            }
            return;
        }
        if (value.kind == node_kind::object && field.nested) {  // a map of property types
            for (std::size_t i = 0; i < value.items.size(); ++i)
                check_struct(read(value.items[i]), *field.nested(), path + "." + value.keys[i]);
            return;
        }
        if (c) check_scalar(value, *c, property, path);
    }

    void check_count(const node_data& list, const value_constraint& c, const std::string& property,
                     const std::string& path) {
        std::size_t n = list.items.size();
        if (n < c.min_items)
            error(path, property, "has " + std::to_string(n) + " item" + (n == 1 ? "" : "s") + ", fewer than the minimum " +
                                      std::to_string(c.min_items));
        if (c.max_items != value_constraint::no_limit && n > c.max_items)
            error(path, property, "has " + std::to_string(n) + " items, more than the maximum " +
                                      std::to_string(c.max_items));
    }

    void check_scalar(const node_data& value, const value_constraint& c, const std::string& property,
                      const std::string& path) {
        if (value.kind == node_kind::integer || value.kind == node_kind::number) {
            double x = value.kind == node_kind::integer ? static_cast<double>(value.integer) : value.number;
            std::string text = value.kind == node_kind::integer ? std::to_string(value.integer) : number_text(value.number);
            if (x < c.minimum) error(path, property, text + " is less than the minimum " + number_text(c.minimum));
            if (x > c.maximum) error(path, property, text + " is greater than the maximum " + number_text(c.maximum));
            return;
        }
        if (value.kind != node_kind::string) return;
        const std::string& text = value.text;
        std::size_t length = constraints::characters(text);
        if (length < c.min_length)
            error(path, property, constraints::quoted(text) + " is " + std::to_string(length) +
                                      " characters long, shorter than the minimum " + std::to_string(c.min_length));
        if (c.max_length != value_constraint::no_limit && length > c.max_length)
            error(path, property, constraints::quoted(text) + " is " + std::to_string(length) +
                                      " characters long, longer than the maximum " + std::to_string(c.max_length));
        if (c.format != value_format::none) {
            std::string why = constraints::format_error(text, c.format);
            if (!why.empty()) error(path, property, why);
        }
        if (!c.allowed.empty() && !constraints::is_allowed(text, c))
            error(path, property, constraints::quoted(text) + " is not one of the allowed values" +
                                      (c.allowed_ignore_case ? " in any case (" : " (") + constraints::allowed_listing(c, 6) + ")");
        if (!c.pattern.empty() && !constraints::matches_pattern(text, c))
            error(path, property, constraints::quoted(text) + " does not match the pattern " +
                                      constraints::quoted(c.pattern) + (c.pattern_ignores_case ? " (ignoring case)" : ""));
    }

    std::vector<diagnostic>& found_;
};

CFN_INLINE void checker::check_constraints() {
    constraint_pass pass(found_);
    node_data none;  // a resource without Properties still has its requirements ("one of A or B")
    none.kind = node_kind::object;
    for (const auto& e : s_.resources()) {
        if (!e.info) continue;  // a raw resource: no schema to judge it by
        const node_data* properties = member(read(e.body), "Properties");
        pass.check_struct(properties ? *properties : none, *e.info->properties(),
                          "Resources." + std::string(e.id) + ".Properties");
    }
}

}  // namespace cfn::detail
