// cfnpp implementation: every non-template function of the library. cfn/cfn.hpp includes this in
// header-only mode; with CFN_SEPARATE_COMPILATION one translation unit includes it instead.
#pragma once

#include <cfn/impl/node.ipp>
#include <cfn/impl/stack.ipp>
#include <cfn/impl/json_value.ipp>
#include <cfn/impl/emit.ipp>
#include <cfn/impl/check.ipp>
#include <cfn/impl/graph.ipp>
#include <cfn/impl/run.ipp>
#include <cfn/impl/iam_policy.ipp>
