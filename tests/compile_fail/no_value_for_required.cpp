// AWS::NoValue for a required property.
// expect: AWS::EC2::Subnet\.VpcId
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s, const cfn::condition_handle& c) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = cfn::if_(c, "vpc-1", cfn::no_value)}});  // <- error
#else
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = cfn::if_(c, "10.0.0.0/24", cfn::no_value), .vpc_id = "vpc-1"}});
#endif
}
