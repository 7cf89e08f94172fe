// A required property left out: a subnet without its VPC.
// class: 1
// fix: set the property the message names (`.vpc_id = vpc.ref()`); required members are marked `Required.` in the generated header.
// expect: AWS::EC2::Subnet\.VpcId
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24"}});  // <- error
#else
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = "vpc-1"}});
#endif
}
