// A suppression naming its rule by a string: the rule's ID as text could be misspelled, so only
// the rule's constant is accepted.
// class: 12
// fix: `cfn::guard::ec2_admin_ingress_world` instead of "CFN-EC2-ADMIN-INGRESS-WORLD".
// expect: suppression
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/security_group.hpp>

namespace ec2 = cfn::aws::ec2;

void add_bastion(cfn::stack& s) {
#ifdef CFN_MISTAKE
    cfn::guard::suppression operators{"CFN-EC2-ADMIN-INGRESS-WORLD", "the bastion is how operators get in"};  // <- error
#else
    cfn::guard::suppression operators{cfn::guard::ec2_admin_ingress_world, "the bastion is how operators get in"};
#endif
    s.add(ec2::security_group{"Bastion", {.group_description = "the way in for operators"}, {.suppress = {operators}}});
}
