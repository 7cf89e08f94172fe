// cfnpp: property values. `cfn::value<T>` is what a property of CloudFormation type T accepts:
// literals of the right C++ type, typed expressions of a compatible type, and nothing else.
#pragma once

#include <concepts>          // std::integral, std::floating_point, std::same_as
#include <cstddef>           // std::size_t
#include <cstdint>           // std::uint32_t
#include <initializer_list>  // std::initializer_list
#include <string>            // std::string
#include <string_view>       // std::string_view
#include <type_traits>       // std::is_same_v, std::conditional_t
#include <utility>           // std::pair, std::index_sequence
#include <vector>            // std::vector

#include <cfn/expr.hpp>
#include <cfn/literal_check.hpp>
#include <cfn/reflection.hpp>

namespace cfn {

/// Lets the values of a JSON library go where CloudFormation takes Json (policy documents, union
/// properties, Metadata): specialise it with `static node to_node(const J&)`. `cfn/nlohmann.hpp`
/// does so for nlohmann::json; the core does not include any JSON library.
template <class J>
struct json_adapter {};

// Which expression types fit which property types. ------------------------------------------------

namespace detail {

template <class J>
concept adapted_json = requires(const J& document) {
    { json_adapter<J>::to_node(document) } -> std::same_as<node>;
};

template <class T>
inline constexpr bool is_id = false;
template <fixed_string... Targets>
inline constexpr bool is_id<id<Targets...>> = true;

template <fixed_string Want, fixed_string... Have>
constexpr bool one_of() { return ((Want == Have) || ...); }

/// accepts<Property, Expression>: may an expression of CloudFormation type E go where type P is
/// expected? Exact matches always; the rest is listed here.
template <class P, class E>
struct accepts : std::is_same<P, E> {};

// Any identifier is a string.
template <fixed_string... Targets>
struct accepts<str, id<Targets...>> : std::true_type {};
// A plain string (a String parameter, Fn::Sub, Fn::FindInMap, Fn::ImportValue, ...) may hold any
// identifier: we cannot know, so we trust it. A Ref of another resource type is refused.
template <fixed_string... Targets>
struct accepts<id<Targets...>, str> : std::true_type {};
template <fixed_string... Want, fixed_string Have>
struct accepts<id<Want...>, id<Have>> : std::bool_constant<one_of<Have, Want...>()> {};
// Numbers: a Number parameter fits an Integer property and the other way round.
template <>
struct accepts<integer, number> : std::true_type {};
template <>
struct accepts<number, integer> : std::true_type {};
// Json takes every CloudFormation value, and nothing that is not one: no condition (Fn::Equals,
// Fn::And... go into Conditions and Fn::If, never into a property), and no value that may be
// AWS::NoValue (that is for optional properties: cfn::optional takes it, below).
template <class E>
inline constexpr bool is_value_type = false;
template <>
inline constexpr bool is_value_type<str> = true;
template <>
inline constexpr bool is_value_type<integer> = true;
template <>
inline constexpr bool is_value_type<number> = true;
template <>
inline constexpr bool is_value_type<boolean> = true;
template <>
inline constexpr bool is_value_type<json> = true;
template <fixed_string... Targets>
inline constexpr bool is_value_type<id<Targets...>> = true;
template <class En>
inline constexpr bool is_value_type<enumeration<En>> = true;
template <class E>
inline constexpr bool is_value_type<list<E>> = is_value_type<E>;
template <class E>
inline constexpr bool is_value_type<map<E>> = is_value_type<E>;
template <property_struct S>  // an Fn::If between two structs: an object either way
inline constexpr bool is_value_type<S> = true;
template <class E>
struct accepts<json, E> : std::bool_constant<is_value_type<E>> {};
// Enumerations accept strings computed at deploy time (e.g. a parameter with AllowedValues).
template <class En>
struct accepts<enumeration<En>, str> : std::true_type {};
template <class P, class E>
struct accepts<list<P>, list<E>> : accepts<P, E> {};
template <class P, class E>
struct accepts<map<P>, map<E>> : accepts<P, E> {};
template <class P>
struct accepts<map<P>, json> : std::true_type {};

/// The enum types generated from allowed values provide their CloudFormation spelling through
/// an ADL function `cfn_name(E)`.
template <class E>
concept generated_enum = std::is_enum_v<E> && requires(E e) {
    { cfn_name(e) } -> std::same_as<std::string_view>;
};

/// What a list or map element is initialised from: a struct element is the generated struct
/// itself (so that `{.key = ...}` works), anything else a cfn::value.
template <class T>
struct element_init;

template <class T>
struct list_traits {
    using element = void;
};
template <class E>
struct list_traits<list<E>> {
    using element = E;
};
template <class T>
struct map_traits {
    using element = void;
};
template <class E>
struct map_traits<map<E>> {
    using element = E;
};

struct not_a_container {
    not_a_container() = delete;
};

}  // namespace detail

template <class T>
class value;

namespace detail {
template <class E>
struct element_init {
    using type = std::conditional_t<property_struct<E>, E, value<E>>;
};
template <>
struct element_init<void> {
    using type = not_a_container;
};
template <class T>
using list_element_init = typename element_init<typename list_traits<T>::element>::type;
template <class T>
using map_element_init = typename element_init<typename map_traits<T>::element>::type;

template <class T>
node to_node(const T& element) {
    if constexpr (property_struct<T>)
        return struct_to_node(&element, *T::cfn_struct(), true);
    else
        return node_of(element);
}
}  // namespace detail

/// A value of CloudFormation type T, as a property or a list element holds it.
template <class T>
class value {
public:
    using value_type = T;

    /// Not set: the property is left out of the template.
    constexpr value() noexcept = default;

    // Literals. Each CloudFormation type takes exactly the C++ literals that mean it: no int for
    // a Boolean, no string for an Integer (CloudFormation would coerce "22"; we make you say 22).
    value(const char* text)
        requires std::is_same_v<T, str> || std::is_same_v<T, json> || detail::is_id<T>
        : n(detail::make_string(text)) {}
    value(std::string_view text)
        requires std::is_same_v<T, str> || std::is_same_v<T, json> || detail::is_id<T>
        : n(detail::make_string(text)) {}
    value(const std::string& text)
        requires std::is_same_v<T, str> || std::is_same_v<T, json> || detail::is_id<T>
        : n(detail::make_string(text)) {}
    template <std::integral I>
        requires(!std::is_same_v<I, bool>) &&
                (std::is_same_v<T, integer> || std::is_same_v<T, number> || std::is_same_v<T, json>)
    value(I number) : n(detail::make_int(static_cast<long long>(number))) {}
    template <std::floating_point F>
        requires std::is_same_v<T, number> || std::is_same_v<T, json>
    value(F number) : n(detail::make_number(static_cast<double>(number))) {}
    template <std::same_as<bool> B>
        requires std::is_same_v<T, boolean> || std::is_same_v<T, json>
    value(B flag) : n(detail::make_bool(flag)) {}
    template <detail::generated_enum E>
        requires std::is_same_v<T, enumeration<E>>
    value(E e) : n(detail::make_string(cfn_name(e))) {}

    // Expressions computed at deploy time.
    template <class E>
        requires detail::accepts<T, E>::value
    constexpr value(expr<E> e) noexcept : n(detail::node_of(e)) {}

    // Lists and maps.
    value(std::initializer_list<detail::list_element_init<T>> items)
        requires(!std::is_same_v<typename detail::list_traits<T>::element, void>)
        : n(make_list(items.begin(), items.size())) {}
    /// Refused: a list of another resource's (or property's) property type, such as an EC2
    /// instance's BlockDeviceMapping given to a launch configuration. Declared so that the compiler
    /// names both types instead of "could not convert".
    template <property_struct Other>
        requires property_struct<typename detail::list_traits<T>::element> &&
                 (!std::is_same_v<Other, typename detail::list_traits<T>::element>)
    value(std::initializer_list<Other> items_of_another_property_type) = delete;
    template <class X>
        requires(!std::is_same_v<typename detail::list_traits<T>::element, void>) &&
                std::constructible_from<detail::list_element_init<T>, const X&>
    value(const std::vector<X>& items) {
        std::vector<node> nodes;
        nodes.reserve(items.size());
        for (const X& x : items) nodes.push_back(detail::to_node(detail::list_element_init<T>(x)));
        n = detail::make_list(nodes.data(), nodes.size());
    }
    value(std::initializer_list<std::pair<std::string_view, detail::map_element_init<T>>> members)
        requires(!std::is_same_v<typename detail::map_traits<T>::element, void>)
    {
        std::vector<std::pair<std::string_view, node>> nodes;
        nodes.reserve(members.size());
        for (const auto& [key, element] : members) nodes.emplace_back(key, detail::to_node(element));
        n = detail::make_object(nodes.data(), nodes.size());
    }

    // Json also takes a generated struct (its object form).
    template <property_struct S>
        requires std::is_same_v<T, json>
    value(const S& object) : n(detail::struct_to_node(&object, *S::cfn_struct(), true)) {}
    // ... and a JSON library's document (see json_adapter).
    template <detail::adapted_json J>
        requires std::is_same_v<T, json>
    value(const J& document) : n(json_adapter<J>::to_node(document)) {}

private:
    friend struct detail::node_access;
    /// The stored node; absent when not set. `detail::node_of` reads it for the library, and only
    /// the constructors above write it, so a value holds what its type says.
    node n;  // private: a value is made from literals and typed expressions; `cfn::as<T>(e)` converts


    template <class Element>
    static node make_list(const Element* items, std::size_t count) {
        std::vector<node> nodes;
        nodes.reserve(count);
        for (std::size_t i = 0; i < count; ++i) nodes.push_back(detail::to_node(items[i]));
        return detail::make_list(nodes.data(), nodes.size());
    }
};

/// An optional property of a generated struct. `Name` ("AWS::EC2::Subnet.CidrBlock") is there
/// for the compiler's messages: a value of the wrong type is reported as not convertible to
/// `cfn::optional<cfn::str, "AWS::EC2::Subnet.CidrBlock">`.
template <class T, fixed_string Name>
struct optional : value<T> {
    using value<T>::value;
    constexpr optional() noexcept = default;
    /// A value made beforehand: `cfn::value<cfn::integer>(base + i)`, the way to write a computed
    /// number into a property whose literals are checked (checked_optional, below).
    constexpr optional(const value<T>& v) noexcept : value<T>(v) {}
    /// `AWS::NoValue`: leaves the property out (useful in `cfn::if_`).
    constexpr optional(no_value_t v) noexcept : value<T>() { detail::node_access::set(*this, v.n); }
    /// `cfn::if_(cond, x, cfn::no_value)`.
    template <class E>
        requires detail::accepts<T, E>::value
    constexpr optional(expr<or_no_value<E>> e) noexcept : value<T>() {
        detail::node_access::set(*this, detail::node_of(e));
    }
};

/// A required property: it has no default constructor, so leaving it out of the designated
/// initializer does not compile, and the message names it ("use of deleted function
/// cfn::required<..., "AWS::EC2::Subnet.VpcId">::required()"). It does not take `AWS::NoValue`,
/// nor an `Fn::If` that may give it.
template <class T, fixed_string Name>
struct required : value<T> {
    using value<T>::value;
    required() = delete;
    constexpr required(const value<T>& v) noexcept : value<T>(v) {}  ///< as optional's
};

// Properties whose literals are checked when the program compiles. ---------------------------------

namespace detail {
/// What a property with a rule stores (field_kind::checked): a string literal is kept as the text
/// itself, because the consteval constructor that checks it cannot put it in the arena;
/// `struct_to_node` makes its node. Anything else is its node, as in a cfn::value.
struct literal_slot {
    node n;
    std::uint32_t size = 0;  ///< the text's length, or one of the markers below
    union {
        const char* text = nullptr;
        double number;  ///< an `int` or `double` literal, when `size` says so
    };
    static constexpr std::uint32_t integer_literal = 0xFFFFFFFFu;
    static constexpr std::uint32_t double_literal = 0xFFFFFFFEu;
};

/// A literal of a property with rule `Rule` (a string_rule), checked: `.cidr_block = "10.0.0.0/33"`
/// does not compile, and the message names `literal_is_not_an_ipv4_cidr`.
template <string_rule Rule, std::size_t N>
consteval literal_slot checked_literal(const char (&literal)[N]) {
    check_literal(Rule, std::string_view(literal, N - 1));
    check_literal_pattern<Rule.pattern>(std::string_view(literal, N - 1));
    check_literal_allowed<Rule.allowed>(std::string_view(literal, N - 1));
    return literal_slot{node{}, static_cast<std::uint32_t>(N - 1), literal};
}

/// An `int` literal of an Integer or Double property with rule `Rule` (an integer_rule or a
/// number_rule), checked against its bounds: `.from_port = 70000` does not compile where the
/// schema's maximum is 65535.
template <auto Rule>
consteval literal_slot checked_integer(int literal) {
    check_integer_literal(Rule, literal);
    literal_slot slot{};
    slot.size = literal_slot::integer_literal;
    slot.number = literal;
    return slot;
}

/// A `double` literal of a Double property with rule `Rule`, checked against its bounds.
template <number_rule Rule>
consteval literal_slot checked_double(double literal) {
    check_number_literal(Rule, literal);
    literal_slot slot{};
    slot.size = literal_slot::double_literal;
    slot.number = literal;
    return slot;
}

/// The count of a list literal of the property `Name` with rule `Rule` (a list_rule), checked:
/// `.subnets = {a, b, c}` does not compile where the schema's maxItems is 2, and the message names
/// `list_has_more_items_than_the_property_allows`, the property and its bounds.
template <fixed_string Name, list_rule Rule, std::size_t Items>
consteval void checked_item_count() {
    check_item_count(Rule, Items);
}

/// Whether the rule of a checked property form (`auto Rule`, whose type g++ gives as const and
/// clang++ does not) is of type `Kind`: the rule's type says which literals the form takes.
template <class Rule, class Kind>
inline constexpr bool is_rule = std::is_same_v<Rule, Kind> || std::is_same_v<Rule, const Kind>;

/// Whether a property of CloudFormation type T takes `int` (`double`) literals.
template <class T>
inline constexpr bool takes_int = std::is_same_v<T, integer> || std::is_same_v<T, number>;
template <class T>
inline constexpr bool takes_double = std::is_same_v<T, number>;

/// The first item of a list literal `{a, b, c}` of a property of type T, a list<E>: a value of
/// type E, reached through this converting constructor. A class of its own so that plain copy-
/// initialization, `.subnets = "subnet-1"`, does not take the list constructor below (a user-defined
/// conversion of its argument is not considered there), while `.subnets = {"subnet-1"}` does.
template <class T>
struct list_item {
    template <class X>
        requires std::constructible_from<list_element_init<T>, X&&>
    list_item(X&& x) : item(static_cast<X&&>(x)) {}
    list_element_init<T> item;
};

/// The other items: each a value of type E.
template <class T, class... Items>
concept list_items = (std::constructible_from<list_element_init<T>, Items&&> && ...);

/// The list node of the items of a list literal, as cfn::value<list<E>> makes it.
template <class T, class... Items>
literal_slot list_slot(list_item<T>&& first, Items&&... rest) {
    return literal_slot{node_of(value<T>{first.item, list_element_init<T>(static_cast<Items&&>(rest))...})};
}

/// What the checked property forms below store; their constructors are their own (g++ 12 does
/// not evaluate an inherited consteval constructor).
class checked_property {
protected:
    constexpr checked_property() noexcept = default;
    constexpr explicit checked_property(literal_slot slot) noexcept : slot_(slot) {}

private:
    literal_slot slot_;
};

// List literals whose items are property structs: `.listeners = {{.port = 80}, {.port = 443}}`.
// A braced item has no type a constructor's pack could be deduced from, so such a list gets one
// constructor per count of items, each taking that many items of the element type itself (not
// deduced: `{.port = 80}` initializes it), up to the rule's max_items + 1; the counts out of the
// rule's bounds report it as the variadic constructor above does. More braced items than max_items
// + 1 find no constructor (clang++ "no matching constructor", g++ "could not convert", naming the
// property's type and rule). Only for a small max_items (the generator's limit, docs/design.md).

/// The parameter type of one item: `E` whatever the index, to expand a constructor's parameters.
template <class E, std::size_t>
using list_item_of = E;

/// The first item's parameter type. Alone, an rvalue: a one-argument constructor is a conversion,
/// and `.file_systems = config` (an element variable, not a list) stays refused as for other lists,
/// while `{config}` takes the variadic constructor above. (A prvalue element alone,
/// `.file_systems = file_system_config{...}`, is taken as a list of one: no parameter type tells it
/// from `{{...}}`.)
template <class E, std::size_t Rest>
using first_list_item = std::conditional_t<Rest == 0, E&&, E>;

/// The count of a struct list's literal, checked where the literal is written: the last parameter
/// of the constructors below, given by its default argument, which each compiler instantiates at
/// the call and shows there (g++ "required from here", clang++ "in instantiation of default
/// function argument expression ... required here"). A check in the constructors' body would be
/// shown at the `using` that inherits them (g++).
template <fixed_string Name, list_rule Rule, std::size_t Items>
struct list_item_count {
    constexpr list_item_count() { checked_item_count<Name, Rule, Items>(); }
};

/// The chain of constructors of list literals of `Indices::size()` items or fewer, each level
/// inheriting the constructors of the one below (a chain rather than sibling bases, so that the
/// list has one literal_slot). Declared default constructors: the chain's own would be removed
/// by the constructors declared.
template <class T, fixed_string Name, list_rule Rule, class Indices>
struct struct_list_literal;

template <class T, fixed_string Name, list_rule Rule>
struct struct_list_literal<T, Name, Rule, std::index_sequence<>> : checked_property {
protected:
    constexpr struct_list_literal() noexcept = default;
    constexpr explicit struct_list_literal(literal_slot slot) noexcept : checked_property(slot) {}
};

template <class T, fixed_string Name, list_rule Rule, std::size_t First, std::size_t... Rest>
struct struct_list_literal<T, Name, Rule, std::index_sequence<First, Rest...>>
    : struct_list_literal<T, Name, Rule, std::index_sequence<Rest...>> {
    using fewer = struct_list_literal<T, Name, Rule, std::index_sequence<Rest...>>;
    using fewer::fewer;
    struct_list_literal(first_list_item<list_element_init<T>, sizeof...(Rest)> first,
                        list_item_of<list_element_init<T>, Rest>... rest,
                        list_item_count<Name, Rule, 1 + sizeof...(Rest)> = {})
        : fewer(literal_slot{node_of(value<T>{first, rest...})}) {}

protected:
    constexpr struct_list_literal() noexcept = default;
    constexpr explicit struct_list_literal(literal_slot slot) noexcept : fewer(slot) {}
};

/// The chain of a list of property structs of property `Name` with rule `Rule` (a list_rule):
/// counts up to max_items + 1.
template <class T, fixed_string Name, auto Rule>
using struct_list_literals = struct_list_literal<T, Name, Rule, std::make_index_sequence<Rule.max_items + 1>>;

/// A value that the unchecked form of a property (`Plain`) accepts, other than a literal.
template <class Plain, class A>
concept accepted_unchecked = (!std::is_array_v<std::remove_cvref_t<A>>) && std::constructible_from<Plain, A&&>;
}  // namespace detail

/// An optional property whose literals are checked when the program compiles; it takes everything
/// else cfn::optional<T, Name> takes. `Rule` is generated from the provider schemas: a
/// cfn::string_rule, cfn::integer_rule, cfn::number_rule or cfn::list_rule (cfn/constraint.hpp),
/// and the type of the rule says which constructors apply.
/// (A type of its own rather than a third argument of cfn::optional: every other property would
/// then pay for matching a partial specialization, measured at +5% on the Docker Swarm stack.)
template <class T, fixed_string Name, auto Rule>
struct checked_optional : detail::checked_property {
    constexpr checked_optional() noexcept = default;
    template <std::size_t N>
        requires detail::is_rule<decltype(Rule), string_rule>
    consteval checked_optional(const char (&literal)[N]) : checked_property(detail::checked_literal<Rule>(literal)) {}
    // Number literals are prvalues; a named variable is an lvalue and takes the constructor below,
    // unchecked here (cfn::check judges it). A computed prvalue (`base + i`) is refused here, as
    // it is not a constant: name it, or write `cfn::value<cfn::integer>(base + i)` (docs/design.md).
    consteval checked_optional(int&& literal)
        requires detail::takes_int<T>
        : checked_property(detail::checked_integer<Rule>(literal)) {}
    consteval checked_optional(double&& literal)
        requires detail::takes_double<T>
        : checked_property(detail::checked_double<Rule>(literal)) {}
    // A list literal: in `.subnets = {a, b, c}` the items are this constructor's arguments (the
    // form has no std::initializer_list constructor, which would be chosen first), so that their
    // count is a constant. A std::vector or a list expression takes the constructor below.
    template <class... Items>
        requires detail::is_rule<decltype(Rule), list_rule> && detail::list_items<T, Items...>
    checked_optional(detail::list_item<T> first, Items&&... rest)
        : checked_property(detail::list_slot<T>(static_cast<detail::list_item<T>&&>(first), static_cast<Items&&>(rest)...)) {
        detail::checked_item_count<Name, Rule, 1 + sizeof...(Items)>();
    }
    template <class A>
        requires detail::accepted_unchecked<optional<T, Name>, A>
    checked_optional(A&& v)
        : checked_property(detail::literal_slot{detail::node_of(optional<T, Name>(static_cast<A&&>(v)))}) {}
};

/// A required property whose literals are checked when the program compiles.
template <class T, fixed_string Name, auto Rule>
struct checked_required : detail::checked_property {
    checked_required() = delete;
    template <std::size_t N>
        requires detail::is_rule<decltype(Rule), string_rule>
    consteval checked_required(const char (&literal)[N]) : checked_property(detail::checked_literal<Rule>(literal)) {}
    // As checked_optional's.
    consteval checked_required(int&& literal)
        requires detail::takes_int<T>
        : checked_property(detail::checked_integer<Rule>(literal)) {}
    consteval checked_required(double&& literal)
        requires detail::takes_double<T>
        : checked_property(detail::checked_double<Rule>(literal)) {}
    template <class... Items>
        requires detail::is_rule<decltype(Rule), list_rule> && detail::list_items<T, Items...>
    checked_required(detail::list_item<T> first, Items&&... rest)
        : checked_property(detail::list_slot<T>(static_cast<detail::list_item<T>&&>(first), static_cast<Items&&>(rest)...)) {
        detail::checked_item_count<Name, Rule, 1 + sizeof...(Items)>();
    }
    template <class A>
        requires detail::accepted_unchecked<required<T, Name>, A>
    checked_required(A&& v)
        : checked_property(detail::literal_slot{detail::node_of(required<T, Name>(static_cast<A&&>(v)))}) {}
};

/// The checked optional form of a list of property structs (or tags) with a small max_items (the
/// generator gives such a list a list_rule only then): its literals `{{.port = 80}, {.port = 443}}`
/// take the chain of constructors of fixed arity (detail::struct_list_literal), a literal of
/// element variables `{a, b, c}` the variadic constructor, as a list of strings does; and it takes
/// everything else cfn::optional<T, Name> takes. A specialization, so that the other checked
/// properties pay nothing for it but the failed match (measured: docs/design.md).
template <property_struct S, fixed_string Name, auto Rule>
struct checked_optional<list<S>, Name, Rule> : detail::struct_list_literals<list<S>, Name, Rule> {
    using literals = detail::struct_list_literals<list<S>, Name, Rule>;
    static_assert(Rule.max_items < 64, "a struct list's literals are counted only for a small max_items");
    using literals::literals;
    constexpr checked_optional() noexcept = default;
    template <class... Items>
        requires detail::list_items<list<S>, Items...>
    checked_optional(detail::list_item<list<S>> first, Items&&... rest)
        : literals(detail::list_slot<list<S>>(static_cast<detail::list_item<list<S>>&&>(first), static_cast<Items&&>(rest)...)) {
        detail::checked_item_count<Name, Rule, 1 + sizeof...(Items)>();
    }
    /// Refused, as by cfn::value: a list of another resource's property type, named in the message.
    template <property_struct Other>
        requires(!std::is_same_v<Other, S>)
    checked_optional(std::initializer_list<Other> items_of_another_property_type) = delete;
    template <class A>
        requires detail::accepted_unchecked<optional<list<S>, Name>, A>
    checked_optional(A&& v) : literals(detail::literal_slot{detail::node_of(optional<list<S>, Name>(static_cast<A&&>(v)))}) {}
};

/// The checked required form of a list of property structs (or tags) with a small max_items: as
/// checked_optional's, above.
template <property_struct S, fixed_string Name, auto Rule>
struct checked_required<list<S>, Name, Rule> : detail::struct_list_literals<list<S>, Name, Rule> {
    using literals = detail::struct_list_literals<list<S>, Name, Rule>;
    static_assert(Rule.max_items < 64, "a struct list's literals are counted only for a small max_items");
    using literals::literals;
    checked_required() = delete;
    template <class... Items>
        requires detail::list_items<list<S>, Items...>
    checked_required(detail::list_item<list<S>> first, Items&&... rest)
        : literals(detail::list_slot<list<S>>(static_cast<detail::list_item<list<S>>&&>(first), static_cast<Items&&>(rest)...)) {
        detail::checked_item_count<Name, Rule, 1 + sizeof...(Items)>();
    }
    /// Refused, as by cfn::value: a list of another resource's property type, named in the message.
    template <property_struct Other>
        requires(!std::is_same_v<Other, S>)
    checked_required(std::initializer_list<Other> items_of_another_property_type) = delete;
    template <class A>
        requires detail::accepted_unchecked<required<list<S>, Name>, A>
    checked_required(A&& v) : literals(detail::literal_slot{detail::node_of(required<list<S>, Name>(static_cast<A&&>(v)))}) {}
};

}  // namespace cfn
