// A Ref of one resource type declared as another's id, without `cfn::as`.
// class: 6
// fix: refer to a resource of the type the property names; where CloudFormation converts and the types cannot know it, `cfn::as<T>(e)` says so visibly.
// expect: use_cfn_as_to_change_the_type_of_an_expression
// expect: AWS::EC2::VPC\.VpcId
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
    auto sg = s.add(cfn::aws::ec2::security_group{"Sg", {.group_description = "x", .vpc_id = "vpc-1"}});
#ifdef CFN_MISTAKE
    cfn::expr<cfn::id<"AWS::EC2::VPC.VpcId">> vpc = sg.ref();  // <- error
#else
    cfn::expr<cfn::id<"AWS::EC2::VPC.VpcId">> vpc = sg.attr_vpc_id();
#endif
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = vpc}});
}
