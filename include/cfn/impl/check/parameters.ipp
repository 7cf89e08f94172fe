// cfnpp implementation: the checks' pass over parameters against the properties they feed. A
// parameter Ref'd as a property's whole value (or as an Fn::If branch of it, or as an element of
// a list property) is compared with that property's constraint from the provider schemas
// (cfn/constraint.hpp): when the parameter accepts a value the property refuses, the stack fails
// to deploy with that value, and cfn::check says so with a warning naming the parameter, the
// property and both constraints.
//
// The comparison is sound rather than complete: a warning means a value exists that the parameter
// accepts and the property refuses. Only what the parameter states is compared: a parameter without
// a bound, allowed values or a pattern leaves the value to the user, and is not reported (cfn-lint
// does not report it either; the 31 AWS sample templates have 26 such parameters feeding bounded
// properties), while a stated bound that admits what the property refuses (MaxLength 100 into a
// 63-character bucket name) is a mistake in the parameter.
// - AllowedValues (and Default) are values: each is judged like a literal property value.
// - Length and range bounds: a stated MaxLength or MaxValue above the property's maximum, a stated
//   MinLength or MinValue below its minimum. An unstated one is not compared.
// - A parameter with an AllowedPattern and no AllowedValues is not compared by length: the pattern
//   may bound the length more tightly than MaxLength says (`^[a-z]{1,10}$`), and whether one
//   regular expression's language is inside another's is not something to guess at.
// - A property's pattern, format or allowed values are compared with AllowedValues and Default
//   only: without them, every String parameter would be reported against every pattern.
// - Only `String` and `Number` parameters: the AWS-specific types (AWS::EC2::KeyPair::KeyName...)
//   are validated by CloudFormation against what exists in the account.
// It reads the entries' facts (each Ref with its template path) and resolves the path through the
// resource type's field tables; a Ref inside another function (Fn::Join, Fn::Select...) is skipped.
#pragma once

#include <algorithm>    // std::find
#include <cstdlib>      // std::strtod
#include <optional>     // std::optional
#include <regex>        // std::regex: a property's pattern against the parameter's values
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <unordered_map>  // std::unordered_map
#include <vector>       // std::vector

#include <cfn/config.hpp>
#include <cfn/constraint.hpp>
#include <cfn/impl/check/checker.ipp>
#include <cfn/impl/check/constraints.ipp>

namespace cfn::detail {

namespace parameters {

/// The property a fact's path names and its constraint: "Resources.B.Properties.BucketName.Ref"
/// gives AWS::S3::Bucket.BucketName. Only a Ref standing for the whole value, a list element or an
/// Fn::If branch; null otherwise (a Ref inside Fn::Join, a property without a constraint).
struct target {
    std::string property;
    const value_constraint* constraint = nullptr;
};

/// "Properties.A.B[0].C.Ref" -> {"A", "B", "[0]", "C"}; nullopt when it does not end in ".Ref".
CFN_INLINE std::optional<std::vector<std::string_view>> segments(std::string_view path) {
    constexpr std::string_view tail = ".Ref";
    if (path.size() < tail.size() || path.substr(path.size() - tail.size()) != tail) return std::nullopt;
    path.remove_suffix(tail.size());
    std::vector<std::string_view> out;
    while (!path.empty()) {
        std::size_t next = path.find_first_of(".[", 1);
        std::string_view part = path.substr(0, next);
        if (part.front() == '.') part.remove_prefix(1);
        out.push_back(part);
        if (next == std::string_view::npos) break;
        path.remove_prefix(next);
    }
    return out;
}

CFN_INLINE std::optional<target> resolve(const struct_info& properties, std::string_view path) {
    auto parts = segments(path);
    if (!parts) return std::nullopt;
    const struct_info* info = &properties;
    const field_info* field = nullptr;
    bool element = false;  // the value is one element of the field's list
    for (std::size_t i = 0; i < parts->size(); ++i) {
        std::string_view part = (*parts)[i];
        // An Fn::If branch stands for the value it is in: Fn::If[1] and Fn::If[2] are the branches.
        if (part == "Fn::If" && i + 1 < parts->size() && ((*parts)[i + 1] == "[1]" || (*parts)[i + 1] == "[2]")) {
            ++i;
            continue;
        }
        if (part.front() == '[') {
            if (!field || element || field->kind == field_kind::nested) return std::nullopt;
            if (field->nested) {  // a list of property types: go into the element
                info = field->nested();
                field = nullptr;
            } else {
                element = true;
            }
            continue;
        }
        if (field && field->kind == field_kind::nested) {
            info = field->nested();
            field = nullptr;
        }
        if (field || !info) return std::nullopt;  // a key under a scalar, list element or map
        for (std::size_t f = 0; f < info->field_count && !field; ++f)
            if (info->fields[f].name == part) field = &info->fields[f];
        if (!field) return std::nullopt;
    }
    if (!field || field->kind == field_kind::nested || !field->constraint) return std::nullopt;
    const value_constraint* c = element ? field->constraint->elements : field->constraint;
    if (!c) return std::nullopt;
    return target{std::string(info->name) + "." + std::string(field->name), c};
}

CFN_INLINE std::string number(double x) { return number_text(x); }

/// The part of `c` that `text` (a value of a String parameter) breaks, in the schemas' words
/// ("maxLength 63", "pattern '^[a-z]+$'"), or "".
CFN_INLINE std::string string_violation(const std::string& text, const value_constraint& c) {
    std::size_t length = constraints::characters(text);
    if (length < c.min_length) return "minLength " + std::to_string(c.min_length);
    if (c.max_length != value_constraint::no_limit && length > c.max_length)
        return "maxLength " + std::to_string(c.max_length);
    if (c.format != value_format::none && !constraints::format_error(text, c.format).empty())
        return std::string("format: ") + constraints::format_name(c.format);
    if (!c.allowed.empty() && !constraints::is_allowed(text, c))
        return "allowed values " + constraints::allowed_listing(c, 4) + (c.allowed_ignore_case ? " in any case" : "");
    if (!c.pattern.empty() && !constraints::matches_pattern(text, c)) return "pattern " + constraints::quoted(c.pattern);
    return {};
}

CFN_INLINE std::string number_violation(double x, const value_constraint& c) {
    if (x < c.minimum) return "minimum " + number(c.minimum);
    if (x > c.maximum) return "maximum " + number(c.maximum);
    return {};
}

CFN_INLINE std::optional<double> as_number(const std::string& text) {
    char* end = nullptr;
    double x = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size()) return std::nullopt;
    return x;
}

/// What a parameter accepts that a property refuses: "String, MaxLength 100" and "maxLength 63".
struct mismatch {
    std::string parameter;
    std::string property;
};

}  // namespace parameters

CFN_INLINE void checker::check_parameter_uses() {
    std::unordered_map<std::string_view, const stack::entry*> parameters;
    for (const auto& e : s_.parameters()) parameters[e.id] = &e;
    for (const auto& e : s_.resources()) {
        if (!e.info) continue;
        std::string prefix = "Resources." + std::string(e.id) + ".Properties.";
        for (const fact& f : e.facts) {
            if (f.what != fact::kind::ref || foreign(f.origin) || f.path.substr(0, prefix.size()) != prefix) continue;
            auto p = parameters.find(f.name);
            if (p == parameters.end()) continue;
            auto t = parameters::resolve(*e.info->properties(), f.path.substr(prefix.size()));
            if (!t) continue;
            auto m = parameter_mismatch(*p->second, *t->constraint);
            if (!m) continue;
            std::string path(f.path.substr(0, f.path.size() - 4));  // the property, without ".Ref"
            warning(path, "parameter " + std::string(f.name) + " (" + m->parameter + ") does not fit " + t->property +
                              " (" + m->property + "): a value it accepts fails to deploy");
        }
    }
}

/// Nothing when every value parameter `e` states it accepts is one `c` accepts (as far as can be
/// told soundly, see the top of this file); else the two constraints that disagree.
CFN_INLINE std::optional<parameters::mismatch> checker::parameter_mismatch(const stack::entry& e,
                                                                        const value_constraint& c) {
    const node_data& body = read(e.body);
    const node_data* type = member(body, "Type");
    if (!type || (type->text != "String" && type->text != "Number")) return std::nullopt;
    const std::string& kind = type->text;
    bool is_number = kind == "Number";
    auto stated = [&](const char* key) -> std::optional<double> {
        const node_data* d = member(body, key);
        if (!d) return std::nullopt;
        return parameters::as_number(scalar_text(*d));
    };
    // One value it accepts: an allowed value or the default.
    auto judge = [&](const std::string& value, const char* what) -> std::optional<parameters::mismatch> {
        std::string why;
        if (c.minimum != -value_constraint::unbounded || c.maximum != value_constraint::unbounded)
            if (auto x = parameters::as_number(value)) why = parameters::number_violation(*x, c);
        if (why.empty() && !is_number) why = parameters::string_violation(value, c);
        if (why.empty()) return std::nullopt;
        return parameters::mismatch{kind + ", " + what + " '" + value + "'", why};
    };
    const node_data* allowed = member(body, "AllowedValues");
    if (allowed && allowed->kind == node_kind::list)
        for (node a : allowed->items)
            if (auto m = judge(scalar_text(read(a)), "AllowedValues")) return m;
    if (const node_data* d = member(body, "Default"))
        if (auto m = judge(scalar_text(*d), "Default")) return m;
    if (allowed) return std::nullopt;  // its allowed values are all it accepts
    auto bound = [](const char* key, double v) { return std::string(key) + " " + parameters::number(v); };
    if (is_number) {
        auto min_value = stated("MinValue");
        auto max_value = stated("MaxValue");
        if (max_value && *max_value > c.maximum)
            return parameters::mismatch{kind + ", " + bound("MaxValue", *max_value), "maximum " + parameters::number(c.maximum)};
        if (min_value && *min_value < c.minimum)
            return parameters::mismatch{kind + ", " + bound("MinValue", *min_value), "minimum " + parameters::number(c.minimum)};
        return std::nullopt;
    }
    if (member(body, "AllowedPattern")) return std::nullopt;  // it may bound the length more tightly
    auto max_length = stated("MaxLength");
    auto min_length = stated("MinLength");
    if (max_length && c.max_length != value_constraint::no_limit && *max_length > c.max_length)
        return parameters::mismatch{kind + ", " + bound("MaxLength", *max_length), "maxLength " + std::to_string(c.max_length)};
    if (min_length && *min_length < c.min_length)
        return parameters::mismatch{kind + ", " + bound("MinLength", *min_length), "minLength " + std::to_string(c.min_length)};
    return std::nullopt;
}

}  // namespace cfn::detail
