// cfnpp implementation: IAM policy documents (cfn/iam/policy.hpp).
#pragma once

#include <stdexcept>  // std::invalid_argument
#include <string>     // std::string
#include <utility>    // std::pair
#include <vector>     // std::vector

#include <cfn/config.hpp>
#include <cfn/impl/node.ipp>
#include <cfn/iam/policy.hpp>

namespace cfn::iam {

CFN_INLINE action action::runtime(std::string_view text) {
    if (!detail::valid_action(text))
        throw std::invalid_argument("cfn::iam::action::runtime: '" + std::string(text) +
                                    "' is not an IAM action: expected '*' or 'service:Action' (wildcards * and ? allowed)");
    return action(cfn::detail::intern(text), checked_tag{});
}

CFN_INLINE actions::actions(std::initializer_list<action> items) : actions(std::vector<action>(items)) {}

CFN_INLINE actions::actions(const std::vector<action>& items) {
    std::vector<node> nodes;
    nodes.reserve(items.size());
    for (const action& a : items) nodes.push_back(cfn::detail::make_string(a.str()));
    n = cfn::detail::make_list(nodes.data(), nodes.size());
}

CFN_INLINE effect_field::effect_field(iam::effect e)
    : n(cfn::detail::make_string(e == iam::effect::allow ? "Allow" : "Deny")) {}

CFN_INLINE principal principal::everyone() {
    principal p = absent;
    p.cfn_intrinsic = cfn::detail::make_string("*");
    return p;
}

CFN_INLINE condition detail::make_condition(std::string_view op, std::string_view key, const node* values,
                                            std::size_t count, bool list) {
    node v = list ? cfn::detail::make_list(values, count) : values[0];
    return condition{std::string(op), std::string(key), v};
}

namespace detail {
CFN_INLINE bool has_set_operator(const std::string& op) {
    return op.rfind("ForAllValues:", 0) == 0 || op.rfind("ForAnyValue:", 0) == 0;
}
CFN_INLINE bool ends_with_if_exists(const std::string& op) {
    return op.size() >= 8 && op.compare(op.size() - 8, 8, "IfExists") == 0;
}
}  // namespace detail

CFN_INLINE condition if_exists(condition test) {
    if (test.op == "Null")
        throw std::invalid_argument("cfn::iam::if_exists: the Null operator has no IfExists form (key '" + test.key + "')");
    if (!detail::ends_with_if_exists(test.op)) test.op += "IfExists";
    return test;
}

CFN_INLINE condition for_all_values(condition test) {
    if (detail::has_set_operator(test.op))
        throw std::invalid_argument("cfn::iam::for_all_values: '" + test.op + "' already has a set operator");
    test.op = "ForAllValues:" + test.op;
    return test;
}

CFN_INLINE condition for_any_value(condition test) {
    if (detail::has_set_operator(test.op))
        throw std::invalid_argument("cfn::iam::for_any_value: '" + test.op + "' already has a set operator");
    test.op = "ForAnyValue:" + test.op;
    return test;
}

CFN_INLINE conditions::conditions(std::initializer_list<condition> tests)
    : conditions(std::vector<condition>(tests)) {}

CFN_INLINE conditions::conditions(const std::vector<condition>& tests) {
    // Operators in first-use order, each with its keys in order.
    std::vector<std::pair<std::string, std::vector<const condition*>>> groups;
    for (const condition& t : tests) {
        auto group = groups.begin();
        while (group != groups.end() && group->first != t.op) ++group;
        if (group == groups.end()) {
            groups.emplace_back(t.op, std::vector<const condition*>{});
            group = groups.end() - 1;
        }
        for (const condition* other : group->second)
            if (other->key == t.key)
                throw std::invalid_argument("cfn::iam::conditions: " + t.op + " tests '" + t.key +
                                            "' twice; give it one test with a list of values");
        group->second.push_back(&t);
    }
    std::vector<std::pair<std::string_view, node>> members;
    for (const auto& [op, group_tests] : groups) {
        std::vector<std::pair<std::string_view, node>> keys;
        for (const condition* t : group_tests) keys.emplace_back(t->key, t->values);
        members.emplace_back(op, cfn::detail::make_object(keys.data(), keys.size()));
    }
    n = cfn::detail::make_object(members.data(), members.size());
}

}  // namespace cfn::iam
