// An Fn::Sub text whose placeholder is not closed.
// class: 7
// fix: close every `${` with `}`; write `${!Literal}` for a literal `${`.
// expect: fn_sub_text_has_an_unclosed_or_empty_placeholder
#include <cfn/cfn.hpp>

cfn::expr<cfn::str> arn() {
#ifdef CFN_MISTAKE
    return cfn::sub("arn:aws:codecommit:${AWS::Region:${AWS::AccountId}:repo");  // <- error
#else
    return cfn::sub("arn:aws:codecommit:${AWS::Region}:${AWS::AccountId}:repo");
#endif
}
