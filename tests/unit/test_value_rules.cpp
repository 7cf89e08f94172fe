// The rule of which expression goes where, as one table: for every pair of CloudFormation value
// kinds (the property's and the expression's), whether an expression of the second kind may be
// given to a property of the first. The static_asserts below check every cell against the
// library, through each way a value gets into a template: a required property, an optional one,
// an element of a list, a json_value; and, for Fn::If results that may be AWS::NoValue, that only
// optional properties take them. test_values.cpp has the literals; tests/compile_fail the messages.
#include <catch2/catch.hpp>

#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <cfn/cfn.hpp>
#include <cfn/aws/kafkaconnect/custom_plugin.hpp>

namespace rules {

enum class color { red };
constexpr std::string_view cfn_name(color) { return "Red"; }

using vpc_id = cfn::id<"AWS::EC2::VPC.VpcId">;
using subnet_id = cfn::id<"AWS::EC2::Subnet.SubnetId">;

// Columns: the kinds an expression can have. Rows: the kinds a property can have (all of the
// columns but the last: no property is a condition).
using kinds = std::tuple<cfn::str, vpc_id, subnet_id, cfn::integer, cfn::number, cfn::boolean, cfn::json,
                         cfn::enumeration<color>, cfn::list<cfn::str>, cfn::list<subnet_id>, cfn::list<cfn::json>,
                         cfn::map<cfn::str>, cfn::map<cfn::json>, cfn::condition_value>;
constexpr std::size_t columns = std::tuple_size_v<kinds>;
constexpr std::size_t rows = columns - 1;

// accepted[property][expression]
constexpr bool accepted[rows][columns] = {
    //          str vpc sub int num bool json enum l<s> l<sub> l<j> m<s> m<j> cond
    /* str    */ {1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* vpc    */ {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* subnet */ {1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* int    */ {0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* number */ {0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* bool   */ {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0},
    /* json   */ {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0},
    /* enum   */ {1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0},
    /* l<s>   */ {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0},
    /* l<sub> */ {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0},
    /* l<j>   */ {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0},
    /* m<s>   */ {0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0},
    /* m<j>   */ {0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0},
};

template <std::size_t I>
using kind = std::tuple_element_t<I, kinds>;

/// One cell, through every way in. A failure names P and E in the instantiation context.
template <class P, class E, bool Accepted>
constexpr bool cell_holds() {
    using cfn::expr;
    using cfn::or_no_value;
    using required = cfn::required<P, "Test::Resource.Property">;
    using optional = cfn::optional<P, "Test::Resource.Property">;
    static_assert(std::is_convertible_v<expr<E>, required> == Accepted, "required property from expr<E>");
    static_assert(std::is_convertible_v<expr<E>, optional> == Accepted, "optional property from expr<E>");
    static_assert(std::is_convertible_v<expr<E>, cfn::value<P>> == Accepted, "cfn::value<P> from expr<E>");
    // An Fn::If with cfn::no_value as a branch: optional properties only.
    static_assert(std::is_convertible_v<expr<or_no_value<E>>, optional> == Accepted, "optional from Fn::If or NoValue");
    static_assert(!std::is_convertible_v<expr<or_no_value<E>>, required>, "required from Fn::If or NoValue");
    // Lists: a vector of expressions of kind E into a list<P>; a list never holds AWS::NoValue.
    using list_property = cfn::required<cfn::list<P>, "Test::Resource.Property">;
    static_assert(std::is_constructible_v<list_property, const std::vector<expr<E>>&> == Accepted,
                  "list<P> from a vector of expr<E>");
    static_assert(!std::is_constructible_v<list_property, const std::vector<expr<or_no_value<E>>>&>,
                  "list<P> from a vector of Fn::If or NoValue");
    // json_value is itself a Json value: the same rule as the Json row.
    if constexpr (std::is_same_v<P, cfn::json>) {
        static_assert(std::is_constructible_v<cfn::json_value, expr<E>> == Accepted, "json_value from expr<E>");
        static_assert(!std::is_constructible_v<cfn::json_value, expr<or_no_value<E>>>, "json_value from NoValue");
    }
    return true;
}

template <std::size_t Row, std::size_t... Column>
constexpr bool row_holds(std::index_sequence<Column...>) {
    return (cell_holds<kind<Row>, kind<Column>, accepted[Row][Column]>() && ...);
}
template <std::size_t... Row>
constexpr bool table_holds(std::index_sequence<Row...>) {
    return (row_holds<Row>(std::make_index_sequence<columns>{}) && ...);
}
static_assert(table_holds(std::make_index_sequence<rows>{}));

// Typed ids cannot be forged: the node inside an expression or a value is not reachable, an
// expression is not made from a node, and another type goes through cfn::as only.
template <class X>
concept exposes_its_node = requires(X x) { x.n; };
static_assert(!exposes_its_node<cfn::expr<subnet_id>>);
static_assert(!exposes_its_node<cfn::value<subnet_id>>);
static_assert(!exposes_its_node<cfn::required<subnet_id, "Test::Resource.Property">>);
static_assert(!exposes_its_node<cfn::json_value>);
static_assert(!std::is_constructible_v<cfn::expr<subnet_id>, cfn::node>);
static_assert(!std::is_convertible_v<cfn::node, cfn::expr<subnet_id>>);
static_assert(!std::is_constructible_v<cfn::expr<subnet_id>, cfn::expr<vpc_id>>);
static_assert(!std::is_constructible_v<cfn::expr<subnet_id>, cfn::expr<cfn::str>>);
static_assert(std::is_same_v<decltype(cfn::as<subnet_id>(cfn::aws::region)), cfn::expr<subnet_id>>);
// ... and still cost nothing: expressions and values are trivially copyable constants.
static_assert(std::is_trivially_copyable_v<cfn::expr<subnet_id>>);
static_assert(std::is_trivially_copyable_v<cfn::optional<subnet_id, "Test::Resource.Property">>);
constexpr cfn::expr<cfn::str> region_at_compile_time = cfn::aws::region;
static_assert(cfn::detail::node_of(region_at_compile_time) == cfn::detail::reserved::pseudo_ref(4));

template <std::size_t Row, std::size_t... Column>
constexpr std::size_t accepted_in_row(std::index_sequence<Column...>) {
    return (std::size_t{accepted[Row][Column]} + ...);
}

/// Gives an expression of every accepted kind to a property of the row's kind and checks that the
/// property holds that expression's node, unchanged.
template <std::size_t Row, std::size_t... Column>
std::size_t store_row(std::index_sequence<Column...>) {
    std::size_t stored = 0;
    auto one = [&]<std::size_t C>(std::integral_constant<std::size_t, C>) {
        if constexpr (accepted[Row][C]) {
            cfn::expr<kind<C>> e = cfn::as<kind<C>>(cfn::sub("${AWS::Region}-" + std::to_string(C)));
            cfn::required<kind<Row>, "Test::Resource.Property"> property = e;
            cfn::value<cfn::list<kind<Row>>> list = std::vector<cfn::expr<kind<C>>>{e, e};
            const cfn::node_data& items = cfn::detail::read(cfn::detail::node_of(list));
            bool same = cfn::detail::node_of(property) == cfn::detail::node_of(e) && items.items.size() == 2 &&
                        items.items[1] == cfn::detail::node_of(e);
            stored += same ? 1 : 0;
        }
    };
    (one(std::integral_constant<std::size_t, Column>{}), ...);
    return stored;
}

}  // namespace rules

TEST_CASE("every accepted pair of kinds stores the expression unchanged, in a property and in a list") {
    using namespace rules;
    auto row = [&]<std::size_t R>(std::integral_constant<std::size_t, R>) {
        INFO("row " << R);
        CHECK(store_row<R>(std::make_index_sequence<columns>{}) ==
              accepted_in_row<R>(std::make_index_sequence<columns>{}));
    };
    [&]<std::size_t... R>(std::index_sequence<R...>) {
        (row(std::integral_constant<std::size_t, R>{}), ...);
    }(std::make_index_sequence<rows>{});
    // Json takes every value kind and only those: 13 of the 14 columns, the condition refused.
    CHECK(accepted_in_row<6>(std::make_index_sequence<columns>{}) == columns - 1);
}

TEST_CASE("a required struct property takes no Fn::If that may give AWS::NoValue") {
    // A property struct has the same type whether the property is required or optional, so the
    // compiler lets `cfn::if_(c, S{...}, cfn::no_value)` through; the stack refuses it when added.
    namespace kc = cfn::aws::kafkaconnect;
    cfn::stack s;
    auto ireland = s.add(cfn::condition{"Ireland", cfn::equals(cfn::aws::region, "eu-west-1")});
    kc::custom_plugin::s3_location zip{.bucket_arn = "arn:aws:s3:::plugins", .file_key = "plugin.zip"};
    auto plugin = [&](kc::custom_plugin::custom_plugin_location location) {
        return kc::custom_plugin{"Plugin", {.content_type = kc::custom_plugin::content_type::ZIP,
                                            .location = location,
                                            .name = "plugin"}};
    };
    CHECK_THROWS_WITH(s.add(plugin(cfn::if_(ireland, kc::custom_plugin::custom_plugin_location{.s3_location = zip},
                                            cfn::no_value))),
                      "AWS::KafkaConnect::CustomPlugin.Location: a required property cannot be AWS::NoValue "
                      "(cfn::if_ with cfn::no_value as a branch)");
    CHECK_THROWS_WITH(s.add(plugin({.s3_location = cfn::if_(ireland, zip, cfn::no_value)})),
                      Catch::Matchers::StartsWith("AWS::KafkaConnect::CustomPlugin.CustomPluginLocation.S3Location: "
                                                  "a required property cannot be AWS::NoValue"));
    kc::custom_plugin::s3_location other{.bucket_arn = "arn:aws:s3:::other", .file_key = "plugin.zip"};
    CHECK_NOTHROW(s.add(plugin({.s3_location = cfn::if_(ireland, zip, other)})));
}
