// A misspelled field of an IAM policy document: the document is an aggregate written with
// designated initializers, so `.statment` names no member and does not compile.
// class: 11
// fix: use the field names of `cfn::iam::policy_document` and `cfn::iam::statement` (IAM's names in snake_case: `statement`, `effect`, `not_action`, ...).
// expect: statment
// expect: no non-static data member|has no member|designator
#include <cfn/iam/policy.hpp>

namespace iam = cfn::iam;

iam::policy_document read_anything() {
#ifdef CFN_MISTAKE
    iam::policy_document d{.statment = {{.effect = iam::effect::allow, .action = {"s3:GetObject"}, .resource = {"*"}}}};  // <- error
    return d;
#else
    iam::policy_document d{.statement = {{.effect = iam::effect::allow, .action = {"s3:GetObject"}, .resource = {"*"}}}};
    return d;
#endif
}
