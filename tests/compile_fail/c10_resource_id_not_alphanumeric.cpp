// A literal logical ID that is not alphanumeric.
// class: 10
// fix: letters and digits only, at most 255 characters (`PublicSubnet`). IDs built at run time are checked before the template is written.
// expect: logical_id_must_be_alphanumeric_and_at_most_255_characters
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/subnet.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::ec2::subnet{"Public-Subnet", {.vpc_id = "vpc-1"}});  // <- error
#else
    s.add(cfn::aws::ec2::subnet{"PublicSubnet", {.vpc_id = "vpc-1"}});
#endif
}
