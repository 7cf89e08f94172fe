// cfn/testing.hpp: every matcher and assertion, both when it should match and when it should not
// (the result and its message checked directly).
#include <catch2/catch.hpp>

#include <string>

#include <cfn/cfn.hpp>
#include <cfn/testing.hpp>
#include <cfn/aws/ec2/instance.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>

namespace ec2 = cfn::aws::ec2;
namespace match = cfn::testing;
using json = cfn::testing::json;

// The matchers, on plain JSON. ------------------------------------------------------------------

TEST_CASE("object patterns match partially, at every depth") {
    json actual = json::parse(R"({"A": 1, "B": {"C": "x", "D": [1, 2]}, "E": true})");
    CHECK(match::matches(actual, json::parse(R"({"B": {"C": "x"}})")));
    CHECK(match::matches(actual, json::object()));

    auto wrong = match::matches(actual, json::parse(R"({"A": 2, "B": {"C": "y", "F": 1}})"));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.message() == "3 differences:\n"
                             "  at A: expected 2 but received 1\n"
                             "  at B.C: expected \"y\" but received \"x\"\n"
                             "  at B.F: missing: expected 1");
}

TEST_CASE("object_equals: exactly these keys, and nested objects exact too") {
    json actual = json::parse(R"({"A": 1, "B": {"C": "x", "D": 2}})");
    CHECK(match::matches(actual, match::object_equals(json::parse(R"({"A": 1, "B": {"C": "x", "D": 2}})"))));
    auto extra = match::matches(actual, match::object_equals(json::parse(R"({"A": 1, "B": {"C": "x"}})")));
    REQUIRE_FALSE(extra);
    CHECK(extra.message() == "1 difference:\n  at B.D: unexpected key, with value 2");
    // object_like inside object_equals is partial again.
    CHECK(match::matches(actual, match::object_equals({{"A", 1}, {"B", match::object_like({{"C", "x"}})}})));
}

TEST_CASE("lists match item by item, and array_with finds items in order among others") {
    json actual = json::parse(R"([{"Key": "a", "Value": 1}, {"Key": "b", "Value": 2}, {"Key": "c", "Value": 3}])");
    CHECK(match::matches(actual, json::parse(R"([{"Key": "a"}, {"Key": "b"}, {"Key": "c"}])")));
    auto short_list = match::matches(actual, json::parse(R"([{"Key": "a"}])"));
    REQUIRE_FALSE(short_list);
    CHECK(short_list.message().rfind("1 difference:\n  at the top: expected a list of 1 items but received 3: ", 0) == 0);

    CHECK(match::matches(actual, match::array_with(json::parse(R"([{"Key": "a"}, {"Key": "c"}])"))));
    auto out_of_order = match::matches(actual, match::array_with(json::parse(R"([{"Key": "c"}, {"Key": "a"}])")));
    REQUIRE_FALSE(out_of_order);
    CHECK(out_of_order.message().rfind("1 difference:\n  at the top: no item matches {\"Key\": \"a\"} after the item "
                                       "matching {\"Key\": \"c\"}; the list is [",
                                       0) == 0);
    CHECK_FALSE(match::matches(actual, match::array_equals(json::parse(R"([{"Key": "a"}, {"Key": "b"}, {"Key": "c"}])"))));
}

TEST_CASE("any_value, absent, not_") {
    json actual = json::parse(R"({"A": 1})");
    CHECK(match::matches(actual, {{"A", match::any_value()}, {"B", match::absent()}}));
    auto missing = match::matches(actual, {{"B", match::any_value()}});
    REQUIRE_FALSE(missing);
    CHECK(missing.message() == "1 difference:\n  at B: missing: expected any_value()");
    auto present = match::matches(actual, {{"A", match::absent()}});
    REQUIRE_FALSE(present);
    CHECK(present.message() == "1 difference:\n  at A: expected absent but received 1");

    CHECK(match::matches(actual, {{"A", match::not_(2)}, {"B", match::not_(1)}}));
    auto equal = match::matches(actual, {{"A", match::not_(1)}});
    REQUIRE_FALSE(equal);
    CHECK(equal.message() == "1 difference:\n  at A: expected not 1 but received 1");
}

TEST_CASE("string_like_regex and serialized_json") {
    json actual = {{"ImageId", "ami-0123abcd"}, {"Policy", R"({"Version": "2012-10-17", "Statement": []})"}};
    CHECK(match::matches(actual, {{"ImageId", match::string_like_regex("^ami-[0-9a-f]+$")}}));
    auto not_ami = match::matches(actual, {{"ImageId", match::string_like_regex("^ami-[0-9]+$")}});
    REQUIRE_FALSE(not_ami);
    CHECK(not_ami.message() == "1 difference:\n  at ImageId: expected a string matching /^ami-[0-9]+$/ but received "
                               "\"ami-0123abcd\"");

    CHECK(match::matches(actual, {{"Policy", match::serialized_json({{"Version", "2012-10-17"}, {"Statement", json::array()}})}}));
    auto wrong_version = match::matches(actual, {{"Policy", match::serialized_json({{"Version", "2008-10-17"}})}});
    REQUIRE_FALSE(wrong_version);
    CHECK(wrong_version.message() == "2 differences:\n"
                                     "  at Policy(parsed).Version: expected \"2008-10-17\" but received \"2012-10-17\"\n"
                                     "  at Policy(parsed).Statement: unexpected key, with value []");
    auto not_json = match::matches(actual, {{"ImageId", match::serialized_json(json::object())}});
    REQUIRE_FALSE(not_json);
    CHECK(not_json.message() == "1 difference:\n  at ImageId: expected a string of JSON but received \"ami-0123abcd\"");
}

// The assertions, on a stack. -------------------------------------------------------------------

namespace {

struct fixture {
    cfn::stack s{"a test stack"};
    ec2::vpc::handle vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16", .tags = {{.key = "Name", .value = "main"}}}});
    ec2::subnet::handle public_subnet =
        s.add(ec2::subnet{"Public", {.cidr_block = "10.0.1.0/24", .map_public_ip_on_launch = true, .vpc_id = vpc.ref()}});
    ec2::subnet::handle private_subnet = s.add(ec2::subnet{"Private", {.cidr_block = "10.0.2.0/24", .vpc_id = vpc.ref()}});
    cfn::parameter_handle<cfn::str> env = s.add(cfn::parameter<cfn::str>{"Env", {.default_value = "dev"}});
    cfn::condition_handle prod = s.add(cfn::condition{"IsProd", cfn::equals(env.ref(), "prod")});
    cfn::mapping_handle<cfn::str> images = s.add(cfn::mapping<>{"Images", {{"eu-west-1", {{"AMI", "ami-0123"}}}}});
    ec2::instance::handle server = s.add(ec2::instance{"Server", {
        .image_id = cfn::find_in_map(images, cfn::aws::region, "AMI"),
        .subnet_id = private_subnet.ref(),
    }, {.depends_on = {public_subnet}, .condition = prod, .deletion_policy = cfn::deletion::retain}});

    fixture() { s.add(cfn::output{"ServerIp", server.attr_private_ip(), {.description = "private IP"}}); }
};

}  // namespace

TEST_CASE("resource counts, by type name or by generated type") {
    fixture f;
    cfn::testing::stack_template t{f.s};
    CHECK(t.resource_count_is("AWS::EC2::Subnet", 2));
    CHECK(t.resource_count_is<ec2::vpc>(1));
    CHECK(t.resource_count_is("AWS::S3::Bucket", 0));
    auto wrong = t.resource_count_is<ec2::subnet>(3);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.message() == "expected 3 resources of type AWS::EC2::Subnet but found 2 (the template has "
                             "AWS::EC2::Instance x1, AWS::EC2::Subnet x2, AWS::EC2::VPC x1)");
}

TEST_CASE("has_resource_properties: partial by default, exact with object_equals") {
    fixture f;
    cfn::testing::stack_template t{f.s};
    CHECK(t.has_resource_properties("AWS::EC2::Subnet", {{"CidrBlock", "10.0.2.0/24"}, {"VpcId", match::ref(f.vpc)}}));
    CHECK(t.has_resource_properties("AWS::EC2::Subnet", {{"MapPublicIpOnLaunch", match::absent()}}));
    CHECK(t.has_resource_properties("AWS::EC2::VPC", {{"Tags", match::array_with({{{"Key", "Name"}}})}}));
    CHECK(t.has_resource_properties("AWS::EC2::Subnet", match::object_equals({{"CidrBlock", "10.0.2.0/24"},
                                                                              {"VpcId", {{"Ref", "Vpc"}}}})));
    CHECK_FALSE(t.has_resource_properties("AWS::EC2::Subnet", match::object_equals({{"CidrBlock", "10.0.1.0/24"}})));
}

TEST_CASE("a failed has_resource_properties shows the closest candidate and where it differs") {
    fixture f;
    cfn::testing::stack_template t{f.s};
    auto wrong = t.has_resource_properties("AWS::EC2::Subnet", {{"CidrBlock", "10.0.9.0/24"},
                                                                {"MapPublicIpOnLaunch", true}});
    REQUIRE_FALSE(wrong);
    CHECK(wrong.message() ==
          "no resource of type AWS::EC2::Subnet matches object_like({\"CidrBlock\": \"10.0.9.0/24\", "
          "\"MapPublicIpOnLaunch\": true}) (2 candidates)\n"
          "the closest is Public: {\"CidrBlock\":\"10.0.1.0/24\",\"MapPublicIpOnLaunch\":true,\"VpcId\":{\"Ref\":\"Vpc\"}}\n"
          "1 difference:\n"
          "  at Resources.Public.Properties.CidrBlock: expected \"10.0.9.0/24\" but received \"10.0.1.0/24\"");

    auto no_type = t.has_resource_properties("AWS::S3::Bucket", json::object());
    REQUIRE_FALSE(no_type);
    CHECK(no_type.message() == "no resource of type AWS::S3::Bucket in the template (the template has "
                               "AWS::EC2::Instance x1, AWS::EC2::Subnet x2, AWS::EC2::VPC x1)");
}

TEST_CASE("typed assertions take the generated structs, as the stack does") {
    fixture f;
    cfn::testing::stack_template t{f.s};
    CHECK(t.has_resource_properties<ec2::subnet>({.cidr_block = "10.0.2.0/24", .vpc_id = f.vpc.ref()}));
    CHECK(t.has_resource_properties<ec2::vpc>({.cidr_block = "10.0.0.0/16"}));
    auto wrong = t.has_resource_properties<ec2::subnet>({.cidr_block = "10.0.2.0/24", .vpc_id = "vpc-123"});
    REQUIRE_FALSE(wrong);
    CHECK_THAT(wrong.message(), Catch::Matchers::Contains("the closest is Private: ") &&
                                    Catch::Matchers::Contains("at Resources.Private.Properties.VpcId: expected \"vpc-123\" "
                                                              "but received {\"Ref\":\"Vpc\"}"));

    // The whole resource by logical ID, attributes included.
    CHECK(t.has_resource(ec2::instance{"Server", {.subnet_id = f.private_subnet.ref()},
                                       {.depends_on = {f.public_subnet}, .deletion_policy = cfn::deletion::retain}}));
    auto not_retained = t.has_resource(ec2::instance{"Server", {}, {.deletion_policy = cfn::deletion::snapshot}});
    REQUIRE_FALSE(not_retained);
    CHECK_THAT(not_retained.message(),
               Catch::Matchers::Contains("at Resources.Server.DeletionPolicy: expected \"Snapshot\" but received \"Retain\""));
    auto missing = t.has_resource(ec2::vpc{"Other", {}});
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.message(), Catch::Matchers::StartsWith("no resource 'Other' in the template"));
}

TEST_CASE("resource attributes and DependsOn") {
    fixture f;
    cfn::testing::stack_template t{f.s};
    CHECK(t.has_resource("AWS::EC2::Instance", {{"DependsOn", match::array_with({"Public"})}, {"Condition", "IsProd"}}));
    CHECK(t.depends_on(f.server, f.public_subnet));
    auto not_dependent = t.depends_on(f.server, f.vpc);
    REQUIRE_FALSE(not_dependent);
    CHECK(not_dependent.message() == "Resources.Server.DependsOn: expected to include 'Vpc' but it is [\"Public\"]");
    auto no_depends_on = t.depends_on(f.vpc, f.server);
    REQUIRE_FALSE(no_depends_on);
    CHECK(no_depends_on.message() == "Resources.Vpc.DependsOn: expected to include 'Server' but it is not set");
}

TEST_CASE("find_resources returns the matching bodies by logical ID") {
    fixture f;
    cfn::testing::stack_template t{f.s};
    json subnets = t.find_resources("AWS::EC2::Subnet");
    CHECK(subnets.size() == 2);
    json public_ones = t.find_resources("AWS::EC2::Subnet", {{"Properties", {{"MapPublicIpOnLaunch", true}}}});
    REQUIRE(public_ones.size() == 1);
    CHECK(public_ones.begin().key() == "Public");
    CHECK(t.resource("Public") == public_ones["Public"]);
    CHECK(t.resource("Nothing").is_null());
}

TEST_CASE("outputs, parameters, mappings and conditions") {
    fixture f;
    cfn::testing::stack_template t{f.s};
    CHECK(t.has_output("ServerIp", {{"Value", match::as_json(f.server.attr_private_ip())}}));
    CHECK(t.has_output("*", {{"Description", match::string_like_regex("IP")}}));
    CHECK(t.has_parameter("Env", {{"Type", "String"}, {"Default", "dev"}}));
    CHECK(t.has_mapping("Images", {{"eu-west-1", {{"AMI", match::string_like_regex("^ami-")}}}}));
    CHECK(t.has_condition("IsProd", {{"Fn::Equals", match::array_with({"prod"})}}));

    auto no_output = t.has_output("Nope", json::object());
    REQUIRE_FALSE(no_output);
    CHECK(no_output.message() == "no output 'Nope' in the template");
    auto wrong_default = t.has_parameter("Env", {{"Default", "prod"}});
    REQUIRE_FALSE(wrong_default);
    CHECK(wrong_default.message() == "no parameter 'Env' matches object_like({\"Default\": \"prod\"}) (1 candidate)\n"
                                     "the closest is Env: {\"Type\":\"String\",\"Default\":\"dev\"}\n"
                                     "1 difference:\n"
                                     "  at Parameters.Env.Default: expected \"prod\" but received \"dev\"");
}

TEST_CASE("a failed CHECK prints the message") {
    fixture f;
    cfn::testing::stack_template t{f.s};
    auto result = t.resource_count_is("AWS::EC2::VPC", 2);
    CHECK(Catch::Detail::stringify(result) == "\n" + result.message());
    CHECK(Catch::Detail::stringify(t.resource_count_is("AWS::EC2::VPC", 1)) == "matched");
}
