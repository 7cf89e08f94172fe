// A condition function (Fn::Equals) given to a Json property, such as a role's trust policy.
// class: 7
// fix: a Json property takes values (strings, numbers, lists, objects, `cfn::json_value`, a policy document); a condition goes into `cfn::condition{...}`, and `cfn::if_(condition, a, b)` chooses between two documents.
// expect: condition_value
// expect: AWS::IAM::Role\.AssumeRolePolicyDocument
#include <cfn/cfn.hpp>
#include <cfn/aws/iam/role.hpp>

void build(cfn::stack& s) {
    auto env = s.add(cfn::parameter<cfn::str>{"Env"});
#ifdef CFN_MISTAKE
    s.add(cfn::aws::iam::role{"Role", {.assume_role_policy_document = cfn::equals(env.ref(), "prod")}});  // <- error
#else
    auto prod = s.add(cfn::condition{"Prod", cfn::equals(env.ref(), "prod")});
    s.add(cfn::aws::iam::role{"Role", {.assume_role_policy_document = cfn::if_(prod, cfn::aws::account_id, "123456789012")}});
#endif
}
