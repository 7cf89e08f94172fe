// Each check run before writing: one clear line naming the logical ID and the path.
#include <catch2/catch.hpp>

#include <string>

#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

#include "support.hpp"

namespace ec2 = cfn::aws::ec2;
using Catch::Matchers::Contains;

TEST_CASE("logical IDs built at run time must be alphanumeric") {
    cfn::stack s;
    s.add(ec2::subnet{std::string("Subnet-1"), {.vpc_id = "vpc-1"}});
    CHECK(test::first_error(s) ==
          "error: Resources.Subnet-1: logical ID 'Subnet-1' must be 1 to 255 letters and digits (A-Za-z0-9)");
    cfn::stack long_id;
    long_id.add(ec2::subnet{std::string(256, 'A'), {.vpc_id = "vpc-1"}});
    CHECK_THAT(test::first_error(long_id), Contains("must be 1 to 255 letters and digits"));
}

TEST_CASE("logical IDs are unique across sections") {
    cfn::stack s;
    s.add(cfn::parameter<cfn::str>{"Name"});
    s.add(ec2::subnet{"Name", {.vpc_id = "vpc-1"}});
    CHECK(test::first_error(s) == "error: Resources.Name: logical ID 'Name' is already used in Parameters");
}

TEST_CASE("an output may share a resource's name, not another output's") {
    cfn::stack s;
    auto subnet = s.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.1.0/24", .vpc_id = "vpc-1"}});
    s.output("Subnet", subnet.ref());
    CHECK(test::first_error(s).empty());
    s.output("Subnet", subnet.ref());
    CHECK(test::first_error(s) == "error: Outputs.Subnet: logical ID 'Subnet' is already used in Outputs");
}

TEST_CASE("references to another stack's resources, parameters and conditions") {
    cfn::stack other;
    auto foreign = other.add(ec2::subnet{"Foreign", {.cidr_block = "10.0.2.0/24", .vpc_id = "vpc-1"}});
    auto foreign_parameter = other.add(cfn::parameter<cfn::str>{"Env"});
    auto foreign_condition = other.add(cfn::condition{"Prod", cfn::equals(foreign_parameter.ref(), "prod")});

    cfn::stack s;
    s.add(ec2::subnet{"Subnet",
                      {.availability_zone = foreign_parameter.ref(), .cidr_block = "10.0.7.0/24",
                       .vpc_id = foreign.attr_vpc_id()},
                      {.depends_on = {foreign}}});
    auto messages = test::messages(s);
    REQUIRE(messages.size() == 3);
    CHECK(messages[0] == "error: Resources.Subnet.DependsOn[0]: DependsOn resource 'Foreign' belongs to another stack");
    CHECK(messages[1] == "error: Resources.Subnet.Properties.AvailabilityZone.Ref: Ref to 'Env', which belongs to another stack");
    CHECK(messages[2] == "error: Resources.Subnet.Properties.VpcId.Fn::GetAtt: Fn::GetAtt of 'Foreign', which belongs to another stack");

    cfn::stack t;
    t.add(ec2::subnet{"Subnet", {.cidr_block = cfn::if_(foreign_condition, "a", "b"), .vpc_id = cfn::as<cfn::str>(foreign.ref())}});
    auto more = test::messages(t);
    REQUIRE(more.size() == 2);
    CHECK(more[0] == "error: Resources.Subnet.Properties.CidrBlock.Fn::If[0]: condition 'Prod' belongs to another stack");
    CHECK(more[1] == "error: Resources.Subnet.Properties.VpcId.Ref: Ref to 'Foreign', which belongs to another stack");
}

TEST_CASE("references by name that resolve to nothing") {
    cfn::stack s;
    s.add(ec2::subnet{"Subnet", {.availability_zone = cfn::sub("${Missing}-${AWS::Region}-${Subnet.Nope}"),
                                 .cidr_block = cfn::sub("${AWS::Nothing}"),
                                 .vpc_id = cfn::as<cfn::str>(cfn::import_value("x"))}});
    auto messages = test::messages(s);
    REQUIRE(messages.size() == 4);  // the last: ${Subnet.Nope} makes Subnet depend on itself
    CHECK(messages[3] == "error: Resources.Subnet: dependency cycle: Subnet -> Subnet");
    CHECK(messages[0] == "error: Resources.Subnet.Properties.AvailabilityZone.Fn::Sub: ${Missing} is not a parameter, "
                         "resource, pseudo parameter or variable");
    CHECK(messages[1] == "error: Resources.Subnet.Properties.AvailabilityZone.Fn::Sub: AWS::EC2::Subnet has no attribute 'Nope'");
    CHECK(messages[2] == "error: Resources.Subnet.Properties.CidrBlock.Fn::Sub: ${AWS::Nothing} is not a pseudo parameter");
}

TEST_CASE("Fn::Sub variables and ${!Literal} resolve") {
    cfn::stack s;
    s.add(ec2::subnet{"Subnet", {.availability_zone = cfn::sub("${Zone}${!NotAName}", {{"Zone", "a"}}),
                                 .cidr_block = cfn::sub("${Subnet.VpcId}"), .vpc_id = "vpc-1"}});
    // A Sub that refers to its own resource is a cycle of one.
    CHECK(test::first_error(s) == "error: Resources.Subnet: dependency cycle: Subnet -> Subnet");
}

TEST_CASE("a runtime Fn::Sub text with a broken placeholder") {
    cfn::stack s;
    std::string text = "${Oops";
    s.add(ec2::subnet{"Subnet", {.cidr_block = cfn::sub(text), .vpc_id = "vpc-1"}});
    CHECK(test::first_error(s) ==
          "error: Resources.Subnet.Properties.CidrBlock.Fn::Sub: Fn::Sub text has an unclosed or empty ${} placeholder");
}

TEST_CASE("dependency cycles through Ref, GetAtt, Sub and DependsOn are printed") {
    cfn::stack s;
    auto a = s.add(ec2::subnet{"A", {.cidr_block = "10.0.3.0/24", .vpc_id = "vpc-1"}});
    auto b = s.add(ec2::subnet{"B", {.cidr_block = cfn::sub("${C}"), .vpc_id = a.attr_vpc_id()}});
    s.add(ec2::subnet{"C", {.cidr_block = "10.0.4.0/24", .vpc_id = "vpc-1"}, {.depends_on = {a}}});
    (void)b;
    CHECK(test::first_error(s).empty());

    cfn::stack cyclic;
    auto x = cyclic.add(ec2::subnet{"X", {.cidr_block = cfn::sub("${Z}"), .vpc_id = "vpc-1"}});
    auto y = cyclic.add(ec2::subnet{"Y", {.cidr_block = "10.0.5.0/24", .vpc_id = x.attr_vpc_id()}});
    cyclic.add(ec2::subnet{"Z", {.cidr_block = "10.0.6.0/24", .vpc_id = "vpc-1"}, {.depends_on = {y}}});
    CHECK(test::first_error(cyclic) == "error: Resources.X: dependency cycle: X -> Z -> Y -> X");
}

TEST_CASE("conditions may refer to parameters, not resources") {
    cfn::stack s;
    auto subnet = s.add(ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}});
    auto c = s.add(cfn::condition{"C", cfn::equals(subnet.ref(), "x")});
    s.output("Out", cfn::if_(c, "a", "b"));
    CHECK(test::first_error(s) ==
          "error: Conditions.C.Fn::Equals[0].Ref: conditions can refer to parameters only, not to resource 'Subnet'");
}

TEST_CASE("a parameter's literal Default must satisfy its own constraints") {
    auto one = [](cfn::parameter_options options) {
        cfn::stack s;
        auto p = s.add(cfn::parameter<cfn::str>{"P", std::move(options)});
        s.output("Out", p.ref());
        return test::first_error(s);
    };
    CHECK(one({.default_value = "c", .allowed_values = {"a", "b"}}) ==
          "error: Parameters.P.Default: default 'c' is not one of the parameter's AllowedValues");
    CHECK(one({.default_value = "ABC", .allowed_pattern = "[a-z]+"}) ==
          "error: Parameters.P.Default: default 'ABC' does not match AllowedPattern '[a-z]+'");
    CHECK(one({.default_value = "a", .min_length = 2}) == "error: Parameters.P.Default: default 'a' is shorter than MinLength 2");
    CHECK(one({.default_value = "abc", .max_length = 2}) == "error: Parameters.P.Default: default 'abc' is longer than MaxLength 2");
    CHECK(one({.default_value = "abc", .allowed_values = {"abc"}, .allowed_pattern = "a.c", .min_length = 3}).empty());

    cfn::stack numbers;
    auto n = numbers.add(cfn::parameter<cfn::number>{"N", {.default_value = 10, .min_value = 1, .max_value = 5}});
    auto word = numbers.add(cfn::parameter<cfn::number>{"W", {.default_value = "ten"}});
    numbers.output("Out", cfn::join(",", {cfn::as<cfn::str>(n.ref()), cfn::as<cfn::str>(word.ref())}));
    auto messages = test::messages(numbers);
    REQUIRE(messages.size() == 2);
    CHECK(messages[0] == "error: Parameters.N.Default: default 10 is greater than MaxValue 5");
    CHECK(messages[1] == "error: Parameters.W.Default: default 'ten' is not a number");

    cfn::stack lists;
    auto l = lists.add(cfn::parameter<cfn::list<cfn::str>>{"L", {.default_value = "a,z", .allowed_values = {"a", "b"}}});
    lists.output("Out", cfn::join(",", l.ref()));
    CHECK(test::first_error(lists) == "error: Parameters.L.Default: default 'z' is not one of the parameter's AllowedValues");
}

TEST_CASE("a raw property may not shadow a typed one") {
    cfn::stack s;
    s.add(ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}, {.raw_properties = {{"CidrBlock", "10.0.0.0/24"}}}});
    CHECK(test::first_error(s) == "error: Resources.Subnet.Properties.CidrBlock: raw property 'CidrBlock' is a typed "
                                  "property of AWS::EC2::Subnet: set it through the typed member instead");
}

TEST_CASE("CloudFormation's limits") {
    cfn::stack s;
    for (int i = 0; i < 501; ++i) s.add(ec2::subnet{"S" + std::to_string(i), {.vpc_id = "vpc-1"}});
    CHECK(test::first_error(s) == "error: Resources: 501 Resources, more than CloudFormation's limit of 500");

    cfn::stack params;
    for (int i = 0; i < 201; ++i) params.add(cfn::parameter<cfn::str>{"P" + std::to_string(i)});
    CHECK(test::first_error(params) == "error: Parameters: 201 Parameters, more than CloudFormation's limit of 200");

    cfn::stack outputs;
    for (int i = 0; i < 201; ++i) outputs.output("O" + std::to_string(i), "x");
    CHECK(test::first_error(outputs) == "error: Outputs: 201 Outputs, more than CloudFormation's limit of 200");

    cfn::stack mappings;
    for (int i = 0; i < 201; ++i) mappings.add(cfn::mapping<>{"M" + std::to_string(i), {{"k", {{"v", "x"}}}}});
    CHECK(test::first_error(mappings) == "error: Mappings: 201 Mappings, more than CloudFormation's limit of 200");

    cfn::stack attributes;
    cfn::mapping<> big{"Big", {{"Top", {}}}};
    for (int i = 0; i < 201; ++i) big.entries[0].second.emplace_back("A" + std::to_string(i), "x");
    attributes.add(big);
    CHECK(test::first_error(attributes) == "error: Mappings.Big.Top: 201 attributes, more than CloudFormation's limit of 200");
}

TEST_CASE("template size: a warning above 51,200 bytes, an error above 1 MB") {
    cfn::stack s;
    std::string tags(900, 'x');
    auto cidr = [](int i) { return "10." + std::to_string(i / 256) + "." + std::to_string(i % 256) + ".0/24"; };
    for (int i = 0; i < 60; ++i)
        s.add(ec2::subnet{"S" + std::to_string(i), {.availability_zone = tags, .cidr_block = cidr(i), .vpc_id = "vpc-1"}});
    auto messages = test::messages(s);
    REQUIRE(messages.size() == 1);
    CHECK_THAT(messages[0], Contains("warning: template: the template is") && Contains("must be uploaded to S3"));

    cfn::stack huge;
    std::string big(4000, 'y');
    for (int i = 0; i < 300; ++i)
        huge.add(ec2::subnet{"S" + std::to_string(i), {.availability_zone = big, .cidr_block = cidr(i), .vpc_id = "vpc-1"}});
    CHECK_THAT(test::first_error(huge), Contains("more than CloudFormation's limit of 1048576"));

    // cfn::run writes the template once and checks the size of that text: the same findings.
    std::string written = cfn::emit(huge, cfn::format::json);
    auto findings = cfn::detail::check_written(huge, written);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].to_string() == cfn::check(huge)[0].to_string());
    CHECK_THAT(findings[0].message, Contains("the template is " + std::to_string(written.size()) + " bytes"));
}

TEST_CASE("unused parameters, conditions and mappings are warnings") {
    cfn::stack s;
    auto p = s.add(cfn::parameter<cfn::str>{"Unused"});
    auto q = s.add(cfn::parameter<cfn::str>{"UsedOnlyByCondition"});
    s.add(cfn::condition{"Lonely", cfn::equals(q.ref(), "x")});
    s.add(cfn::mapping<>{"Map", {{"a", {{"b", "c"}}}}});
    (void)p;
    auto messages = test::messages(s);
    REQUIRE(messages.size() == 3);
    CHECK(messages[0] == "warning: Parameters.Unused: parameter is never used");
    CHECK(messages[1] == "warning: Conditions.Lonely: condition is never used");
    CHECK(messages[2] == "warning: Mappings.Map: mapping is never used");
}

TEST_CASE("a string that is not valid UTF-8 is an error with its path") {
    cfn::stack s;
    s.add(ec2::subnet{"Subnet", {.cidr_block = "10.0.9.0/24", .tags = {{.key = "Name", .value = std::string("a\xED\xA0\x80")}}, .vpc_id = "vpc-1"}});
    s.output("Bad", std::string("\xC0\xAF"));
    CHECK(test::messages(s) == std::vector<std::string>{
              "error: Resources.Subnet.Properties.Tags[0].Value: the string is not valid UTF-8 (at byte 1: ED A0 80)",
              "error: Outputs.Bad.Value: the string is not valid UTF-8 (at byte 0: C0 AF)"});
}
