// AWS::NoValue for a required property.
// class: 7
// fix: set the property; `cfn::no_value` only removes optional ones.
// expect: AWS::EC2::Subnet\.VpcId
// expect: no_value_t
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = cfn::no_value}});  // <- error
#else
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = cfn::no_value, .vpc_id = "vpc-1"}});
#endif
}
