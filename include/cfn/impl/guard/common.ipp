// cfnpp implementation: what the built-in guard rails share: paths, IAM policy statements,
// numbers that may be strings.
#pragma once

#include <cstdlib>      // std::strtoll
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <cfn/config.hpp>
#include <cfn/guard.hpp>
#include <cfn/impl/guard/read.ipp>

namespace cfn::guard::detail {

CFN_INLINE std::string item_path(std::string_view list_path, std::size_t i) {
    return std::string(list_path) + "[" + std::to_string(i) + "]";
}

/// An integer literal, or a string holding one (CloudFormation reads "22" as 22); `fallback` for
/// anything else (an intrinsic function, nothing at all).
CFN_INLINE long long integer_or(node n, long long fallback) {
    const node_data& d = cfn::detail::read(n);
    if (d.kind == node_kind::integer) return d.integer;
    if (d.kind == node_kind::string && !d.text.empty()) {
        char* end = nullptr;
        long long v = std::strtoll(d.text.c_str(), &end, 10);
        if (end && *end == '\0') return v;
    }
    return fallback;
}

/// One statement of a policy document, with where it is.
struct statement {
    node body;
    std::string path;
    bool allows() const { return text(member(body, "Effect")) == "Allow"; }
    std::vector<std::string_view> strings(std::string_view key) const {
        std::vector<std::string_view> out;
        for (node n : one_or_many(member(body, key)))
            if (!text(n).empty()) out.push_back(text(n));
        return out;
    }
};

/// The statements of a policy document (Statement: one object or a list), at `path`.
CFN_INLINE std::vector<statement> statements(node document, const std::string& path) {
    std::vector<statement> out;
    node list = member(document, "Statement");
    if (cfn::detail::read(list).kind == node_kind::object) {
        out.push_back({list, path + ".Statement"});
        return out;
    }
    std::vector<node> all = items(list);
    for (std::size_t i = 0; i < all.size(); ++i) out.push_back({all[i], item_path(path + ".Statement", i)});
    return out;
}

/// The identity-policy documents of an IAM resource: a role's, user's or group's inline Policies,
/// a policy's or managed policy's PolicyDocument. (A role's trust policy is not one of them.)
CFN_INLINE std::vector<statement> identity_statements(const resource_view& r) {
    std::vector<statement> out;
    auto add = [&](node document, const std::string& path) {
        for (statement& s : statements(document, path)) out.push_back(std::move(s));
    };
    if (r.type == "AWS::IAM::Policy" || r.type == "AWS::IAM::ManagedPolicy") {
        add(r.property("PolicyDocument"), "Properties.PolicyDocument");
    } else if (r.type == "AWS::IAM::Role" || r.type == "AWS::IAM::User" || r.type == "AWS::IAM::Group") {
        std::vector<node> policies = items(r.property("Policies"));
        for (std::size_t i = 0; i < policies.size(); ++i)
            add(member(policies[i], "PolicyDocument"), item_path("Properties.Policies", i) + ".PolicyDocument");
    }
    return out;
}

/// The resource policies: a bucket's, a queue's or a topic's PolicyDocument.
CFN_INLINE std::vector<statement> resource_policy_statements(const resource_view& r) {
    if (r.type == "AWS::S3::BucketPolicy" || r.type == "AWS::SQS::QueuePolicy" || r.type == "AWS::SNS::TopicPolicy")
        return statements(r.property("PolicyDocument"), "Properties.PolicyDocument");
    return {};
}

/// Principal "*" or {"AWS": "*"} (or a list with "*").
CFN_INLINE bool anyone(node principal) {
    if (text(principal) == "*") return true;
    for (node n : one_or_many(member(principal, "AWS")))
        if (text(n) == "*") return true;
    return false;
}

CFN_INLINE bool is_wildcard_action(std::string_view action) {
    return action == "*" || (action.size() > 2 && action.substr(action.size() - 2) == ":*");
}

}  // namespace cfn::guard::detail
