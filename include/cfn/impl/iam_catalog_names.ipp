// cfnpp implementation: AWS's catalog of IAM action names, compiled into the program and installed
// in the slot cfn::check reads (impl/iam_catalog.ipp says why it is a slot). Each translation unit
// that includes this installs the same catalog; the first to start does it.
#pragma once

#include <string_view>  // std::string_view

#include <cfn/config.hpp>
#include <cfn/impl/iam_action_names.ipp>
#include <cfn/impl/iam_catalog.ipp>

namespace cfn::detail::iam_check {

CFN_INLINE const std::string_view* catalog_actions_of(std::string_view service) {
    for (const auto& entry : iam_catalog::services)
        if (entry.service == service) return &entry.actions;
    return nullptr;
}

CFN_INLINE bool install_catalog() {
    static constexpr action_catalog catalog{&catalog_actions_of, iam_catalog::other_arn_services};
    installed_catalog() = &catalog;
    return true;
}

// Internal linkage, so that every translation unit that includes this runs it at start-up (an
// inline variable nothing reads might not be emitted).
[[maybe_unused]] static const bool catalog_installed = install_catalog();

}  // namespace cfn::detail::iam_check
