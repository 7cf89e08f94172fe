// AWS::NoValue as a branch of Fn::If, for a required Json property.
// class: 7
// fix: a required property must always have a value, Json ones too: give both branches one.
// expect: AWS::IAM::Role\.AssumeRolePolicyDocument
// expect: or_no_value
#include <cfn/cfn.hpp>
#include <cfn/aws/iam/role.hpp>

void build(cfn::stack& s, const cfn::condition_handle& c) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::iam::role{"Role", {.assume_role_policy_document = cfn::if_(c, "{}", cfn::no_value)}});  // <- error
#else
    s.add(cfn::aws::iam::role{"Role", {.assume_role_policy_document = "{}", .role_name = cfn::if_(c, "Admin", cfn::no_value)}});
#endif
}
