// Exports between separately deployed stacks: the output with Export.Name, and the typed
// Fn::ImportValue the other stack uses (a list is joined, then split again).
#include <catch2/catch.hpp>

#include <string>

#include <cfn/cfn.hpp>
#include <cfn/export.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>
#include <cfn/aws/elasticloadbalancingv2/load_balancer.hpp>

#include "support.hpp"

namespace ec2 = cfn::aws::ec2;
namespace elbv2 = cfn::aws::elasticloadbalancingv2;
using json = nlohmann::ordered_json;

TEST_CASE("an exported id is imported with its type") {
    cfn::stack network, app;
    auto vpc = network.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto vpc_id = cfn::export_value(network, "VpcId", "network-VpcId", vpc.ref());
    static_assert(std::is_same_v<decltype(vpc_id.import()), cfn::expr<cfn::id<"AWS::EC2::VPC.VpcId">>>);
    app.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc_id.import()}});

    CHECK(vpc_id.name() == "network-VpcId");
    CHECK(test::template_of(network)["Outputs"] == json::parse(R"({
        "VpcId": {"Value": {"Ref": "Vpc"}, "Export": {"Name": "network-VpcId"}}})"));
    CHECK(test::template_of(app)["Resources"]["Subnet"]["Properties"]["VpcId"] ==
          json::parse(R"({"Fn::ImportValue": "network-VpcId"})"));
    CHECK(cfn::check(network).empty());
    CHECK(cfn::check(app).empty());
}

TEST_CASE("an exported list is joined, and split again where it is imported") {
    cfn::stack web, app;
    auto balancer = web.add(elbv2::load_balancer{"Balancer", {.subnets = {"subnet-1", "subnet-2"}}});
    cfn::scope part{web, "Front"};
    auto groups = cfn::export_value(part, "Groups", "web-Groups", balancer.attr_security_groups());
    static_assert(std::is_same_v<decltype(groups.import()), cfn::expr<cfn::list<cfn::str>>>);
    app.output("FirstGroup", cfn::select(0, groups.import()));

    CHECK(test::template_of(web)["Outputs"]["FrontGroups"] == json::parse(R"({
        "Value": {"Fn::Join": [",", {"Fn::GetAtt": ["Balancer", "SecurityGroups"]}]},
        "Export": {"Name": "web-Groups"}})"));
    CHECK(test::template_of(app)["Outputs"]["FirstGroup"]["Value"] ==
          json::parse(R"({"Fn::Select": [0, {"Fn::Split": [",", {"Fn::ImportValue": "web-Groups"}]}]})"));
    CHECK(cfn::check(web).empty());
}

TEST_CASE("check_exports: an import nobody exports any more, and an export name used twice") {
    cfn::stack network, app, other;
    auto vpc = network.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto vpc_id = cfn::export_value(network, "VpcId", "network-VpcId", vpc.ref());
    app.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc_id.import()}});
    CHECK(cfn::check_exports({&network, &app}).empty());

    // The export renamed in the network stack while app still imports the old name (by string).
    app.add(ec2::subnet{"Old", {.cidr_block = "10.0.1.0/24", .vpc_id = cfn::import_value("network-Vpc")}});
    auto found = cfn::check_exports({&network, &app});
    REQUIRE(found.size() == 1);
    CHECK(found[0].to_string().rfind("warning: stack 1: Resources.Old.Properties.VpcId: Fn::ImportValue of "
                                     "'network-Vpc', which no stack of this program exports", 0) == 0);

    cfn::export_value(other, "Again", "network-VpcId", cfn::aws::region);
    found = cfn::check_exports({&network, &other});
    REQUIRE(found.size() == 1);
    CHECK(found[0].to_string() == "error: stack 1: Outputs.Again.Export.Name: export name 'network-VpcId' is "
                                  "already exported by stack 0 (Outputs.VpcId.Export.Name): names are unique in a region");
}
