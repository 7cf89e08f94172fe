// A Number parameter where a String belongs.
// class: 9
// fix: declare the parameter as `cfn::parameter<cfn::str>`, or convert visibly with `cfn::as<cfn::str>(p.ref())`.
// expect: AWS::EC2::Instance\.InstanceType
// expect: cfn::number
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    auto size = s.add(cfn::parameter<cfn::number>{"Size"});
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .instance_type = size.ref()}});  // <- error
#else
    auto size = s.add(cfn::parameter<cfn::str>{"Size"});
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .instance_type = size.ref()}});
#endif
}
