// A condition function (Fn::Equals) used as a property value.
// class: 7
// fix: condition functions go into `cfn::condition{...}` (or `cfn::if_`); for a value, use `cfn::if_(condition, a, b)`.
// expect: condition_value
// expect: AWS::EC2::Subnet\.CidrBlock
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = cfn::equals(cfn::aws::region, "eu-west-1"),  // <- error
                                           .vpc_id = "vpc-1"}});
#else
    auto in_ireland = s.add(cfn::condition{"InIreland", cfn::equals(cfn::aws::region, "eu-west-1")});
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = cfn::if_(in_ireland, "10.0.0.0/24", "10.1.0.0/24"),
                                           .vpc_id = "vpc-1"}});
#endif
}
