// cfnpp: AWS's catalog of IAM action names for cfn::check, in header-only mode. Include it in one
// translation unit of a header-only program whose policies are plain Json (cfn2cpp's output) and
// that does not include <cfn/iam/policy.hpp> (which brings it): cfn::check then looks the actions
// up, as it always does with the compiled runtime (cfnpp::runtime), which has it already. It is
// 511 KB of names, so <cfn/cfn.hpp> leaves it out (docs/design.md).
#pragma once

#include <cfn/config.hpp>

#ifndef CFN_SEPARATE_COMPILATION
#include <cfn/impl/iam_catalog_names.ipp>
#endif
