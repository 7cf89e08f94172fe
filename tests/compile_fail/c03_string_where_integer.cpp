// A string where CloudFormation expects an Integer.
// class: 3
// fix: write the number (`.size = 8`). CloudFormation would coerce "8"; cfnpp makes you say what you mean.
// expect: AWS::EC2::Volume\.Size
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/volume.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::volume{"Data", {.availability_zone = "eu-west-1a", .size = "8"}});  // <- error
#else
    s.add(cfn::aws::ec2::volume{"Data", {.availability_zone = "eu-west-1a", .size = 8}});
#endif
}
