// A typed id made from the node inside another expression.
// class: 6
// fix: expressions come from handles (`vpc.ref()`, `sg.attr_vpc_id()`) and intrinsic functions; to change one's type, `cfn::as<T>(e)` says so visibly.
// expect: private
// expect: cfn::as
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
    auto sg = s.add(cfn::aws::ec2::security_group{"Sg", {.group_description = "x", .vpc_id = "vpc-1"}});
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = cfn::expr<cfn::id<"AWS::EC2::VPC.VpcId">>{sg.ref().n}}});  // <- error
#else
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = sg.attr_vpc_id()}});
#endif
}
