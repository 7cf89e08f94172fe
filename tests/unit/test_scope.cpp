// Scopes: the prefixes they give logical IDs, nesting, several instances of one module, handles
// across module boundaries, and the errors for collisions and invalid names.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>

#include "support.hpp"

namespace ec2 = cfn::aws::ec2;
using json = nlohmann::ordered_json;

namespace {

/// A module, as users write them: adds to a scope, returns typed handles.
struct network {
    ec2::vpc::handle vpc;
    std::vector<ec2::subnet::handle> subnets;
};

network make_network(cfn::scope scope, const char* cidr, int subnet_count) {
    network n{scope.add(ec2::vpc{"Vpc", {.cidr_block = cidr}}), {}};
    for (int i = 0; i < subnet_count; ++i)
        n.subnets.push_back(scope.add(ec2::subnet{"Subnet" + std::to_string(i + 1), {
            .cidr_block = cfn::select(i, cfn::cidr(n.vpc.attr_cidr_block(), subnet_count, 8)),
            .vpc_id = n.vpc.ref(),
        }}));
    return n;
}

std::vector<std::string> resource_ids(const json& t) {
    std::vector<std::string> ids;
    for (auto& [id, body] : t["Resources"].items()) ids.push_back(id);
    return ids;
}

}  // namespace

TEST_CASE("a scope prefixes the logical IDs of what is added through it") {
    cfn::stack s;
    cfn::scope blue{s, "Blue"};
    CHECK(blue.prefix() == "Blue");
    CHECK(blue.path() == "Blue");
    CHECK(&blue.stack() == &s);
    auto vpc = blue.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    CHECK(vpc.logical_id() == "BlueVpc");

    json t = test::template_of(s);
    CHECK(resource_ids(t) == std::vector<std::string>{"BlueVpc"});
    CHECK(test::messages(s).empty());
}

TEST_CASE("the stack itself is a scope without prefix") {
    cfn::stack s;
    network n = make_network(s, "10.0.0.0/16", 1);
    CHECK(n.vpc.logical_id() == "Vpc");
    CHECK(resource_ids(test::template_of(s)) == std::vector<std::string>{"Vpc", "Subnet1"});
    CHECK(s.resources()[0].scoped_name.empty());
}

TEST_CASE("a module instantiated twice in one stack, its handles used by the caller") {
    cfn::stack s;
    network blue = make_network({s, "Blue"}, "10.0.0.0/16", 2);
    network green = make_network({s, "Green"}, "10.1.0.0/16", 1);
    // Typed references across the module boundary: a security group of Blue's VPC, an instance in
    // Green's subnet that depends on Blue's second subnet.
    auto group = s.add(ec2::security_group{"Web", {.group_description = "web", .vpc_id = blue.vpc.ref()}});
    s.add(ec2::instance{"Server", {.security_group_ids = {group.ref()}, .subnet_id = green.subnets[0].ref()},
                        {.depends_on = {blue.subnets[1]}}});
    s.output("BlueCidr", blue.vpc.attr_cidr_block());

    json t = test::template_of(s);
    CHECK(resource_ids(t) == std::vector<std::string>{"BlueVpc", "BlueSubnet1", "BlueSubnet2", "GreenVpc",
                                                      "GreenSubnet1", "Web", "Server"});
    CHECK(t["Resources"]["BlueSubnet2"]["Properties"]["VpcId"] == json{{"Ref", "BlueVpc"}});
    CHECK(t["Resources"]["GreenSubnet1"]["Properties"]["CidrBlock"] ==
          json::parse(R"({"Fn::Select": [0, {"Fn::Cidr": [{"Fn::GetAtt": ["GreenVpc", "CidrBlock"]}, 1, 8]}]})"));
    CHECK(t["Resources"]["Web"]["Properties"]["VpcId"] == json{{"Ref", "BlueVpc"}});
    CHECK(t["Resources"]["Server"]["Properties"]["SubnetId"] == json{{"Ref", "GreenSubnet1"}});
    CHECK(t["Resources"]["Server"]["DependsOn"] == json::array({"BlueSubnet2"}));
    CHECK(t["Outputs"]["BlueCidr"]["Value"] == json::parse(R"({"Fn::GetAtt": ["BlueVpc", "CidrBlock"]})"));
    CHECK(test::messages(s).empty());
}

TEST_CASE("scopes nest: prefixes concatenate, paths keep the names apart") {
    cfn::stack s;
    cfn::scope prod{s, "Prod"};
    cfn::scope prod_network{prod, "Network"};
    CHECK(prod_network.prefix() == "ProdNetwork");
    CHECK(prod_network.path() == "Prod/Network");
    auto vpc = prod_network.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    CHECK(vpc.logical_id() == "ProdNetworkVpc");
    CHECK(s.resources().back().scoped_name == "Prod/Network/Vpc");

    // Names built at run time, as a loop over environments would.
    for (std::string env : {"Dev", "Test"}) {
        cfn::scope env_scope{s, env};
        make_network(cfn::scope{env_scope, std::string("Net")}, "10.2.0.0/16", 1);
    }
    CHECK(resource_ids(test::template_of(s)) == std::vector<std::string>{"ProdNetworkVpc", "DevNetVpc", "DevNetSubnet1",
                                                                         "TestNetVpc", "TestNetSubnet1"});
    CHECK(test::messages(s).empty());
}

TEST_CASE("every section's IDs get the prefix, export names do not") {
    cfn::stack s;
    cfn::scope app{s, "App"};
    auto env = app.add(cfn::parameter<cfn::str>{"Env", {.default_value = "dev"}});
    auto prod = app.add(cfn::condition{"IsProd", cfn::equals(env.ref(), "prod")});
    auto cidrs = app.add(cfn::mapping<>{"Cidrs", {{"dev", {{"Vpc", "10.0.0.0/16"}}}}});
    auto vpc = app.add(ec2::vpc{"Vpc", {.cidr_block = cfn::find_in_map(cidrs, env.ref(), "Vpc")}, {.condition = prod}});
    app.add(cfn::output{"VpcId", vpc.ref(), {.export_name = "shared-vpc", .condition = prod}});
    app.output("Environment", env.ref(), "the environment");

    json t = test::template_of(s);
    CHECK(t["Parameters"].contains("AppEnv"));
    CHECK(t["Conditions"]["AppIsProd"] == json::parse(R"({"Fn::Equals": [{"Ref": "AppEnv"}, "prod"]})"));
    CHECK(t["Mappings"].contains("AppCidrs"));
    CHECK(t["Resources"]["AppVpc"]["Condition"] == "AppIsProd");
    CHECK(t["Resources"]["AppVpc"]["Properties"]["CidrBlock"] ==
          json::parse(R"({"Fn::FindInMap": ["AppCidrs", {"Ref": "AppEnv"}, "Vpc"]})"));
    CHECK(t["Outputs"]["AppVpcId"]["Export"]["Name"] == "shared-vpc");
    CHECK(t["Outputs"]["AppEnvironment"]["Description"] == "the environment");
    CHECK(test::messages(s).empty());
}

TEST_CASE("a collision between scopes is an error naming both") {
    cfn::stack s;
    s.add(ec2::vpc{"ABC", {.cidr_block = "10.0.0.0/16"}});
    cfn::scope{s, "A"}.add(ec2::vpc{"BC", {.cidr_block = "10.1.0.0/16"}});
    cfn::scope{s, "AB"}.add(ec2::vpc{"C", {.cidr_block = "10.2.0.0/16"}});
    CHECK(test::messages(s) == std::vector<std::string>{
        "error: Resources.ABC: logical ID 'ABC' (A/BC) is already used in Resources by ABC",
        "error: Resources.ABC: logical ID 'ABC' (AB/C) is already used in Resources by ABC",
    });

    cfn::stack twice;
    make_network({twice, "Blue"}, "10.0.0.0/16", 1);
    make_network({twice, "Blue"}, "10.1.0.0/16", 1);
    CHECK(test::first_error(twice) ==
          "error: Resources.BlueVpc: logical ID 'BlueVpc' (Blue/Vpc) is already used in Resources by Blue/Vpc");

    cfn::stack across_sections;
    cfn::scope{across_sections, "Db"}.add(cfn::parameter<cfn::str>{"Name"});
    across_sections.add(ec2::vpc{"DbName", {.cidr_block = "10.0.0.0/16"}});
    CHECK(test::first_error(across_sections) ==
          "error: Resources.DbName: logical ID 'DbName' is already used in Parameters by Db/Name");
}

TEST_CASE("an invalid scope name makes every ID in the scope invalid, and says which scope") {
    cfn::stack s;
    cfn::scope bad{s, std::string("My-Net")};
    bad.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    CHECK(test::first_error(s) == "error: Resources.My-NetVpc: logical ID 'My-NetVpc' (My-Net/Vpc) must be 1 to 255 "
                                  "letters and digits (A-Za-z0-9)");
}
