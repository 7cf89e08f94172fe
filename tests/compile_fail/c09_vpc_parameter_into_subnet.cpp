// An AWS::EC2::VPC::Id parameter where a subnet id belongs.
// class: 9
// fix: declare the parameter with the type the property expects (`cfn::aws_ec2_subnet_id`).
// expect: AWS::EC2::Subnet\.SubnetId
// expect: AWS::EC2::VPC\.VpcId
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    auto network = s.add(cfn::parameter<cfn::aws_ec2_vpc_id>{"Network"});
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .subnet_id = network.ref()}});  // <- error
#else
    auto network = s.add(cfn::parameter<cfn::aws_ec2_subnet_id>{"Network"});
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .subnet_id = network.ref()}});
#endif
}
