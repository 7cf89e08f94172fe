// cfn2cpp: the translation of a template into cfnpp code.
//
// Every value is translated against the type its position expects (the property's spec type from
// the catalog): literals become the C++ literals that type takes ("22" for an Integer property is
// written 22), intrinsic functions become cfnpp's typed calls, and where the types cannot express
// the template (a Ref the spec's relationships refuse, a property the spec lacks, a custom
// resource) the code uses the core's visible escape hatches with a `//` note saying why.
#include "translate.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include <cfn/vocabulary.hpp>

#include "layout.hpp"
#include "names.hpp"

namespace cfn2cpp {

namespace {

namespace vocabulary = cfn::vocabulary;
using kind = value_type::kind;

/// A translated expression and its CloudFormation type.
struct typed {
    fragment code;
    value_type type;
    bool may_be_no_value = false;  ///< an Fn::If with AWS::NoValue as a branch
};

/// Something a template declares, and the variable that holds its handle.
struct entity {
    std::string var;
    value_type type;                         ///< parameters: what Ref gives; mappings: the values' type
    const resource_type* resource = nullptr;  ///< resources of generated types
    bool raw = false;                        ///< resources written as cfn::raw_resource
    bool used = false;                       ///< something refers to the handle: bind the variable
};

std::string cpp_string(const std::string& text) { return string_literal(text); }

std::string child(const std::string& path, const std::string& key) { return path + "." + key; }
std::string index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

std::string number_text(double value) {
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string text(buffer, result.ptr);
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

std::string describe(const value_type& t) {
    switch (t.k) {
        case kind::str: return "a string";
        case kind::integer: return "an integer";
        case kind::number: return "a number";
        case kind::boolean: return "a boolean";
        case kind::json: return "JSON";
        case kind::tag: return "a tag";
        case kind::id: {
            std::string text = "an id of ";
            for (std::size_t i = 0; i < t.tokens.size(); ++i) text += (i ? " or " : "") + t.tokens[i];
            return text;
        }
        case kind::enumeration: return "one of the spec's allowed values";
        case kind::structure: return t.name;
        case kind::list: return "a list of " + describe(*t.element).substr(describe(*t.element).find(' ') + 1);
        case kind::map: return "a map";
        case kind::condition: return "a condition";
        case kind::no_value: return "AWS::NoValue";
    }
    return "a value";
}

/// detail::accepts of cfn/value.hpp: may an expression of type `e` go where `p` is expected?
bool accepts(const value_type& p, const value_type& e) {
    if (p == e) return true;
    switch (p.k) {
        case kind::json: return e.k != kind::condition && e.k != kind::no_value;
        case kind::str: return e.k == kind::id;
        case kind::id:
            if (e.k == kind::str) return true;
            return e.k == kind::id && e.tokens.size() == 1 &&
                   std::find(p.tokens.begin(), p.tokens.end(), e.tokens[0]) != p.tokens.end();
        case kind::integer: return e.k == kind::number;
        case kind::number: return e.k == kind::integer;
        case kind::enumeration: return e.k == kind::str;
        case kind::list: return e.k == kind::list && accepts(*p.element, *e.element);
        case kind::map: return (e.k == kind::map && accepts(*p.element, *e.element)) || e.k == kind::json;
        default: return false;
    }
}

bool is_string_like(const value_type& t) { return t.k == kind::str || t.k == kind::id; }

class translator {
public:
    translator(const json& t, const catalog& types) : t_(t), types_(types), names_(types.naming()) {}

    std::string run(const std::string& source_name);

private:
    // Declarations. --------------------------------------------------------------------------
    void check_sections();
    void declare();
    std::string alias_of(const resource_type& r);
    std::vector<std::string> resource_order();
    std::vector<std::string> condition_order();

    // Sections. ------------------------------------------------------------------------------
    fragment parameter(const std::string& id, const json& body);
    fragment mapping(const std::string& id, const json& body);
    fragment rule(const std::string& id, const json& body);
    fragment resource(const std::string& id, const json& body);
    fragment output(const std::string& id, const json& body);
    std::vector<fragment> resource_options(const std::string& id, const json& body);

    // Values. --------------------------------------------------------------------------------
    fragment value(const json& v, const value_type& want, const std::string& path, bool optional,
                   bool standalone = false);
    fragment literal(const json& v, const value_type& want, const std::string& path, bool standalone);
    fragment structure(const json& v, const value_type& want, const std::string& path, bool standalone);
    fragment json_literal(const json& v, const std::string& path, bool top);
    fragment escape(const json& v, const value_type& want, const std::string& path, const std::string& why);
    typed expression(const json& v, const std::string& path, const value_type& want);
    typed fn_if(const json& args, const std::string& path, const value_type& want);
    fragment condition(const json& v, const std::string& path);
    fragment condition_operand(const json& v, const std::string& path);
    fragment condition_name(const json& name, const std::string& path);
    /// The list argument of `function`, with as many items as cfn/vocabulary.hpp says it takes.
    const json& arguments(const json& v, const std::string& function, const std::string& path);

    // Spelling. ------------------------------------------------------------------------------
    std::string spell(const value_type& t);
    std::string resource_spelling(const resource_type& r) { return alias_of(r) + "::" + r.cpp.substr(r.cpp.rfind("::") + 2); }
    std::string struct_spelling(const value_type& t);
    const struct_type& struct_of(const value_type& t) const;
    std::string use(entity& e) {
        e.used = true;
        return e.var;
    }

    const json& t_;
    const catalog& types_;
    variable_names names_;
    std::map<std::string, std::string> aliases_;  ///< namespace ("cfn::aws::ec2") -> alias ("ec2")
    std::set<std::string> alias_names_;
    std::set<std::string> headers_;
    std::map<std::string, entity> parameters_, mappings_, conditions_, resources_;
};

// Declarations. ----------------------------------------------------------------------------------

void translator::check_sections() {
    if (!t_.is_object()) throw input_error("template", "not a CloudFormation template (not a JSON object)");
    for (const auto& [key, body] : t_.items())
        if (!vocabulary::contains(vocabulary::sections, key)) throw input_error(key, "not a section of a CloudFormation template");
    if (!t_.contains("Resources") || !t_["Resources"].is_object())
        throw input_error("template", "not a CloudFormation template (no Resources section)");
    if (t_.contains("AWSTemplateFormatVersion") && t_["AWSTemplateFormatVersion"] != vocabulary::format_version)
        throw input_error("AWSTemplateFormatVersion", "the only version is " + std::string(vocabulary::format_version));
    if (t_.contains("Description") && !t_["Description"].is_string())
        throw input_error("Description", "not a string");
    for (const char* section : {"Parameters", "Mappings", "Conditions", "Rules", "Outputs", "Resources"}) {
        if (!t_.contains(section)) continue;
        if (!t_[section].is_object()) throw input_error(section, "not an object");
        for (const auto& [id, body] : t_[section].items()) {
            if (!vocabulary::valid_logical_id(id)) throw input_error(std::string(section) + "." + id, "a logical ID must be alphanumeric");
        }
    }
}

std::string translator::alias_of(const resource_type& r) {
    std::string ns = r.cpp.substr(0, r.cpp.rfind("::"));
    auto found = aliases_.find(ns);
    if (found != aliases_.end()) return found->second;
    std::string alias = ns.substr(ns.rfind("::") + 2);
    if (alias_names_.count(alias)) alias = std::regex_replace(ns.substr(5), std::regex("::"), "_");
    alias_names_.insert(alias);
    names_.reserve(alias);
    return aliases_[ns] = alias;
}

void translator::declare() {
    // Namespace aliases first: variables must not take their names.
    for (const auto& [id, body] : t_["Resources"].items()) {
        if (!body.is_object() || !body.contains("Type") || !body["Type"].is_string())
            throw input_error("Resources." + id, "a resource needs a Type");
        if (const resource_type* r = types_.find(body["Type"].get<std::string>())) alias_of(*r);
    }
    auto section = [&](const char* name) -> const json& {
        static const json empty = json::object();
        return t_.contains(name) ? t_[name] : empty;
    };
    for (const auto& [id, body] : section("Parameters").items()) {
        if (!body.is_object() || !body.contains("Type")) throw input_error("Parameters." + id, "a parameter needs a Type");
        parameters_[id] = {names_.make(id), {}, nullptr, false, false};
    }
    for (const auto& [id, body] : section("Mappings").items()) mappings_[id] = {names_.make(id), {}, nullptr, false, false};
    for (const auto& [id, body] : section("Conditions").items()) conditions_[id] = {names_.make(id), {}, nullptr, false, false};
    for (const auto& [id, body] : section("Resources").items()) {
        entity e{names_.make(id), {}, types_.find(body["Type"].get<std::string>()), false, false};
        resources_[id] = e;
    }
}

/// Collects what a value refers to through handles: Ref, Fn::GetAtt, Condition names.
void references(const json& v, std::set<std::string>& out) {
    if (v.is_array()) {
        for (const json& item : v) references(item, out);
    } else if (v.is_object()) {
        if (v.size() == 1 && v.contains("Ref") && v["Ref"].is_string()) out.insert(v["Ref"].get<std::string>());
        if (v.size() == 1 && v.contains("Fn::GetAtt")) {
            const json& a = v["Fn::GetAtt"];
            if (a.is_array() && !a.empty() && a[0].is_string()) out.insert(a[0].get<std::string>());
            if (a.is_string()) out.insert(a.get<std::string>().substr(0, a.get<std::string>().find('.')));
        }
        if (v.size() == 1 && v.contains("Condition") && v["Condition"].is_string())
            out.insert(v["Condition"].get<std::string>());
        if (v.size() == 1 && v.contains("Fn::If") && v["Fn::If"].is_array() && !v["Fn::If"].empty() &&
            v["Fn::If"][0].is_string())
            out.insert(v["Fn::If"][0].get<std::string>());
        for (const auto& [key, item] : v.items()) references(item, out);
    }
}

/// Template order, except that everything comes after what it refers to (the C++ variable must
/// exist before it is used). A cycle is an error, as in CloudFormation.
std::vector<std::string> stable_topological(const json& section, const std::string& name,
                                            const std::function<std::set<std::string>(const json&)>& depends) {
    std::vector<std::string> ids, order;
    std::map<std::string, std::set<std::string>> needs;
    for (const auto& [id, body] : section.items()) {
        ids.push_back(id);
        for (const std::string& d : depends(body))
            if (section.contains(d) && d != id) needs[id].insert(d);
    }
    std::set<std::string> done;
    while (order.size() < ids.size()) {
        bool progress = false;
        for (const std::string& id : ids) {
            if (done.count(id)) continue;
            bool ready = std::all_of(needs[id].begin(), needs[id].end(), [&](const std::string& d) { return done.count(d) > 0; });
            if (!ready) continue;
            order.push_back(id);
            done.insert(id);
            progress = true;
            break;  // restart: keep the template's order wherever possible
        }
        if (!progress) {
            std::string cycle;
            for (const std::string& id : ids)
                if (!done.count(id)) cycle += (cycle.empty() ? "" : ", ") + id;
            throw input_error(name, "dependency cycle among " + cycle);
        }
    }
    return order;
}

std::vector<std::string> translator::resource_order() {
    return stable_topological(t_["Resources"], "Resources", [](const json& body) {
        std::set<std::string> refs;
        for (const char* key : {"Properties", "Metadata", "CreationPolicy", "UpdatePolicy"})
            if (body.contains(key)) references(body[key], refs);
        if (body.contains("DependsOn")) {
            const json& d = body["DependsOn"];
            if (d.is_string()) refs.insert(d.get<std::string>());
            if (d.is_array())
                for (const json& item : d)
                    if (item.is_string()) refs.insert(item.get<std::string>());
        }
        return refs;
    });
}

std::vector<std::string> translator::condition_order() {
    if (!t_.contains("Conditions")) return {};
    return stable_topological(t_["Conditions"], "Conditions", [](const json& body) {
        std::set<std::string> refs;
        references(body, refs);
        return refs;
    });
}

// Spelling. --------------------------------------------------------------------------------------

const struct_type& translator::struct_of(const value_type& t) const { return t.owner->types.at(t.name); }

std::string translator::struct_spelling(const value_type& t) {
    if (t.owner == &types_.policies()) {
        const std::string& member = struct_of(t).member_type;
        return member == "creation_policy" || member == "update_policy" ? "cfn::" + member : "cfn::policy::" + member;
    }
    return resource_spelling(*t.owner) + "::" + struct_of(t).member_type;
}

std::string translator::spell(const value_type& t) {
    switch (t.k) {
        case kind::str: return "cfn::str";
        case kind::integer: return "cfn::integer";
        case kind::number: return "cfn::number";
        case kind::boolean: return "cfn::boolean";
        case kind::json: return "cfn::json";
        case kind::tag: return "cfn::tag";
        case kind::id: {
            std::string text = "cfn::id<";
            for (std::size_t i = 0; i < t.tokens.size(); ++i) text += (i ? ", \"" : "\"") + t.tokens[i] + "\"";
            return text + ">";
        }
        case kind::enumeration: return "cfn::enumeration<" + resource_spelling(*t.owner) + "::" + t.name + ">";
        case kind::structure: return struct_spelling(t);
        case kind::list: return "cfn::list<" + spell(*t.element) + ">";
        case kind::map: return "cfn::map<" + spell(*t.element) + ">";
        case kind::condition: return "cfn::condition_value";
        case kind::no_value: return "cfn::no_value_t";
    }
    return "cfn::json";
}

// Values. ----------------------------------------------------------------------------------------

bool is_intrinsic(const json& v) {
    if (!v.is_object() || v.size() != 1) return false;
    const std::string& key = v.begin().key();
    return key == "Ref" || key.rfind("Fn::", 0) == 0;
}

bool is_no_value(const json& v) { return v.is_object() && v.size() == 1 && v.contains("Ref") && v["Ref"] == "AWS::NoValue"; }

fragment translator::escape(const json& v, const value_type& want, const std::string& path, const std::string& why) {
    return fragment::call("cfn::as<" + spell(want) + ">", {json_literal(v, path, true)})
        .with_note("cfn::as: " + why);
}

fragment translator::value(const json& v, const value_type& want, const std::string& path, bool optional,
                           bool standalone) {
    if (is_no_value(v)) {
        if (!optional) throw input_error(path, "AWS::NoValue where a value is required");
        return fragment::atom("cfn::no_value");
    }
    if (!is_intrinsic(v)) return literal(v, want, path, standalone);
    typed e = expression(v, path, want);
    bool fits = accepts(want, e.type) || (want.k == kind::structure && e.type == want);
    // A struct property's type is the same required or optional; the stack refuses NoValue for a
    // required one when the resource is added. Json is no exception (cfn/value.hpp).
    if (e.may_be_no_value && !optional && want.k != kind::structure) fits = false;
    if (fits) return std::move(e.code);
    std::string why = e.may_be_no_value && accepts(want, e.type)
                          ? "Fn::If may give AWS::NoValue, which only an optional property takes"
                          : "the template gives " + describe(e.type) + " where the spec expects " + describe(want);
    return fragment::call("cfn::as<" + spell(want) + ">", {std::move(e.code)}).with_note("cfn::as: " + why);
}

fragment translator::literal(const json& v, const value_type& want, const std::string& path, bool standalone) {
    auto wrap = [&](fragment f) {
        return standalone ? fragment::call("cfn::value<" + spell(want) + ">", {std::move(f)}) : f;
    };
    switch (want.k) {
        case kind::str:
        case kind::id:
            if (v.is_string()) return fragment::atom(cpp_string(v.get<std::string>()));
            // CloudFormation reads a number or boolean given for a String property as its text.
            if (v.is_number() || v.is_boolean()) return fragment::atom(cpp_string(v.dump()));
            break;
        case kind::enumeration:
            if (v.is_string()) {
                for (const auto& [cfn_value, enumerator] : want.owner->enums.at(want.name))
                    if (cfn_value == v.get<std::string>())
                        return wrap(fragment::atom(resource_spelling(*want.owner) + "::" + want.name + "::" + enumerator));
                return fragment::call("cfn::as<cfn::str>", {json_literal(v, path, true)})
                    .with_note("cfn::as: '" + v.get<std::string>() + "' is not one of the values the spec allows");
            }
            break;
        case kind::integer:
            if (v.is_number_integer()) return fragment::atom(v.dump());
            if (v.is_string() && std::regex_match(v.get<std::string>(), std::regex("-?(0|[1-9][0-9]{0,17})")))
                return fragment::atom(v.get<std::string>());  // CloudFormation reads "22" as 22
            if (v.is_number_float() && v.get<double>() == static_cast<double>(static_cast<long long>(v.get<double>())))
                return fragment::atom(std::to_string(static_cast<long long>(v.get<double>())));
            break;
        case kind::number:
            if (v.is_number_integer()) return fragment::atom(v.dump());
            if (v.is_number_float()) return fragment::atom(number_text(v.get<double>()));
            if (v.is_string() && std::regex_match(v.get<std::string>(), std::regex("-?(0|[1-9][0-9]{0,14})(\\.[0-9]+)?")))
                return fragment::atom(v.get<std::string>());
            break;
        case kind::boolean:
            if (v.is_boolean()) return fragment::atom(v.get<bool>() ? "true" : "false");
            if (v.is_string()) {
                std::string text = v.get<std::string>();
                std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
                if (text == "true" || text == "false") return fragment::atom(text);
            }
            break;
        case kind::json: {
            fragment f = json_literal(v, path, true);
            bool object = v.is_object() || v.is_array();
            return standalone && object ? fragment::call("cfn::value<cfn::json>", {std::move(f)}) : f;
        }
        case kind::tag:
        case kind::structure: return structure(v, want, path, standalone);
        case kind::list:
            if (v.is_array()) {
                if (v.empty()) return escape(v, want, path, "an empty list (`{}` would leave the property out)");
                std::vector<fragment> items;
                for (std::size_t i = 0; i < v.size(); ++i) items.push_back(value(v[i], *want.element, index(path, i), false));
                return wrap(fragment::braces("", std::move(items)));
            }
            break;
        case kind::map:
            if (v.is_object()) {
                if (v.empty()) return escape(v, want, path, "an empty map (`{}` would leave the property out)");
                std::vector<fragment> items;
                for (const auto& [key, item] : v.items())
                    items.push_back(fragment::pair(fragment::atom(cpp_string(key)), value(item, *want.element, child(path, key), false)));
                return wrap(fragment::braces("", std::move(items)));
            }
            break;
        case kind::condition:
        case kind::no_value: break;
    }
    return escape(v, want, path, "the template gives " + std::string(v.type_name()) + " where the spec expects " + describe(want));
}

fragment translator::structure(const json& v, const value_type& want, const std::string& path, bool standalone) {
    static const struct_type tag_type{"tag", {{"Key", "key", value_type::of(kind::str), true},
                                              {"Value", "value", value_type::of(kind::str), true}}};
    const struct_type& st = want.k == kind::tag ? tag_type : struct_of(want);
    std::string type_name = want.k == kind::tag ? "cfn::tag" : struct_spelling(want);
    if (!v.is_object()) return escape(v, want, path, "the template gives " + std::string(v.type_name()) + " where the spec expects " + describe(want));
    if (v.empty()) return escape(v, want, path, "an empty object (`{}` would leave the property out)");
    for (const auto& [key, item] : v.items())
        if (!st.find(key)) return escape(v, want, path, type_name + " has no property '" + key + "' in the pinned spec");
    for (const property& p : st.properties)
        if (p.required && !v.contains(p.cfn_name))
            return escape(v, want, path, "the template leaves out " + p.cfn_name + ", which the spec requires");
    std::vector<fragment> members;
    for (const property& p : st.properties)
        if (v.contains(p.cfn_name))
            members.push_back(fragment::member(p.member, value(v[p.cfn_name], p.type, child(path, p.cfn_name), !p.required)));
    fragment f = fragment::braces(standalone ? type_name : "", std::move(members));
    f.force_break = f.items.size() > 2;
    return f;
}

fragment translator::json_literal(const json& v, const std::string& path, bool top) {
    if (is_intrinsic(v)) {
        if (is_no_value(v)) throw input_error(path, "AWS::NoValue outside Fn::If in a JSON value");
        typed e = expression(v, path, value_type::of(kind::json));
        // cfn::json_value refuses an Fn::If that may give AWS::NoValue (it could be a required
        // property's whole value); inside a document CloudFormation drops the element.
        if (e.may_be_no_value)
            return fragment::call("cfn::as<cfn::json>", {std::move(e.code)})
                .with_note("cfn::as: Fn::If may give AWS::NoValue, which drops this element of the document");
        return std::move(e.code);
    }
    switch (v.type()) {
        case json::value_t::null: return fragment::atom(top ? "cfn::json_value(nullptr)" : "nullptr");
        case json::value_t::boolean: return fragment::atom(v.get<bool>() ? "true" : "false");
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return fragment::atom(v.dump());
        case json::value_t::number_float: return fragment::atom(number_text(v.get<double>()));
        case json::value_t::string: return fragment::atom(cpp_string(v.get<std::string>()));
        case json::value_t::object: {
            if (v.empty()) return fragment::atom("cfn::json_value::object({})");
            std::vector<fragment> items;
            for (const auto& [key, item] : v.items())
                items.push_back(fragment::pair(fragment::atom(cpp_string(key)), json_literal(item, child(path, key), false)));
            fragment f = fragment::braces(top ? "cfn::json_value" : "", std::move(items));
            f.force_break = f.items.size() > 2;
            return f;
        }
        case json::value_t::array: {
            std::vector<fragment> items;
            for (std::size_t i = 0; i < v.size(); ++i) items.push_back(json_literal(v[i], index(path, i), false));
            // A braced list of two-element lists that start with a string reads as an object:
            // say `array` explicitly when that could happen.
            bool ambiguous = std::all_of(v.begin(), v.end(), [](const json& item) {
                return item.is_array() && !is_intrinsic(item) && item.size() == 2 && item[0].is_string();
            });
            if (ambiguous) return fragment::call("cfn::json_value::array", {fragment::braces("", std::move(items))});
            return fragment::braces(top ? "cfn::json_value" : "", std::move(items));
        }
        default: break;
    }
    throw input_error(path, "a value that JSON cannot hold");
}

const json& translator::arguments(const json& v, const std::string& function, const std::string& path) {
    const vocabulary::intrinsic_function* f = vocabulary::find_function(function);
    std::size_t min = f->min_arguments, max = f->max_arguments;
    const json& a = v[function];
    if (!a.is_array() || a.size() < min || a.size() > max)
        throw input_error(path, function + " takes a list of " +
                                    (min == max ? std::to_string(min) : std::to_string(min) + " to " + std::to_string(max)) +
                                    " arguments");
    return a;
}

typed translator::expression(const json& v, const std::string& path, const value_type& want) {
    const std::string& function = v.begin().key();
    const json& a = v.begin().value();
    const std::string where = child(path, function);
    value_type str = value_type::of(kind::str), integer = value_type::of(kind::integer);
    value_type list_of_str = value_type::list_of(str);
    auto call = [](std::string name, std::vector<fragment> args) { return fragment::call(std::move(name), std::move(args)); };

    if (function == "Ref") {
        if (!a.is_string()) throw input_error(where, "Ref takes the name of a parameter or resource");
        std::string name = a.get<std::string>();
        const vocabulary::pseudo_parameter* pseudo = vocabulary::find_pseudo_parameter(name);
        if (pseudo && pseudo->name != "AWS::NoValue") return {fragment::atom(std::string(pseudo->cpp)), pseudo->is_list ? list_of_str : str};
        if (auto p = parameters_.find(name); p != parameters_.end()) return {fragment::atom(use(p->second) + ".ref()"), p->second.type};
        if (auto r = resources_.find(name); r != resources_.end()) {
            value_type type = r->second.resource && !r->second.raw ? r->second.resource->ref : str;
            return {fragment::atom(use(r->second) + ".ref()"), type};
        }
        throw input_error(path, "Ref to '" + name + "', which is not a parameter or resource");
    }
    if (function == "Fn::GetAtt") {
        std::string resource, attribute;
        if (a.is_string() && a.get<std::string>().find('.') != std::string::npos) {
            resource = a.get<std::string>().substr(0, a.get<std::string>().find('.'));
            attribute = a.get<std::string>().substr(resource.size() + 1);
        } else if (a.is_array() && a.size() == 2 && a[0].is_string() && a[1].is_string()) {
            resource = a[0].get<std::string>();
            attribute = a[1].get<std::string>();
        } else {
            throw input_error(where, "Fn::GetAtt takes [Resource, Attribute] with literal names");
        }
        auto r = resources_.find(resource);
        if (r == resources_.end()) throw input_error(where, "Fn::GetAtt of '" + resource + "', which is not a resource");
        if (r->second.raw || !r->second.resource)
            return {call(use(r->second) + ".get_att", {fragment::atom(cpp_string(attribute))}), str};
        auto found = r->second.resource->attributes.find(attribute);
        if (found == r->second.resource->attributes.end())
            throw input_error(where, r->second.resource->cfn_type + " has no attribute '" + attribute + "'");
        return {fragment::atom(use(r->second) + "." + found->second.first + "()"), found->second.second};
    }
    if (function == "Fn::Join") {
        const json& args = arguments(v, function, path);
        fragment delimiter = value(args[0], str, index(where, 0), false);
        if (args[1].is_array()) {
            std::vector<fragment> parts;
            for (std::size_t i = 0; i < args[1].size(); ++i) parts.push_back(value(args[1][i], str, index(index(where, 1), i), false));
            fragment list = fragment::braces("", std::move(parts));
            list.force_break = list.items.size() > 4;
            return {call("cfn::join", {std::move(delimiter), std::move(list)}), str};
        }
        return {call("cfn::join", {std::move(delimiter), value(args[1], list_of_str, index(where, 1), false)}), str};
    }
    if (function == "Fn::Sub") {
        auto text = [&](const json& s) {
            if (!s.is_string()) throw input_error(where, "the text of Fn::Sub must be a literal string");
            std::string literal = cpp_string(s.get<std::string>());
            // cfn::sub checks a literal when the program compiles; text it would refuse is passed
            // as a run-time string and reported by the stack's checks instead.
            bool valid = vocabulary::valid_sub_syntax(s.get<std::string>());
            return fragment::atom(valid ? literal : "std::string_view{" + literal + "}");
        };
        if (a.is_string()) return {call("cfn::sub", {text(a)}), str};
        const json& args = arguments(v, function, path);
        if (!args[1].is_object()) throw input_error(index(where, 1), "the variables of Fn::Sub must be an object");
        std::vector<fragment> variables;
        for (const auto& [name, item] : args[1].items())
            variables.push_back(fragment::pair(fragment::atom(cpp_string(name)), value(item, str, child(index(where, 1), name), false)));
        return {call("cfn::sub", {text(args[0]), fragment::braces("", std::move(variables))}), str};
    }
    if (function == "Fn::Base64") return {call("cfn::base64", {value(a, str, where, false)}), str};
    if (function == "Fn::ImportValue") return {call("cfn::import_value", {value(a, str, where, false)}), str};
    if (function == "Fn::GetAZs") {
        if (a == "") return {fragment::atom("cfn::get_azs()"), list_of_str};
        return {call("cfn::get_azs", {value(a, str, where, false)}), list_of_str};
    }
    if (function == "Fn::Split") {
        const json& args = arguments(v, function, path);
        return {call("cfn::split", {value(args[0], str, index(where, 0), false), value(args[1], str, index(where, 1), false)}), list_of_str};
    }
    if (function == "Fn::Cidr") {
        const json& args = arguments(v, function, path);
        return {call("cfn::cidr", {value(args[0], str, index(where, 0), false), value(args[1], integer, index(where, 1), false),
                                   value(args[2], integer, index(where, 2), false)}),
                list_of_str};
    }
    if (function == "Fn::Select") {
        const json& args = arguments(v, function, path);
        fragment i = value(args[0], integer, index(where, 0), false);
        if (args[1].is_array() && !is_intrinsic(args[1])) {
            std::vector<fragment> items;
            for (std::size_t k = 0; k < args[1].size(); ++k) items.push_back(value(args[1][k], str, index(index(where, 1), k), false));
            return {call("cfn::select", {std::move(i), fragment::braces("", std::move(items))}), str};
        }
        if (!is_intrinsic(args[1])) throw input_error(index(where, 1), "Fn::Select needs a list");
        typed list = expression(args[1], index(where, 1), list_of_str);
        if (list.type.k != kind::list) {
            list.code = call("cfn::as<cfn::list<cfn::str>>", {std::move(list.code)})
                            .with_note("cfn::as: Fn::Select of " + describe(list.type) + ", which CloudFormation reads as a list");
            list.type = list_of_str;
        }
        return {call("cfn::select", {std::move(i), std::move(list.code)}), *list.type.element};
    }
    if (function == "Fn::FindInMap") {
        const json& args = arguments(v, function, path);
        if (!args[0].is_string()) throw input_error(index(where, 0), "Fn::FindInMap needs the mapping's name");
        auto m = mappings_.find(args[0].get<std::string>());
        if (m == mappings_.end())
            throw input_error(index(where, 0), "Fn::FindInMap of '" + args[0].get<std::string>() + "', which is not a mapping");
        return {call("cfn::find_in_map", {fragment::atom(use(m->second)), value(args[1], str, index(where, 1), false),
                                          value(args[2], str, index(where, 2), false)}),
                m->second.type};
    }
    if (function == "Fn::If") return fn_if(a, where, want);
    if (function == "Fn::ValueOf") {
        const json& args = arguments(v, function, path);
        auto p = args[0].is_string() ? parameters_.find(args[0].get<std::string>()) : parameters_.end();
        if (p == parameters_.end() || !args[1].is_string())
            throw input_error(where, "Fn::ValueOf takes [Parameter, Attribute] with literal names");
        return {call("cfn::rules::value_of", {fragment::atom(use(p->second)), fragment::atom(cpp_string(args[1].get<std::string>()))}), str};
    }
    if (function == "Fn::RefAll") {
        if (!a.is_string()) throw input_error(where, "Fn::RefAll takes a parameter type");
        return {call("cfn::rules::ref_all", {fragment::atom(cpp_string(a.get<std::string>()))}), list_of_str};
    }
    if (function == "Fn::ValueOfAll") {
        const json& args = arguments(v, function, path);
        if (!args[0].is_string() || !args[1].is_string()) throw input_error(where, "Fn::ValueOfAll takes literal names");
        return {call("cfn::rules::value_of_all", {fragment::atom(cpp_string(args[0].get<std::string>())), fragment::atom(cpp_string(args[1].get<std::string>()))}),
                list_of_str};
    }
    using vocabulary::function_role;
    if (const vocabulary::intrinsic_function* f = vocabulary::find_function(function)) {
        if (f->role == function_role::condition || f->role == function_role::rule_condition)
            return {condition(v, path), value_type::of(kind::condition)};
        if (f->role == function_role::unsupported) throw input_error(where, function + " is not supported by cfnpp");
    }
    throw input_error(where, "unknown intrinsic function '" + function + "'");
}

/// The C++ type an Fn::If branch has, as detail::type_of_argument sees it.
value_type branch_type(const json& v, const value_type& want, const typed* e) {
    if (e) return e->type;
    if (want.k == kind::json) {
        if (v.is_string()) return value_type::of(kind::str);
        if (v.is_boolean()) return value_type::of(kind::boolean);
        if (v.is_number_integer()) return value_type::of(kind::integer);
        if (v.is_number_float()) return value_type::of(kind::number);
        return want;
    }
    if (want.k == kind::id) return value_type::of(kind::str);  // a literal is a plain string
    if (want.k == kind::number && v.is_number_integer()) return value_type::of(kind::integer);
    return want;
}

bool if_compatible(const value_type& a, const value_type& b) {
    if (a.k == kind::no_value || b.k == kind::no_value || a == b) return true;
    auto either = [&](kind x, kind y) { return (a.k == x && b.k == y) || (a.k == y && b.k == x); };
    return (either(kind::id, kind::str) && (a.tokens.size() <= 1 && b.tokens.size() <= 1)) || either(kind::integer, kind::number);
}

typed translator::fn_if(const json& a, const std::string& path, const value_type& want) {
    if (!a.is_array() || a.size() != 3) throw input_error(path, "Fn::If takes [Condition, WhenTrue, WhenFalse]");
    fragment cond = condition_name(a[0], index(path, 0));
    std::vector<fragment> code;
    std::vector<value_type> types;
    bool no_value = false;
    for (std::size_t i = 1; i <= 2; ++i) {
        if (is_no_value(a[i])) {
            code.push_back(fragment::atom("cfn::no_value"));
            types.push_back(value_type::of(kind::no_value));
            no_value = true;
            continue;
        }
        if (is_intrinsic(a[i])) {
            typed e = expression(a[i], index(path, i), want);
            if (!accepts(want, e.type) && !(want.k == kind::structure && e.type == want)) {
                e.code = fragment::call("cfn::as<" + spell(want) + ">", {std::move(e.code)})
                             .with_note("cfn::as: the template gives " + describe(e.type) + " where the spec expects " + describe(want));
                e.type = want;
            }
            no_value = no_value || e.may_be_no_value;
            types.push_back(branch_type(a[i], want, &e));
            code.push_back(std::move(e.code));
        } else {
            code.push_back(value(a[i], want, index(path, i), false, true));
            types.push_back(branch_type(a[i], want, nullptr));
        }
    }
    value_type result = types[0].k == kind::no_value ? types[1] : types[0];
    if (!if_compatible(types[0], types[1])) {
        // Branches of different C++ types: say the type both have.
        for (std::size_t i = 0; i < 2; ++i)
            if (types[i].k != kind::no_value && code[i].head.rfind("cfn::value<", 0) != 0)
                code[i] = fragment::call("cfn::value<" + spell(want) + ">", {std::move(code[i])});
        result = want;
    } else if (types[0].k != kind::no_value && types[1].k != kind::no_value && !(types[0] == types[1])) {
        result = types[0].k == kind::id ? types[0] : types[1].k == kind::id ? types[1] : value_type::of(kind::number);
    }
    if (result.k == kind::no_value) throw input_error(path, "both branches of Fn::If are AWS::NoValue");
    return {fragment::call("cfn::if_", {std::move(cond), std::move(code[0]), std::move(code[1])}), result, no_value};
}

fragment translator::condition_name(const json& name, const std::string& path) {
    if (!name.is_string()) throw input_error(path, "a condition name must be a string");
    auto c = conditions_.find(name.get<std::string>());
    if (c == conditions_.end()) throw input_error(path, "condition '" + name.get<std::string>() + "' is not in Conditions");
    return fragment::atom(use(c->second));
}

fragment translator::condition_operand(const json& v, const std::string& path) {
    if (v.is_object() && v.size() == 1 && v.contains("Condition")) return condition_name(v["Condition"], child(path, "Condition"));
    return condition(v, path);
}

fragment translator::condition(const json& v, const std::string& path) {
    if (!v.is_object() || v.size() != 1) throw input_error(path, "a condition must be a condition function");
    const std::string& function = v.begin().key();
    const std::string where = child(path, function);
    value_type any = value_type::of(kind::json), str = value_type::of(kind::str);
    value_type list_of_str = value_type::list_of(str);
    if (function == "Fn::Equals") {
        const json& args = arguments(v, function, path);
        return fragment::call("cfn::equals", {value(args[0], any, index(where, 0), false), value(args[1], any, index(where, 1), false)});
    }
    if (function == "Fn::And" || function == "Fn::Or") {
        const json& args = arguments(v, function, path);
        std::vector<fragment> operands;
        for (std::size_t i = 0; i < args.size(); ++i) operands.push_back(condition_operand(args[i], index(where, i)));
        return fragment::call(function == "Fn::And" ? "cfn::and_" : "cfn::or_", {fragment::braces("", std::move(operands))});
    }
    if (function == "Fn::Not") {
        const json& args = arguments(v, function, path);
        return fragment::call("cfn::not_", {condition_operand(args[0], index(where, 0))});
    }
    if (function == "Fn::Contains" || function == "Fn::EachMemberEquals") {
        const json& args = arguments(v, function, path);
        return fragment::call(function == "Fn::Contains" ? "cfn::rules::contains" : "cfn::rules::each_member_equals",
                              {value(args[0], list_of_str, index(where, 0), false), value(args[1], str, index(where, 1), false)});
    }
    if (function == "Fn::EachMemberIn") {
        const json& args = arguments(v, function, path);
        return fragment::call("cfn::rules::each_member_in", {value(args[0], list_of_str, index(where, 0), false),
                                                             value(args[1], list_of_str, index(where, 1), false)});
    }
    if (function == "Condition") return condition_name(v["Condition"], where);
    throw input_error(path, "'" + function + "' is not a condition function");
}

// Sections. --------------------------------------------------------------------------------------

/// The parameter type tag of cfn/parameter.hpp, and what Ref of such a parameter is.
std::pair<std::string, value_type> parameter_type(const std::string& type, const std::string& path) {
    // The types cfn/parameter.hpp declares, from the one list in cfn/vocabulary.hpp: the tag's C++
    // spelling, and Ref's value type read from its spelling in the core's names.
    auto read = [](std::string spelling) {
        spelling.erase(std::remove(spelling.begin(), spelling.end(), '"'), spelling.end());
        return parse_type(spelling, nullptr);
    };
    auto qualified = [](const std::string& basic) {  // "list<str>" -> "cfn::list<cfn::str>"
        return basic.rfind("list<", 0) == 0 ? "cfn::list<cfn::" + basic.substr(5) : "cfn::" + basic;
    };
    static const std::map<std::string, std::pair<std::string, value_type>> aws = {
#define CFN2CPP_AWS_PARAMETER_TYPE(tag, cfn_name, value) {cfn_name, {"cfn::" #tag, read(#value)}},
        CFN_AWS_PARAMETER_TYPES(CFN2CPP_AWS_PARAMETER_TYPE)
#undef CFN2CPP_AWS_PARAMETER_TYPE
#define CFN2CPP_BASIC_PARAMETER_TYPE(type, cfn_name) {cfn_name, {qualified(#type), read(#type)}},
        CFN_BASIC_PARAMETER_TYPES(CFN2CPP_BASIC_PARAMETER_TYPE)
#undef CFN2CPP_BASIC_PARAMETER_TYPE
    };
    if (auto found = aws.find(type); found != aws.end()) return found->second;
    static const std::regex list("List<(AWS::.*)>"), ssm("AWS::SSM::Parameter::Value<(.*)>");
    std::smatch m;
    if (std::regex_match(type, m, list)) {
        auto element = aws.find(m[1]);
        if (element != aws.end()) return {"cfn::list<" + element->second.first + ">", value_type::list_of(element->second.second)};
    }
    if (std::regex_match(type, m, ssm)) {
        auto inner = parameter_type(m[1], path);
        if (inner.second.k != kind::list) return {"cfn::ssm_value<" + inner.first + ">", inner.second};
    }
    throw input_error(path, "parameter type '" + type + "' is not supported by cfnpp");
}

fragment parameter_literal(const json& v, const std::string& path) {
    if (v.is_string()) return fragment::atom(cpp_string(v.get<std::string>()));
    if (v.is_number_integer()) return fragment::atom(v.dump());
    if (v.is_number_float()) return fragment::atom(number_text(v.get<double>()));
    if (v.is_boolean())  // parameter values are strings to CloudFormation
        return fragment::atom(cpp_string(v.dump())).with_note("CloudFormation reads the parameter value " + v.dump() + " as the string \"" + v.dump() + "\"");
    throw input_error(path, "must be a string or a number");
}

fragment translator::parameter(const std::string& id, const json& body) {
    const std::string path = "Parameters." + id;
    auto [tag, ref] = parameter_type(body["Type"].is_string() ? body["Type"].get<std::string>() : "", child(path, "Type"));
    parameters_[id].type = ref;
    std::vector<fragment> members;
    auto text = [&](const char* key) {
        if (!body[key].is_string()) throw input_error(child(path, key), "must be a string");
        return fragment::atom(cpp_string(body[key].get<std::string>()));
    };
    auto number = [&](const char* key) {
        const json& v = body[key];
        if (v.is_number()) return fragment::atom(v.dump());
        if (v.is_string() && std::regex_match(v.get<std::string>(), std::regex("-?[0-9]+(\\.[0-9]+)?")))
            return fragment::atom(v.get<std::string>());  // CloudFormation reads "5" as 5
        throw input_error(child(path, key), "must be a number");
    };
    static const std::set<std::string> known = {"Type", "Description", "Default", "AllowedValues", "AllowedPattern", "MinLength",
                                                "MaxLength", "MinValue", "MaxValue", "NoEcho", "ConstraintDescription"};
    for (const auto& [key, v] : body.items())
        if (!known.count(key)) throw input_error(child(path, key), "not an attribute of a parameter");
    if (body.contains("Description")) members.push_back(fragment::member("description", text("Description")));
    if (body.contains("Default")) members.push_back(fragment::member("default_value", parameter_literal(body["Default"], child(path, "Default"))));
    if (body.contains("AllowedValues")) {
        if (!body["AllowedValues"].is_array()) throw input_error(child(path, "AllowedValues"), "must be a list");
        std::vector<fragment> values;
        for (std::size_t i = 0; i < body["AllowedValues"].size(); ++i)
            values.push_back(parameter_literal(body["AllowedValues"][i], index(child(path, "AllowedValues"), i)));
        members.push_back(fragment::member("allowed_values", fragment::braces("", std::move(values))));
    }
    if (body.contains("AllowedPattern")) members.push_back(fragment::member("allowed_pattern", text("AllowedPattern")));
    if (body.contains("MinLength")) members.push_back(fragment::member("min_length", number("MinLength")));
    if (body.contains("MaxLength")) members.push_back(fragment::member("max_length", number("MaxLength")));
    if (body.contains("MinValue")) members.push_back(fragment::member("min_value", number("MinValue")));
    if (body.contains("MaxValue")) members.push_back(fragment::member("max_value", number("MaxValue")));
    if (body.contains("NoEcho")) {
        const json& v = body["NoEcho"];
        if (!(v == true || v == "true" || v == "True")) throw input_error(child(path, "NoEcho"), "cfnpp writes NoEcho only as true");
        members.push_back(fragment::member("no_echo", fragment::atom("true")));
    }
    if (body.contains("ConstraintDescription"))
        members.push_back(fragment::member("constraint_description", text("ConstraintDescription")));
    std::vector<fragment> items{fragment::atom(cpp_string(id))};
    if (!members.empty()) {
        items.push_back(fragment::braces("", std::move(members)));
        items.back().force_break = items.back().items.size() > 2;
    }
    return fragment::call("s.add", {fragment::braces("cfn::parameter<" + tag + ">", std::move(items))});
}

fragment translator::mapping(const std::string& id, const json& body) {
    const std::string path = "Mappings." + id;
    if (!body.is_object() || body.empty()) throw input_error(path, "a mapping must be a non-empty object");
    // The values' type: strings, lists of strings, integers, or else JSON.
    std::set<std::string> shapes;
    for (const auto& [key, second] : body.items()) {
        if (!second.is_object()) throw input_error(child(path, key), "must be an object of values");
        for (const auto& [name, v] : second.items())
            shapes.insert(v.is_string() ? "str"
                          : v.is_number_integer() ? "integer"
                          : v.is_array() && std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_string(); }) ? "list"
                                                                                                                           : "json");
    }
    value_type type = value_type::of(kind::json);
    std::string tag = "cfn::mapping<cfn::json>";
    if (shapes == std::set<std::string>{"str"}) {
        type = value_type::of(kind::str);
        tag = "cfn::mapping<>";
    } else if (shapes == std::set<std::string>{"integer"}) {
        type = value_type::of(kind::integer);
        tag = "cfn::mapping<cfn::integer>";
    } else if (shapes == std::set<std::string>{"list"}) {
        type = value_type::list_of(value_type::of(kind::str));
        tag = "cfn::mapping<cfn::list<cfn::str>>";
    }
    mappings_[id].type = type;
    std::vector<fragment> entries;
    for (const auto& [key, second] : body.items()) {
        std::vector<fragment> values;
        for (const auto& [name, v] : second.items())
            values.push_back(fragment::pair(fragment::atom(cpp_string(name)), type.k == kind::json ? json_literal(v, child(child(path, key), name), true)
                                                                                                : literal(v, type, child(child(path, key), name), false)));
        entries.push_back(fragment::pair(fragment::atom(cpp_string(key)), fragment::braces("", std::move(values))));
    }
    fragment table = fragment::braces("", std::move(entries));
    table.force_break = true;
    return fragment::call("s.add", {fragment::braces(tag, {fragment::atom(cpp_string(id)), std::move(table)})});
}

fragment translator::rule(const std::string& id, const json& body) {
    const std::string path = "Rules." + id;
    if (!body.is_object()) throw input_error(path, "a rule must be an object");
    for (const auto& [key, v] : body.items())
        if (key != "RuleCondition" && key != "Assertions") throw input_error(child(path, key), "not part of a rule");
    std::vector<fragment> members{fragment::member("id", fragment::atom(cpp_string(id)))};
    if (body.contains("RuleCondition"))
        members.push_back(fragment::member("rule_condition", condition(body["RuleCondition"], child(path, "RuleCondition"))));
    std::vector<fragment> assertions;
    const json& list = body.contains("Assertions") ? body["Assertions"] : json::array();
    if (!list.is_array()) throw input_error(child(path, "Assertions"), "must be a list");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string where = index(child(path, "Assertions"), i);
        const json& a = list[i];
        if (!a.is_object() || !a.contains("Assert")) throw input_error(where, "an assertion needs Assert");
        for (const auto& [key, v] : a.items())
            if (key != "Assert" && key != "AssertDescription") throw input_error(child(where, key), "not part of an assertion");
        std::vector<fragment> parts{fragment::member("assertion", condition(a["Assert"], child(where, "Assert")))};
        if (a.contains("AssertDescription")) {
            if (!a["AssertDescription"].is_string()) throw input_error(child(where, "AssertDescription"), "must be a string");
            parts.push_back(fragment::member("description", fragment::atom(cpp_string(a["AssertDescription"].get<std::string>()))));
        }
        assertions.push_back(fragment::braces("", std::move(parts)));
    }
    members.push_back(fragment::member("assertions", fragment::braces("", std::move(assertions))));
    fragment f = fragment::braces("cfn::rule", std::move(members));
    f.force_break = true;
    return fragment::call("s.add", {std::move(f)});
}

std::vector<fragment> translator::resource_options(const std::string& id, const json& body) {
    const std::string path = "Resources." + id;
    std::vector<fragment> options;
    if (body.contains("DependsOn")) {
        const json& d = body["DependsOn"];
        auto handle = [&](const json& name, const std::string& where) {
            if (!name.is_string()) throw input_error(where, "DependsOn names resources");
            auto r = resources_.find(name.get<std::string>());
            if (r == resources_.end()) throw input_error(where, "DependsOn '" + name.get<std::string>() + "', which is not a resource");
            return fragment::atom(use(r->second));
        };
        if (d.is_string()) {
            options.push_back(fragment::member("depends_on", handle(d, child(path, "DependsOn"))));
        } else if (d.is_array()) {
            std::vector<fragment> handles;
            for (std::size_t i = 0; i < d.size(); ++i) handles.push_back(handle(d[i], index(child(path, "DependsOn"), i)));
            options.push_back(fragment::member("depends_on", fragment::braces("", std::move(handles))));
        } else {
            throw input_error(child(path, "DependsOn"), "must be a resource name or a list of them");
        }
    }
    if (body.contains("Condition")) options.push_back(fragment::member("condition", condition_name(body["Condition"], child(path, "Condition"))));
    for (const auto& [key, member] : {std::pair{"DeletionPolicy", "deletion_policy"}, std::pair{"UpdateReplacePolicy", "update_replace_policy"}}) {
        if (!body.contains(key)) continue;
        const vocabulary::deletion_policy* found = nullptr;
        for (const vocabulary::deletion_policy& p : vocabulary::deletion_policies)
            if (body[key].is_string() && body[key].get<std::string>() == p.name) found = &p;
        if (!found) {
            std::string names;
            for (const vocabulary::deletion_policy& p : vocabulary::deletion_policies)
                names += (names.empty() ? "" : &p == std::end(vocabulary::deletion_policies) - 1 ? " or " : ", ") + std::string(p.name);
            throw input_error(child(path, key), "must be " + names);
        }
        options.push_back(fragment::member(member, fragment::atom("cfn::deletion::" + std::string(found->enumerator))));
    }
    for (const auto& [key, member] : {std::pair{"CreationPolicy", "creation_policy"}, std::pair{"UpdatePolicy", "update_policy"}}) {
        if (!body.contains(key)) continue;
        value_type t = value_type::of(kind::structure);
        t.name = key;
        t.owner = &types_.policies();
        options.push_back(fragment::member(member, value(body[key], t, child(path, key), true)));
    }
    if (body.contains("Metadata")) options.push_back(fragment::member("metadata", json_literal(body["Metadata"], child(path, "Metadata"), true)));
    if (body.contains("Version"))
        options.push_back(fragment::member("version", value(body["Version"], value_type::of(kind::str), child(path, "Version"), true)));
    return options;
}

fragment translator::resource(const std::string& id, const json& body) {
    const std::string path = "Resources." + id;
    for (const auto& [key, v] : body.items())
        if (!vocabulary::contains(vocabulary::resource_attributes, key)) throw input_error(child(path, key), "not a resource attribute");
    const std::string type = body["Type"].get<std::string>();
    const json properties = body.contains("Properties") ? body["Properties"] : json::object();
    if (!properties.is_object()) throw input_error(child(path, "Properties"), "must be an object");
    entity& self = resources_[id];

    // Why the resource cannot be typed, if it cannot.
    std::string raw_reason;
    if (type.rfind("Custom::", 0) == 0 || type == "AWS::CloudFormation::CustomResource")
        raw_reason = "a custom resource: its provider defines its properties";
    else if (!self.resource)
        raw_reason = type + " is not in the pinned spec (" + types_.spec() + ")";
    else
        for (const property& p : self.resource->properties.properties)
            if (p.required && !properties.contains(p.cfn_name))
                raw_reason = "the template leaves out " + p.cfn_name + ", which the spec requires";

    std::vector<fragment> options = resource_options(id, body);
    std::vector<fragment> items{fragment::atom(cpp_string(id))};
    if (!raw_reason.empty()) {
        self.raw = true;
        std::vector<fragment> props;
        for (const auto& [key, v] : properties.items())
            props.push_back(fragment::pair(fragment::atom(cpp_string(key)), json_literal(v, child(child(path, "Properties"), key), true)));
        items.push_back(fragment::atom(cpp_string(type)));
        if (!props.empty() || !options.empty()) {
            items.push_back(fragment::braces("", std::move(props)));
            items.back().force_break = items.back().items.size() > 1;
        }
        if (!options.empty()) items.push_back(fragment::braces("", std::move(options)));
        fragment f = fragment::call("s.add", {fragment::braces("cfn::raw_resource", std::move(items))});
        return std::move(f).with_note("cfn::raw_resource: " + raw_reason);
    }

    headers_.insert(self.resource->header);
    std::vector<fragment> members, raw;
    for (const auto& [key, v] : properties.items())
        if (!self.resource->properties.find(key))
            raw.push_back(fragment::pair(fragment::atom(cpp_string(key)), json_literal(v, child(child(path, "Properties"), key), true))
                              .with_note("raw_properties: " + key + " is not a property of " + type + " in the pinned spec"));
    for (const property& p : self.resource->properties.properties)
        if (properties.contains(p.cfn_name))
            members.push_back(fragment::member(p.member, value(properties[p.cfn_name], p.type, child(child(path, "Properties"), p.cfn_name), !p.required)));
    if (!raw.empty()) options.push_back(fragment::member("raw_properties", fragment::braces("", std::move(raw))));
    if (!members.empty() || !options.empty()) {
        items.push_back(fragment::braces("", std::move(members)));
        items.back().force_break = items.back().items.size() > 1;
    }
    if (!options.empty()) {
        items.push_back(fragment::braces("", std::move(options)));
        items.back().force_break = items.back().items.size() > 1;
    }
    fragment f = fragment::braces(resource_spelling(*self.resource), std::move(items));
    return fragment::call("s.add", {std::move(f)});
}

fragment translator::output(const std::string& id, const json& body) {
    const std::string path = "Outputs." + id;
    if (!body.is_object() || !body.contains("Value")) throw input_error(path, "an output needs a Value");
    for (const auto& [key, v] : body.items())
        if (key != "Value" && key != "Description" && key != "Export" && key != "Condition")
            throw input_error(child(path, key), "not part of an output");
    fragment value_code = fragment::atom("");
    const json& v = body["Value"];
    if (is_intrinsic(v)) {
        typed e = expression(v, child(path, "Value"), value_type::of(kind::str));
        bool outputtable = is_string_like(e.type);  // cfn/output.hpp refuses a list: CloudFormation does
        value_code = outputtable && !e.may_be_no_value
                         ? std::move(e.code)
                         : fragment::call("cfn::as<cfn::str>", {std::move(e.code)})
                               .with_note("cfn::as: an output's value is a string; this one is " + describe(e.type));
    } else {
        value_code = literal(v, value_type::of(kind::str), child(path, "Value"), false);
    }
    std::vector<fragment> options;
    if (body.contains("Description")) {
        if (!body["Description"].is_string()) throw input_error(child(path, "Description"), "cfnpp takes a literal description");
        options.push_back(fragment::member("description", fragment::atom(cpp_string(body["Description"].get<std::string>()))));
    }
    if (body.contains("Export")) {
        const json& e = body["Export"];
        if (!e.is_object() || e.size() != 1 || !e.contains("Name")) throw input_error(child(path, "Export"), "must be {\"Name\": ...}");
        options.push_back(fragment::member("export_name", value(e["Name"], value_type::of(kind::str), child(child(path, "Export"), "Name"), false)));
    }
    if (body.contains("Condition")) options.push_back(fragment::member("condition", condition_name(body["Condition"], child(path, "Condition"))));
    std::vector<fragment> items{fragment::atom(cpp_string(id)), std::move(value_code)};
    if (!options.empty()) items.push_back(fragment::braces("", std::move(options)));
    return fragment::call("s.add", {fragment::braces("cfn::output", std::move(items))});
}

std::string translator::run(const std::string& source_name) {
    check_sections();
    declare();

    struct line {
        entity* bound;  ///< the entity whose handle the statement returns, if any
        fragment code;
    };
    std::vector<std::pair<std::string, std::vector<line>>> blocks;
    auto block = [&](const std::string& title) -> std::vector<line>& { return blocks.emplace_back(title, std::vector<line>{}).second; };

    std::string preamble;
    if (t_.contains("Metadata")) {
        preamble += statement(fragment::call("s.set_metadata", {json_literal(t_["Metadata"], "Metadata", true)}), 4);
    }
    if (t_.contains("Transform")) {
        const json& tr = t_["Transform"];
        std::vector<std::string> names;
        if (tr.is_string()) names.push_back(tr.get<std::string>());
        else if (tr.is_array() && std::all_of(tr.begin(), tr.end(), [](const json& x) { return x.is_string(); }))
            for (const json& x : tr) names.push_back(x.get<std::string>());
        else throw input_error("Transform", "cfnpp takes the names of macros");
        for (const std::string& name : names) preamble += statement(fragment::call("s.add_transform", {fragment::atom(cpp_string(name))}), 4);
    }
    if (t_.contains("Parameters")) {
        auto& lines = block("Parameters");
        for (const auto& [id, body] : t_["Parameters"].items()) lines.push_back({&parameters_[id], parameter(id, body)});
    }
    if (t_.contains("Mappings")) {
        auto& lines = block("Mappings");
        for (const auto& [id, body] : t_["Mappings"].items()) lines.push_back({&mappings_[id], mapping(id, body)});
    }
    if (t_.contains("Conditions")) {
        auto& lines = block("Conditions");
        for (const std::string& id : condition_order()) {
            fragment c = fragment::braces("cfn::condition", {fragment::atom(cpp_string(id)), condition(t_["Conditions"][id], "Conditions." + id)});
            lines.push_back({&conditions_[id], fragment::call("s.add", {std::move(c)})});
        }
    }
    if (t_.contains("Rules")) {
        auto& lines = block("Rules");
        for (const auto& [id, body] : t_["Rules"].items()) lines.push_back({nullptr, rule(id, body)});
    }
    {
        auto& lines = block("Resources");
        for (const std::string& id : resource_order()) lines.push_back({&resources_[id], resource(id, t_["Resources"][id])});
    }
    if (t_.contains("Outputs")) {
        auto& lines = block("Outputs");
        for (const auto& [id, body] : t_["Outputs"].items()) lines.push_back({nullptr, output(id, body)});
    }

    std::string text = "// " + source_name + ", imported by cfn2cpp: a starting point that reproduces the template.\n";
    headers_.insert("cfn/cfn.hpp");
    for (const std::string& header : headers_) text += "#include <" + header + ">\n";
    text += "\n";
    bool any_alias = false;
    for (const auto& [ns, alias] : aliases_) {
        // The folder computed outside the lambda: clang 14 cannot capture a structured binding.
        std::string folder = std::regex_replace(ns, std::regex("::"), "/") + "/";
        bool used = std::any_of(headers_.begin(), headers_.end(),
                                [&](const std::string& h) { return h.rfind(folder, 0) == 0; });
        if (!used) continue;
        text += "namespace " + alias + " = " + ns + ";\n";
        any_alias = true;
    }
    if (any_alias) text += "\n";
    text += "int main(int argc, char** argv) {\n";
    if (t_.contains("Description")) {
        text += statement(fragment::braces("cfn::stack s", {fragment::atom(cpp_string(t_["Description"].get<std::string>()))}), 4);
    } else {
        text += "    cfn::stack s;\n";
    }
    text += preamble;
    for (const auto& [title, lines] : blocks) {
        text += "\n    // " + title + "\n";
        for (const line& l : lines)
            text += statement(l.code, 4, l.bound && l.bound->used ? "auto " + l.bound->var + " = " : "");
    }
    text += "\n    return cfn::run(s, argc, argv);\n}\n";
    return text;
}

}  // namespace

std::string translate(const json& template_, const catalog& types, const std::string& source_name) {
    return translator(template_, types).run(source_name);
}

}  // namespace cfn2cpp
