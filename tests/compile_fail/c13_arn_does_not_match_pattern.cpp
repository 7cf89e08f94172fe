// A literal ARN of the wrong shape where the property's pattern wants a role ARN: a Lambda
// function's role given with the account ID left out.
// class: 13
// fix: the whole ARN, `arn:aws:iam::123456789012:role/name`, or better the role's `arn()` attribute.
// expect: literal_does_not_match_the_property_pattern
// expect-gcc: AWS::Lambda::Function\.Role.*role_pattern
// expect-clang: arn:\(aws\[a-zA-Z-\]\*\)\?:iam::
#include <cfn/cfn.hpp>
#include <cfn/aws/lambda/function.hpp>

void build(cfn::stack& s) {
#ifdef CFN_MISTAKE
    s.add(cfn::aws::lambda::function{"Handler", {.code = {.zip_file = "def handler(e, c): pass"},
                                                 .role = "arn:aws:iam::role/handler"}});  // <- error
#else
    s.add(cfn::aws::lambda::function{"Handler", {.code = {.zip_file = "def handler(e, c): pass"},
                                                 .role = "arn:aws:iam::123456789012:role/handler"}});
#endif
}
