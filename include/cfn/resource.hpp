// cfnpp: what every resource has besides its properties: a handle to refer to it, and the
// resource attributes (DependsOn, Condition, DeletionPolicy, UpdatePolicy, ...).
#pragma once

#include <initializer_list>  // std::initializer_list
#include <string_view>       // std::string_view
#include <utility>           // std::pair

#include <cfn/guard.hpp>
#include <cfn/logical_id.hpp>
#include <cfn/policies.hpp>
#include <cfn/value.hpp>

namespace cfn {

class stack;
class scope;

namespace detail {
/// Only a stack makes handles: a handle always names something that was added to a stack.
class handle_key {
    constexpr handle_key() = default;
    friend class cfn::stack;
    friend class cfn::scope;  // scope::add makes the same handles as stack::add
};
/// Is T a `cfn::list`? Fn::GetAtt remembers it (node_data::list_valued).
template <class T>
inline constexpr bool is_list = false;
template <class T>
inline constexpr bool is_list<list<T>> = true;
}  // namespace detail

/// What all handles share: the logical ID and the stack it belongs to.
class handle_base {
public:
    constexpr handle_base(detail::handle_key, std::string_view logical_id,
                          const detail::stack_identity* stack) noexcept
        : id_(logical_id), stack_(stack) {}
    constexpr std::string_view logical_id() const noexcept { return id_; }
    /// The stack it was added to (compared by the checks, never dereferenced).
    constexpr const detail::stack_identity* stack_identity() const noexcept { return stack_; }

protected:
    node ref_node() const;
    node get_att_node(std::string_view attribute, bool list_valued = false) const;

private:
    std::string_view id_;
    const detail::stack_identity* stack_;
};

/// The handle `stack::add` returns for a resource of generated type R. Generated types derive
/// their `R::handle` from it and add one `attr_...()` function per Fn::GetAtt attribute.
template <class R>
class resource_handle : public handle_base {
public:
    using handle_base::handle_base;
    using resource_type = R;

    /// `{"Ref": "<logical id>"}`, typed as what Ref of this resource type returns.
    auto ref() const { return expr<typename R::ref_type>{detail::from_node, ref_node()}; }

protected:
    /// `{"Fn::GetAtt": ["<logical id>", "<attribute>"]}`; generated `attr_...()` functions call it.
    template <class T>
    expr<T> get_att(std::string_view attribute) const {
        return {detail::from_node, get_att_node(attribute, detail::is_list<T>)};
    }
};

/// A condition added to a stack. Usable in `cfn::if_`, `cfn::and_`/`or_`/`not_` and as the
/// Condition of a resource or output, never as a value.
class condition_handle : public handle_base {
public:
    using handle_base::handle_base;
};

/// One entry of DependsOn: a resource handle, never a string.
struct dependency {
    template <class R>
    constexpr dependency(const resource_handle<R>& resource) noexcept : handle(resource) {}
    constexpr dependency(const class raw_handle& resource) noexcept;
    /// Refused: DependsOn orders resources; a parameter, mapping or condition is known before any
    /// resource is created.
    dependency(const handle_base& depends_on_takes_resources_only) = delete;
    /// Refused: a logical ID as a string, whose typo would show only at deployment. Pass the
    /// handle that `stack::add` returned.
    dependency(const char* depends_on_takes_handles_not_logical_ids) = delete;
    handle_base handle;
};

/// DependsOn: `{.depends_on = {attachment, route_table}}`. Stored as a node, like everything in a
/// resource, so that resource structs stay trivially copyable.
struct dependencies {
    constexpr dependencies() noexcept = default;
    dependencies(std::initializer_list<dependency> resources);
    dependencies(const std::vector<dependency>& resources);
    /// One resource, written in CloudFormation's string form: `{.depends_on = attachment}`.
    template <class H>
        requires std::is_constructible_v<dependency, const H&>
    dependencies(const H& resource) : n(one(dependency(resource))) {}
    node n;  ///< the list of logical IDs, or one logical ID

private:
    static node one(const dependency& resource);
};

/// The Condition of a resource or an output.
struct condition_ref {
    constexpr condition_ref() noexcept = default;
    condition_ref(const condition_handle& condition);
    node n;  ///< the condition's name
};

/// DeletionPolicy and UpdateReplacePolicy values, in the order of their names in
/// vocabulary::deletion_policies (cfn/vocabulary.hpp).
enum class deletion : std::uint8_t { unset, delete_, retain, retain_except_on_create, snapshot };

/// The escape hatch for properties the generated types do not know yet:
/// `{.raw_properties = {{"NewProperty", "value"}}}`. It is visible on purpose, and a name that is a
/// typed property of the resource is refused when the stack is checked.
struct raw_properties {
    constexpr raw_properties() noexcept = default;
    raw_properties(std::initializer_list<std::pair<std::string_view, value<json>>> members);
    node n;
};

/// The resource attributes: everything in a resource's entry besides Type and Properties.
struct resource_options {
    dependencies depends_on;
    condition_ref condition;
    deletion deletion_policy = deletion::unset;
    deletion update_replace_policy = deletion::unset;
    cfn::creation_policy creation_policy = absent;
    cfn::update_policy update_policy = absent;
    value<json> metadata;
    /// The legacy Version attribute of custom resources (AWS's samples write "1.0").
    value<str> version;
    cfn::raw_properties raw_properties;
    /// Guard-rail findings accepted on this resource, each with its reason (cfn/guard.hpp); also
    /// written to its Metadata for cfn_nag, checkov and cdk-nag.
    guard::suppressions suppress;
};

}  // namespace cfn
