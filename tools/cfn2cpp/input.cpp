// cfn2cpp: reading JSON and YAML templates.
#include "input.hpp"

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include <cfn/vocabulary.hpp>

namespace cfn2cpp {

namespace {

/// The long form of a short-form tag ("!Join" -> "Fn::Join"), or "" (cfn/vocabulary.hpp).
std::string long_form(const std::string& tag) {
    const cfn::vocabulary::intrinsic_function* f = cfn::vocabulary::find_short_tag(tag);
    return f ? std::string(f->name) : std::string();
}

std::string position(const std::string& name, const YAML::Mark& mark) {
    if (mark.is_null()) return name;
    return name + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

/// An untagged plain scalar, typed the way CloudFormation's YAML reader types it.
json plain_scalar(const std::string& text) {
    static const std::regex integer("-?(0|[1-9][0-9]*)");
    static const std::regex decimal("-?(0|[1-9][0-9]*)(\\.[0-9]*)?([eE][-+]?[0-9]+)?");
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
    if (text.empty() || text == "null" || text == "Null" || text == "NULL" || text == "~") return nullptr;
    if (std::regex_match(text, integer) && text.size() < 19) return std::stoll(text);
    if (std::regex_match(text, decimal) && text.find_first_of(".eE") != std::string::npos)
        return std::strtod(text.c_str(), nullptr);
    return text;
}

json convert(const YAML::Node& node, const std::string& name);

json convert_untagged(const YAML::Node& node, const std::string& name) {
    switch (node.Type()) {
        case YAML::NodeType::Null: return nullptr;
        case YAML::NodeType::Scalar:
            // yaml-cpp tags quoted scalars "!" and plain ones "?": only plain ones are typed.
            return node.Tag() == "!" ? json(node.Scalar()) : plain_scalar(node.Scalar());
        case YAML::NodeType::Sequence: {
            json list = json::array();
            for (const auto& item : node) list.push_back(convert(item, name));
            return list;
        }
        case YAML::NodeType::Map: {
            json object = json::object();
            for (const auto& member : node) {
                if (!member.first.IsScalar())
                    throw input_error(position(name, member.first.Mark()), "a mapping key is not a string");
                object[member.first.Scalar()] = convert(member.second, name);
            }
            return object;
        }
        case YAML::NodeType::Undefined: break;
    }
    return nullptr;
}

json convert(const YAML::Node& node, const std::string& name) {
    const std::string& tag = node.Tag();
    if (tag.empty() || tag == "?" || tag == "!" || tag.rfind("tag:yaml.org,2002:", 0) == 0)
        return convert_untagged(node, name);
    std::string function = long_form(tag);
    if (function.empty()) throw input_error(position(name, node.Mark()), "unknown tag " + tag);
    json argument;
    if (node.IsScalar()) {
        argument = node.Scalar();  // a tagged scalar is a string: `!Ref X`, `!Sub "..."`
        if (function == "Fn::GetAtt") {
            // `!GetAtt A.B.C` is ["A", "B.C"]: the logical ID has no dots.
            std::string text = node.Scalar();
            std::size_t dot = text.find('.');
            if (dot == std::string::npos)
                throw input_error(position(name, node.Mark()), "!GetAtt needs Resource.Attribute, not '" + text + "'");
            argument = json::array({text.substr(0, dot), text.substr(dot + 1)});
        }
    } else if (node.IsNull()) {
        argument = "";  // a bare `!GetAZs`
    } else {
        argument = convert_untagged(node, name);
    }
    return json{{function, argument}};
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(path, "cannot read the file");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool looks_like_json(const std::string& path, const std::string& text) {
    if (path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0) return true;
    std::size_t first = text.find_first_not_of(" \t\r\n");
    return first != std::string::npos && text[first] == '{';
}

}  // namespace

json parse_yaml(const std::string& text, const std::string& name) {
    try {
        std::vector<YAML::Node> documents = YAML::LoadAll(text);
        if (documents.size() != 1)
            throw input_error(name, "expected one YAML document, found " + std::to_string(documents.size()));
        return convert(documents.front(), name);
    } catch (const YAML::Exception& e) {
        throw input_error(position(name, e.mark), "not valid YAML: " + e.msg);
    }
}

json read_template(const std::string& path) {
    std::string text = read_file(path);
    if (!looks_like_json(path, text)) return parse_yaml(text, path);
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        std::string message = e.what();  // "[json.exception.parse_error.101] parse error at line 3, ..."
        std::size_t start = message.find("] ");
        throw input_error(path, "not valid JSON: " + (start == std::string::npos ? message : message.substr(start + 2)));
    }
}

}  // namespace cfn2cpp
