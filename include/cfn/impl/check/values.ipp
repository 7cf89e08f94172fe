// cfnpp implementation: the checks' pass over values against their own constraints: parameter
// defaults, raw properties that shadow typed ones.
#pragma once

#include <regex>   // std::regex: a parameter's AllowedPattern against its Default
#include <string>  // std::string
#include <vector>  // std::vector

#include <cfn/config.hpp>
#include <cfn/impl/check/checker.ipp>

namespace cfn::detail {

CFN_INLINE void checker::check_parameter(const stack::entry& e) {
    std::string path = "Parameters." + std::string(e.id);
    const node_data& body = read(e.body);
    const node_data* type = member(body, "Type");
    const node_data* default_value = member(body, "Default");
    if (!default_value || !type) return;
    std::string type_name = type->text;
    bool is_list = type_name.rfind("List<", 0) == 0 || type_name == "CommaDelimitedList";
    bool is_number = type_name == "Number" || type_name == "List<Number>";
    std::vector<std::string> values;
    if (default_value->kind == node_kind::list) {
        for (node item : default_value->items) values.push_back(scalar_text(read(item)));
    } else {
        std::string text = scalar_text(*default_value);
        if (is_list) {
            std::size_t start = 0;
            while (true) {
                std::size_t comma = text.find(',', start);
                values.push_back(text.substr(start, comma == std::string::npos ? comma : comma - start));
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
        } else {
            values.push_back(text);
        }
    }
    std::string where = path + ".Default";
    if (const node_data* allowed = member(body, "AllowedValues")) {
        for (const auto& v : values) {
            bool found = false;
            for (node a : allowed->items) found = found || scalar_text(read(a)) == v;
            if (!found) error(where, "default '" + v + "' is not one of the parameter's AllowedValues");
        }
    }
    if (const node_data* pattern = member(body, "AllowedPattern")) {
        try {
            std::regex re(pattern->text);
            for (const auto& v : values)
                if (!std::regex_match(v, re))
                    error(where, "default '" + v + "' does not match AllowedPattern '" + pattern->text + "'");
        } catch (const std::regex_error&) {
            error(path + ".AllowedPattern", "'" + pattern->text + "' is not a valid regular expression");
        }
    }
    const node_data* min_length = member(body, "MinLength");
    const node_data* max_length = member(body, "MaxLength");
    for (const auto& v : values) {
        if (min_length && static_cast<long long>(v.size()) < min_length->integer)
            error(where, "default '" + v + "' is shorter than MinLength " + std::to_string(min_length->integer));
        if (max_length && static_cast<long long>(v.size()) > max_length->integer)
            error(where, "default '" + v + "' is longer than MaxLength " + std::to_string(max_length->integer));
    }
    auto as_number = [](const node_data* d) { return d->kind == node_kind::integer ? double(d->integer) : d->number; };
    const node_data* min_value = member(body, "MinValue");
    const node_data* max_value = member(body, "MaxValue");
    for (const auto& v : values) {
        if (!is_number) break;
        char* end = nullptr;
        double x = std::strtod(v.c_str(), &end);
        if (v.empty() || end != v.c_str() + v.size()) {
            error(where, "default '" + v + "' is not a number");
            continue;
        }
        if (min_value && x < as_number(min_value))
            error(where, "default " + v + " is less than MinValue " + scalar_text(*min_value));
        if (max_value && x > as_number(max_value))
            error(where, "default " + v + " is greater than MaxValue " + scalar_text(*max_value));
    }
}

CFN_INLINE void checker::check_raw_properties(const stack::entry& e) {
    if (!e.raw_properties.present() || !e.info) return;
    const struct_info& typed = *e.info->properties();
    const node_data& raw = read(e.raw_properties);
    for (const auto& key : raw.keys)
        for (std::size_t i = 0; i < typed.field_count; ++i)
            if (typed.fields[i].name == key)
                error("Resources." + std::string(e.id) + ".Properties." + key,
                      "raw property '" + key + "' is a typed property of " + std::string(e.info->type) +
                          ": set it through the typed member instead");
}

}  // namespace cfn::detail
