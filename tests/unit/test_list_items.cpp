// List properties whose literal's count of items is checked at compile time (a cfn::list_rule in
// the property's type, cfn/value.hpp): every form such a property took as a plain cfn::optional
// still compiles and writes the same JSON. The counts that do not compile are in
// tests/compile_fail/c13_list_*.cpp and c13_struct_list_*.cpp; a run-time list (std::vector) is counted by cfn::check.
#include <catch2/catch.hpp>

#include <string>
#include <type_traits>
#include <vector>

#include <cfn/cfn.hpp>
#include <cfn/aws/connect/security_profile.hpp>
#include <cfn/aws/dynamodb/table.hpp>
#include <cfn/aws/ec2/instance.hpp>
#include <cfn/aws/iam/instance_profile.hpp>
#include <cfn/aws/lambda/event_source_mapping.hpp>
#include <cfn/aws/lambda/function.hpp>
#include <cfn/aws/rds/db_proxy.hpp>

#include "support.hpp"

namespace {

using cfn::aws::lambda::function;
using security_groups = decltype(function::vpc_config::security_group_ids);  // list of ids, at most 5
using architectures = decltype(function::properties::architectures);         // list of strings, at most 1
using proxy_subnets = decltype(cfn::aws::rds::db_proxy::properties::vpc_subnet_ids);  // at least 2
using metrics = decltype(cfn::aws::lambda::event_source_mapping::metrics_config::metrics);  // enums, at most 3

// The types are the checked forms, with the schema's bounds.
static_assert(std::is_same_v<architectures, cfn::checked_optional<cfn::list<cfn::str>, "AWS::Lambda::Function.Architectures",
                                                                 cfn::list_rule{.max_items = 1}>>);
static_assert(std::is_same_v<proxy_subnets,
                             cfn::checked_required<cfn::list<cfn::id<"AWS::EC2::Subnet.SubnetId">>,
                                                   "AWS::RDS::DBProxy.VpcSubnetIds", cfn::list_rule{.min_items = 2}>>);
// A list literal is a braced list; a plain string is not a list, nor is an element's value alone.
static_assert(!std::is_convertible_v<const char (&)[7], architectures>);
static_assert(!std::is_convertible_v<std::string, architectures>);
static_assert(!std::is_convertible_v<cfn::expr<cfn::id<"AWS::EC2::SecurityGroup.Id">>, security_groups>);
// A list of another element type is refused, as by cfn::optional.
static_assert(!std::is_convertible_v<cfn::expr<cfn::list<cfn::integer>>, security_groups>);
// A run-time list and list expressions are taken.
static_assert(std::is_convertible_v<std::vector<std::string>, architectures>);
static_assert(std::is_convertible_v<cfn::expr<cfn::list<cfn::str>>, architectures>);
static_assert(std::is_convertible_v<cfn::value<cfn::list<cfn::str>>, architectures>);

// Lists of property structs (and tags) with a small maxItems: the checked forms too, counted by
// constructors of fixed arity whose parameters are the element type (cfn/value.hpp).
using file_systems = decltype(function::properties::file_system_configs);  // at most 1
using key_schema = decltype(cfn::aws::dynamodb::table::local_secondary_index::key_schema);  // exactly 2
using access_control_tags = decltype(cfn::aws::connect::security_profile::properties::allowed_access_control_tags);  // at most 2
static_assert(std::is_same_v<file_systems, cfn::checked_optional<cfn::list<function::file_system_config>,
                                                                "AWS::Lambda::Function.FileSystemConfigs", cfn::list_rule{.max_items = 1}>>);
static_assert(std::is_same_v<key_schema, cfn::checked_required<cfn::list<cfn::aws::dynamodb::table::key_schema>,
                                                              "AWS::DynamoDB::Table.LocalSecondaryIndex.KeySchema",
                                                              cfn::list_rule{.min_items = 2, .max_items = 2}>>);
static_assert(std::is_same_v<access_control_tags, cfn::checked_optional<cfn::list<cfn::tag>, "AWS::Connect::SecurityProfile.AllowedAccessControlTags",
                                                                       cfn::list_rule{.max_items = 2}>>);
// Stored as the other checked forms: one literal_slot, so the field table's offsets are unchanged.
static_assert(sizeof(file_systems) == sizeof(architectures));
// An element variable alone is not a list; a list of another resource's property type is refused.
static_assert(!std::is_convertible_v<function::file_system_config&, file_systems>);
static_assert(!std::is_convertible_v<const function::file_system_config&, file_systems>);
static_assert(!std::is_convertible_v<std::vector<cfn::aws::ec2::instance::block_device_mapping>, file_systems>);
static_assert(!std::is_convertible_v<cfn::expr<cfn::list<cfn::str>>, file_systems>);
// Run-time lists and list expressions are taken.
static_assert(std::is_convertible_v<std::vector<function::file_system_config>, file_systems>);
static_assert(std::is_convertible_v<cfn::value<cfn::list<function::file_system_config>>, file_systems>);
static_assert(std::is_convertible_v<cfn::expr<cfn::list<function::file_system_config>>, file_systems>);

/// The VpcConfig of a function whose VPC settings are `config`, as written in the template.
nlohmann::ordered_json vpc_config_of(const function::vpc_config& config) {
    cfn::stack s{"t"};
    s.add(function{"F", {.code = {.zip_file = "exports.handler = async () => 1;"},
                         .role = "arn:aws:iam::123456789012:role/handler",
                         .vpc_config = config}});
    return test::template_of(s)["Resources"]["F"]["Properties"]["VpcConfig"];
}

}  // namespace

TEST_CASE("list literals of a counted list property: one item, several, intrinsics among literals") {
    cfn::stack s{"t"};
    auto group = s.add(cfn::parameter<cfn::aws_ec2_securitygroup_id>{"Group"});
    CHECK(vpc_config_of({.security_group_ids = {"sg-1"}})["SecurityGroupIds"] == nlohmann::ordered_json{"sg-1"});
    CHECK(vpc_config_of({.security_group_ids = {"sg-1", "sg-2", "sg-3", "sg-4", "sg-5"}})["SecurityGroupIds"].size() == 5);
    auto mixed = vpc_config_of({.security_group_ids = {group.ref(), "sg-2", std::string("sg-3")}})["SecurityGroupIds"];
    CHECK(mixed.dump() == R"([{"Ref":"Group"},"sg-2","sg-3"])");
    // An element built beforehand.
    CHECK(vpc_config_of({.security_group_ids = {cfn::value<cfn::id<"AWS::EC2::SecurityGroup.Id">>("sg-9")}})["SecurityGroupIds"]
              .dump() == R"(["sg-9"])");
}

TEST_CASE("list expressions, vectors and values of a counted list property") {
    cfn::stack s{"t"};
    auto groups = s.add(cfn::parameter<cfn::list<cfn::aws_ec2_securitygroup_id>>{"Groups"});
    auto csv = s.add(cfn::parameter<cfn::str>{"Csv"});
    auto prod = s.add(cfn::condition{"Prod", cfn::equals(csv.ref(), "prod")});
    CHECK(vpc_config_of({.security_group_ids = groups.ref()})["SecurityGroupIds"].dump() == R"({"Ref":"Groups"})");
    CHECK(vpc_config_of({.security_group_ids = {groups.ref()}})["SecurityGroupIds"].dump() == R"({"Ref":"Groups"})");
    CHECK(vpc_config_of({.security_group_ids = cfn::split(",", csv.ref())})["SecurityGroupIds"].dump() ==
          R"({"Fn::Split":[",",{"Ref":"Csv"}]})");
    CHECK(vpc_config_of({.security_group_ids = cfn::if_(prod, groups.ref(), cfn::no_value)})["SecurityGroupIds"].dump() ==
          R"({"Fn::If":["Prod",{"Ref":"Groups"},{"Ref":"AWS::NoValue"}]})");
    CHECK(vpc_config_of({.security_group_ids = cfn::no_value})["SecurityGroupIds"].dump() == R"({"Ref":"AWS::NoValue"})");
    CHECK(!vpc_config_of({.security_group_ids = {}}).contains("SecurityGroupIds"));
    std::vector<std::string> ids{"sg-1", "sg-2"};
    CHECK(vpc_config_of({.security_group_ids = ids})["SecurityGroupIds"].dump() == R"(["sg-1","sg-2"])");
    cfn::value<cfn::list<cfn::id<"AWS::EC2::SecurityGroup.Id">>> made{"sg-7", "sg-8"};
    CHECK(vpc_config_of({.security_group_ids = made})["SecurityGroupIds"].dump() == R"(["sg-7","sg-8"])");
    // A list of strings with at most one item.
    cfn::stack z{"z"};
    z.add(function{"F", {.architectures = {"arm64"}, .code = {.zip_file = "x"}, .role = "arn:aws:iam::123456789012:role/h"}});
    CHECK(test::template_of(z)["Resources"]["F"]["Properties"]["Architectures"].dump() == R"(["arm64"])");
}

TEST_CASE("a required counted list, a list of enumerators: the JSON of a plain list") {
    using cfn::aws::rds::db_proxy;
    cfn::stack s{"t"};
    auto subnet = s.add(cfn::parameter<cfn::aws_ec2_subnet_id>{"Subnet"});
    s.add(db_proxy{"Proxy", {.db_proxy_name = "orders",
                             .engine_family = db_proxy::engine_family::POSTGRESQL,
                             .role_arn = "arn:aws:iam::123456789012:role/proxy-role",
                             .vpc_subnet_ids = {subnet.ref(), "subnet-2", cfn::select(0, cfn::get_azs())}}});
    using cfn::aws::lambda::event_source_mapping;
    s.add(event_source_mapping{"Events", {.function_name = "handler",
                                          .metrics_config = {.metrics = {event_source_mapping::metrics_config_metrics::EventCount}}}});
    auto t = test::template_of(s);
    CHECK(t["Resources"]["Proxy"]["Properties"]["VpcSubnetIds"].dump() ==
          R"([{"Ref":"Subnet"},"subnet-2",{"Fn::Select":[0,{"Fn::GetAZs":""}]}])");
    CHECK(t["Resources"]["Events"]["Properties"]["MetricsConfig"]["Metrics"].dump() == R"(["EventCount"])");
}

TEST_CASE("a run-time list's count of items is judged by cfn::check") {
    cfn::stack s{"t"};
    std::vector<std::string> six{"sg-1", "sg-2", "sg-3", "sg-4", "sg-5", "sg-6"};
    s.add(function{"F", {.code = {.zip_file = "x"}, .role = "arn:aws:iam::123456789012:role/h", .vpc_config = {.security_group_ids = six}}});
    CHECK_THAT(test::first_error(s), Catch::Contains("SecurityGroupIds"));
}

namespace {
/// The FileSystemConfigs of a function whose file systems are `configs`, as written in the template.
nlohmann::ordered_json file_systems_of(file_systems configs) {
    cfn::stack s{"t"};
    s.add(function{"F", {.code = {.zip_file = "x"}, .file_system_configs = configs, .role = "arn:aws:iam::123456789012:role/h"}});
    return test::template_of(s)["Resources"]["F"]["Properties"]["FileSystemConfigs"];
}
constexpr const char* efs_json = R"([{"Arn":"arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0","LocalMountPath":"/mnt/data"}])";
}  // namespace

TEST_CASE("list literals of a counted list of property structs: designated items, elements, run-time lists") {
    function::file_system_config efs{.arn = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0",
                                     .local_mount_path = "/mnt/data"};
    // Designated initializers of items, an element variable, a vector, a value, as a plain list.
    CHECK(file_systems_of({{.arn = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0",
                            .local_mount_path = "/mnt/data"}})
              .dump() == efs_json);
    CHECK(file_systems_of({efs}).dump() == efs_json);
    CHECK(file_systems_of(std::vector<function::file_system_config>{efs}).dump() == efs_json);
    CHECK(file_systems_of(cfn::value<cfn::list<function::file_system_config>>{efs}).dump() == efs_json);
    CHECK(file_systems_of({}).is_null());
    CHECK(file_systems_of(cfn::no_value).dump() == R"({"Ref":"AWS::NoValue"})");
    cfn::stack s{"t"};
    auto prod = s.add(cfn::condition{"Prod", cfn::equals(cfn::aws::region, "us-east-1")});
    CHECK(file_systems_of(cfn::if_(prod, cfn::value<cfn::list<function::file_system_config>>{efs}, cfn::no_value)).dump() ==
          std::string(R"({"Fn::If":["Prod",)") + efs_json + R"(,{"Ref":"AWS::NoValue"}]})");
}

TEST_CASE("a required list of exactly two property structs, a list of tags") {
    using cfn::aws::dynamodb::table;
    cfn::stack s{"t"};
    table::key_schema range{.attribute_name = "sk", .key_type = "RANGE"};
    s.add(table{"Orders", {.attribute_definitions = {{.attribute_name = "pk", .attribute_type = "S"}, {.attribute_name = "sk", .attribute_type = "S"}},
                           .key_schema = cfn::json_value::array({cfn::json_value::object({{"AttributeName", "pk"}, {"KeyType", "HASH"}})}),
                           .local_secondary_indexes = {{.index_name = "by-sk",
                                                        .key_schema = {{.attribute_name = "pk", .key_type = "HASH"}, range},
                                                        .projection = {.projection_type = "KEYS_ONLY"}}}}});
    using cfn::aws::connect::security_profile;
    s.add(security_profile{"Agents", {.allowed_access_control_tags = {{.key = "team", .value = "a"}, {.key = "tier", .value = "1"}},
                                      .instance_arn = "arn:aws:connect:us-east-1:123456789012:instance/x",
                                      .security_profile_name = "agents"}});
    auto t = test::template_of(s);
    CHECK(t["Resources"]["Orders"]["Properties"]["LocalSecondaryIndexes"][0]["KeySchema"].dump() ==
          R"([{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}])");
    CHECK(t["Resources"]["Agents"]["Properties"]["AllowedAccessControlTags"].dump() ==
          R"([{"Key":"team","Value":"a"},{"Key":"tier","Value":"1"}])");
}
