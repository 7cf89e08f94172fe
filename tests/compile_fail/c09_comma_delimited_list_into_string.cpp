// A CommaDelimitedList parameter where a String belongs.
// class: 9
// fix: join it (`cfn::join(",", names.ref())`) or select one element.
// expect: AWS::EC2::Instance\.InstanceType
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>

void build(cfn::stack& s) {
    auto types = s.add(cfn::parameter<cfn::list<cfn::str>>{"InstanceTypes"});
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .instance_type = types.ref()}});  // <- error
#else
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .instance_type = cfn::select(0, types.ref())}});
#endif
}
