// A resource's Condition given a parameter instead of a condition.
// class: 8
// fix: add a condition (`s.add(cfn::condition{"IsProd", cfn::equals(env.ref(), "prod")})`) and pass its handle.
// expect: condition_ref
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
    auto env = s.add(cfn::parameter<cfn::str>{"Environment"});
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}, {.condition = env}});  // <- error
#else
    auto is_prod = s.add(cfn::condition{"IsProd", cfn::equals(env.ref(), "prod")});
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}, {.condition = is_prod}});
#endif
}
