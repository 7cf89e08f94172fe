// A value that was never set, put where a value is needed (a list element, a map value): the check
// names it by its path instead of letting the template carry a `null`.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/rds/db_subnet_group.hpp>
#include <cfn/aws/ssm/parameter.hpp>

#include "support.hpp"

namespace ec2 = cfn::aws::ec2;
using subnet_id = cfn::id<"AWS::EC2::Subnet.SubnetId">;

TEST_CASE("an unset value in a list is an error at its index") {
    cfn::stack s;
    auto subnet_a = s.add(ec2::subnet{"SubnetA", {.cidr_block = "10.0.15.0/24", .vpc_id = "vpc-1"}});
    s.add(cfn::aws::rds::db_subnet_group{
        "Databases", {.db_subnet_group_description = "db", .subnet_ids = {subnet_a.ref(), cfn::value<subnet_id>{}}}});
    CHECK(test::messages(s) ==
          std::vector<std::string>{"error: Resources.Databases.Properties.SubnetIds[1]: list element not set: it would "
                                   "be written as null"});
}

TEST_CASE("an unset optional copied into a vector is an error at its index") {
    cfn::stack s;
    ec2::subnet::properties unset_zone{.vpc_id = "vpc-1"};  // availability_zone left unset
    auto subnet_a = s.add(ec2::subnet{"SubnetA", {.availability_zone = "eu-west-1a", .vpc_id = "vpc-1"}});
    std::vector<cfn::value<cfn::str>> zones{subnet_a.attr_availability_zone(), unset_zone.availability_zone,
                                            "eu-west-1c"};
    s.add(cfn::aws::rds::db_subnet_group{"Databases",
                                         {.db_subnet_group_description = cfn::join(",", {zones[0], zones[1]}),
                                          .subnet_ids = {subnet_a.ref()}}});
    CHECK(test::first_error(s) ==
          "error: Resources.Databases.Properties.DBSubnetGroupDescription.Fn::Join[1][1]: list element not set: it "
          "would be written as null");
}

TEST_CASE("an unset map value is an error at its key") {
    cfn::stack s;
    s.add(cfn::aws::ssm::parameter{
        "Setting",
        {.tags = {{"Team", "platform"}, {"Owner", cfn::value<cfn::str>{}}},
         .type = cfn::aws::ssm::parameter::type::String,
         .value = "on"}});
    CHECK(test::first_error(s) == "error: Resources.Setting.Properties.Tags.Owner: value not set: it would be written as null");
}

TEST_CASE("set values in lists and maps pass") {
    cfn::stack s;
    auto subnet_a = s.add(ec2::subnet{"SubnetA", {.cidr_block = "10.0.16.0/24", .vpc_id = "vpc-1"}});
    std::vector<cfn::value<subnet_id>> subnets{subnet_a.ref(), "subnet-2"};
    s.add(cfn::aws::rds::db_subnet_group{"Databases", {.db_subnet_group_description = "db", .subnet_ids = subnets}});
    s.add(cfn::aws::ssm::parameter{
        "Setting", {.tags = {{"Team", "platform"}}, .type = cfn::aws::ssm::parameter::type::String, .value = "on"}});
    CHECK(test::messages(s).empty());
}
