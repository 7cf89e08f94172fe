// A condition used as a value, and DependsOn given a parameter.
// expect: cfn::condition_handle
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s, const cfn::condition_handle& c) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = c, .vpc_id = "vpc-1"}});  // <- error
#else
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}, {.condition = c}});
#endif
}
