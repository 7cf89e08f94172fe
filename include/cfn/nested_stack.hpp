// cfnpp: nested stacks, parts of a stack that become templates of their own.
//
// One template holds at most 500 resources, 200 parameters and 200 outputs. A `cfn::nested_stack`
// is a part of a stack that is written as its own template and appears in its parent as an
// `AWS::CloudFormation::Stack` resource. It is a `cfn::stack`, so modules taking a `cfn::scope`
// can be given one, and handles cross its boundary as if it were not there:
//
//     cfn::stack s;
//     auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
//     cfn::nested_stack& app = cfn::nest(s, "App");
//     auto subnet = app.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc.ref()}});
//     s.output("SubnetId", subnet.ref());
//
// writes the parent with `App` (TemplateURL `template.App.json`, Parameters `{"Vpc": {"Ref": "Vpc"}}`)
// and an output `{"Fn::GetAtt": ["App", "Outputs.Subnet"]}`, and the nested template with a
// parameter `Vpc` and an output `Subnet`. The wiring is done when the templates are written
// (`cfn::nested_templates`, `cfn::run`), from the references the stacks hold; the C++ types of
// the values are those of the handles, so a subnet id stays a subnet id. docs/modules.md has the
// rules (names of the generated parameters and outputs, lists, what cannot cross).
#pragma once

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <cfn/config.hpp>
#include <cfn/emit.hpp>
#include <cfn/logical_id.hpp>
#include <cfn/scope.hpp>
#include <cfn/stack.hpp>

namespace cfn {

/// A part of a stack written as its own template: an `AWS::CloudFormation::Stack` resource in
/// its parent. Made by `cfn::nest`; the parent owns it, so a module may make one and return.
class nested_stack : public stack {
public:
    nested_stack(const nested_stack&) = delete;
    nested_stack& operator=(const nested_stack&) = delete;

    /// The logical ID of its AWS::CloudFormation::Stack resource in the parent (with the scope's
    /// prefix).
    std::string_view resource_id() const noexcept { return resource_.logical_id(); }
    /// For DependsOn: `{.depends_on = app.resource()}`.
    const raw_handle& resource() const noexcept { return resource_; }

private:
    friend nested_stack& nest(const scope& parent, logical_id id, std::string_view description);
    nested_stack(raw_handle resource, std::string_view description) : stack(description), resource_(resource) {}
    raw_handle resource_;
};

/// Adds a nested stack named `id` to `parent` (a stack, a scope of one, or another nested stack)
/// and returns it, to add to like any stack: `auto& app = cfn::nest(s, "App");`. The parent owns
/// it; it is valid as long as the parent.
nested_stack& nest(const scope& parent, logical_id id, std::string_view description = {});

/// One template of a stack and its nested stacks, wired: the references that crossed a boundary
/// are parameters and outputs of its own now, so it checks and emits on its own.
struct nested_template {
    /// "" for the top stack, else the resource IDs from the top down: "App/Db".
    std::string path;
    /// Its file name in the output directory, and its parent's TemplateURL: "template.json",
    /// "template.App.json", "template.App.Db.json" (".yaml" for YAML).
    std::string file;
    cfn::stack stack;
    /// The stack it was made from.
    const cfn::stack* original = nullptr;
};

/// The templates of `top` and of its nested stacks, depth first, the top one first. Each is
/// `cfn::check`ed and emitted like any stack (`cfn::run` does it, and writes them into a directory).
/// A parent's TemplateURL is `template_url_base` followed by the file name (`deploy` gives the S3
/// location it uploads them to; `aws cloudformation package` takes the bare file names).
std::vector<nested_template> nested_templates(const stack& top, format f = format::json,
                                              std::string_view template_url_base = {});

}  // namespace cfn

#ifndef CFN_SEPARATE_COMPILATION
#include <cfn/impl/nested_stack.ipp>
#endif
