// cfnpp implementation: what cfnpp::runtime compiles (CFN_SEPARATE_COMPILATION): the core, and
// the optional parts whose headers users include only when they use them (cfn/iam/policy.hpp).
// In header-only mode those headers include their own implementation instead, so that
// <cfn/cfn.hpp> declares the same names in both modes.
#pragma once

#ifndef CFN_SEPARATE_COMPILATION
#error "cfn/impl/runtime.ipp is the compiled runtime: define CFN_SEPARATE_COMPILATION"
#endif

#include <cfn/cfn.hpp>
#include <cfn/impl/all.ipp>
#include <cfn/impl/iam_policy.ipp>
#include <cfn/impl/iam_catalog_names.ipp>  // cfn::check's catalog of IAM actions
