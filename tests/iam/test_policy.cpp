// cfn::iam: typed IAM policy documents, written as JSON wherever a Json property takes them.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include <cfn/cfn.hpp>
#include <cfn/iam/policy.hpp>
#include <cfn/aws/iam/role.hpp>

#include "../unit/support.hpp"

namespace iam = cfn::iam;
using json = nlohmann::ordered_json;

namespace {
/// A value as written in a template, parsed back.
json written(cfn::value<cfn::json> v) { return json::parse(cfn::write_json(cfn::detail::node_of(v))); }
}  // namespace

TEST_CASE("iam: the post's CWMyLogPolicy, in IAM's field order") {
    iam::policy_document logs{.statement = {{
        .effect = iam::effect::allow,
        .action = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"},
        .resource = {"arn:aws:logs:*:*:*"},
    }}};
    CHECK(written(logs) == json::parse(R"({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        "Resource": ["arn:aws:logs:*:*:*"]}]})"));
}

TEST_CASE("iam: every statement field, principals, deny") {
    iam::policy_document d{
        .version = "2008-10-17",
        .id = "Everything",
        .statement = {
            {.sid = "AssumeFromEc2",
             .effect = iam::effect::allow,
             .principal = {.service = {"ec2.amazonaws.com"}},
             .action = {"sts:AssumeRole"}},
            {.sid = "NotPrincipal",
             .effect = iam::effect::deny,
             .not_principal = {.aws = {"arn:aws:iam::123456789012:root"}},
             .not_action = {"iam:*"},
             .not_resource = {"arn:aws:s3:::bucket/*"}},
            {.effect = iam::effect::deny, .principal = iam::principal::everyone(), .action = {"*"}, .resource = {"*"}},
        }};
    CHECK(written(d) == json::parse(R"({"Version": "2008-10-17", "Id": "Everything", "Statement": [
        {"Sid": "AssumeFromEc2", "Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com"]},
         "Action": ["sts:AssumeRole"]},
        {"Sid": "NotPrincipal", "Effect": "Deny", "NotPrincipal": {"AWS": ["arn:aws:iam::123456789012:root"]},
         "NotAction": ["iam:*"], "NotResource": ["arn:aws:s3:::bucket/*"]},
        {"Effect": "Deny", "Principal": "*", "Action": ["*"], "Resource": ["*"]}]})"));
}

TEST_CASE("iam: resources and principals take typed expressions") {
    cfn::stack s;
    auto role = s.add(cfn::aws::iam::role{"Role", {.assume_role_policy_document = iam::policy_document{
        .statement = {{.effect = iam::effect::allow, .principal = {.service = {"ec2.amazonaws.com"}},
                       .action = {"sts:AssumeRole"}}}}}});
    iam::policy_document d{.statement = {{
        .effect = iam::effect::allow,
        .principal = {.aws = {role.attr_arn()}},
        .action = {"codecommit:GitPull"},
        .resource = {cfn::sub("arn:aws:codecommit:${AWS::Region}:${AWS::AccountId}:AwsCodeTest"), role.attr_arn()},
    }}};
    json statement = written(d)["Statement"][0];
    CHECK(statement["Principal"] == json::parse(R"({"AWS": [{"Fn::GetAtt": ["Role", "Arn"]}]})"));
    CHECK(statement["Resource"] == json::parse(R"([
        {"Fn::Sub": "arn:aws:codecommit:${AWS::Region}:${AWS::AccountId}:AwsCodeTest"},
        {"Fn::GetAtt": ["Role", "Arn"]}])"));
    CHECK(test::messages(s).empty());
}

TEST_CASE("iam: a document goes into Json properties, json_value and lists of inline policies") {
    iam::policy_document assume{.statement = {{.effect = iam::effect::allow,
                                               .principal = {.service = {"ec2.amazonaws.com"}},
                                               .action = {"sts:AssumeRole"}}}};
    cfn::stack s;
    s.add(cfn::aws::iam::role{"Role", {
        .assume_role_policy_document = assume,
        .policies = {{.policy_document = iam::policy_document{.statement = {{.effect = iam::effect::allow,
                                                                            .action = {"s3:Get*"},
                                                                            .resource = {"*"}}}},
                      .policy_name = "Read"}},
    }});
    json role = test::template_of(s)["Resources"]["Role"]["Properties"];
    CHECK(role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]["Service"][0] == "ec2.amazonaws.com");
    CHECK(role["Policies"][0]["PolicyDocument"]["Statement"][0]["Action"] == json::parse(R"(["s3:Get*"])"));
    CHECK(role["Policies"][0]["PolicyName"] == "Read");
    cfn::json_value as_json = assume;
    CHECK(json::parse(cfn::write_json(cfn::detail::node_of(as_json)))["Version"] == "2012-10-17");
    CHECK(test::messages(s).empty());
}

TEST_CASE("iam: condition operators, grouped by operator, single values and lists") {
    iam::policy_document d{.statement = {{
        .effect = iam::effect::deny,
        .action = {"s3:*"},
        .resource = {"*"},
        .condition = {
            iam::string_equals("aws:RequestedRegion", {"eu-central-1", "us-east-1"}),
            iam::string_like("s3:prefix", "home/*"),
            iam::arn_like("aws:SourceArn", cfn::sub("arn:aws:sns:${AWS::Region}:*:topic")),
            iam::ip_address("aws:SourceIp", "192.168.0.0/16"),
            iam::bool_("aws:SecureTransport", false),
            iam::numeric_less_than("s3:max-keys", 10),
            iam::string_equals("aws:PrincipalTag/team", "swarm"),
            iam::date_greater_than("aws:CurrentTime", "2019-03-16T00:00:00Z"),
            iam::null("aws:TokenIssueTime", true),
        },
    }}};
    CHECK(written(d)["Statement"][0]["Condition"] == json::parse(R"({
        "StringEquals": {"aws:RequestedRegion": ["eu-central-1", "us-east-1"], "aws:PrincipalTag/team": "swarm"},
        "StringLike": {"s3:prefix": "home/*"},
        "ArnLike": {"aws:SourceArn": {"Fn::Sub": "arn:aws:sns:${AWS::Region}:*:topic"}},
        "IpAddress": {"aws:SourceIp": "192.168.0.0/16"},
        "Bool": {"aws:SecureTransport": false},
        "NumericLessThan": {"s3:max-keys": 10},
        "DateGreaterThan": {"aws:CurrentTime": "2019-03-16T00:00:00Z"},
        "Null": {"aws:TokenIssueTime": true}})"));
}

TEST_CASE("iam: IfExists, ForAllValues and ForAnyValue forms") {
    iam::conditions c{
        iam::if_exists(iam::numeric_less_than_equals("aws:MultiFactorAuthAge", 3600)),
        iam::for_all_values(iam::string_equals("aws:TagKeys", {"env", "team"})),
        iam::for_any_value(iam::string_like("aws:TagKeys", "env*")),
        iam::for_any_value(iam::if_exists(iam::string_not_equals("aws:CalledVia", "athena.amazonaws.com"))),
    };
    CHECK(json::parse(cfn::write_json(cfn::detail::node_of(c))) == json::parse(R"({
        "NumericLessThanEqualsIfExists": {"aws:MultiFactorAuthAge": 3600},
        "ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]},
        "ForAnyValue:StringLike": {"aws:TagKeys": "env*"},
        "ForAnyValue:StringNotEqualsIfExists": {"aws:CalledVia": "athena.amazonaws.com"}})"));
    CHECK(iam::if_exists(iam::if_exists(iam::string_like("k:k", "v"))).op == "StringLikeIfExists");
}

TEST_CASE("iam: mistakes only run time can see are refused loudly") {
    CHECK_THROWS_AS(iam::if_exists(iam::null("aws:TokenIssueTime", true)), std::invalid_argument);
    CHECK_THROWS_AS(iam::for_any_value(iam::for_all_values(iam::string_equals("aws:TagKeys", "a"))),
                    std::invalid_argument);
    CHECK_THROWS_WITH((iam::conditions{iam::string_equals("aws:SourceVpc", "vpc-1"),
                                       iam::string_equals("aws:SourceVpc", "vpc-2")}),
                      Catch::Contains("twice"));
}

TEST_CASE("iam: actions: literal shapes checked at compile time, the runtime escape at run time") {
    STATIC_REQUIRE(iam::detail::valid_action("*"));
    STATIC_REQUIRE(iam::detail::valid_action("s3:*"));
    STATIC_REQUIRE(iam::detail::valid_action("logs:Describe*"));
    STATIC_REQUIRE(iam::detail::valid_action("s3:Get?bject"));
    STATIC_REQUIRE(iam::detail::valid_action("execute-api:Invoke"));
    STATIC_REQUIRE_FALSE(iam::detail::valid_action(""));
    STATIC_REQUIRE_FALSE(iam::detail::valid_action("logs"));
    STATIC_REQUIRE_FALSE(iam::detail::valid_action("logs:"));
    STATIC_REQUIRE_FALSE(iam::detail::valid_action(":PutLogEvents"));
    STATIC_REQUIRE_FALSE(iam::detail::valid_action("logs CreateLogGroup"));
    STATIC_REQUIRE_FALSE(iam::detail::valid_action("logs:Create LogGroup"));
    STATIC_REQUIRE_FALSE(iam::detail::valid_action("logs.CreateLogGroup"));
    STATIC_REQUIRE_FALSE(iam::detail::valid_action("logs:CreateLogGroup:x"));

    std::string verb = "PutLogEvents";
    std::vector<iam::action> computed = {iam::action::runtime("logs:" + verb), "logs:CreateLogStream"};
    iam::actions list = computed;
    CHECK(json::parse(cfn::write_json(cfn::detail::node_of(list))) == json::parse(R"(["logs:PutLogEvents", "logs:CreateLogStream"])"));
    CHECK_THROWS_WITH(iam::action::runtime("logs " + verb), Catch::Contains("is not an IAM action"));
}

TEST_CASE("iam: literal actions looked up in AWS's catalog at compile time, case-insensitively") {
    using iam::detail::catalog_verdict;
    using iam::detail::look_up_action;
    STATIC_REQUIRE(look_up_action("s3:GetObject") == catalog_verdict::known);
    STATIC_REQUIRE(look_up_action("S3:getobject") == catalog_verdict::known);
    STATIC_REQUIRE(look_up_action("sts:AssumeRole") == catalog_verdict::known);
    STATIC_REQUIRE(look_up_action("*") == catalog_verdict::known);
    STATIC_REQUIRE(look_up_action("vpc-lattice:AssociateViaAWSService-EventsAndStates") == catalog_verdict::known);
    STATIC_REQUIRE(look_up_action("s3:GetObjekt") == catalog_verdict::unknown_action);
    STATIC_REQUIRE(look_up_action("logs:PutLogEvent") == catalog_verdict::unknown_action);
    STATIC_REQUIRE(look_up_action("s4:GetObject") == catalog_verdict::unknown_service);
    STATIC_REQUIRE(look_up_action("s4:*") == catalog_verdict::unknown_service);
    STATIC_REQUIRE(look_up_action("s3:Get*") == catalog_verdict::wildcard);
    STATIC_REQUIRE(look_up_action("s3:Get?bject") == catalog_verdict::wildcard);
    // The generator's hash (generators/cfngen/iam_actions.py, fnv1a) is this one.
    STATIC_REQUIRE(iam::detail::catalog_hash("S3:GetObject") == iam::detail::catalog_hash("s3:getobject"));
    STATIC_REQUIRE(iam::detail::catalog_hash("") == 0x811c9dc5u);
}

TEST_CASE("iam: cfn::check looks up wildcards and runtime actions in the catalog, one line with the path") {
    cfn::stack s;
    std::string verb = "GetObjekt";
    s.add(cfn::aws::iam::role{"Role", {
        .assume_role_policy_document = iam::policy_document{.statement = {{
            .effect = iam::effect::allow, .principal = {.service = {"ec2.amazonaws.com"}}, .action = {"sts:AssumeRole"}}}},
        .policies = {{.policy_document = iam::policy_document{.statement = {{
                          .effect = iam::effect::allow,
                          .action = {"s3:Get*", "s3:Get?bject", "ec2:Describe*", "s3:Gxt*", "s3:*Objekt",
                                     iam::action::runtime("s3:" + verb), iam::action::runtime("S3:PUTOBJECT"),
                                     iam::action::runtime("s4:GetObject"),
                                     // the last action of the last service: the generated lengths are right
                                     iam::action::runtime("XRay:UpdateTraceSegmentDestination"), "a2c:StartDeploymentJob"},
                          .resource = {"*"}}}},
                      .policy_name = "Read"}},
    }});
    // IAM accepts actions that do not exist (they never match): warnings, as cfn-lint's W3037.
    const std::string at = "warning: Resources.Role.Properties.Policies[0].PolicyDocument.Statement[0].Action";
    CHECK(test::messages(s) == std::vector<std::string>{
        at + "[3]: 's3:Gxt*' matches none of the actions of 's3' in AWS's catalog of IAM actions",
        at + "[4]: 's3:*Objekt' matches none of the actions of 's3' in AWS's catalog of IAM actions",
        at + "[5]: 's3:GetObjekt' is not an action of 's3' in AWS's catalog of IAM actions",
        at + "[7]: 's4:GetObject': 's4' is not a service prefix of AWS's catalog of IAM actions",
    });
}

TEST_CASE("iam: cfn::check reads policy documents written as Json (cfn2cpp's imports) too") {
    cfn::stack s;
    s.add(cfn::aws::iam::role{"Role", {
        .assume_role_policy_document = cfn::json_value{
            {"Version", "2012-10-17"},
            {"Statement", cfn::json_value::array({cfn::json_value{
                {"Effect", "Allow"}, {"Principal", cfn::json_value{{"Service", "ec2.amazonaws.com"}}},
                {"Action", "sts:AssumeRol"}}})}},
    }});
    s.add(cfn::raw_resource{"Policy", "AWS::IAM::ManagedPolicy", {
        {"PolicyDocument", cfn::json_value{{"Statement", cfn::json_value{
            {"Effect", "Deny"}, {"NotAction", cfn::json_value::array({"iam:*", "kms:Decrypt", "lambda:InvokeFunctio"})},
            {"Resource", "*"}}}}}}});
    CHECK(test::messages(s) == std::vector<std::string>{
        "warning: Resources.Role.Properties.AssumeRolePolicyDocument.Statement[0].Action: 'sts:AssumeRol' is not an "
        "action of 'sts' in AWS's catalog of IAM actions",
        "warning: Resources.Policy.Properties.PolicyDocument.Statement.NotAction[2]: 'lambda:InvokeFunctio' is not an "
        "action of 'lambda' in AWS's catalog of IAM actions",
    });
}

TEST_CASE("iam: cfn::check: literal ARNs in Resource and NotResource have the shape of an ARN") {
    cfn::stack s;
    iam::policy_document read{.statement = {
        {.effect = iam::effect::allow, .action = {"s3:GetObject"},
         .resource = {"arn:aws:s3:::bucket/*", "arn:aws-cn:logs:cn-north-1:123456789012:log-group:*",
                      "arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess", "arn:*:ec2:*:*:instance/*",
                      "arn:aws:sqs:us-isob-east-1:123456789012:queue", "not-an-arn", "*",
                      cfn::sub("arn:aws:s3:::${AWS::StackName}/*")}},
        {.effect = iam::effect::deny, .action = {"s3:*"},
         .not_resource = {"arn:amazon:s3:::bucket", "arn:aws:s4:::bucket", "arn:aws:s3:Frankfurt::bucket",
                          "arn:aws:s3:eu-central-1:1234:bucket", "arn:aws:s3:::", "arn:aws:s3"}},
    }};
    s.add(cfn::aws::iam::role{"Role", {
        .assume_role_policy_document = iam::policy_document{.statement = {{
            .effect = iam::effect::allow, .principal = {.service = {"ec2.amazonaws.com"}}, .action = {"sts:AssumeRole"}}}},
        .policies = {{.policy_document = read, .policy_name = "Read"}},
    }});
    // IAM refuses a malformed ARN or partition (errors) and accepts one that can match nothing (warnings).
    const std::string at = "Resources.Role.Properties.Policies[0].PolicyDocument.Statement[1].NotResource";
    CHECK(test::messages(s) == std::vector<std::string>{
        "error: " + at + "[0]: 'arn:amazon:s3:::bucket': 'amazon' is not a partition (aws, aws-cn, aws-us-gov, aws-iso...)",
        "warning: " + at + "[1]: 'arn:aws:s4:::bucket': 's4' is not a service of AWS's catalog of IAM actions",
        "warning: " + at + "[2]: 'arn:aws:s3:Frankfurt::bucket': 'Frankfurt' is not a region (like eu-central-1), nor empty",
        "warning: " + at + "[3]: 'arn:aws:s3:eu-central-1:1234:bucket': '1234' is not an account ID (12 digits), '*', 'aws' or empty",
        "error: " + at + "[4]: 'arn:aws:s3:::' is not an ARN: expected arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE",
        "error: " + at + "[5]: 'arn:aws:s3' is not an ARN: expected arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE",
    });
}
