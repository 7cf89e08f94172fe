// cfnpp implementation: typed Export and Fn::ImportValue (cfn/export.hpp).
#pragma once

#include <cfn/config.hpp>
#include <cfn/export.hpp>
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
