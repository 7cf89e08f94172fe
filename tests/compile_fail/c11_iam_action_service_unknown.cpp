// An action of a service prefix AWS does not have: checked when the program compiles against
// AWS's catalog of IAM actions (cfn/iam/catalog.hpp), wildcards included (`s4:*`).
// class: 11
// fix: use the service prefix AWS's Service Authorization Reference gives (`s3`, `logs`, `elasticloadbalancing`).
// expect: iam_action_service_prefix_is_not_in_the_aws_catalog_of_services
#include <cfn/iam/policy.hpp>

namespace iam = cfn::iam;

iam::statement write_logs() {
#ifdef CFN_MISTAKE
    iam::statement s{.effect = iam::effect::allow, .action = {"cloudwatchlogs:PutLogEvents"}, .resource = {"*"}};  // <- error
    return s;
#else
    iam::statement s{.effect = iam::effect::allow, .action = {"logs:PutLogEvents"}, .resource = {"*"}};
    return s;
#endif
}
