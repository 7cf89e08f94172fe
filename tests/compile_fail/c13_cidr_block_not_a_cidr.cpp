// A CIDR block that is not one: a prefix longer than 32 bits.
// class: 13
// fix: an IPv4 network in CIDR notation (`10.0.0.0/16`), with no bits set after the prefix. A string built at run time is checked by `cfn::check` before the template is written.
// expect: literal_is_not_an_ipv4_cidr
// expect-gcc: AWS::EC2::VPC\.CidrBlock.*10\.0\.0\.0/33
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/vpc.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/33"}});  // <- error
#else
    s.add(cfn::aws::ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
#endif
}
