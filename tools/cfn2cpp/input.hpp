// cfn2cpp: reading a template, JSON or YAML, into one JSON document.
#pragma once

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace cfn2cpp {

/// Templates keep their key order: the generated code follows the template's own order.
using json = nlohmann::ordered_json;

/// A problem with the input, reported as one line: "<where>: <what>". `where` is a path into
/// the template (Resources.Web.Properties.SubnetId) or a position in the file (stack.yaml:3:7).
class input_error : public std::runtime_error {
public:
    input_error(const std::string& where, const std::string& what) : std::runtime_error(where + ": " + what) {}
};

/// Reads a template from `path`. JSON is read as JSON; anything else as YAML, where the short
/// forms (`!Ref X`, `!GetAtt A.B`, `!Sub ...`) become the long forms (`{"Ref": "X"}`, ...) and
/// untagged plain scalars are typed as CloudFormation reads them (true/false, null, numbers).
json read_template(const std::string& path);

/// Parses YAML text (exposed for the tests); `name` is used in error positions.
json parse_yaml(const std::string& text, const std::string& name);

}  // namespace cfn2cpp
