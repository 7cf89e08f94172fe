// The facts `stack::add` records for each entry (cfn/facts.hpp): what it refers to, typed, with its
// template path, in the order the entry is written. The checks read these, so do later passes.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>

namespace ec2 = cfn::aws::ec2;
using kind = cfn::fact::kind;

namespace {

/// A fact as one line, to compare whole lists: "get_att Vpc.CidrBlock @ Resources.Subnet...".
std::string line(const cfn::fact& f) {
    static const char* const names[] = {"ref",         "get_att",    "sub_name",      "sub_get_att",
                                        "depends_on",  "condition",  "find_in_map",   "value_of",
                                        "sub_syntax",  "unset_element", "unset_member"};
    std::string text = names[static_cast<int>(f.what)];
    if (!f.name.empty()) text += " " + std::string(f.name);
    if (!f.attribute.empty()) text += "." + std::string(f.attribute);
    return text + " @ " + std::string(f.path);
}

std::vector<std::string> lines(const cfn::stack::entry& e) {
    std::vector<std::string> out;
    for (const auto& f : e.facts) out.push_back(line(f));
    return out;
}

}  // namespace

TEST_CASE("a resource's facts: its options, then its properties, in the order they are written") {
    cfn::stack s;
    auto env = s.add(cfn::parameter<cfn::str>{"Env"});
    auto prod = s.add(cfn::condition{"Prod", cfn::equals(env.ref(), "prod")});
    auto zones = s.add(cfn::mapping<>{"Zones", {{"prod", {{"Zone", "eu-west-1a"}}}}});
    auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto other = s.add(ec2::vpc{"Other", {.cidr_block = "10.1.0.0/16"}});
    s.add(ec2::subnet{"Subnet",
                      {.availability_zone = cfn::find_in_map(zones, env.ref(), "Zone"),
                       .cidr_block = cfn::if_(prod, cfn::sub("${Vpc.CidrBlock}-${AWS::Region}-${!Literal}"),
                                              cfn::sub("${Net}-${Env}", {{"Net", vpc.attr_cidr_block()}})),
                       .vpc_id = vpc.ref()},
                      {.depends_on = {vpc, other}, .condition = prod}});

    const cfn::stack::entry& subnet = s.resources().back();
    CHECK(lines(subnet) == std::vector<std::string>{
                               "condition Prod @ Resources.Subnet.Condition",
                               "depends_on Vpc @ Resources.Subnet.DependsOn[0]",
                               "depends_on Other @ Resources.Subnet.DependsOn[1]",
                               "find_in_map Zones @ Resources.Subnet.Properties.AvailabilityZone.Fn::FindInMap[0]",
                               "ref Env @ Resources.Subnet.Properties.AvailabilityZone.Fn::FindInMap[1].Ref",
                               "condition Prod @ Resources.Subnet.Properties.CidrBlock.Fn::If[0]",
                               "sub_get_att Vpc.CidrBlock @ Resources.Subnet.Properties.CidrBlock.Fn::If[1].Fn::Sub",
                               "sub_name AWS::Region @ Resources.Subnet.Properties.CidrBlock.Fn::If[1].Fn::Sub",
                               // ${Net} is a variable: no fact; its value is walked.
                               "sub_name Env @ Resources.Subnet.Properties.CidrBlock.Fn::If[2].Fn::Sub[0]",
                               "get_att Vpc.CidrBlock @ Resources.Subnet.Properties.CidrBlock.Fn::If[2].Fn::Sub[1].Net.Fn::GetAtt",
                               "ref Vpc @ Resources.Subnet.Properties.VpcId.Ref",
                           });
    // Names made by this stack's handles carry its identity; names read from text carry none.
    for (const auto& f : subnet.facts) {
        INFO(line(f));
        bool from_text = f.what == kind::sub_name || f.what == kind::sub_get_att;
        CHECK(f.origin == (from_text ? nullptr : s.identity()));
    }
    // Facts point into the arena: the entry's paths are interned, shared by facts at one place.
    CHECK(subnet.facts[6].path.data() == subnet.facts[7].path.data());

    CHECK(lines(s.conditions().front()) == std::vector<std::string>{"ref Env @ Conditions.Prod.Fn::Equals[0].Ref"});
    CHECK(s.parameters().front().facts.empty());  // a parameter refers to nothing
    CHECK(s.resources().front().facts.empty());   // the Vpc: literals only
}

TEST_CASE("a key named Condition or DependsOn inside properties is data, not a resource attribute") {
    cfn::stack s;
    auto env = s.add(cfn::parameter<cfn::str>{"Env"});
    auto prod = s.add(cfn::condition{"Prod", cfn::equals(env.ref(), "prod")});
    // An IAM policy's statements have a Condition key; raw JSON may have anything.
    s.add(cfn::raw_resource{"Policy", "Custom::Policy",
                            {{"Condition", cfn::json_value{{"StringEquals", "x"}}}, {"DependsOn", "Nothing"}},
                            {.condition = prod}});
    s.add(cfn::output{"Env", env.ref(), {.condition = prod}});

    CHECK(lines(s.resources().front()) == std::vector<std::string>{"condition Prod @ Resources.Policy.Condition"});
    CHECK(lines(s.outputs().front()) ==
          std::vector<std::string>{"condition Prod @ Outputs.Env.Condition", "ref Env @ Outputs.Env.Value.Ref"});
}

TEST_CASE("defects found by the same pass: a malformed Fn::Sub, values never set") {
    cfn::stack s;
    s.add(ec2::subnet{"Subnet", {.cidr_block = cfn::sub(std::string("${Vpc")), .vpc_id = "vpc-1"}});
    s.add(ec2::subnet{"Joined", {.cidr_block = cfn::join(",", {"a", cfn::value<cfn::str>{}}), .vpc_id = "vpc-1"}});

    CHECK(lines(s.resources()[0]) ==
          std::vector<std::string>{"sub_syntax @ Resources.Subnet.Properties.CidrBlock.Fn::Sub"});
    CHECK(lines(s.resources()[1]) ==
          std::vector<std::string>{"unset_element @ Resources.Joined.Properties.CidrBlock.Fn::Join[1][1]"});
}

TEST_CASE("a rule's Fn::ValueOf and a scope's prefix") {
    cfn::stack s;
    auto subnet_id = s.add(cfn::parameter<cfn::str>{"SubnetId"});
    s.add(cfn::rule{.id = "SubnetInVpc",
                    .assertions = {{cfn::rules::each_member_equals({cfn::rules::value_of(subnet_id, "VpcId")}, "vpc-1"),
                                    "the subnet is in vpc-1"}}});
    cfn::scope blue{cfn::scope{s}, "Blue"};
    auto vpc = blue.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    blue.add(ec2::subnet{"Subnet", {.vpc_id = vpc.ref()}});

    CHECK(lines(s.rules().front()) ==
          std::vector<std::string>{
              "value_of SubnetId @ Rules.SubnetInVpc.Assertions[0].Assert.Fn::EachMemberEquals[0][0].Fn::ValueOf[0]"});
    CHECK(lines(s.resources().back()) == std::vector<std::string>{"ref BlueVpc @ Resources.BlueSubnet.Properties.VpcId.Ref"});
}
