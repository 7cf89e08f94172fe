// A misspelled property.
// class: 2
// fix: use the member's name: the CloudFormation name in snake_case (`CidrBlock` is `cidr_block`); the generated header lists them all.
// expect: ec2::subnet::properties
// expect: cidr_blok
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_blok = "10.0.0.0/24", .vpc_id = "vpc-1"}});  // <- error
#else
    s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = "vpc-1"}});
#endif
}
