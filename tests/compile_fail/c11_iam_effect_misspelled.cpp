// An Effect spelled as a string: Effect is an enum, cfn::iam::effect::allow or deny, so "Alow" (or
// even "Allow") does not compile.
// class: 11
// fix: use `cfn::iam::effect::allow` or `cfn::iam::effect::deny`.
// expect: effect_field|cfn::iam::effect
#include <cfn/iam/policy.hpp>

namespace iam = cfn::iam;

iam::statement allow_logs() {
#ifdef CFN_MISTAKE
    iam::statement s{.effect = "Alow", .action = {"logs:PutLogEvents"}, .resource = {"*"}};  // <- error
    return s;
#else
    iam::statement s{.effect = iam::effect::allow, .action = {"logs:PutLogEvents"}, .resource = {"*"}};
    return s;
#endif
}
