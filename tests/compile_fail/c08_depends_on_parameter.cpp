// DependsOn given a parameter: only resources can be waited for.
// class: 8
// fix: list resource handles in `.depends_on`; a parameter's value is known before any resource is created.
// expect-gcc: dependency\(const cfn::handle_base&\)
// expect-clang: from .parameter_handle<.*dependency. invokes a deleted function
// expect: depends_on_takes_resources_only
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>
#include <cfn/aws/ec2/vpc.hpp>

void build(cfn::stack& s) {
    auto key = s.add(cfn::parameter<cfn::aws_ec2_keypair_keyname>{"KeyName"});
    auto vpc = s.add(cfn::aws::ec2::vpc{"Vpc", {.cidr_block = "10.0.0.0/16"}});
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}, {.depends_on = {key}}});  // <- error
    (void)vpc;
#else
    s.add(cfn::aws::ec2::subnet{"Subnet", {.vpc_id = "vpc-1"}, {.depends_on = {vpc}}});
    (void)key;
#endif
}
