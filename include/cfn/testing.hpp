// cfnpp: unit-testing a stack with Catch2, in the spirit of the CDK's `assertions` module.
//
//     #include <cfn/testing.hpp>
//     namespace match = cfn::testing;
//
//     TEST_CASE("two subnets in the VPC") {
//         cfn::stack s = my_stack();
//         cfn::testing::stack_template t{s};
//         CHECK(t.resource_count_is<ec2::subnet>(2));
//         CHECK(t.has_resource_properties("AWS::EC2::Subnet", {{"CidrBlock", "10.0.1.0/24"},
//                                                                  {"VpcId", match::any_value()}}));
//         CHECK(t.has_resource_properties<ec2::vpc>({.cidr_block = "10.0.0.0/16"}));
//     }
//
// Every assertion returns a `match_result`: true, or false with a message that shows the closest
// candidate and the path of each difference. `CHECK(result)` prints that message when it fails.
//
// Patterns are nlohmann::ordered_json values. Objects match partially by default (the keys the
// pattern lists must be there and match; others are ignored), at every depth; lists match item by
// item; scalars match exactly. The matchers below change that where they appear, at any depth:
// they are JSON values too, so literals and matchers mix freely in one pattern.
//
// This header is for test translation units only: it includes Catch2 and nlohmann/json, which a
// stack program should not pay for.
#pragma once

#include <algorithm>    // std::min_element
#include <cstddef>      // std::size_t
#include <map>          // std::map: resource counts by type, for messages
#include <regex>        // std::regex: string_like_regex
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move
#include <vector>       // std::vector

#include <catch2/catch.hpp>  // Catch::StringMaker: a failed CHECK prints the match's message
#include <nlohmann/json.hpp>

#include <cfn/check.hpp>
#include <cfn/emit.hpp>
#include <cfn/expr.hpp>
#include <cfn/reflection.hpp>
#include <cfn/resource.hpp>
#include <cfn/stack.hpp>

namespace cfn::testing {

using json = nlohmann::ordered_json;

// Matchers. -------------------------------------------------------------------------------------

namespace detail {
/// A matcher is a JSON object with this one reserved key (and its argument under "with"): no
/// CloudFormation name starts with '$', so it cannot be mistaken for a template's object.
inline constexpr const char* matcher_key = "$cfnpp.match";

inline json matcher(const char* name, json argument = nullptr) {
    return json{{matcher_key, name}, {"with", std::move(argument)}};
}
inline bool is_matcher(const json& pattern) { return pattern.is_object() && pattern.contains(matcher_key); }
}  // namespace detail

/// An object with at least these keys, matching (the default for object patterns).
inline json object_like(json pattern) { return detail::matcher("object_like", std::move(pattern)); }
/// An object with exactly these keys, matching; nested object patterns are exact too.
inline json object_equals(json pattern) { return detail::matcher("object_equals", std::move(pattern)); }
/// A list containing items matching these, in this order, with any others around them.
inline json array_with(json items) { return detail::matcher("array_with", std::move(items)); }
/// A list of exactly these items; nested object patterns are exact too.
inline json array_equals(json items) { return detail::matcher("array_equals", std::move(items)); }
/// Anything, as long as it is there.
inline json any_value() { return detail::matcher("any_value"); }
/// The key must not be there (in an object pattern).
inline json absent() { return detail::matcher("absent"); }
/// A string in which the regular expression (ECMAScript) finds a match.
inline json string_like_regex(std::string regex) { return detail::matcher("string_like_regex", std::move(regex)); }
/// A string holding JSON that matches `pattern` (an IAM policy in a string, a dashboard body).
inline json serialized_json(json pattern) { return detail::matcher("serialized_json", std::move(pattern)); }
/// Anything that does not match `pattern` (including nothing at all).
inline json not_(json pattern) { return detail::matcher("not", std::move(pattern)); }

// Values as the template writes them, for patterns. ---------------------------------------------

/// A node (cfnpp's own value) as JSON.
inline json as_json(node n) { return n.present() ? json::parse(write_json(n)) : json(nullptr); }
/// A typed expression as JSON: `as_json(network.vpc.ref())` is `{"Ref": "BlueVpc"}`.
template <class T>
json as_json(const expr<T>& e) {
    return as_json(cfn::detail::node_of(e));
}
/// `{"Ref": "<logical id>"}` of anything added to a stack.
inline json ref(const handle_base& h) { return json{{"Ref", h.logical_id()}}; }

// Results. --------------------------------------------------------------------------------------

/// The outcome of a match or an assertion: true, or false with a message saying why.
class match_result {
public:
    static match_result success() { return match_result{true, {}}; }
    static match_result failure(std::string message) { return match_result{false, std::move(message)}; }

    explicit operator bool() const noexcept { return matched_; }
    /// Why it failed; empty when it matched.
    const std::string& message() const noexcept { return message_; }

private:
    match_result(bool matched, std::string message) : matched_(matched), message_(std::move(message)) {}
    bool matched_;
    std::string message_;
};

namespace detail {

/// How a pattern reads in a message: matchers by name, the rest as compact JSON.
inline std::string describe(const json& pattern) {
    if (is_matcher(pattern)) {
        const json& with = pattern["with"];
        return pattern[matcher_key].get<std::string>() + "(" + (with.is_null() ? "" : describe(with)) + ")";
    }
    if (pattern.is_object()) {
        std::string out = "{";
        for (auto it = pattern.begin(); it != pattern.end(); ++it)
            out += (it == pattern.begin() ? "" : ", ") + json(it.key()).dump() + ": " + describe(it.value());
        return out + "}";
    }
    if (pattern.is_array()) {
        std::string out = "[";
        for (std::size_t i = 0; i < pattern.size(); ++i) out += (i ? ", " : "") + describe(pattern[i]);
        return out + "]";
    }
    return pattern.dump();
}

/// A value in a message, shortened when long.
inline std::string shown(const json& value, std::size_t limit = 160) {
    std::string text = value.dump();
    return text.size() <= limit ? text : text.substr(0, limit - 4) + " ...";
}

/// One place where the actual value differs from the pattern.
struct difference {
    std::string path;  ///< "Resources.Subnet1.Properties.Tags[0].Value"
    std::string message;
};

/// Compares a value with a pattern and collects every difference (the CDK's matcher semantics).
class comparison {
public:
    /// `actual` is null when the key is missing. `partial`: do object literals match partially?
    void compare(const json& pattern, const json* actual, const std::string& path, bool partial) {
        if (is_matcher(pattern)) return compare_matcher(pattern, actual, path, partial);
        if (!actual) return found(path, "missing: expected " + describe(pattern));
        if (pattern.is_object()) return compare_object(pattern, *actual, path, partial);
        if (pattern.is_array()) return compare_array(pattern, *actual, path, partial);
        if (pattern != *actual) found(path, "expected " + describe(pattern) + " but received " + shown(*actual));
    }

    const std::vector<difference>& differences() const noexcept { return differences_; }

private:
    void found(const std::string& path, std::string message) { differences_.push_back({path, std::move(message)}); }

    static std::string member_path(const std::string& path, const std::string& key) {
        return path.empty() ? key : path + "." + key;
    }
    static std::string item_path(const std::string& path, std::size_t i) {
        return path + "[" + std::to_string(i) + "]";
    }

    bool matches(const json& pattern, const json* actual, const std::string& path, bool partial) {
        comparison inner;
        inner.compare(pattern, actual, path, partial);
        return inner.differences_.empty();
    }

    void compare_matcher(const json& pattern, const json* actual, const std::string& path, bool partial) {
        const std::string name = pattern[matcher_key].get<std::string>();
        const json& with = pattern["with"];
        if (name == "absent") {
            if (actual) found(path, "expected absent but received " + shown(*actual));
        } else if (!actual) {
            if (name != "not") found(path, "missing: expected " + describe(pattern));
        } else if (name == "any_value") {
        } else if (name == "object_like" || name == "object_equals") {
            compare_object(with, *actual, path, name == "object_like");
        } else if (name == "array_equals") {
            compare_array(with, *actual, path, false);
        } else if (name == "array_with") {
            compare_array_with(with, *actual, path, partial);
        } else if (name == "string_like_regex") {
            if (!actual->is_string() || !std::regex_search(actual->get<std::string>(), std::regex(with.get<std::string>())))
                found(path, "expected a string matching /" + with.get<std::string>() + "/ but received " + shown(*actual));
        } else if (name == "serialized_json") {
            if (!actual->is_string()) return found(path, "expected a string of JSON but received " + shown(*actual));
            json parsed = json::parse(actual->get<std::string>(), nullptr, false);
            if (parsed.is_discarded()) return found(path, "expected a string of JSON but received " + shown(*actual));
            compare(with, &parsed, path + "(parsed)", false);
        }
        if (name == "not" && matches(with, actual, path, partial))
            found(path, "expected not " + describe(with) + " but received " + (actual ? shown(*actual) : "nothing"));
    }

    void compare_object(const json& pattern, const json& actual, const std::string& path, bool partial) {
        if (!actual.is_object()) return found(path, "expected an object but received " + shown(actual));
        for (auto it = pattern.begin(); it != pattern.end(); ++it) {
            auto member = actual.find(it.key());
            compare(it.value(), member == actual.end() ? nullptr : &*member, member_path(path, it.key()), partial);
        }
        if (partial) return;
        for (auto it = actual.begin(); it != actual.end(); ++it)
            if (!pattern.contains(it.key()))
                found(member_path(path, it.key()), "unexpected key, with value " + shown(it.value()));
    }

    void compare_array(const json& pattern, const json& actual, const std::string& path, bool partial) {
        if (!actual.is_array()) return found(path, "expected a list but received " + shown(actual));
        if (pattern.size() != actual.size())
            return found(path, "expected a list of " + std::to_string(pattern.size()) + " items but received " +
                                   std::to_string(actual.size()) + ": " + shown(actual));
        for (std::size_t i = 0; i < pattern.size(); ++i) compare(pattern[i], &actual[i], item_path(path, i), partial);
    }

    /// Each pattern item must match an item after the previous one's match (CDK's arrayWith).
    void compare_array_with(const json& items, const json& actual, const std::string& path, bool partial) {
        if (!actual.is_array()) return found(path, "expected a list but received " + shown(actual));
        std::size_t next = 0;
        for (std::size_t i = 0; i < items.size(); ++i) {
            while (next < actual.size() && !matches(items[i], &actual[next], item_path(path, next), partial)) ++next;
            if (next == actual.size())
                return found(path, "no item matches " + describe(items[i]) +
                                       (i ? " after the item matching " + describe(items[i - 1]) : "") +
                                       "; the list is " + shown(actual));
            ++next;
        }
    }

    std::vector<difference> differences_;
};

inline std::string report(const std::vector<difference>& differences) {
    std::string out = std::to_string(differences.size()) + (differences.size() == 1 ? " difference:" : " differences:");
    for (const auto& d : differences) out += "\n  at " + (d.path.empty() ? "the top" : d.path) + ": " + d.message;
    return out;
}

/// Top-level object patterns match partially, as the CDK's hasResourceProperties does.
inline json top_level(const json& pattern) { return is_matcher(pattern) ? pattern : object_like(pattern); }

}  // namespace detail

/// Matches a value with a pattern (objects partially, as everywhere): the building block of the
/// assertions, and a way to check any part of a template.
inline match_result matches(const json& actual, const json& pattern) {
    detail::comparison c;
    c.compare(pattern, &actual, "", true);
    if (c.differences().empty()) return match_result::success();
    return match_result::failure(detail::report(c.differences()));
}

// The template. ---------------------------------------------------------------------------------

/// A stack's template, ready for assertions. Built from the stack in memory (no file), exactly as
/// `cfn::emit` writes it.
class stack_template {
public:
    explicit stack_template(const cfn::stack& s) : template_(json::parse(emit(s, format::json))) {}

    /// The whole template, for what the assertions do not cover.
    const json& document() const noexcept { return template_; }

    /// The body of one resource (Type, Properties, DependsOn, ...), or null if there is none.
    json resource(std::string_view logical_id) const { return entry("Resources", logical_id); }

    /// Exactly `count` resources of this CloudFormation type.
    match_result resource_count_is(std::string_view type, std::size_t count) const {
        std::size_t found = find_resources(type).size();
        if (found == count) return match_result::success();
        return match_result::failure("expected " + std::to_string(count) + " resources of type " + std::string(type) +
                                     " but found " + std::to_string(found) + " (" + type_counts() + ")");
    }
    template <class R>
        requires requires { R::cfn_resource(); }
    match_result resource_count_is(std::size_t count) const {
        return resource_count_is(R::cfn_resource()->type, count);
    }

    /// A resource of this type whose Properties match the pattern (partially, unless the pattern
    /// is object_equals).
    match_result has_resource_properties(std::string_view type, const json& pattern) const {
        return has_entry("Resources", "resource of type " + std::string(type), of_type(type), detail::top_level(pattern),
                         "Properties");
    }
    /// The typed form: a resource of type R whose Properties include those given, written as in a
    /// stack. Required properties must be given, as always; use the JSON form to leave them out.
    template <class R>
        requires requires { R::cfn_resource(); }
    match_result has_resource_properties(const typename R::properties& properties) const {
        node n = cfn::detail::struct_to_node(&properties, *R::cfn_resource()->properties(), false);
        return has_resource_properties(R::cfn_resource()->type, n.present() ? as_json(n) : json::object());
    }

    /// A resource of this type whose whole body (Type, Properties, DependsOn, Condition,
    /// UpdatePolicy, DeletionPolicy, ...) matches the pattern.
    match_result has_resource(std::string_view type, const json& pattern) const {
        return has_entry("Resources", "resource of type " + std::string(type), of_type(type), detail::top_level(pattern),
                         {});
    }
    /// The typed form: the resource with this logical ID, of type R, with (at least) these
    /// properties and resource attributes, written exactly as it was added to the stack.
    template <class R>
        requires requires { R::cfn_resource(); }
    match_result has_resource(const R& expected) const {
        cfn::stack scratch;  // builds the expected body with the stack's own machinery
        scratch.add(expected);
        const auto& e = scratch.resources().front();
        json body = as_json(e.body);
        json actual = resource(e.id);
        if (actual.is_null())
            return match_result::failure("no resource '" + std::string(e.id) + "' in the template (it has " +
                                         type_counts() + ")");
        return has_entry("Resources", "resource '" + std::string(e.id) + "'", {{std::string(e.id), actual}},
                         detail::top_level(body), {});
    }

    /// The resources of this type whose body matches the pattern: {logical ID: body}, in template order.
    json find_resources(std::string_view type, const json& pattern = json::object()) const {
        json found = json::object();
        for (const auto& [id, body] : of_type(type))
            if (matches(body, pattern)) found[id] = body;
        return found;
    }

    /// The resource's DependsOn names the dependency.
    match_result depends_on(const handle_base& resource_handle, const handle_base& dependency) const {
        std::string id(resource_handle.logical_id());
        json body = resource(id);
        if (body.is_null()) return match_result::failure("no resource '" + id + "' in the template");
        json depends = body.value("DependsOn", json());
        if (depends.is_string()) depends = json::array({depends});
        for (const auto& d : depends)
            if (d == dependency.logical_id()) return match_result::success();
        return match_result::failure("Resources." + id + ".DependsOn: expected to include '" +
                                     std::string(dependency.logical_id()) + "' but it is " +
                                     (depends.is_null() ? "not set" : depends.dump()));
    }

    /// An output, parameter, mapping or condition with this logical ID ("*": any) whose body matches.
    match_result has_output(std::string_view logical_id, const json& pattern) const {
        return has_named("Outputs", "output", logical_id, pattern);
    }
    match_result has_parameter(std::string_view logical_id, const json& pattern) const {
        return has_named("Parameters", "parameter", logical_id, pattern);
    }
    match_result has_mapping(std::string_view logical_id, const json& pattern) const {
        return has_named("Mappings", "mapping", logical_id, pattern);
    }
    match_result has_condition(std::string_view logical_id, const json& pattern) const {
        return has_named("Conditions", "condition", logical_id, pattern);
    }

private:
    using candidates = std::vector<std::pair<std::string, json>>;

    json entry(const char* section, std::string_view id) const {
        if (!template_.contains(section)) return nullptr;
        return template_[section].value(std::string(id), json());
    }

    candidates of_type(std::string_view type) const {
        candidates found;
        if (!template_.contains("Resources")) return found;
        for (const auto& [id, body] : template_["Resources"].items())
            if (body.value("Type", "") == type) found.emplace_back(id, body);
        return found;
    }

    /// "AWS::EC2::Subnet x3, AWS::EC2::VPC x1": what the template has, for messages.
    std::string type_counts() const {
        std::map<std::string, std::size_t> counts;
        if (template_.contains("Resources"))
            for (const auto& [id, body] : template_["Resources"].items()) ++counts[body.value("Type", "")];
        std::string out;
        for (const auto& [type, n] : counts) out += (out.empty() ? "" : ", ") + type + " x" + std::to_string(n);
        return out.empty() ? "no resources" : "the template has " + out;
    }

    match_result has_named(const char* section, const char* what, std::string_view id, const json& pattern) const {
        candidates found;
        if (template_.contains(section))
            for (const auto& [name, body] : template_[section].items())
                if (id == "*" || name == id) found.emplace_back(name, body);
        std::string description = id == "*" ? std::string(what) : std::string(what) + " '" + std::string(id) + "'";
        if (found.empty()) return match_result::failure("no " + description + " in the template");
        return has_entry(section, description, found, detail::top_level(pattern), {});
    }

    /// The CDK's report: if no candidate matches, show the closest one (fewest differences, first
    /// in template order) and where it differs.
    match_result has_entry(const char* section, const std::string& what, const candidates& found,
                           const json& pattern, const char* member) const {
        if (found.empty()) return match_result::failure("no " + what + " in the template (" + type_counts() + ")");
        std::vector<std::vector<detail::difference>> differences;
        for (const auto& [id, body] : found) {
            std::string path = std::string(section) + "." + id;
            const json* actual = &body;
            json none = json::object();  // a resource without Properties has none of them
            if (member) {
                path += std::string(".") + member;
                actual = body.contains(member) ? &body[member] : &none;
            }
            detail::comparison c;
            c.compare(pattern, actual, path, true);
            if (c.differences().empty()) return match_result::success();
            differences.push_back(c.differences());
        }
        auto closest = std::min_element(differences.begin(), differences.end(),
                                        [](const auto& a, const auto& b) { return a.size() < b.size(); });
        const auto& [id, body] = found[static_cast<std::size_t>(closest - differences.begin())];
        std::string candidates_text = std::to_string(found.size()) + (found.size() == 1 ? " candidate" : " candidates");
        json closest_value = member ? body.value(member, json::object()) : body;
        return match_result::failure("no " + what + " matches " + detail::describe(pattern) + " (" + candidates_text +
                                     ")\nthe closest is " + id + ": " + detail::shown(closest_value, 800) + "\n" +
                                     detail::report(*closest));
    }

    json template_;
};

// Guard rails (cfn/guard.hpp). -----------------------------------------------------------------

/// The guard rails' findings on a stack, as `cfn::check` reports them (suppressed ones left out).
inline std::vector<diagnostic> findings(const cfn::stack& s, guard::selection rules = guard::selection::all) {
    std::vector<diagnostic> out;
    for (diagnostic& d : check(s, format::json, rules))
        if (!d.rule.empty()) out.push_back(std::move(d));
    return out;
}

namespace detail {
inline bool on_resource(const diagnostic& d, std::string_view logical_id) {
    std::string prefix = "Resources." + std::string(logical_id);
    return logical_id == "*" || d.path == prefix || d.path.rfind(prefix + ".", 0) == 0;
}
inline std::string listed(const std::vector<diagnostic>& found) {
    std::string out;
    for (const diagnostic& d : found) out += "\n  " + d.to_string();
    return found.empty() ? std::string(" none") : out;
}
}  // namespace detail

/// `rule` finds something on the resource `logical_id` ("*": on any resource).
inline match_result has_finding(const cfn::stack& s, const guard::rule_id& rule, std::string_view logical_id = "*") {
    std::vector<diagnostic> found = findings(s);
    for (const diagnostic& d : found)
        if (d.rule == rule.id && detail::on_resource(d, logical_id)) return match_result::success();
    return match_result::failure("no finding of " + std::string(rule.id) + " on " +
                                 (logical_id == "*" ? std::string("any resource") : "'" + std::string(logical_id) + "'") +
                                 "; the findings are:" + detail::listed(found));
}

/// `rule` finds nothing on the resource `logical_id` ("*": on any resource).
inline match_result has_no_finding(const cfn::stack& s, const guard::rule_id& rule, std::string_view logical_id = "*") {
    std::vector<diagnostic> found;
    for (diagnostic& d : findings(s))
        if (d.rule == rule.id && detail::on_resource(d, logical_id)) found.push_back(std::move(d));
    if (found.empty()) return match_result::success();
    return match_result::failure("expected no finding of " + std::string(rule.id) + ", found:" + detail::listed(found));
}

}  // namespace cfn::testing

namespace Catch {
/// `CHECK(t.has_resource_properties(...))` prints why it failed.
template <>
struct StringMaker<cfn::testing::match_result> {
    static std::string convert(const cfn::testing::match_result& result) {
        return result ? std::string("matched") : "\n" + result.message();
    }
};
}  // namespace Catch
