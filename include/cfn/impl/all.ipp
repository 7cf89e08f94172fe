// cfnpp implementation: every non-template function of the core (what cfn/cfn.hpp declares).
// cfn/cfn.hpp includes this in header-only mode; the compiled runtime includes impl/runtime.ipp,
// which adds the optional parts. Each file includes what it uses, so the order here is free.
#pragma once

#include <cfn/impl/node.ipp>
#include <cfn/impl/stack.ipp>
#include <cfn/impl/json_value.ipp>
#include <cfn/impl/emit.ipp>
#include <cfn/impl/check.ipp>
#include <cfn/impl/graph.ipp>
#include <cfn/impl/nested_stack.ipp>
#include <cfn/impl/export.ipp>
#include <cfn/impl/nested_parts.ipp>
#include <cfn/impl/run.ipp>
