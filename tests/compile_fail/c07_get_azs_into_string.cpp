// Fn::GetAZs is a list: it does not fit a string property.
// class: 7
// fix: pick one element (`cfn::select(0, cfn::get_azs())`).
// expect: cfn::list<cfn::str>
// expect: AWS::EC2::Subnet\.AvailabilityZone
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.availability_zone = cfn::get_azs(),  // <- error
                                           .vpc_id = "vpc-1"}});
#else
    s.add(cfn::aws::ec2::subnet{"Subnet", {.availability_zone = cfn::select(0, cfn::get_azs()),
                                           .vpc_id = "vpc-1"}});
#endif
}
