// cfnpp implementation: typed Export and Fn::ImportValue (cfn/export.hpp).
#pragma once

#include <map>     // std::map
#include <string>  // std::string
#include <vector>  // std::vector

#include <cfn/config.hpp>
#include <cfn/emit.hpp>
#include <cfn/export.hpp>
#include <cfn/impl/emit.ipp>
#include <cfn/impl/nested_stack.ipp>
#include <cfn/impl/node.ipp>
#include <cfn/impl/stack.ipp>

namespace cfn::detail {

// An export is a string: a list crosses joined with "," and is split again when imported.

CFN_INLINE std::string_view export_output(const scope& where, logical_id output_id, std::string_view export_name,
                                          node value, bool list) {
    if (list) value = join_node(make_string(","), value);
    where.add(cfn::output{output_id, expr<str>{from_node, value}, {.export_name = std::string(export_name)}});
    return intern(export_name);
}

CFN_INLINE node import_node(std::string_view export_name, bool list) {
    node imported = make_call("Fn::ImportValue", make_string(export_name));
    return list ? call("Fn::Split", {make_string(","), imported}) : imported;
}

}  // namespace cfn::detail

namespace cfn {

namespace detail {

/// Every `Fn::ImportValue` of a literal name under `n`, with its template path.
CFN_INLINE void find_imports(node n, const std::string& path, std::vector<std::pair<std::string, std::string>>& found) {
    const node_data& d = read(n);
    if (d.kind == node_kind::call) {
        const node_data& argument = read(d.items[0]);
        if (d.text == "Fn::ImportValue" && argument.kind == node_kind::string) found.emplace_back(argument.text, path);
        else find_imports(d.items[0], path + "." + d.text, found);
    } else if (d.kind == node_kind::object) {
        for (std::size_t i = 0; i < d.items.size(); ++i) find_imports(d.items[i], path + "." + d.keys[i], found);
    } else if (d.kind == node_kind::list) {
        for (std::size_t i = 0; i < d.items.size(); ++i) find_imports(d.items[i], path + "." + std::to_string(i), found);
    }
}

/// check_exports, each stack named by `labels[i]` in the findings.
CFN_INLINE std::vector<diagnostic> check_exports(const std::vector<const stack*>& stacks,
                                                 const std::vector<std::string>& labels);

}  // namespace detail

CFN_INLINE std::vector<diagnostic> check_exports(const std::vector<const stack*>& stacks) {
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < stacks.size(); ++i) labels.push_back("stack " + std::to_string(i));
    return detail::check_exports(stacks, labels);
}

CFN_INLINE std::vector<diagnostic> detail::check_exports(const std::vector<const stack*>& stacks,
                                                         const std::vector<std::string>& labels) {
    struct place {
        std::string stack, path;
    };
    std::map<std::string, place> exports;
    std::vector<std::pair<place, std::string>> imports;
    std::vector<diagnostic> found;
    for (std::size_t i = 0; i < stacks.size(); ++i) {
        detail::arena_in_use reading(stacks[i]->arena());
        for (const nested_template& t : nested_templates(*stacks[i])) {
            std::string name = labels[i] + (t.path.empty() ? "" : " (" + t.file + ")");
            for (const auto& e : t.stack.outputs()) {
                const node_data& body = detail::read(e.body);
                for (std::size_t k = 0; k < body.keys.size(); ++k) {
                    if (body.keys[k] != "Export") continue;
                    const node_data& exported = detail::read(body.items[k]);
                    const node_data& export_name = detail::read(exported.items[0]);
                    if (export_name.kind != node_kind::string) continue;  // computed: not checked
                    std::string path = "Outputs." + std::string(e.id) + ".Export.Name";
                    auto [at, added] = exports.emplace(export_name.text, place{name, path});
                    if (!added)
                        found.push_back({diagnostic::level::error, name + ": " + path,
                                         "export name '" + export_name.text + "' is already exported by " +
                                             at->second.stack + " (" + at->second.path + "): names are unique in a region"});
                }
            }
            std::vector<std::pair<std::string, std::string>> here;
            detail::find_imports(to_template(t.stack), "", here);
            for (auto& [import_name, path] : here) imports.push_back({place{name, path.substr(1)}, import_name});
        }
    }
    for (const auto& [where, name] : imports)
        if (!exports.count(name))
            found.push_back({diagnostic::level::warning, where.stack + ": " + where.path,
                             "Fn::ImportValue of '" + name + "', which no stack of this program exports: if an "
                             "export was removed or renamed, the deployed exporting stack cannot be updated while "
                             "this one imports it (deploy this one first)"});
    return found;
}

}  // namespace cfn
