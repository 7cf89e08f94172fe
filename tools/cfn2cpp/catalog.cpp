// cfn2cpp: loading the catalog of generated names and types.
#include "catalog.hpp"

#include <fstream>

namespace cfn2cpp {

namespace {

/// The inside of `<...>` at the start of `text`, which must end right after it.
std::string inside(const std::string& text, std::size_t open) {
    if (text.back() != '>') throw std::runtime_error("malformed type '" + text + "'");
    return text.substr(open + 1, text.size() - open - 2);
}

std::vector<property> read_properties(const nlohmann::json& list, const resource_type* owner) {
    std::vector<property> result;
    for (const nlohmann::json& p : list)
        result.push_back({p.at(0).get<std::string>(), p.at(1).get<std::string>(),
                          parse_type(p.at(2).get<std::string>(), owner), p.at(3).get<int>() != 0});
    return result;
}

void read_resource(const std::string& cfn_type, const nlohmann::json& entry, resource_type& r) {
    r.cfn_type = cfn_type;
    r.cpp = entry.at("cpp").get<std::string>();
    r.header = entry.at("header").get<std::string>();
    r.ref = parse_type(entry.at("ref").get<std::string>(), &r);
    for (const auto& [name, attribute] : entry.at("attributes").items())
        r.attributes[name] = {attribute.at(0).get<std::string>(), parse_type(attribute.at(1).get<std::string>(), &r)};
    r.properties.properties = read_properties(entry.at("properties"), &r);
    for (const auto& [name, type] : entry.at("types").items())
        r.types[name] = struct_type{type.at(0).get<std::string>(), read_properties(type.at(1), &r)};
    for (const auto& [name, values] : entry.at("enums").items())
        for (const nlohmann::json& v : values) r.enums[name].emplace_back(v.at(0).get<std::string>(), v.at(1).get<std::string>());
}

}  // namespace

value_type value_type::list_of(value_type element) {
    value_type t;
    t.k = kind::list;
    t.element = std::make_shared<const value_type>(std::move(element));
    return t;
}

bool value_type::operator==(const value_type& other) const {
    if (k != other.k || tokens != other.tokens || name != other.name || owner != other.owner) return false;
    if (!element || !other.element) return element == other.element;
    return *element == *other.element;
}

const property* struct_type::find(const std::string& cfn_name) const {
    for (const property& p : properties)
        if (p.cfn_name == cfn_name) return &p;
    return nullptr;
}

value_type parse_type(const std::string& text, const resource_type* owner) {
    using k = value_type::kind;
    static const std::pair<const char*, k> scalars[] = {
        {"str", k::str}, {"integer", k::integer}, {"number", k::number},
        {"boolean", k::boolean}, {"json", k::json}, {"tag", k::tag},
    };
    for (const auto& [name, kind] : scalars)
        if (text == name) return value_type::of(kind);
    std::size_t open = text.find('<');
    if (open == std::string::npos) throw std::runtime_error("malformed type '" + text + "'");
    std::string head = text.substr(0, open), argument = inside(text, open);
    value_type t;
    if (head == "list" || head == "map") {
        t = value_type::list_of(parse_type(argument, owner));
        t.k = head == "list" ? k::list : k::map;
    } else if (head == "id") {
        t.k = k::id;
        for (std::size_t start = 0; start <= argument.size();) {
            std::size_t comma = argument.find(',', start);
            if (comma == std::string::npos) comma = argument.size();
            t.tokens.push_back(argument.substr(start, comma - start));
            start = comma + 1;
        }
    } else if (head == "enum" || head == "struct") {
        t.k = head == "enum" ? k::enumeration : k::structure;
        t.name = argument;
        t.owner = owner;
    } else {
        throw std::runtime_error("malformed type '" + text + "'");
    }
    return t;
}

catalog::catalog(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(path, "cannot read the catalog (see --catalog)");
    try {
        nlohmann::json document = nlohmann::json::parse(in);
        if (document.at("format").get<int>() != 2) throw input_error(path, "unknown catalog format");
        spec_ = document.at("spec").get<std::string>();
        const nlohmann::json& rules = document.at("naming");
        naming_ = std::make_unique<cfn2cpp::naming>(rules.at("token").get<std::string>(),
                                                    rules.at("reserved").get<std::set<std::string>>());
        resources_ = std::move(document.at("resources"));
        read_resource("Policies", document.at("policies"), policies_);
    } catch (const nlohmann::json::exception& e) {
        throw input_error(path, std::string("malformed catalog: ") + e.what());
    } catch (const std::regex_error& e) {
        throw input_error(path, std::string("malformed catalog: the naming token: ") + e.what());
    }
}

const resource_type* catalog::find(const std::string& cfn_type) const {
    auto loaded = loaded_.find(cfn_type);
    if (loaded != loaded_.end()) return loaded->second.get();
    auto entry = resources_.find(cfn_type);
    if (entry == resources_.end()) return nullptr;
    auto r = std::make_unique<resource_type>();
    read_resource(cfn_type, *entry, *r);
    return loaded_.emplace(cfn_type, std::move(r)).first->second.get();
}

}  // namespace cfn2cpp
