// A tag without its value.
// class: 1
// fix: give the tag a value (`{.key = "Name", .value = "web"}`).
// expect-gcc: Tag\.Value
// expect-clang: AWS::EC2::VPC\.Tags
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/vpc.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16", .tags = {{.key = "Name"}}}});  // <- error
#else
    s.add(cfn::aws::ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16", .tags = {{.key = "Name", .value = "web"}}}});
#endif
}
