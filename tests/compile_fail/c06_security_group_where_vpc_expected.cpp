// A Ref of a security group where the VPC's id belongs.
// class: 6
// fix: refer to a resource of the type the message lists (`vpc.ref()`). If AWS's spec is wrong about a relationship, `cfn::as<cfn::str>(x.ref())` is the visible escape.
// expect: AWS::EC2::VPC\.VpcId
// expect: AWS::EC2::SecurityGroup
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>

void build(cfn::stack& s) {
    auto vpc = s.add(cfn::aws::ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
    auto sg = s.add(cfn::aws::ec2::security_group{"Sg", {.group_description = "x", .vpc_id = vpc.ref()}});
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = sg.ref()}});  // <- error
#else
    (void)sg;
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = vpc.ref()}});
#endif
}
