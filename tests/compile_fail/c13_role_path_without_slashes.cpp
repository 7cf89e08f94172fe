// An IAM role path that does not match its pattern: a path must start and end with '/'.
// class: 13
// fix: `/` or `/division/team/`; the pattern is `role::path_pattern` in cfn/aws/iam/role.hpp.
// expect: literal_does_not_match_the_property_pattern
// expect-gcc: AWS::IAM::Role\.Path.*path_pattern
// expect-clang: u002F
#include <cfn/cfn.hpp>
#include <cfn/aws/iam/role.hpp>

void build(cfn::stack& s) {
    auto trust = cfn::json_value::object({{"Version", "2012-10-17"}});
#ifdef CFN_MISTAKE
    s.add(cfn::aws::iam::role{"Node", {.assume_role_policy_document = trust, .path = "swarm"}});  // <- error
#else
    s.add(cfn::aws::iam::role{"Node", {.assume_role_policy_document = trust, .path = "/swarm/"}});
#endif
}
