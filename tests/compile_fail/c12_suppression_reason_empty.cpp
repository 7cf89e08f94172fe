// A suppression without a reason: a guard-rail finding is accepted only with a reason saying why,
// so an empty (or blank) reason does not compile.
// class: 12
// fix: say why the finding is acceptable: `{cfn::guard::ec2_admin_ingress_world, "the bastion is how operators get in"}`.
// expect: a_suppression_needs_a_reason_saying_why_the_finding_is_acceptable
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/security_group.hpp>

namespace ec2 = cfn::aws::ec2;

void add_bastion(cfn::stack& s) {
#ifdef CFN_MISTAKE
    cfn::guard::suppression operators{cfn::guard::ec2_admin_ingress_world, ""};  // <- error
#else
    cfn::guard::suppression operators{cfn::guard::ec2_admin_ingress_world, "the bastion is how operators get in"};
#endif
    s.add(ec2::security_group{"Bastion", {.group_description = "the way in for operators"}, {.suppress = {operators}}});
}
