// A suppression naming a rule that does not exist: rules are constants of cfn::guard, so a typo
// is an unknown identifier rather than a suppression that silently suppresses nothing.
// class: 12
// fix: name the rule by its constant from cfn/guard/builtin.hpp (docs/rules.md lists them).
// expect: ec2_admin_ingres_world
#include <cfn/cfn.hpp>
#include <cfn/aws/ec2/security_group.hpp>

namespace ec2 = cfn::aws::ec2;

void add_bastion(cfn::stack& s) {
    s.add(ec2::security_group{"Bastion", {.group_description = "the way in for operators"}, {
#ifdef CFN_MISTAKE
        .suppress = {{cfn::guard::ec2_admin_ingres_world, "the bastion is how operators get in"}},  // <- error
#else
        .suppress = {{cfn::guard::ec2_admin_ingress_world, "the bastion is how operators get in"}},
#endif
    }});
}
