// A List<AWS::EC2::Subnet::Id> parameter where one subnet id belongs.
// class: 9
// fix: pick one (`cfn::select(0, subnets.ref())`), or use a property that takes a list.
// expect: list<(cfn::)?id<.*AWS::EC2::Subnet\.SubnetId
// expect: AWS::EC2::Instance\.SubnetId
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>

void build(cfn::stack& s) {
    auto subnets = s.add(cfn::parameter<cfn::list<cfn::aws_ec2_subnet_id>>{"Subnets"});
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .subnet_id = subnets.ref()}});  // <- error
#else
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .subnet_id = cfn::select(0, subnets.ref())}});
#endif
}
