// cfn2cpp: reading JSON and YAML templates.
#include "input.hpp"

#include <cstdio>
#include <cstdlib>
#include <set>
#include <fstream>
#include <regex>
#include <sstream>

#include <yaml-cpp/depthguard.h>    // YAML::DeepRecursion
#include <yaml-cpp/eventhandler.h>  // YAML::EventHandler: counting documents without LoadAll
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

/// Converts a YAML document, within cfn2cpp's limits. yaml-cpp resolves an alias to the very node
/// its anchor names, so a node met twice is an alias expansion: it is told apart by its position
/// in the file and its kind (a block mapping starts where its first key does).
class converter {
public:
    explicit converter(const std::string& name) : name_(name) {}
    json convert(const YAML::Node& node);

private:
    json convert_untagged(const YAML::Node& node);
    void enter(const YAML::Node& node);

    struct identity {
        std::size_t position;
        YAML::NodeType::value type;
        bool operator<(const identity& o) const { return position != o.position ? position < o.position : type < o.type; }
    };
    const std::string& name_;
    std::set<identity> seen_;   // collections converted so far
    std::set<identity> open_;   // collections being converted: this node's ancestors
    std::size_t repeated_ = 0;  // nodes converted again, through an alias
    int depth_ = 0;
    int aliases_open_ = 0;      // > 0: inside an alias expansion, every node counts
};

/// Accounts for `node` before it is converted: its depth, and what aliases cost.
void converter::enter(const YAML::Node& node) {
    if (depth_ > limits::depth)
        throw input_error(position(name_, node.Mark()),
                          "nested deeper than " + std::to_string(limits::depth) + " levels (cfn2cpp's limit)");
    if (aliases_open_ > 0 && ++repeated_ > limits::alias_nodes)
        throw input_error(position(name_, node.Mark()), "aliases expand to more than " +
                                                            std::to_string(limits::alias_nodes) +
                                                            " nodes (cfn2cpp's limit; an alias bomb?)");
}

json converter::convert_untagged(const YAML::Node& node) {
    bool collection = node.IsSequence() || node.IsMap();
    identity id{node.Mark().pos < 0 ? 0 : static_cast<std::size_t>(node.Mark().pos), node.Type()};
    bool alias = false;
    if (collection && !node.Mark().is_null()) {
        if (open_.count(id)) throw input_error(position(name_, node.Mark()), "an alias refers to the node that contains it");
        alias = !seen_.insert(id).second;
        open_.insert(id);
    }
    aliases_open_ += alias;
    ++depth_;
    json result = nullptr;
    switch (node.Type()) {
        case YAML::NodeType::Null: break;
        case YAML::NodeType::Scalar:
            // yaml-cpp tags quoted scalars "!" and plain ones "?": only plain ones are typed.
            result = node.Tag() == "!" ? json(node.Scalar()) : plain_scalar(node.Scalar());
            break;
        case YAML::NodeType::Sequence: {
            result = json::array();
            for (const auto& item : node) result.push_back(convert(item));
            break;
        }
        case YAML::NodeType::Map: {
            result = json::object();
            for (const auto& member : node) {
                if (!member.first.IsScalar())
                    throw input_error(position(name_, member.first.Mark()), "a mapping key is not a string");
                result[member.first.Scalar()] = convert(member.second);
            }
            break;
        }
        case YAML::NodeType::Undefined: break;
    }
    --depth_;
    aliases_open_ -= alias;
    if (collection) open_.erase(id);
    return result;
}

json converter::convert(const YAML::Node& node) {
    enter(node);
    const std::string& name = name_;
    const std::string& tag = node.Tag();
    if (tag.empty() || tag == "?" || tag == "!" || tag.rfind("tag:yaml.org,2002:", 0) == 0)
        return convert_untagged(node);
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
        ++depth_;  // {"Fn::...": argument}
        argument = convert_untagged(node);
        --depth_;
    }
    return json{{function, argument}};
}

std::string too_large() {
    return "larger than " + std::to_string(limits::input_bytes) + " bytes (CloudFormation's limit for a template)";
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(path, "cannot read the file");
    std::string text(limits::input_bytes + 1, '\0');  // one byte more tells "too large" apart
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) throw input_error(path, "cannot read the file");
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > limits::input_bytes) throw input_error(path, too_large());
    return text;
}

bool looks_like_json(const std::string& path, const std::string& text) {
    if (path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0) return true;
    std::size_t first = text.find_first_not_of(" \t\r\n");
    return first != std::string::npos && text[first] == '{';
}

}  // namespace

std::string printable(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (u < 0x20 || u == 0x7F) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02X", u);
            out += buffer;
        } else {
            out += c;
        }
    }
    return out;
}

/// Receives a YAML document's events and keeps only where the document started: enough to tell
/// whether the text holds a second document, without building it.
class document_starts : public YAML::EventHandler {
public:
    std::vector<YAML::Mark> marks;
    void OnDocumentStart(const YAML::Mark& mark) override { marks.push_back(mark); }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

/// Where the first two YAML documents of `text` start. yaml-cpp's LoadAll is not used:
/// a token that no document can start with (a ',' outside a flow collection, as in "[a], b" or
/// "x\n,") is never consumed, and LoadAll then loops for ever, allocating an empty document per
/// turn (found by tests/fuzz). Asking the parser for at most two documents bounds that loop; such
/// a token reads as the start of a second document, which is where it is reported.
std::vector<YAML::Mark> first_two_documents(const std::string& text) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    document_starts starts;
    for (int i = 0; i < 2 && parser.HandleNextDocument(starts); ++i) {}
    return starts.marks;
}

json parse_yaml(const std::string& text, const std::string& name) {
    if (text.size() > limits::input_bytes) throw input_error(name, too_large());
    try {
        std::vector<YAML::Mark> documents = first_two_documents(text);
        if (documents.empty()) throw input_error(name, "expected one YAML document, found none");
        if (documents.size() > 1)
            throw input_error(position(name, documents[1]), "expected one YAML document, found another starting here");
        YAML::Node document = YAML::Load(text);  // the first document only
        return converter(name).convert(document);
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp's own guard, before cfn2cpp's: its message is "bad file".
        throw input_error(position(name, e.mark),
                          "nested deeper than " + std::to_string(limits::depth) + " levels (cfn2cpp's limit)");
    } catch (const YAML::Exception& e) {
        throw input_error(position(name, e.mark), "not valid YAML: " + e.msg);
    }
}

json read_template(const std::string& path) { return parse_template(read_file(path), path); }

json parse_template(const std::string& text, const std::string& path) {
    if (text.size() > limits::input_bytes) throw input_error(path, too_large());
    if (!looks_like_json(path, text)) return parse_yaml(text, path);
    try {
        // nlohmann's parser does not recurse, but everything after it does: refuse deep nesting here.
        auto within_limits = [&](int depth, json::parse_event_t, json&) {
            if (depth > limits::depth)
                throw input_error(path, "nested deeper than " + std::to_string(limits::depth) + " levels (cfn2cpp's limit)");
            return true;
        };
        return json::parse(text, within_limits);
    } catch (const json::parse_error& e) {
        std::string message = e.what();  // "[json.exception.parse_error.101] parse error at line 3, ..."
        std::size_t start = message.find("] ");
        throw input_error(path, "not valid JSON: " + (start == std::string::npos ? message : message.substr(start + 2)));
    }
}

}  // namespace cfn2cpp
