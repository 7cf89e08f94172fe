// AWS::NoValue as a branch of Fn::If, for a required property.
// class: 7
// fix: a required property must always have a value: give both branches one.
// expect: AWS::EC2::Subnet\.VpcId
// expect: or_no_value
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s, const cfn::condition_handle& c) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = cfn::if_(c, "vpc-1", cfn::no_value)}});  // <- error
#else
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = cfn::if_(c, "10.0.0.0/24", cfn::no_value), .vpc_id = "vpc-1"}});
#endif
}
