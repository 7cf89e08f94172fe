// Nested stacks: the wiring of references across their boundaries in both directions, lists,
// deeper nesting, siblings, name collisions, DependsOn, and CloudFormation's limits per template.
#include <catch2/catch.hpp>

#include <cstdio>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <cfn/cfn.hpp>
#include <cfn/nested_parts.hpp>
#include <cfn/nested_stack.hpp>
#include <cfn/aws/ec2/route_table.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>
#include <cfn/aws/elasticloadbalancingv2/load_balancer.hpp>

#include "support.hpp"

namespace ec2 = cfn::aws::ec2;
namespace elbv2 = cfn::aws::elasticloadbalancingv2;
using json = nlohmann::ordered_json;

namespace {

/// Every template of `top`, wired, by file name.
std::vector<std::pair<std::string, json>> templates_of(const cfn::stack& top) {
    std::vector<std::pair<std::string, json>> out;
    for (const auto& t : cfn::nested_templates(top)) out.emplace_back(t.file, test::template_of(t.stack));
    return out;
}

/// The errors and warnings of every template, "file: message".
std::vector<std::string> findings(const cfn::stack& top) {
    std::vector<std::string> out;
    for (const auto& t : cfn::nested_templates(top))
        for (const auto& d : cfn::check(t.stack)) out.push_back(t.file + ": " + d.to_string());
    return out;
}

/// The errors only (a nested template above 51,200 bytes is a warning for the top template only:
/// nested templates are always uploaded to S3).
std::vector<std::string> errors(const cfn::stack& top) {
    std::vector<std::string> out;
    for (const auto& f : findings(top))
        if (f.find(": error: ") != std::string::npos) out.push_back(f);
    return out;
}

}  // namespace

TEST_CASE("a parent's resource used in a nested stack becomes a parameter passed by Ref") {
    cfn::stack s;
    auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto& app = cfn::nest(s, "App");
    app.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc.ref()}});
    app.add(ec2::route_table{"Routes", {.vpc_id = vpc.ref()}});  // the same Ref: the same parameter

    auto t = templates_of(s);
    REQUIRE(t.size() == 2);
    CHECK(t[0].first == "template.json");
    CHECK(t[1].first == "template.App.json");
    CHECK(t[0].second["Resources"]["App"] == json::parse(R"({
        "Type": "AWS::CloudFormation::Stack",
        "Properties": {"TemplateURL": "template.App.json", "Parameters": {"Vpc": {"Ref": "Vpc"}}}})"));
    CHECK(t[1].second["Parameters"] == json::parse(R"({"Vpc": {"Type": "String"}})"));
    CHECK(t[1].second["Resources"]["Subnet"]["Properties"]["VpcId"] == json::parse(R"({"Ref": "Vpc"})"));
    CHECK(t[1].second["Resources"]["Routes"]["Properties"]["VpcId"] == json::parse(R"({"Ref": "Vpc"})"));
    CHECK(findings(s).empty());
}

TEST_CASE("a nested resource's attribute used in the parent becomes an output read with Fn::GetAtt") {
    cfn::stack s;
    auto& network = cfn::nest(s, "Network");
    auto vpc = network.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    s.add(ec2::subnet{"Subnet", {.cidr_block = vpc.attr_cidr_block(), .vpc_id = vpc.ref()}});

    auto t = templates_of(s);
    REQUIRE(t.size() == 2);
    CHECK(t[0].second["Resources"]["Subnet"]["Properties"] == json::parse(R"({
        "CidrBlock": {"Fn::GetAtt": ["Network", "Outputs.VpcCidrBlock"]},
        "VpcId": {"Fn::GetAtt": ["Network", "Outputs.Vpc"]}})"));
    CHECK(t[1].second["Outputs"] == json::parse(R"({
        "VpcCidrBlock": {"Value": {"Fn::GetAtt": ["Vpc", "CidrBlock"]}},
        "Vpc": {"Value": {"Ref": "Vpc"}}})"));
    CHECK(t[0].second["Resources"]["Network"]["Properties"] == json::parse(R"({"TemplateURL": "template.Network.json"})"));
    CHECK(findings(s).empty());
}

TEST_CASE("lists cross joined and arrive as lists: a list parameter, a list attribute") {
    cfn::stack s;
    auto subnets = s.add(cfn::parameter<cfn::list<cfn::aws_ec2_subnet_id>>{"Subnets"});
    auto& web = cfn::nest(s, "Web");
    auto balancer = web.add(elbv2::load_balancer{"Balancer", {.subnets = subnets.ref()}});
    s.output("BalancerGroup", cfn::select(0, balancer.attr_security_groups()));

    auto t = templates_of(s);
    REQUIRE(t.size() == 2);
    // Into the nested stack: a parameter of the same type, given the list joined.
    CHECK(t[1].second["Parameters"]["Subnets"] == json::parse(R"({"Type": "List<AWS::EC2::Subnet::Id>"})"));
    CHECK(t[0].second["Resources"]["Web"]["Properties"]["Parameters"]["Subnets"] ==
          json::parse(R"({"Fn::Join": [",", {"Ref": "Subnets"}]})"));
    CHECK(t[1].second["Resources"]["Balancer"]["Properties"]["Subnets"] == json::parse(R"({"Ref": "Subnets"})"));
    // Out of it: the output joins, the parent splits.
    CHECK(t[1].second["Outputs"]["BalancerSecurityGroups"]["Value"] ==
          json::parse(R"({"Fn::Join": [",", {"Fn::GetAtt": ["Balancer", "SecurityGroups"]}]})"));
    CHECK(t[0].second["Outputs"]["BalancerGroup"]["Value"] == json::parse(R"({"Fn::Select": [0,
        {"Fn::Split": [",", {"Fn::GetAtt": ["Web", "Outputs.BalancerSecurityGroups"]}]}]})"));
    CHECK(findings(s).empty());
}

TEST_CASE("references cross several levels, down and up, and between siblings") {
    cfn::stack s;
    auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto& app = cfn::nest(s, "App");
    auto& db = cfn::nest(app, "Db");
    auto subnet = db.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc.ref()}});
    s.output("DbSubnet", subnet.ref());
    auto& web = cfn::nest(s, "Web");
    web.add(ec2::route_table{"Routes", {.tags = {{.key = "Subnet", .value = subnet.ref()}}, .vpc_id = vpc.ref()}});

    auto t = templates_of(s);
    REQUIRE(t.size() == 4);
    CHECK(t[0].first == "template.json");
    CHECK(t[1].first == "template.App.json");
    CHECK(t[2].first == "template.App.Db.json");
    CHECK(t[3].first == "template.Web.json");
    const json& top = t[0].second;
    const json& middle = t[1].second;
    const json& bottom = t[2].second;
    const json& sibling = t[3].second;
    // Down: the VPC is a parameter of App, passed on to Db.
    CHECK(top["Resources"]["App"]["Properties"]["Parameters"]["Vpc"] == json::parse(R"({"Ref": "Vpc"})"));
    CHECK(middle["Resources"]["Db"]["Properties"] == json::parse(R"({"TemplateURL": "template.App.Db.json",
        "Parameters": {"Vpc": {"Ref": "Vpc"}}})"));
    CHECK(bottom["Resources"]["Subnet"]["Properties"]["VpcId"] == json::parse(R"({"Ref": "Vpc"})"));
    // Up: the subnet is an output of Db, then of App.
    CHECK(bottom["Outputs"]["Subnet"]["Value"] == json::parse(R"({"Ref": "Subnet"})"));
    CHECK(middle["Outputs"]["Subnet"]["Value"] == json::parse(R"({"Fn::GetAtt": ["Db", "Outputs.Subnet"]})"));
    CHECK(top["Outputs"]["DbSubnet"]["Value"] == json::parse(R"({"Fn::GetAtt": ["App", "Outputs.Subnet"]})"));
    // Across: up to the common parent, then down into the sibling.
    CHECK(top["Resources"]["Web"]["Properties"]["Parameters"] == json::parse(R"({
        "Subnet": {"Fn::GetAtt": ["App", "Outputs.Subnet"]}, "Vpc": {"Ref": "Vpc"}})"));
    CHECK(sibling["Resources"]["Routes"]["Properties"]["Tags"][0]["Value"] == json::parse(R"({"Ref": "Subnet"})"));
    CHECK(middle["Outputs"].size() == 1);  // one output for two users
    CHECK(findings(s).empty());
}

TEST_CASE("generated names never collide with what the template already has") {
    cfn::stack s;
    auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto& app = cfn::nest(s, "App");
    auto own = app.add(ec2::vpc{"Vpc", {.cidr_block = "10.1.0.0/16"}});  // the nested stack's own "Vpc"
    app.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc.ref()}});
    app.output("Vpc", own.ref());
    s.output("Own", own.ref());

    auto t = templates_of(s);
    CHECK(t[1].second["Parameters"] == json::parse(R"({"Vpc2": {"Type": "String"}})"));
    CHECK(t[1].second["Resources"]["Subnet"]["Properties"]["VpcId"] == json::parse(R"({"Ref": "Vpc2"})"));
    CHECK(t[0].second["Resources"]["App"]["Properties"]["Parameters"] == json::parse(R"({"Vpc2": {"Ref": "Vpc"}})"));
    CHECK(t[1].second["Outputs"]["Vpc2"]["Value"] == json::parse(R"({"Ref": "Vpc"})"));
    CHECK(t[0].second["Outputs"]["Own"]["Value"] == json::parse(R"({"Fn::GetAtt": ["App", "Outputs.Vpc2"]})"));
    CHECK(findings(s).empty());
}

TEST_CASE("a nested stack in a scope, and DependsOn a nested resource") {
    cfn::stack s;
    cfn::scope blue{s, "Blue"};
    auto& network = cfn::nest(blue, "Network");
    auto vpc = network.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    s.add(ec2::route_table{"Routes", {.vpc_id = "vpc-123"}, {.depends_on = vpc}});

    auto t = templates_of(s);
    CHECK(network.resource_id() == "BlueNetwork");
    CHECK(t[1].first == "template.BlueNetwork.json");
    CHECK(t[0].second["Resources"]["Routes"]["DependsOn"] == "BlueNetwork");
    CHECK(findings(s).empty());
}

TEST_CASE("what cannot cross is reported: a parent's condition inside a nested stack") {
    cfn::stack s;
    auto env = s.add(cfn::parameter<cfn::str>{"Env"});
    auto production = s.add(cfn::condition{"Production", cfn::equals(env.ref(), "prod")});
    auto& app = cfn::nest(s, "App");
    app.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}, {.condition = production}});

    bool reported = false;
    for (const auto& f : findings(s))
        reported = reported || (f.rfind("template.App.json: error: Resources.Vpc.Condition", 0) == 0);
    CHECK(reported);
}

TEST_CASE("CloudFormation's limits hold per template: 900 resources split in two") {
    auto fill = [](cfn::stack& part, const std::string& name, int count, const ec2::vpc::handle& vpc) {
        for (int i = 0; i < count; ++i)
            part.add(ec2::route_table{name + std::to_string(i), {.vpc_id = vpc.ref()}});
    };
    cfn::stack whole;
    auto vpc = whole.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    fill(whole, "Routes", 900, vpc);
    CHECK_THAT(test::first_error(whole), Catch::Matchers::Contains("500"));

    cfn::stack split;
    auto vpc2 = split.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto& a = cfn::nest(split, "A");
    auto& b = cfn::nest(split, "B");
    fill(a, "Routes", 450, vpc2);
    fill(b, "Routes", 450, vpc2);
    CHECK(errors(split) == std::vector<std::string>{});

    auto& c = cfn::nest(split, "C");
    fill(c, "Routes", 501, vpc2);
    auto found = errors(split);
    REQUIRE(found.size() == 1);
    CHECK_THAT(found[0], Catch::Matchers::StartsWith("template.C.json: error: Resources:"));
}

TEST_CASE("cfn::run writes one file per template into the -o directory, and only -o") {
    cfn::stack s;
    auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto& app = cfn::nest(s, "App");
    app.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc.ref()}});

    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("cfnpp-nested-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    std::string dir_text = dir.string();
    char name[] = "stack", o[] = "-o", yaml[] = "--format", yaml_value[] = "yaml";
    std::vector<char*> argv = {name, o, dir_text.data()};
    CHECK(cfn::run(s, 3, argv.data()) == 0);
    auto read = [](const fs::path& p) {
        std::ifstream in(p);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    };
    CHECK(read(dir / "template.json") == cfn::emit(cfn::nested_templates(s)[0].stack));
    CHECK(read(dir / "template.App.json") == cfn::emit(cfn::nested_templates(s)[1].stack));
    argv = {name, yaml, yaml_value, o, dir_text.data()};
    CHECK(cfn::run(s, 5, argv.data()) == 0);
    CHECK(read(dir / "template.yaml").find("TemplateURL: template.App.yaml") != std::string::npos);
    fs::remove_all(dir);

    argv = {name};
    CHECK(cfn::run(s, 1, argv.data()) == 2);  // standard output holds one template
    auto& db = cfn::nest(app, "Db");
    db.add(cfn::parameter<cfn::str>{"Password", {.no_echo = true}});  // nobody could give it a value
    argv = {name, o, dir_text.data()};
    CHECK(cfn::run(s, 3, argv.data()) == 1);
    CHECK_FALSE(fs::exists(dir));
    char deploy[] = "deploy", stack_name[] = "--stack-name", stack_value[] = "app", yes[] = "--yes";
    argv = {name, deploy, stack_name, stack_value, yes};
    CHECK(cfn::run(s, 5, argv.data()) == 2);  // nested templates are read from S3: --s3-bucket is required
}

TEST_CASE("a module can make a nested stack and return: the parent owns it") {
    cfn::stack s;
    auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto add_part = [&](cfn::scope parent) {
        auto& part = cfn::nest(parent, "Part");
        return part.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc.ref()}});
    };
    auto subnet = add_part(s);
    s.output("Subnet", subnet.ref());
    cfn::stack copy = s;  // copies share the nested stacks
    REQUIRE(copy.nested_stacks().size() == 1);
    CHECK(copy.nested_stacks()[0]->resource_id() == "Part");
    CHECK(test::template_of(cfn::nested_templates(copy)[0].stack)["Outputs"]["Subnet"]["Value"] ==
          json::parse(R"({"Fn::GetAtt": ["Part", "Outputs.Subnet"]})"));
    CHECK(findings(s).empty());
}

TEST_CASE("nested_parts: modules fill nested stacks up to the limit, each decision explained") {
    cfn::stack s;
    auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto module = [&](const cfn::scope& where, int count) {  // a module of `count` route tables
        for (int i = 0; i < count; ++i) where.add(ec2::route_table{cfn::logical_id("Routes" + std::to_string(i)), {.vpc_id = vpc.ref()}});
    };
    cfn::nested_parts parts{s, {.limit = 100}};
    for (int m = 0; m < 5; ++m) {
        std::string name = "Service" + std::to_string(m);
        module(cfn::scope{parts.next(name, 40), cfn::logical_id(name)}, 40);
    }
    REQUIRE(parts.parts().size() == 3);
    CHECK(parts.decisions() == std::vector<std::string>{
        "Service0 (40 resources) opens Part0",
        "Service1 (40 resources) in Part0: 80 of 100",
        "Service2 (40 resources) opens Part1: Part0 holds 80, 120 would pass 100",
        "Service3 (40 resources) in Part1: 80 of 100",
        "Service4 (40 resources) opens Part2: Part1 holds 80, 120 would pass 100"});

    // An estimate too low: what the part really holds decides for the next module.
    module(cfn::scope{parts.next("Big", 10), "Big"}, 50);
    CHECK(parts.decisions().back() == "Big (10 resources) in Part2: 50 of 100");
    module(cfn::scope{parts.next("After", 20), "After"}, 5);
    CHECK(parts.decisions().back() == "After (20 resources) opens Part3: Part2 holds 90, 110 would pass 100");
    module(cfn::scope{parts.next("Huge", 600), "Huge"}, 1);  // estimated large: it says so
    CHECK(parts.decisions().back() ==
          "Huge (600 resources) opens Part4: Part3 holds 5, 605 would pass 100 (alone over the limit: split the module itself)");

    auto templates = cfn::nested_templates(s);
    REQUIRE(templates.size() == 6);
    for (const auto& t : templates) {
        CHECK(t.stack.resources().size() <= 100);
        CHECK(test::messages(t.stack).empty());
    }
}
