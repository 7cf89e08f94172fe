// What each property type accepts, checked as concepts: the cheap level of "does not compile"
// tests (tests/compile_fail has the real compiler messages).
#include <catch2/catch.hpp>

#include <string>
#include <type_traits>
#include <vector>

#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

#include "support.hpp"

namespace {

template <class Property, class Argument>
constexpr bool accepts = std::is_convertible_v<Argument, Property>;

using vpc_id = cfn::id<"AWS::EC2::VPC.VpcId">;
using subnet_id = cfn::id<"AWS::EC2::Subnet.SubnetId">;
using sg_id = cfn::id<"AWS::EC2::SecurityGroup.Id">;

// Strings.
static_assert(accepts<cfn::value<cfn::str>, const char*>);
static_assert(accepts<cfn::value<cfn::str>, std::string>);
static_assert(accepts<cfn::value<cfn::str>, cfn::expr<cfn::str>>);
static_assert(accepts<cfn::value<cfn::str>, cfn::expr<vpc_id>>);
static_assert(!accepts<cfn::value<cfn::str>, int>);
static_assert(!accepts<cfn::value<cfn::str>, bool>);
static_assert(!accepts<cfn::value<cfn::str>, cfn::expr<cfn::list<cfn::str>>>);
static_assert(!accepts<cfn::value<cfn::str>, cfn::expr<cfn::integer>>);
static_assert(!accepts<cfn::value<cfn::str>, cfn::expr<cfn::condition_value>>);

// Integers, numbers, booleans.
static_assert(accepts<cfn::value<cfn::integer>, int>);
static_assert(accepts<cfn::value<cfn::integer>, long>);
static_assert(!accepts<cfn::value<cfn::integer>, const char*>);
static_assert(!accepts<cfn::value<cfn::integer>, bool>);
static_assert(!accepts<cfn::value<cfn::integer>, double>);
static_assert(accepts<cfn::value<cfn::integer>, cfn::expr<cfn::number>>);
static_assert(accepts<cfn::value<cfn::number>, double>);
static_assert(accepts<cfn::value<cfn::number>, int>);
static_assert(accepts<cfn::value<cfn::boolean>, bool>);
static_assert(!accepts<cfn::value<cfn::boolean>, int>);
static_assert(!accepts<cfn::value<cfn::boolean>, const char*>);
static_assert(!accepts<cfn::value<cfn::boolean>, cfn::expr<cfn::str>>);
static_assert(accepts<cfn::value<cfn::boolean>, cfn::expr<cfn::boolean>>);

// Typed references: the listed resource types, plain strings and string parameters only.
static_assert(accepts<cfn::value<vpc_id>, cfn::expr<vpc_id>>);
static_assert(accepts<cfn::value<vpc_id>, const char*>);
static_assert(accepts<cfn::value<vpc_id>, cfn::expr<cfn::str>>);
static_assert(!accepts<cfn::value<vpc_id>, cfn::expr<subnet_id>>);
static_assert(!accepts<cfn::value<subnet_id>, cfn::expr<sg_id>>);
static_assert(accepts<cfn::value<cfn::id<"AWS::EC2::SecurityGroup.Id", "AWS::EC2::SecurityGroup.GroupId">>,
                      cfn::expr<cfn::id<"AWS::EC2::SecurityGroup.GroupId">>>);

// Lists.
static_assert(accepts<cfn::value<cfn::list<cfn::str>>, cfn::expr<cfn::list<cfn::str>>>);
static_assert(!accepts<cfn::value<cfn::list<cfn::str>>, cfn::expr<cfn::str>>);
static_assert(!accepts<cfn::value<cfn::list<cfn::str>>, const char*>);
static_assert(accepts<cfn::value<cfn::list<subnet_id>>, cfn::expr<cfn::list<subnet_id>>>);
static_assert(!accepts<cfn::value<cfn::list<subnet_id>>, cfn::expr<cfn::list<sg_id>>>);
static_assert(!accepts<cfn::value<subnet_id>, cfn::expr<cfn::list<subnet_id>>>);

// AWS::NoValue: optional properties only.
static_assert(accepts<cfn::optional<cfn::str, "X.Y">, cfn::no_value_t>);
static_assert(!accepts<cfn::required<cfn::str, "X.Y">, cfn::no_value_t>);
static_assert(!accepts<cfn::required<cfn::str, "X.Y">, cfn::expr<cfn::or_no_value<cfn::str>>>);
static_assert(accepts<cfn::optional<cfn::str, "X.Y">, cfn::expr<cfn::or_no_value<cfn::str>>>);

// Required properties have no default.
static_assert(!std::is_default_constructible_v<cfn::required<cfn::str, "X.Y">>);
static_assert(std::is_default_constructible_v<cfn::optional<cfn::str, "X.Y">>);

// Parameters: Ref has the parameter's value type.
static_assert(std::is_same_v<decltype(std::declval<cfn::parameter_handle<cfn::aws_ec2_subnet_id>>().ref()),
                             cfn::expr<subnet_id>>);
static_assert(std::is_same_v<decltype(std::declval<cfn::parameter_handle<cfn::list<cfn::aws_ec2_subnet_id>>>().ref()),
                             cfn::expr<cfn::list<subnet_id>>>);
static_assert(std::is_same_v<decltype(std::declval<cfn::parameter_handle<cfn::number>>().ref()), cfn::expr<cfn::number>>);

// Everything a resource holds is trivially copyable: no special member functions to compile.
static_assert(std::is_trivially_copyable_v<cfn::aws::ec2::subnet>);
static_assert(std::is_trivially_destructible_v<cfn::aws::ec2::subnet::properties>);

}  // namespace

TEST_CASE("literals become nodes of the matching JSON type") {
    using cfn::detail::node_of;
    using cfn::detail::read;
    CHECK(read(node_of(cfn::value<cfn::str>("x"))).text == "x");
    CHECK(read(node_of(cfn::value<cfn::integer>(42))).integer == 42);
    CHECK(read(node_of(cfn::value<cfn::number>(1.5))).number == 1.5);
    CHECK(read(node_of(cfn::value<cfn::boolean>(true))).boolean);
    CHECK_FALSE(node_of(cfn::value<cfn::str>{}).present());
    std::vector<std::string> names{"a", "b"};
    cfn::value<cfn::list<cfn::str>> from_vector = names;
    CHECK(read(node_of(from_vector)).items.size() == 2);
}

TEST_CASE("parameter types have their CloudFormation names") {
    using cfn::detail::parameter_traits;
    CHECK(parameter_traits<cfn::str>::type_name() == "String");
    CHECK(parameter_traits<cfn::number>::type_name() == "Number");
    CHECK(parameter_traits<cfn::list<cfn::number>>::type_name() == "List<Number>");
    CHECK(parameter_traits<cfn::list<cfn::str>>::type_name() == "CommaDelimitedList");
    CHECK(parameter_traits<cfn::aws_ec2_keypair_keyname>::type_name() == "AWS::EC2::KeyPair::KeyName");
    CHECK(parameter_traits<cfn::list<cfn::aws_ec2_subnet_id>>::type_name() == "List<AWS::EC2::Subnet::Id>");
    CHECK(parameter_traits<cfn::ssm_value<cfn::aws_ec2_image_id>>::type_name() ==
          "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>");
    CHECK(parameter_traits<cfn::ssm_value<cfn::str>>::type_name() == "AWS::SSM::Parameter::Value<String>");
    CHECK(parameter_traits<cfn::ssm_value<cfn::list<cfn::str>>>::type_name() ==
          "AWS::SSM::Parameter::Value<CommaDelimitedList>");
    CHECK(parameter_traits<cfn::aws_ssm_parameter_name>::type_name() == "AWS::SSM::Parameter::Name");
}
