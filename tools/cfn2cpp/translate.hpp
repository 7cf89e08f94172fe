// cfn2cpp: a template (as JSON) to the text of a stack.cpp that builds it with cfnpp.
#pragma once

#include <string>

#include "catalog.hpp"
#include "input.hpp"

namespace cfn2cpp {

/// The stack.cpp for `template_`. `source_name` is named in the file's first comment. Anything
/// wrong with the template throws input_error naming its path (Resources.Web.Properties.X).
std::string translate(const json& template_, const catalog& types, const std::string& source_name);

}  // namespace cfn2cpp
