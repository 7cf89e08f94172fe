// nlohmann::json documents in Json and union properties (cfn/nlohmann.hpp).
#include <catch2/catch.hpp>

#include <type_traits>

#include <nlohmann/json.hpp>

#include <cfn/cfn.hpp>
#include <cfn/nlohmann.hpp>
#include <cfn/aws/iam/role.hpp>
#include <cfn/aws/serverless/function.hpp>

#include "support.hpp"

namespace {

// Json takes a document; a typed string property does not take one through the adapter.
static_assert(std::is_constructible_v<cfn::value<cfn::json>, const nlohmann::json&>);
static_assert(std::is_constructible_v<cfn::value<cfn::json>, const nlohmann::ordered_json&>);
static_assert(std::is_constructible_v<cfn::json_value, const nlohmann::json&>);
static_assert(!cfn::detail::adapted_json<std::string>);

}  // namespace

TEST_CASE("nlohmann::json documents go into Json properties as they are") {
    cfn::stack s;
    nlohmann::json trust = nlohmann::json::parse(R"({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com"]},
                       "Action": "sts:AssumeRole"}],
        "Count": 3, "Ratio": 0.5, "Big": 18446744073709551, "Flag": false, "Nothing": null
    })");
    s.add(cfn::aws::iam::role{"Role", {.assume_role_policy_document = trust}});
    auto t = test::template_of(s);
    // nlohmann::json keeps keys sorted; every scalar keeps its JSON type.
    CHECK(t["Resources"]["Role"]["Properties"]["AssumeRolePolicyDocument"] == nlohmann::ordered_json::parse(trust.dump()));
    CHECK(t["Resources"]["Role"]["Properties"]["AssumeRolePolicyDocument"].begin().key() == "Big");
}

TEST_CASE("nlohmann::ordered_json keeps its key order") {
    cfn::stack s;
    nlohmann::ordered_json doc;
    doc["Version"] = "2012-10-17";
    doc["Statement"] = nlohmann::ordered_json::array();
    s.add(cfn::aws::iam::role{"Role", {.assume_role_policy_document = doc}});
    auto document = test::template_of(s)["Resources"]["Role"]["Properties"]["AssumeRolePolicyDocument"];
    CHECK(document.dump() == R"({"Version":"2012-10-17","Statement":[]})");
}

TEST_CASE("a union property (SAM CodeUri: string or S3Location) takes a document, and json_value nests one") {
    cfn::stack s;
    s.add(cfn::aws::serverless::function{"Fn", {.code_uri = nlohmann::json{{"Bucket", "b"}, {"Key", "k"}}}});
    s.add(cfn::aws::iam::role{"Role", {.assume_role_policy_document = cfn::json_value{
        {"Version", "2012-10-17"}, {"Statement", nlohmann::json::array()}}}});
    auto t = test::template_of(s);
    CHECK(t["Resources"]["Fn"]["Properties"]["CodeUri"] == nlohmann::ordered_json{{"Bucket", "b"}, {"Key", "k"}});
    CHECK(t["Resources"]["Role"]["Properties"]["AssumeRolePolicyDocument"]["Statement"] == nlohmann::ordered_json::array());
}

TEST_CASE("a binary nlohmann::json value is refused in one line") {
    nlohmann::json binary = nlohmann::json::binary({1, 2, 3});
    CHECK_THROWS_WITH(cfn::value<cfn::json>(binary), Catch::Contains("binary nlohmann::json value"));
}
