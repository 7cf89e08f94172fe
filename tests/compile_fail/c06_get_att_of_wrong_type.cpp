// Fn::GetAtt of the wrong identifier: a subnet's SubnetId where its VPC's id belongs.
// class: 6
// fix: use the attribute that identifies the expected type (`subnet.attr_vpc_id()`, or `vpc.ref()`).
// expect: AWS::EC2::VPC\.VpcId
// expect: AWS::EC2::Subnet\.SubnetId
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
    auto subnet = s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}});
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::security_group{"Sg", {.group_description = "web", .vpc_id = subnet.attr_subnet_id()}});  // <- error
#else
    s.add(cfn::aws::ec2::security_group{"Sg", {.group_description = "web", .vpc_id = subnet.attr_vpc_id()}});
#endif
}
