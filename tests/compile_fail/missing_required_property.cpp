// A required property left out: the message names the resource type and the property.
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
