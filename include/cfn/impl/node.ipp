// cfnpp implementation: the node arena and the conversions that build nodes.
// Included by cfn/cfn.hpp in header-only mode, or compiled once into cfnpp::runtime.
#pragma once

#include <atomic>     // std::atomic: an arena's count of holds
#include <deque>      // std::deque: stable addresses for interned strings and nodes
#include <stdexcept>  // std::invalid_argument
#include <string>     // std::string
#include <utility>    // std::pair, std::swap
#include <vector>     // std::vector

#include <cfn/config.hpp>
#include <cfn/node.hpp>
#include <cfn/reflection.hpp>
#include <cfn/resource.hpp>
#include <cfn/value.hpp>  // detail::literal_slot

namespace cfn::detail {

/// An arena: the nodes and interned strings of the stacks of one thread. Deques, so that
/// references to nodes and strings stay valid as it grows.
struct arena {
    std::deque<node_data> nodes;
    std::deque<std::string> strings;
    std::deque<stack_identity> stacks;  // one per stack, for its address
    // Atomic because a stack may be copied to, and its copy destroyed on, another thread than its
    // own; destroy the last one on the thread that built it (that thread's current arena).
    std::atomic<std::size_t> holds{0};

    arena() {
        nodes.emplace_back();  // node 0: absent
        for (const vocabulary::pseudo_parameter& pseudo : vocabulary::pseudo_parameters) {
            node_data text;
            text.kind = node_kind::string;
            text.text = pseudo.name;
            nodes.push_back(std::move(text));
            node_data call;
            call.kind = node_kind::call;
            call.text = "Ref";
            call.items.push_back(node{static_cast<std::uint32_t>(nodes.size() - 1)});
            nodes.push_back(std::move(call));
        }
    }

    node add(node_data&& data) {
        nodes.push_back(std::move(data));
        return node{static_cast<std::uint32_t>(nodes.size() - 1)};
    }
};

/// The thread's current arena, or null.
CFN_INLINE arena*& current_arena_slot() noexcept {
    static thread_local arena* current = nullptr;
    return current;
}

/// The arena of a thread with no stack: one it keeps until it ends (values built before any
/// stack, e.g. constants at namespace scope). Out of line: the_arena() stays small and inlined.
CFN_INLINE arena& thread_default_arena() {
    static thread_local arena_hold until_thread_ends;
    current_arena_slot() = &until_thread_ends.get();  // current again after a foreign stack was read here
    return until_thread_ends.get();
}

/// The current arena: the stacks' of this thread, or its default one.
CFN_INLINE arena& the_arena() {
    arena* current = current_arena_slot();
    return current ? *current : thread_default_arena();
}

CFN_INLINE arena_hold::arena_hold() : arena_(current_arena_slot()) {
    if (!arena_) arena_ = current_arena_slot() = new arena;
    arena_->holds.fetch_add(1, std::memory_order_relaxed);
}

CFN_INLINE arena_hold::arena_hold(const arena_hold& other) noexcept : arena_(other.arena_) {
    arena_->holds.fetch_add(1, std::memory_order_relaxed);
}

CFN_INLINE arena_hold& arena_hold::operator=(const arena_hold& other) noexcept {
    arena_hold copy(other);
    std::swap(arena_, copy.arena_);
    return *this;
}

CFN_INLINE arena_hold::~arena_hold() {
    if (arena_->holds.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
    if (current_arena_slot() == arena_) current_arena_slot() = nullptr;
    delete arena_;
}

CFN_INLINE arena_in_use::arena_in_use(const arena_hold& hold) noexcept : previous_(current_arena_slot()) {
    current_arena_slot() = &hold.get();
}

CFN_INLINE arena_in_use::~arena_in_use() { current_arena_slot() = previous_; }

/// A new identity for a stack, in its arena.
CFN_INLINE const stack_identity* new_stack_identity(arena& a) { return &a.stacks.emplace_back(); }

CFN_INLINE node make_null() {
    node_data d;
    d.kind = node_kind::null;
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_bool(bool value) {
    node_data d;
    d.kind = node_kind::boolean;
    d.boolean = value;
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_int(long long value) {
    node_data d;
    d.kind = node_kind::integer;
    d.integer = value;
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_number(double value) {
    node_data d;
    d.kind = node_kind::number;
    d.number = value;
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_string(std::string_view value) {
    node_data d;
    d.kind = node_kind::string;
    d.text = std::string(value);
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_list(const node* items, std::size_t count) {
    node_data d;
    d.kind = node_kind::list;
    d.items.assign(items, items + count);
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_object(const std::pair<std::string_view, node>* members, std::size_t count) {
    node_data d;
    d.kind = node_kind::object;
    d.items.reserve(count);
    d.keys.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        d.keys.emplace_back(members[i].first);
        d.items.push_back(members[i].second);
    }
    return the_arena().add(std::move(d));
}
CFN_INLINE node make_call(std::string_view function, node argument, const stack_identity* origin) {
    node_data d;
    d.kind = node_kind::call;
    d.text = std::string(function);
    d.items.push_back(argument);
    d.origin = origin;
    return the_arena().add(std::move(d));
}

CFN_INLINE node make_name(std::string_view name, const stack_identity* origin) {
    node_data d;
    d.kind = node_kind::string;
    d.text = std::string(name);
    d.origin = origin;
    return the_arena().add(std::move(d));
}

CFN_INLINE const node_data& read(node n) { return the_arena().nodes[n.id]; }

/// The value of member `key` of an object node, or null when `object` is not an object or has no
/// such member. The one lookup the checks, the graph, nested stacks and the guard rules share.
CFN_INLINE const node* find_member(const node_data& object, std::string_view key) {
    if (object.kind != node_kind::object) return nullptr;
    for (std::size_t i = 0; i < object.keys.size(); ++i)
        if (object.keys[i] == key) return &object.items[i];
    return nullptr;
}

/// The same, read: what the checks and the graph walk.
CFN_INLINE const node_data* member(const node_data& object, std::string_view key) {
    const node* found = find_member(object, key);
    return found ? &read(*found) : nullptr;
}

CFN_INLINE std::string_view intern(std::string_view text) {
    return the_arena().strings.emplace_back(text);
}

/// A small builder for object nodes, in insertion order.
class object_builder {
public:
    object_builder& add(std::string_view key, node value) {
        if (value.present()) members_.emplace_back(key, value);
        return *this;
    }
    node build() const { return make_object(members_.data(), members_.size()); }

private:
    std::vector<std::pair<std::string_view, node>> members_;
};

CFN_INLINE node make_strings(const std::vector<std::string>& items) {
    std::vector<node> nodes;
    for (const auto& item : items) nodes.push_back(make_string(item));
    return make_list(nodes.data(), nodes.size());
}

/// Is `n` an `Fn::If` with `AWS::NoValue` as a branch (what `cfn::if_(c, S{...}, cfn::no_value)`
/// puts into a struct)?
CFN_INLINE bool may_be_no_value(node n) {
    const node_data& d = read(n);
    if (d.kind != node_kind::call || d.text != "Fn::If") return false;
    const node_data& arguments = read(d.items[0]);
    node no_value = reserved::pseudo_ref(0);
    return arguments.kind == node_kind::list && arguments.items.size() == 3 &&
           (arguments.items[1] == no_value || arguments.items[2] == no_value);
}

CFN_INLINE node struct_to_node(const void* object, const struct_info& info, bool required) {
    const auto* base = static_cast<const unsigned char*>(object);
    if (info.intrinsic_offset != no_intrinsic) {
        node intrinsic = *reinterpret_cast<const node*>(base + info.intrinsic_offset);
        if (intrinsic.present()) return intrinsic;
    }
    std::vector<std::pair<std::string_view, node>> members;
    members.reserve(info.field_count);
    bool any_set = false;  // an empty required nested struct does not make its parent present
    for (std::size_t i = 0; i < info.field_count; ++i) {
        const field_info& field = info.fields[i];
        node value;
        bool placeholder = false;
        if (field.kind == field_kind::nested) {
            value = struct_to_node(base + field.offset, *field.nested(), false);
            // The struct's type is the same for required and optional properties, so the compiler
            // cannot refuse `cfn::if_(c, S{...}, cfn::no_value)` here; the field table can.
            if (field.required && value.present() && may_be_no_value(value))
                throw std::invalid_argument(std::string(info.name) + "." + std::string(field.name) +
                                            ": a required property cannot be AWS::NoValue (cfn::if_ with "
                                            "cfn::no_value as a branch)");
            if (!value.present() && field.required) {
                value = make_object(nullptr, 0);
                placeholder = true;
            }
        } else if (field.kind == field_kind::checked) {
            const auto& slot = *reinterpret_cast<const literal_slot*>(base + field.offset);
            if (slot.size == literal_slot::integer_literal)
                value = make_int(static_cast<long long>(slot.number));
            else if (slot.size == literal_slot::double_literal)
                value = make_number(slot.number);
            else
                value = slot.text ? make_string(std::string_view(slot.text, slot.size)) : slot.n;
        } else {
            value = *reinterpret_cast<const node*>(base + field.offset);
        }
        if (value.present()) {
            members.emplace_back(field.name, value);
            any_set = any_set || !placeholder;
        }
    }
    if (!any_set && !required) return node{};
    return make_object(members.data(), members.size());
}

}  // namespace cfn::detail

namespace cfn {

CFN_INLINE node handle_base::ref_node() const {
    return detail::make_call("Ref", detail::make_string(id_), stack_);
}

CFN_INLINE node handle_base::get_att_node(std::string_view attribute, bool list_valued) const {
    node parts[] = {detail::make_string(id_), detail::make_string(attribute)};
    node n = detail::make_call("Fn::GetAtt", detail::make_list(parts, 2), stack_);
    if (list_valued) detail::the_arena().nodes[n.id].list_valued = true;
    return n;
}

CFN_INLINE dependencies::dependencies(std::initializer_list<dependency> resources)
    : dependencies(std::vector<dependency>(resources)) {}

CFN_INLINE dependencies::dependencies(const std::vector<dependency>& resources) {
    std::vector<node> refs;  // the names, as DependsOn lists them
    refs.reserve(resources.size());
    for (const dependency& d : resources)
        refs.push_back(detail::make_name(d.handle.logical_id(), d.handle.stack_identity()));
    n = detail::make_list(refs.data(), refs.size());
}

CFN_INLINE node dependencies::one(const dependency& resource) {
    return detail::make_name(resource.handle.logical_id(), resource.handle.stack_identity());
}

CFN_INLINE condition_ref::condition_ref(const condition_handle& condition)
    : n(detail::make_name(condition.logical_id(), condition.stack_identity())) {}

CFN_INLINE raw_properties::raw_properties(std::initializer_list<std::pair<std::string_view, value<json>>> members) {
    std::vector<std::pair<std::string_view, node>> nodes;
    for (const auto& [name, v] : members) nodes.emplace_back(name, detail::node_of(v));
    n = detail::make_object(nodes.data(), nodes.size());
}

}  // namespace cfn
