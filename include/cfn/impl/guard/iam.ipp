// cfnpp implementation: the IAM and resource-policy guard rails (cfn/guard/builtin.hpp).
#pragma once

#include <string>  // std::string

#include <cfn/config.hpp>
#include <cfn/guard/builtin.hpp>
#include <cfn/impl/guard/common.ipp>

namespace cfn::guard::detail {

/// A read-only action by its verb (s3:GetObject, ec2:DescribeInstances): the rest may write.
CFN_INLINE bool read_only(std::string_view action) {
    std::size_t colon = action.find(':');
    if (colon == std::string_view::npos) return false;
    std::string_view verb = action.substr(colon + 1);
    for (std::string_view prefix : {"Get", "List", "Describe", "BatchGet", "Head", "View", "Lookup", "Search",
                                    "Query", "Scan", "Select", "Read"})
        if (verb.substr(0, prefix.size()) == prefix) return true;
    return false;
}

CFN_INLINE bool has(const std::vector<std::string_view>& values, std::string_view value) {
    for (std::string_view v : values)
        if (v == value) return true;
    return false;
}

CFN_INLINE bool admin_statement(const statement& s) {
    auto actions = s.strings("Action");
    return s.allows() && (has(actions, "*") || has(actions, "*:*")) && has(s.strings("Resource"), "*");
}

CFN_INLINE void admin(const resource_view& r, report& found) {
    for (const statement& s : identity_statements(r))
        if (admin_statement(s))
            found(s.path, "the policy allows every action on every resource (administrator access): grant the actions "
                          "the role uses, or attach a reviewed managed policy");
}

CFN_INLINE void wildcard_action(const resource_view& r, report& found) {
    for (const statement& s : identity_statements(r)) {
        if (!s.allows() || admin_statement(s)) continue;
        for (std::string_view action : s.strings("Action"))
            if (is_wildcard_action(action)) {
                found(s.path + ".Action", "the policy allows '" + std::string(action) + "': name the actions it needs");
                break;
            }
    }
}

CFN_INLINE void wildcard_resource_write(const resource_view& r, report& found) {
    for (const statement& s : identity_statements(r)) {
        if (!s.allows() || admin_statement(s) || !has(s.strings("Resource"), "*")) continue;
        for (std::string_view action : s.strings("Action"))
            if (!read_only(action) && action != "iam:PassRole") {
                found(s.path + ".Resource",
                      "'" + std::string(action) + "' may write, on every resource (*): name the resources");
                break;
            }
    }
}

CFN_INLINE void not_action(const resource_view& r, report& found) {
    std::vector<statement> all = identity_statements(r);
    if (r.type == "AWS::IAM::Role")
        for (statement& s : statements(r.property("AssumeRolePolicyDocument"), "Properties.AssumeRolePolicyDocument"))
            all.push_back(std::move(s));
    for (const statement& s : all)
        if (s.allows() && member(s.body, "NotAction").present())
            found(s.path + ".NotAction", "Allow with NotAction allows every action it does not list: list the actions");
}

CFN_INLINE void not_resource(const resource_view& r, report& found) {
    for (const statement& s : identity_statements(r))
        if (s.allows() && member(s.body, "NotResource").present())
            found(s.path + ".NotResource", "Allow with NotResource allows every resource it does not list: list the resources");
}

CFN_INLINE void pass_role_wildcard(const resource_view& r, report& found) {
    for (const statement& s : identity_statements(r)) {
        if (!s.allows() || !has(s.strings("Resource"), "*")) continue;
        auto actions = s.strings("Action");
        if (has(actions, "iam:PassRole") || has(actions, "iam:Pass*"))
            found(s.path + ".Resource", "iam:PassRole on every role (*) lets the holder give any role to a service: "
                                        "name the roles");
    }
}

CFN_INLINE void user_policy(const resource_view& r, report& found) {
    if (r.type == "AWS::IAM::User") {
        if (!items(r.property("Policies")).empty())
            found("Properties.Policies", "the user has inline policies: give the permissions to a group");
        if (!items(r.property("ManagedPolicyArns")).empty())
            found("Properties.ManagedPolicyArns", "the user has managed policies: attach them to a group");
    } else if ((r.type == "AWS::IAM::Policy" || r.type == "AWS::IAM::ManagedPolicy") &&
               !items(r.property("Users")).empty()) {
        found("Properties.Users", "the policy is attached to users: attach it to a group");
    }
}

CFN_INLINE void trust_wildcard_principal(const resource_view& r, report& found) {
    if (r.type != "AWS::IAM::Role") return;
    for (const statement& s : statements(r.property("AssumeRolePolicyDocument"), "Properties.AssumeRolePolicyDocument"))
        if (s.allows() && anyone(member(s.body, "Principal")) && !member(s.body, "Condition").present())
            found(s.path + ".Principal", "anyone (*) may assume the role: name the principals that may");
}

CFN_INLINE void not_principal(const resource_view& r, report& found) {
    std::vector<statement> all = resource_policy_statements(r);
    if (r.type == "AWS::IAM::Role")
        all = statements(r.property("AssumeRolePolicyDocument"), "Properties.AssumeRolePolicyDocument");
    for (const statement& s : all)
        if (s.allows() && member(s.body, "NotPrincipal").present())
            found(s.path + ".NotPrincipal", "Allow with NotPrincipal allows everyone it does not list: list the principals");
}

CFN_INLINE void resource_policy_wildcard_principal(const resource_view& r, report& found) {
    for (const statement& s : resource_policy_statements(r))
        if (s.allows() && anyone(member(s.body, "Principal")) && !member(s.body, "Condition").present())
            found(s.path + ".Principal", "the policy allows anyone (*) without a Condition: name the principals, or add a Condition");
}

CFN_INLINE void resource_policy_wildcard_action(const resource_view& r, report& found) {
    for (const statement& s : resource_policy_statements(r)) {
        if (!s.allows()) continue;
        for (std::string_view action : s.strings("Action"))
            if (is_wildcard_action(action)) {
                found(s.path + ".Action", "the policy allows '" + std::string(action) + "': name the actions");
                break;
            }
    }
}

CFN_INLINE void lambda_permission_wildcard(const resource_view& r, report& found) {
    if (r.type == "AWS::Lambda::Permission" && text(r.property("Principal")) == "*")
        found("Properties.Principal", "anyone (*) may invoke the function: name the principal (a service, an account)");
}

}  // namespace cfn::guard::detail
