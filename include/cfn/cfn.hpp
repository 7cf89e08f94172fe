// cfnpp: CloudFormation templates as type-checked C++. Include this, plus the resource headers
// you use (`cfn/aws/ec2/subnet.hpp`, or a service's umbrella `cfn/aws/ec2.hpp`).
//
//     cfn::stack s{"My stack"};
//     auto vpc = s.add(ec2::vpc{"VPC", {.cidr_block = "10.0.0.0/16"}});
//     s.output("VpcId", vpc.ref());
//     return cfn::run(s, argc, argv);
//
// Headers, one concern each (docs/design.md has the full map):
//   types.hpp       CloudFormation value types as tags (str, integer, list<T>, id<...>)
//   value.hpp       what a property accepts (cfn::value, cfn::optional, cfn::required)
//   expr.hpp        typed expressions, pseudo parameters, cfn::no_value, cfn::as
//   intrinsics.hpp  Fn::Join, Fn::Sub, Fn::If, conditions, ...
//   parameter.hpp   parameters and their types
//   mapping.hpp     mappings and Fn::FindInMap
//   output.hpp      outputs, conditions, rules
//   resource.hpp    handles and resource attributes (DependsOn, UpdatePolicy, ...)
//   json_value.hpp  untyped JSON values
//   stack.hpp       the template under construction
//   scope.hpp       scopes: what modules add to, prefixing logical IDs
//   emit.hpp        JSON and YAML writers
//   check.hpp       the checks run before writing
//   graph.hpp       the stack as a Graphviz or Mermaid graph
//   run.hpp         the command line
#pragma once

#include <cfn/config.hpp>
#include <cfn/check.hpp>
#include <cfn/emit.hpp>
#include <cfn/expr.hpp>
#include <cfn/graph.hpp>
#include <cfn/guard.hpp>
#include <cfn/guard/builtin.hpp>
#include <cfn/intrinsics.hpp>
#include <cfn/json_value.hpp>
#include <cfn/mapping.hpp>
#include <cfn/output.hpp>
#include <cfn/parameter.hpp>
#include <cfn/resource.hpp>
#include <cfn/run.hpp>
#include <cfn/scope.hpp>
#include <cfn/stack.hpp>
#include <cfn/types.hpp>
#include <cfn/value.hpp>

#ifndef CFN_SEPARATE_COMPILATION
#include <cfn/impl/all.ipp>
#endif
