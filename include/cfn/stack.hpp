// cfnpp: the stack, i.e. the template being built.
#pragma once

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <cfn/config.hpp>
#include <cfn/facts.hpp>
#include <cfn/guard.hpp>
#include <cfn/mapping.hpp>
#include <cfn/output.hpp>
#include <cfn/parameter.hpp>
#include <cfn/resource.hpp>

namespace cfn {

class nested_stack;
class scope;
nested_stack& nest(const scope& parent, logical_id id, std::string_view description);
namespace detail {
struct nested_wiring;
struct nested_children;  // impl/nested_stack.ipp

/// The nested stacks of a stack (cfn/nested_stack.hpp), owned by the stack and its copies together
/// and freed with the last of them. Out of line, so that stacks without any pay for nothing.
class nested_owner {
public:
    nested_owner() noexcept = default;
    nested_owner(const nested_owner& other) noexcept;
    nested_owner& operator=(const nested_owner& other) noexcept;
    ~nested_owner();
    nested_children* children = nullptr;
};
}  // namespace detail

/// A resource whose type the generated structs do not cover (a custom resource, a type newer than
/// the pinned spec): visible in the code as what it is. Its properties are untyped JSON.
struct raw_resource {
    logical_id id;
    std::string type;
    cfn::raw_properties properties;
    resource_options options = {};
};

/// What `stack::add` returns for a raw resource.
class raw_handle : public handle_base {
public:
    using handle_base::handle_base;
    expr<str> ref() const { return {detail::from_node, ref_node()}; }
    /// Fn::GetAtt of an attribute nobody checked; say what type you expect.
    template <class T = str>
    expr<T> get_att(std::string_view attribute) const {
        return {detail::from_node, get_att_node(attribute)};
    }
};

constexpr dependency::dependency(const raw_handle& resource) noexcept : handle(resource) {}

/// A CloudFormation template under construction. Add parameters, mappings, conditions,
/// resources and outputs; each `add` returns a typed handle to refer to what was added.
/// `cfn::run` (run.hpp) checks and writes it.
class stack {
public:
    /// One entry of a section: its logical ID and its body as it will be written.
    struct entry {
        std::string_view id;  ///< interned: handles keep pointing at it
        node body;
        const resource_info* info = nullptr;  ///< resources of generated types only
        node raw_properties;                  ///< the escape hatch's properties, to check them
        /// "Blue/Network/Vpc" when added through a cfn::scope (the scope path, then the ID the module
        /// gave), for the checks' messages; empty when added to the stack directly.
        std::string_view scoped_name = {};
        /// The guard-rail suppressions of this resource and of its scopes (cfn/guard.hpp).
        node suppressed = {};
        /// What the entry refers to, in the order it is written (cfn/facts.hpp); none for
        /// parameters, which refer to nothing.
        std::vector<fact> facts = {};
    };

    explicit stack(std::string_view description = {});

    /// Adds a resource of a generated type: `auto vpc = s.add(ec2::vpc{"VPC", {...}});`
    template <class R>
        requires requires { R::cfn_resource(); }
    typename R::handle add(const R& resource) {
        std::string_view id = add_resource({}, resource.id, *R::cfn_resource(), &resource.props, resource.options);
        return typename R::handle{detail::handle_key{}, id, identity_};
    }
    raw_handle add(const raw_resource& resource) { return add_at({}, resource); }
    template <class P>
    parameter_handle<P> add(const parameter<P>& p) {
        return add_at({}, p);
    }
    template <class T>
    mapping_handle<T> add(const mapping<T>& m) {
        return add_at({}, m);
    }
    condition_handle add(const condition& c) { return add_at({}, c); }
    void add(const cfn::output& o) { add_at({}, o); }
    /// Shorthand for `add(cfn::output{id, value, {.description = description}})`.
    void output(logical_id id, output_value value, std::string_view description = {});
    void add(const rule& r) { add_at({}, r); }

    /// Adds a macro to the Transform section (a SAM resource adds its transform by itself).
    void add_transform(std::string_view name);
    /// The template's Metadata section.
    void set_metadata(value<json> metadata);
    /// Accepts guard-rail findings on the whole stack, each with its reason: also written to the
    /// Metadata of each resource of a type the rule looks at, for cfn_nag, checkov and cdk-nag.
    void suppress(guard::suppressions list);
    /// A rule of your own, run by `cfn::check` with the built-in ones (cfn/guard.hpp).
    void enforce(guard::rule r) { enforced_.push_back(r); }

    // Reading the template back: the emitters, the checks and cfn/testing.hpp use these.
    std::string_view description() const noexcept { return description_; }
    node metadata() const noexcept { return metadata_; }
    node suppressions() const noexcept { return suppressions_; }
    const std::vector<guard::rule>& enforced() const noexcept { return enforced_; }
    const std::vector<entry>& parameters() const noexcept { return parameters_; }
    const std::vector<entry>& mappings() const noexcept { return mappings_; }
    const std::vector<entry>& conditions() const noexcept { return conditions_; }
    const std::vector<entry>& rules() const noexcept { return rules_; }
    const std::vector<std::string>& transforms() const noexcept { return transforms_; }
    const std::vector<entry>& resources() const noexcept { return resources_; }
    const std::vector<entry>& outputs() const noexcept { return outputs_; }
    /// What this stack's handles carry, to tell them from another stack's.
    const detail::stack_identity* identity() const noexcept { return identity_; }
    /// The arena this stack's values live in; reading the stack makes it current
    /// (`detail::arena_in_use`).
    const detail::arena_hold& arena() const noexcept { return arena_; }
    /// The nested stacks made in this one (cfn/nested_stack.hpp), in the order they were made.
    /// The stack owns them (its copies share them).
    const std::vector<nested_stack*>& nested_stacks() const noexcept;

private:
    friend class scope;                   // adds through the stack, at the scope's place
    friend nested_stack& nest(const scope& parent, logical_id id, std::string_view description);
    friend struct detail::nested_wiring;  // adds the parameters and outputs that wire them

    /// Where an entry goes: the prefix of its logical ID, and the scope path for messages (both
    /// empty for the stack itself). A scope passes its own; the stack keeps no scope state.
    struct placement {
        std::string_view prefix, path;
        node suppress = {};  ///< the scope's guard-rail suppressions
    };

    template <class P>
    parameter_handle<P> add_at(const placement& where, const parameter<P>& p) {
        std::string_view id = add_parameter(where, p.id, detail::parameter_traits<P>::type_name(), p.options);
        return {detail::handle_key{}, id, identity_};
    }
    template <class T>
    mapping_handle<T> add_at(const placement& where, const mapping<T>& m) {
        std::vector<std::pair<std::string_view, node>> top;
        top.reserve(m.entries.size());
        for (const auto& [key, values] : m.entries) {
            std::vector<std::pair<std::string_view, node>> second;
            second.reserve(values.size());
            for (const auto& [name, v] : values) second.emplace_back(name, detail::node_of(v));
            top.emplace_back(key, detail::make_object(second.data(), second.size()));
        }
        std::string_view id = add_mapping(where, m.id, detail::make_object(top.data(), top.size()));
        return {detail::handle_key{}, id, identity_};
    }
    raw_handle add_at(const placement& where, const raw_resource& resource);
    condition_handle add_at(const placement& where, const condition& c);
    void add_at(const placement& where, const cfn::output& o);
    void add_at(const placement& where, const rule& r);

    std::string_view add_resource(const placement& where, logical_id id, const resource_info& info,
                                  const void* properties, const resource_options& options);
    std::string_view add_parameter(const placement& where, logical_id id, const std::string& type,
                                   const parameter_options& options);
    std::string_view add_mapping(const placement& where, logical_id id, node body);
    /// Appends an entry to `section` (named `section_name`, "Resources") and records its facts;
    /// `depends_on` and `condition` are the nodes of a resource's or output's options.
    entry& add_entry(std::vector<entry>& section, std::string_view section_name, const placement& where,
                     logical_id id, node body, node depends_on = {}, node condition = {});

    // First: everything below and every value built for this stack lives in it.
    detail::arena_hold arena_;
    const detail::stack_identity* identity_;
    std::string description_;
    node metadata_;
    node suppressions_;
    std::vector<guard::rule> enforced_;
    std::vector<entry> parameters_, mappings_, conditions_, rules_, resources_, outputs_;
    std::vector<std::string> transforms_;
    detail::nested_owner nested_;  // last: the nested stacks go first
};

}  // namespace cfn
