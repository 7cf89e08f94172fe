// A security group where a subnet is expected.
// class: 6
// fix: pass the subnet (`subnet.ref()`); the security group goes in `.security_group_ids`.
// expect: AWS::EC2::Subnet\.SubnetId
// expect: AWS::EC2::SecurityGroup
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
    auto subnet = s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}});
    auto sg = s.add(cfn::aws::ec2::security_group{"Sg", {.group_description = "web"}});
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .subnet_id = sg.ref()}});  // <- error
    (void)subnet;
#else
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .security_group_ids = {sg.ref()}, .subnet_id = subnet.ref()}});
#endif
}
