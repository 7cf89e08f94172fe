// Unit tests of the module and of the stack, with cfn/testing.hpp: no deployment, no file.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <acme/network.hpp>
#include <cfn/cfn.hpp>
#include <cfn/testing.hpp>

#include "blue_green.hpp"

namespace ec2 = cfn::aws::ec2;
namespace match = cfn::testing;

TEST_CASE("the module: a VPC, its public subnets, and a route to the internet") {
    cfn::stack s;
    acme::network net = acme::add_network({s, "Test"}, {.cidr = "10.9.0.0/16", .public_subnets = 3});
    cfn::testing::stack_template t{s};

    CHECK(t.resource_count_is<ec2::vpc>(1));
    CHECK(t.resource_count_is<ec2::subnet>(3));
    CHECK(t.has_resource_properties<ec2::vpc>({.cidr_block = "10.9.0.0/16"}));
    for (const auto& subnet : net.subnets)
        CHECK(t.has_resource_properties("AWS::EC2::SubnetRouteTableAssociation",
                                        {{"SubnetId", match::ref(subnet)}, {"RouteTableId", {{"Ref", "TestPublicRoutes"}}}}));
    CHECK(t.has_resource("AWS::EC2::Route", {{"DependsOn", match::array_with({"TestGatewayAttachment"})},
                                             {"Properties", {{"DestinationCidrBlock", "0.0.0.0/0"}}}}));
    CHECK(t.has_output("TestVpcId", {{"Value", match::ref(net.vpc)}}));
    CHECK(cfn::check(s).empty());
}

TEST_CASE("the stack: two instances of the module, each under its own name") {
    cfn::testing::stack_template t{blue_green()};

    CHECK(t.resource_count_is<ec2::vpc>(2));
    CHECK(t.resource_count_is<ec2::subnet>(5));
    CHECK(t.has_resource_properties("AWS::EC2::VPC", {{"CidrBlock", "10.0.0.0/16"}}));
    CHECK(t.resource("BlueVpc")["Properties"]["CidrBlock"] == "10.0.0.0/16");
    CHECK(t.resource("GreenVpc")["Properties"]["CidrBlock"] == "10.1.0.0/16");
    CHECK(t.has_resource_properties("AWS::EC2::Subnet", {{"VpcId", {{"Ref", "GreenVpc"}}},
                                                         {"AvailabilityZone", {{"Fn::Select", {2, match::any_value()}}}}}));
    CHECK(t.has_output("BlueVpcId", match::object_like({{"Value", {{"Ref", "BlueVpc"}}}})));
    CHECK(t.has_output("GreenVpcId", {{"Value", {{"Ref", "GreenVpc"}}}}));
}

TEST_CASE("the stack: the web server uses blue's handles across the module boundary") {
    cfn::testing::stack_template t{blue_green()};
    CHECK(t.has_resource_properties("AWS::EC2::Instance", {{"SubnetId", {{"Ref", "BlueSubnet1"}}},
                                                           {"SecurityGroupIds", {{{"Ref", "WebSecurityGroup"}}}}}));
    CHECK(t.has_resource_properties("AWS::EC2::SecurityGroup", {{"VpcId", {{"Ref", "BlueVpc"}}}}));
    CHECK(t.has_resource("AWS::EC2::Instance", {{"DependsOn", match::array_equals({"GreenVpc"})}}));

    // And a wrong expectation fails, saying where.
    auto wrong = t.has_resource_properties("AWS::EC2::Instance", {{"SubnetId", {{"Ref", "GreenSubnet1"}}}});
    REQUIRE_FALSE(wrong);
    CHECK_THAT(wrong.message(), Catch::Matchers::Contains("at Resources.WebServer.Properties.SubnetId.Ref: "
                                                          "expected \"GreenSubnet1\" but received \"BlueSubnet1\""));
}
