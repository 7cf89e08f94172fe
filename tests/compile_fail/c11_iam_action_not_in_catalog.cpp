// An action its service does not have: checked when the program compiles against AWS's catalog
// of IAM actions (cfn/iam/catalog.hpp, from the copy cfn-lint ships), case-insensitively.
// (A wildcard such as `s3:Get*` compiles; cfn::check reports it when it matches no action.)
// class: 11
// fix: spell the action as AWS's Service Authorization Reference lists it (`s3:GetObject`); IAM action names are case-insensitive.
// expect: iam_action_is_not_in_the_aws_catalog_of_its_service
#include <cfn/iam/policy.hpp>

namespace iam = cfn::iam;

iam::statement read_objects() {
#ifdef CFN_MISTAKE
    iam::statement s{.effect = iam::effect::allow, .action = {"s3:GetObjekt"}, .resource = {"arn:aws:s3:::bucket/*"}};  // <- error
    return s;
#else
    iam::statement s{.effect = iam::effect::allow, .action = {"s3:GetObject"}, .resource = {"arn:aws:s3:::bucket/*"}};
    return s;
#endif
}
