// cfnpp: the one untyped value representation every typed value is stored as.
//
// A `cfn::node` is a 32-bit handle into a process-wide arena of immutable JSON-like values. Keeping
// every property of every generated struct a 4-byte handle makes those structs trivially copyable
// and destructible: the compiler generates no special member functions for them, which is where a
// naive design spends most of its compile time (see docs/design.md). The price is that values live
// until the process ends; a stack program is short-lived, so that is the right trade.
//
// The arena is not thread-safe: build a stack on one thread.
#pragma once

#include <cstdint>      // std::uint32_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <cfn/vocabulary.hpp>

namespace cfn {

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
    std::uint32_t origin = 0;         ///< for Ref/GetAtt of a handle: the owning stack's serial
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
node make_call(std::string_view function, node argument, std::uint32_t origin = 0);
/// A string that names something in a stack (DependsOn, Condition, Fn::If's condition): it keeps
/// the owning stack's serial so that the checks can tell stacks apart.
node make_name(std::string_view name, std::uint32_t origin);

/// Reads a node. The reference stays valid for the life of the process.
const node_data& read(node n);

/// A copy of `text` that lives as long as the process (for logical IDs built at run time).
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
