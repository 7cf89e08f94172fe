// cfnpp: guard rails, the security and best-practice rules `cfn::check` runs over a stack, and
// their suppressions.
//
// A rule has a stable ID (`CFN-EC2-ADMIN-INGRESS-WORLD`), a severity and a one-line message; the
// built-in rules are the constants of `cfn/guard/builtin.hpp`, documented in docs/rules.md. A
// finding that is acceptable is suppressed in C++, naming the rule by its constant and saying why:
//
//     s.add(ec2::security_group{"Bastion", {...}},
//           {.suppress = {{cfn::guard::ec2_admin_ingress_world, "the bastion is how operators get in"}}});
//     cfn::scope web{s, "Web", {{cfn::guard::s3_access_logs, "logs go to the central account"}}};
//     s.suppress({{cfn::guard::iam_user_policy, "break-glass users, reviewed quarterly"}});
//
// A misspelled rule does not compile (it is an identifier), nor does a string in its place or an
// empty reason. Suppressions are also written to the resource's Metadata in the forms cfn_nag
// (`cfn_nag.rules_to_suppress`), checkov (`checkov.skip`) and cdk-nag (`cdk_nag.rules_to_suppress`)
// read, for the equivalent rules of those tools, so that a team's own scanner agrees.
//
// A rule of your own is a `rule_id` and a function over one resource (`guard::rule`), which the
// stack enforces: `s.enforce({acme_tagged, check_tagged})`.
#pragma once

#include <cstddef>           // std::size_t
#include <cstdint>           // std::uint8_t
#include <initializer_list>  // std::initializer_list
#include <string>            // std::string
#include <string_view>       // std::string_view
#include <vector>            // std::vector

#include <cfn/node.hpp>

namespace cfn {

class stack;

namespace guard {

enum class severity : std::uint8_t { error, warning };
/// `--rules security` runs the security rules only; `--rules all` adds the best practices.
enum class category : std::uint8_t { security, best_practice };

/// What a rule is: the constant a suppression names. Construct it directly (`explicit`), so that a
/// string or a braced list never stands in for a rule.
struct rule_id {
    explicit constexpr rule_id(std::string_view id, severity level, category kind, std::string_view summary,
                               std::string_view resource_types = {}, std::string_view cfn_nag = {},
                               std::string_view checkov = {}, std::string_view cdk_nag = {}) noexcept
        : id(id), level(level), kind(kind), summary(summary), resource_types(resource_types), cfn_nag(cfn_nag),
          checkov(checkov), cdk_nag(cdk_nag) {}

    std::string_view id;       ///< stable, "CFN-..." for the built-in rules
    severity level;
    category kind;
    std::string_view summary;  ///< what the rule wants, one line
    /// The resource types the rule looks at, space-separated (empty: any): a scope or stack
    /// suppression writes its Metadata on resources of these types only.
    std::string_view resource_types;
    /// The equivalent rules of the other scanners, space-separated, written into Metadata.
    std::string_view cfn_nag, checkov, cdk_nag;
};

namespace detail {
// Intentionally not constexpr: reaching it during constant evaluation is the compile error.
void a_suppression_needs_a_reason_saying_why_the_finding_is_acceptable();
constexpr bool blank(std::string_view text) {
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n') return false;
    return true;
}
}  // namespace detail

/// Why a finding is acceptable: a literal, checked not to be empty when the program compiles.
class reason {
public:
    template <std::size_t N>
    consteval reason(const char (&literal)[N]) : text_(literal, N - 1) {
        if (detail::blank(text_)) detail::a_suppression_needs_a_reason_saying_why_the_finding_is_acceptable();
    }
    constexpr std::string_view str() const noexcept { return text_; }

private:
    std::string_view text_;
};

/// One suppression: the rule, by its constant, and why.
struct suppression {
    constexpr suppression(const rule_id& rule, reason why) noexcept : rule(&rule), why(why) {}
    const rule_id* rule;
    reason why;
};

/// A list of suppressions, as a resource's option (`.suppress = {...}`), a scope's or the stack's.
/// Stored as a node, like every resource option, so that resource structs stay trivially copyable.
struct suppressions {
    constexpr suppressions() noexcept = default;
    suppressions(std::initializer_list<suppression> list);
    node n;  ///< a list of {"Id", "Reason", "Types", "CfnNag", "Checkov", "CdkNag"} (impl/guard/suppress.ipp)
};

/// One resource, as a rule sees it: what the template will say about it.
struct resource_view {
    std::string_view logical_id;
    std::string_view type;        ///< "AWS::EC2::SecurityGroup"
    node body;                    ///< Type, Properties, Metadata, UpdatePolicy...
    const cfn::stack* owner;      ///< the other resources, parameters (NoEcho)...
    /// A member by a dotted path from the body ("Properties.MetadataOptions.HttpTokens"); absent
    /// when any step is missing.
    node at(std::string_view dotted_path) const;
    node property(std::string_view name) const;
};

/// Where a rule reports, for one resource and one rule.
class report {
public:
    /// `path` is inside the resource ("Properties.SecurityGroupIngress[0].CidrIp"), the message one line.
    virtual void operator()(std::string_view path, std::string message) = 0;

protected:
    ~report() = default;
};

/// A rule: its identity and the function that looks at each resource.
struct rule {
    using check_function = void (*)(const resource_view& resource, report& found);
    constexpr rule(const rule_id& id, check_function check) noexcept : id(&id), check(check) {}
    const rule_id* id;
    check_function check;
};

/// Which rules `cfn::check` runs: `--rules all|security|none` on the command line.
enum class selection : std::uint8_t { all, security, none };

// Reading values in rules (impl/guard/read.ipp). ------------------------------------------------

/// The member `key` of an object node; absent when n is not an object or has no such member.
node member(node object, std::string_view key);
/// A string literal's text; empty for anything else (an intrinsic function, a number).
std::string_view text(node n);
/// A literal true, or the string "true" (CloudFormation reads both as true).
bool is_true(node n);
/// A literal false or "false": set, and not true. (Absent and intrinsics are neither.)
bool is_false(node n);
/// The items of a list node (empty for anything else).
std::vector<node> items(node list);
/// One item or a list of them, as a list (IAM's Action: "s3:GetObject" or ["s3:GetObject", ...]).
std::vector<node> one_or_many(node n);
/// The logical ID a `{"Ref": ...}` names; empty for anything else.
std::string_view ref_target(node n);
/// Every string literal in `n`, at any depth (Fn::Sub and Fn::Join text included), concatenated.
std::string all_text(node n);

}  // namespace guard
}  // namespace cfn
