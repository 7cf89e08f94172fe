// Property values against the constraints of AWS's resource provider schemas (generated into the
// field tables from cfn-lint's copy, generators/schemas.lock), checked by cfn::check: one line
// each, the template path, the CloudFormation property and the constraint.
#include <catch2/catch.hpp>

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <cfn/address.hpp>
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/customer_gateway.hpp>
#include <cfn/aws/ec2/instance.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/ec2/security_group_ingress.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/volume.hpp>
#include <cfn/aws/ec2/vpc.hpp>
#include <cfn/aws/amazonmq/configuration.hpp>
#include <cfn/aws/arczonalshift/zonal_autoshift_configuration.hpp>
#include <cfn/aws/events/rule.hpp>
#include <cfn/aws/logs/log_group.hpp>
#include <cfn/aws/resourcegroups/tag_sync_task.hpp>
#include <cfn/aws/s3/bucket.hpp>
#include <cfn/aws/securitylake/subscriber.hpp>
#include <cfn/aws/sqs/queue.hpp>

#include "support.hpp"

namespace ec2 = cfn::aws::ec2;
namespace s3 = cfn::aws::s3;
using Catch::Matchers::Contains;

namespace {
using cfn::detail::parse_ipv4;
using cfn::detail::parse_ipv6;
using cfn::detail::parse_network;
// The parsers are constexpr: these are checked when this file compiles.
static_assert(parse_ipv4("10.0.0.1") && parse_ipv4("255.255.255.255") && parse_ipv4("0.0.0.0"));
static_assert(!parse_ipv4("256.0.0.1") && !parse_ipv4("10.0.0") && !parse_ipv4("10.0.0.01") && !parse_ipv4("10.0.0.1 "));
static_assert(parse_ipv6("::") && parse_ipv6("::1") && parse_ipv6("2001:db8::") && parse_ipv6("2001:db8:0:0:0:0:0:1"));
static_assert(parse_ipv6("::ffff:10.0.0.1") && parse_ipv6("fe80::1:2"));
static_assert(!parse_ipv6("2001:db8::1::") && !parse_ipv6("2001:db8:::1") && !parse_ipv6("12345::") &&
              !parse_ipv6("1:2:3:4:5:6:7:8:9") && !parse_ipv6(":1") && !parse_ipv6("1:") && !parse_ipv6("fe80::1%eth0"));
static_assert(parse_network("10.0.0.0/16", false) && parse_network("10.0.0.1", false) &&
              parse_network("0.0.0.0/0", false) && parse_network("2001:db8::/32", true));
static_assert(!parse_network("10.0.0.0/33", false) && !parse_network("10.0.0.1/16", false) &&
              !parse_network("10.0.0.0/", false) && !parse_network("10.0.0.0/016", false) &&
              !parse_network("2001:db8::1/32", true) && !parse_network("2001:db8::/129", true));
static_assert(cfn::detail::contains(*parse_network("10.0.0.0/16", false), *parse_network("10.0.3.0/24", false)));
static_assert(!cfn::detail::contains(*parse_network("10.0.0.0/16", false), *parse_network("10.1.0.0/24", false)));
static_assert(cfn::detail::overlap(*parse_network("10.0.0.0/24", false), *parse_network("10.0.0.0/25", false)));
}  // namespace

// The literals these tests give to properties with a literal rule (a CIDR block, a minimum length)
// would not compile (tests/compile_fail/c12_*): they are strings built at run time, as a program
// computes them, and cfn::check judges them.
TEST_CASE("IP formats: IPv4 and IPv6 CIDR blocks") {
    cfn::stack s;
    s.add(ec2::vpc{"Vpc", {.cidr_block = std::string("10.0.0.0/33")}});
    s.add(ec2::vpc{"HostBits", {.cidr_block = std::string("10.0.0.1/16")}});
    s.add(ec2::vpc{"Good", {.cidr_block = "10.0.0.0/16"}});
    s.add(ec2::security_group_ingress{"V6", {.cidr_ipv6 = std::string("2001:db8::g/32"), .ip_protocol = "tcp"}});
    s.add(ec2::security_group_ingress{"V6Good", {.cidr_ipv6 = "2001:db8::/32", .ip_protocol = "tcp"}});
    auto messages = test::messages(s);
    REQUIRE(messages.size() == 3);
    CHECK(messages[0] ==
          "error: Resources.Vpc.Properties.CidrBlock: AWS::EC2::VPC.CidrBlock: '10.0.0.0/33' is not an IPv4 CIDR");
    CHECK(messages[1] == "error: Resources.HostBits.Properties.CidrBlock: AWS::EC2::VPC.CidrBlock: '10.0.0.1/16' is "
                         "not an IPv4 CIDR (bits are set after the prefix)");
    CHECK(messages[2] == "error: Resources.V6.Properties.CidrIpv6: AWS::EC2::SecurityGroupIngress.CidrIpv6: "
                         "'2001:db8::g/32' is not an IPv6 CIDR");
}

TEST_CASE("numbers: minimum and maximum") {
    cfn::stack s;
    int delay = 901, timeout = -1;  // variables: literals out of the bounds do not compile (c13_integer_*)
    s.add(cfn::aws::sqs::queue{"Queue", {.delay_seconds = delay, .visibility_timeout = timeout}});
    auto messages = test::messages(s);
    REQUIRE(messages.size() == 2);
    CHECK(messages[0] == "error: Resources.Queue.Properties.DelaySeconds: AWS::SQS::Queue.DelaySeconds: 901 is "
                         "greater than the maximum 900");
    CHECK(messages[1] == "error: Resources.Queue.Properties.VisibilityTimeout: AWS::SQS::Queue.VisibilityTimeout: -1 "
                         "is less than the minimum 0");
}

// A number literal of a property with bounds is checked when this file compiles (a prvalue `int`
// or `double`, value.hpp); what it is written as must not change.
TEST_CASE("numbers with bounds: literals, variables and computed values are written as numbers") {
    static_assert(std::is_trivially_copyable_v<cfn::aws::sqs::queue>);
    cfn::stack s;
    int base = 60;
    const int named = base * 2;
    s.add(cfn::aws::sqs::queue{"Literal", {.delay_seconds = 900, .visibility_timeout = 0}});
    s.add(cfn::aws::sqs::queue{"Constant", {.delay_seconds = 15 * 60}});
    s.add(cfn::aws::sqs::queue{"Named", {.delay_seconds = named}});
    s.add(cfn::aws::sqs::queue{"Computed", {.delay_seconds = cfn::value<cfn::integer>(base + 1)}});
    s.add(ec2::security_group_ingress{
        "AllPorts", {.cidr_ip = "10.0.0.0/16", .from_port = -1, .group_id = "sg-1", .ip_protocol = "-1", .to_port = -1}});
    // A Double with bounds takes a double literal, checked (this one's minimum is 2^31: no int is in range).
    s.add(ec2::customer_gateway{"Gateway", {.bgp_asn_extended = 4200000000.0, .ip_address = "203.0.113.1", .type = "ipsec.1"}});
    auto t = test::template_of(s);
    CHECK(t["Resources"]["Literal"]["Properties"]["DelaySeconds"] == 900);
    CHECK(t["Resources"]["Literal"]["Properties"]["DelaySeconds"].is_number_integer());
    CHECK(t["Resources"]["Literal"]["Properties"]["VisibilityTimeout"] == 0);
    CHECK(t["Resources"]["Constant"]["Properties"]["DelaySeconds"] == 900);
    CHECK(t["Resources"]["Named"]["Properties"]["DelaySeconds"] == 120);
    CHECK(t["Resources"]["Computed"]["Properties"]["DelaySeconds"] == 61);
    CHECK(t["Resources"]["AllPorts"]["Properties"]["FromPort"] == -1);
    CHECK(t["Resources"]["AllPorts"]["Properties"]["ToPort"] == -1);
    CHECK(t["Resources"]["Gateway"]["Properties"]["BgpAsnExtended"] == 4200000000.0);
    CHECK(test::messages(s) == std::vector<std::string>{});
}

TEST_CASE("strings: lengths, patterns and allowed values") {
    cfn::stack s;
    // Built at run time: the literal "My_Bucket" does not compile (its pattern is checked then).
    s.add(s3::bucket{"Bucket", {.bucket_name = std::string("My_Bucket")}});
    s.add(s3::bucket{"Long", {.bucket_name = std::string(70, 'a')}});
    s.add(s3::bucket{"Good", {.bucket_name = "my-bucket.example"}});
    s.add(cfn::aws::logs::log_group{"Logs", {.log_group_name = std::string()}});
    // Built at run time too: the literal "shared" does not compile (not one of the allowed values).
    s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16", .instance_tenancy = std::string("shared")}});
    auto messages = test::messages(s);
    REQUIRE(messages.size() == 5);
    CHECK(messages[0] == "error: Resources.Bucket.Properties.BucketName: AWS::S3::Bucket.BucketName: 'My_Bucket' "
                         "does not match the pattern '^([a-z0-9][a-z0-9.-]*[a-z0-9])?$'");
    CHECK(messages[1] == "error: Resources.Long.Properties.BucketName: AWS::S3::Bucket.BucketName: '" +
                             std::string(70, 'a') + "' is 70 characters long, longer than the maximum 63");
    CHECK(messages[2] == "error: Resources.Logs.Properties.LogGroupName: AWS::Logs::LogGroup.LogGroupName: '' is 0 "
                         "characters long, shorter than the minimum 1");
    // The schema writes this pattern with \Z, which the generator translates to ECMAScript's $.
    CHECK(messages[3] == "error: Resources.Logs.Properties.LogGroupName: AWS::Logs::LogGroup.LogGroupName: '' does not "
                         "match the pattern '^[.\\-_/#A-Za-z0-9]{1,512}$'");
    CHECK(messages[4] == "error: Resources.Vpc.Properties.InstanceTenancy: AWS::EC2::VPC.InstanceTenancy: 'shared' is "
                         "not one of the allowed values (dedicated, default or host)");
}

// A pattern with Unicode property classes (the schemas' tag pattern) is judged over the value's code
// points, as cfn-lint's `regex` module judges it: letters, spaces and digits of any script pass, a
// '#' (punctuation) or a control character does not.
TEST_CASE("strings: patterns with Unicode property classes") {
    namespace rg = cfn::aws::resourcegroups;
    cfn::stack s;
    auto task = [&](const char* id, std::string value) {
        s.add(rg::tag_sync_task{id, {.group = "my-group/abcdefghijklm0123456789abc",
                                     .role_arn = "arn:aws:iam::123456789012:role/tagger",
                                     .tag_key = "team",
                                     .tag_value = std::move(value)}});
    };
    task("Letters", "\u00e9quipe donn\u00e9es \u65e5\u672c \u0663");  // équipe données 日本 ٣
    task("Hash", "a#b");  // built at run time: the literal does not compile (tests/compile_fail/c13_*)
    task("Control", "a\tb");
    task("Emoji", "\U0001F600");
    auto messages = test::messages(s);
    REQUIRE(messages.size() == 3);
    const std::string pattern = "'^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$'";
    CHECK(messages[0] == "error: Resources.Hash.Properties.TagValue: AWS::ResourceGroups::TagSyncTask.TagValue: 'a#b' "
                         "does not match the pattern " + pattern);
    CHECK(messages[1] == "error: Resources.Control.Properties.TagValue: AWS::ResourceGroups::TagSyncTask.TagValue: "
                         "'a\tb' does not match the pattern " + pattern);
    CHECK(messages[2] == "error: Resources.Emoji.Properties.TagValue: AWS::ResourceGroups::TagSyncTask.TagValue: "
                         "'\U0001F600' does not match the pattern " + pattern);
}

// The schemas' enumCaseInsensitive (AmazonMQ's engine types are "activemq|rabbitmq"): any case is
// accepted, as cfn-lint and CloudFormation accept it; a value that is none of them is refused.
TEST_CASE("allowed values the schema compares case-insensitively") {
    namespace mq = cfn::aws::amazonmq;
    cfn::stack s;
    s.add(mq::configuration{"Upper", {.engine_type = "RABBITMQ", .name = "upper"}});
    s.add(mq::configuration{"Mixed", {.engine_type = "ActiveMQ", .name = "mixed"}});
    s.add(mq::configuration{"Wrong", {.engine_type = "Kafka", .name = "wrong"}});
    CHECK(test::messages(s) == std::vector<std::string>{
                                   "error: Resources.Wrong.Properties.EngineType: AWS::AmazonMQ::Configuration.EngineType: "
                                   "'Kafka' is not one of the allowed values in any case (activemq or rabbitmq)"});
}

// AWS::SecurityLake::Subscriber.SubscriberIdentity is written inline in the schema's properties,
// not under definitions: its members' constraints are read all the same.
TEST_CASE("a property type written inline in its parent's schema has its members' constraints") {
    namespace lake = cfn::aws::securitylake;
    auto principal = [](const char* text) {
        cfn::stack s;
        s.add(lake::subscriber{"Subscriber", {.access_types = {lake::subscriber::access_types::S3},
                                              .data_lake_arn = "arn:aws:securitylake:us-east-1:123456789012:data-lake/default",
                                              .sources = {{.aws_log_source = {.source_name = "ROUTE53", .source_version = "2.0"}}},
                                              .subscriber_identity = {.external_id = "external", .principal = text},
                                              .subscriber_name = "subscriber"}});
        return test::messages(s);
    };
    CHECK(principal("123456789012").empty());
    CHECK(principal("someone") ==
          std::vector<std::string>{"error: Resources.Subscriber.Properties.SubscriberIdentity.Principal: "
                                   "AWS::SecurityLake::Subscriber.SubscriberIdentity.Principal: 'someone' does not match "
                                   "the pattern '^([0-9]{12}|[a-z0-9\\.\\-]*\\.(amazonaws|amazon)\\.com)$'"});
}

TEST_CASE("lists of property types are checked element by element, with the element's path") {
    cfn::stack s;
    int below = -2;  // a variable: the literal -2 would not compile (FromPort's minimum is -1)
    s.add(ec2::security_group{"Group", {.group_description = "web",
                                        .security_group_ingress = {
                                            {.cidr_ip = "0.0.0.0/0", .from_port = 80, .ip_protocol = "tcp", .to_port = 80},
                                            {.cidr_ip = "0.0.0.0/0", .from_port = below, .ip_protocol = "-1", .to_port = 80},
                                        }}});
    CHECK(test::messages(s) ==
          std::vector<std::string>{"error: Resources.Group.Properties.SecurityGroupIngress[1].FromPort: "
                                   "AWS::EC2::SecurityGroup.Ingress.FromPort: -2 is less than the minimum -1"});
}

TEST_CASE("intrinsic functions are left to CloudFormation") {
    cfn::stack s;
    auto cidr = s.add(cfn::parameter<cfn::str>{"Cidr", {.default_value = "10.0.0.0/16"}});
    auto prod = s.add(cfn::condition{"Prod", cfn::equals(cidr.ref(), "10.0.0.0/16")});
    s.add(ec2::vpc{"Vpc", {.cidr_block = cidr.ref()}});
    s.add(ec2::vpc{"Sub", {.cidr_block = cfn::sub("${Cidr}")}});
    s.add(ec2::vpc{"If", {.cidr_block = cfn::if_(prod, "10.0.0.0/16", "10.1.0.0/16")}});
    CHECK(test::first_error(s).empty());
}

TEST_CASE("conditional requirements name the properties") {
    cfn::stack s;
    s.add(ec2::security_group_ingress{"None", {.ip_protocol = "tcp"}});
    s.add(ec2::security_group_ingress{"Two", {.cidr_ip = "0.0.0.0/0", .cidr_ipv6 = "::/0", .ip_protocol = "tcp"}});
    s.add(ec2::vpc{"Ipam", {.ipv4_ipam_pool_id = "ipam-pool-1"}});
    auto messages = test::messages(s);
    REQUIRE(messages.size() == 3);
    CHECK(messages[0] == "error: Resources.None.Properties: AWS::EC2::SecurityGroupIngress: one of CidrIp, CidrIpv6, "
                         "SourcePrefixListId, SourceSecurityGroupId or SourceSecurityGroupName is required");
    CHECK(messages[1] == "error: Resources.Two.Properties: AWS::EC2::SecurityGroupIngress: only one of CidrIp, "
                         "CidrIpv6, SourcePrefixListId, SourceSecurityGroupId or SourceSecurityGroupName may be set, "
                         "not CidrIp and CidrIpv6");
    CHECK(messages[2] == "error: Resources.Ipam.Properties.Ipv4IpamPoolId: AWS::EC2::VPC: Ipv4IpamPoolId needs "
                         "Ipv4NetmaskLength, which is not set");

    // A property set through Fn::If may be AWS::NoValue: the rule is not judged.
    cfn::stack t;
    auto v6 = t.add(cfn::condition{"V6", cfn::equals(cfn::aws::region, "us-east-1")});
    t.add(ec2::security_group_ingress{"Either", {.cidr_ip = cfn::if_(v6, cfn::no_value, "0.0.0.0/0"),
                                                 .cidr_ipv6 = "::/0", .ip_protocol = "tcp"}});
    CHECK(test::first_error(t).empty());
}

TEST_CASE("networks: subnets inside their VPC, not overlapping; private IPs inside their subnet") {
    cfn::stack s;
    auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto a = s.add(ec2::subnet{"A", {.cidr_block = "10.0.1.0/24", .vpc_id = vpc.ref()}});
    s.add(ec2::subnet{"B", {.cidr_block = "10.0.1.128/25", .vpc_id = vpc.ref()}});
    s.add(ec2::subnet{"Outside", {.cidr_block = "10.1.0.0/24", .vpc_id = vpc.ref()}});
    s.add(ec2::subnet{"Fine", {.cidr_block = "10.0.2.0/24", .vpc_id = vpc.ref()}});
    s.add(ec2::instance{"Manager", {.private_ip_address = "10.0.2.10", .subnet_id = a.ref()}});
    s.add(ec2::instance{"Router", {.private_ip_address = "10.0.1.1", .subnet_id = a.ref()}});
    s.add(ec2::instance{"Good", {.private_ip_address = "10.0.1.10", .subnet_id = a.ref()}});
    s.add(ec2::instance{"Twin", {.private_ip_address = "10.0.1.10", .subnet_id = a.ref()}});
    auto messages = test::messages(s);
    REQUIRE(messages.size() == 5);
    CHECK(messages[0] == "error: Resources.B.Properties.CidrBlock: AWS::EC2::Subnet.CidrBlock: 10.0.1.128/25 overlaps "
                         "subnet 'A' (10.0.1.0/24) of the same VPC");
    CHECK(messages[1] == "error: Resources.Outside.Properties.CidrBlock: AWS::EC2::Subnet.CidrBlock: 10.1.0.0/24 is not "
                         "inside the CIDR block of VPC 'Vpc' (10.0.0.0/16)");
    CHECK(messages[2] == "error: Resources.Manager.Properties.PrivateIpAddress: AWS::EC2::Instance.PrivateIpAddress: "
                         "10.0.2.10 is not inside subnet 'A' (10.0.1.0/24)");
    CHECK(messages[3] == "error: Resources.Router.Properties.PrivateIpAddress: AWS::EC2::Instance.PrivateIpAddress: "
                         "10.0.1.1 is one of the five addresses AWS reserves in subnet 'A' (10.0.1.0/24)");
    CHECK(messages[4] == "error: Resources.Twin.Properties.PrivateIpAddress: AWS::EC2::Instance.PrivateIpAddress: "
                         "10.0.1.10 is already the private IP at Resources.Good.Properties.PrivateIpAddress");

    // A VPC whose block is a parameter, or a subnet with a Condition, is not judged.
    cfn::stack t;
    auto cidr = t.add(cfn::parameter<cfn::str>{"Cidr", {.default_value = "10.0.0.0/16"}});
    auto unknown = t.add(ec2::vpc{"Vpc", {.cidr_block = cidr.ref()}});
    t.add(ec2::subnet{"A", {.cidr_block = "192.168.0.0/24", .vpc_id = unknown.ref()}});
    CHECK(test::first_error(t).empty());
}

TEST_CASE("security group rules: ports 0 to 65535, FromPort <= ToPort, -1 only with protocol -1") {
    cfn::stack s;
    s.add(ec2::security_group{"Group", {.group_description = "web",
                                        .security_group_ingress = {
                                            {.cidr_ip = "0.0.0.0/0", .from_port = 443, .ip_protocol = "tcp", .to_port = 80},
                                            {.cidr_ip = "0.0.0.0/0", .from_port = 0, .ip_protocol = "udp", .to_port = 70000},
                                            {.cidr_ip = "0.0.0.0/0", .from_port = -1, .ip_protocol = "tcp", .to_port = -1},
                                            {.cidr_ip = "0.0.0.0/0", .from_port = -1, .ip_protocol = "-1", .to_port = -1},
                                            {.cidr_ip = "0.0.0.0/0", .from_port = 8, .ip_protocol = "icmp", .to_port = -1},
                                            {.cidr_ip = "0.0.0.0/0", .from_port = 22, .ip_protocol = "tcp", .to_port = 22},
                                        }}});
    s.add(ec2::security_group_ingress{"Rule", {.cidr_ip = "0.0.0.0/0", .from_port = 8080, .group_id = "sg-1",
                                               .ip_protocol = "6", .to_port = 8000}});
    auto messages = test::messages(s);
    REQUIRE(messages.size() == 5);
    CHECK(messages[0] == "error: Resources.Group.Properties.SecurityGroupIngress[0].FromPort: "
                         "AWS::EC2::SecurityGroup.Ingress: FromPort 443 is greater than ToPort 80");
    CHECK(messages[1] == "error: Resources.Group.Properties.SecurityGroupIngress[1].ToPort: "
                         "AWS::EC2::SecurityGroup.Ingress.ToPort: 70000 is not a port (0 to 65535)");
    CHECK(messages[2] == "error: Resources.Group.Properties.SecurityGroupIngress[2].FromPort: "
                         "AWS::EC2::SecurityGroup.Ingress.FromPort: -1 (all ports) needs IpProtocol -1; with tcp give "
                         "the range 0 to 65535");
    CHECK_THAT(messages[3], Contains("SecurityGroupIngress[2].ToPort"));
    CHECK(messages[4] == "error: Resources.Rule.Properties.FromPort: AWS::EC2::SecurityGroupIngress: FromPort 8080 is "
                         "greater than ToPort 8000");
}

TEST_CASE("a reference to a conditional resource from something without the condition is a warning") {
    cfn::stack s;
    auto env = s.add(cfn::parameter<cfn::str>{"Env", {.default_value = "dev"}});
    auto prod = s.add(cfn::condition{"Prod", cfn::equals(env.ref(), "prod")});
    auto vpc = s.add(ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}, {.condition = prod}});
    s.add(ec2::subnet{"Always", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc.ref()}});
    s.add(ec2::subnet{"Guarded", {.cidr_block = "10.0.1.0/24", .vpc_id = cfn::if_(prod, vpc.ref(), cfn::as<cfn::id<"AWS::EC2::VPC.VpcId">>(cfn::sub("vpc-1")))}});
    s.add(ec2::subnet{"Same", {.cidr_block = "10.0.2.0/24", .vpc_id = vpc.ref()}, {.condition = prod}});
    s.add(cfn::output{"VpcId", vpc.ref()});
    auto messages = test::messages(s);
    REQUIRE(messages.size() == 2);
    CHECK(messages[0] == "warning: Resources.Always.Properties.VpcId.Ref: refers to 'Vpc', which exists only when "
                         "condition 'Prod' is true: this fails to deploy when it is false (give it the same "
                         "Condition, or refer through cfn::if_)");
    CHECK_THAT(messages[1], Contains("warning: Outputs.VpcId.Value.Ref: refers to 'Vpc'"));
}

// The schemas' other forms of "one of" (generators/README.md counts them): cfn-lint's requiredOr,
// a oneOf/anyOf whose alternatives are sets of properties ("A with B"), the closed unions
// (`properties` + `additionalProperties: false`), and those inside an allOf.
TEST_CASE("conditional requirements over sets of properties, requiredOr, unions, allOf") {
    using list = std::vector<std::string>;
    SECTION("requiredOr: at least one of") {
        cfn::stack s;
        s.add(ec2::subnet{"NoCidr", {.vpc_id = "vpc-1"}});
        s.add(ec2::subnet{"Pool", {.ipv4_ipam_pool_id = "ipam-pool-1", .ipv4_netmask_length = 24, .vpc_id = "vpc-1"}});
        s.add(cfn::aws::events::rule{"Never", {.name = "never"}});
        CHECK(test::messages(s) ==
              list{"error: Resources.NoCidr.Properties: AWS::EC2::Subnet: one of CidrBlock, Ipv4IpamPoolId, "
                   "Ipv6IpamPoolId or Ipv6CidrBlock is required",
                   "error: Resources.Never.Properties: AWS::Events::Rule: one of EventPattern or ScheduleExpression is "
                   "required"});
    }
    SECTION("anyOf over sets: each alternative holds when all its properties are set") {
        cfn::stack s;
        s.add(ec2::volume{"SizeOnly", {.size = 8}});
        s.add(ec2::volume{"Sized", {.availability_zone = "us-east-1a", .size = 8}});
        s.add(ec2::volume{"Copy", {.source_volume_id = "vol-1"}});
        CHECK(test::messages(s) ==
              list{"error: Resources.SizeOnly.Properties: AWS::EC2::Volume: one of AvailabilityZone with Size, "
                   "AvailabilityZone with SnapshotId, AvailabilityZoneId with Size, AvailabilityZoneId with "
                   "SnapshotId or SourceVolumeId is required"});
    }
    SECTION("oneOf over sets, in a property type") {
        cfn::stack s;
        s.add(ec2::instance{"Both", {.launch_template = {.launch_template_id = "lt-1",
                                                          .launch_template_name = "web", .version = "1"}}});
        s.add(ec2::instance{"Neither", {.launch_template = {.version = "1"}}});
        s.add(ec2::instance{"One", {.launch_template = {.launch_template_name = "web", .version = "1"}}});
        CHECK(test::messages(s) ==
              list{"error: Resources.Both.Properties.LaunchTemplate: AWS::EC2::Instance.LaunchTemplateSpecification: "
                   "only one of LaunchTemplateName with Version or LaunchTemplateId with Version may be set, not "
                   "LaunchTemplateName with Version and LaunchTemplateId with Version",
                   "error: Resources.Neither.Properties.LaunchTemplate: AWS::EC2::Instance.LaunchTemplateSpecification: "
                   "one of LaunchTemplateName with Version or LaunchTemplateId with Version is required"});
    }
    SECTION("a closed union: one of its members") {
        cfn::stack s;
        s.add(s3::bucket{"Both", {.logging_configuration = {.target_object_key_format = {
                                      .partitioned_prefix = {.partition_date_source = s3::bucket::partitioned_prefix_partition_date_source::EventTime},
                                      .simple_prefix = cfn::json_value::object(std::vector<std::pair<std::string, cfn::json_value>>{})}}}});
        s.add(s3::bucket{"Simple", {.logging_configuration = {.target_object_key_format = {
                                        .simple_prefix = cfn::json_value::object(std::vector<std::pair<std::string, cfn::json_value>>{})}}}});
        CHECK(test::messages(s) ==
              list{"error: Resources.Both.Properties.LoggingConfiguration.TargetObjectKeyFormat: "
                   "AWS::S3::Bucket.TargetObjectKeyFormat: only one of SimplePrefix or PartitionedPrefix may be set, "
                   "not SimplePrefix and PartitionedPrefix"});
    }
    SECTION("inside an allOf") {
        cfn::stack s;
        s.add(cfn::aws::arczonalshift::zonal_autoshift_configuration{"Shift", {.resource_identifier = "arn:aws:x"}});
        CHECK(test::messages(s) ==
              list{"error: Resources.Shift.Properties: AWS::ARCZonalShift::ZonalAutoshiftConfiguration: one of "
                   "ZonalAutoshiftStatus or PracticeRunConfiguration is required"});
    }
}

TEST_CASE("a resource without properties still has its requirements") {
    cfn::stack s;
    s.add(ec2::vpc{"Vpc", {}});
    CHECK(test::messages(s) == std::vector<std::string>{"error: Resources.Vpc.Properties: AWS::EC2::VPC: one of "
                                                        "CidrBlock or Ipv4IpamPoolId is required"});
}

// A parameter Ref'd into a property: the warning says which values the parameter accepts and the
// property refuses, naming both constraints (impl/check/parameters.ipp says what is compared).
TEST_CASE("a parameter whose constraints do not fit the property it feeds is a warning") {
    auto one = [](cfn::parameter_options options) {
        cfn::stack s;
        auto p = s.add(cfn::parameter<cfn::str>{"Name", std::move(options)});
        s.add(s3::bucket{"Bucket", {.bucket_name = p.ref()}});
        return test::messages(s);
    };
    using list = std::vector<std::string>;
    CHECK(one({.max_length = 100}) ==
          list{"warning: Resources.Bucket.Properties.BucketName: parameter Name (String, MaxLength 100) does not fit "
               "AWS::S3::Bucket.BucketName (maxLength 63): a value it accepts fails to deploy"});
    // A parameter that states nothing is the user's to fill in: not reported (nor by cfn-lint).
    CHECK(one({}).empty());
    CHECK(one({.min_length = 1}).empty());  // no MaxLength stated: the length above is not compared
    CHECK(one({.min_length = 1, .max_length = 63}).empty());
    CHECK(one({.min_length = 1, .max_length = 64}).size() == 1);
    {
        cfn::stack s;  // an unstated MinLength (0) is not reported: nearly every String parameter leaves it
        auto stated = s.add(cfn::parameter<cfn::str>{"Stated", {.min_length = 0, .max_length = 512}});
        auto unstated = s.add(cfn::parameter<cfn::str>{"Unstated", {.max_length = 512}});
        s.add(cfn::aws::logs::log_group{"StatedLogs", {.log_group_name = stated.ref()}});
        s.add(cfn::aws::logs::log_group{"UnstatedLogs", {.log_group_name = unstated.ref()}});
        CHECK(test::messages(s) ==
              list{"warning: Resources.StatedLogs.Properties.LogGroupName: parameter Stated (String, MinLength 0) does not "
                   "fit AWS::Logs::LogGroup.LogGroupName (minLength 1): a value it accepts fails to deploy"});
    }
    // The values it accepts are judged like literals: the length, then the pattern.
    CHECK(one({.allowed_values = {"logs", "My_Logs"}}) ==
          list{"warning: Resources.Bucket.Properties.BucketName: parameter Name (String, AllowedValues 'My_Logs') does "
               "not fit AWS::S3::Bucket.BucketName (pattern '^([a-z0-9][a-z0-9.-]*[a-z0-9])?$'): a value it accepts "
               "fails to deploy"});
    CHECK(one({.allowed_values = {"logs", "data"}}).empty());  // no MaxLength, but only two values
    CHECK(one({.default_value = "Logs", .max_length = 63}).at(0).find("(String, Default 'Logs')") != std::string::npos);
    // An AllowedPattern may bound the length more tightly than MaxLength: not compared (no guessing).
    CHECK(one({.allowed_pattern = "^[a-z]{3,10}$", .max_length = 100}).empty());

    SECTION("numbers against a range") {
        auto number = [](cfn::parameter_options options) {
            cfn::stack s;
            auto p = s.add(cfn::parameter<cfn::number>{"Delay", std::move(options)});
            s.add(cfn::aws::sqs::queue{"Queue", {.delay_seconds = cfn::as<cfn::integer>(p.ref())}});
            return test::messages(s);
        };
        CHECK(number({.min_value = 0, .max_value = 1000}) ==
              list{"warning: Resources.Queue.Properties.DelaySeconds: parameter Delay (Number, MaxValue 1000) does not "
                   "fit AWS::SQS::Queue.DelaySeconds (maximum 900): a value it accepts fails to deploy"});
        CHECK(number({.min_value = -5, .max_value = 900}).at(0).find("(Number, MinValue -5) does not fit "
                                                                     "AWS::SQS::Queue.DelaySeconds (minimum 0)") != std::string::npos);
        CHECK(number({.max_value = 900}).empty());  // the minimum is not stated: not compared
        CHECK(number({}).empty());
        CHECK(number({.min_value = 0, .max_value = 900}).empty());
        CHECK(number({.allowed_values = {0, 60, 1200}}).at(0).find("(Number, AllowedValues '1200')") != std::string::npos);
    }
    SECTION("an Fn::If branch stands for the property; a Ref inside another function is not compared") {
        cfn::stack s;
        auto p = s.add(cfn::parameter<cfn::str>{"Name", {.max_length = 100}});
        auto c = s.add(cfn::condition{"Named", cfn::not_(cfn::equals(p.ref(), ""))});
        s.add(s3::bucket{"Bucket", {.bucket_name = cfn::if_(c, p.ref(), cfn::no_value)}});
        s.add(s3::bucket{"Joined", {.bucket_name = cfn::join("-", {p.ref(), "logs"})}});
        auto messages = test::messages(s);
        REQUIRE(messages.size() == 1);
        CHECK_THAT(messages[0], Contains("Resources.Bucket.Properties.BucketName.Fn::If[1]: parameter Name (String, "
                                         "MaxLength 100) does not fit AWS::S3::Bucket.BucketName (maxLength 63)"));
    }
    SECTION("an AWS-specific parameter type is CloudFormation's to validate") {
        cfn::stack s;
        auto key = s.add(cfn::parameter<cfn::aws_ec2_keypair_keyname>{"Key"});
        s.add(ec2::instance{"Host", {.image_id = "ami-12345678", .key_name = key.ref()}});
        CHECK(test::messages(s).empty());
    }
}
