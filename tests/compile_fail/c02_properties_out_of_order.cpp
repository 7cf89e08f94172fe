// Properties written out of order: designated initializers must follow the declaration order,
// which is the alphabetical order of the CloudFormation names (as in AWS's documentation).
// class: 2
// fix: write the members in alphabetical order of their CloudFormation names (`CidrBlock` before `VpcId`).
// expect-gcc: designator order for field .*cidr_block.* does not match declaration order
// expect-clang: ISO C\+\+ requires field designators to be specified in declaration order
// clang-flags: -Werror=reorder-init-list
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = "vpc-1", .cidr_block = "10.0.0.0/24"}});  // <- error
#else
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = "vpc-1"}});
#endif
}
