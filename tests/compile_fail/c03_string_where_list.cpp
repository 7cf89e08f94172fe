// A string where CloudFormation expects a List.
// class: 3
// fix: write a list, even of one element (`.security_group_ids = {sg.ref()}`).
// expect: AWS::EC2::Instance\.SecurityGroupIds
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/instance.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .security_group_ids = "sg-1"}});  // <- error
#else
    s.add(cfn::aws::ec2::instance{"Web", {.image_id = "ami-1", .security_group_ids = {"sg-1"}}});
#endif
}
