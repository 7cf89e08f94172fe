// The template model: sections, their order, and what each entry holds.
#include <catch2/catch.hpp>

#include <string>

#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

#include "support.hpp"

namespace ec2 = cfn::aws::ec2;
using json = nlohmann::ordered_json;

TEST_CASE("sections come in the conventional order, entries in insertion order") {
    cfn::stack s{"ordering"};
    // Added in an unconventional order on purpose.
    auto env = s.add(cfn::parameter<cfn::str>{"Env", {.default_value = "dev", .allowed_values = {"dev", "prod"}}});
    auto prod = s.add(cfn::condition{"IsProd", cfn::equals(env.ref(), "prod")});
    auto zones = s.add(cfn::mapping<>{"Zones", {{"dev", {{"Cidr", "10.0.0.0/20"}}}, {"prod", {{"Cidr", "10.1.0.0/20"}}}}});
    s.add(cfn::rule{.id = "ProdOnlyInEu",
                    .assertions = {{cfn::rules::contains({"eu-west-1", "eu-central-1"}, cfn::aws::region), "EU only"}}});
    s.set_metadata(cfn::json_value{{"Owner", "team"}});
    s.add_transform("AWS::LanguageExtensions");
    s.add(ec2::subnet{"Zulu", {.cidr_block = cfn::find_in_map(zones, env.ref(), "Cidr"), .vpc_id = "vpc-1"}});
    s.add(ec2::subnet{"Alpha", {.cidr_block = "10.2.0.0/20", .vpc_id = "vpc-1"}, {.condition = prod}});
    s.output("Second", "b");
    s.output("First", "a");

    json t = test::template_of(s);
    std::vector<std::string> keys;
    for (auto& [k, v] : t.items()) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"AWSTemplateFormatVersion", "Description", "Metadata", "Parameters",
                                            "Mappings", "Conditions", "Rules", "Transform", "Resources", "Outputs"});
    CHECK(t["AWSTemplateFormatVersion"] == "2010-09-09");
    std::vector<std::string> resources;
    for (auto& [k, v] : t["Resources"].items()) resources.push_back(k);
    CHECK(resources == std::vector<std::string>{"Zulu", "Alpha"});
    std::vector<std::string> outputs;
    for (auto& [k, v] : t["Outputs"].items()) outputs.push_back(k);
    CHECK(outputs == std::vector<std::string>{"Second", "First"});
    CHECK(t["Resources"]["Alpha"]["Condition"] == "IsProd");
    CHECK(t["Resources"]["Zulu"]["Properties"]["CidrBlock"] == json::parse(R"({"Fn::FindInMap": ["Zones", {"Ref": "Env"}, "Cidr"]})"));
    CHECK(t["Transform"] == "AWS::LanguageExtensions");
    CHECK(t["Rules"]["ProdOnlyInEu"]["Assertions"][0]["AssertDescription"] == "EU only");
    CHECK(test::messages(s).empty());
}

TEST_CASE("parameters carry every constraint") {
    cfn::stack s;
    auto p = s.add(cfn::parameter<cfn::str>{"Name", {.description = "a name",
                                                    .default_value = "web",
                                                    .allowed_values = {"web", "db"},
                                                    .allowed_pattern = "[a-z]+",
                                                    .min_length = 2,
                                                    .max_length = 10,
                                                    .no_echo = true,
                                                    .constraint_description = "lower case"}});
    auto n = s.add(cfn::parameter<cfn::number>{"Count", {.default_value = 3, .min_value = 1, .max_value = 5}});
    auto subnets = s.add(cfn::parameter<cfn::list<cfn::aws_ec2_subnet_id>>{"Subnets"});
    auto image = s.add(cfn::parameter<cfn::ssm_value<cfn::aws_ec2_image_id>>{
        "Image", {.default_value = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"}});
    s.add(cfn::raw_resource{"Thing", "Custom::Thing", {{"ServiceToken", "arn:aws:lambda:eu-west-1:123456789012:function:f"},
                                                     {"Name", p.ref()}, {"Count", n.ref()},
                                                     {"Subnets", subnets.ref()}, {"Image", image.ref()}}});
    json t = test::template_of(s);
    CHECK(t["Parameters"]["Name"] == json::parse(R"({"Type": "String", "Description": "a name", "Default": "web",
        "AllowedValues": ["web", "db"], "AllowedPattern": "[a-z]+", "MinLength": 2, "MaxLength": 10,
        "NoEcho": true, "ConstraintDescription": "lower case"})"));
    CHECK(t["Parameters"]["Count"] == json::parse(R"({"Type": "Number", "Default": 3, "MinValue": 1, "MaxValue": 5})"));
    CHECK(t["Parameters"]["Subnets"]["Type"] == "List<AWS::EC2::Subnet::Id>");
    CHECK(t["Parameters"]["Image"]["Type"] == "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>");
    CHECK(test::messages(s).empty());
}

TEST_CASE("resource attributes: DependsOn, Condition, policies, metadata") {
    cfn::stack s;
    auto flag = s.add(cfn::parameter<cfn::str>{"Flag", {.default_value = "on"}});
    auto on = s.add(cfn::condition{"On", cfn::equals(flag.ref(), "on")});
    auto first = s.add(ec2::subnet{"First", {.vpc_id = "vpc-1"}});
    auto custom = s.add(cfn::raw_resource{"Custom", "Custom::Thing", {{"ServiceToken", "arn:aws:lambda:eu-west-1:123456789012:function:f"}}});
    s.add(ec2::subnet{"Second", {.vpc_id = "vpc-1"},
                      {.depends_on = {first, custom},
                       .condition = on,
                       .deletion_policy = cfn::deletion::retain,
                       .update_replace_policy = cfn::deletion::snapshot,
                       .creation_policy = {.resource_signal = {.count = 1, .timeout = "PT5M"}},
                       .update_policy = {.auto_scaling_replacing_update = {.will_replace = true},
                                         .auto_scaling_rolling_update = {.max_batch_size = 1,
                                                                         .min_instances_in_service = 1,
                                                                         .pause_time = "PT5M",
                                                                         .wait_on_resource_signals = true}},
                       .metadata = cfn::json_value{{"AWS::CloudFormation::Init", {{"config", {{"commands", cfn::json_value::object({})}}}}}}}});
    json second = test::template_of(s)["Resources"]["Second"];
    CHECK(second == json::parse(R"({
        "Type": "AWS::EC2::Subnet",
        "Condition": "On",
        "DependsOn": ["First", "Custom"],
        "Metadata": {"AWS::CloudFormation::Init": {"config": {"commands": {}}}},
        "Properties": {"VpcId": "vpc-1"},
        "CreationPolicy": {"ResourceSignal": {"Count": 1, "Timeout": "PT5M"}},
        "UpdatePolicy": {"AutoScalingReplacingUpdate": {"WillReplace": true},
                         "AutoScalingRollingUpdate": {"MaxBatchSize": 1, "MinInstancesInService": 1,
                                                      "PauseTime": "PT5M", "WaitOnResourceSignals": true}},
        "DeletionPolicy": "Retain",
        "UpdateReplacePolicy": "Snapshot"})"));
}

TEST_CASE("the legacy Version attribute of a custom resource, which CloudFormation accepts") {
    cfn::stack s;
    s.add(cfn::raw_resource{"Custom", "Custom::Thing", {{"ServiceToken", "arn:aws:lambda:eu-west-1:123456789012:function:f"}},
                            {.version = "1.0"}});
    json custom = test::template_of(s)["Resources"]["Custom"];
    CHECK(custom == json::parse(R"({"Type": "Custom::Thing",
        "Properties": {"ServiceToken": "arn:aws:lambda:eu-west-1:123456789012:function:f"}, "Version": "1.0"})"));
}

TEST_CASE("DependsOn of one resource keeps CloudFormation's string form, and is checked") {
    cfn::stack s;
    auto first = s.add(ec2::subnet{"First", {.cidr_block = "10.0.10.0/24", .vpc_id = "vpc-1"}});
    auto custom = s.add(cfn::raw_resource{"Custom", "Custom::Thing", {{"ServiceToken", "arn:aws:lambda:eu-west-1:123456789012:function:f"}}});
    s.add(ec2::subnet{"Second", {.cidr_block = "10.0.11.0/24", .vpc_id = "vpc-1"}, {.depends_on = first}});
    s.add(ec2::subnet{"Third", {.cidr_block = "10.0.12.0/24", .vpc_id = "vpc-1"}, {.depends_on = custom}});
    s.add(ec2::subnet{"Fourth", {.cidr_block = "10.0.13.0/24", .vpc_id = "vpc-1"}, {.depends_on = {first}}});
    json t = test::template_of(s);
    CHECK(t["Resources"]["Second"]["DependsOn"] == "First");
    CHECK(t["Resources"]["Third"]["DependsOn"] == "Custom");
    CHECK(t["Resources"]["Fourth"]["DependsOn"] == json::array({"First"}));

    cfn::stack other;
    auto foreign = other.add(ec2::subnet{"Foreign", {.vpc_id = "vpc-1"}});
    cfn::stack u;
    u.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.1.0/24", .vpc_id = "vpc-1"}, {.depends_on = foreign}});
    auto messages = test::messages(u);
    REQUIRE(messages.size() == 1);
    CHECK(messages[0] == "error: Resources.Subnet.DependsOn: DependsOn resource 'Foreign' belongs to another stack");
}

TEST_CASE("outputs: value, description, export, condition") {
    cfn::stack s;
    auto flag = s.add(cfn::parameter<cfn::str>{"Flag", {.default_value = "on"}});
    auto on = s.add(cfn::condition{"On", cfn::equals(flag.ref(), "on")});
    auto subnet = s.add(ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}});
    s.add(cfn::output{"SubnetId", subnet.ref(), {.description = "the subnet",
                                                 .export_name = cfn::sub("${AWS::StackName}-SubnetId"),
                                                 .condition = on}});
    s.output("Zones", cfn::join(",", subnet.attr_ipv6_cidr_blocks()));  // a list must be joined
    json t = test::template_of(s);
    CHECK(t["Outputs"]["SubnetId"] == json::parse(R"({"Description": "the subnet", "Condition": "On",
        "Value": {"Ref": "Subnet"}, "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-SubnetId"}}})"));
    CHECK(t["Outputs"]["Zones"]["Value"] == json::parse(R"({"Fn::Join": [",", {"Fn::GetAtt": ["Subnet", "Ipv6CidrBlocks"]}]})"));
}

TEST_CASE("typed structs: nested property types, lists of structs, tags") {
    cfn::stack s;
    s.add(ec2::subnet{"Subnet", {.private_dns_name_options_on_launch = {.hostname_type = "resource-name"},
                                 .tags = {{.key = "Name", .value = "a"}, {.key = "Env", .value = cfn::aws::stack_name}},
                                 .vpc_id = "vpc-1"}});
    json p = test::template_of(s)["Resources"]["Subnet"]["Properties"];
    CHECK(p == json::parse(R"({"PrivateDnsNameOptionsOnLaunch": {"HostnameType": "resource-name"},
        "Tags": [{"Key": "Name", "Value": "a"}, {"Key": "Env", "Value": {"Ref": "AWS::StackName"}}],
        "VpcId": "vpc-1"})"));
}

TEST_CASE("the escape hatch: raw properties and raw resources, visibly") {
    cfn::stack s;
    auto raw = s.add(cfn::raw_resource{"Future", "AWS::Future::Thing", {{"Size", 3}}});
    s.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.14.0/24", .vpc_id = cfn::as<cfn::str>(raw.get_att("VpcId"))},
                      {.raw_properties = {{"BrandNewProperty", true}}}});
    json t = test::template_of(s);
    CHECK(t["Resources"]["Future"] == json::parse(R"({"Type": "AWS::Future::Thing", "Properties": {"Size": 3}})"));
    CHECK(t["Resources"]["Subnet"]["Properties"] ==
          json::parse(R"({"CidrBlock": "10.0.14.0/24", "VpcId": {"Fn::GetAtt": ["Future", "VpcId"]},
                          "BrandNewProperty": true})"));
    CHECK(test::messages(s).empty());
}

TEST_CASE("a logical ID built at run time is copied") {
    cfn::stack s;
    cfn::aws::ec2::subnet::handle h = [&] {
        std::string name = "Subnet" + std::to_string(7);
        return s.add(ec2::subnet{name, {.vpc_id = "vpc-1"}});
    }();
    CHECK(h.logical_id() == "Subnet7");
    CHECK(test::template_of(s)["Resources"].contains("Subnet7"));
}
