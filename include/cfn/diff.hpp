// cfnpp: what deploying a template would change, compared with the template deployed before.
//
// The engine behind `PROGRAM diff` and `PROGRAM deploy` (run.hpp). It compares two templates as
// JSON text and knows, for the resource types the program uses, which properties replace a
// resource when they change (the spec's causesReplacement), which types hold data (isStateful) and
// which properties are security policy (scrutinizable): reflection.hpp's tables. Implemented in
// cfnpp::runtime (src/runtime/diff.cpp); nothing here is needed to write a template.
#pragma once

#include <cstdint>      // std::uint8_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <cfn/reflection.hpp>

namespace cfn {

class stack;

/// What a change does to a deployed resource, from the mildest to the most destructive.
enum class impact : std::uint8_t {
    none,
    create,       ///< a new resource
    update,       ///< updated in place
    may_replace,  ///< replaced or not depending on the value or the resource (causesReplacement maybe)
    replace,      ///< a new physical resource, the old one deleted (its physical ID changes)
    orphan,       ///< removed from the stack, kept in the account (DeletionPolicy Retain)
    destroy,      ///< deleted
};
/// "create", "update", "may-replace", "replace", "orphan", "destroy" ("none" for none).
std::string_view to_string(impact i) noexcept;

enum class change_kind : std::uint8_t { add, remove, modify };
std::string_view to_string(change_kind c) noexcept;  ///< "add", "remove", "modify"

/// One changed property (or resource attribute such as DependsOn) of a modified resource.
struct property_change {
    std::string path;       ///< "CidrBlock", "Tags", "DeletionPolicy"; nested: "CpuOptions.CoreCount"
    std::string old_value;  ///< shortened, e.g. "10.0.1.0/24" or "Ref Subnet"; empty when added
    std::string new_value;  ///< empty when removed
    cfn::impact impact;
    std::string because;    ///< why a property that did not change is listed: "SubnetA is replaced"
};

struct resource_change {
    std::string logical_id;
    std::string type;      ///< the new type (the old one when removed)
    std::string old_type;  ///< set when the type changed
    change_kind change;
    cfn::impact impact;
    bool stateful = false;  ///< the type holds data (spec isStateful): flagged when replaced or destroyed
    std::vector<property_change> properties;
};

/// An IAM statement (or managed policy, or Lambda permission) added or removed.
struct iam_change {
    bool added;
    std::string resource;   ///< the logical ID whose policy it is
    std::string effect;     ///< "Allow" / "Deny"
    std::string actions;    ///< "ec2:Describe*, s3:GetObject"
    std::string resources;  ///< what it applies to ("*" when absent)
    std::string principal;  ///< who: the principal of a resource policy, the role of an identity policy
};

/// A security group rule added or removed.
struct rule_change {
    bool added;
    std::string group;      ///< the security group (logical ID, or "Ref X")
    std::string direction;  ///< "ingress" / "egress"
    std::string protocol;   ///< "tcp", "udp", "icmp", "all"
    std::string ports;      ///< "2377", "7946", "0-65535"; empty for all
    std::string peer;       ///< "0.0.0.0/0", "Ref ManagerSecurityGroup", "pl-123"
};

/// A Parameters, Mappings, Conditions, Rules or Outputs entry (or the Transform, Description).
struct section_change {
    std::string section;  ///< "Parameters"
    std::string name;
    change_kind change;
};

struct template_diff {
    std::vector<resource_change> resources;  ///< sorted by logical ID
    std::vector<iam_change> iam;
    std::vector<rule_change> security_groups;
    std::vector<section_change> sections;

    bool empty() const noexcept { return resources.empty() && iam.empty() && security_groups.empty() && sections.empty(); }
};

/// Compares the deployed template `old_template` (JSON; empty for a stack that does not exist
/// yet) with `new_template` (JSON). `types` are the descriptors of the resource types the
/// program uses; a type not among them (a resource the program no longer has) is compared without
/// property knowledge. Throws std::runtime_error naming the template and the problem when either
/// is not a JSON template.
template_diff diff_templates(std::string_view old_template, std::string_view new_template,
                             const std::vector<const resource_info*>& types);

/// The descriptors of the generated resource types `s` uses, for diff_templates.
std::vector<const resource_info*> resource_types_of(const stack& s);

/// The diff as tables for a terminal (ANSI colour when `colour`), ending in a summary line.
std::string format_diff(const template_diff& d, bool colour);
/// The diff as a JSON document: {"resources": [{"logical_id", "type", "change", "impact",
/// "stateful", "properties": [...]}], "iam": [...], "security_groups": [...], "sections": [...]}.
std::string diff_to_json(const template_diff& d);

}  // namespace cfn
