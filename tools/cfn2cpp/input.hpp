// cfn2cpp: reading a template, JSON or YAML, into one JSON document.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace cfn2cpp {

/// Templates keep their key order: the generated code follows the template's own order.
using json = nlohmann::ordered_json;

/// What cfn2cpp refuses to read, each with a one-line error. Hostile or broken input must fail
/// fast rather than exhaust the stack, the memory or the user's patience.
namespace limits {
/// CloudFormation's own limit for a template body (uploaded through S3) is 1 MB.
constexpr std::size_t input_bytes = 1 << 20;
/// Objects and lists nested in each other. Real templates nest about 10 deep; each level becomes a
/// braced list or a call in the C++, and compilers limit those (clang: 256 brackets).
constexpr int depth = 100;
/// Nodes a YAML file may produce through aliases (`*name`): a few aliases of a small anchor are
/// fine, an alias "bomb" (aliases of aliases of ...) that multiplies a 600-byte file into
/// billions of nodes is not.
constexpr std::size_t alias_nodes = 100'000;
}  // namespace limits

/// `text` as it can be shown inside one line of an error: control characters escaped (\n, \x01).
std::string printable(const std::string& text);

/// A problem with the input, reported as one line: "<where>: <what>". `where` is a path into
/// the template (Resources.Web.Properties.SubnetId) or a position in the file (stack.yaml:3:7).
/// Both may quote the template's own text (a logical ID, a value): control characters in them are
/// escaped, so the message stays one line.
class input_error : public std::runtime_error {
public:
    input_error(const std::string& where, const std::string& what)
        : std::runtime_error(printable(where + ": " + what)) {}
};

/// Reads a template from `path`. JSON is read as JSON; anything else as YAML, where the short
/// forms (`!Ref X`, `!GetAtt A.B`, `!Sub ...`) become the long forms (`{"Ref": "X"}`, ...) and
/// untagged plain scalars are typed as CloudFormation reads them (true/false, null, numbers).
json read_template(const std::string& path);

/// `read_template` of text already read (for the fuzz target): JSON when `path` ends in .json or
/// the text starts with '{', else YAML.
json parse_template(const std::string& text, const std::string& path);

/// Parses YAML text (exposed for the tests); `name` is used in error positions.
json parse_yaml(const std::string& text, const std::string& name);

}  // namespace cfn2cpp
