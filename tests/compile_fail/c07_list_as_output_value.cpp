// A list as an output's value: CloudFormation's outputs are strings.
// class: 7
// fix: join the list into one string, `cfn::join(",", subnet.attr_ipv6_cidr_blocks())`.
// expect: output_value\(.*list
// expect-gcc: cfn::join
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
    auto subnet = s.add(cfn::aws::ec2::subnet{"Subnet", {.cidr_block = "10.0.0.0/24", .vpc_id = "vpc-1"}});
#ifdef CFN_MISTAKE
    s.output("Ipv6Blocks", subnet.attr_ipv6_cidr_blocks());  // <- error
#else
    s.output("Ipv6Blocks", cfn::join(",", subnet.attr_ipv6_cidr_blocks()));
#endif
}
