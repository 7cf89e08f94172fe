// cfnpp: references between separately deployed stacks, typed: Export and Fn::ImportValue.
//
// Nested stacks (cfn/nested_stack.hpp) are deployed with their parent. Stacks deployed on their
// own share values through an output's Export and `Fn::ImportValue`, which CloudFormation types as
// a string. `cfn::export_value` adds the output and returns what the importing stack uses, with
// the type of the exported value:
//
//     auto vpc_id = cfn::export_value(network, "VpcId", "network-VpcId", vpc.ref());
//     app.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc_id.import()}});
//
// `import()` is an `expr<id<"AWS::EC2::VPC.VpcId">>`, accepted where a VPC id belongs and nowhere
// else. A list is exported joined with "," and split again by `import()`.
#pragma once

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <cfn/check.hpp>
#include <cfn/expr.hpp>
#include <cfn/output.hpp>
#include <cfn/scope.hpp>

namespace cfn {

namespace detail {
/// Adds the output; returns the export name, interned.
std::string_view export_output(const scope& where, logical_id output_id, std::string_view export_name, node value,
                               bool list);
node import_node(std::string_view export_name, bool list);
}  // namespace detail

/// An exported value of CloudFormation type T: its export name, and the typed Fn::ImportValue.
template <class T>
class exported {
public:
    /// The Export.Name, unique in the account and region.
    std::string_view name() const noexcept { return name_; }
    /// `Fn::ImportValue` of the export, in a stack other than the exporting one, with the type
    /// of the exported value.
    expr<T> import() const { return {detail::from_node, detail::import_node(name_, detail::is_list<T>)}; }

private:
    template <class U>
    friend exported<U> export_value(const scope& where, logical_id output_id, std::string_view export_name, expr<U> value);
    explicit exported(std::string_view name) : name_(name) {}
    std::string_view name_;  // interned in the arena
};

/// Adds the output `output_id` with `Export.Name` = `export_name` to `where`, and returns the
/// typed handle to import it elsewhere.
template <class T>
exported<T> export_value(const scope& where, logical_id output_id, std::string_view export_name, expr<T> value) {
    return exported<T>{detail::export_output(where, output_id, export_name, detail::node_of(value), detail::is_list<T>)};
}

/// The exports and imports of the stacks of one program, deployed separately, checked together:
/// an `Fn::ImportValue` of a name that none of them exports is a warning (an export removed or
/// renamed while another stack still imports it: CloudFormation refuses to update the exporting
/// stack, "export in use"), and an export name used twice is an error (names are unique in a
/// region). Nested stacks count with their parents. Each finding names its stack by its index in
/// `stacks` and its template path: `stack 1: Resources.Subnet.Properties.VpcId: ...`.
std::vector<diagnostic> check_exports(const std::vector<const stack*>& stacks);

}  // namespace cfn

#ifndef CFN_SEPARATE_COMPILATION
#include <cfn/impl/export.ipp>
#endif
