// cfnpp implementation: the checks' pass over IAM policy documents, wherever a resource holds one
// (AssumeRolePolicyDocument, Policies[].PolicyDocument, a bucket or key policy, a typed
// cfn::iam::policy_document or plain Json from cfn2cpp): an object with a Statement whose
// statements have an Effect. Literal actions are looked up in AWS's catalog of actions
// (impl/iam_action_names.ipp, generated from cfn-lint's copy, read through impl/iam_catalog.ipp:
// compiled into the runtime, or in header-only mode where cfn/iam/policy.hpp or
// cfn/iam/action_names.hpp is included): the service must exist, a name must
// be one of its actions, a wildcard (`s3:Get*`) must match at least one. IAM accepts a policy
// naming an action that does not exist (it never matches), so these are warnings, as cfn-lint's
// W3037 is; an action not shaped `service:Action` is an error. Literal ARNs in Resource and
// NotResource must have the shape arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE: too few fields or
// an unknown partition is an error (IAM refuses the policy), an unknown service, a region or an
// account of the wrong shape a warning (IAM accepts a Resource that can match nothing). The compiler
// has already refused the literal actions of a typed document that the catalog lacks
// (cfn/iam/policy.hpp); this pass sees the rest: wildcards, `iam::action::runtime` and Json.
// Intrinsic functions are not judged.
#pragma once

#include <cstddef>      // std::size_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <cfn/config.hpp>
#include <cfn/impl/check/checker.ipp>
#include <cfn/impl/iam_catalog.ipp>  // the catalog, when the program has it compiled in

namespace cfn::detail {

namespace iam_check {

/// What is wrong with a value, and whether IAM refuses it (error) or accepts what can never match
/// (warning). An empty `why`: nothing.
struct finding {
    bool refused = false;
    std::string why;
};

CFN_INLINE std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// The space-separated actions of a service, or nullptr when the catalog has no such service.
/// Only called when the program has the catalog (installed_catalog()).
CFN_INLINE const std::string_view* actions_of(std::string_view service) {
    return installed_catalog()->actions_of(service);
}

/// `name` matches `pattern`, where `*` is any run of characters and `?` any one.
CFN_INLINE bool glob(std::string_view pattern, std::string_view name) {
    std::size_t p = 0, n = 0, star = std::string_view::npos, resume = 0;
    while (n < name.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
            ++p, ++n;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++, resume = n;
        } else if (star != std::string_view::npos) {
            p = star + 1, n = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

/// Whether some action in the space-separated `actions` matches `pattern` (lower case).
CFN_INLINE bool any_action(std::string_view actions, std::string_view pattern) {
    std::size_t start = 0;
    while (start < actions.size()) {
        std::size_t end = actions.find(' ', start);
        if (end == std::string_view::npos) end = actions.size();
        if (glob(pattern, actions.substr(start, end - start))) return true;
        start = end + 1;
    }
    return false;
}

/// Nothing when the action is `*` or in the catalog (a wildcard: matches one of its service's
/// actions), else why not.
CFN_INLINE finding action_error(std::string_view text) {
    if (text == "*") return {};
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size())
        return {true, "'" + std::string(text) + "' is not an IAM action: expected '*' or 'service:Action'"};
    std::string service = lower(text.substr(0, colon));
    std::string name = lower(text.substr(colon + 1));
    if (service.find_first_of("*?") != std::string::npos) return {};  // "*:Get*": any service
    if (!installed_catalog()) return {};  // header-only, without the names (impl/iam_catalog.ipp)
    const std::string_view* actions = actions_of(service);
    if (!actions) return {false, "'" + std::string(text) + "': '" + service + "' is not a service prefix of AWS's catalog of IAM actions"};
    if (!any_action(*actions, name)) {
        bool wildcard = name.find_first_of("*?") != std::string::npos;
        return {false, "'" + std::string(text) + "' " +
                           (wildcard ? "matches none of the actions of '" + service + "' in AWS's catalog of IAM actions"
                                     : "is not an action of '" + service + "' in AWS's catalog of IAM actions")};
    }
    return {};
}

CFN_INLINE bool has_wildcard(std::string_view field) { return field.find_first_of("*?") != std::string_view::npos; }

CFN_INLINE bool known_arn_service(std::string_view service) {
    if (!installed_catalog()) return true;  // not known here (impl/iam_catalog.ipp)
    if (actions_of(service)) return true;
    std::string_view others = installed_catalog()->other_arn_services;
    std::size_t start = 0;
    while (start < others.size()) {
        std::size_t end = others.find(' ', start);
        if (end == std::string_view::npos) end = others.size();
        if (others.substr(start, end - start) == service) return true;
        start = end + 1;
    }
    return false;
}

/// A region's shape: two letters, words, a number (`eu-central-1`, `us-gov-west-1`, `us-isob-east-1`).
CFN_INLINE bool region_shaped(std::string_view region) {
    std::size_t dash = region.find('-');
    if (dash != 2 || region[0] < 'a' || region[0] > 'z' || region[1] < 'a' || region[1] > 'z') return false;
    std::size_t last = region.rfind('-');
    if (last == dash || last + 1 == region.size()) return false;
    for (std::size_t i = last + 1; i < region.size(); ++i)
        if (region[i] < '0' || region[i] > '9') return false;
    for (std::size_t i = dash; i < last; ++i)
        if (!(region[i] == '-' || (region[i] >= 'a' && region[i] <= 'z'))) return false;
    return region.find("--") == std::string_view::npos;
}

/// Nothing when a literal that starts with "arn:" has the shape arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE,
/// else why not. A field with a wildcard is taken as written.
CFN_INLINE finding arn_error(std::string_view arn) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (fields.size() < 5) {
        std::size_t colon = arn.find(':', start);
        if (colon == std::string_view::npos) break;
        fields.push_back(arn.substr(start, colon - start));
        start = colon + 1;
    }
    std::string quoted = "'" + std::string(arn) + "'";
    if (fields.size() < 5 || start >= arn.size())
        return {true, quoted + " is not an ARN: expected arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE"};
    std::string_view partition = fields[1], service = fields[2], region = fields[3], account = fields[4];
    static constexpr std::string_view partitions[] = {"aws",       "aws-cn",    "aws-us-gov", "aws-iso",
                                                      "aws-iso-b", "aws-iso-e", "aws-iso-f",  "aws-eusc"};
    bool partition_ok = has_wildcard(partition);
    for (std::string_view p : partitions) partition_ok = partition_ok || partition == p;
    if (!partition_ok)
        return {true, quoted + ": '" + std::string(partition) + "' is not a partition (aws, aws-cn, aws-us-gov, aws-iso...)"};
    if (!has_wildcard(service) && !known_arn_service(service))
        return {false, quoted + ": '" + std::string(service) + "' is not a service of AWS's catalog of IAM actions"};
    if (!region.empty() && !has_wildcard(region) && !region_shaped(region))
        return {false, quoted + ": '" + std::string(region) + "' is not a region (like eu-central-1), nor empty"};
    bool account_ok = account.empty() || has_wildcard(account) || account == "aws";
    if (account.size() == 12) {
        account_ok = true;
        for (char c : account) account_ok = account_ok && c >= '0' && c <= '9';
    }
    if (!account_ok)
        return {false, quoted + ": '" + std::string(account) + "' is not an account ID (12 digits), '*', 'aws' or empty"};
    return {};
}

}  // namespace iam_check

/// Finds the policy documents under one resource and judges their statements.
class iam_pass {
public:
    explicit iam_pass(std::vector<diagnostic>& found) : found_(found) {}

    void walk(const node_data& value, const std::string& path) {
        if (value.kind == node_kind::object) {
            if (const node_data* statements = policy_statements(value)) {
                std::string where = path + ".Statement";
                if (statements->kind == node_kind::object) statement(*statements, where);
                else
                    for (std::size_t i = 0; i < statements->items.size(); ++i)
                        statement(read(statements->items[i]), where + "[" + std::to_string(i) + "]");
                return;
            }
            for (std::size_t i = 0; i < value.items.size(); ++i) walk(read(value.items[i]), path + "." + value.keys[i]);
        } else if (value.kind == node_kind::list) {
            for (std::size_t i = 0; i < value.items.size(); ++i) walk(read(value.items[i]), path + "[" + std::to_string(i) + "]");
        } else if (value.kind == node_kind::call) {
            // Fn::If branches may be documents: {"Fn::If": [cond, {...}, {...}]}
            for (std::size_t i = 0; i < value.items.size(); ++i) walk(read(value.items[i]), path + "." + value.text);
        }
    }

private:
    /// The Statement of a policy document: an object with a Statement that is a statement (an
    /// object with an Effect) or a list of them; nullptr for any other object.
    static const node_data* policy_statements(const node_data& object) {
        const node_data* s = member(object, "Statement");
        if (!s) return nullptr;
        auto is_statement = [](const node_data& d) { return d.kind == node_kind::object && member(d, "Effect"); };
        if (s->kind == node_kind::object) return is_statement(*s) ? s : nullptr;
        if (s->kind != node_kind::list || s->items.empty()) return nullptr;
        for (node item : s->items)
            if (!is_statement(read(item))) return nullptr;
        return s;
    }

    void statement(const node_data& st, const std::string& path) {
        for (const char* key : {"Action", "NotAction"})
            each_string(st, key, path, [](std::string_view text) { return iam_check::action_error(text); });
        for (const char* key : {"Resource", "NotResource"})
            each_string(st, key, path, [](std::string_view text) {
                return text.rfind("arn:", 0) == 0 ? iam_check::arn_error(text) : iam_check::finding{};
            });
    }

    /// Judges the literal string, or each literal string of the list, at st.key.
    template <class Judge>
    void each_string(const node_data& st, const char* key, const std::string& path, Judge judge) {
        const node_data* v = member(st, key);
        if (!v) return;
        std::string where = path + "." + key;
        auto one = [&](const node_data& d, const std::string& at) {
            if (d.kind != node_kind::string) return;  // an intrinsic function: CloudFormation's to resolve
            iam_check::finding f = judge(d.text);
            if (!f.why.empty())
                found_.push_back({f.refused ? diagnostic::level::error : diagnostic::level::warning, at, std::move(f.why)});
        };
        if (v->kind == node_kind::list)
            for (std::size_t i = 0; i < v->items.size(); ++i) one(read(v->items[i]), where + "[" + std::to_string(i) + "]");
        else
            one(*v, where);
    }

    std::vector<diagnostic>& found_;
};

CFN_INLINE void checker::check_iam() {
    iam_pass pass(found_);
    for (const auto& e : s_.resources())
        if (const node_data* properties = member(read(e.body), "Properties"))
            pass.walk(*properties, "Resources." + std::string(e.id) + ".Properties");
}

}  // namespace cfn::detail
