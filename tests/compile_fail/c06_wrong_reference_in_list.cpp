// A subnet in a list of security group ids.
// class: 6
// fix: each element must be a reference of the type the message lists (`sg.ref()`).
// expect: AWS::EC2::Instance\.SecurityGroupIds
// expect: AWS::EC2::SecurityGroup\.Id
// expect-gcc: ec2::subnet
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>
#include <cfn/aws/ec2/security_group.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
    auto subnet = s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}});
    auto sg = s.add(cfn::aws::ec2::security_group{"Sg", {.group_description = "web"}});
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .security_group_ids = {sg.ref(), subnet.ref()}}});  // <- error
#else
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .security_group_ids = {sg.ref()}, .subnet_id = subnet.ref()}});
#endif
}
