// DependsOn given a logical ID as a string: a typo would only show at deployment.
// class: 8
// fix: pass the handle `s.add` returned (`.depends_on = {vpc}`): it cannot name something that does not exist.
// expect-gcc: dependency\(const char\*\)
// expect-clang: dependency. invokes a deleted function
// expect: depends_on_takes_handles_not_logical_ids
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>

void build(cfn::stack& s) {
    auto vpc = s.add(cfn::aws::ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}, {.depends_on = {"Vpc"}}});  // <- error
    (void)vpc;
#else
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}, {.depends_on = {vpc}}});
#endif
}
