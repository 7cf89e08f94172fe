// cfnpp implementation: where cfn::check finds AWS's catalog of IAM action names. The names
// (impl/iam_action_names.ipp, generated) are 511 KB of literals: a translation unit that parsed
// them to include <cfn/cfn.hpp> would pay for them whether it checks a policy or not. So the pass
// (impl/check/iam.ipp) reads them through this slot, and the one file that compiles them
// (impl/iam_catalog_names.ipp) fills it when the program starts. That file is compiled by the
// runtime (impl/runtime.ipp) and, in header-only mode, by the translation units that include
// <cfn/iam/policy.hpp> or <cfn/iam/action_names.hpp>. Without it, cfn::check judges the shape of
// actions and ARNs, not whether the catalog has them.
#pragma once

#include <string_view>  // std::string_view

#include <cfn/config.hpp>

namespace cfn::detail::iam_check {

struct action_catalog {
    /// The space-separated lower-case actions of a service, or nullptr when it has none.
    const std::string_view* (*actions_of)(std::string_view service);
    /// The services of ARNs that are not action prefixes, space-separated.
    std::string_view other_arn_services;
};

/// The catalog compiled into this program, or null.
CFN_INLINE const action_catalog*& installed_catalog() {
    static const action_catalog* installed = nullptr;
    return installed;
}

}  // namespace cfn::detail::iam_check
