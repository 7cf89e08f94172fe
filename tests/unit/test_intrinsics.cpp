// Each intrinsic function: its JSON, and its result type.
#include <catch2/catch.hpp>

#include <type_traits>

#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

#include "support.hpp"

namespace ec2 = cfn::aws::ec2;
using json = nlohmann::ordered_json;

namespace {
json as_json(cfn::node n) { return json::parse(cfn::write_json(n)); }
template <class T>
json as_json(cfn::expr<T> e) {
    return as_json(cfn::detail::node_of(e));
}
}  // namespace

TEST_CASE("Ref and Fn::GetAtt of handles") {
    cfn::stack s;
    auto subnet = s.add(ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}});
    CHECK(as_json(subnet.ref()) == json::parse(R"({"Ref": "Subnet"})"));
    CHECK(as_json(subnet.attr_vpc_id()) == json::parse(R"({"Fn::GetAtt": ["Subnet", "VpcId"]})"));
    static_assert(std::is_same_v<decltype(subnet.ref()), cfn::expr<cfn::id<"AWS::EC2::Subnet.SubnetId">>>);
    static_assert(std::is_same_v<decltype(subnet.attr_vpc_id()), cfn::expr<cfn::id<"AWS::EC2::VPC.VpcId">>>);
    static_assert(std::is_same_v<decltype(subnet.attr_ipv6_cidr_blocks()), cfn::expr<cfn::list<cfn::str>>>);
}

TEST_CASE("pseudo parameters") {
    CHECK(as_json(cfn::aws::region) == json::parse(R"({"Ref": "AWS::Region"})"));
    CHECK(as_json(cfn::aws::account_id) == json::parse(R"({"Ref": "AWS::AccountId"})"));
    CHECK(as_json(cfn::aws::notification_arns) == json::parse(R"({"Ref": "AWS::NotificationARNs"})"));
    CHECK(as_json(cfn::aws::partition) == json::parse(R"({"Ref": "AWS::Partition"})"));
    CHECK(as_json(cfn::aws::stack_id) == json::parse(R"({"Ref": "AWS::StackId"})"));
    CHECK(as_json(cfn::aws::stack_name) == json::parse(R"({"Ref": "AWS::StackName"})"));
    CHECK(as_json(cfn::aws::url_suffix) == json::parse(R"({"Ref": "AWS::URLSuffix"})"));
    CHECK(as_json(cfn::no_value.n) == json::parse(R"({"Ref": "AWS::NoValue"})"));
    static_assert(std::is_same_v<decltype(cfn::aws::notification_arns), const cfn::expr<cfn::list<cfn::str>>>);
}

TEST_CASE("string functions") {
    CHECK(as_json(cfn::base64("x")) == json::parse(R"({"Fn::Base64": "x"})"));
    CHECK(as_json(cfn::join(",", {"a", cfn::aws::region})) ==
          json::parse(R"({"Fn::Join": [",", ["a", {"Ref": "AWS::Region"}]]})"));
    CHECK(as_json(cfn::join("-", cfn::get_azs())) == json::parse(R"({"Fn::Join": ["-", {"Fn::GetAZs": ""}]})"));
    CHECK(as_json(cfn::select(1, cfn::get_azs(cfn::aws::region))) ==
          json::parse(R"({"Fn::Select": [1, {"Fn::GetAZs": {"Ref": "AWS::Region"}}]})"));
    CHECK(as_json(cfn::select(0, {"a", "b"})) == json::parse(R"({"Fn::Select": [0, ["a", "b"]]})"));
    CHECK(as_json(cfn::split(",", "a,b")) == json::parse(R"({"Fn::Split": [",", "a,b"]})"));
    CHECK(as_json(cfn::import_value("Shared-VpcId")) == json::parse(R"({"Fn::ImportValue": "Shared-VpcId"})"));
    CHECK(as_json(cfn::cidr("10.0.0.0/16", 6, 8)) == json::parse(R"({"Fn::Cidr": ["10.0.0.0/16", 6, 8]})"));
    CHECK(as_json(cfn::sub("${AWS::Region}-x")) == json::parse(R"({"Fn::Sub": "${AWS::Region}-x"})"));
    CHECK(as_json(cfn::sub("${A}:${B}", {{"A", "1"}, {"B", cfn::aws::region}})) ==
          json::parse(R"({"Fn::Sub": ["${A}:${B}", {"A": "1", "B": {"Ref": "AWS::Region"}}]})"));
    static_assert(std::is_same_v<decltype(cfn::select(0, cfn::get_azs())), cfn::expr<cfn::str>>);
    static_assert(std::is_same_v<decltype(cfn::split(",", "a")), cfn::expr<cfn::list<cfn::str>>>);
    static_assert(std::is_same_v<decltype(cfn::cidr("10.0.0.0/16", 6, 8)), cfn::expr<cfn::list<cfn::str>>>);
}

TEST_CASE("Fn::Sub text is checked at compile time when it is a literal") {
    STATIC_REQUIRE(cfn::vocabulary::valid_sub_syntax("plain"));
    STATIC_REQUIRE(cfn::vocabulary::valid_sub_syntax("${A} ${B.C} ${AWS::Region} ${!Literal}"));
    STATIC_REQUIRE_FALSE(cfn::vocabulary::valid_sub_syntax("${A"));
    STATIC_REQUIRE_FALSE(cfn::vocabulary::valid_sub_syntax("${}"));
    STATIC_REQUIRE_FALSE(cfn::vocabulary::valid_sub_syntax("${files[@]}"));
}

TEST_CASE("the vocabulary: YAML short tags, pseudo parameters, Fn::Sub placeholders") {
    using namespace cfn::vocabulary;
    STATIC_REQUIRE(find_short_tag("!Join")->name == "Fn::Join");
    STATIC_REQUIRE(find_short_tag("!Ref")->name == "Ref");
    STATIC_REQUIRE(find_short_tag("!ForEach") == nullptr);  // Fn::ForEach has no short form
    STATIC_REQUIRE(find_function("Fn::If")->min_arguments == 3);
    STATIC_REQUIRE(find_pseudo_parameter("AWS::NotificationARNs")->is_list);
    STATIC_REQUIRE(find_pseudo_parameter("AWS::Regions") == nullptr);
    // Each cfn::aws constant is the reserved node of its vocabulary entry.
    CHECK(as_json(cfn::aws::url_suffix) == json{{"Ref", pseudo_parameters[url_suffix].name}});
    constexpr auto first = next_sub_placeholder("a ${!Literal} ${Db.Endpoint.Address}", 0);
    STATIC_REQUIRE(first.literal());
    STATIC_REQUIRE(next_sub_placeholder("a ${!Literal} ${Db.Endpoint.Address}", first.end).name == "Db.Endpoint.Address");
    STATIC_REQUIRE(next_sub_placeholder("${files[@]}", 0).state == sub_placeholder::malformed);

}

TEST_CASE("conditions and Fn::If") {
    cfn::stack s;
    auto env = s.add(cfn::parameter<cfn::str>{"Env", {.default_value = "dev"}});
    auto prod = s.add(cfn::condition{"Prod", cfn::equals(env.ref(), "prod")});
    auto eu = s.add(cfn::condition{"Eu", cfn::equals(cfn::select(0, cfn::split("-", cfn::aws::region)), "eu")});
    auto both = s.add(cfn::condition{"ProdInEu", cfn::and_({prod, eu})});
    auto either = s.add(cfn::condition{"ProdOrEu", cfn::or_({prod, cfn::not_(eu)})});
    (void)either;
    CHECK(as_json(cfn::and_({prod, eu})) == json::parse(R"({"Fn::And": [{"Condition": "Prod"}, {"Condition": "Eu"}]})"));
    CHECK(as_json(cfn::not_(eu)) == json::parse(R"({"Fn::Not": [{"Condition": "Eu"}]})"));

    auto size = cfn::if_(both, "m5.large", "t3.micro");
    static_assert(std::is_same_v<decltype(size), cfn::expr<cfn::str>>);
    CHECK(as_json(size) == json::parse(R"({"Fn::If": ["ProdInEu", "m5.large", "t3.micro"]})"));

    auto count = cfn::if_(prod, 3, 1);
    static_assert(std::is_same_v<decltype(count), cfn::expr<cfn::integer>>);
    auto maybe = cfn::if_(prod, "x", cfn::no_value);
    static_assert(std::is_same_v<decltype(maybe), cfn::expr<cfn::or_no_value<cfn::str>>>);
    CHECK(as_json(maybe) == json::parse(R"({"Fn::If": ["Prod", "x", {"Ref": "AWS::NoValue"}]})"));

    // A struct-typed property takes Fn::If of two structs (or one and AWS::NoValue).
    s.add(ec2::subnet{"Subnet", {.private_dns_name_options_on_launch =
                                     cfn::if_(prod, ec2::subnet::private_dns_name_options_on_launch{.hostname_type = "ip-name"},
                                              cfn::no_value),
                                 .vpc_id = "vpc-1"}});
    CHECK(test::template_of(s)["Resources"]["Subnet"]["Properties"]["PrivateDnsNameOptionsOnLaunch"] ==
          json::parse(R"({"Fn::If": ["Prod", {"HostnameType": "ip-name"}, {"Ref": "AWS::NoValue"}]})"));
}

TEST_CASE("json values") {
    CHECK(as_json(cfn::json_value{{"a", 1}, {"b", cfn::json_value::array({true, nullptr, 1.5, "s"})}}) ==
          json::parse(R"({"a": 1, "b": [true, null, 1.5, "s"]})"));
    CHECK(as_json(cfn::json_value{"a", "b"}) == json::parse(R"(["a", "b"])"));
    CHECK(as_json(cfn::json_value{{"k", cfn::aws::region}}) == json::parse(R"({"k": {"Ref": "AWS::Region"}})"));
}
