// An integer where CloudFormation expects a Boolean.
// class: 3
// fix: write `true` or `false`.
// expect: AWS::EC2::VPC\.EnableDnsSupport
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/vpc.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16", .enable_dns_support = 1}});  // <- error
#else
    s.add(cfn::aws::ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16", .enable_dns_support = true}});
#endif
}
