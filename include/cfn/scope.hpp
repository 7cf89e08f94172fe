// cfnpp: scopes, what modules add their resources to.
//
// A module is ordinary C++: a function or class that takes a `cfn::scope`, adds resources to it and
// returns their typed handles. A scope prefixes the logical IDs of everything added through it, so
// the same module can be instantiated several times in one stack:
//
//     network make_network(cfn::scope scope, const char* cidr) {
//         auto vpc = scope.add(ec2::vpc{"Vpc", {.cidr_block = cidr}});   // "BlueVpc", "GreenVpc"
//         ...
//         return {vpc, ...};
//     }
//     auto blue = make_network({s, "Blue"}, "10.0.0.0/16");
//     auto green = make_network({s, "Green"}, "10.1.0.0/16");
//     s.add(ec2::subnet{"Extra", {.cidr_block = "10.0.9.0/24", .vpc_id = blue.vpc.ref()}});
//
// docs/modules.md is the guide: write, test and share a module.
#pragma once

#include <string_view>  // std::string_view

#include <cfn/logical_id.hpp>
#include <cfn/output.hpp>
#include <cfn/stack.hpp>

namespace cfn {

/// Where a module adds things: a stack, or a named part of one. A scope is a small value (a
/// pointer to its stack and a prefix); pass it by value, and do not keep it beyond its stack.
///
/// Everything added through a scope gets the scope's prefix: resources, and also parameters,
/// mappings, conditions, rules and outputs, whose IDs must be unique in the template just the same
/// (a module instantiated twice gets two of each). Export names, Transform and Metadata are not
/// prefixed: they belong to the whole stack (`scope.stack()`). The handles `add` returns are the
/// stack's own, so Ref, Fn::GetAtt, DependsOn and typed references work across module boundaries.
///
/// Prefixes are plain concatenation, as logical IDs allow no separator: scope "A" with resource
/// "BC" and scope "AB" with resource "C" both give "ABC". `cfn::check` reports such a collision as
/// an error naming both (`logical ID 'ABC' (A/BC) is already used in Resources by AB/C`), and an
/// invalid scope name as an invalid logical ID of everything in the scope.
class scope {
public:
    /// The stack itself, without prefix: a module taking `cfn::scope` can be given a stack.
    scope(cfn::stack& s) noexcept : stack_(&s) {}
    /// A scope named `name` inside `parent`: its prefix is the parent's prefix followed by `name`.
    scope(const scope& parent, logical_id name);
    /// The same, with guard-rail findings accepted on everything added through it and its inner
    /// scopes, each with its reason (cfn/guard.hpp).
    scope(const scope& parent, logical_id name, guard::suppressions suppress);

    /// Adds what `cfn::stack::add` accepts, with this scope's prefix, and returns the same handle.
    /// A resource of a generated type goes straight to the stack's non-template code, as in
    /// `stack::add`: modules add mostly resources, and add<R> is compiled once per type R.
    template <class R>
        requires requires { R::cfn_resource(); }
    typename R::handle add(const R& resource) const {
        std::string_view id = add_resource(resource.id, *R::cfn_resource(), &resource.props, resource.options);
        return typename R::handle{detail::handle_key{}, id, stack_->identity()};
    }
    template <class T>
        requires(!requires { T::cfn_resource(); }) && requires(cfn::stack& s, const T& x) { s.add(x); }
    decltype(auto) add(const T& x) const {
        return stack_->add_at({prefix_, path_, suppress_}, x);
    }
    /// Shorthand for `add(cfn::output{id, value, {.description = description}})`.
    void output(logical_id id, output_value value, std::string_view description = {}) const;

    cfn::stack& stack() const noexcept { return *stack_; }
    /// What this scope puts before logical IDs: "BlueNetwork" for scope "Network" inside "Blue".
    std::string_view prefix() const noexcept { return prefix_; }
    /// The scope names from the stack down: "Blue/Network"; empty for the stack itself.
    std::string_view path() const noexcept { return path_; }

private:
    std::string_view add_resource(logical_id id, const resource_info& info, const void* properties,
                                  const resource_options& options) const;

    cfn::stack* stack_;
    std::string_view prefix_, path_;  // interned: they live as long as the stack's arena
    node suppress_;                   // this scope's suppressions and its parents'
};

}  // namespace cfn
