// cfnpp: the one untyped value representation every typed value is stored as.
//
// A `cfn::node` is a 32-bit handle into an arena of immutable JSON-like values. Keeping every
// property of every generated struct a 4-byte handle makes those structs trivially copyable and
// destructible: the compiler generates no special member functions for them, which is where a
// naive design spends most of its compile time (see docs/design.md).
//
// Who owns the arena: the stacks. Each thread has at most one current arena; a `cfn::stack` holds
// it (creating it if there is none), every value built on the thread goes into it, and it is freed
// when the last stack holding it is destroyed. Stacks built on two threads therefore never share
// an arena and need no locks. Values live as long as the stacks of their thread: build a stack
// first, then its values. (Values built while no stack exists, such as namespace-scope constants,
// go to an arena the thread keeps until it ends.) A stack is read (checked, emitted) with its own
// arena current, so it may be handed to another thread once it is built.
#pragma once

#include <cstdint>      // std::uint32_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <cfn/vocabulary.hpp>

namespace cfn {

namespace detail {
/// The identity of one stack, for the names its handles make (Ref, Fn::GetAtt, DependsOn,
/// Condition): "this Ref belongs to another stack" compares these addresses. Never dereferenced.
struct stack_identity {
    char unused = 0;
};
struct arena;  // impl/node.ipp

/// Shared ownership of an arena: what a stack holds. A default-constructed hold takes the
/// thread's current arena, making one current if there is none; the last hold frees it.
class arena_hold {
public:
    arena_hold();
    arena_hold(const arena_hold& other) noexcept;
    arena_hold& operator=(const arena_hold& other) noexcept;
    ~arena_hold();
    arena& get() const noexcept { return *arena_; }

private:
    arena* arena_;
};

/// Makes an arena the thread's current one for as long as it lives (reading a stack built, or
/// moved here from, another thread); the previous one is current again afterwards.
class arena_in_use {
public:
    explicit arena_in_use(const arena_hold& hold) noexcept;
    ~arena_in_use();
    arena_in_use(const arena_in_use&) = delete;
    arena_in_use& operator=(const arena_in_use&) = delete;

private:
    arena* previous_;
};
}  // namespace detail

/// Handle to an immutable value in the arena. `id == 0` means "absent": the property is not set.
struct node {
    std::uint32_t id = 0;
    constexpr bool present() const noexcept { return id != 0; }
    friend constexpr bool operator==(node, node) = default;
};

enum class node_kind : std::uint8_t {
    absent,   ///< not set (only node 0)
    null,     ///< JSON null
    boolean,
    integer,
    number,
    string,
    list,
    object,
    call,  ///< an intrinsic function or Ref: `{name: argument}`, e.g. {"Fn::Join": [...]}
};

/// What a node holds. Objects keep their keys in insertion order.
struct node_data {
    node_kind kind = node_kind::absent;
    bool boolean = false;
    long long integer = 0;
    double number = 0;
    std::string text;                 ///< string value, or the function name of a call
    std::vector<node> items;          ///< list items, object values, or the one call argument
    std::vector<std::string> keys;    ///< object keys, parallel to items
    /// For Ref/GetAtt of a handle, and names (make_name): the stack that made the handle.
    const detail::stack_identity* origin = nullptr;
    /// Fn::GetAtt of a list attribute: crossing a nested stack's boundary (cfn/nested_stack.hpp)
    /// joins the list into one string and splits it again, and only the attribute's type knows.
    bool list_valued = false;
};

namespace detail {

// Building values. Defined in impl/node.ipp.
node make_null();
node make_bool(bool value);
node make_int(long long value);
node make_number(double value);
node make_string(std::string_view value);
node make_list(const node* items, std::size_t count);
node make_object(const std::pair<std::string_view, node>* members, std::size_t count);
node make_call(std::string_view function, node argument, const stack_identity* origin = nullptr);
/// A string that names something in a stack (DependsOn, Condition, Fn::If's condition): it keeps
/// the owning stack's identity so that the checks can tell stacks apart.
node make_name(std::string_view name, const stack_identity* origin);

/// Reads a node of the current arena. The reference stays valid as long as the arena.
const node_data& read(node n);
/// The value of member `key` of an object node: null when it is not an object or has no such key.
const node* find_member(const node_data& object, std::string_view key);
/// The same, read.
const node_data* member(const node_data& object, std::string_view key);

/// A copy of `text` that lives as long as the current arena (for logical IDs built at run time).
std::string_view intern(std::string_view text);

}  // namespace detail

/// Reserved nodes, created first in every arena so that they can be compile-time constants.
namespace detail::reserved {
inline constexpr std::size_t pseudo_count = sizeof(vocabulary::pseudo_parameters) / sizeof(vocabulary::pseudo_parameter);
/// Node of `{"Ref": vocabulary::pseudo_parameters[i].name}`: each name is a string node followed
/// by its Ref call.
constexpr node pseudo_ref(std::size_t i) { return node{static_cast<std::uint32_t>(2 + 2 * i)}; }
}  // namespace detail::reserved

}  // namespace cfn
