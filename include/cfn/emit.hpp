// cfnpp: writing a stack as a JSON or YAML template.
#pragma once

#include <string>  // std::string

#include <cfn/config.hpp>
#include <cfn/node.hpp>

namespace cfn {

class stack;

enum class format { json, yaml };

/// The whole template as one node: AWSTemplateFormatVersion, Description, Metadata, Parameters,
/// Mappings, Conditions, Rules, Transform, Resources, Outputs, in that order; entries of each
/// section in the order they were added.
node to_template(const stack& s);

/// JSON with 2-space indentation and a final newline.
std::string write_json(node value);
/// YAML (block style) with CloudFormation's short-form tags (!Ref, !GetAtt A.B, !Sub, ...).
/// It parses back to exactly the document write_json writes.
std::string write_yaml(node value);

/// `write_json(to_template(s))` or `write_yaml(to_template(s))`.
std::string emit(const stack& s, format f = format::json);

}  // namespace cfn
