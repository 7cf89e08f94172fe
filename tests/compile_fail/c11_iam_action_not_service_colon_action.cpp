// An action literal that is not `service:Action`: checked when the program compiles, and the
// message names the rule. (`*`, `logs:*` and `logs:Describe*` are fine; a computed action goes
// through the visible escape cfn::iam::action::runtime.)
// class: 11
// fix: write `service:Action` (`logs:CreateLogGroup`); wildcards like `logs:*` are fine; an action computed at run time goes through `cfn::iam::action::runtime`.
// expect: iam_action_must_be_star_or_service_colon_action
#include <cfn/iam/policy.hpp>

namespace iam = cfn::iam;

iam::statement allow_logs() {
#ifdef CFN_MISTAKE
    iam::statement s{.effect = iam::effect::allow, .action = {"logs CreateLogGroup"}, .resource = {"*"}};  // <- error
    return s;
#else
    iam::statement s{.effect = iam::effect::allow, .action = {"logs:CreateLogGroup"}, .resource = {"*"}};
    return s;
#endif
}
