// cfnpp implementation: the checks run before a template is written.
#pragma once

#include <algorithm>      // std::find
#include <map>            // std::map
#include <regex>          // std::regex: a parameter's AllowedPattern against its Default
#include <set>            // std::set
#include <unordered_map>  // std::unordered_map

#include <cfn/check.hpp>
#include <cfn/config.hpp>
#include <cfn/impl/utf8.ipp>
#include <cfn/intrinsics.hpp>
#include <cfn/stack.hpp>

namespace cfn {

CFN_INLINE std::string diagnostic::to_string() const {
    return (severity == level::error ? "error: " : "warning: ") + path + ": " + message;
}

namespace detail {

/// The limits CloudFormation sets (AWS CloudFormation quotas, 2025).
struct limits {
    static constexpr std::size_t resources = 500;
    static constexpr std::size_t parameters = 200;
    static constexpr std::size_t outputs = 200;
    static constexpr std::size_t mappings = 200;
    static constexpr std::size_t mapping_attributes = 200;
    static constexpr std::size_t direct_upload_bytes = 51200;
    static constexpr std::size_t body_bytes = 1024 * 1024;
};

enum class section_kind { parameter, mapping, condition, rule, resource, output };

class checker {
public:
    explicit checker(const stack& s) : s_(s) {
        for (const auto& e : s.parameters()) names_[std::string(e.id)] = section_kind::parameter;
        for (const auto& e : s.mappings()) names_[std::string(e.id)] = section_kind::mapping;
        for (const auto& e : s.conditions()) names_[std::string(e.id)] = section_kind::condition;
        for (const auto& e : s.resources()) names_[std::string(e.id)] = section_kind::resource;
        for (const auto& e : s.resources()) resources_[std::string(e.id)] = &e;
    }

    /// `written`: the template already written in format `f`, if the caller has it (cfn::run);
    /// otherwise the size limits are checked on a template written for the purpose.
    std::vector<diagnostic> run(format f, const std::string_view* written = nullptr) {
        check_ids();
        check_limits();
        for (diagnostic& d : check_utf8(s_)) found_.push_back(std::move(d));
        for (const auto& e : s_.parameters()) check_parameter(e);
        for (const auto& e : s_.mappings()) walk(e.body, "Mappings." + std::string(e.id), nullptr);
        for (const auto& e : s_.conditions()) {
            current_section_ = section_kind::condition;
            walk(e.body, "Conditions." + std::string(e.id), nullptr);
        }
        for (const auto& e : s_.rules()) {
            current_section_ = section_kind::rule;
            walk(e.body, "Rules." + std::string(e.id), nullptr);
        }
        for (const auto& e : s_.resources()) {
            current_section_ = section_kind::resource;
            check_raw_properties(e);
            walk(e.body, "Resources." + std::string(e.id), &e);
        }
        for (const auto& e : s_.outputs()) {
            current_section_ = section_kind::output;
            walk(e.body, "Outputs." + std::string(e.id), nullptr);
        }
        check_cycles();
        check_unused();
        if (!found_error()) check_size(written ? written->size() : emit(s_, f).size());
        return std::move(found_);
    }

private:
    void error(std::string path, std::string message) {
        found_.push_back({diagnostic::level::error, std::move(path), std::move(message)});
    }
    void warning(std::string path, std::string message) {
        found_.push_back({diagnostic::level::warning, std::move(path), std::move(message)});
    }

    void check_ids() {
        // An ID added through a cfn::scope is shown with its scope path: "'BlueVpc' (Blue/Vpc)".
        auto named = [](const stack::entry& e) {
            std::string text = "'" + std::string(e.id) + "'";
            if (!e.scoped_name.empty()) text += " (" + std::string(e.scoped_name) + ")";
            return text;
        };
        struct first_use {
            const char* section;
            const stack::entry* entry;
        };
        std::map<std::string, first_use> seen;  // id -> where first seen
        auto section = [&](const std::vector<stack::entry>& entries, const char* name) {
            for (const auto& e : entries) {
                std::string path = std::string(name) + "." + std::string(e.id);
                if (!valid_logical_id(e.id))
                    error(path, "logical ID " + named(e) + " must be 1 to 255 letters and digits (A-Za-z0-9)");
                auto [it, inserted] = seen.emplace(std::string(e.id), first_use{name, &e});
                if (inserted) continue;
                const stack::entry& first = *it->second.entry;
                std::string message = "logical ID " + named(e) + " is already used in " + it->second.section;
                // Scopes concatenate: name the other one, so that the collision can be found.
                if (!e.scoped_name.empty() || !first.scoped_name.empty())
                    message += " by " + std::string(first.scoped_name.empty() ? first.id : first.scoped_name);
                error(path, message);
            }
        };
        section(s_.parameters(), "Parameters");
        section(s_.mappings(), "Mappings");
        section(s_.conditions(), "Conditions");
        section(s_.rules(), "Rules");
        section(s_.resources(), "Resources");
        // Outputs have a namespace of their own: an output may share its resource's name
        // (CloudFormation allows it, and the seed stack's outputs do it).
        seen.clear();
        section(s_.outputs(), "Outputs");
    }

    void check_limits() {
        auto limit = [&](std::size_t count, std::size_t max, const char* what) {
            if (count > max)
                error(what, std::to_string(count) + " " + what + ", more than CloudFormation's limit of " +
                                std::to_string(max));
        };
        limit(s_.resources().size(), limits::resources, "Resources");
        limit(s_.parameters().size(), limits::parameters, "Parameters");
        limit(s_.outputs().size(), limits::outputs, "Outputs");
        limit(s_.mappings().size(), limits::mappings, "Mappings");
        for (const auto& m : s_.mappings()) {
            const node_data& top = read(m.body);
            for (std::size_t i = 0; i < top.items.size(); ++i) {
                std::size_t count = read(top.items[i]).items.size();
                if (count > limits::mapping_attributes)
                    error("Mappings." + std::string(m.id) + "." + top.keys[i],
                          std::to_string(count) + " attributes, more than CloudFormation's limit of " +
                              std::to_string(limits::mapping_attributes));
            }
        }
    }

    static const node_data* member(const node_data& object, std::string_view key) {
        for (std::size_t i = 0; i < object.keys.size(); ++i)
            if (object.keys[i] == key) return &read(object.items[i]);
        return nullptr;
    }

    static std::string scalar_text(const node_data& d) {
        switch (d.kind) {
            case node_kind::string: return d.text;
            case node_kind::integer: return std::to_string(d.integer);
            case node_kind::number: return number_text(d.number);
            case node_kind::boolean: return d.boolean ? "true" : "false";
            default: return {};
        }
    }

    void check_parameter(const stack::entry& e) {
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

    void check_raw_properties(const stack::entry& e) {
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

    /// A name (Ref, DependsOn, Condition...) that carries the serial of the stack it came from.
    bool foreign(const node_data& name) const { return name.origin != 0 && name.origin != s_.serial(); }

    void reference(const std::string& path, const node_data& name, section_kind want, const char* what,
                   const stack::entry* from) {
        auto it = names_.find(name.text);
        if (foreign(name)) {
            error(path, what + std::string(" '") + name.text + "' belongs to another stack");
            return;
        }
        if (it == names_.end() || it->second != want) {
            error(path, what + std::string(" '") + name.text + "' is not in this stack");
            return;
        }
        used_.insert(name.text);
        if (want == section_kind::resource && from) edges_[std::string(from->id)].insert(name.text);
    }

    void ref(const std::string& path, const node_data& name, std::uint32_t origin, const stack::entry* from) {
        if (name.kind != node_kind::string) return;  // Ref of a computed name: nothing to check
        if (name.text.rfind("AWS::", 0) == 0) {
            for (const char* pseudo : reserved::pseudo_names)
                if (name.text == pseudo) return;
            error(path, "'" + name.text + "' is not a pseudo parameter");
            return;
        }
        if (origin != 0 && origin != s_.serial()) {
            error(path, "Ref to '" + name.text + "', which belongs to another stack");
            return;
        }
        auto it = names_.find(name.text);
        if (it == names_.end() || (it->second != section_kind::parameter && it->second != section_kind::resource)) {
            error(path, "Ref to '" + name.text + "', which is not a parameter or resource of this stack");
            return;
        }
        if (it->second == section_kind::resource && current_section_ == section_kind::condition) {
            error(path, "conditions can refer to parameters only, not to resource '" + name.text + "'");
            return;
        }
        used_.insert(name.text);
        if (it->second == section_kind::resource && from) edges_[std::string(from->id)].insert(name.text);
    }

    void get_att(const std::string& path, const std::string& resource, const std::string& attribute,
                 const stack::entry* from, std::uint32_t origin) {
        if (origin != 0 && origin != s_.serial()) {
            error(path, "Fn::GetAtt of '" + resource + "', which belongs to another stack");
            return;
        }
        auto it = resources_.find(resource);
        if (it == resources_.end()) {
            error(path, "Fn::GetAtt of '" + resource + "', which is not a resource of this stack");
            return;
        }
        if (const resource_info* info = it->second->info) {
            bool known = false;
            for (std::size_t i = 0; i < info->attribute_count; ++i) known = known || info->attributes[i] == attribute;
            if (!known) error(path, std::string(info->type) + " has no attribute '" + attribute + "'");
        }
        used_.insert(resource);
        if (from) edges_[std::string(from->id)].insert(resource);
    }

    void sub(const std::string& path, const node_data& text, const node_data* variables, const stack::entry* from) {
        if (text.kind != node_kind::string) return;
        if (!valid_sub_syntax(text.text)) {
            error(path, "Fn::Sub text has an unclosed or empty ${} placeholder");
            return;
        }
        const std::string& t = text.text;
        for (std::size_t i = 0; i + 1 < t.size(); ++i) {
            if (t[i] != '$' || t[i + 1] != '{') continue;
            std::size_t close = t.find('}', i + 2);
            std::string name = t.substr(i + 2, close - i - 2);
            i = close;
            if (name[0] == '!') continue;  // ${!Literal}
            if (variables && member(*variables, name)) continue;
            if (name.rfind("AWS::", 0) == 0) {
                bool known = false;
                for (const char* pseudo : reserved::pseudo_names) known = known || name == pseudo;
                if (!known || name == "AWS::NoValue") error(path, "${" + name + "} is not a pseudo parameter");
                continue;
            }
            std::size_t dot = name.find('.');
            if (dot != std::string::npos) {
                get_att(path, name.substr(0, dot), name.substr(dot + 1), from, 0);
                continue;
            }
            auto it = names_.find(name);
            if (it == names_.end() ||
                (it->second != section_kind::parameter && it->second != section_kind::resource)) {
                error(path, "${" + name + "} is not a parameter, resource, pseudo parameter or variable");
                continue;
            }
            used_.insert(name);
            if (it->second == section_kind::resource && from) edges_[std::string(from->id)].insert(name);
        }
    }

    void walk(node n, const std::string& path, const stack::entry* from) {
        const node_data& d = read(n);
        switch (d.kind) {
            case node_kind::list:
                for (std::size_t i = 0; i < d.items.size(); ++i)
                    walk(d.items[i], path + "[" + std::to_string(i) + "]", from);
                return;
            case node_kind::object:
                for (std::size_t i = 0; i < d.items.size(); ++i) {
                    std::string child = path + "." + d.keys[i];
                    const node_data& v = read(d.items[i]);
                    if (d.keys[i] == "DependsOn" && from && path == "Resources." + std::string(from->id)) {
                        if (v.kind == node_kind::string)  // the string form: one resource
                            reference(child, v, section_kind::resource, "DependsOn resource", from);
                        for (std::size_t k = 0; k < v.items.size(); ++k)
                            reference(child + "[" + std::to_string(k) + "]", read(v.items[k]), section_kind::resource,
                                      "DependsOn resource", from);
                        continue;
                    }
                    if (d.keys[i] == "Condition" && v.kind == node_kind::string &&
                        (path.rfind("Resources.", 0) == 0 || path.rfind("Outputs.", 0) == 0) &&
                        std::count(path.begin(), path.end(), '.') == 1) {
                        reference(child, v, section_kind::condition, "condition", nullptr);
                        continue;
                    }
                    walk(d.items[i], child, from);
                }
                return;
            case node_kind::call: {
                std::string child = path + "." + d.text;
                const node_data& arg = read(d.items[0]);
                if (d.text == "Ref") {
                    ref(child, arg, d.origin, from);
                } else if (d.text == "Condition") {
                    reference(child, arg, section_kind::condition, "condition", nullptr);
                } else if (d.text == "Fn::GetAtt" && arg.kind == node_kind::list && arg.items.size() == 2 &&
                           read(arg.items[0]).kind == node_kind::string) {
                    const node_data& attribute = read(arg.items[1]);
                    if (attribute.kind == node_kind::string)
                        get_att(child, read(arg.items[0]).text, attribute.text, from, d.origin);
                    else
                        walk(arg.items[1], child + "[1]", from);
                } else if (d.text == "Fn::Sub") {
                    if (arg.kind == node_kind::string) {
                        sub(child, arg, nullptr, from);
                    } else if (arg.kind == node_kind::list && arg.items.size() == 2) {
                        sub(child + "[0]", read(arg.items[0]), &read(arg.items[1]), from);
                        walk(arg.items[1], child + "[1]", from);
                    }
                } else if (d.text == "Fn::If" && arg.kind == node_kind::list && arg.items.size() == 3) {
                    reference(child + "[0]", read(arg.items[0]), section_kind::condition, "condition", nullptr);
                    walk(arg.items[1], child + "[1]", from);
                    walk(arg.items[2], child + "[2]", from);
                } else if (d.text == "Fn::FindInMap" && arg.kind == node_kind::list && !arg.items.empty()) {
                    const node_data& name = read(arg.items[0]);
                    if (name.kind == node_kind::string)
                        reference(child + "[0]", name, section_kind::mapping, "mapping", nullptr);
                    for (std::size_t i = 1; i < arg.items.size(); ++i)
                        walk(arg.items[i], child + "[" + std::to_string(i) + "]", from);
                } else if (d.text == "Fn::ValueOf" && arg.kind == node_kind::list && arg.items.size() == 2) {
                    reference(child + "[0]", read(arg.items[0]), section_kind::parameter, "parameter", nullptr);
                } else {
                    walk(d.items[0], child, from);
                }
                return;
            }
            default: return;
        }
    }

    void check_cycles() {
        // Depth-first search in insertion order, so that the cycle reported is the same every run.
        std::unordered_map<std::string, int> state;  // 0 new, 1 on the path, 2 done
        std::vector<std::string> path;
        bool reported = false;
        auto visit = [&](auto&& self, const std::string& id) -> void {
            state[id] = 1;
            path.push_back(id);
            auto it = edges_.find(id);
            if (it != edges_.end()) {
                // edges_ holds a std::set: sorted, hence deterministic.
                for (const auto& next : it->second) {
                    if (reported) break;
                    if (state[next] == 1) {
                        std::string cycle;
                        auto start = std::find(path.begin(), path.end(), next);
                        for (auto p = start; p != path.end(); ++p) cycle += *p + " -> ";
                        cycle += next;
                        error("Resources." + next, "dependency cycle: " + cycle);
                        reported = true;
                    } else if (state[next] == 0) {
                        self(self, next);
                    }
                }
            }
            path.pop_back();
            state[id] = 2;
        };
        for (const auto& e : s_.resources())
            if (!reported && state[std::string(e.id)] == 0) visit(visit, std::string(e.id));
    }

    void check_unused() {
        for (const auto& e : s_.parameters())
            if (!used_.count(std::string(e.id)))
                warning("Parameters." + std::string(e.id), "parameter is never used");
        for (const auto& e : s_.conditions())
            if (!used_.count(std::string(e.id)))
                warning("Conditions." + std::string(e.id), "condition is never used");
        for (const auto& e : s_.mappings())
            if (!used_.count(std::string(e.id))) warning("Mappings." + std::string(e.id), "mapping is never used");
    }

    void check_size(std::size_t size) {
        if (size > limits::body_bytes)
            error("template", "the template is " + std::to_string(size) + " bytes, more than CloudFormation's limit of " +
                                  std::to_string(limits::body_bytes));
        else if (size > limits::direct_upload_bytes)
            warning("template", "the template is " + std::to_string(size) + " bytes: above " +
                                    std::to_string(limits::direct_upload_bytes) +
                                    " it must be uploaded to S3 (--template-url), not passed as --template-body");
    }

    bool found_error() const {
        for (const auto& d : found_)
            if (d.severity == diagnostic::level::error) return true;
        return false;
    }

    const stack& s_;
    std::unordered_map<std::string, section_kind> names_;
    std::unordered_map<std::string, const stack::entry*> resources_;
    std::set<std::string> used_;
    std::unordered_map<std::string, std::set<std::string>> edges_;
    section_kind current_section_ = section_kind::resource;
    std::vector<diagnostic> found_;
};

}  // namespace detail

CFN_INLINE std::vector<diagnostic> check(const stack& s, format f) { return detail::checker(s).run(f); }

CFN_INLINE std::vector<diagnostic> detail::check_written(const stack& s, std::string_view written_template) {
    // The format only matters for writing the template, which the caller has done.
    return detail::checker(s).run(format::json, &written_template);
}

}  // namespace cfn
