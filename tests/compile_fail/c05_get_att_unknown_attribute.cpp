// Fn::GetAtt of an attribute the resource type does not have: a VPC has no PublicIp.
// class: 5
// fix: use one of the `attr_...()` functions of the resource's handle (listed in its header, one per attribute AWS documents).
// expect: ec2::vpc::handle
// expect: attr_public_ip
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/vpc.hpp>

void build(cfn::stack& s) {
    auto vpc = s.add(cfn::aws::ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
#ifdef CFN_MISTAKE
    s.output("Address", vpc.attr_public_ip());  // <- error
#else
    s.output("Address", vpc.attr_cidr_block());
#endif
}
