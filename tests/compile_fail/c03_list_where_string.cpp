// A list where CloudFormation expects a String.
// class: 3
// fix: give one string; for several values, use a list property or `cfn::join(",", {...})` if the property takes a delimited string.
// expect: AWS::EC2::Subnet\.CidrBlock
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = {"10.0.0.0/24", "10.0.1.0/24"}, .vpc_id = "vpc-1"}});  // <- error
#else
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = "vpc-1"}});
#endif
}
