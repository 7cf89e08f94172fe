// The guard rails (cfn/guard.hpp): each built-in rule triggered and not triggered by its corrected
// twin (guard_cases.json, and here for the rules that need resource attributes or parameters);
// suppressions by resource, scope and stack, and the Metadata they write; rules of one's own;
// --rules selections; the assertions of cfn/testing.hpp.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include <cfn/cfn.hpp>
#include <cfn/nlohmann.hpp>
#include <cfn/testing.hpp>
#include <cfn/aws/autoscaling/auto_scaling_group.hpp>
#include <cfn/aws/autoscaling/launch_configuration.hpp>
#include <cfn/aws/ec2/instance.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/rds/db_instance.hpp>
#include <cfn/aws/s3/bucket.hpp>

#include "support.hpp"

namespace autoscaling = cfn::aws::autoscaling;
namespace ec2 = cfn::aws::ec2;
namespace guard = cfn::guard;
namespace rds = cfn::aws::rds;
namespace s3 = cfn::aws::s3;
using cfn::testing::has_finding;
using cfn::testing::has_no_finding;
using json = nlohmann::ordered_json;

namespace {

/// A stack of raw resources from `{"Id": {"Type": ..., "Properties": {...}}}`: the rules read the
/// template, so raw and typed resources are checked alike.
void add_resources(cfn::stack& s, const json& resources) {
    for (const auto& [id, body] : resources.items()) {
        cfn::raw_properties properties;
        properties.n = cfn::detail::node_of(cfn::json_value(body["Properties"]));
        s.add(cfn::raw_resource{id, body["Type"].get<std::string>(), properties});
    }
}

const guard::rule_id& builtin(const std::string& id) {
    for (const guard::rule& r : guard::builtin_rules())
        if (r.id->id == id) return *r.id;
    FAIL("no built-in rule " << id);
    throw;
}

/// The rules of one's own in these tests: every bucket has a Tags property.
inline constexpr guard::rule_id acme_tagged{"ACME-TAGGED", guard::severity::error, guard::category::best_practice,
                                            "every bucket is tagged", "AWS::S3::Bucket"};
void check_tagged(const guard::resource_view& r, guard::report& found) {
    if (r.type == "AWS::S3::Bucket" && !r.property("Tags").present()) found("Properties.Tags", "the bucket has no tags");
}

}  // namespace

TEST_CASE("each built-in rule finds its case and not the corrected twin") {
    std::ifstream file(CFNPP_GUARD_CASES);
    REQUIRE(file);
    json cases = json::parse(file);
    std::set<std::string> covered;
    for (const auto& [id, c] : cases.items()) {
        if (id == "_") continue;
        covered.insert(id);
        const guard::rule_id& rule = builtin(id);
        std::string first = c["bad"].begin().key();
        INFO(id);
        cfn::stack bad;
        add_resources(bad, c["bad"]);
        CHECK(has_finding(bad, rule, first));
        cfn::stack good;
        add_resources(good, c["good"]);
        CHECK(has_no_finding(good, rule));
    }
    // The rest are tested below, in C++; together they are every built-in rule.
    for (const char* in_cpp : {"CFN-AUTOSCALING-SIGNAL-NEVER-SENT", "CFN-SECRET-PARAMETER-ECHO"}) covered.insert(in_cpp);
    for (const guard::rule& r : guard::builtin_rules()) CHECK(covered.count(std::string(r.id->id)) == 1);
    CHECK(guard::builtin_rules().size() >= 30);
}

TEST_CASE("a bucket policy names its bucket by Ref or by the bucket's own name") {
    cfn::stack s;
    add_resources(s, json::parse(R"({
        "Content": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "site-${AWS::AccountId}"}}},
        "Other": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "other-${AWS::AccountId}"}}},
        "ContentPolicy": {"Type": "AWS::S3::BucketPolicy", "Properties": {
            "Bucket": {"Fn::Sub": "site-${AWS::AccountId}"},
            "PolicyDocument": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
                                              "Condition": {"Bool": {"aws:SecureTransport": false}}}]}}}})"));
    CHECK(has_no_finding(s, guard::s3_tls_only, "Content"));
    CHECK(has_finding(s, guard::s3_tls_only, "Other"));
}

TEST_CASE("docs/rules.md documents every built-in rule") {
    std::ifstream file(CFNPP_RULES_DOC);
    REQUIRE(file);
    std::string doc((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    for (const guard::rule& r : guard::builtin_rules()) {
        INFO(r.id->id);
        CHECK(doc.find("### " + std::string(r.id->id) + "\n") != std::string::npos);
    }
}

TEST_CASE("a group that waits for signals its instances never send is an error") {
    auto group_with = [](cfn::expr<cfn::str> script) {
        cfn::stack s;
        auto configuration = s.add(autoscaling::launch_configuration{"Workers", {
            .image_id = "ami-1", .instance_type = "t3.micro", .metadata_options = {.http_tokens = "required"},
            .user_data = cfn::base64(script)}});
        s.add(autoscaling::auto_scaling_group{"Group", {.launch_configuration_name = configuration.ref(),
                                                        .max_size = "2", .min_size = "1"},
                                              {.update_policy = {.auto_scaling_rolling_update = {.wait_on_resource_signals = true}}}});
        return s;
    };
    cfn::stack silent = group_with(cfn::sub("#!/bin/bash\nyum install -y docker\n"));
    CHECK(has_finding(silent, guard::autoscaling_signal_never_sent, "Group"));
    auto found = cfn::testing::findings(silent);
    REQUIRE(found.size() == 1);
    CHECK(found[0].to_string() ==
          "error: Resources.Group.UpdatePolicy.AutoScalingRollingUpdate.WaitOnResourceSignals: the group waits for its "
          "instances' signals, but the user data of 'Workers' never runs cfn-signal: every update would wait for the "
          "timeout and roll back [CFN-AUTOSCALING-SIGNAL-NEVER-SENT]");
    cfn::stack signalling = group_with(cfn::sub(
        "#!/bin/bash\nyum install -y docker\n/opt/aws/bin/cfn-signal -e $? --stack ${AWS::StackName} --resource Group --region ${AWS::Region}\n"));
    CHECK(has_no_finding(signalling, guard::autoscaling_signal_never_sent));

    // An instance whose creation waits for a signal.
    cfn::stack instance;
    instance.add(ec2::instance{"Node", {.image_id = "ami-1", .metadata_options = {.http_tokens = ec2::instance::metadata_options_http_tokens::required},
                                        .user_data = cfn::base64("#!/bin/bash\n")},
                               {.creation_policy = {.resource_signal = {.count = 1, .timeout = "PT10M"}}}});
    CHECK(has_finding(instance, guard::autoscaling_signal_never_sent, "Node"));
}

TEST_CASE("a secret from a parameter needs NoEcho and no Default") {
    auto database_with = [](cfn::parameter_options options) {
        cfn::stack s;
        auto password = s.add(cfn::parameter<cfn::str>{"DbPassword", options});
        s.add(rds::db_instance{"Db", {.db_instance_class = "db.t3.micro", .engine = "postgres", .master_user_password = password.ref(),
                                      .master_username = "admin", .storage_encrypted = true}});
        return s;
    };
    cfn::stack echoed = database_with({});
    CHECK(has_finding(echoed, guard::secret_parameter_echo, "Db"));
    cfn::stack with_default = database_with({.default_value = "hunter22", .no_echo = true});
    CHECK(has_finding(with_default, guard::secret_parameter_echo, "Db"));
    cfn::stack hidden = database_with({.no_echo = true});
    CHECK(has_no_finding(hidden, guard::secret_parameter_echo));
    CHECK(cfn::testing::findings(hidden).empty());
}

TEST_CASE("suppressions by resource, scope and stack, each written to Metadata") {
    auto open_group = [] {
        return ec2::security_group::properties{
            .group_description = "admin",
            .security_group_ingress = {{.cidr_ip = "0.0.0.0/0", .description = "ssh", .from_port = 22, .ip_protocol = "tcp", .to_port = 22}}};
    };
    cfn::stack s;
    s.add(ec2::security_group{"Open", open_group()});
    s.add(ec2::security_group{"Bastion", open_group(), {.suppress = {{guard::ec2_admin_ingress_world, "the bastion"}}}});
    cfn::scope admin{s, "Admin", {{guard::ec2_admin_ingress_world, "the admin network's jump hosts"}}};
    cfn::scope inner{admin, "Inner"};
    inner.add(ec2::security_group{"Jump", open_group()});
    CHECK(has_finding(s, guard::ec2_admin_ingress_world, "Open"));
    CHECK(has_no_finding(s, guard::ec2_admin_ingress_world, "Bastion"));
    CHECK(has_no_finding(s, guard::ec2_admin_ingress_world, "AdminInnerJump"));

    cfn::testing::stack_template t{s};
    CHECK(t.resource("Open").contains("Metadata") == false);
    CHECK(t.resource("Bastion")["Metadata"] == json::parse(R"({
        "cfnpp": {"suppress": [{"id": "CFN-EC2-ADMIN-INGRESS-WORLD", "reason": "the bastion"}]},
        "cfn_nag": {"rules_to_suppress": [{"id": "W2", "reason": "the bastion"}, {"id": "W9", "reason": "the bastion"}]},
        "checkov": {"skip": [{"id": "CKV_AWS_24", "comment": "the bastion"}, {"id": "CKV_AWS_25", "comment": "the bastion"}]},
        "cdk_nag": {"rules_to_suppress": [{"id": "AwsSolutions-EC23", "reason": "the bastion"}]}})"));
    CHECK(t.resource("AdminInnerJump")["Metadata"]["cfn_nag"]["rules_to_suppress"][0] ==
          json::parse(R"({"id": "W2", "reason": "the admin network's jump hosts"})"));

    // The stack's own, for resources added before and after; on the rule's resource types only.
    auto bucket = s.add(s3::bucket{"Logs", {}});
    s.suppress({{guard::ec2_admin_ingress_world, "a lab account, torn down nightly"}});
    s.add(ec2::security_group{"Later", open_group()});
    CHECK(cfn::testing::has_no_finding(s, guard::ec2_admin_ingress_world));
    cfn::testing::stack_template after{s};
    CHECK(after.resource("Open")["Metadata"]["cfnpp"]["suppress"][0]["reason"] == "a lab account, torn down nightly");
    CHECK(after.resource("Later")["Metadata"]["checkov"]["skip"][0]["id"] == "CKV_AWS_24");
    CHECK(after.resource(bucket.logical_id()).contains("Metadata") == false);
}

TEST_CASE("a suppression keeps the user's own Metadata") {
    cfn::stack s;
    s.add(s3::bucket{"Site", {.access_control = s3::bucket::access_control::PublicRead},
                     {.metadata = cfn::json_value{{"Purpose", "the public website"}},
                      .suppress = {{guard::s3_public_read_acl, "a public website"}, {guard::s3_access_logs, "served by CloudFront, which logs"}}}});
    cfn::testing::stack_template t{s};
    json metadata = t.resource("Site")["Metadata"];
    CHECK(metadata["Purpose"] == "the public website");
    CHECK(metadata["cfnpp"]["suppress"].size() == 2);
    CHECK(metadata["cfn_nag"]["rules_to_suppress"] ==
          json::parse(R"([{"id": "W31", "reason": "a public website"}, {"id": "W35", "reason": "served by CloudFront, which logs"}])"));
    CHECK(has_no_finding(s, guard::s3_public_read_acl));
    CHECK(has_finding(s, guard::s3_encryption, "Site"));
}

TEST_CASE("rules of one's own, and the selections") {
    cfn::stack s;
    s.add(s3::bucket{"Untagged", {}});
    s.enforce({acme_tagged, check_tagged});
    CHECK(has_finding(s, acme_tagged, "Untagged"));
    std::vector<std::string> rules;
    for (const auto& d : cfn::check(s)) rules.push_back(d.rule);
    CHECK(std::count(rules.begin(), rules.end(), "ACME-TAGGED") == 1);
    // --rules security: the best practices (access logs, tags) are left out; none: nothing.
    for (const auto& d : cfn::check(s, cfn::format::json, guard::selection::security)) {
        CHECK(d.rule != "ACME-TAGGED");
        CHECK(d.rule != "CFN-S3-ACCESS-LOGS");
    }
    CHECK(cfn::check(s, cfn::format::json, guard::selection::none).empty());
    // An error of a rule of one's own fails like any error.
    CHECK(test::first_error(s).empty());  // the helper leaves the rules out
    bool failed = false;
    for (const auto& d : cfn::check(s)) failed = failed || d.severity == cfn::diagnostic::level::error;
    CHECK(failed);
}

TEST_CASE("cfn::testing's finding assertions say what was found") {
    cfn::stack s;
    s.add(s3::bucket{"B", {.access_control = s3::bucket::access_control::PublicReadWrite}});
    auto miss = has_finding(s, guard::rds_publicly_accessible, "B");
    CHECK_FALSE(miss);
    CHECK_THAT(miss.message(), Catch::Matchers::Contains("no finding of CFN-RDS-PUBLICLY-ACCESSIBLE on 'B'") &&
                                   Catch::Matchers::Contains("[CFN-S3-PUBLIC-WRITE-ACL]"));
    auto unexpected = has_no_finding(s, guard::s3_public_write_acl);
    CHECK_FALSE(unexpected);
    CHECK_THAT(unexpected.message(), Catch::Matchers::Contains(
                                         "error: Resources.B.Properties.AccessControl: the canned ACL PublicReadWrite"));
}
