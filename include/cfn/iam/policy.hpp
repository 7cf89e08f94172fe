// cfnpp: typed IAM policy documents, for the Json properties that hold them (AssumeRolePolicyDocument,
// Policies[].PolicyDocument, PolicyDocument of AWS::IAM::Policy, bucket and queue policies, ...).
//
//     namespace iam = cfn::iam;
//     iam::policy_document logs{.statement = {{
//         .effect = iam::effect::allow,
//         .action = {"logs:CreateLogStream", "logs:PutLogEvents"},
//         .resource = {cfn::sub("arn:aws:logs:${AWS::Region}:${AWS::AccountId}:*")},
//         .condition = {iam::string_equals("aws:RequestedRegion", "eu-central-1")},
//     }}};
//     role::policy{.policy_document = logs, .policy_name = "Logs"}
//
// The document is a plain aggregate, written with designated initializers, so that the mistakes
// are compile errors:
//   - a misspelled field (`.statment`, `.efect`): the struct has no such member;
//   - an Effect other than Allow or Deny: it is an enum, `iam::effect::allow` / `deny`;
//   - a missing Effect or Statement: they are required (no default constructor);
//   - an action literal not shaped `service:Action` ("logs CreateLogGroup", "logs:", ":Get"):
//     checked when the program compiles, like a logical ID. `*`, `service:*` and wildcards such as
//     `logs:Describe*` or `s3:Get?bject` are fine. An action computed at run time goes through the
//     visible escape `iam::action::runtime(text)`, which checks the same shape when it runs.
// Resources and principals take strings and typed expressions (Fn::Sub, Fn::GetAtt, Ref ...).
// Conditions are written with one function per operator (`iam::string_like`, `iam::ip_address`,
// `iam::numeric_less_than`, ...), each typed by what the operator compares, and the set operators
// and the IfExists form wrap them: `iam::for_any_value(iam::string_like("aws:TagKeys", {"env*"}))`.
//
// A policy_document has the field table of a generated struct, so it goes wherever a Json value
// goes (`cfn::value<cfn::json>`, `cfn::json_value{doc}`), and is written in its field order:
// Version, Id, Statement; Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource,
// NotResource, Condition.
#pragma once

#include <cstddef>           // offsetof, std::size_t
#include <initializer_list>  // std::initializer_list
#include <string>            // std::string
#include <string_view>       // std::string_view
#include <vector>            // std::vector

#include <cfn/config.hpp>
#include <cfn/expr.hpp>
#include <cfn/reflection.hpp>
#include <cfn/types.hpp>
#include <cfn/value.hpp>

namespace cfn::iam {

/// Statement.Effect.
enum class effect : unsigned char { allow, deny };

namespace detail {

// Intentionally not constexpr: calling it while checking a literal is the compile error, and g++
// shows this name and the offending literal (the trick of cfn::logical_id).
void iam_action_must_be_star_or_service_colon_action_like_s3_GetObject();

/// `*`, or `service:Action` where the service is letters, digits and dashes, and the action letters,
/// digits and the wildcards `*` and `?` (`s3:*`, `logs:Describe*`, `execute-api:Invoke`).
constexpr bool valid_action(std::string_view text) noexcept {
    if (text == "*") return true;
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return false;
    for (std::size_t i = 0; i < colon; ++i) {
        char c = text[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    for (std::size_t i = colon + 1; i < text.size(); ++i) {
        char c = text[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '*' || c == '?'))
            return false;
    }
    return true;
}

}  // namespace detail

/// One action. A literal is checked when the program compiles; see `runtime` for computed ones.
class action {
public:
    template <std::size_t N>
    consteval action(const char (&literal)[N]) : text_(literal, N - 1) {
        if (!detail::valid_action(text_)) detail::iam_action_must_be_star_or_service_colon_action_like_s3_GetObject();
    }
    /// The escape for an action built at run time (`"logs:" + verb`): the same shape is checked
    /// when it runs, and a bad one throws std::invalid_argument. The text is copied.
    static action runtime(std::string_view text);

    constexpr std::string_view str() const noexcept { return text_; }

private:
    struct checked_tag {};
    constexpr action(std::string_view text, checked_tag) noexcept : text_(text) {}
    std::string_view text_;
};

/// Statement.Action / NotAction: a list of actions (`{"logs:PutLogEvents", "logs:Describe*"}`).
class actions {
public:
    constexpr actions() noexcept = default;
    actions(std::initializer_list<action> items);
    actions(const std::vector<action>& items);
    node n;  ///< the list; absent when not set
};

/// Statement.Effect, required: `iam::effect::allow` or `iam::effect::deny`.
class effect_field {
public:
    effect_field() = delete;
    effect_field(iam::effect e);
    node n;
};

/// Statement.Principal / NotPrincipal: `{.service = {"ec2.amazonaws.com"}}`,
/// `{.aws = {role.attr_arn()}}`, or `iam::principal::everyone()` for `"*"`.
struct principal {
    optional<list<str>, "IAM.Principal.AWS"> aws;
    optional<list<str>, "IAM.Principal.CanonicalUser"> canonical_user;
    optional<list<str>, "IAM.Principal.Federated"> federated;
    optional<list<str>, "IAM.Principal.Service"> service;
    /// Set instead of the fields above for `"*"` (everyone()), or an intrinsic function.
    node cfn_intrinsic;

    /// `"Principal": "*"`.
    static principal everyone();

    static const struct_info* cfn_struct() noexcept {
        using self = principal;
        static constexpr field_info fields[] = {
            {"AWS", offsetof(self, aws), field_kind::value, false},
            {"CanonicalUser", offsetof(self, canonical_user), field_kind::value, false},
            {"Federated", offsetof(self, federated), field_kind::value, false},
            {"Service", offsetof(self, service), field_kind::value, false},
        };
        static constexpr struct_info info{"IAM.Principal", fields, offsetof(self, cfn_intrinsic)};
        return &info;
    }
};

/// One test of a Condition block: an operator, a condition key and its values. Made by the operator
/// functions below (`iam::string_equals("aws:SourceVpc", vpc.ref())`) and wrapped by `if_exists`,
/// `for_all_values` and `for_any_value`.
struct condition {
    std::string op;   ///< "StringEquals", "ForAnyValue:StringLike", "NumericLessThanIfExists", ...
    std::string key;  ///< "aws:SourceVpc"
    node values;      ///< one value, or a list of them
};

namespace detail {
condition make_condition(std::string_view op, std::string_view key, const node* values, std::size_t count, bool list);

template <class T>
condition one(std::string_view op, std::string_view key, const value<T>& v) {
    return make_condition(op, key, &v.n, 1, false);
}
template <class T>
condition many(std::string_view op, std::string_view key, std::initializer_list<value<T>> vs) {
    std::vector<node> nodes;
    nodes.reserve(vs.size());
    for (const value<T>& v : vs) nodes.push_back(v.n);
    return make_condition(op, key, nodes.data(), nodes.size(), true);
}
}  // namespace detail

// The condition operators, each typed by what it compares: strings (and ARNs, IP ranges, dates,
// base64 binaries) take strings or string expressions, numeric ones numbers, Bool and Null booleans.
// Each takes one value or a braced list of them.
#define CFN_IAM_CONDITION_OPERATOR(function, name, type)                                                 \
    inline condition function(std::string_view key, value<type> v) { return detail::one(name, key, v); } \
    inline condition function(std::string_view key, std::initializer_list<value<type>> vs) {             \
        return detail::many<type>(name, key, vs);                                                        \
    }

CFN_IAM_CONDITION_OPERATOR(string_equals, "StringEquals", str)
CFN_IAM_CONDITION_OPERATOR(string_not_equals, "StringNotEquals", str)
CFN_IAM_CONDITION_OPERATOR(string_equals_ignore_case, "StringEqualsIgnoreCase", str)
CFN_IAM_CONDITION_OPERATOR(string_not_equals_ignore_case, "StringNotEqualsIgnoreCase", str)
CFN_IAM_CONDITION_OPERATOR(string_like, "StringLike", str)
CFN_IAM_CONDITION_OPERATOR(string_not_like, "StringNotLike", str)
CFN_IAM_CONDITION_OPERATOR(numeric_equals, "NumericEquals", number)
CFN_IAM_CONDITION_OPERATOR(numeric_not_equals, "NumericNotEquals", number)
CFN_IAM_CONDITION_OPERATOR(numeric_less_than, "NumericLessThan", number)
CFN_IAM_CONDITION_OPERATOR(numeric_less_than_equals, "NumericLessThanEquals", number)
CFN_IAM_CONDITION_OPERATOR(numeric_greater_than, "NumericGreaterThan", number)
CFN_IAM_CONDITION_OPERATOR(numeric_greater_than_equals, "NumericGreaterThanEquals", number)
CFN_IAM_CONDITION_OPERATOR(date_equals, "DateEquals", str)
CFN_IAM_CONDITION_OPERATOR(date_not_equals, "DateNotEquals", str)
CFN_IAM_CONDITION_OPERATOR(date_less_than, "DateLessThan", str)
CFN_IAM_CONDITION_OPERATOR(date_less_than_equals, "DateLessThanEquals", str)
CFN_IAM_CONDITION_OPERATOR(date_greater_than, "DateGreaterThan", str)
CFN_IAM_CONDITION_OPERATOR(date_greater_than_equals, "DateGreaterThanEquals", str)
CFN_IAM_CONDITION_OPERATOR(bool_, "Bool", boolean)
CFN_IAM_CONDITION_OPERATOR(binary_equals, "BinaryEquals", str)
CFN_IAM_CONDITION_OPERATOR(ip_address, "IpAddress", str)
CFN_IAM_CONDITION_OPERATOR(not_ip_address, "NotIpAddress", str)
CFN_IAM_CONDITION_OPERATOR(arn_equals, "ArnEquals", str)
CFN_IAM_CONDITION_OPERATOR(arn_not_equals, "ArnNotEquals", str)
CFN_IAM_CONDITION_OPERATOR(arn_like, "ArnLike", str)
CFN_IAM_CONDITION_OPERATOR(arn_not_like, "ArnNotLike", str)

#undef CFN_IAM_CONDITION_OPERATOR

/// Null: `iam::null("aws:TokenIssueTime", true)` (the key is absent).
inline condition null(std::string_view key, value<boolean> absent) { return detail::one("Null", key, absent); }

/// `...IfExists`: the test passes when the key is absent. Not for Null (throws std::invalid_argument).
condition if_exists(condition test);
/// `ForAllValues:...`: every value of a multivalued key must match.
condition for_all_values(condition test);
/// `ForAnyValue:...`: at least one value of a multivalued key must match.
condition for_any_value(condition test);

/// Statement.Condition: the tests, grouped by operator when written (operators in first-use order,
/// keys in order). The same operator and key twice throws std::invalid_argument: JSON objects
/// cannot repeat a key, and merging the values would turn an AND into an OR.
class conditions {
public:
    constexpr conditions() noexcept = default;
    conditions(std::initializer_list<condition> tests);
    conditions(const std::vector<condition>& tests);
    node n;  ///< the Condition object; absent when not set
};

/// One statement. Effect is required; the rest is optional as far as the compiler is concerned
/// (cfn-lint checks the rest of IAM's grammar, e.g. Action or NotAction).
struct statement {
    optional<str, "IAM.Statement.Sid"> sid;
    effect_field effect;
    iam::principal principal = absent;
    iam::principal not_principal = absent;
    actions action;
    actions not_action;
    optional<list<str>, "IAM.Statement.Resource"> resource;
    optional<list<str>, "IAM.Statement.NotResource"> not_resource;
    conditions condition;
    node cfn_intrinsic;

    static const struct_info* cfn_struct() noexcept {
        using self = statement;
        static constexpr field_info fields[] = {
            {"Sid", offsetof(self, sid), field_kind::value, false},
            {"Effect", offsetof(self, effect), field_kind::value, true},
            {"Principal", offsetof(self, principal), field_kind::nested, false, replacement::no, &principal::cfn_struct},
            {"NotPrincipal", offsetof(self, not_principal), field_kind::nested, false, replacement::no, &principal::cfn_struct},
            {"Action", offsetof(self, action), field_kind::value, false},
            {"NotAction", offsetof(self, not_action), field_kind::value, false},
            {"Resource", offsetof(self, resource), field_kind::value, false},
            {"NotResource", offsetof(self, not_resource), field_kind::value, false},
            {"Condition", offsetof(self, condition), field_kind::value, false},
        };
        static constexpr struct_info info{"IAM.Statement", fields, offsetof(self, cfn_intrinsic)};
        return &info;
    }
};

/// A policy document. Version defaults to "2012-10-17"; Statement is required.
struct policy_document {
    optional<str, "IAM.PolicyDocument.Version"> version = "2012-10-17";
    optional<str, "IAM.PolicyDocument.Id"> id;
    required<list<iam::statement>, "IAM.PolicyDocument.Statement"> statement;
    node cfn_intrinsic;

    static const struct_info* cfn_struct() noexcept {
        using self = policy_document;
        static constexpr field_info fields[] = {
            {"Version", offsetof(self, version), field_kind::value, false},
            {"Id", offsetof(self, id), field_kind::value, false},
            {"Statement", offsetof(self, statement), field_kind::value, true},
        };
        static constexpr struct_info info{"IAM.PolicyDocument", fields, offsetof(self, cfn_intrinsic)};
        return &info;
    }
};

}  // namespace cfn::iam

#ifndef CFN_SEPARATE_COMPILATION
#include <cfn/impl/iam_policy.ipp>
#endif
