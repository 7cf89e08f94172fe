// A named condition used as a property value.
// class: 8
// fix: a condition decides whether something exists (`{.condition = c}` in the resource options) or which value to use (`cfn::if_(c, a, b)`); it is not a value itself.
// expect: cfn::condition_handle
// expect: AWS::EC2::Subnet\.CidrBlock
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s, const cfn::condition_handle& c) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = c, .vpc_id = "vpc-1"}});  // <- error
#else
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}, {.condition = c}});
#endif
}
